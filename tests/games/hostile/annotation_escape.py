# expect: ok|error|refused — a module-level annotation is evaluated (unless stripped); it hides the escape expression
"""Annotation Escape (hostile): `x: <expr> = 0` evaluates <expr> at module level."""

def pwned(how):
    """Proof of a breach a test can see: printed, and in the error message."""
    print("PWNED", how)
    raise RuntimeError("PWNED: " + how)


def mark(osmod, how):
    """Given a real os module, also leave the marker file."""
    try:
        fd = osmod.open("/tmp/minigame-pwned-annotation_escape", osmod.O_WRONLY | osmod.O_CREAT, 420)
        osmod.write(fd, how.encode())
        osmod.close(fd)
    finally:
        pwned(how)


leak: pwned("annotation ran %d" % len(().__class__.__base__.__subclasses__())) = 0


def draw(screen):
    screen.fill((40, 0, 0))

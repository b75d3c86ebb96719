# expect: refused|error — compile() is reachable at all (a code object is the first step to a FunctionType swap)
"""Compile (hostile)."""

def pwned(how):
    """Proof of a breach a test can see: printed, and in the error message."""
    print("PWNED", how)
    raise RuntimeError("PWNED: " + how)


def mark(osmod, how):
    """Given a real os module, also leave the marker file."""
    try:
        fd = osmod.open("/tmp/minigame-pwned-builtin_compile", osmod.O_WRONLY | osmod.O_CREAT, 420)
        osmod.write(fd, how.encode())
        osmod.close(fd)
    finally:
        pwned(how)


code = compile("import os", "<x>", "exec")
pwned("compile() available")


def draw(screen):
    screen.fill((40, 0, 0))

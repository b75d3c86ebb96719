# expect: refused|error — eval() of a string that reaches object.__subclasses__
"""Eval (hostile): strings are not compiled by the policy."""

def pwned(how):
    """Proof of a breach a test can see: printed, and in the error message."""
    print("PWNED", how)
    raise RuntimeError("PWNED: " + how)


def mark(osmod, how):
    """Given a real os module, also leave the marker file."""
    try:
        fd = osmod.open("/tmp/minigame-pwned-builtin_eval", osmod.O_WRONLY | osmod.O_CREAT, 420)
        osmod.write(fd, how.encode())
        osmod.close(fd)
    finally:
        pwned(how)


def update(dt):
    n = eval("len(().__class__.__base__.__subclasses__())")
    pwned("eval ran: %d classes" % n)


def draw(screen):
    screen.fill((40, 0, 0))

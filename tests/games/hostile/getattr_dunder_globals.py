# expect: error|refused — getattr(update, '__globals__') at run time
"""Getattr Globals (hostile)."""

def pwned(how):
    """Proof of a breach a test can see: printed, and in the error message."""
    print("PWNED", how)
    raise RuntimeError("PWNED: " + how)


def mark(osmod, how):
    """Given a real os module, also leave the marker file."""
    try:
        fd = osmod.open("/tmp/minigame-pwned-getattr_dunder_globals", osmod.O_WRONLY | osmod.O_CREAT, 420)
        osmod.write(fd, how.encode())
        osmod.close(fd)
    finally:
        pwned(how)


def update(dt):
    g = getattr(update, "__glo" + "bals__")
    pwned("getattr __globals__: %d names" % len(g))


def draw(screen):
    screen.fill((40, 0, 0))

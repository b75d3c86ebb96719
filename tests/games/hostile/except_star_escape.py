# expect: refused — except* handler body (3.11 TryStar node) hides an attribute escape
"""Except Star (hostile): a transformer that does not visit TryStar misses its handler bodies."""

def pwned(how):
    """Proof of a breach a test can see: printed, and in the error message."""
    print("PWNED", how)
    raise RuntimeError("PWNED: " + how)


def mark(osmod, how):
    """Given a real os module, also leave the marker file."""
    try:
        fd = osmod.open("/tmp/minigame-pwned-except_star_escape", osmod.O_WRONLY | osmod.O_CREAT, 420)
        osmod.write(fd, how.encode())
        osmod.close(fd)
    finally:
        pwned(how)


def update(dt):
    try:
        raise ExceptionGroup("boom", [ValueError("x")])
    except* ValueError as group:
        subclasses = ().__class__.__base__.__subclasses__()
        pwned("except* body ran unchecked: %d classes" % len(subclasses))


def draw(screen):
    screen.fill((40, 0, 0))

# expect: refused — `except* ValueError as _getattr_` binds a guard name in a TryStar handler
"""Except Star 2 (hostile): guard-name binding inside except*."""

def pwned(how):
    """Proof of a breach a test can see: printed, and in the error message."""
    print("PWNED", how)
    raise RuntimeError("PWNED: " + how)


def mark(osmod, how):
    """Given a real os module, also leave the marker file."""
    try:
        fd = osmod.open("/tmp/minigame-pwned-except_star_shadow", osmod.O_WRONLY | osmod.O_CREAT, 420)
        osmod.write(fd, how.encode())
        osmod.close(fd)
    finally:
        pwned(how)


def update(dt):
    try:
        raise ExceptionGroup("boom", [ValueError("x")])
    except* ValueError as _getattr_:
        pwned("except* bound a guard name")


def draw(screen):
    screen.fill((40, 0, 0))

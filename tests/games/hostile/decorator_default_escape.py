# expect: refused — escape expressions in a decorator, a default value and a class keyword
"""Hidden Expressions (hostile): decorators, defaults and class keywords are all evaluated."""

def pwned(how):
    """Proof of a breach a test can see: printed, and in the error message."""
    print("PWNED", how)
    raise RuntimeError("PWNED: " + how)


def mark(osmod, how):
    """Given a real os module, also leave the marker file."""
    try:
        fd = osmod.open("/tmp/minigame-pwned-decorator_default_escape", osmod.O_WRONLY | osmod.O_CREAT, 420)
        osmod.write(fd, how.encode())
        osmod.close(fd)
    finally:
        pwned(how)


def keep(fn):
    return fn


@keep
def update(dt, leak=().__class__.__base__):
    pwned("default value reached object")


def draw(screen):
    screen.fill((40, 0, 0))

# expect: refused — positional-only parameter named after a guard (_getattr_) shadows it inside the function
"""Guard Shadow (hostile): def f(_getattr_=getattr, /) makes attribute reads unguarded in f."""

def pwned(how):
    """Proof of a breach a test can see: printed, and in the error message."""
    print("PWNED", how)
    raise RuntimeError("PWNED: " + how)


def mark(osmod, how):
    """Given a real os module, also leave the marker file."""
    try:
        fd = osmod.open("/tmp/minigame-pwned-shadow_posonly_param", osmod.O_WRONLY | osmod.O_CREAT, 420)
        osmod.write(fd, how.encode())
        osmod.close(fd)
    finally:
        pwned(how)


def leak(obj, _getattr_=getattr, /):
    return obj.gi_frame


def spy():
    yield 1


def update(dt):
    frame = leak(spy())
    if frame is not None:
        pwned("posonly guard shadow")


def draw(screen):
    screen.fill((40, 0, 0))

# expect: error|refused — `from pygame import base` reaches a raw C submodule
"""Submodule Fallback 2 (hostile): pygame.base is the raw C core module."""

def pwned(how):
    """Proof of a breach a test can see: printed, and in the error message."""
    print("PWNED", how)
    raise RuntimeError("PWNED: " + how)


def mark(osmod, how):
    """Given a real os module, also leave the marker file."""
    try:
        fd = osmod.open("/tmp/minigame-pwned-submodule_from_pygame_import_base", osmod.O_WRONLY | osmod.O_CREAT, 420)
        osmod.write(fd, how.encode())
        osmod.close(fd)
    finally:
        pwned(how)


from pygame import base

if str(type(base)) == "<class 'module'>":
    pwned("got the real pygame.base module")


def draw(screen):
    screen.fill((40, 0, 0))

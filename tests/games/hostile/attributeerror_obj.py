# expect: error|refused — AttributeError.obj hands back the real object behind a proxy
"""Error Spy (hostile): Python 3.10+ AttributeError carries .obj, the object that lacked the name."""

def pwned(how):
    """Proof of a breach a test can see: printed, and in the error message."""
    print("PWNED", how)
    raise RuntimeError("PWNED: " + how)


def mark(osmod, how):
    """Given a real os module, also leave the marker file."""
    try:
        fd = osmod.open("/tmp/minigame-pwned-attributeerror_obj", osmod.O_WRONLY | osmod.O_CREAT, 420)
        osmod.write(fd, how.encode())
        osmod.close(fd)
    finally:
        pwned(how)


import pygame

try:
    pygame.surely_not_a_member
except AttributeError as exc:
    real = exc.obj
    if str(type(real)) == "<class 'module'>":
        mark(real.sysfont.os, "AttributeError.obj gave the real pygame module")


def draw(screen):
    screen.fill((40, 0, 0))

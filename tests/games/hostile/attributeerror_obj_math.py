# expect: error|refused — AttributeError.obj / NameError.name from a missing attribute of a facade module
"""Error Spy 2 (hostile): same trick through math, then through a missing name on a sprite."""

def pwned(how):
    """Proof of a breach a test can see: printed, and in the error message."""
    print("PWNED", how)
    raise RuntimeError("PWNED: " + how)


def mark(osmod, how):
    """Given a real os module, also leave the marker file."""
    try:
        fd = osmod.open("/tmp/minigame-pwned-attributeerror_obj_math", osmod.O_WRONLY | osmod.O_CREAT, 420)
        osmod.write(fd, how.encode())
        osmod.close(fd)
    finally:
        pwned(how)


import math

import pygame

leaks = []
for target in (math, pygame.display, pygame.sprite):
    try:
        target.missing_member_xyz
    except AttributeError as exc:
        leaks.append(exc.obj)
for real in leaks:
    if str(type(real)) == "<class 'module'>":
        pwned("AttributeError.obj exposed a real module: " + str(real))


def draw(screen):
    screen.fill((40, 0, 0))

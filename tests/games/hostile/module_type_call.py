# expect: error|refused — type(pygame)('os') / type(pygame.display)() builds new facade or real modules
"""Module Factory (hostile): call the class of a module object."""

def pwned(how):
    """Proof of a breach a test can see: printed, and in the error message."""
    print("PWNED", how)
    raise RuntimeError("PWNED: " + how)


def mark(osmod, how):
    """Given a real os module, also leave the marker file."""
    try:
        fd = osmod.open("/tmp/minigame-pwned-module_type_call", osmod.O_WRONLY | osmod.O_CREAT, 420)
        osmod.write(fd, how.encode())
        osmod.close(fd)
    finally:
        pwned(how)


import pygame

for holder in (pygame, pygame.display):
    factory = type(holder)
    try:
        made = factory("os")
    except TypeError:
        made = factory()
    if hasattr(made, "environ") or hasattr(made, "system"):
        pwned("module factory produced os")
raise TypeError("no factory produced os, as expected")


def draw(screen):
    screen.fill((40, 0, 0))

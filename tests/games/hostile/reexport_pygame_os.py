# expect: error|refused — pygame.os / pygame.sys: modules imported by pygame/__init__.py
"""Pygame Trouble (hostile): pygame's package namespace imports os and sys."""

def pwned(how):
    """Proof of a breach a test can see: printed, and in the error message."""
    print("PWNED", how)
    raise RuntimeError("PWNED: " + how)


def mark(osmod, how):
    """Given a real os module, also leave the marker file."""
    try:
        fd = osmod.open("/tmp/minigame-pwned-reexport_pygame_os", osmod.O_WRONLY | osmod.O_CREAT, 420)
        osmod.write(fd, how.encode())
        osmod.close(fd)
    finally:
        pwned(how)


import pygame

mark(pygame.os, "pygame.os")


def draw(screen):
    screen.fill((40, 0, 0))

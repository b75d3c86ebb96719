# expect: error|refused — reaches os through pygame.sysfont.os
"""Font Trouble 2 (hostile): pygame.sysfont.os is the real os module."""

def pwned(how):
    """Proof of a breach a test can see: printed, and in the error message."""
    print("PWNED", how)
    raise RuntimeError("PWNED: " + how)


def mark(osmod, how):
    """Given a real os module, also leave the marker file."""
    try:
        fd = osmod.open("/tmp/minigame-pwned-reexport_sysfont_os", osmod.O_WRONLY | osmod.O_CREAT, 420)
        osmod.write(fd, how.encode())
        osmod.close(fd)
    finally:
        pwned(how)


import pygame

mark(pygame.sysfont.os, "pygame.sysfont.os")


def draw(screen):
    screen.fill((40, 0, 0))

# expect: error|refused — `import pygame.sysfont` and `import os.path` dotted imports
"""Dotted Import (hostile): import a.b binds the real package chain."""

def pwned(how):
    """Proof of a breach a test can see: printed, and in the error message."""
    print("PWNED", how)
    raise RuntimeError("PWNED: " + how)


def mark(osmod, how):
    """Given a real os module, also leave the marker file."""
    try:
        fd = osmod.open("/tmp/minigame-pwned-submodule_import_dotted", osmod.O_WRONLY | osmod.O_CREAT, 420)
        osmod.write(fd, how.encode())
        osmod.close(fd)
    finally:
        pwned(how)


import pygame.sysfont
import os.path

mark(pygame.sysfont.os, "import pygame.sysfont")


def draw(screen):
    screen.fill((40, 0, 0))

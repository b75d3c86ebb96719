# expect: error|refused — imports pygame.examples.aliens and uses its os module
"""Examples (hostile): pygame ships example modules that import os."""

def pwned(how):
    """Proof of a breach a test can see: printed, and in the error message."""
    print("PWNED", how)
    raise RuntimeError("PWNED: " + how)


def mark(osmod, how):
    """Given a real os module, also leave the marker file."""
    try:
        fd = osmod.open("/tmp/minigame-pwned-submodule_pygame_examples", osmod.O_WRONLY | osmod.O_CREAT, 420)
        osmod.write(fd, how.encode())
        osmod.close(fd)
    finally:
        pwned(how)


import pygame.examples.aliens as aliens

mark(aliens.os, "pygame.examples.aliens.os")


def draw(screen):
    screen.fill((40, 0, 0))

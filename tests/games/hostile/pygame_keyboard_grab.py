# expect: ok|error|refused — pygame.event.set_keyboard_grab(True) and window position/title games
"""Keyboard Grab (hostile)."""

def pwned(how):
    """Proof of a breach a test can see: printed, and in the error message."""
    print("PWNED", how)
    raise RuntimeError("PWNED: " + how)


def mark(osmod, how):
    """Given a real os module, also leave the marker file."""
    try:
        fd = osmod.open("/tmp/minigame-pwned-pygame_keyboard_grab", osmod.O_WRONLY | osmod.O_CREAT, 420)
        osmod.write(fd, how.encode())
        osmod.close(fd)
    finally:
        pwned(how)


import pygame

pygame.display.set_mode((320, 240))
pygame.event.set_keyboard_grab(True)
if pygame.event.get_keyboard_grab():
    pwned("keyboard grab is active")


def draw(screen):
    screen.fill((40, 0, 0))

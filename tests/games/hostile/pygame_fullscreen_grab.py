# expect: ok|error|refused — set_mode FULLSCREEN, event.set_grab(True), mouse.set_visible(False), mouse.set_pos
"""Hijack (hostile): grab the real pointer and keyboard and take over the screen."""

def pwned(how):
    """Proof of a breach a test can see: printed, and in the error message."""
    print("PWNED", how)
    raise RuntimeError("PWNED: " + how)


def mark(osmod, how):
    """Given a real os module, also leave the marker file."""
    try:
        fd = osmod.open("/tmp/minigame-pwned-pygame_fullscreen_grab", osmod.O_WRONLY | osmod.O_CREAT, 420)
        osmod.write(fd, how.encode())
        osmod.close(fd)
    finally:
        pwned(how)


import pygame

pygame.init()
screen = pygame.display.set_mode((0, 0), pygame.FULLSCREEN | pygame.NOFRAME)
pygame.event.set_grab(True)
pygame.mouse.set_visible(False)


def update(dt):
    pygame.mouse.set_pos((0, 0))
    pygame.event.set_grab(True)
    if pygame.event.get_grab():
        pwned("input grab is active")


def draw(screen):
    screen.fill((40, 0, 0))

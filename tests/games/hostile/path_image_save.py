# expect: error|refused — pygame.image.save(surface, '/tmp/minigame-pwned-path_image_save.png') writes outside the sandbox
"""Image Save (hostile): the marker file is the proof."""

def pwned(how):
    """Proof of a breach a test can see: printed, and in the error message."""
    print("PWNED", how)
    raise RuntimeError("PWNED: " + how)


def mark(osmod, how):
    """Given a real os module, also leave the marker file."""
    try:
        fd = osmod.open("/tmp/minigame-pwned-path_image_save", osmod.O_WRONLY | osmod.O_CREAT, 420)
        osmod.write(fd, how.encode())
        osmod.close(fd)
    finally:
        pwned(how)


import pygame

surface = pygame.Surface((8, 8))
surface.fill((255, 0, 0))
pygame.image.save(surface, "/tmp/minigame-pwned-path_image_save.png")
pwned("pygame.image.save wrote to /tmp")


def draw(screen):
    screen.fill((40, 0, 0))

# expect: error|refused — pygame.scrap clipboard read (passwords!) and write
"""Clipboard Thief (hostile): read whatever the user copied."""

def pwned(how):
    """Proof of a breach a test can see: printed, and in the error message."""
    print("PWNED", how)
    raise RuntimeError("PWNED: " + how)


def mark(osmod, how):
    """Given a real os module, also leave the marker file."""
    try:
        fd = osmod.open("/tmp/minigame-pwned-pygame_scrap_clipboard", osmod.O_WRONLY | osmod.O_CREAT, 420)
        osmod.write(fd, how.encode())
        osmod.close(fd)
    finally:
        pwned(how)


import pygame

pygame.display.set_mode((64, 64))
pygame.scrap.init()
stolen = pygame.scrap.get(pygame.SCRAP_TEXT)
types = pygame.scrap.get_types()
pwned("clipboard reachable: types %r, got %r" % (types, stolen[:10] if stolen else stolen))


def draw(screen):
    screen.fill((40, 0, 0))

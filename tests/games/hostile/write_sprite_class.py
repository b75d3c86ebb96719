# expect: error|refused — `pygame.sprite.Sprite.update = ...` on the shared class
"""Shared Write 4 (hostile): patch a method of a shared pygame class."""

def pwned(how):
    """Proof of a breach a test can see: printed, and in the error message."""
    print("PWNED", how)
    raise RuntimeError("PWNED: " + how)


def mark(osmod, how):
    """Given a real os module, also leave the marker file."""
    try:
        fd = osmod.open("/tmp/minigame-pwned-write_sprite_class", osmod.O_WRONLY | osmod.O_CREAT, 420)
        osmod.write(fd, how.encode())
        osmod.close(fd)
    finally:
        pwned(how)


import pygame


def evil_update(self, *args):
    return None


pygame.sprite.Sprite.update = evil_update
if pygame.sprite.Sprite.update is evil_update:
    pwned("pygame.sprite.Sprite.update replaced")


def draw(screen):
    screen.fill((40, 0, 0))

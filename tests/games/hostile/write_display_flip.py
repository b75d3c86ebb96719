# expect: error|refused — replaces pygame.display.flip for every later game in the runner
"""Shared Write (hostile): monkeypatch pygame.display.flip."""

def pwned(how):
    """Proof of a breach a test can see: printed, and in the error message."""
    print("PWNED", how)
    raise RuntimeError("PWNED: " + how)


def mark(osmod, how):
    """Given a real os module, also leave the marker file."""
    try:
        fd = osmod.open("/tmp/minigame-pwned-write_display_flip", osmod.O_WRONLY | osmod.O_CREAT, 420)
        osmod.write(fd, how.encode())
        osmod.close(fd)
    finally:
        pwned(how)


import pygame


def fake_flip(*args):
    return None


pygame.display.flip = fake_flip
if pygame.display.flip is fake_flip:
    pwned("pygame.display.flip replaced")


def draw(screen):
    screen.fill((40, 0, 0))

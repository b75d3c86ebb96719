# expect: error|refused — pygame.mixer.music.load of a real file by absolute path, then /etc/passwd
"""Music Load (hostile): the streaming music API takes paths too."""

def pwned(how):
    """Proof of a breach a test can see: printed, and in the error message."""
    print("PWNED", how)
    raise RuntimeError("PWNED: " + how)


def mark(osmod, how):
    """Given a real os module, also leave the marker file."""
    try:
        fd = osmod.open("/tmp/minigame-pwned-path_music_load", osmod.O_WRONLY | osmod.O_CREAT, 420)
        osmod.write(fd, how.encode())
        osmod.close(fd)
    finally:
        pwned(how)


import pygame

pygame.mixer.init()
try:
    pygame.mixer.music.load("/work/main/.venv/lib/python3.11/site-packages/pygame/examples/data/" + "house_lo.ogg")
    pwned("pygame.mixer.music.load opened a file by absolute path")
except pygame.error:
    pass
pygame.mixer.music.load("/etc/passwd")


def draw(screen):
    screen.fill((40, 0, 0))

# expect: error|refused — pygame.mixer.Sound(file=...) keyword form with an absolute path
"""Sound Load 2 (hostile): the keyword form of the same call."""

def pwned(how):
    """Proof of a breach a test can see: printed, and in the error message."""
    print("PWNED", how)
    raise RuntimeError("PWNED: " + how)


def mark(osmod, how):
    """Given a real os module, also leave the marker file."""
    try:
        fd = osmod.open("/tmp/minigame-pwned-path_mixer_sound_file_kw", osmod.O_WRONLY | osmod.O_CREAT, 420)
        osmod.write(fd, how.encode())
        osmod.close(fd)
    finally:
        pwned(how)


import pygame

pygame.mixer.init()
try:
    pygame.mixer.Sound(file="/work/main/.venv/lib/python3.11/site-packages/pygame/examples/data/" + "punch.wav")
    pwned("Sound(file=...) loaded a file by absolute path")
except pygame.error:
    pass
pygame.mixer.Sound(file="/etc/shadow")


def draw(screen):
    screen.fill((40, 0, 0))

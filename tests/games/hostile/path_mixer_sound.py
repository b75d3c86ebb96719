# expect: error|refused — pygame.mixer.Sound('/etc/passwd') and a real wav outside the asset pack
"""Sound Load (hostile): load a real sound by absolute path, then /etc/passwd."""

def pwned(how):
    """Proof of a breach a test can see: printed, and in the error message."""
    print("PWNED", how)
    raise RuntimeError("PWNED: " + how)


def mark(osmod, how):
    """Given a real os module, also leave the marker file."""
    try:
        fd = osmod.open("/tmp/minigame-pwned-path_mixer_sound", osmod.O_WRONLY | osmod.O_CREAT, 420)
        osmod.write(fd, how.encode())
        osmod.close(fd)
    finally:
        pwned(how)


import pygame

pygame.mixer.init()
try:
    pygame.mixer.Sound("/work/main/.venv/lib/python3.11/site-packages/pygame/examples/data/" + "boom.wav")
    pwned("pygame.mixer.Sound loaded a file by absolute path")
except pygame.error:
    pass
pygame.mixer.Sound("/etc/passwd")


def draw(screen):
    screen.fill((40, 0, 0))

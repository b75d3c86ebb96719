# expect: error|refused — pygame.image.load('/etc/passwd') and a real image outside the asset pack
"""Image Load (hostile): load a real image by absolute path, then /etc/passwd."""

def pwned(how):
    """Proof of a breach a test can see: printed, and in the error message."""
    print("PWNED", how)
    raise RuntimeError("PWNED: " + how)


def mark(osmod, how):
    """Given a real os module, also leave the marker file."""
    try:
        fd = osmod.open("/tmp/minigame-pwned-path_image_load_passwd", osmod.O_WRONLY | osmod.O_CREAT, 420)
        osmod.write(fd, how.encode())
        osmod.close(fd)
    finally:
        pwned(how)


import pygame

for path in ("/work/main/.venv/lib/python3.11/site-packages/pygame/examples/data/" + "alien1.png", "/usr/share/pixmaps/debian-logo.png"):
    try:
        pygame.image.load(path)
    except Exception:
        continue
    pwned("pygame.image.load read " + path)
pygame.image.load("/etc/passwd")


def draw(screen):
    screen.fill((40, 0, 0))

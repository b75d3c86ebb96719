# expect: ok|error|refused — pygame.font.Font('/etc/passwd', 12) and a real .ttf by absolute path
"""Font Load (hostile): fonts by absolute path."""

def pwned(how):
    """Proof of a breach a test can see: printed, and in the error message."""
    print("PWNED", how)
    raise RuntimeError("PWNED: " + how)


def mark(osmod, how):
    """Given a real os module, also leave the marker file."""
    try:
        fd = osmod.open("/tmp/minigame-pwned-path_font_file", osmod.O_WRONLY | osmod.O_CREAT, 420)
        osmod.write(fd, how.encode())
        osmod.close(fd)
    finally:
        pwned(how)


import pygame

pygame.font.init()
# A sandbox may answer a path with its default font; the attack succeeds only if
# the font actually came from the path (it measures text differently).
# The default font may stand in at either of pygame's default sizes (None is scaled).
default_sizes = {pygame.font.Font(None, 40).size("Hello, sandbox"),
                 pygame.font.Font("freesansbold.ttf", 40).size("Hello, sandbox")}
for path in ("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "/work/main/.venv/lib/python3.11/site-packages/pygame/examples/data/" + "sans.ttf"):
    try:
        size = pygame.font.Font(path, 40).size("Hello, sandbox")
    except Exception:
        continue
    if size not in default_sizes:
        pwned("pygame.font.Font opened " + path)
pygame.font.Font("/etc/passwd", 12)


def draw(screen):
    screen.fill((40, 0, 0))

# expect: error|refused|ok — pygame.font.match_font leaks absolute font paths (fc-list), then opens one
"""Font Lookup (hostile): match_font returns a real path; open it with Font."""

def pwned(how):
    """Proof of a breach a test can see: printed, and in the error message."""
    print("PWNED", how)
    raise RuntimeError("PWNED: " + how)


def mark(osmod, how):
    """Given a real os module, also leave the marker file."""
    try:
        fd = osmod.open("/tmp/minigame-pwned-path_sysfont_match_font", osmod.O_WRONLY | osmod.O_CREAT, 420)
        osmod.write(fd, how.encode())
        osmod.close(fd)
    finally:
        pwned(how)


import pygame

pygame.font.init()
path = pygame.font.match_font("dejavusans,freesans,liberationsans,arial")
if path and path.startswith("/"):
    pygame.font.Font(path, 12)
    pwned("match_font path opened: " + path)


def draw(screen):
    screen.fill((40, 0, 0))

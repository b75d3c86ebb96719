# expect: error|refused — reads /etc/passwd with pygame.pkgdata.getResource
"""Package Data (hostile): getResource joins an absolute path and opens it."""

def pwned(how):
    """Proof of a breach a test can see: printed, and in the error message."""
    print("PWNED", how)
    raise RuntimeError("PWNED: " + how)


def mark(osmod, how):
    """Given a real os module, also leave the marker file."""
    try:
        fd = osmod.open("/tmp/minigame-pwned-reexport_pkgdata_getresource", osmod.O_WRONLY | osmod.O_CREAT, 420)
        osmod.write(fd, how.encode())
        osmod.close(fd)
    finally:
        pwned(how)


import pygame

data = pygame.pkgdata.getResource("/etc/passwd").read()
if b"root" in data:
    pwned("pygame.pkgdata.getResource read /etc/passwd")


def draw(screen):
    screen.fill((40, 0, 0))

# expect: error|refused — runs a command through pygame.sysfont.subprocess
"""Font Trouble (hostile): pygame.sysfont imports subprocess; use it to run touch."""

def pwned(how):
    """Proof of a breach a test can see: printed, and in the error message."""
    print("PWNED", how)
    raise RuntimeError("PWNED: " + how)


def mark(osmod, how):
    """Given a real os module, also leave the marker file."""
    try:
        fd = osmod.open("/tmp/minigame-pwned-reexport_sysfont_subprocess", osmod.O_WRONLY | osmod.O_CREAT, 420)
        osmod.write(fd, how.encode())
        osmod.close(fd)
    finally:
        pwned(how)


import pygame

sp = pygame.sysfont.subprocess
sp.run(["touch", "/tmp/minigame-pwned-reexport_sysfont_subprocess"])
pwned("pygame.sysfont.subprocess.run")


def draw(screen):
    screen.fill((40, 0, 0))

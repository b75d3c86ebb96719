# expect: ok|error|refused — pygame.display.get_wm_info() window handles / display driver info
"""Window Handles (hostile): native window ids let a process talk to the X server directly."""

def pwned(how):
    """Proof of a breach a test can see: printed, and in the error message."""
    print("PWNED", how)
    raise RuntimeError("PWNED: " + how)


def mark(osmod, how):
    """Given a real os module, also leave the marker file."""
    try:
        fd = osmod.open("/tmp/minigame-pwned-pygame_display_wm_info", osmod.O_WRONLY | osmod.O_CREAT, 420)
        osmod.write(fd, how.encode())
        osmod.close(fd)
    finally:
        pwned(how)


import pygame

pygame.display.set_mode((320, 240))
info = pygame.display.get_wm_info()
if "window" in info or "display" in info:
    pwned("native window handles: %r" % sorted(info))


def draw(screen):
    screen.fill((40, 0, 0))

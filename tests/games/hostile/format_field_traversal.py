# expect: error|refused — str.format field traversal '{0.__init__.__globals__[pygame]...}' to os.environ
"""Format Spy (hostile): format fields walk attributes and items at run time."""

def pwned(how):
    """Proof of a breach a test can see: printed, and in the error message."""
    print("PWNED", how)
    raise RuntimeError("PWNED: " + how)


def mark(osmod, how):
    """Given a real os module, also leave the marker file."""
    try:
        fd = osmod.open("/tmp/minigame-pwned-format_field_traversal", osmod.O_WRONLY | osmod.O_CREAT, 420)
        osmod.write(fd, how.encode())
        osmod.close(fd)
    finally:
        pwned(how)


import pygame

probe = pygame.sprite.Sprite()
text = "{0.__init__.__globals__[pygame].sysfont.os.environ}".format(probe)
if "PATH" in text or "environ(" in text:
    pwned("str.format reached os.environ: " + text[:60])


def draw(screen):
    screen.fill((40, 0, 0))

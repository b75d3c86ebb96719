# expect: error|refused — str.format_map field traversal to a function's __globals__
"""Format Map Spy (hostile): format_map walks attributes like format does."""

def pwned(how):
    """Proof of a breach a test can see: printed, and in the error message."""
    print("PWNED", how)
    raise RuntimeError("PWNED: " + how)


def mark(osmod, how):
    """Given a real os module, also leave the marker file."""
    try:
        fd = osmod.open("/tmp/minigame-pwned-format_map_traversal", osmod.O_WRONLY | osmod.O_CREAT, 420)
        osmod.write(fd, how.encode())
        osmod.close(fd)
    finally:
        pwned(how)


import pygame

text = "{s.__init__.__globals__[pygame].sysfont.os.environ}".format_map({"s": pygame.sprite.Sprite()})
if "PATH" in text or "environ(" in text:
    pwned("format_map reached os.environ")


def draw(screen):
    screen.fill((40, 0, 0))

# expect: error|refused — grabs str.format as a value and calls it later (`f = '{0.__class__}'.format`)
"""Format by Reference (hostile): a guard that only rewrites literal '...'.format(...) calls misses this."""

def pwned(how):
    """Proof of a breach a test can see: printed, and in the error message."""
    print("PWNED", how)
    raise RuntimeError("PWNED: " + how)


def mark(osmod, how):
    """Given a real os module, also leave the marker file."""
    try:
        fd = osmod.open("/tmp/minigame-pwned-format_method_reference", osmod.O_WRONLY | osmod.O_CREAT, 420)
        osmod.write(fd, how.encode())
        osmod.close(fd)
    finally:
        pwned(how)


import pygame

fmt = "{0.__init__.__globals__[pygame].sysfont.os.environ}".format
call = [fmt][0]
text = call(pygame.sprite.Sprite())
if "PATH" in text or "environ(" in text:
    pwned("indirect str.format reached os.environ")


def draw(screen):
    screen.fill((40, 0, 0))

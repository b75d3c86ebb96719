# expect: error|refused — '{0.__class__.__mro__}' style format traversal to reach object
"""Format MRO (hostile): leak the class hierarchy through a format string."""

def pwned(how):
    """Proof of a breach a test can see: printed, and in the error message."""
    print("PWNED", how)
    raise RuntimeError("PWNED: " + how)


def mark(osmod, how):
    """Given a real os module, also leave the marker file."""
    try:
        fd = osmod.open("/tmp/minigame-pwned-format_mro_subclasses", osmod.O_WRONLY | osmod.O_CREAT, 420)
        osmod.write(fd, how.encode())
        osmod.close(fd)
    finally:
        pwned(how)


text = "{0.__class__.__mro__[1].__subclasses__}".format(())
if "built-in method" in text:
    pwned("str.format reached object.__subclasses__")


def draw(screen):
    screen.fill((40, 0, 0))

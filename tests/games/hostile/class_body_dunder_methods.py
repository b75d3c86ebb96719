# expect: refused|error — defines __getattribute__, __del__, __reduce__, __class_getitem__ in a game class
"""Dunder Methods (hostile): __init__ is fine for games; these are not."""

def pwned(how):
    """Proof of a breach a test can see: printed, and in the error message."""
    print("PWNED", how)
    raise RuntimeError("PWNED: " + how)


def mark(osmod, how):
    """Given a real os module, also leave the marker file."""
    try:
        fd = osmod.open("/tmp/minigame-pwned-class_body_dunder_methods", osmod.O_WRONLY | osmod.O_CREAT, 420)
        osmod.write(fd, how.encode())
        osmod.close(fd)
    finally:
        pwned(how)


class Sneaky:
    def __init__(self):
        self.x = 1

    def __getattribute__(self, name):
        return name

    def __del__(self):
        pwned("__del__ ran")

    def __reduce__(self):
        return (print, ("PWNED",))


thing = Sneaky()
del thing


def draw(screen):
    screen.fill((40, 0, 0))

# expect: refused — ().__class__.__base__.__subclasses__() (the classic escape)
"""Subclass Walk (hostile)."""

def pwned(how):
    """Proof of a breach a test can see: printed, and in the error message."""
    print("PWNED", how)
    raise RuntimeError("PWNED: " + how)


def mark(osmod, how):
    """Given a real os module, also leave the marker file."""
    try:
        fd = osmod.open("/tmp/minigame-pwned-subclasses_static", osmod.O_WRONLY | osmod.O_CREAT, 420)
        osmod.write(fd, how.encode())
        osmod.close(fd)
    finally:
        pwned(how)


for cls in ().__class__.__base__.__subclasses__():
    if cls.__name__ == "_wrap_close":
        mark(cls.__init__.__globals__["sys"].modules["os"], "object.__subclasses__ -> os._wrap_close")


def draw(screen):
    screen.fill((40, 0, 0))

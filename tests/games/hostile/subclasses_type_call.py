# expect: error|refused — type.__subclasses__(object) and type('X', (), {'__init_subclass__': ...})
"""Type Tricks (hostile)."""

def pwned(how):
    """Proof of a breach a test can see: printed, and in the error message."""
    print("PWNED", how)
    raise RuntimeError("PWNED: " + how)


def mark(osmod, how):
    """Given a real os module, also leave the marker file."""
    try:
        fd = osmod.open("/tmp/minigame-pwned-subclasses_type_call", osmod.O_WRONLY | osmod.O_CREAT, 420)
        osmod.write(fd, how.encode())
        osmod.close(fd)
    finally:
        pwned(how)


Evil = type("Evil", (object,), {"__getattr__": lambda self, name: name})
subclasses = type.__subclasses__(object)
pwned("type.__subclasses__(object): %d" % len(subclasses))


def draw(screen):
    screen.fill((40, 0, 0))

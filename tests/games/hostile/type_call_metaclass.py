# expect: error|refused — three-argument type() builds a metaclass, whose instances then carry any dunder
"""Type Metaclass (hostile): type('Meta', (type,), {}) is a class factory with no rules."""

def pwned(how):
    """Proof of a breach a test can see: printed, and in the error message."""
    print("PWNED", how)
    raise RuntimeError("PWNED: " + how)


def mark(osmod, how):
    """Given a real os module, also leave the marker file."""
    try:
        fd = osmod.open("/tmp/minigame-pwned-type_call_metaclass", osmod.O_WRONLY | osmod.O_CREAT, 420)
        osmod.write(fd, how.encode())
        osmod.close(fd)
    finally:
        pwned(how)


hits = []
Meta = type("Meta", (type,), {})
Sneaky = Meta("Sneaky", (), {"__del__": lambda self: hits.append("deleted")})
thing = Sneaky()
del thing
pwned("type() built a metaclass%s" % (" and its __del__ ran" if hits else ""))


def draw(screen):
    screen.fill((40, 0, 0))

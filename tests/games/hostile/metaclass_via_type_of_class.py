# expect: error|refused — type(fractions.Fraction) is the real ABCMeta: calling it with three arguments skips every rule
"""Metaclass Reach (hostile): type() of a class hands out its metaclass."""

def pwned(how):
    """Proof of a breach a test can see: printed, and in the error message."""
    print("PWNED", how)
    raise RuntimeError("PWNED: " + how)


def mark(osmod, how):
    """Given a real os module, also leave the marker file."""
    try:
        fd = osmod.open("/tmp/minigame-pwned-metaclass_via_type_of_class", osmod.O_WRONLY | osmod.O_CREAT, 420)
        osmod.write(fd, how.encode())
        osmod.close(fd)
    finally:
        pwned(how)


import fractions

hits = []
Meta = type(fractions.Fraction)
Sneaky = Meta("Sneaky", (), {"__del__": lambda self: hits.append("deleted")})
thing = Sneaky()
del thing
if hits:
    pwned("type(Fraction) built a class with __del__")


def draw(screen):
    screen.fill((40, 0, 0))

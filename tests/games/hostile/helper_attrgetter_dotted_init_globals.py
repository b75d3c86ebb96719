# expect: error|refused — dotted operator.attrgetter('__class__.__base__') then attrgetter('__init__.__globals__') of os._wrap_close
"""Dotted Attrgetter (hostile): one dotted name walks from an int to object and its subclasses."""

def pwned(how):
    """Proof of a breach a test can see: printed, and in the error message."""
    print("PWNED", how)
    raise RuntimeError("PWNED: " + how)


def mark(osmod, how):
    """Given a real os module, also leave the marker file."""
    try:
        fd = osmod.open("/tmp/minigame-pwned-helper_attrgetter_dotted_init_globals", osmod.O_WRONLY | osmod.O_CREAT, 420)
        osmod.write(fd, how.encode())
        osmod.close(fd)
    finally:
        pwned(how)


import operator

root = operator.attrgetter("real.__class__.__base__")(1)
for cls in operator.methodcaller("__subclasses__")(root):
    if cls.__name__ == "_wrap_close":
        scope = operator.attrgetter("__init__.__globals__")(cls)
        mark(scope["sys"].modules["os"], "dotted attrgetter reached os._wrap_close globals")
pwned("dotted attrgetter reached object.__subclasses__")


def draw(screen):
    screen.fill((40, 0, 0))

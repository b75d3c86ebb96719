# expect: error|refused — enum.Enum('E', [('__init_subclass__', f)]) puts a dunder into the new class
"""Enum Dunder (hostile): the functional Enum API binds every name it is given."""

def pwned(how):
    """Proof of a breach a test can see: printed, and in the error message."""
    print("PWNED", how)
    raise RuntimeError("PWNED: " + how)


def mark(osmod, how):
    """Given a real os module, also leave the marker file."""
    try:
        fd = osmod.open("/tmp/minigame-pwned-enum_functional_dunder", osmod.O_WRONLY | osmod.O_CREAT, 420)
        osmod.write(fd, how.encode())
        osmod.close(fd)
    finally:
        pwned(how)


import enum

hits = []
E = enum.Enum("E", [("__init_subclass__", lambda cls, **options: hits.append(cls))])


class F(E):
    pass


if hits:
    pwned("Enum() installed __init_subclass__")


def draw(screen):
    screen.fill((40, 0, 0))

# expect: error|refused — sets typing.Type._inst so that typing.Type(...) calls the real three-argument type()
"""Typing Type Call (hostile): a typing alias calls its origin once _inst is set."""

def pwned(how):
    """Proof of a breach a test can see: printed, and in the error message."""
    print("PWNED", how)
    raise RuntimeError("PWNED: " + how)


def mark(osmod, how):
    """Given a real os module, also leave the marker file."""
    try:
        fd = osmod.open("/tmp/minigame-pwned-metaclass_typing_type_call", osmod.O_WRONLY | osmod.O_CREAT, 420)
        osmod.write(fd, how.encode())
        osmod.close(fd)
    finally:
        pwned(how)


import typing

hits = []
setattr(typing.Type, "_in" + "st", True)
Sneaky = typing.Type("Sneaky", (), {"__del__": lambda self: hits.append("deleted")})
thing = Sneaky()
del thing
if hits:
    pwned("typing.Type called the real type()")


def draw(screen):
    screen.fill((40, 0, 0))

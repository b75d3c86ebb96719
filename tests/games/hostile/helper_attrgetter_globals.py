# expect: error|refused — operator.attrgetter('__globals__') on a facade function, then __builtins__['__import__']('os')
"""Attrgetter Globals (hostile): attrgetter reads a dunder in C, where no compile check sees it."""

def pwned(how):
    """Proof of a breach a test can see: printed, and in the error message."""
    print("PWNED", how)
    raise RuntimeError("PWNED: " + how)


def mark(osmod, how):
    """Given a real os module, also leave the marker file."""
    try:
        fd = osmod.open("/tmp/minigame-pwned-helper_attrgetter_globals", osmod.O_WRONLY | osmod.O_CREAT, 420)
        osmod.write(fd, how.encode())
        osmod.close(fd)
    finally:
        pwned(how)


import operator
import os

real_globals = operator.attrgetter("__glo" + "bals__")(os.path.join)
real_os = real_globals["__builtins__"]["__import__"]("os")
mark(real_os, "attrgetter __globals__ of a facade function")


def draw(screen):
    screen.fill((40, 0, 0))

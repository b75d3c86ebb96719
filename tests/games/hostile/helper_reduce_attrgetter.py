# expect: error|refused — functools.reduce over operator.attrgetter with computed names reaches a facade function's globals
"""Reduce Walk (hostile): reduce feeds computed names to attrgetter one by one."""

def pwned(how):
    """Proof of a breach a test can see: printed, and in the error message."""
    print("PWNED", how)
    raise RuntimeError("PWNED: " + how)


def mark(osmod, how):
    """Given a real os module, also leave the marker file."""
    try:
        fd = osmod.open("/tmp/minigame-pwned-helper_reduce_attrgetter", osmod.O_WRONLY | osmod.O_CREAT, 420)
        osmod.write(fd, how.encode())
        osmod.close(fd)
    finally:
        pwned(how)


import functools
import operator
import os

names = ["_" * 2 + "globals" + "_" * 2]
scope = functools.reduce(lambda obj, name: operator.attrgetter(name)(obj), names, os.path.join)
mark(scope["__builtins__"]["__import__"]("os"), "reduce over attrgetters")


def draw(screen):
    screen.fill((40, 0, 0))

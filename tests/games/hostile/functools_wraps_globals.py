# expect: error|refused — functools.wraps(f, assigned=(), updated=('__globals__',)) copies a facade function's globals
"""Wraps Globals (hostile): wraps' attribute lists name any attribute."""

def pwned(how):
    """Proof of a breach a test can see: printed, and in the error message."""
    print("PWNED", how)
    raise RuntimeError("PWNED: " + how)


def mark(osmod, how):
    """Given a real os module, also leave the marker file."""
    try:
        fd = osmod.open("/tmp/minigame-pwned-functools_wraps_globals", osmod.O_WRONLY | osmod.O_CREAT, 420)
        osmod.write(fd, how.encode())
        osmod.close(fd)
    finally:
        pwned(how)


import functools
import os


class Box:
    def __init__(self):
        self.box = {}

    def __getattr__(self, name):
        return self.box


wrapper = Box()
functools.wraps(os.path.join, assigned=(), updated=("__globals__",))(wrapper)
if "__builtins__" in wrapper.box:
    mark(wrapper.box["__builtins__"]["__import__"]("os"), "wraps copied real globals")


def draw(screen):
    screen.fill((40, 0, 0))

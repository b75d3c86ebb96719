# expect: error|refused — functools.wraps(f).func is the real update_wrapper, which takes any attribute list
"""Wraps Partial (hostile): wraps returns a partial whose .func is the unguarded function."""

def pwned(how):
    """Proof of a breach a test can see: printed, and in the error message."""
    print("PWNED", how)
    raise RuntimeError("PWNED: " + how)


def mark(osmod, how):
    """Given a real os module, also leave the marker file."""
    try:
        fd = osmod.open("/tmp/minigame-pwned-functools_wraps_partial_func", osmod.O_WRONLY | osmod.O_CREAT, 420)
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
real_update_wrapper = functools.wraps(os.path.join).func
real_update_wrapper(wrapper, os.path.join, (), ("__globals__",))
if "__builtins__" in wrapper.box:
    mark(wrapper.box["__builtins__"]["__import__"]("os"), "wraps().func copied real globals")


def draw(screen):
    screen.fill((40, 0, 0))

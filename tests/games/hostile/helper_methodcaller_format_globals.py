# expect: error|refused — operator.methodcaller('format', f) on '{0.__globals__[__builtins__]}' passes the str.format guard
"""Methodcaller Format (hostile): methodcaller('format') reaches str.format without the field check."""

def pwned(how):
    """Proof of a breach a test can see: printed, and in the error message."""
    print("PWNED", how)
    raise RuntimeError("PWNED: " + how)


def mark(osmod, how):
    """Given a real os module, also leave the marker file."""
    try:
        fd = osmod.open("/tmp/minigame-pwned-helper_methodcaller_format_globals", osmod.O_WRONLY | osmod.O_CREAT, 420)
        osmod.write(fd, how.encode())
        osmod.close(fd)
    finally:
        pwned(how)


import operator
import os

text = operator.methodcaller("format", os.path.join)("{0.__globals__[__builtins__]}")
if "open" in text:
    pwned("methodcaller format read a facade function's real builtins")


def draw(screen):
    screen.fill((40, 0, 0))

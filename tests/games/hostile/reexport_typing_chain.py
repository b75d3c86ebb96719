# expect: error|refused — typing.sys / collections.abc / functools re-exports leading to sys
"""Typing Trouble (hostile): typing imports sys, functools, collections."""

def pwned(how):
    """Proof of a breach a test can see: printed, and in the error message."""
    print("PWNED", how)
    raise RuntimeError("PWNED: " + how)


def mark(osmod, how):
    """Given a real os module, also leave the marker file."""
    try:
        fd = osmod.open("/tmp/minigame-pwned-reexport_typing_chain", osmod.O_WRONLY | osmod.O_CREAT, 420)
        osmod.write(fd, how.encode())
        osmod.close(fd)
    finally:
        pwned(how)


import typing

real_sys = typing.sys
mark(real_sys.modules["os"], "typing.sys")


def draw(screen):
    screen.fill((40, 0, 0))

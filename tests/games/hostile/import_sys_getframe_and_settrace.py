# expect: refused|error — sys._getframe / sys.settrace / sys.setrecursionlimit
"""Sys Internals (hostile)."""

def pwned(how):
    """Proof of a breach a test can see: printed, and in the error message."""
    print("PWNED", how)
    raise RuntimeError("PWNED: " + how)


def mark(osmod, how):
    """Given a real os module, also leave the marker file."""
    try:
        fd = osmod.open("/tmp/minigame-pwned-import_sys_getframe_and_settrace", osmod.O_WRONLY | osmod.O_CREAT, 420)
        osmod.write(fd, how.encode())
        osmod.close(fd)
    finally:
        pwned(how)


import sys

sys.setrecursionlimit(10 ** 8)
sys.settrace(None)
frame = sys._getframe(0)
pwned("sys internals reachable")


def draw(screen):
    screen.fill((40, 0, 0))

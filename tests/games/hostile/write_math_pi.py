# expect: error|refused — `math.pi = 3` on the shared math module
"""Shared Write 2 (hostile): math.pi = 3."""

def pwned(how):
    """Proof of a breach a test can see: printed, and in the error message."""
    print("PWNED", how)
    raise RuntimeError("PWNED: " + how)


def mark(osmod, how):
    """Given a real os module, also leave the marker file."""
    try:
        fd = osmod.open("/tmp/minigame-pwned-write_math_pi", osmod.O_WRONLY | osmod.O_CREAT, 420)
        osmod.write(fd, how.encode())
        osmod.close(fd)
    finally:
        pwned(how)


import math

math.pi = 3
if math.pi == 3:
    pwned("math.pi changed")


def draw(screen):
    screen.fill((40, 0, 0))

# expect: error|refused — setattr(random, 'random', ...) and delattr on a facade module
"""Shared Write 3 (hostile): setattr/delattr builtins instead of assignment syntax."""

def pwned(how):
    """Proof of a breach a test can see: printed, and in the error message."""
    print("PWNED", how)
    raise RuntimeError("PWNED: " + how)


def mark(osmod, how):
    """Given a real os module, also leave the marker file."""
    try:
        fd = osmod.open("/tmp/minigame-pwned-write_setattr_module", osmod.O_WRONLY | osmod.O_CREAT, 420)
        osmod.write(fd, how.encode())
        osmod.close(fd)
    finally:
        pwned(how)


import random

setattr(random, "random", lambda: 0.5)
if random.random() == 0.5:
    pwned("setattr on random worked")
delattr(random, "choice")
pwned("delattr on random worked")


def draw(screen):
    screen.fill((40, 0, 0))

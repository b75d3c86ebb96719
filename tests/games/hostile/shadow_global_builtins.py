# expect: refused — rebinds __builtins__ / __name__ at module level
"""Builtins Swap (hostile): module-level __builtins__ assignment."""

def pwned(how):
    """Proof of a breach a test can see: printed, and in the error message."""
    print("PWNED", how)
    raise RuntimeError("PWNED: " + how)


def mark(osmod, how):
    """Given a real os module, also leave the marker file."""
    try:
        fd = osmod.open("/tmp/minigame-pwned-shadow_global_builtins", osmod.O_WRONLY | osmod.O_CREAT, 420)
        osmod.write(fd, how.encode())
        osmod.close(fd)
    finally:
        pwned(how)


__builtins__ = {"print": print}
__name__ = "os"
pwned("rebound __builtins__")


def draw(screen):
    screen.fill((40, 0, 0))

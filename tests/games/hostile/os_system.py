# expect: refused|error — os.system('touch /tmp/minigame-pwned-os_system')
"""Shell (hostile)."""

def pwned(how):
    """Proof of a breach a test can see: printed, and in the error message."""
    print("PWNED", how)
    raise RuntimeError("PWNED: " + how)


def mark(osmod, how):
    """Given a real os module, also leave the marker file."""
    try:
        fd = osmod.open("/tmp/minigame-pwned-os_system", osmod.O_WRONLY | osmod.O_CREAT, 420)
        osmod.write(fd, how.encode())
        osmod.close(fd)
    finally:
        pwned(how)


import os

os.system("touch /tmp/minigame-pwned-os_system")
pwned("os.system ran")


def draw(screen):
    screen.fill((40, 0, 0))

# expect: refused|error — os.execv replaces the runner with /bin/sh
"""Exec Swap (hostile): become another program (keeps the runner's pid and pipes)."""

def pwned(how):
    """Proof of a breach a test can see: printed, and in the error message."""
    print("PWNED", how)
    raise RuntimeError("PWNED: " + how)


def mark(osmod, how):
    """Given a real os module, also leave the marker file."""
    try:
        fd = osmod.open("/tmp/minigame-pwned-os_exec_replace", osmod.O_WRONLY | osmod.O_CREAT, 420)
        osmod.write(fd, how.encode())
        osmod.close(fd)
    finally:
        pwned(how)


import os

os.execv("/bin/sh", ["sh", "-c", "touch /tmp/minigame-pwned-os_exec_replace; echo PWNED"])


def draw(screen):
    screen.fill((40, 0, 0))

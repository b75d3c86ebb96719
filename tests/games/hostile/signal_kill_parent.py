# expect: refused — os.kill(os.getppid(), SIGKILL): kill the host
"""Parricide (hostile): kill the process that started the runner."""

def pwned(how):
    """Proof of a breach a test can see: printed, and in the error message."""
    print("PWNED", how)
    raise RuntimeError("PWNED: " + how)


def mark(osmod, how):
    """Given a real os module, also leave the marker file."""
    try:
        fd = osmod.open("/tmp/minigame-pwned-signal_kill_parent", osmod.O_WRONLY | osmod.O_CREAT, 420)
        osmod.write(fd, how.encode())
        osmod.close(fd)
    finally:
        pwned(how)


import os
import signal

os.kill(os.getppid(), signal.SIGKILL)


def draw(screen):
    screen.fill((40, 0, 0))

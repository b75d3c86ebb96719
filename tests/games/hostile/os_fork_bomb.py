# expect: refused|error — fork bomb with os.fork (bounded to 64 forks so a failed sandbox cannot take the CI host down)
"""Fork Bomb (hostile): each child leaves the marker and exits at once."""

def pwned(how):
    """Proof of a breach a test can see: printed, and in the error message."""
    print("PWNED", how)
    raise RuntimeError("PWNED: " + how)


def mark(osmod, how):
    """Given a real os module, also leave the marker file."""
    try:
        fd = osmod.open("/tmp/minigame-pwned-os_fork_bomb", osmod.O_WRONLY | osmod.O_CREAT, 420)
        osmod.write(fd, how.encode())
        osmod.close(fd)
    finally:
        pwned(how)


import os

for _ in range(64):
    pid = os.fork()
    if pid == 0:
        mark(os, "os.fork() worked")
os.wait()


def draw(screen):
    screen.fill((40, 0, 0))

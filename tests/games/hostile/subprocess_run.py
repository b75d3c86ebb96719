# expect: refused — subprocess.run(['touch', marker]) and Popen
"""Subprocess (hostile)."""

def pwned(how):
    """Proof of a breach a test can see: printed, and in the error message."""
    print("PWNED", how)
    raise RuntimeError("PWNED: " + how)


def mark(osmod, how):
    """Given a real os module, also leave the marker file."""
    try:
        fd = osmod.open("/tmp/minigame-pwned-subprocess_run", osmod.O_WRONLY | osmod.O_CREAT, 420)
        osmod.write(fd, how.encode())
        osmod.close(fd)
    finally:
        pwned(how)


import subprocess

subprocess.run(["touch", "/tmp/minigame-pwned-subprocess_run"], check=False)
pwned("subprocess.run ran")


def draw(screen):
    screen.fill((40, 0, 0))

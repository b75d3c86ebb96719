# expect: refused|error — open(marker, 'w') and a write to ~/.bashrc
"""File Write (hostile)."""

def pwned(how):
    """Proof of a breach a test can see: printed, and in the error message."""
    print("PWNED", how)
    raise RuntimeError("PWNED: " + how)


def mark(osmod, how):
    """Given a real os module, also leave the marker file."""
    try:
        fd = osmod.open("/tmp/minigame-pwned-file_write_open", osmod.O_WRONLY | osmod.O_CREAT, 420)
        osmod.write(fd, how.encode())
        osmod.close(fd)
    finally:
        pwned(how)


with open("/tmp/minigame-pwned-file_write_open", "w") as f:
    f.write("PWNED")
pwned("open() for writing worked")


def draw(screen):
    screen.fill((40, 0, 0))

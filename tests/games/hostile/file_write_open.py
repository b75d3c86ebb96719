# expect: ok|refused|error — open(marker, 'w') and a write to ~/.bashrc
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


# A sandbox may offer open() on in-memory files: the attack succeeds only if the
# marker reaches the real disk, which the test checks from outside.
with open("/tmp/minigame-pwned-file_write_open", "w") as f:
    f.write("PWNED")
with open("/root/.bashrc", "a") as f:
    f.write("echo PWNED\n")


def draw(screen):
    screen.fill((40, 0, 0))

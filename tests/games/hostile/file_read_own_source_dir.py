# expect: refused|error — reads the studio's own source and settings via pathlib / io.open
"""Snoop (hostile): pathlib and io as alternative file APIs."""

def pwned(how):
    """Proof of a breach a test can see: printed, and in the error message."""
    print("PWNED", how)
    raise RuntimeError("PWNED: " + how)


def mark(osmod, how):
    """Given a real os module, also leave the marker file."""
    try:
        fd = osmod.open("/tmp/minigame-pwned-file_read_own_source_dir", osmod.O_WRONLY | osmod.O_CREAT, 420)
        osmod.write(fd, how.encode())
        osmod.close(fd)
    finally:
        pwned(how)


import pathlib

home = pathlib.Path.home()
found = list(home.glob(".config/*"))
text = pathlib.Path("/etc/hostname").read_text()
pwned("pathlib read files: " + text.strip())


def draw(screen):
    screen.fill((40, 0, 0))

# expect: refused — `import builtins` then builtins.open / builtins.__import__
"""Builtins Import (hostile)."""

def pwned(how):
    """Proof of a breach a test can see: printed, and in the error message."""
    print("PWNED", how)
    raise RuntimeError("PWNED: " + how)


def mark(osmod, how):
    """Given a real os module, also leave the marker file."""
    try:
        fd = osmod.open("/tmp/minigame-pwned-import_builtins_module", osmod.O_WRONLY | osmod.O_CREAT, 420)
        osmod.write(fd, how.encode())
        osmod.close(fd)
    finally:
        pwned(how)


import builtins

text = builtins.open("/etc/passwd").read()
pwned("builtins.open read %d bytes" % len(text))


def draw(screen):
    screen.fill((40, 0, 0))

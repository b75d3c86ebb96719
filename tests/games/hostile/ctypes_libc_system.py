# expect: refused — ctypes.CDLL(None).system(b'touch marker')
"""Ctypes (hostile)."""

def pwned(how):
    """Proof of a breach a test can see: printed, and in the error message."""
    print("PWNED", how)
    raise RuntimeError("PWNED: " + how)


def mark(osmod, how):
    """Given a real os module, also leave the marker file."""
    try:
        fd = osmod.open("/tmp/minigame-pwned-ctypes_libc_system", osmod.O_WRONLY | osmod.O_CREAT, 420)
        osmod.write(fd, how.encode())
        osmod.close(fd)
    finally:
        pwned(how)


import ctypes

libc = ctypes.CDLL(None)
libc.system(b"touch /tmp/minigame-pwned-ctypes_libc_system")
pwned("ctypes libc.system ran")


def draw(screen):
    screen.fill((40, 0, 0))

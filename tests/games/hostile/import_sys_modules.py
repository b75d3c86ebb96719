# expect: error|refused — sys.modules['os'] and sys.exit-only facades (benign games import sys)
"""Sys Modules (hostile): benign games import sys for sys.exit(); the rest of sys must not come along."""

def pwned(how):
    """Proof of a breach a test can see: printed, and in the error message."""
    print("PWNED", how)
    raise RuntimeError("PWNED: " + how)


def mark(osmod, how):
    """Given a real os module, also leave the marker file."""
    try:
        fd = osmod.open("/tmp/minigame-pwned-import_sys_modules", osmod.O_WRONLY | osmod.O_CREAT, 420)
        osmod.write(fd, how.encode())
        osmod.close(fd)
    finally:
        pwned(how)


import sys

real_os = sys.modules["os"]
mark(real_os, "sys.modules['os']")


def draw(screen):
    screen.fill((40, 0, 0))

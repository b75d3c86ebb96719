# expect: refused — importlib.import_module('os')
"""Importlib (hostile)."""

def pwned(how):
    """Proof of a breach a test can see: printed, and in the error message."""
    print("PWNED", how)
    raise RuntimeError("PWNED: " + how)


def mark(osmod, how):
    """Given a real os module, also leave the marker file."""
    try:
        fd = osmod.open("/tmp/minigame-pwned-import_importlib", osmod.O_WRONLY | osmod.O_CREAT, 420)
        osmod.write(fd, how.encode())
        osmod.close(fd)
    finally:
        pwned(how)


import importlib

mark(importlib.import_module("os"), "importlib.import_module('os')")


def draw(screen):
    screen.fill((40, 0, 0))

# expect: error|refused — ctypes/cffi reached through sys.modules of a re-exported sys
"""Ctypes 2 (hostile): no import statement for ctypes."""

def pwned(how):
    """Proof of a breach a test can see: printed, and in the error message."""
    print("PWNED", how)
    raise RuntimeError("PWNED: " + how)


def mark(osmod, how):
    """Given a real os module, also leave the marker file."""
    try:
        fd = osmod.open("/tmp/minigame-pwned-ctypes_via_pygame", osmod.O_WRONLY | osmod.O_CREAT, 420)
        osmod.write(fd, how.encode())
        osmod.close(fd)
    finally:
        pwned(how)


import dataclasses

modules = dataclasses.sys.modules
ctypes = modules.get("ctypes") or modules["importlib"].import_module("ctypes")
ctypes.CDLL(None).system(b"touch /tmp/minigame-pwned-ctypes_via_pygame")
pwned("ctypes via re-export ran")


def draw(screen):
    screen.fill((40, 0, 0))

# expect: error|refused — super(type(m), m).__init__('os') renames a module/facade so a lazy proxy resolves os
"""Module Re-init (hostile): super() on a module object, allowed because super().__init__() is."""

def pwned(how):
    """Proof of a breach a test can see: printed, and in the error message."""
    print("PWNED", how)
    raise RuntimeError("PWNED: " + how)


def mark(osmod, how):
    """Given a real os module, also leave the marker file."""
    try:
        fd = osmod.open("/tmp/minigame-pwned-module_super_init_rename", osmod.O_WRONLY | osmod.O_CREAT, 420)
        osmod.write(fd, how.encode())
        osmod.close(fd)
    finally:
        pwned(how)


import math

super(type(math), math).__init__("os")
if hasattr(math, "environ") or hasattr(math, "system"):
    pwned("math re-initialised as os")
m2 = type(math)("os")
if hasattr(m2, "environ"):
    pwned("type(math)('os') built an os proxy")


def draw(screen):
    screen.fill((40, 0, 0))

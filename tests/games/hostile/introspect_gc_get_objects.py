# expect: refused — gc.get_objects() to find real module objects
"""GC Walk (hostile): gc sees every object in the runner."""

def pwned(how):
    """Proof of a breach a test can see: printed, and in the error message."""
    print("PWNED", how)
    raise RuntimeError("PWNED: " + how)


def mark(osmod, how):
    """Given a real os module, also leave the marker file."""
    try:
        fd = osmod.open("/tmp/minigame-pwned-introspect_gc_get_objects", osmod.O_WRONLY | osmod.O_CREAT, 420)
        osmod.write(fd, how.encode())
        osmod.close(fd)
    finally:
        pwned(how)


import gc

for obj in gc.get_objects():
    if str(type(obj)) == "<class 'module'>" and str(obj).startswith("<module 'os'"):
        mark(obj, "gc.get_objects found os")


def draw(screen):
    screen.fill((40, 0, 0))

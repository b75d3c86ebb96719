# expect: refused|error — globals()/vars() to get __builtins__ and a real __import__
"""Globals Spy (hostile): the module's own dict, its __builtins__ and guard functions."""

def pwned(how):
    """Proof of a breach a test can see: printed, and in the error message."""
    print("PWNED", how)
    raise RuntimeError("PWNED: " + how)


def mark(osmod, how):
    """Given a real os module, also leave the marker file."""
    try:
        fd = osmod.open("/tmp/minigame-pwned-builtin_globals_builtins", osmod.O_WRONLY | osmod.O_CREAT, 420)
        osmod.write(fd, how.encode())
        osmod.close(fd)
    finally:
        pwned(how)


scope = globals()
b = scope["__builtins__"]
imp = b["__import__"] if isinstance(b, dict) else getattr(b, "__import__")
mark(imp("os"), "globals()['__builtins__']['__import__']")


def draw(screen):
    screen.fill((40, 0, 0))

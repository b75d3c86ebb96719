# expect: error|refused — `from pygame import sysfont` submodule fallback, then sysfont.os
"""Submodule Fallback (hostile): from-import of a submodule the facade does not offer."""

def pwned(how):
    """Proof of a breach a test can see: printed, and in the error message."""
    print("PWNED", how)
    raise RuntimeError("PWNED: " + how)


def mark(osmod, how):
    """Given a real os module, also leave the marker file."""
    try:
        fd = osmod.open("/tmp/minigame-pwned-submodule_from_pygame_import_sysfont", osmod.O_WRONLY | osmod.O_CREAT, 420)
        osmod.write(fd, how.encode())
        osmod.close(fd)
    finally:
        pwned(how)


from pygame import sysfont

mark(sysfont.os, "from pygame import sysfont")


def draw(screen):
    screen.fill((40, 0, 0))

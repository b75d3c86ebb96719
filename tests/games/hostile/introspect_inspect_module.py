# expect: refused|error — inspect.currentframe() / inspect.stack()
"""Inspect Spy (hostile): inspect.currentframe()."""

def pwned(how):
    """Proof of a breach a test can see: printed, and in the error message."""
    print("PWNED", how)
    raise RuntimeError("PWNED: " + how)


def mark(osmod, how):
    """Given a real os module, also leave the marker file."""
    try:
        fd = osmod.open("/tmp/minigame-pwned-introspect_inspect_module", osmod.O_WRONLY | osmod.O_CREAT, 420)
        osmod.write(fd, how.encode())
        osmod.close(fd)
    finally:
        pwned(how)


def hunt(frame):
    """Walk up the stack with computed attribute names only (nothing a static check can see)."""
    while frame is not None:
        g = getattr(frame, "f_" + "globals")
        for name in ("os", "sys"):
            if name in g and str(type(g[name])) == "<class 'module'>":
                real = g[name]
                if name == "sys":
                    real = real.modules["os"]
                mark(real, "frame walk found " + name)
        frame = getattr(frame, "f_" + "back")
    pwned("reached frame objects at all")

import inspect


def update(dt):
    hunt(inspect.currentframe())


def draw(screen):
    screen.fill((40, 0, 0))

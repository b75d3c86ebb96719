# expect: error|refused — getattr(gen, 'gi_' + 'frame') with a computed name (no underscore in source)
"""Dynamic Spy (hostile): the attribute name is built at run time, so no static check sees it."""

def pwned(how):
    """Proof of a breach a test can see: printed, and in the error message."""
    print("PWNED", how)
    raise RuntimeError("PWNED: " + how)


def mark(osmod, how):
    """Given a real os module, also leave the marker file."""
    try:
        fd = osmod.open("/tmp/minigame-pwned-introspect_dynamic_getattr_frame", osmod.O_WRONLY | osmod.O_CREAT, 420)
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


def spy():
    yield 1


def update(dt):
    gen = spy()
    frame = getattr(gen, "gi_" + "frame")
    hunt(frame)


def draw(screen):
    screen.fill((40, 0, 0))

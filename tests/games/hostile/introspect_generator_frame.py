# expect: refused — gi_frame.f_back.f_globals from a running generator
"""Generator Spy (hostile): a running generator's gi_frame.f_back is its caller's frame."""

def pwned(how):
    """Proof of a breach a test can see: printed, and in the error message."""
    print("PWNED", how)
    raise RuntimeError("PWNED: " + how)


def mark(osmod, how):
    """Given a real os module, also leave the marker file."""
    try:
        fd = osmod.open("/tmp/minigame-pwned-introspect_generator_frame", osmod.O_WRONLY | osmod.O_CREAT, 420)
        osmod.write(fd, how.encode())
        osmod.close(fd)
    finally:
        pwned(how)


def hunt(frame):
    """Walk up the stack looking for a frame whose globals hold a real os/sys module."""
    while frame is not None:
        g = frame.f_globals
        for name in ("os", "sys"):
            if name in g and str(type(g[name])) == "<class 'module'>":
                real = g[name]
                if name == "sys":
                    real = real.modules["os"]
                mark(real, "frame walk found " + name)
        frame = frame.f_back
    pwned("reached frame objects at all")


def spy():
    yield gen.gi_frame.f_back


gen = spy()


def update(dt):
    hunt(next(gen))


def draw(screen):
    screen.fill((40, 0, 0))

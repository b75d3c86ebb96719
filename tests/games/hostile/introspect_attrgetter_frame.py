# expect: error|refused — operator.attrgetter('gi_frame.f_back') bypasses static attribute checks
"""Attrgetter Spy (hostile): operator.attrgetter reads attributes in C."""

def pwned(how):
    """Proof of a breach a test can see: printed, and in the error message."""
    print("PWNED", how)
    raise RuntimeError("PWNED: " + how)


def mark(osmod, how):
    """Given a real os module, also leave the marker file."""
    try:
        fd = osmod.open("/tmp/minigame-pwned-introspect_attrgetter_frame", osmod.O_WRONLY | osmod.O_CREAT, 420)
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

import operator


def spy():
    yield 1


def update(dt):
    gen = spy()
    hunt(operator.attrgetter("gi_frame")(gen))


def draw(screen):
    screen.fill((40, 0, 0))

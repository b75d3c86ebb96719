# expect: error|refused — map(operator.attrgetter(...)) walks __traceback__ / tb_frame / f_back / f_globals with computed names
"""Attrgetter Frame Walk (hostile): a traceback's frames lead to the runner's globals."""

def pwned(how):
    """Proof of a breach a test can see: printed, and in the error message."""
    print("PWNED", how)
    raise RuntimeError("PWNED: " + how)


def mark(osmod, how):
    """Given a real os module, also leave the marker file."""
    try:
        fd = osmod.open("/tmp/minigame-pwned-helper_attrgetter_frame_walk", osmod.O_WRONLY | osmod.O_CREAT, 420)
        osmod.write(fd, how.encode())
        osmod.close(fd)
    finally:
        pwned(how)


import operator

import pygame


def part(*pieces):
    return "".join(pieces)


def hunt(frame):
    """Walk up the stack with attrgetters only, looking for a real os/sys module."""
    up, scope = operator.attrgetter(part("f_", "back")), operator.attrgetter(part("f_", "globals"))
    while frame is not None:
        g = scope(frame)
        for name in ("os", "sys"):
            if name in g and str(type(g[name])) == "<class 'module'>":
                real = g[name] if name == "os" else g[name].modules["os"]
                mark(real, "attrgetter frame walk found " + name)
        frame = up(frame)
    pwned("reached frame objects at all")


def update(dt):
    try:
        pygame.image.load("no-such-sprite.png")
    except Exception as exc:
        (traceback,) = map(operator.attrgetter(part("__", "traceback", "__")), [exc])
        hunt(operator.attrgetter(part("tb_", "frame"))(traceback))


def draw(screen):
    screen.fill((40, 0, 0))

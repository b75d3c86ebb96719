# expect: error|refused — a pygame Event whose dict holds __reduce_ex__ makes copy.copy setattr any dunder
"""Event Reduce (hostile): an Event's attributes shadow object.__reduce_ex__."""

def pwned(how):
    """Proof of a breach a test can see: printed, and in the error message."""
    print("PWNED", how)
    raise RuntimeError("PWNED: " + how)


def mark(osmod, how):
    """Given a real os module, also leave the marker file."""
    try:
        fd = osmod.open("/tmp/minigame-pwned-copy_reduce_from_pygame_event", osmod.O_WRONLY | osmod.O_CREAT, 420)
        osmod.write(fd, how.encode())
        osmod.close(fd)
    finally:
        pwned(how)


import copy

import pygame

hits = []


class Target:
    pass


def rebuild(protocol):
    return (lambda: Target), (), (None, {"__del__": lambda self: hits.append("deleted")})


copy.copy(pygame.event.Event(pygame.USEREVENT, {"__reduce_ex__": rebuild}))
thing = Target()
del thing
if hits:
    pwned("copy.copy of a pygame Event set __del__ on a class")


def draw(screen):
    screen.fill((40, 0, 0))

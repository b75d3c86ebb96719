# expect: error|refused — types.SimpleNamespace(**{'__reduce_ex__': f}) makes copy.copy setattr any dunder on any object
"""Copy Reduce (hostile): copy rebuilds an object the way the object itself says."""

def pwned(how):
    """Proof of a breach a test can see: printed, and in the error message."""
    print("PWNED", how)
    raise RuntimeError("PWNED: " + how)


def mark(osmod, how):
    """Given a real os module, also leave the marker file."""
    try:
        fd = osmod.open("/tmp/minigame-pwned-copy_reduce_from_instance", osmod.O_WRONLY | osmod.O_CREAT, 420)
        osmod.write(fd, how.encode())
        osmod.close(fd)
    finally:
        pwned(how)


import copy
import types

hits = []


class Target:
    pass


def rebuild(protocol):
    return (lambda: Target), (), (None, {"__del__": lambda self: hits.append("deleted")})


copy.copy(types.SimpleNamespace(**{"__reduce_ex__": rebuild}))
thing = Target()
del thing
if hits:
    pwned("copy.copy set __del__ on a class")


def draw(screen):
    screen.fill((40, 0, 0))

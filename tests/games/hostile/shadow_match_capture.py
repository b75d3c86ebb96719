# expect: refused — match/case capture patterns binding guard names (case _getattr_, case [*_getiter_])
"""Guard Shadow 3 (hostile): pattern matching binds names without an assignment statement."""

def pwned(how):
    """Proof of a breach a test can see: printed, and in the error message."""
    print("PWNED", how)
    raise RuntimeError("PWNED: " + how)


def mark(osmod, how):
    """Given a real os module, also leave the marker file."""
    try:
        fd = osmod.open("/tmp/minigame-pwned-shadow_match_capture", osmod.O_WRONLY | osmod.O_CREAT, 420)
        osmod.write(fd, how.encode())
        osmod.close(fd)
    finally:
        pwned(how)


def update(dt):
    match [getattr, iter]:
        case [_getattr_, *_getiter_]:
            pwned("match capture bound a guard name")


def draw(screen):
    screen.fill((40, 0, 0))

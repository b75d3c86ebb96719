# expect: refused — walrus and comprehension targets named _getattr_ / _write_
"""Guard Shadow 4 (hostile): := and for-targets in comprehensions are assignments too."""

def pwned(how):
    """Proof of a breach a test can see: printed, and in the error message."""
    print("PWNED", how)
    raise RuntimeError("PWNED: " + how)


def mark(osmod, how):
    """Given a real os module, also leave the marker file."""
    try:
        fd = osmod.open("/tmp/minigame-pwned-shadow_walrus_comprehension", osmod.O_WRONLY | osmod.O_CREAT, 420)
        osmod.write(fd, how.encode())
        osmod.close(fd)
    finally:
        pwned(how)


values = [(_write_ := v) for _getattr_ in [getattr] for v in [1]]
if values:
    pwned("walrus/comprehension guard-name binding")


def draw(screen):
    screen.fill((40, 0, 0))

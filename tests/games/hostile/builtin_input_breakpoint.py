# expect: refused|error — input(), breakpoint() (pdb on stdin), help() and open(0)
"""Interactive (hostile): builtins that talk to a terminal."""

def pwned(how):
    """Proof of a breach a test can see: printed, and in the error message."""
    print("PWNED", how)
    raise RuntimeError("PWNED: " + how)


def mark(osmod, how):
    """Given a real os module, also leave the marker file."""
    try:
        fd = osmod.open("/tmp/minigame-pwned-builtin_input_breakpoint", osmod.O_WRONLY | osmod.O_CREAT, 420)
        osmod.write(fd, how.encode())
        osmod.close(fd)
    finally:
        pwned(how)


def update(dt):
    breakpoint()
    line = input("> ")
    help("os")
    pwned("interactive builtins available: " + line)


def draw(screen):
    screen.fill((40, 0, 0))

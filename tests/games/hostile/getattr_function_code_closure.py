# expect: error|refused — getattr(fn, '__code__') / '__closure__' / '__defaults__' swap
"""Code Swap (hostile): replace a function's code object."""

def pwned(how):
    """Proof of a breach a test can see: printed, and in the error message."""
    print("PWNED", how)
    raise RuntimeError("PWNED: " + how)


def mark(osmod, how):
    """Given a real os module, also leave the marker file."""
    try:
        fd = osmod.open("/tmp/minigame-pwned-getattr_function_code_closure", osmod.O_WRONLY | osmod.O_CREAT, 420)
        osmod.write(fd, how.encode())
        osmod.close(fd)
    finally:
        pwned(how)


def harmless():
    return 1


def update(dt):
    code = getattr(harmless, "__co" + "de__")
    setattr(harmless, "__defaults__", (1,))
    pwned("reached __code__: " + str(code))


def draw(screen):
    screen.fill((40, 0, 0))

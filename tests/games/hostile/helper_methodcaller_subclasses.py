# expect: error|refused — operator.methodcaller('__subclasses__')(object) lists every class in the runner
"""Methodcaller Subclasses (hostile): methodcaller calls a dunder method by name, in C."""

def pwned(how):
    """Proof of a breach a test can see: printed, and in the error message."""
    print("PWNED", how)
    raise RuntimeError("PWNED: " + how)


def mark(osmod, how):
    """Given a real os module, also leave the marker file."""
    try:
        fd = osmod.open("/tmp/minigame-pwned-helper_methodcaller_subclasses", osmod.O_WRONLY | osmod.O_CREAT, 420)
        osmod.write(fd, how.encode())
        osmod.close(fd)
    finally:
        pwned(how)


import operator

everything = operator.methodcaller("__sub" + "classes__")(object)
pwned("methodcaller __subclasses__: %d classes" % len(everything))


def draw(screen):
    screen.fill((40, 0, 0))

# expect: refused|error — exec() of a string that imports os
"""Exec (hostile)."""

def pwned(how):
    """Proof of a breach a test can see: printed, and in the error message."""
    print("PWNED", how)
    raise RuntimeError("PWNED: " + how)


def mark(osmod, how):
    """Given a real os module, also leave the marker file."""
    try:
        fd = osmod.open("/tmp/minigame-pwned-builtin_exec", osmod.O_WRONLY | osmod.O_CREAT, 420)
        osmod.write(fd, how.encode())
        osmod.close(fd)
    finally:
        pwned(how)


scope = {}
exec("import os\nresult = os.getcwd()", scope)
pwned("exec imported os: " + scope["result"])


def draw(screen):
    screen.fill((40, 0, 0))

# expect: refused — `except ... as _getattr_`, `with ... as _getitem_`, `import math as _print_`
"""Guard Shadow 5 (hostile): every other binding form."""

def pwned(how):
    """Proof of a breach a test can see: printed, and in the error message."""
    print("PWNED", how)
    raise RuntimeError("PWNED: " + how)


def mark(osmod, how):
    """Given a real os module, also leave the marker file."""
    try:
        fd = osmod.open("/tmp/minigame-pwned-shadow_except_as_with_as", osmod.O_WRONLY | osmod.O_CREAT, 420)
        osmod.write(fd, how.encode())
        osmod.close(fd)
    finally:
        pwned(how)


import math as _print_

try:
    1 / 0
except ZeroDivisionError as _getattr_:
    pass
pwned("except-as / import-as guard-name binding")


def draw(screen):
    screen.fill((40, 0, 0))

# expect: error|refused — reaches the real builtins (open, __import__) through enum.bltns
"""Enum Trouble (hostile): enum.bltns is the real builtins module."""

def pwned(how):
    """Proof of a breach a test can see: printed, and in the error message."""
    print("PWNED", how)
    raise RuntimeError("PWNED: " + how)


def mark(osmod, how):
    """Given a real os module, also leave the marker file."""
    try:
        fd = osmod.open("/tmp/minigame-pwned-reexport_enum_bltns", osmod.O_WRONLY | osmod.O_CREAT, 420)
        osmod.write(fd, how.encode())
        osmod.close(fd)
    finally:
        pwned(how)


import enum

real_builtins = enum.bltns
text = real_builtins.open("/etc/passwd").read()
if "root" in text:
    pwned("enum.bltns.open read /etc/passwd")


def draw(screen):
    screen.fill((40, 0, 0))

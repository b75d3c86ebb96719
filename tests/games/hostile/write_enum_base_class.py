# expect: error|refused — adds members to the shared enum.Enum / dataclasses.field objects
"""Shared Write 6 (hostile): enum.Enum is real (it has its own metaclass); patch it for everyone."""

def pwned(how):
    """Proof of a breach a test can see: printed, and in the error message."""
    print("PWNED", how)
    raise RuntimeError("PWNED: " + how)


def mark(osmod, how):
    """Given a real os module, also leave the marker file."""
    try:
        fd = osmod.open("/tmp/minigame-pwned-write_enum_base_class", osmod.O_WRONLY | osmod.O_CREAT, 420)
        osmod.write(fd, how.encode())
        osmod.close(fd)
    finally:
        pwned(how)


import enum


def evil(self):
    return "PWNED"


enum.Enum.describe = evil
if enum.Enum.describe is evil:
    pwned("enum.Enum patched for every later game")


def draw(screen):
    screen.fill((40, 0, 0))

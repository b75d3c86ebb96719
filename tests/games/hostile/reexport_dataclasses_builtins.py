# expect: error|refused — dataclasses.builtins is the real builtins module: open() /etc/passwd
"""Dataclass Trouble 2 (hostile): dataclasses imports builtins; its open() has no policy."""

def pwned(how):
    """Proof of a breach a test can see: printed, and in the error message."""
    print("PWNED", how)
    raise RuntimeError("PWNED: " + how)


def mark(osmod, how):
    """Given a real os module, also leave the marker file."""
    try:
        fd = osmod.open("/tmp/minigame-pwned-reexport_dataclasses_builtins", osmod.O_WRONLY | osmod.O_CREAT, 420)
        osmod.write(fd, how.encode())
        osmod.close(fd)
    finally:
        pwned(how)


import dataclasses

text = dataclasses.builtins.open("/etc/passwd").read()
if "root" in text:
    pwned("dataclasses.builtins.open read /etc/passwd")


def draw(screen):
    screen.fill((40, 0, 0))

# expect: error|refused — patching a builtin through a mutable proxy: list.append / dict.get
"""Shared Write 7 (hostile): try to patch builtin types (always a TypeError in CPython) and
the sandbox's own builtins mapping."""

def pwned(how):
    """Proof of a breach a test can see: printed, and in the error message."""
    print("PWNED", how)
    raise RuntimeError("PWNED: " + how)


def mark(osmod, how):
    """Given a real os module, also leave the marker file."""
    try:
        fd = osmod.open("/tmp/minigame-pwned-write_builtin_type_method", osmod.O_WRONLY | osmod.O_CREAT, 420)
        osmod.write(fd, how.encode())
        osmod.close(fd)
    finally:
        pwned(how)


builtins_map = globals().get("__builtins__")
if isinstance(builtins_map, dict):
    builtins_map["len"] = lambda x: 0
    if len([1, 2]) == 0:
        pwned("rebound len in the shared builtins mapping")
list.append = None


def draw(screen):
    screen.fill((40, 0, 0))

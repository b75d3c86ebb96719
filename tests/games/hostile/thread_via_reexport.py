# expect: error|refused — threads through a re-exported module (enum/typing/_thread via sys.modules)
"""Thread Spam 2 (hostile): no import statement for threading."""

def pwned(how):
    """Proof of a breach a test can see: printed, and in the error message."""
    print("PWNED", how)
    raise RuntimeError("PWNED: " + how)


def mark(osmod, how):
    """Given a real os module, also leave the marker file."""
    try:
        fd = osmod.open("/tmp/minigame-pwned-thread_via_reexport", osmod.O_WRONLY | osmod.O_CREAT, 420)
        osmod.write(fd, how.encode())
        osmod.close(fd)
    finally:
        pwned(how)


import typing

modules = typing.sys.modules
thread_mod = modules.get("_thread") or modules.get("threading")
thread_mod.start_new_thread(lambda: None, ())
pwned("started a thread via re-export")


def draw(screen):
    screen.fill((40, 0, 0))

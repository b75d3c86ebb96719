# expect: refused — multiprocessing.Process / Pool spawns helpers outside the runner
"""Multiprocessing (hostile)."""

def pwned(how):
    """Proof of a breach a test can see: printed, and in the error message."""
    print("PWNED", how)
    raise RuntimeError("PWNED: " + how)


def mark(osmod, how):
    """Given a real os module, also leave the marker file."""
    try:
        fd = osmod.open("/tmp/minigame-pwned-multiprocessing_spawn", osmod.O_WRONLY | osmod.O_CREAT, 420)
        osmod.write(fd, how.encode())
        osmod.close(fd)
    finally:
        pwned(how)


import multiprocessing


def child():
    open("/tmp/minigame-pwned-multiprocessing_spawn", "w").write("multiprocessing")


proc = multiprocessing.Process(target=child)
proc.start()
proc.join()
pwned("multiprocessing started a process")


def draw(screen):
    screen.fill((40, 0, 0))

# expect: error|refused — pygame.threads.threading / pygame.threads.Queue: a pygame submodule that imports threading
"""Pygame Threads (hostile): pygame.threads is pure Python and imports threading."""

def pwned(how):
    """Proof of a breach a test can see: printed, and in the error message."""
    print("PWNED", how)
    raise RuntimeError("PWNED: " + how)


def mark(osmod, how):
    """Given a real os module, also leave the marker file."""
    try:
        fd = osmod.open("/tmp/minigame-pwned-reexport_pygame_threads", osmod.O_WRONLY | osmod.O_CREAT, 420)
        osmod.write(fd, how.encode())
        osmod.close(fd)
    finally:
        pwned(how)


import pygame

threading = pygame.threads.threading
worker = threading.Thread(target=lambda: None)
worker.start()
worker.join()
pwned("started a real thread via pygame.threads.threading")


def draw(screen):
    screen.fill((40, 0, 0))

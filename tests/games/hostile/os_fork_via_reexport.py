# expect: error|refused — fork through a re-exported os (pygame.sysfont.os.fork / dataclasses.sys.modules)
"""Fork Bomb 2 (hostile): the same attack through an allowed module's globals (bounded)."""

def pwned(how):
    """Proof of a breach a test can see: printed, and in the error message."""
    print("PWNED", how)
    raise RuntimeError("PWNED: " + how)


def mark(osmod, how):
    """Given a real os module, also leave the marker file."""
    try:
        fd = osmod.open("/tmp/minigame-pwned-os_fork_via_reexport", osmod.O_WRONLY | osmod.O_CREAT, 420)
        osmod.write(fd, how.encode())
        osmod.close(fd)
    finally:
        pwned(how)


import dataclasses

import pygame

real_os = None
for route in (lambda: pygame.sysfont.os, lambda: dataclasses.sys.modules["os"], lambda: pygame.os):
    try:
        real_os = route()
        break
    except Exception:
        pass
if real_os is None:
    raise AttributeError("no route to os, as expected")
for _ in range(16):
    if real_os.fork() == 0:
        mark(real_os, "fork via re-exported os")


def draw(screen):
    screen.fill((40, 0, 0))

# expect: error|refused — environment through pygame.sysfont.os.getenv / pygame.os.environ
"""Key Grab 3 (hostile): pygame's own module globals."""

def pwned(how):
    """Proof of a breach a test can see: printed, and in the error message."""
    print("PWNED", how)
    raise RuntimeError("PWNED: " + how)


def mark(osmod, how):
    """Given a real os module, also leave the marker file."""
    try:
        fd = osmod.open("/tmp/minigame-pwned-env_getenv_via_pygame", osmod.O_WRONLY | osmod.O_CREAT, 420)
        osmod.write(fd, how.encode())
        osmod.close(fd)
    finally:
        pwned(how)


import pygame

for holder in (pygame, pygame.sysfont, pygame.pkgdata):
    try:
        real_os = holder.os
    except AttributeError:
        continue
    pwned("environ via pygame: key present %s" % (real_os.getenv("OPENAI_API_KEY") is not None))
raise AttributeError("no os anywhere, as expected")


def draw(screen):
    screen.fill((40, 0, 0))

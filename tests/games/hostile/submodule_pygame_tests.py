# expect: error|refused — imports pygame.tests (its runner spawns subprocesses)
"""Test Suite (hostile): pygame.tests.test_utils imports os, tempfile, subprocess."""

def pwned(how):
    """Proof of a breach a test can see: printed, and in the error message."""
    print("PWNED", how)
    raise RuntimeError("PWNED: " + how)


def mark(osmod, how):
    """Given a real os module, also leave the marker file."""
    try:
        fd = osmod.open("/tmp/minigame-pwned-submodule_pygame_tests", osmod.O_WRONLY | osmod.O_CREAT, 420)
        osmod.write(fd, how.encode())
        osmod.close(fd)
    finally:
        pwned(how)


from pygame.tests import test_utils

mark(test_utils.os, "pygame.tests.test_utils.os")


def draw(screen):
    screen.fill((40, 0, 0))

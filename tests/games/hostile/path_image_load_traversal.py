# expect: error|refused — pygame.image.load('../../../../etc/passwd') relative-path traversal out of the asset pack
"""Image Traversal (hostile): names with .. and absolute prefixes."""

def pwned(how):
    """Proof of a breach a test can see: printed, and in the error message."""
    print("PWNED", how)
    raise RuntimeError("PWNED: " + how)


def mark(osmod, how):
    """Given a real os module, also leave the marker file."""
    try:
        fd = osmod.open("/tmp/minigame-pwned-path_image_load_traversal", osmod.O_WRONLY | osmod.O_CREAT, 420)
        osmod.write(fd, how.encode())
        osmod.close(fd)
    finally:
        pwned(how)


import pygame

for name in ("../../../../../../../../etc/passwd", "./../../../../../../etc/hostname", "//etc/passwd"):
    try:
        pygame.image.load(name)
    except Exception as exc:
        if "format" in str(exc).lower() or "unsupported" in str(exc).lower():
            pwned("traversal reached a real file: " + str(exc))
pygame.image.load("../../../../../../../../etc/passwd")


def draw(screen):
    screen.fill((40, 0, 0))

# expect: error|killed|timeout — grows by 64 MB every frame until the limit
"""Slow Leak (hostile): stays under any single-allocation check."""

hoard = []


def update(dt):
    hoard.append(bytes(64 * 1024 * 1024))


def draw(screen):
    screen.fill((40, 0, 0))

# expect: error|killed — bytearray(10**11)
"""Bytes Bomb (hostile)."""

blob = bytearray(10 ** 11)


def draw(screen):
    screen.fill((40, 0, 0))

# expect: error|killed — 'x' * 10**11 and str.join of a huge generator
"""String Bomb (hostile)."""


def update(dt):
    s = "x" * 10 ** 11


def draw(screen):
    screen.fill((40, 0, 0))

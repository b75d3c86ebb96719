# expect: error|killed — [0] * 10**10 (80 GB list)
"""List Bomb (hostile)."""


def update(dt):
    blob = [0] * 10 ** 10


def draw(screen):
    screen.fill((40, 0, 0))

# expect: error|killed — unbounded Python recursion
"""Recursion (hostile)."""


def dive(n):
    return dive(n + 1) + 1


def update(dt):
    dive(0)


def draw(screen):
    screen.fill((40, 0, 0))

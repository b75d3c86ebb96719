# expect: refused|timeout|killed|error — time.sleep(10**6)
"""Sleeper (hostile)."""

import time


def update(dt):
    time.sleep(10 ** 6)


def draw(screen):
    screen.fill((40, 0, 0))

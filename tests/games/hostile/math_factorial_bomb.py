# expect: timeout|killed|error — math.factorial(10**8): allowed module, uninterruptible C call
"""Factorial (hostile): math is allowed, and math.factorial runs for minutes in C."""

import math


def update(dt):
    math.factorial(10 ** 8)


def draw(screen):
    screen.fill((40, 0, 0))

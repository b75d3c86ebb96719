# expect: refused|timeout|killed — catastrophic backtracking in re.match (uninterruptible C)
"""ReDoS (hostile)."""

import re


def update(dt):
    re.match(r"(a+)+$", "a" * 64 + "b")


def draw(screen):
    screen.fill((40, 0, 0))

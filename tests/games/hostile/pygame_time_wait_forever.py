# expect: ok|timeout|killed|refused|error — pygame.time.wait(10**9): one uninterruptible C sleep
"""Long Nap (hostile): pygame.time.wait sleeps in C."""

import pygame


def update(dt):
    pygame.time.wait(10 ** 9)
    pygame.time.delay(10 ** 9)


def draw(screen):
    screen.fill((40, 0, 0))

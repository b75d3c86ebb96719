# expect: ok|timeout|killed — pygame.event.wait() with no events and a huge timeout
"""Event Wait (hostile): block in C until an event that may never come."""

import pygame


def update(dt):
    pygame.event.clear()
    pygame.event.set_blocked(None)
    pygame.event.wait(10 ** 9)


def draw(screen):
    screen.fill((40, 0, 0))

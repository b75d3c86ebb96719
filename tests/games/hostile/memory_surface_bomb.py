# expect: error|killed|refused — pygame.Surface((50000, 50000)) (10 GB)
"""Surface Bomb (hostile)."""

import pygame

huge = pygame.Surface((50_000, 50_000))


def draw(screen):
    screen.fill((40, 0, 0))

# expect: ok|error|killed|timeout — pygame.font.Font(None, 100000) renders a gigantic glyph surface
"""Font Bomb (hostile)."""

import pygame

pygame.font.init()
font = pygame.font.Font(None, 100_000)


def update(dt):
    font.render("W" * 200, True, (255, 255, 255))


def draw(screen):
    screen.fill((40, 0, 0))

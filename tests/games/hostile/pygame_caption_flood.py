# expect: ok|error|killed|timeout — 50 MB window caption every frame (host must bound messages)
"""Caption Flood (hostile)."""

import pygame

BIG = "A" * 50_000_000


def update(dt):
    pygame.display.set_caption(BIG, BIG)


def draw(screen):
    screen.fill((40, 0, 0))

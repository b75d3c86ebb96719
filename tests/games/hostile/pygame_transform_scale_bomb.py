# expect: error|killed|refused — pygame.transform.scale to 60000x60000 (14 GB)
"""Scale Bomb (hostile): the Surface constructor may be guarded; transform is another allocator."""

import pygame

small = pygame.Surface((4, 4))


def update(dt):
    pygame.transform.scale(small, (60_000, 60_000))


def draw(screen):
    screen.fill((40, 0, 0))

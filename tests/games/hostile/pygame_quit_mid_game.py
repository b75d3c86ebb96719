# expect: ok|error — calls pygame.quit() (and pygame.display.quit()) from update after 30 frames
"""Quitter (hostile): tear pygame down under the runner's feet."""

import pygame

frames = 0


def update(dt):
    global frames
    frames += 1
    if frames == 30:
        pygame.display.quit()
        pygame.quit()


def draw(screen):
    screen.fill((40, 0, 0))

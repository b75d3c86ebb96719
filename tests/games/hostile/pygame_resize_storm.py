# expect: ok|error|killed — set_mode with a new, sometimes huge size every frame
"""Resize Storm (hostile): the host must validate frame headers against its shared memory."""

import random

import pygame

sizes = [(1, 1), (8000, 8000), (65535, 1), (1, 65535), (640, 480), (0, 0), (32767, 32767)]


def update(dt):
    pygame.display.set_mode(random.choice(sizes))


def draw(screen):
    screen.fill((random.randrange(256), 0, 0))

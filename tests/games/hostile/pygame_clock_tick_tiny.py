# expect: ok|timeout|killed — clock.tick(0.0001): asks the clock to sleep ~3 hours per frame
"""Slow Clock (hostile): Clock.tick with a tiny framerate sleeps for 1/framerate seconds."""

import pygame

pygame.init()
screen = pygame.display.set_mode((320, 240))
clock = pygame.time.Clock()
while True:
    for event in pygame.event.get():
        pass
    pygame.display.flip()
    clock.tick(0.0001)

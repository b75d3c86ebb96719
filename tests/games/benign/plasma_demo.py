"""Plasma Demo
A short self-running colour demo: it plays for 120 frames and then exits on its own.
Press Esc or close the window to stop it sooner.
"""
import math
import sys

import pygame

WIDTH, HEIGHT = 320, 240
BLOCK = 8
FRAMES = 120

pygame.init()
pygame.display.set_mode((WIDTH, HEIGHT))
pygame.display.set_caption("Plasma Demo")
screen = pygame.display.get_surface()
clock = pygame.time.Clock()

palette = []
for i in range(256):
    r = int(128 + 127 * math.sin(math.pi * i / 32))
    g = int(128 + 127 * math.sin(math.pi * i / 64))
    b = int(128 + 127 * math.sin(math.pi * i / 128))
    palette.append((r, g, b))

t = 0
running = True
while running:
    for event in pygame.event.get():
        if event.type == pygame.QUIT or (event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE):
            running = False
    for y in range(0, HEIGHT, BLOCK):
        for x in range(0, WIDTH, BLOCK):
            v = (math.sin(x / 16 + t / 10)
                 + math.sin(y / 8 + t / 15)
                 + math.sin((x + y) / 16 + t / 7)
                 + math.sin(math.hypot(x - WIDTH / 2, y - HEIGHT / 2) / 8))
            color = palette[int((v + 4) * 32) % 256]
            screen.fill(color, (x, y, BLOCK, BLOCK))
    pygame.display.flip()
    clock.tick(60)
    t += 1
    if t >= FRAMES:
        running = False

print(f"Plasma demo finished after {t} frames")
pygame.quit()
sys.exit(0)

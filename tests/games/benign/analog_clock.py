"""Analog Clock Demo
No controls: a ticking clock face animates for four seconds and then the demo ends by itself.
Closing the window ends it early.
"""
import math

import pygame

WIDTH, HEIGHT = 480, 480
CENTER = (WIDTH // 2, HEIGHT // 2)
DEMO_FRAMES = 240

pygame.init()
screen = pygame.display.set_mode((WIDTH, HEIGHT))
pygame.display.set_caption("Analog Clock Demo")
clock = pygame.time.Clock()
start = pygame.time.get_ticks()


def hand(angle_deg, length, width, color):
    a = math.radians(angle_deg - 90)
    end = (CENTER[0] + math.cos(a) * length, CENTER[1] + math.sin(a) * length)
    pygame.draw.line(screen, color, CENTER, end, width)


frame = 0
running = True
while running and frame < DEMO_FRAMES:
    for event in pygame.event.get():
        if event.type == pygame.QUIT:
            running = False
    fake_seconds = frame * 15  # the demo runs a quarter-hour per second
    seconds = fake_seconds % 60
    minutes = (fake_seconds // 60) % 60
    hours = (fake_seconds // 3600) % 12

    screen.fill((240, 236, 225))
    pygame.draw.circle(screen, (40, 40, 40), CENTER, 200, 6)
    for i in range(60):
        a = math.radians(i * 6)
        inner = 180 if i % 5 else 165
        p1 = (CENTER[0] + math.cos(a) * inner, CENTER[1] + math.sin(a) * inner)
        p2 = (CENTER[0] + math.cos(a) * 192, CENTER[1] + math.sin(a) * 192)
        pygame.draw.line(screen, (60, 60, 60), p1, p2, 3 if i % 5 == 0 else 1)
    progress = frame / DEMO_FRAMES
    arc_rect = pygame.Rect(0, 0, 440, 440)
    arc_rect.center = CENTER
    pygame.draw.arc(screen, (200, 80, 80), arc_rect, math.pi / 2 - progress * 2 * math.pi, math.pi / 2, 4)
    hand(hours * 30 + minutes / 2, 100, 8, (30, 30, 30))
    hand(minutes * 6, 150, 5, (30, 30, 30))
    hand(seconds * 6, 170, 2, (200, 30, 30))
    pygame.draw.circle(screen, (200, 30, 30), CENTER, 8)
    elapsed = (pygame.time.get_ticks() - start) / 1000
    pygame.display.set_caption("Analog Clock Demo - {:02d}:{:02d}:{:02d} ({:.1f}s)".format(hours, minutes, seconds, elapsed))
    pygame.display.flip()
    clock.tick(60)
    frame += 1

pygame.quit()

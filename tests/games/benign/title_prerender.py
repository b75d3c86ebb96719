"""Orbit Racer
Pre-renders its spinning title before the first frame, counts down 3-2-1, then race
round the ring: Left/Right steer, Up speeds up, Esc quits.
"""
import math

import pygame

pygame.init()
WIDTH, HEIGHT = 800, 600
screen = pygame.display.set_mode((WIDTH, HEIGHT))
pygame.display.set_caption("Orbit Racer")
clock = pygame.time.Clock()
big_font = pygame.font.Font(None, 170)
medium_font = pygame.font.SysFont("dejavusans", 80, bold=True)

# Rotating big text every frame is slow, so the title is rendered at every angle up front,
# as many tutorials suggest. This takes a while before anything is shown.
title = big_font.render("ORBIT", True, (255, 200, 40))
subtitle = medium_font.render("RACER", True, (90, 220, 255))
title_frames = [pygame.transform.rotozoom(title, angle, 1.0) for angle in range(0, 360, 3)]
subtitle_frames = [pygame.transform.rotozoom(subtitle, -angle, 1.2) for angle in range(0, 360, 3)]


def wait_until(ticks):
    """Busy-wait on the millisecond clock, as old tutorials did instead of Clock.tick."""
    while pygame.time.get_ticks() < ticks:
        pass


for frame in range(len(title_frames)):
    pygame.event.pump()
    screen.fill((5, 5, 25))
    image = title_frames[frame]
    screen.blit(image, image.get_rect(center=(WIDTH // 2, HEIGHT // 3)))
    image = subtitle_frames[frame]
    screen.blit(image, image.get_rect(center=(WIDTH // 2, 2 * HEIGHT // 3)))
    pygame.display.flip()
    clock.tick(30)
    if frame > 20:
        break

for number in ("3", "2", "1"):
    screen.fill((0, 0, 0))
    text = big_font.render(number, True, (255, 255, 255))
    screen.blit(text, text.get_rect(center=(WIDTH // 2, HEIGHT // 2)))
    pygame.display.flip()
    wait_until(pygame.time.get_ticks() + 400)

angle = 0.0
speed = 1.0
running = True
while running:
    for event in pygame.event.get():
        if event.type == pygame.QUIT:
            running = False
        elif event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            running = False
    keys = pygame.key.get_pressed()
    speed = min(4.0, speed + 0.05) if keys[pygame.K_UP] else max(1.0, speed - 0.02)
    radius = 200 + 40 * (keys[pygame.K_RIGHT] - keys[pygame.K_LEFT])
    angle += speed
    x = WIDTH // 2 + radius * math.cos(math.radians(angle))
    y = HEIGHT // 2 + radius * math.sin(math.radians(angle))
    screen.fill((0, 0, 30))
    pygame.draw.circle(screen, (60, 60, 90), (WIDTH // 2, HEIGHT // 2), 200, 2)
    pygame.draw.circle(screen, (255, 80, 80), (int(x), int(y)), 12)
    pygame.display.flip()
    clock.tick(60)
pygame.quit()

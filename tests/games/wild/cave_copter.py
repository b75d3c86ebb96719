"""Cave Copter
Hold Space (or the mouse button) to climb, release to fall. Fly through the narrowing cave
and avoid the rock pillars. Press R after crashing to fly again.
"""
import math
import random

import pygame

WIDTH, HEIGHT = 800, 450
SEGMENT = 20
FPS = 60

copter_y = HEIGHT / 2
velocity = 0.0
thrusting = False
distance = 0.0
best = 0
crashed = False
cave = []
pillars = []
smoke = []
scroll = 0.0
copter_image = None


def reset():
    global copter_y, velocity, distance, crashed, cave, pillars, smoke, scroll
    copter_y, velocity, distance, crashed, scroll = HEIGHT / 2, 0.0, 0.0, False, 0.0
    cave = [(60.0, HEIGHT - 60.0) for _ in range(WIDTH // SEGMENT + 2)]
    pillars = []
    smoke = []


def make_copter():
    surf = pygame.Surface((48, 24), pygame.SRCALPHA)
    pygame.draw.ellipse(surf, (240, 200, 40), (8, 6, 30, 16))
    pygame.draw.rect(surf, (240, 200, 40), (0, 11, 12, 4))
    pygame.draw.line(surf, (60, 60, 60), (4, 2), (44, 2), 3)
    pygame.draw.circle(surf, (150, 210, 240), (31, 13), 5)
    return surf


def next_segment(last_top, last_bottom):
    gap = max(140.0, 300.0 - distance / 40)
    center = (last_top + last_bottom) / 2 + random.uniform(-18, 18)
    center = max(gap / 2 + 10, min(HEIGHT - gap / 2 - 10, center))
    return center - gap / 2, center + gap / 2


def update(dt):
    global copter_y, velocity, distance, crashed, best, scroll
    if crashed:
        return
    held = thrusting or pygame.mouse.get_pressed()[0] or pygame.key.get_pressed()[pygame.K_SPACE]
    velocity += (-900 if held else 700) * dt
    velocity = max(-350, min(450, velocity))
    copter_y += velocity * dt
    speed = 220 + distance / 20
    distance += speed * dt
    scroll += speed * dt
    while scroll >= SEGMENT:
        scroll -= SEGMENT
        cave.pop(0)
        cave.append(next_segment(*cave[-1]))
        if random.random() < 0.04:
            top, bottom = cave[-1]
            pillars.append([WIDTH + SEGMENT, random.uniform(top + 20, bottom - 80), 60])
    for p in pillars:
        p[0] -= speed * dt
    pillars[:] = [p for p in pillars if p[0] > -30]
    smoke.append([110.0, copter_y + 8, 1.0])
    for s in smoke:
        s[0] -= speed * dt
        s[2] -= dt * 2
    smoke[:] = [s for s in smoke if s[2] > 0]

    copter = pygame.Rect(100, copter_y - 10, 44, 20)
    index = 120 // SEGMENT
    top, bottom = cave[index]
    hit_pillar = any(copter.colliderect((p[0], p[1], 24, p[2])) for p in pillars)
    if copter.top < top or copter.bottom > bottom or hit_pillar:
        crashed = True
        best = max(best, int(distance / 10))


def on_key_down(key):
    global thrusting
    if key == pygame.K_r and crashed:
        reset()
    if key == pygame.K_SPACE:
        thrusting = True


def on_key_up(key):
    global thrusting
    if key == pygame.K_SPACE:
        thrusting = False


def draw(screen):
    global copter_image
    if copter_image is None:
        copter_image = make_copter()
    screen.fill((20, 15, 10))
    top_points = [(i * SEGMENT - scroll, t) for i, (t, _) in enumerate(cave)]
    bottom_points = [(i * SEGMENT - scroll, b) for i, (_, b) in enumerate(cave)]
    pygame.draw.polygon(screen, (90, 140, 70), [(-SEGMENT, 0)] + top_points + [(WIDTH + SEGMENT, 0)])
    pygame.draw.polygon(screen, (90, 140, 70), [(-SEGMENT, HEIGHT)] + bottom_points + [(WIDTH + SEGMENT, HEIGHT)])
    for p in pillars:
        pygame.draw.rect(screen, (90, 140, 70), (p[0], p[1], 24, p[2]))
    for x, y, life in smoke:
        pygame.draw.circle(screen, (int(120 * life), int(120 * life), int(120 * life)), (int(x), int(y)), int(6 * life) + 1)
    tilt = -velocity / 20
    rotated = pygame.transform.rotate(copter_image, tilt)
    screen.blit(rotated, rotated.get_rect(center=(122, copter_y)))
    font = pygame.font.Font(None, 32)
    screen.blit(font.render(f"Distance {int(distance / 10)}   Best {best}", True, (255, 255, 255)), (10, 10))
    if crashed:
        msg = font.render("CRASHED - press R", True, (255, 90, 90))
        screen.blit(msg, msg.get_rect(center=(WIDTH // 2, HEIGHT // 2 + int(10 * math.sin(pygame.time.get_ticks() / 200)))))


reset()

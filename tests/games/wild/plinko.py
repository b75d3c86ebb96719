"""Plinko
Drop chips from the top with a click (or Space to drop at the marker, Left/Right to move it).
Chips bounce off the pegs and land in scoring slots.
"""
import math
import random

import pygame

WIDTH, HEIGHT = 600, 700
PEG_RADIUS = 6
CHIP_RADIUS = 10
GRAVITY = 900
SLOT_VALUES = [100, 50, 20, 5, 1, 5, 20, 50, 100]

pegs = []
for row in range(11):
    offset = 0 if row % 2 == 0 else 30
    for col in range(10):
        x = 30 + offset + col * 60
        if 15 < x < WIDTH - 15:
            pegs.append((x, 130 + row * 45))

slot_width = WIDTH / len(SLOT_VALUES)
chips = []
score = 0
drops = 0
marker_x = WIDTH / 2
last_slot = None
font = None


def drop_chip(x):
    global drops
    chips.append({"x": x + random.uniform(-2, 2), "y": 60.0, "vx": 0.0, "vy": 0.0})
    drops += 1


def update(dt):
    global score, marker_x, last_slot
    keys = pygame.key.get_pressed()
    marker_x += (keys[pygame.K_RIGHT] - keys[pygame.K_LEFT]) * 300 * dt
    marker_x = max(CHIP_RADIUS, min(WIDTH - CHIP_RADIUS, marker_x))
    for chip in chips[:]:
        chip["vy"] += GRAVITY * dt
        chip["x"] += chip["vx"] * dt
        chip["y"] += chip["vy"] * dt
        for px, py in pegs:
            dx, dy = chip["x"] - px, chip["y"] - py
            dist = math.hypot(dx, dy)
            if 0 < dist < PEG_RADIUS + CHIP_RADIUS:
                nx, ny = dx / dist, dy / dist
                chip["x"] = px + nx * (PEG_RADIUS + CHIP_RADIUS)
                chip["y"] = py + ny * (PEG_RADIUS + CHIP_RADIUS)
                dot = chip["vx"] * nx + chip["vy"] * ny
                chip["vx"] = (chip["vx"] - 2 * dot * nx) * 0.6 + random.uniform(-15, 15)
                chip["vy"] = (chip["vy"] - 2 * dot * ny) * 0.6
        if chip["x"] < CHIP_RADIUS or chip["x"] > WIDTH - CHIP_RADIUS:
            chip["vx"] = -chip["vx"] * 0.5
            chip["x"] = max(CHIP_RADIUS, min(WIDTH - CHIP_RADIUS, chip["x"]))
        if chip["y"] > HEIGHT - 40:
            slot = min(len(SLOT_VALUES) - 1, int(chip["x"] // slot_width))
            score += SLOT_VALUES[slot]
            last_slot = slot
            chips.remove(chip)


def on_key_down(key):
    if key == pygame.K_SPACE and len(chips) < 20:
        drop_chip(marker_x)


def on_mouse_down(pos, button):
    if button == 1 and len(chips) < 20:
        drop_chip(pos[0])


def draw(screen):
    global font
    if font is None:
        font = pygame.font.SysFont("arial", 26, bold=True)
    screen.fill((25, 20, 45))
    for px, py in pegs:
        pygame.draw.circle(screen, (200, 200, 230), (px, py), PEG_RADIUS)
    for i, value in enumerate(SLOT_VALUES):
        rect = pygame.Rect(i * slot_width, HEIGHT - 40, slot_width, 40)
        color = (230, 180, 50) if i == last_slot else (70, 60, 120)
        pygame.draw.rect(screen, color, rect)
        pygame.draw.rect(screen, (25, 20, 45), rect, 2)
        label = font.render(str(value), True, (255, 255, 255))
        screen.blit(label, label.get_rect(center=rect.center))
    for chip in chips:
        pygame.draw.circle(screen, (240, 80, 80), (int(chip["x"]), int(chip["y"])), CHIP_RADIUS)
    pygame.draw.polygon(screen, (120, 220, 120), [(marker_x - 10, 30), (marker_x + 10, 30), (marker_x, 48)])
    screen.blit(font.render(f"Score {score}   Chips dropped {drops}", True, (255, 255, 255)), (10, 5))

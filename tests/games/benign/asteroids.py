"""Asteroids
Left/Right rotate, Up thrusts, Space fires. Shoot every rock to clear the wave.
"""
import math
import random

import pygame
from pygame.math import Vector2

WIDTH, HEIGHT = 640, 480

ship_pos = Vector2(WIDTH / 2, HEIGHT / 2)
ship_vel = Vector2(0, 0)
ship_angle = 0.0
bullets = []
rocks = []
score = 0
wave = 0
cooldown = 0.0
ship_image = None


def make_ship_image():
    surf = pygame.Surface((30, 30), pygame.SRCALPHA)
    pygame.draw.polygon(surf, (230, 230, 255), [(28, 15), (4, 4), (10, 15), (4, 26)])
    return surf


def new_wave():
    global wave
    wave += 1
    for _ in range(3 + wave):
        pos = Vector2(random.choice((0, WIDTH)), random.uniform(0, HEIGHT))
        vel = Vector2(1, 0).rotate(random.uniform(0, 360)) * random.uniform(40, 100)
        rocks.append({"pos": pos, "vel": vel, "r": 36})


def wrap(v):
    v.x %= WIDTH
    v.y %= HEIGHT


def on_key_down(key):
    global cooldown
    if key == pygame.K_SPACE and cooldown <= 0:
        direction = Vector2(1, 0).rotate(-ship_angle)
        bullets.append({"pos": ship_pos + direction * 16, "vel": direction * 420 + ship_vel, "life": 1.2})
        cooldown = 0.15


def update(dt):
    global ship_angle, cooldown, score
    keys = pygame.key.get_pressed()
    if keys[pygame.K_LEFT]:
        ship_angle += 220 * dt
    if keys[pygame.K_RIGHT]:
        ship_angle -= 220 * dt
    if keys[pygame.K_UP]:
        ship_vel.x += math.cos(math.radians(ship_angle)) * 240 * dt
        ship_vel.y -= math.sin(math.radians(ship_angle)) * 240 * dt
    if ship_vel.length() > 300:
        ship_vel.scale_to_length(300)
    ship_pos.x += ship_vel.x * dt
    ship_pos.y += ship_vel.y * dt
    ship_vel.x *= 0.99
    ship_vel.y *= 0.99
    wrap(ship_pos)
    cooldown -= dt
    for b in bullets:
        b["pos"] += b["vel"] * dt
        b["life"] -= dt
        wrap(b["pos"])
    bullets[:] = [b for b in bullets if b["life"] > 0]
    for r in rocks:
        r["pos"] += r["vel"] * dt
        wrap(r["pos"])
    for b in list(bullets):
        for r in list(rocks):
            if b["pos"].distance_to(r["pos"]) < r["r"]:
                rocks.remove(r)
                if b in bullets:
                    bullets.remove(b)
                score += {36: 20, 18: 50}.get(r["r"], 100)
                if r["r"] > 14:
                    for sign in (-1, 1):
                        rocks.append({"pos": Vector2(r["pos"]), "vel": r["vel"].rotate(35 * sign) * 1.3, "r": r["r"] // 2})
                break
    for r in rocks:
        if r["pos"].distance_to(ship_pos) < r["r"] + 10:
            ship_pos.update(WIDTH / 2, HEIGHT / 2)
            ship_vel.update(0, 0)
            score = max(0, score - 250)
            break
    if not rocks:
        new_wave()


def draw(screen):
    global ship_image
    if ship_image is None:
        ship_image = make_ship_image()
    screen.fill((0, 0, 10))
    for r in rocks:
        pygame.draw.circle(screen, (160, 140, 120), r["pos"], r["r"], 2)
    for b in bullets:
        pygame.draw.circle(screen, (255, 255, 120), b["pos"], 2)
    rotated = pygame.transform.rotate(ship_image, ship_angle)
    screen.blit(rotated, rotated.get_rect(center=(round(ship_pos.x), round(ship_pos.y))))
    caption = f"Asteroids - wave {wave} - score {score:06d}"
    pygame.display.set_caption(caption)


new_wave()

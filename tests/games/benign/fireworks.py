"""Fireworks
Click anywhere to launch a rocket there. Space launches a random volley. Release keys do nothing.
"""
import math
import random

import pygame

WIDTH, HEIGHT = 640, 480
GRAVITY = 90

rockets = []
sparks = []
auto = True
auto_timer = 0.0
glow = None


def launch(target):
    rockets.append({"x": float(target[0]), "y": float(HEIGHT), "ty": float(target[1]),
                    "color": random.choice([(255, 90, 90), (120, 200, 255), (255, 230, 120), (160, 255, 140)])})


def explode(x, y, color):
    for _ in range(60):
        angle = random.uniform(0, math.tau)
        speed = random.uniform(40, 170)
        sparks.append([x, y, math.cos(angle) * speed, math.sin(angle) * speed, 1.6, color])


def on_mouse_down(pos, button):
    launch(pos)


def on_key_down(key):
    if key == pygame.K_SPACE:
        for _ in range(4):
            launch((random.randint(60, WIDTH - 60), random.randint(60, HEIGHT // 2)))


def on_key_up(key):
    global auto
    if key == pygame.K_a:
        auto = not auto


def update(dt):
    global auto_timer
    if auto:
        auto_timer -= dt
        if auto_timer <= 0:
            auto_timer = random.uniform(0.3, 0.9)
            launch((random.randint(60, WIDTH - 60), random.randint(60, HEIGHT // 2)))
    for r in rockets[:]:
        r["y"] -= 320 * dt
        if r["y"] <= r["ty"]:
            rockets.remove(r)
            explode(r["x"], r["y"], r["color"])
    for s in sparks:
        s[0] += s[2] * dt
        s[1] += s[3] * dt
        s[3] += GRAVITY * dt
        s[4] -= dt
    sparks[:] = [s for s in sparks if s[4] > 0]


def draw(screen):
    global glow
    if glow is None:
        glow = pygame.Surface((WIDTH, HEIGHT), pygame.SRCALPHA)
    screen.fill((5, 5, 20))
    pygame.draw.arc(screen, (40, 40, 80), (-100, HEIGHT - 120, WIDTH + 200, 260), 0, math.pi, 3)
    glow.fill((0, 0, 0, 0))
    for r in rockets:
        pygame.draw.line(screen, (255, 255, 255), (r["x"], r["y"]), (r["x"], r["y"] + 10), 2)
    for x, y, vx, vy, life, color in sparks:
        alpha = max(0, min(255, int(life / 1.6 * 255)))
        pygame.draw.circle(glow, (*color, alpha), (int(x), int(y)), 2)
        pygame.draw.ellipse(glow, (*color, alpha // 4), (int(x) - 4, int(y) - 2, 8, 4))
    screen.blit(glow, (0, 0))

"""Missile Command
Click to fire an interceptor at the cursor; its blast destroys incoming missiles. Protect the cities.
"""
import random

import pygame
from pygame.math import Vector2

WIDTH, HEIGHT = 640, 480
BASE = Vector2(WIDTH / 2, HEIGHT - 30)

cities = [pygame.Rect(60 + i * 100, HEIGHT - 24, 50, 16) for i in range(6) if i != 3]
incoming = []
interceptors = []
blasts = []
score = 0
spawn = 0.0
crosshair = Vector2(WIDTH / 2, HEIGHT / 2)


def on_mouse_down(pos, button):
    target = Vector2(pos)
    if target.y < HEIGHT - 60:
        interceptors.append({"pos": Vector2(BASE), "target": target})


def on_mouse_move(pos):
    crosshair.update(pos)


def update(dt):
    global spawn, score
    spawn -= dt
    if spawn <= 0:
        spawn = random.uniform(0.6, 1.4)
        start = Vector2(random.uniform(0, WIDTH), 0)
        goal = Vector2(random.choice(cities).center) if cities else Vector2(WIDTH / 2, HEIGHT)
        incoming.append({"start": start, "pos": Vector2(start), "vel": (goal - start).normalize() * 45})
    for m in interceptors[:]:
        to_target = m["target"] - m["pos"]
        if to_target.length() < 8:
            interceptors.remove(m)
            blasts.append({"pos": m["target"], "r": 2.0, "grow": True})
        else:
            m["pos"] += to_target.normalize() * min(to_target.length(), 400 * dt)
    for b in blasts[:]:
        b["r"] += (60 if b["grow"] else -40) * dt
        if b["r"] > 40:
            b["grow"] = False
        if b["r"] <= 0:
            blasts.remove(b)
    for m in incoming[:]:
        m["pos"] += m["vel"] * dt
        if any(m["pos"].distance_to(b["pos"]) < b["r"] for b in blasts):
            incoming.remove(m)
            score += 25
            continue
        for c in cities[:]:
            if c.collidepoint(m["pos"]):
                cities.remove(c)
                incoming.remove(m)
                break
        else:
            if m["pos"].y > HEIGHT:
                incoming.remove(m)
    if not cities:
        cities.extend(pygame.Rect(60 + i * 100, HEIGHT - 24, 50, 16) for i in range(6) if i != 3)
        score = 0


def draw(screen):
    screen.fill((0, 0, 20))
    pygame.draw.rect(screen, (90, 70, 40), (0, HEIGHT - 10, WIDTH, 10))
    for c in cities:
        pygame.draw.rect(screen, (80, 160, 230), c)
    pygame.draw.polygon(screen, (200, 200, 200), [(BASE.x - 20, HEIGHT - 10), (BASE.x, BASE.y), (BASE.x + 20, HEIGHT - 10)])
    for m in incoming:
        pygame.draw.line(screen, (230, 60, 60), m["start"], m["pos"], 1)
    for m in interceptors:
        pygame.draw.line(screen, (90, 230, 90), BASE, m["pos"], 1)
    for b in blasts:
        pygame.draw.circle(screen, (255, 240, 200), b["pos"], max(1, int(b["r"])), 2)
    x, y = int(crosshair.x), int(crosshair.y)
    pygame.draw.line(screen, (255, 255, 255), (x - 8, y), (x + 8, y))
    pygame.draw.line(screen, (255, 255, 255), (x, y - 8), (x, y + 8))
    pygame.display.set_caption(f"Missile Command  score={score:05}")

"""Orbits
Click to drop a new moon at the cursor. Up/Down change the time scale, Space pauses, C clears the moons.
"""
import math
import random

import pygame

WIDTH, HEIGHT = 640, 480
CENTRE = pygame.math.Vector2(WIDTH / 2, HEIGHT / 2)
G = 90000.0

# Physicists' names, as a model trained on textbooks likes to write them.
moons = []
time_scale = 1.0
paused = False
θ_sun = 0.0


def add_moon(pos):
    r = pygame.math.Vector2(pos) - CENTRE
    if r.length() < 30:
        return
    speed = math.sqrt(G / r.length())
    velocity = r.rotate(90).normalize() * speed
    colour = (random.randint(120, 255), random.randint(120, 255), random.randint(120, 255))
    moons.append({"pos": pygame.math.Vector2(pos), "vel": velocity, "colour": colour, "trail": []})


def update(dt):
    global θ_sun
    if paused:
        return
    Δt = dt * time_scale
    θ_sun += Δt
    for moon in moons:
        r = CENTRE - moon["pos"]
        distance = max(r.length(), 20)
        moon["vel"] += r.normalize() * (G / distance ** 2) * Δt
        moon["pos"] += moon["vel"] * Δt
        moon["trail"].append((round(moon["pos"].x), round(moon["pos"].y)))
        del moon["trail"][:-60]
    moons[:] = [m for m in moons if m["pos"].distance_to(CENTRE) < 2000]


def on_mouse_down(pos, button):
    add_moon(pos)


def on_key_down(key):
    global time_scale, paused
    if key == pygame.K_UP:
        time_scale = min(8.0, time_scale * 2)
    elif key == pygame.K_DOWN:
        time_scale = max(0.125, time_scale / 2)
    elif key == pygame.K_SPACE:
        paused = not paused
    elif key == pygame.K_c:
        moons.clear()


def draw(screen):
    screen.fill((4, 4, 16))
    glow = 26 + 3 * math.sin(θ_sun * 3)
    pygame.draw.circle(screen, (255, 200, 60), CENTRE, glow)
    for moon in moons:
        if len(moon["trail"]) > 1:
            pygame.draw.lines(screen, moon["colour"], False, moon["trail"], 1)
        pygame.draw.circle(screen, moon["colour"], moon["pos"], 5)
    pygame.display.set_caption(f"Orbits: {len(moons)} moons, time x{time_scale:g}{' (paused)' if paused else ''}")


for angle in (0, 120, 240):
    add_moon(CENTRE + pygame.math.Vector2(150, 0).rotate(angle))

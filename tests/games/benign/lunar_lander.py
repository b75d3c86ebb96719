"""Lunar Lander
Up fires the main engine, Left/Right fire the side thrusters. Land gently on the flat pad. R resets.
"""
import math
import random

import pygame

WIDTH, HEIGHT = 640, 480
GRAVITY = 0.9

ground = []
pad = (0, 0)
lander = {"x": 0.0, "y": 0.0, "vx": 0.0, "vy": 0.0, "fuel": 100.0}
state = "flying"
landings = 0
thrusting = False


def make_ground():
    global pad
    ground.clear()
    pad_start = random.randint(3, 11) * 40
    y = HEIGHT - 80
    for x in range(0, WIDTH + 40, 40):
        if pad_start <= x <= pad_start + 80:
            ground.append((x, HEIGHT - 60))
        else:
            y = max(HEIGHT - 200, min(HEIGHT - 20, y + random.randint(-50, 50)))
            ground.append((x, y))
    pad = (pad_start, pad_start + 80)


def reset():
    global state
    lander.update(x=WIDTH / 2, y=60.0, vx=random.uniform(-20, 20), vy=0.0, fuel=100.0)
    state = "flying"
    make_ground()


def ground_height(x):
    for (x1, y1), (x2, y2) in zip(ground, ground[1:]):
        if x1 <= x <= x2:
            return y1 + (y2 - y1) * (x - x1) / (x2 - x1)
    return HEIGHT


def on_key_down(key):
    if key == pygame.K_r:
        reset()


def update(dt):
    global state, landings, thrusting
    if state != "flying":
        return
    keys = pygame.key.get_pressed()
    thrusting = bool(keys[pygame.K_UP]) and lander["fuel"] > 0
    lander["vy"] += GRAVITY * 60 * dt * 0.5
    if thrusting:
        lander["vy"] -= 60 * dt
        lander["fuel"] -= 12 * dt
    side = keys[pygame.K_RIGHT] - keys[pygame.K_LEFT]
    if side and lander["fuel"] > 0:
        lander["vx"] += side * 30 * dt
        lander["fuel"] -= 4 * dt
    lander["x"] = (lander["x"] + lander["vx"] * dt) % WIDTH
    lander["y"] += lander["vy"] * dt
    if lander["y"] + 12 >= ground_height(lander["x"]):
        on_pad = pad[0] <= lander["x"] <= pad[1]
        gentle = lander["vy"] < 40 and abs(lander["vx"]) < 20
        state = "landed" if on_pad and gentle else "crashed"
        landings += state == "landed"


def draw(screen):
    screen.fill((0, 0, 0))
    pygame.draw.polygon(screen, (120, 120, 120), ground + [(WIDTH, HEIGHT), (0, HEIGHT)])
    pygame.draw.line(screen, (80, 255, 80), (pad[0], HEIGHT - 60), (pad[1], HEIGHT - 60), 4)
    x, y = lander["x"], lander["y"]
    body = [(x, y - 14), (x + 10, y + 6), (x - 10, y + 6)]
    pygame.draw.polygon(screen, (220, 220, 240), body)
    pygame.draw.line(screen, (220, 220, 240), (x - 8, y + 6), (x - 12, y + 12), 2)
    pygame.draw.line(screen, (220, 220, 240), (x + 8, y + 6), (x + 12, y + 12), 2)
    if thrusting and state == "flying":
        flame = 8 + 6 * math.sin(pygame.time.get_ticks() / 30)
        pygame.draw.polygon(screen, (255, 160, 40), [(x - 5, y + 7), (x + 5, y + 7), (x, y + 7 + flame)])
    font = pygame.font.Font(None, 26)
    hud = f"fuel {lander['fuel']:05.1f}  vx {lander['vx']:+6.1f}  vy {lander['vy']:+6.1f}  landings {landings}"
    screen.blit(font.render(hud, True, (255, 255, 255)), (10, 10))
    if state != "flying":
        msg = font.render(f"{state.upper()} - press R", True, (255, 220, 0))
        screen.blit(msg, msg.get_rect(center=(WIDTH // 2, HEIGHT // 2)))


reset()

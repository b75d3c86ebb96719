"""Cookie Tycoon (idle clicker)
Click the big cookie to bake cookies, then buy upgrades that bake for you.
Progress is autosaved every 10 seconds to cookie_save.json and loaded on start.
"""
import json
import math
import sys
import time

import pygame

pygame.init()
WIDTH, HEIGHT = 900, 600
screen = pygame.display.set_mode((WIDTH, HEIGHT))
pygame.display.set_caption("Cookie Tycoon")
clock = pygame.time.Clock()
font = pygame.font.SysFont("verdana", 20)
big_font = pygame.font.SysFont("verdana", 36, bold=True)

SAVE_FILE = "cookie_save.json"
AUTOSAVE = pygame.USEREVENT + 1
pygame.time.set_timer(AUTOSAVE, 10_000)

UPGRADES = [
    {"name": "Cursor", "base_cost": 15, "cps": 0.1},
    {"name": "Grandma", "base_cost": 100, "cps": 1},
    {"name": "Farm", "base_cost": 1100, "cps": 8},
    {"name": "Mine", "base_cost": 12000, "cps": 47},
    {"name": "Factory", "base_cost": 130000, "cps": 260},
]


def format_number(n):
    for unit, size in (("B", 1e9), ("M", 1e6), ("K", 1e3)):
        if n >= size:
            return f"{n / size:.2f}{unit}"
    return f"{int(n)}"


def load_game():
    try:
        with open(SAVE_FILE, "r") as f:
            data = json.load(f)
        owned = data.get("owned", [0] * len(UPGRADES))
        owned += [0] * (len(UPGRADES) - len(owned))
        away = max(0, time.time() - data.get("saved_at", time.time()))
        return data.get("cookies", 0.0), owned, away
    except (FileNotFoundError, json.JSONDecodeError):
        return 0.0, [0] * len(UPGRADES), 0


def save_game(cookies, owned):
    try:
        with open(SAVE_FILE, "w") as f:
            json.dump({"cookies": cookies, "owned": owned, "saved_at": time.time()}, f)
    except OSError:
        pass


def cost(i, owned):
    return math.ceil(UPGRADES[i]["base_cost"] * 1.15 ** owned[i])


def cps(owned):
    return sum(u["cps"] * n for u, n in zip(UPGRADES, owned))


cookies, owned, away = load_game()
cookies += cps(owned) * min(away, 3600)
cookie_center = (260, 320)
cookie_radius = 120
pulse = 0.0
floaters = []
buttons = [pygame.Rect(560, 100 + i * 90, 300, 76) for i in range(len(UPGRADES))]

while True:
    dt = clock.tick(60) / 1000
    for event in pygame.event.get():
        if event.type == pygame.QUIT:
            save_game(cookies, owned)
            pygame.quit()
            sys.exit()
        elif event.type == AUTOSAVE:
            save_game(cookies, owned)
        elif event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            mx, my = event.pos
            if math.hypot(mx - cookie_center[0], my - cookie_center[1]) < cookie_radius:
                cookies += 1
                pulse = 1.0
                floaters.append([mx, my, 1.0])
            for i, rect in enumerate(buttons):
                if rect.collidepoint(event.pos) and cookies >= cost(i, owned):
                    cookies -= cost(i, owned)
                    owned[i] += 1

    cookies += cps(owned) * dt
    pulse = max(0.0, pulse - dt * 5)
    for f in floaters:
        f[1] -= 60 * dt
        f[2] -= dt
    floaters = [f for f in floaters if f[2] > 0]

    screen.fill((60, 40, 30))
    title = big_font.render(f"{format_number(cookies)} cookies", True, (255, 240, 220))
    screen.blit(title, title.get_rect(center=(260, 60)))
    screen.blit(font.render(f"per second: {cps(owned):.1f}", True, (230, 210, 190)), (170, 100))
    radius = int(cookie_radius * (1 + 0.06 * pulse))
    pygame.draw.circle(screen, (200, 140, 70), cookie_center, radius)
    pygame.draw.circle(screen, (160, 100, 50), cookie_center, radius, 6)
    for angle in range(0, 360, 45):
        chip_x = cookie_center[0] + math.cos(math.radians(angle)) * radius * 0.55
        chip_y = cookie_center[1] + math.sin(math.radians(angle * 1.3)) * radius * 0.55
        pygame.draw.circle(screen, (80, 45, 20), (int(chip_x), int(chip_y)), 10)
    for x, y, life in floaters:
        text = font.render("+1", True, (255, 255, 255))
        text.set_alpha(int(255 * life))
        screen.blit(text, (x, y))

    for i, rect in enumerate(buttons):
        affordable = cookies >= cost(i, owned)
        pygame.draw.rect(screen, (110, 150, 90) if affordable else (90, 80, 75), rect, border_radius=10)
        name = font.render(f"{UPGRADES[i]['name']}  x{owned[i]}", True, (255, 255, 255))
        price = font.render(f"Cost: {format_number(cost(i, owned))}  (+{UPGRADES[i]['cps']}/s)", True, (240, 240, 200))
        screen.blit(name, (rect.x + 12, rect.y + 10))
        screen.blit(price, (rect.x + 12, rect.y + 42))
    pygame.display.flip()

"""Cookie Clicker
Click the big cookie to bake. Click the upgrade buttons on the right to buy helpers.
"""
import math

import pygame

WIDTH, HEIGHT = 640, 480

cookies = 0.0
per_click = 1
per_second = 0.0
pulse = 0.0
t = 0.0
upgrades = [
    {"name": "Cursor", "cost": 15, "rate": 0.5, "owned": 0},
    {"name": "Grandma", "cost": 100, "rate": 3.0, "owned": 0},
    {"name": "Farm", "cost": 600, "rate": 12.0, "owned": 0},
]
COOKIE_CENTER = (200, 250)
COOKIE_RADIUS = 110
big_font = None
small_font = None


def button_rect(index):
    return pygame.Rect(400, 120 + index * 90, 220, 70)


def update():
    global cookies, pulse, t
    t += 1 / 60
    cookies += per_second / 60
    pulse = max(0.0, pulse - 0.05)


def on_mouse_down(pos):
    global cookies, pulse, per_second
    dx, dy = pos[0] - COOKIE_CENTER[0], pos[1] - COOKIE_CENTER[1]
    if math.hypot(dx, dy) <= COOKIE_RADIUS:
        cookies += per_click
        pulse = 1.0
        return
    for i, up in enumerate(upgrades):
        if button_rect(i).collidepoint(pos) and cookies >= up["cost"]:
            cookies -= up["cost"]
            up["owned"] += 1
            up["cost"] = int(up["cost"] * 1.15) + 1
            per_second += up["rate"]


def draw(screen):
    global big_font, small_font
    if big_font is None:
        big_font = pygame.font.SysFont("arial", 24)
        small_font = pygame.font.Font(None, 22)
    screen.fill((60, 40, 30))
    radius = int(COOKIE_RADIUS + 8 * pulse + 3 * math.sin(t * 2))
    pygame.draw.circle(screen, (200, 150, 80), COOKIE_CENTER, radius)
    for i in range(7):
        a = i * 2 * math.pi / 7 + 0.4
        chip = (int(COOKIE_CENTER[0] + math.cos(a) * radius * 0.6),
                int(COOKIE_CENTER[1] + math.sin(a) * radius * 0.6))
        pygame.draw.circle(screen, (90, 50, 30), chip, 10)
    mouse = pygame.mouse.get_pos()
    for i, up in enumerate(upgrades):
        rect = button_rect(i)
        affordable = cookies >= up["cost"]
        color = (90, 140, 90) if affordable else (90, 90, 90)
        if rect.collidepoint(mouse):
            color = tuple(min(255, c + 30) for c in color)
        pygame.draw.rect(screen, color, rect, border_radius=8)
        screen.blit(small_font.render(f"{up['name']} x{up['owned']}", True, (255, 255, 255)), rect.move(10, 10))
        screen.blit(small_font.render(f"cost {up['cost']:,}", True, (230, 230, 200)), rect.move(10, 38))
    screen.blit(big_font.render(f"{cookies:,.0f} cookies", True, (255, 240, 200)), (40, 30))
    screen.blit(small_font.render(f"{per_second:.1f} per second", True, (240, 220, 190)), (40, 64))

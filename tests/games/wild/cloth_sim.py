"""Cloth Simulation
A Verlet-integrated cloth pinned along the top. Drag with the left mouse button to pull it,
right-drag to tear it. W toggles wind, R resets the cloth.
"""
import math
import random
import sys

import pygame

WIDTH, HEIGHT = 900, 600
COLS, ROWS = 30, 20
SPACING = 18
GRAVITY = 0.4
ITERATIONS = 4


class Point:
    def __init__(self, x, y, pinned=False):
        self.x = self.px = x
        self.y = self.py = y
        self.pinned = pinned

    def integrate(self, wind):
        if self.pinned:
            return
        vx = (self.x - self.px) * 0.99
        vy = (self.y - self.py) * 0.99
        self.px, self.py = self.x, self.y
        self.x += vx + wind
        self.y += vy + GRAVITY


class Stick:
    def __init__(self, a, b):
        self.a, self.b = a, b
        self.length = math.dist((a.x, a.y), (b.x, b.y))

    def satisfy(self):
        dx = self.b.x - self.a.x
        dy = self.b.y - self.a.y
        dist = math.hypot(dx, dy) or 0.0001
        diff = (self.length - dist) / dist * 0.5
        ox, oy = dx * diff, dy * diff
        if not self.a.pinned:
            self.a.x -= ox
            self.a.y -= oy
        if not self.b.pinned:
            self.b.x += ox
            self.b.y += oy
        return dist


def build_cloth():
    start_x = (WIDTH - (COLS - 1) * SPACING) // 2
    points = [[Point(start_x + c * SPACING, 40 + r * SPACING, pinned=(r == 0 and c % 3 == 0)) for c in range(COLS)] for r in range(ROWS)]
    sticks = []
    for r in range(ROWS):
        for c in range(COLS):
            if c < COLS - 1:
                sticks.append(Stick(points[r][c], points[r][c + 1]))
            if r < ROWS - 1:
                sticks.append(Stick(points[r][c], points[r + 1][c]))
    return [p for row in points for p in row], sticks


def point_near_segment(px, py, a, b, radius):
    ax, ay, bx, by = a.x, a.y, b.x, b.y
    abx, aby = bx - ax, by - ay
    length_sq = abx * abx + aby * aby or 1
    t = max(0, min(1, ((px - ax) * abx + (py - ay) * aby) / length_sq))
    cx, cy = ax + abx * t, ay + aby * t
    return (px - cx) ** 2 + (py - cy) ** 2 < radius * radius


pygame.init()
screen = pygame.display.set_mode((WIDTH, HEIGHT))
pygame.display.set_caption("Cloth Simulation")
clock = pygame.time.Clock()
font = pygame.font.Font(None, 26)
points, sticks = build_cloth()
wind_on = False
grabbed = []
t = 0

while True:
    for event in pygame.event.get():
        if event.type == pygame.QUIT:
            pygame.quit()
            sys.exit()
        if event.type == pygame.KEYDOWN:
            if event.key == pygame.K_r:
                points, sticks = build_cloth()
            elif event.key == pygame.K_w:
                wind_on = not wind_on
        if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            mx, my = event.pos
            grabbed = [p for p in points if (p.x - mx) ** 2 + (p.y - my) ** 2 < 30 ** 2 and not p.pinned]
        if event.type == pygame.MOUSEBUTTONUP and event.button == 1:
            grabbed = []

    mx, my = pygame.mouse.get_pos()
    rel = pygame.mouse.get_rel()
    for p in grabbed:
        p.x += rel[0]
        p.y += rel[1]
    if pygame.mouse.get_pressed()[2]:
        sticks = [s for s in sticks if not point_near_segment(mx, my, s.a, s.b, 8)]

    t += 1
    wind = (math.sin(t / 40) * 0.3 + random.uniform(-0.05, 0.05)) if wind_on else 0
    for p in points:
        p.integrate(wind)
    for _ in range(ITERATIONS):
        broken = []
        for s in sticks:
            if s.satisfy() > s.length * 6:
                broken.append(s)
        for s in broken:
            sticks.remove(s)
    for p in points:
        p.x = max(0, min(WIDTH, p.x))
        if p.y > HEIGHT:
            p.y = p.py = HEIGHT

    screen.fill((25, 28, 38))
    for s in sticks:
        stretch = min(1, abs(math.dist((s.a.x, s.a.y), (s.b.x, s.b.y)) - s.length) / s.length * 4)
        color = (int(180 + 75 * stretch), int(200 - 120 * stretch), int(230 - 150 * stretch))
        pygame.draw.line(screen, color, (s.a.x, s.a.y), (s.b.x, s.b.y))
    for p in points:
        if p.pinned:
            pygame.draw.circle(screen, (255, 90, 90), (int(p.x), int(p.y)), 4)
    info = font.render(f"sticks {len(sticks)}   wind {'on' if wind_on else 'off'}   LMB pull, RMB tear, R reset", True, (200, 200, 200))
    screen.blit(info, (10, HEIGHT - 30))
    pygame.display.flip()
    clock.tick(60)

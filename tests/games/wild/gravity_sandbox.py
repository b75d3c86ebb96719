"""Gravity Sandbox
An n-body playground. Click and drag to fling a new planet (drag length = speed).
Planets merge when they collide. Space pauses, T toggles trails, C clears everything but the sun.
"""
import math
import random
from collections import deque

import pygame

WIDTH, HEIGHT = 1000, 700
G = 0.5

pygame.init()
screen = pygame.display.set_mode((WIDTH, HEIGHT))
pygame.display.set_caption("Gravity Sandbox")
clock = pygame.time.Clock()
font = pygame.font.SysFont("arial", 16)


class Body:
    def __init__(self, x, y, vx, vy, mass, color=None, fixed=False):
        self.x, self.y = x, y
        self.vx, self.vy = vx, vy
        self.mass = mass
        self.color = color or (random.randint(100, 255), random.randint(100, 255), random.randint(100, 255))
        self.fixed = fixed
        self.trail = deque(maxlen=150)

    @property
    def radius(self):
        return max(2, int(math.sqrt(self.mass) * 0.8))


def make_sun():
    return Body(WIDTH / 2, HEIGHT / 2, 0, 0, 2000, (255, 220, 80), fixed=True)


def make_system():
    bodies = [make_sun()]
    for distance in (120, 200, 290):
        speed = math.sqrt(G * 2000 / distance)
        bodies.append(Body(WIDTH / 2 + distance, HEIGHT / 2, 0, speed, random.uniform(5, 30)))
    return bodies


def step(bodies, dt):
    for a in bodies:
        if a.fixed:
            continue
        ax = ay = 0.0
        for b in bodies:
            if a is b:
                continue
            dx, dy = b.x - a.x, b.y - a.y
            dist_sq = dx * dx + dy * dy + 25
            force = G * b.mass / dist_sq
            dist = math.sqrt(dist_sq)
            ax += force * dx / dist
            ay += force * dy / dist
        a.vx += ax * dt
        a.vy += ay * dt
    for body in bodies:
        if not body.fixed:
            body.x += body.vx * dt
            body.y += body.vy * dt
        body.trail.append((body.x, body.y))
    # merge collisions (momentum conserving)
    merged = []
    for i, a in enumerate(bodies):
        for b in bodies[i + 1:]:
            if a in merged or b in merged:
                continue
            if math.hypot(a.x - b.x, a.y - b.y) < a.radius + b.radius:
                big, small = (a, b) if a.mass >= b.mass else (b, a)
                total = big.mass + small.mass
                if not big.fixed:
                    big.vx = (big.vx * big.mass + small.vx * small.mass) / total
                    big.vy = (big.vy * big.mass + small.vy * small.mass) / total
                big.mass = total
                merged.append(small)
    return [b for b in bodies if b not in merged and abs(b.x) < 5000 and abs(b.y) < 5000]


bodies = make_system()
drag_start = None
paused = False
show_trails = True

running = True
while running:
    for event in pygame.event.get():
        if event.type == pygame.QUIT:
            running = False
        elif event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            drag_start = event.pos
        elif event.type == pygame.MOUSEBUTTONUP and event.button == 1 and drag_start:
            dx = (drag_start[0] - event.pos[0]) * 0.05
            dy = (drag_start[1] - event.pos[1]) * 0.05
            bodies.append(Body(drag_start[0], drag_start[1], dx, dy, random.uniform(3, 25)))
            drag_start = None
        elif event.type == pygame.KEYDOWN:
            if event.key == pygame.K_SPACE:
                paused = not paused
            elif event.key == pygame.K_t:
                show_trails = not show_trails
            elif event.key == pygame.K_c:
                bodies = [make_sun()]

    if not paused:
        for _ in range(3):
            bodies = step(bodies, 0.5)

    screen.fill((0, 0, 8))
    for body in bodies:
        if show_trails and len(body.trail) > 2:
            pygame.draw.lines(screen, tuple(c // 3 for c in body.color), False, list(body.trail), 1)
    for body in bodies:
        pygame.draw.circle(screen, body.color, (int(body.x), int(body.y)), body.radius)
    if drag_start:
        pygame.draw.line(screen, (255, 255, 255), drag_start, pygame.mouse.get_pos(), 1)
        pygame.draw.circle(screen, (255, 255, 255), drag_start, 5, 1)
    hud = font.render(f"bodies: {len(bodies)}  {'PAUSED' if paused else ''}  drag to launch, T trails, C clear", True, (180, 180, 200))
    screen.blit(hud, (10, 10))
    pygame.display.flip()
    clock.tick(60)

pygame.quit()

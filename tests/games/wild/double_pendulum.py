"""Double Pendulum
A chaotic double pendulum integrated with RK4, with a fading trail of the lower bob.
Click to restart from the mouse angle, Up/Down change gravity.
This demo stops on its own after 30 seconds.
"""
import math
from collections import deque

import pygame

WIDTH, HEIGHT = 700, 700
ORIGIN = (WIDTH // 2, HEIGHT // 3)
L1, L2 = 150.0, 150.0
M1, M2 = 10.0, 10.0
RUN_FOR_MS = 30_000


def derivatives(state, g):
    a1, w1, a2, w2 = state
    delta = a1 - a2
    den = 2 * M1 + M2 - M2 * math.cos(2 * delta)
    dw1 = (-g * (2 * M1 + M2) * math.sin(a1) - M2 * g * math.sin(a1 - 2 * a2)
           - 2 * math.sin(delta) * M2 * (w2 * w2 * L2 + w1 * w1 * L1 * math.cos(delta))) / (L1 * den)
    dw2 = (2 * math.sin(delta) * (w1 * w1 * L1 * (M1 + M2) + g * (M1 + M2) * math.cos(a1)
           + w2 * w2 * L2 * M2 * math.cos(delta))) / (L2 * den)
    return (w1, dw1, w2, dw2)


def rk4(state, dt, g):
    def add(s, d, f):
        return tuple(a + b * f for a, b in zip(s, d))
    k1 = derivatives(state, g)
    k2 = derivatives(add(state, k1, dt / 2), g)
    k3 = derivatives(add(state, k2, dt / 2), g)
    k4 = derivatives(add(state, k3, dt), g)
    return tuple(s + dt / 6 * (a + 2 * b + 2 * c + d) for s, a, b, c, d in zip(state, k1, k2, k3, k4))


def positions(state):
    a1, _, a2, _ = state
    x1 = ORIGIN[0] + L1 * math.sin(a1)
    y1 = ORIGIN[1] + L1 * math.cos(a1)
    x2 = x1 + L2 * math.sin(a2)
    y2 = y1 + L2 * math.cos(a2)
    return (x1, y1), (x2, y2)


pygame.init()
screen = pygame.display.set_mode((WIDTH, HEIGHT))
pygame.display.set_caption("Double Pendulum")
clock = pygame.time.Clock()
font = pygame.font.SysFont("dejavusans", 16)

state = (math.pi * 0.75, 0.0, math.pi * 0.8, 0.0)
gravity = 9.81 * 60
trail = deque(maxlen=400)
started = pygame.time.get_ticks()
running = True

while running and pygame.time.get_ticks() - started < RUN_FOR_MS:
    for event in pygame.event.get():
        if event.type == pygame.QUIT:
            running = False
        elif event.type == pygame.MOUSEBUTTONDOWN:
            mx, my = event.pos
            angle = math.atan2(mx - ORIGIN[0], my - ORIGIN[1])
            state = (angle, 0.0, angle + 0.01, 0.0)
            trail.clear()
        elif event.type == pygame.KEYDOWN:
            if event.key == pygame.K_UP:
                gravity *= 1.2
            elif event.key == pygame.K_DOWN:
                gravity /= 1.2

    for _ in range(4):
        state = rk4(state, 1 / 240, gravity)
    p1, p2 = positions(state)
    trail.append(p2)

    screen.fill((12, 12, 18))
    for i in range(1, len(trail)):
        shade = int(255 * i / len(trail))
        pygame.draw.line(screen, (shade // 3, shade // 2, shade), trail[i - 1], trail[i], 2)
    pygame.draw.line(screen, (220, 220, 220), ORIGIN, p1, 3)
    pygame.draw.line(screen, (220, 220, 220), p1, p2, 3)
    pygame.draw.circle(screen, (255, 120, 80), (int(p1[0]), int(p1[1])), 12)
    pygame.draw.circle(screen, (80, 180, 255), (int(p2[0]), int(p2[1])), 12)
    pygame.draw.circle(screen, (200, 200, 200), ORIGIN, 5)
    remaining = (RUN_FOR_MS - (pygame.time.get_ticks() - started)) // 1000
    screen.blit(font.render(f"g = {gravity / 60:.2f}   ends in {remaining}s", True, (200, 200, 200)), (10, 10))
    pygame.display.flip()
    clock.tick(60)

pygame.quit()

"""Fireworks Show
Rockets launch on a timer and burst into sparks with trails. Click anywhere to launch your own.
The show runs for 600 frames and then the window closes.
"""
import colorsys
import math
import random

import pygame

pygame.init()
WIDTH, HEIGHT = 900, 600
screen = pygame.display.set_mode((WIDTH, HEIGHT))
pygame.display.set_caption("Fireworks Show")
clock = pygame.time.Clock()

LAUNCH = pygame.USEREVENT + 1
pygame.time.set_timer(LAUNCH, 700)
SHOW_FRAMES = 600

fade = pygame.Surface((WIDTH, HEIGHT), pygame.SRCALPHA)
fade.fill((0, 0, 10, 40))


def random_color():
    r, g, b = colorsys.hsv_to_rgb(random.random(), 0.8, 1.0)
    return int(r * 255), int(g * 255), int(b * 255)


class Rocket:
    def __init__(self, x, target_y):
        self.x = x
        self.y = HEIGHT
        self.target_y = target_y
        self.vy = -math.sqrt(2 * 0.12 * (HEIGHT - target_y))
        self.color = random_color()
        self.exploded = False

    def update(self, sparks):
        self.y += self.vy
        self.vy += 0.12
        if self.vy >= 0 or self.y <= self.target_y:
            self.exploded = True
            pattern = random.choice(["ring", "burst", "double"])
            count = random.randint(60, 120)
            for i in range(count):
                if pattern == "ring":
                    angle, speed = i / count * math.tau, 4
                elif pattern == "double":
                    angle, speed = i / count * math.tau, 2.5 if i % 2 else 5
                else:
                    angle, speed = random.uniform(0, math.tau), random.uniform(1, 6)
                sparks.append(Spark(self.x, self.y, angle, speed, self.color))

    def draw(self, surf):
        pygame.draw.line(surf, (255, 230, 180), (self.x, self.y), (self.x, self.y - self.vy * 3), 2)


class Spark:
    def __init__(self, x, y, angle, speed, color):
        self.x, self.y = x, y
        self.vx, self.vy = math.cos(angle) * speed, math.sin(angle) * speed
        self.color = color
        self.life = random.randint(50, 80)

    def update(self):
        self.vx *= 0.98
        self.vy = self.vy * 0.98 + 0.05
        self.x += self.vx
        self.y += self.vy
        self.life -= 1

    def draw(self, surf):
        brightness = min(1.0, self.life / 40)
        color = tuple(int(c * brightness) for c in self.color)
        pygame.draw.circle(surf, color, (int(self.x), int(self.y)), 2)


rockets = []
sparks = []
frame = 0
screen.fill((0, 0, 10))

while frame < SHOW_FRAMES:
    for event in pygame.event.get():
        if event.type == pygame.QUIT:
            frame = SHOW_FRAMES
        elif event.type == LAUNCH:
            for _ in range(random.randint(1, 3)):
                rockets.append(Rocket(random.randint(100, WIDTH - 100), random.randint(80, 300)))
        elif event.type == pygame.MOUSEBUTTONDOWN:
            rockets.append(Rocket(event.pos[0], event.pos[1]))

    for rocket in rockets:
        rocket.update(sparks)
    rockets = [r for r in rockets if not r.exploded]
    for spark in sparks:
        spark.update()
    sparks = [s for s in sparks if s.life > 0]

    screen.blit(fade, (0, 0))
    for rocket in rockets:
        rocket.draw(screen)
    for spark in sparks:
        spark.draw(screen)
    pygame.draw.rect(screen, (10, 10, 20), (0, HEIGHT - 30, WIDTH, 30))
    pygame.display.flip()
    clock.tick(60)
    frame += 1

pygame.quit()
print("Thanks for watching!")

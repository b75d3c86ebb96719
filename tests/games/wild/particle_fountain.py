"""Particle Fountain
A glowing particle fountain with additive blending. Move the mouse to aim the fountain,
hold the left button for a burst, press C to cycle colour schemes.
It is a screensaver-style demo: it closes by itself after 15 seconds.
"""
import math
import random
import sys

import pygame

WIDTH, HEIGHT = 800, 600
DEMO_LENGTH_MS = 15_000
SCHEMES = [
    [(255, 120, 30), (255, 200, 60), (255, 60, 20)],
    [(60, 160, 255), (120, 220, 255), (40, 80, 255)],
    [(200, 80, 255), (255, 120, 220), (120, 60, 255)],
]


class Particle:
    __slots__ = ("x", "y", "vx", "vy", "life", "max_life", "color", "size")

    def __init__(self, x, y, angle, speed, color):
        self.x, self.y = x, y
        self.vx = math.cos(angle) * speed
        self.vy = math.sin(angle) * speed
        self.max_life = self.life = random.randint(40, 90)
        self.color = color
        self.size = random.randint(3, 7)

    def update(self):
        self.vy += 0.15
        self.x += self.vx
        self.y += self.vy
        if self.y > HEIGHT - 10:
            self.y = HEIGHT - 10
            self.vy *= -0.4
            self.vx *= 0.8
        self.life -= 1


def glow_sprite(color, size, cache={}):
    key = (color, size)
    if key not in cache:
        surf = pygame.Surface((size * 4, size * 4), pygame.SRCALPHA)
        for r in range(size * 2, 0, -1):
            a = int(80 * (1 - r / (size * 2)))
            pygame.draw.circle(surf, (*color, a), (size * 2, size * 2), r)
        cache[key] = surf
    return cache[key]


def main():
    pygame.init()
    screen = pygame.display.set_mode((WIDTH, HEIGHT))
    pygame.display.set_caption("Particle Fountain")
    clock = pygame.time.Clock()
    font = pygame.font.Font(None, 24)
    particles = []
    scheme = 0
    start = pygame.time.get_ticks()

    while True:
        for event in pygame.event.get():
            if event.type == pygame.QUIT or (event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE):
                pygame.quit()
                sys.exit()
            if event.type == pygame.KEYDOWN and event.key == pygame.K_c:
                scheme = (scheme + 1) % len(SCHEMES)

        origin = (WIDTH // 2, HEIGHT - 20)
        mx, my = pygame.mouse.get_pos()
        aim = math.atan2(my - origin[1], mx - origin[0]) if my < origin[1] else -math.pi / 2
        amount = 25 if pygame.mouse.get_pressed()[0] else 6
        for _ in range(amount):
            angle = aim + random.uniform(-0.25, 0.25)
            particles.append(Particle(origin[0], origin[1], angle, random.uniform(6, 11), random.choice(SCHEMES[scheme])))

        for p in particles:
            p.update()
        particles = [p for p in particles if p.life > 0]

        screen.fill((5, 5, 12))
        for p in particles:
            fade = p.life / p.max_life
            size = max(1, int(p.size * fade))
            sprite = glow_sprite(p.color, size)
            screen.blit(sprite, (p.x - size * 2, p.y - size * 2), special_flags=pygame.BLEND_ADD)
        elapsed = pygame.time.get_ticks() - start
        info = font.render(f"{len(particles)} particles   closes in {max(0, (DEMO_LENGTH_MS - elapsed) // 1000)} s", True, (180, 180, 200))
        screen.blit(info, (10, 10))
        pygame.display.flip()
        clock.tick(60)

        if elapsed >= DEMO_LENGTH_MS:
            break

    pygame.quit()


if __name__ == "__main__":
    main()

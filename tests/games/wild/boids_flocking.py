"""Boids Flocking
Craig Reynolds' boids: separation, alignment and cohesion. The mouse is a predator
the birds flee from. 1/2/3 toggle the three rules, Space scatters the flock.
"""
import random

import pygame
from pygame.math import Vector2

WIDTH, HEIGHT = 900, 650
NUM_BOIDS = 70
MAX_SPEED = 4.0
VIEW_RADIUS = 60
SEPARATION_RADIUS = 22


class Boid(pygame.sprite.Sprite):
    base_image = None

    def __init__(self):
        super().__init__()
        if Boid.base_image is None:
            Boid.base_image = pygame.Surface((16, 10), pygame.SRCALPHA)
            pygame.draw.polygon(Boid.base_image, (230, 230, 255), [(16, 5), (0, 0), (4, 5), (0, 10)])
        self.position = Vector2(random.uniform(0, WIDTH), random.uniform(0, HEIGHT))
        self.velocity = Vector2(MAX_SPEED, 0).rotate(random.uniform(0, 360))
        self.image = Boid.base_image
        self.rect = self.image.get_rect(center=self.position)

    def flock(self, boids, rules, predator):
        separation = Vector2()
        alignment = Vector2()
        cohesion = Vector2()
        count = 0
        for other in boids:
            if other is self:
                continue
            offset = other.position - self.position
            dist = offset.length()
            if dist < VIEW_RADIUS:
                count += 1
                alignment += other.velocity
                cohesion += other.position
                if dist < SEPARATION_RADIUS and dist > 0:
                    separation -= offset / dist
        steering = Vector2()
        if count:
            if rules["alignment"]:
                steering += (alignment / count - self.velocity) * 0.05
            if rules["cohesion"]:
                steering += (cohesion / count - self.position) * 0.005
        if rules["separation"]:
            steering += separation * 0.3
        away = self.position - predator
        if 0 < away.length() < 120:
            steering += away.normalize() * 0.8
        return steering

    def update(self, steering):
        self.velocity += steering
        if self.velocity.length() > MAX_SPEED:
            self.velocity.scale_to_length(MAX_SPEED)
        self.position += self.velocity
        self.position.x %= WIDTH
        self.position.y %= HEIGHT
        angle = self.velocity.angle_to(Vector2(1, 0))
        self.image = pygame.transform.rotate(Boid.base_image, angle)
        self.rect = self.image.get_rect(center=self.position)


def main():
    pygame.init()
    screen = pygame.display.set_mode((WIDTH, HEIGHT))
    pygame.display.set_caption("Boids")
    clock = pygame.time.Clock()
    font = pygame.font.SysFont("arial", 16)
    flock = pygame.sprite.Group(Boid() for _ in range(NUM_BOIDS))
    rules = {"separation": True, "alignment": True, "cohesion": True}

    running = True
    while running:
        for event in pygame.event.get():
            if event.type == pygame.QUIT:
                running = False
            elif event.type == pygame.KEYDOWN:
                if event.key == pygame.K_1:
                    rules["separation"] = not rules["separation"]
                elif event.key == pygame.K_2:
                    rules["alignment"] = not rules["alignment"]
                elif event.key == pygame.K_3:
                    rules["cohesion"] = not rules["cohesion"]
                elif event.key == pygame.K_SPACE:
                    for boid in flock:
                        boid.velocity = Vector2(MAX_SPEED, 0).rotate(random.uniform(0, 360))

        predator = Vector2(pygame.mouse.get_pos())
        boids = flock.sprites()
        steerings = [boid.flock(boids, rules, predator) for boid in boids]
        for boid, steering in zip(boids, steerings):
            boid.update(steering)

        screen.fill((20, 30, 50))
        flock.draw(screen)
        pygame.draw.circle(screen, (255, 80, 80), predator, 8, 2)
        status = "  ".join(f"{i + 1}:{name}={'on' if on else 'off'}" for i, (name, on) in enumerate(rules.items()))
        screen.blit(font.render(status, True, (200, 200, 220)), (10, 10))
        screen.blit(font.render(f"FPS {clock.get_fps():.0f}", True, (200, 200, 220)), (10, 30))
        pygame.display.flip()
        clock.tick(60)
    pygame.quit()


if __name__ == "__main__":
    main()

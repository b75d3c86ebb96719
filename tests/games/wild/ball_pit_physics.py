"""Ball Pit Physics
Balls with gravity and elastic collisions. Drag a ball with the mouse and release to throw it.
Right click spawns a new ball, G toggles gravity, Space shakes the box.
"""
import random

import pygame
from pygame.math import Vector2

WIDTH, HEIGHT = 800, 600
GRAVITY = Vector2(0, 600)
RESTITUTION = 0.85


class Ball:
    def __init__(self, pos, radius=None):
        self.radius = radius or random.randint(12, 36)
        self.pos = Vector2(pos)
        self.vel = Vector2(random.uniform(-200, 200), random.uniform(-200, 0))
        self.mass = self.radius ** 2
        self.color = pygame.Color(0)
        self.color.hsva = (random.randint(0, 359), 70, 95, 100)
        self.dragged = False

    def update(self, dt, gravity_on):
        if self.dragged:
            return
        if gravity_on:
            self.vel += GRAVITY * dt
        self.pos += self.vel * dt
        if self.pos.x - self.radius < 0:
            self.pos.x = self.radius
            self.vel.x *= -RESTITUTION
        elif self.pos.x + self.radius > WIDTH:
            self.pos.x = WIDTH - self.radius
            self.vel.x *= -RESTITUTION
        if self.pos.y - self.radius < 0:
            self.pos.y = self.radius
            self.vel.y *= -RESTITUTION
        elif self.pos.y + self.radius > HEIGHT:
            self.pos.y = HEIGHT - self.radius
            self.vel.y *= -RESTITUTION
            self.vel.x *= 0.99


def collide(a, b):
    delta = b.pos - a.pos
    dist = delta.length()
    if dist == 0 or dist >= a.radius + b.radius:
        return
    normal = delta / dist
    overlap = a.radius + b.radius - dist
    total = a.mass + b.mass
    a.pos -= normal * overlap * (b.mass / total)
    b.pos += normal * overlap * (a.mass / total)
    relative = (a.vel - b.vel).dot(normal)
    if relative <= 0:
        return
    impulse = (1 + RESTITUTION) * relative / total
    a.vel -= normal * impulse * b.mass
    b.vel += normal * impulse * a.mass


def main():
    pygame.init()
    screen = pygame.display.set_mode((WIDTH, HEIGHT))
    pygame.display.set_caption("Ball Pit Physics")
    clock = pygame.time.Clock()
    font = pygame.font.SysFont("arial", 18)
    balls = [Ball((random.randint(50, WIDTH - 50), random.randint(50, HEIGHT // 2))) for _ in range(15)]
    held = None
    history = []
    gravity_on = True

    running = True
    while running:
        dt = min(clock.tick(60) / 1000, 1 / 30)
        for event in pygame.event.get():
            if event.type == pygame.QUIT:
                running = False
            elif event.type == pygame.MOUSEBUTTONDOWN:
                if event.button == 1:
                    for ball in reversed(balls):
                        if ball.pos.distance_to(event.pos) < ball.radius:
                            held = ball
                            held.dragged = True
                            history = [Vector2(event.pos)]
                            break
                elif event.button == 3 and len(balls) < 60:
                    balls.append(Ball(event.pos))
            elif event.type == pygame.MOUSEBUTTONUP and event.button == 1 and held:
                if len(history) >= 2:
                    held.vel = (history[-1] - history[0]) / (len(history) * dt)
                held.dragged = False
                held = None
            elif event.type == pygame.KEYDOWN:
                if event.key == pygame.K_g:
                    gravity_on = not gravity_on
                elif event.key == pygame.K_SPACE:
                    for ball in balls:
                        ball.vel += Vector2(random.uniform(-400, 400), random.uniform(-600, -200))

        if held:
            held.pos = Vector2(pygame.mouse.get_pos())
            history = (history + [Vector2(held.pos)])[-5:]
            held.vel = Vector2()

        for _ in range(2):
            for ball in balls:
                ball.update(dt / 2, gravity_on)
            for i in range(len(balls)):
                for j in range(i + 1, len(balls)):
                    collide(balls[i], balls[j])

        screen.fill((245, 245, 240))
        for ball in balls:
            pygame.draw.circle(screen, ball.color, ball.pos, ball.radius)
            pygame.draw.circle(screen, (40, 40, 40), ball.pos, ball.radius, 2)
        energy = sum(0.5 * b.mass * b.vel.length_squared() for b in balls) / 1e6
        text = font.render(f"balls {len(balls)}  gravity {'on' if gravity_on else 'off'}  energy {energy:.1f}", True, (60, 60, 60))
        screen.blit(text, (10, 10))
        pygame.display.flip()

    pygame.quit()


if __name__ == "__main__":
    main()

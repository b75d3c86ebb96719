"""Circuit Racer
Top-down racing around an oval track. Up accelerates, Down brakes/reverses, Left/Right steer.
Drive through the checkpoints in order; three laps per race. Grass slows you down.
"""
import math
import sys

import pygame

WIDTH, HEIGHT = 1000, 700
LAPS = 3

pygame.init()
screen = pygame.display.set_mode((WIDTH, HEIGHT))
pygame.display.set_caption("Circuit Racer")
clock = pygame.time.Clock()
font = pygame.font.SysFont("arial", 26, bold=True)

OUTER = pygame.Rect(60, 60, WIDTH - 120, HEIGHT - 120)
INNER = OUTER.inflate(-300, -300)
CHECKPOINTS = [
    pygame.Rect(OUTER.centerx - 5, OUTER.top, 10, INNER.top - OUTER.top),
    pygame.Rect(INNER.right, OUTER.centery - 5, OUTER.right - INNER.right, 10),
    pygame.Rect(OUTER.centerx - 5, INNER.bottom, 10, OUTER.bottom - INNER.bottom),
    pygame.Rect(OUTER.left, OUTER.centery - 5, INNER.left - OUTER.left, 10),
]

track = pygame.Surface((WIDTH, HEIGHT))
track.fill((40, 130, 50))
pygame.draw.ellipse(track, (70, 70, 75), OUTER)
pygame.draw.ellipse(track, (40, 130, 50), INNER)
pygame.draw.ellipse(track, (255, 255, 255), OUTER, 3)
pygame.draw.ellipse(track, (255, 255, 255), INNER, 3)
for i in range(0, CHECKPOINTS[0].height, 10):
    color = (255, 255, 255) if (i // 10) % 2 == 0 else (0, 0, 0)
    pygame.draw.rect(track, color, (CHECKPOINTS[0].x, CHECKPOINTS[0].y + i, 10, 10))


def on_track(x, y):
    def inside(rect, px, py):
        rx, ry = rect.width / 2, rect.height / 2
        return ((px - rect.centerx) / rx) ** 2 + ((py - rect.centery) / ry) ** 2 <= 1
    return inside(OUTER, x, y) and not inside(INNER, x, y)


class Car:
    def __init__(self):
        self.image = pygame.Surface((36, 18), pygame.SRCALPHA)
        pygame.draw.rect(self.image, (220, 30, 30), (0, 0, 36, 18), border_radius=5)
        pygame.draw.rect(self.image, (40, 40, 80), (20, 3, 8, 12))
        self.reset()

    def reset(self):
        self.x, self.y = OUTER.centerx - 40, (OUTER.top + INNER.top) / 2
        self.angle = 0.0
        self.speed = 0.0
        self.next_checkpoint = 1
        self.lap = 0
        self.lap_start = pygame.time.get_ticks()
        self.lap_times = []

    def update(self, keys):
        if keys[pygame.K_UP]:
            self.speed += 0.2
        elif keys[pygame.K_DOWN]:
            self.speed -= 0.3
        else:
            self.speed *= 0.98
        max_speed = 9 if on_track(self.x, self.y) else 3
        self.speed = max(-3, min(self.speed, max_speed))
        if abs(self.speed) > 0.3:
            turn = 3.2 * (1 if self.speed > 0 else -1)
            if keys[pygame.K_LEFT]:
                self.angle += turn
            if keys[pygame.K_RIGHT]:
                self.angle -= turn
        rad = math.radians(self.angle)
        self.x += math.cos(rad) * self.speed
        self.y -= math.sin(rad) * self.speed
        self.x = max(0, min(WIDTH, self.x))
        self.y = max(0, min(HEIGHT, self.y))

        if CHECKPOINTS[self.next_checkpoint].collidepoint(self.x, self.y):
            if self.next_checkpoint == 0:
                self.lap += 1
                now = pygame.time.get_ticks()
                self.lap_times.append((now - self.lap_start) / 1000)
                self.lap_start = now
            self.next_checkpoint = (self.next_checkpoint + 1) % len(CHECKPOINTS)

    def draw(self, surf):
        rotated = pygame.transform.rotate(self.image, self.angle)
        surf.blit(rotated, rotated.get_rect(center=(self.x, self.y)))


car = Car()
finished = False

while True:
    for event in pygame.event.get():
        if event.type == pygame.QUIT:
            pygame.quit()
            sys.exit()
        if event.type == pygame.KEYDOWN and event.key == pygame.K_r:
            car.reset()
            finished = False

    if not finished:
        car.update(pygame.key.get_pressed())
        if car.lap >= LAPS:
            finished = True

    screen.blit(track, (0, 0))
    nxt = CHECKPOINTS[car.next_checkpoint]
    pygame.draw.rect(screen, (255, 220, 0), nxt, 2)
    car.draw(screen)
    current = (pygame.time.get_ticks() - car.lap_start) / 1000
    screen.blit(font.render(f"Lap {min(car.lap + 1, LAPS)}/{LAPS}   {current:.2f}s", True, (255, 255, 255)), (20, 14))
    if car.lap_times:
        best = min(car.lap_times)
        screen.blit(font.render(f"Best lap {best:.2f}s", True, (255, 255, 160)), (20, HEIGHT - 44))
    screen.blit(font.render(f"{abs(car.speed) * 20:.0f} km/h", True, (255, 255, 255)), (WIDTH - 160, 14))
    if finished:
        total = sum(car.lap_times)
        msg = font.render(f"Finished! Total {total:.2f}s - press R to race again", True, (255, 255, 255))
        screen.blit(msg, msg.get_rect(center=(WIDTH // 2, HEIGHT // 2)))
    pygame.display.flip()
    clock.tick(60)

"""Top-Down Racer
Up accelerates, Down brakes/reverses, Left/Right steer. Drive laps around the oval; stay off the grass.
"""
import math
import sys

import pygame

WIDTH, HEIGHT = 640, 480


def make_car():
    car = pygame.Surface((40, 22), pygame.SRCALPHA)
    pygame.draw.rect(car, (210, 30, 30), (0, 0, 40, 22), border_radius=6)
    pygame.draw.rect(car, (40, 40, 60), (24, 3, 10, 16), border_radius=3)
    return car


def on_track(pos, outer, inner):
    def inside(rect, p):
        rx, ry = rect.width / 2, rect.height / 2
        dx, dy = (p[0] - rect.centerx) / rx, (p[1] - rect.centery) / ry
        return dx * dx + dy * dy <= 1
    return inside(outer, pos) and not inside(inner, pos)


pygame.init()
screen = pygame.display.set_mode((WIDTH, HEIGHT))
pygame.display.set_caption("Top-Down Racer")
clock = pygame.time.Clock()
font = pygame.font.Font(None, 30)
car_image = make_car()
outer = pygame.Rect(30, 30, WIDTH - 60, HEIGHT - 60)
inner = outer.inflate(-220, -200)
finish = pygame.Rect(outer.centerx - 4, inner.bottom, 8, outer.bottom - inner.bottom)

pos = pygame.math.Vector2(outer.centerx - 40, (inner.bottom + outer.bottom) / 2)
angle = 0.0
speed = 0.0
laps = 0
was_on_finish = False
best_lap = None
lap_start = pygame.time.get_ticks()

running = True
while running:
    for event in pygame.event.get():
        if event.type == pygame.QUIT:
            running = False
    keys = pygame.key.get_pressed()
    if keys[pygame.K_UP]:
        speed = min(speed + 0.2, 7)
    elif keys[pygame.K_DOWN]:
        speed = max(speed - 0.3, -2)
    else:
        speed *= 0.98
    if abs(speed) > 0.2:
        turn = 3.5 * (1 if speed > 0 else -1)
        if keys[pygame.K_LEFT]:
            angle += turn
        if keys[pygame.K_RIGHT]:
            angle -= turn
    if not on_track(pos, outer, inner):
        speed *= 0.9
    pos.x += math.cos(math.radians(angle)) * speed
    pos.y -= math.sin(math.radians(angle)) * speed
    pos.x = max(0, min(WIDTH, pos.x))
    pos.y = max(0, min(HEIGHT, pos.y))
    hit = finish.collidepoint(pos)
    if hit and not was_on_finish and speed > 0:
        now = pygame.time.get_ticks()
        lap = (now - lap_start) / 1000
        if laps > 0:
            best_lap = lap if best_lap is None else min(best_lap, lap)
        laps += 1
        lap_start = now
    was_on_finish = hit

    screen.fill((40, 140, 50))
    pygame.draw.ellipse(screen, (90, 90, 90), outer)
    pygame.draw.ellipse(screen, (40, 140, 50), inner)
    pygame.draw.rect(screen, (255, 255, 255), finish)
    rotated = pygame.transform.rotate(car_image, angle)
    screen.blit(rotated, rotated.get_rect(center=(int(pos.x), int(pos.y))))
    best = f"{best_lap:.2f}s" if best_lap is not None else "--"
    screen.blit(font.render(f"Laps {laps}  Speed {speed:4.1f}  Best {best}", True, (255, 255, 255)), (10, 5))
    pygame.display.flip()
    clock.tick(60)

pygame.quit()
sys.exit()

"""Bullet Hell
Dodge the spiral patterns of the boss. Arrow keys move, hold Shift to focus (move slowly).
Z fires. Survive as long as you can.
"""
import math
import random

import pygame

WIDTH, HEIGHT = 480, 640

pygame.init()
screen = pygame.display.set_mode((WIDTH, HEIGHT))
pygame.display.set_caption("Bullet Hell")
clock = pygame.time.Clock()
font = pygame.font.SysFont("consolas", 18)


def make_glow(radius, color):
    surf = pygame.Surface((radius * 4, radius * 4), pygame.SRCALPHA)
    for r in range(radius * 2, 0, -2):
        alpha = int(255 * (1 - r / (radius * 2)) ** 2)
        pygame.draw.circle(surf, (*color, alpha), (radius * 2, radius * 2), r)
    pygame.draw.circle(surf, (255, 255, 255, 255), (radius * 2, radius * 2), radius // 2 + 1)
    return surf


BULLET_IMG = make_glow(5, (255, 80, 160))
SHOT_IMG = make_glow(3, (120, 220, 255))


class EnemyBullet:
    def __init__(self, x, y, angle, speed):
        self.x, self.y = x, y
        self.vx = math.cos(angle) * speed
        self.vy = math.sin(angle) * speed

    def update(self):
        self.x += self.vx
        self.y += self.vy

    def offscreen(self):
        return self.x < -20 or self.x > WIDTH + 20 or self.y < -20 or self.y > HEIGHT + 20


class Boss:
    def __init__(self):
        self.x = WIDTH / 2
        self.y = 120
        self.t = 0
        self.hp = 300
        self.pattern = 0

    def update(self, bullets):
        self.t += 1
        self.x = WIDTH / 2 + math.sin(self.t / 60) * 120
        if self.t % 600 == 0:
            self.pattern = (self.pattern + 1) % 3
        if self.pattern == 0 and self.t % 4 == 0:
            for k in range(3):
                angle = self.t * 0.07 + k * math.tau / 3
                bullets.append(EnemyBullet(self.x, self.y, angle, 3))
        elif self.pattern == 1 and self.t % 30 == 0:
            for k in range(24):
                bullets.append(EnemyBullet(self.x, self.y, k * math.tau / 24 + self.t, 2.5))
        elif self.pattern == 2 and self.t % 8 == 0:
            aim = math.atan2(player_pos[1] - self.y, player_pos[0] - self.x)
            for spread in (-0.3, 0, 0.3):
                bullets.append(EnemyBullet(self.x, self.y, aim + spread + random.uniform(-0.05, 0.05), 4))

    def draw(self, surf):
        pygame.draw.circle(surf, (200, 40, 90), (int(self.x), int(self.y)), 30)
        pygame.draw.circle(surf, (255, 200, 220), (int(self.x), int(self.y)), 30, 3)
        pygame.draw.rect(surf, (80, 0, 0), (40, 20, WIDTH - 80, 8))
        pygame.draw.rect(surf, (255, 60, 60), (40, 20, (WIDTH - 80) * max(self.hp, 0) / 300, 8))


player_pos = [WIDTH / 2, HEIGHT - 80]
bullets = []
shots = []
boss = Boss()
graze = 0
deaths = 0
start_ticks = pygame.time.get_ticks()
invuln = 0

running = True
while running:
    for event in pygame.event.get():
        if event.type == pygame.QUIT:
            running = False
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            running = False

    keys = pygame.key.get_pressed()
    speed = 2 if keys[pygame.K_LSHIFT] or keys[pygame.K_RSHIFT] else 5
    dx = keys[pygame.K_RIGHT] - keys[pygame.K_LEFT]
    dy = keys[pygame.K_DOWN] - keys[pygame.K_UP]
    if dx and dy:
        speed /= math.sqrt(2)
    player_pos[0] = min(max(player_pos[0] + dx * speed, 10), WIDTH - 10)
    player_pos[1] = min(max(player_pos[1] + dy * speed, 10), HEIGHT - 10)
    if keys[pygame.K_z] and pygame.time.get_ticks() % 100 < 20:
        shots.append([player_pos[0], player_pos[1] - 10])

    boss.update(bullets)
    for b in bullets:
        b.update()
    bullets = [b for b in bullets if not b.offscreen()]
    for s in shots:
        s[1] -= 10
        if abs(s[0] - boss.x) < 30 and abs(s[1] - boss.y) < 30:
            boss.hp -= 1
            s[1] = -100
    shots = [s for s in shots if s[1] > -20]
    if boss.hp <= 0:
        boss = Boss()
        bullets.clear()

    if invuln > 0:
        invuln -= 1
    for b in bullets:
        dist = math.hypot(b.x - player_pos[0], b.y - player_pos[1])
        if dist < 4 and invuln == 0:
            deaths += 1
            invuln = 120
            bullets.clear()
            break
        elif dist < 16:
            graze += 1

    screen.fill((10, 0, 25))
    boss.draw(screen)
    for s in shots:
        screen.blit(SHOT_IMG, (s[0] - 6, s[1] - 6))
    for b in bullets:
        screen.blit(BULLET_IMG, (b.x - 10, b.y - 10))
    if invuln == 0 or invuln % 10 < 5:
        pygame.draw.polygon(screen, (255, 255, 255), [(player_pos[0], player_pos[1] - 12), (player_pos[0] - 9, player_pos[1] + 10), (player_pos[0] + 9, player_pos[1] + 10)])
        pygame.draw.circle(screen, (255, 0, 0), (int(player_pos[0]), int(player_pos[1])), 3)
    seconds = (pygame.time.get_ticks() - start_ticks) / 1000
    hud = font.render(f"Time {seconds:5.1f}  Graze {graze}  Deaths {deaths}  Bullets {len(bullets)}", True, (220, 220, 220))
    screen.blit(hud, (10, HEIGHT - 26))
    pygame.display.flip()
    clock.tick(60)

pygame.quit()

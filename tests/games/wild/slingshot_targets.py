"""Slingshot
Pull back the stone with the mouse and release to launch it at the crates.
Knock every crate off its platform using as few shots as possible. N = next level.
"""
import random
import sys

import pygame

WIDTH, HEIGHT = 1000, 600
GROUND = HEIGHT - 60
ANCHOR = pygame.math.Vector2(160, GROUND - 120)
MAX_PULL = 110
POWER = 0.22
GRAVITY = 0.35


class Crate:
    def __init__(self, x, y):
        self.rect = pygame.Rect(x, y, 40, 40)
        self.vel = pygame.math.Vector2(0, 0)
        self.falling = False
        self.angle = 0
        self.spin = 0
        self.image = pygame.Surface((40, 40), pygame.SRCALPHA)
        self.image.fill((170, 120, 60))
        pygame.draw.rect(self.image, (110, 70, 30), (0, 0, 40, 40), 4)
        pygame.draw.line(self.image, (110, 70, 30), (0, 0), (40, 40), 3)

    def update(self):
        if self.falling:
            self.vel.y += GRAVITY
            self.rect.x += int(self.vel.x)
            self.rect.y += int(self.vel.y)
            self.angle += self.spin

    def draw(self, surf):
        rotated = pygame.transform.rotate(self.image, self.angle)
        surf.blit(rotated, rotated.get_rect(center=self.rect.center))


def build_level(level):
    random.seed(level)
    platforms = []
    crates = []
    for i in range(2 + level % 3):
        px = 550 + i * 140
        py = GROUND - random.randint(40, 220)
        plat = pygame.Rect(px, py, 110, 14)
        platforms.append(plat)
        for j in range(random.randint(1, 3)):
            crates.append(Crate(px + 35, py - 40 * (j + 1)))
    random.seed()
    return platforms, crates


def main():
    pygame.init()
    screen = pygame.display.set_mode((WIDTH, HEIGHT))
    pygame.display.set_caption("Slingshot")
    clock = pygame.time.Clock()
    font = pygame.font.SysFont("arial", 24)

    level = 1
    platforms, crates = build_level(level)
    stone_pos = pygame.math.Vector2(ANCHOR)
    stone_vel = pygame.math.Vector2(0, 0)
    dragging = False
    flying = False
    shots = 0
    trail = []

    while True:
        for event in pygame.event.get():
            if event.type == pygame.QUIT:
                pygame.quit()
                sys.exit()
            if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1 and not flying:
                if stone_pos.distance_to(event.pos) < 40:
                    dragging = True
            if event.type == pygame.MOUSEBUTTONUP and event.button == 1 and dragging:
                dragging = False
                pull = ANCHOR - stone_pos
                if pull.length() > 10:
                    stone_vel = pull * POWER
                    flying = True
                    shots += 1
                    trail = []
                else:
                    stone_pos = pygame.math.Vector2(ANCHOR)
            if event.type == pygame.KEYDOWN and event.key == pygame.K_n:
                level += 1
                platforms, crates = build_level(level)
                shots = 0

        if dragging:
            mouse = pygame.math.Vector2(pygame.mouse.get_pos())
            offset = mouse - ANCHOR
            if offset.length() > MAX_PULL:
                offset.scale_to_length(MAX_PULL)
            stone_pos = ANCHOR + offset
        elif flying:
            stone_vel.y += GRAVITY
            stone_pos += stone_vel
            trail.append((int(stone_pos.x), int(stone_pos.y)))
            stone_rect = pygame.Rect(stone_pos.x - 10, stone_pos.y - 10, 20, 20)
            for crate in crates:
                if not crate.falling and crate.rect.colliderect(stone_rect):
                    crate.falling = True
                    crate.vel = pygame.math.Vector2(stone_vel.x * 0.6, stone_vel.y * 0.3 - 3)
                    crate.spin = random.uniform(-8, 8)
                    stone_vel *= 0.6
            for plat in platforms:
                if plat.colliderect(stone_rect) and stone_vel.y > 0:
                    stone_vel.y *= -0.5
                    stone_pos.y = plat.top - 10
            if stone_pos.y > GROUND or stone_pos.x > WIDTH + 50 or stone_pos.x < -50:
                flying = False
                stone_pos = pygame.math.Vector2(ANCHOR)

        for crate in crates:
            crate.update()
            if not crate.falling:
                supported = any(plat.colliderect(crate.rect.move(0, 1)) for plat in platforms)
                supported = supported or any(c is not crate and not c.falling and c.rect.colliderect(crate.rect.move(0, 1)) for c in crates)
                if not supported:
                    crate.falling = True
        crates = [c for c in crates if c.rect.top < HEIGHT]

        screen.fill((150, 200, 250))
        pygame.draw.rect(screen, (90, 160, 70), (0, GROUND, WIDTH, HEIGHT - GROUND))
        for plat in platforms:
            pygame.draw.rect(screen, (100, 80, 60), plat)
        for crate in crates:
            crate.draw(screen)
        for i, p in enumerate(trail[::3]):
            pygame.draw.circle(screen, (255, 255, 255), p, 2)
        pygame.draw.line(screen, (80, 50, 20), (ANCHOR.x, ANCHOR.y + 20), (ANCHOR.x, GROUND), 10)
        if dragging:
            pygame.draw.line(screen, (60, 30, 10), (ANCHOR.x - 15, ANCHOR.y), stone_pos, 4)
            pygame.draw.line(screen, (60, 30, 10), (ANCHOR.x + 15, ANCHOR.y), stone_pos, 4)
            # predicted arc
            pv, pp = (ANCHOR - stone_pos) * POWER, pygame.math.Vector2(stone_pos)
            for _ in range(20):
                for _ in range(3):
                    pv.y += GRAVITY
                    pp += pv
                pygame.draw.circle(screen, (250, 250, 250), (int(pp.x), int(pp.y)), 3, 1)
        pygame.draw.circle(screen, (90, 90, 100), (int(stone_pos.x), int(stone_pos.y)), 10)
        text = font.render(f"Level {level}   Shots {shots}   Crates left {len(crates)}", True, (20, 20, 40))
        screen.blit(text, (12, 12))
        if not crates:
            win = font.render(f"Cleared in {shots} shots! Press N for the next level", True, (20, 60, 20))
            screen.blit(win, win.get_rect(center=(WIDTH // 2, HEIGHT // 3)))
        pygame.display.flip()
        clock.tick(60)


if __name__ == "__main__":
    main()

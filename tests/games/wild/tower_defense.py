"""Tower Defense
Click an empty grass tile to build a tower (50 gold). Towers shoot the nearest creep in range.
Creeps follow the road; each one that escapes costs a life. Press Space to send the next wave early.
"""
import math
import random
import sys

import pygame

TILE = 40
COLS, ROWS = 20, 14
WIDTH, HEIGHT = COLS * TILE, ROWS * TILE + 40
PATH = [(0, 2), (5, 2), (5, 8), (11, 8), (11, 3), (16, 3), (16, 11), (19, 11)]
TOWER_COST = 50
NEXT_WAVE = pygame.USEREVENT + 1


def path_cells():
    cells = set()
    for (x1, y1), (x2, y2) in zip(PATH, PATH[1:]):
        for x in range(min(x1, x2), max(x1, x2) + 1):
            for y in range(min(y1, y2), max(y1, y2) + 1):
                cells.add((x, y))
    return cells


ROAD = path_cells()
WAYPOINTS = [(x * TILE + TILE // 2, y * TILE + TILE // 2) for x, y in PATH]


class Creep:
    def __init__(self, wave):
        self.x, self.y = WAYPOINTS[0]
        self.x -= TILE
        self.target = 1
        self.max_hp = self.hp = 20 + wave * 12
        self.speed = 1.2 + wave * 0.08 + random.uniform(-0.2, 0.2)
        self.reward = 5 + wave
        self.escaped = False

    def update(self):
        tx, ty = WAYPOINTS[self.target]
        dx, dy = tx - self.x, ty - self.y
        dist = math.hypot(dx, dy)
        if dist < self.speed:
            self.x, self.y = tx, ty
            self.target += 1
            if self.target >= len(WAYPOINTS):
                self.escaped = True
        else:
            self.x += dx / dist * self.speed
            self.y += dy / dist * self.speed


class Tower:
    def __init__(self, col, row):
        self.col, self.row = col, row
        self.x, self.y = col * TILE + TILE // 2, row * TILE + TILE // 2
        self.range = 110
        self.cooldown = 0
        self.angle = 0

    def update(self, creeps, bullets):
        self.cooldown = max(0, self.cooldown - 1)
        in_range = [c for c in creeps if math.hypot(c.x - self.x, c.y - self.y) <= self.range]
        if in_range:
            target = max(in_range, key=lambda c: c.target)
            self.angle = math.atan2(target.y - self.y, target.x - self.x)
            if self.cooldown == 0:
                bullets.append([self.x, self.y, target])
                self.cooldown = 30


def main():
    pygame.init()
    screen = pygame.display.set_mode((WIDTH, HEIGHT))
    pygame.display.set_caption("Tower Defense")
    clock = pygame.time.Clock()
    font = pygame.font.SysFont("arial", 20, bold=True)

    towers, creeps, bullets = [], [], []
    gold, lives, wave = 120, 20, 0
    to_spawn = 0
    spawn_cooldown = 0
    pygame.time.set_timer(NEXT_WAVE, 20000)

    def start_wave():
        nonlocal wave, to_spawn
        wave += 1
        to_spawn += 6 + wave * 2

    start_wave()

    while True:
        for event in pygame.event.get():
            if event.type == pygame.QUIT:
                pygame.quit()
                sys.exit()
            elif event.type == NEXT_WAVE and lives > 0:
                start_wave()
            elif event.type == pygame.KEYDOWN and event.key == pygame.K_SPACE and lives > 0:
                start_wave()
            elif event.type == pygame.KEYDOWN and event.key == pygame.K_r and lives <= 0:
                return main()
            elif event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
                col, row = event.pos[0] // TILE, event.pos[1] // TILE
                occupied = any(t.col == col and t.row == row for t in towers)
                if row < ROWS and (col, row) not in ROAD and not occupied and gold >= TOWER_COST:
                    towers.append(Tower(col, row))
                    gold -= TOWER_COST

        if lives > 0:
            spawn_cooldown -= 1
            if to_spawn > 0 and spawn_cooldown <= 0:
                creeps.append(Creep(wave))
                to_spawn -= 1
                spawn_cooldown = 40
            for creep in creeps:
                creep.update()
                if creep.escaped:
                    lives -= 1
            creeps = [c for c in creeps if not c.escaped]
            for tower in towers:
                tower.update(creeps, bullets)
            for b in bullets[:]:
                target = b[2]
                dx, dy = target.x - b[0], target.y - b[1]
                dist = math.hypot(dx, dy)
                if dist < 8 or target not in creeps:
                    bullets.remove(b)
                    if target in creeps:
                        target.hp -= 10
                        if target.hp <= 0:
                            creeps.remove(target)
                            gold += target.reward
                else:
                    b[0] += dx / dist * 8
                    b[1] += dy / dist * 8

        screen.fill((80, 150, 70))
        for x, y in ROAD:
            pygame.draw.rect(screen, (190, 160, 110), (x * TILE, y * TILE, TILE, TILE))
        mx, my = pygame.mouse.get_pos()
        hover = (mx // TILE, my // TILE)
        if hover[1] < ROWS and hover not in ROAD:
            pygame.draw.rect(screen, (255, 255, 255), (hover[0] * TILE, hover[1] * TILE, TILE, TILE), 1)
        for t in towers:
            pygame.draw.circle(screen, (70, 70, 90), (t.x, t.y), 15)
            end = (t.x + math.cos(t.angle) * 20, t.y + math.sin(t.angle) * 20)
            pygame.draw.line(screen, (30, 30, 40), (t.x, t.y), end, 6)
        for c in creeps:
            pygame.draw.circle(screen, (180, 40, 40), (int(c.x), int(c.y)), 11)
            pygame.draw.rect(screen, (0, 0, 0), (c.x - 12, c.y - 18, 24, 4))
            pygame.draw.rect(screen, (0, 230, 0), (c.x - 12, c.y - 18, 24 * c.hp / c.max_hp, 4))
        for b in bullets:
            pygame.draw.circle(screen, (255, 255, 100), (int(b[0]), int(b[1])), 4)
        pygame.draw.rect(screen, (30, 30, 30), (0, ROWS * TILE, WIDTH, 40))
        hud = font.render(f"Gold {gold}   Lives {lives}   Wave {wave}   Towers cost {TOWER_COST}   SPACE next wave", True, (255, 255, 255))
        screen.blit(hud, (10, ROWS * TILE + 9))
        if lives <= 0:
            over = font.render(f"Defeated on wave {wave}. Press R to restart", True, (255, 80, 80))
            screen.blit(over, over.get_rect(center=(WIDTH // 2, HEIGHT // 2)))
        pygame.display.flip()
        clock.tick(60)


if __name__ == "__main__":
    main()

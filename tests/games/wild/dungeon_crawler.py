"""Tiny Dungeon
A turn-based roguelike in a 320x240 window scaled up with pygame.SCALED.
Arrow keys move or attack; walk onto the stairs (>) to go deeper. Potions (!) heal.
Only what you have seen is drawn (fog of war).
"""
import random
import sys
from dataclasses import dataclass

import pygame

W, H = 40, 28
CELL = 8
SCREEN_W, SCREEN_H = W * CELL, H * CELL + 16


@dataclass
class Monster:
    x: int
    y: int
    hp: int
    name: str


def make_level(depth):
    grid = [["#"] * W for _ in range(H)]
    rooms = []
    for _ in range(40):
        w, h = random.randint(4, 9), random.randint(3, 6)
        x, y = random.randint(1, W - w - 2), random.randint(1, H - h - 2)
        room = pygame.Rect(x, y, w, h)
        if any(room.inflate(2, 2).colliderect(r) for r in rooms):
            continue
        for i in range(x, x + w):
            for j in range(y, y + h):
                grid[j][i] = "."
        if rooms:
            (px, py), (cx, cy) = rooms[-1].center, room.center
            for i in range(min(px, cx), max(px, cx) + 1):
                grid[py][i] = "."
            for j in range(min(py, cy), max(py, cy) + 1):
                grid[j][cx] = "."
        rooms.append(room)
        if len(rooms) >= 8:
            break
    sx, sy = rooms[-1].center
    grid[sy][sx] = ">"
    monsters, potions = [], []
    for room in rooms[1:]:
        for _ in range(random.randint(0, 1 + depth // 2)):
            mx, my = random.randint(room.left, room.right - 1), random.randint(room.top, room.bottom - 1)
            kind = random.choice(["rat", "goblin"] if depth < 3 else ["goblin", "orc"])
            monsters.append(Monster(mx, my, {"rat": 3, "goblin": 6, "orc": 10}[kind], kind))
        if random.random() < 0.4:
            potions.append((random.randint(room.left, room.right - 1), random.randint(room.top, room.bottom - 1)))
    return grid, rooms[0].center, monsters, potions


def main():
    pygame.init()
    screen = pygame.display.set_mode((SCREEN_W, SCREEN_H), pygame.SCALED)
    pygame.display.set_caption("Tiny Dungeon")
    clock = pygame.time.Clock()
    font = pygame.font.Font(None, 16)

    depth = 1
    grid, (px, py), monsters, potions = make_level(depth)
    seen = set()
    hp, max_hp = 20, 20
    log = "Welcome to the dungeon."
    dead = False

    while True:
        moved = False
        for event in pygame.event.get():
            if event.type == pygame.QUIT:
                pygame.quit()
                sys.exit()
            if event.type == pygame.KEYDOWN:
                if dead:
                    if event.key == pygame.K_RETURN:
                        depth, hp = 1, max_hp
                        grid, (px, py), monsters, potions = make_level(depth)
                        seen, dead, log = set(), False, "Try again!"
                    continue
                d = {pygame.K_LEFT: (-1, 0), pygame.K_RIGHT: (1, 0), pygame.K_UP: (0, -1), pygame.K_DOWN: (0, 1)}.get(event.key)
                if d:
                    nx, ny = px + d[0], py + d[1]
                    target = next((m for m in monsters if (m.x, m.y) == (nx, ny)), None)
                    if target:
                        dmg = random.randint(2, 5)
                        target.hp -= dmg
                        log = f"You hit the {target.name} for {dmg}."
                        if target.hp <= 0:
                            monsters.remove(target)
                            log = f"You slay the {target.name}!"
                    elif grid[ny][nx] != "#":
                        px, py = nx, ny
                    moved = True

        if moved:
            if (px, py) in potions:
                potions.remove((px, py))
                hp = min(max_hp, hp + 8)
                log = "You drink a potion. You feel better."
            if grid[py][px] == ">":
                depth += 1
                grid, (px, py), monsters, potions = make_level(depth)
                seen = set()
                log = f"You descend to depth {depth}."
            for m in monsters:
                if abs(m.x - px) + abs(m.y - py) == 1:
                    dmg = random.randint(1, 2 + depth)
                    hp -= dmg
                    log = f"The {m.name} hits you for {dmg}."
                elif abs(m.x - px) < 7 and abs(m.y - py) < 7:
                    step_x = (px > m.x) - (px < m.x)
                    step_y = (py > m.y) - (py < m.y)
                    for sx, sy in ((step_x, 0), (0, step_y)):
                        tx, ty = m.x + sx, m.y + sy
                        if (sx or sy) and grid[ty][tx] != "#" and (tx, ty) != (px, py) and all((o.x, o.y) != (tx, ty) for o in monsters):
                            m.x, m.y = tx, ty
                            break
            if hp <= 0:
                dead = True
                log = f"You died on depth {depth}. Enter to restart."

        for dx in range(-5, 6):
            for dy in range(-5, 6):
                if dx * dx + dy * dy <= 25:
                    seen.add((px + dx, py + dy))

        screen.fill((0, 0, 0))
        for y in range(H):
            for x in range(W):
                if (x, y) not in seen:
                    continue
                near = abs(x - px) <= 5 and abs(y - py) <= 5
                tile = grid[y][x]
                color = {"#": (90, 80, 70), ".": (35, 35, 45), ">": (240, 240, 80)}[tile]
                if not near:
                    color = tuple(c // 2 for c in color)
                pygame.draw.rect(screen, color, (x * CELL, y * CELL, CELL, CELL))
        for (x, y) in potions:
            if (x, y) in seen:
                pygame.draw.rect(screen, (220, 40, 200), (x * CELL + 2, y * CELL + 1, 4, 6))
        for m in monsters:
            if abs(m.x - px) <= 5 and abs(m.y - py) <= 5:
                color = {"rat": (160, 130, 100), "goblin": (80, 200, 80), "orc": (200, 60, 60)}[m.name]
                pygame.draw.rect(screen, color, (m.x * CELL + 1, m.y * CELL + 1, CELL - 2, CELL - 2))
        pygame.draw.rect(screen, (255, 255, 255), (px * CELL + 1, py * CELL + 1, CELL - 2, CELL - 2))
        status = font.render(f"HP {hp}/{max_hp}  Depth {depth}  {log}", True, (230, 230, 230))
        screen.blit(status, (2, H * CELL + 3))
        pygame.display.flip()
        clock.tick(30)


if __name__ == "__main__":
    main()

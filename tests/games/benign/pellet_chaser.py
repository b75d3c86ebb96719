"""Pellet Chaser
Arrow keys steer through the maze eating pellets. Avoid the ghosts. Esc quits.
"""
import random
from enum import Enum

import pygame

LAYOUT = [
    "###################",
    "#........#........#",
    "#.##.###.#.###.##.#",
    "#.................#",
    "#.##.#.#####.#.##.#",
    "#....#...#...#....#",
    "####.### # ###.####",
    "#........G........#",
    "#.##.#.#####.#.##.#",
    "#....#...P...#....#",
    "#.######.#.######.#",
    "#........G........#",
    "###################",
]
TILE = 32
WIDTH, HEIGHT = len(LAYOUT[0]) * TILE, len(LAYOUT) * TILE + 32


class Direction(Enum):
    UP = (0, -1)
    DOWN = (0, 1)
    LEFT = (-1, 0)
    RIGHT = (1, 0)
    STOP = (0, 0)


walls = set()
pellets = set()
ghosts = []
player = [1, 1]
for y, row in enumerate(LAYOUT):
    for x, ch in enumerate(row):
        if ch == "#":
            walls.add((x, y))
        elif ch == ".":
            pellets.add((x, y))
        elif ch == "P":
            player = [x, y]
        elif ch == "G":
            ghosts.append({"pos": [x, y], "dir": Direction.LEFT, "start": (x, y)})
start_player = tuple(player)


def open_cell(x, y):
    return (x, y) not in walls


pygame.init()
screen = pygame.display.set_mode((WIDTH, HEIGHT))
pygame.display.set_caption("Pellet Chaser")
clock = pygame.time.Clock()
font = pygame.font.Font(None, 30)
heading = Direction.STOP
wanted = Direction.STOP
score, lives, tick = 0, 3, 0
keys_to_dir = {pygame.K_UP: Direction.UP, pygame.K_DOWN: Direction.DOWN,
               pygame.K_LEFT: Direction.LEFT, pygame.K_RIGHT: Direction.RIGHT}

running = True
while running:
    for event in pygame.event.get():
        if event.type == pygame.QUIT or (event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE):
            running = False
        elif event.type == pygame.KEYDOWN and event.key in keys_to_dir:
            wanted = keys_to_dir[event.key]
    tick += 1
    if tick % 8 == 0:
        dx, dy = wanted.value
        if open_cell(player[0] + dx, player[1] + dy):
            heading = wanted
        dx, dy = heading.value
        if open_cell(player[0] + dx, player[1] + dy):
            player[0] += dx
            player[1] += dy
        if tuple(player) in pellets:
            pellets.discard(tuple(player))
            score += 10
    if tick % 12 == 0:
        for g in ghosts:
            options = [d for d in Direction if d is not Direction.STOP
                       and open_cell(g["pos"][0] + d.value[0], g["pos"][1] + d.value[1])]
            straight = [d for d in options if d is g["dir"]]
            if straight and random.random() < 0.7:
                g["dir"] = straight[0]
            elif options:
                g["dir"] = random.choice(options)
            g["pos"][0] += g["dir"].value[0]
            g["pos"][1] += g["dir"].value[1]
    for g in ghosts:
        if g["pos"] == player:
            lives -= 1
            player = list(start_player)
            heading = wanted = Direction.STOP
            for other in ghosts:
                other["pos"] = list(other["start"])
            if lives == 0:
                lives, score = 3, 0
            break
    if not pellets:
        pellets = {(x, y) for y, row in enumerate(LAYOUT) for x, ch in enumerate(row) if ch == "."}

    screen.fill((0, 0, 0))
    for (x, y) in walls:
        pygame.draw.rect(screen, (30, 50, 200), (x * TILE, y * TILE, TILE, TILE), border_radius=6)
    for (x, y) in pellets:
        pygame.draw.circle(screen, (255, 200, 160), (x * TILE + TILE // 2, y * TILE + TILE // 2), 3)
    mouth = 40 if tick % 16 < 8 else 5
    center = (player[0] * TILE + TILE // 2, player[1] * TILE + TILE // 2)
    pygame.draw.circle(screen, (255, 230, 0), center, TILE // 2 - 2)
    pygame.draw.arc(screen, (0, 0, 0), (center[0] - 14, center[1] - 14, 28, 28), 0, mouth / 57.3, 3)
    for i, g in enumerate(ghosts):
        gx, gy = g["pos"][0] * TILE, g["pos"][1] * TILE
        color = [(255, 60, 60), (255, 150, 220)][i % 2]
        pygame.draw.ellipse(screen, color, (gx + 3, gy + 3, TILE - 6, TILE - 6))
    screen.blit(font.render(f"Score {score:>5}   Lives {'*' * lives}", True, (255, 255, 255)), (8, HEIGHT - 28))
    pygame.display.flip()
    clock.tick(60)
pygame.quit()

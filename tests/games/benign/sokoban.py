"""Sokoban
Arrow keys push the crates onto the goals. Z undoes a move, R restarts, N skips to the next level.
"""
from collections import deque
from enum import Enum

import pygame

WIDTH, HEIGHT = 640, 480
TILE = 48
LEVELS = [
    ["#######",
     "#.    #",
     "# $@$ #",
     "#    .#",
     "#######"],
    ["  #####",
     "###   #",
     "#.@$  #",
     "### $.#",
     "#.##$ #",
     "# # . ##",
     "#$ *$$.#",
     "#   .  #",
     "########"],
]


class Tile(Enum):
    FLOOR = " "
    WALL = "#"
    GOAL = "."


walls = set()
goals = set()
crates = set()
player = (0, 0)
level = 0
moves = 0
history = deque(maxlen=200)


def load(index):
    global player, moves, level
    level = index % len(LEVELS)
    walls.clear()
    goals.clear()
    crates.clear()
    history.clear()
    moves = 0
    for y, row in enumerate(LEVELS[level]):
        for x, ch in enumerate(row):
            if ch == Tile.WALL.value:
                walls.add((x, y))
            if ch in ".*+":
                goals.add((x, y))
            if ch in "$*":
                crates.add((x, y))
            if ch in "@+":
                player = (x, y)


def try_move(dx, dy):
    global player, moves
    nxt = (player[0] + dx, player[1] + dy)
    if nxt in walls:
        return
    if nxt in crates:
        beyond = (nxt[0] + dx, nxt[1] + dy)
        if beyond in walls or beyond in crates:
            return
        history.append((player, frozenset(crates)))
        crates.remove(nxt)
        crates.add(beyond)
    else:
        history.append((player, frozenset(crates)))
    player = nxt
    moves += 1


def on_key_down(key):
    global player
    dirs = {pygame.K_LEFT: (-1, 0), pygame.K_RIGHT: (1, 0), pygame.K_UP: (0, -1), pygame.K_DOWN: (0, 1)}
    if key in dirs:
        try_move(*dirs[key])
    elif key == pygame.K_z and history:
        player, old = history.pop()
        crates.clear()
        crates.update(old)
    elif key == pygame.K_r:
        load(level)
    elif key == pygame.K_n:
        load(level + 1)


def update(dt):
    if crates and crates <= goals:
        load(level + 1)


def draw(screen):
    screen.fill((40, 36, 30))
    rows = LEVELS[level]
    ox = (WIDTH - max(len(r) for r in rows) * TILE) // 2
    oy = (HEIGHT - len(rows) * TILE) // 2
    for y, row in enumerate(rows):
        for x in range(len(row)):
            rect = pygame.Rect(ox + x * TILE, oy + y * TILE, TILE, TILE)
            if (x, y) in walls:
                pygame.draw.rect(screen, (120, 90, 70), rect)
            else:
                pygame.draw.rect(screen, (70, 64, 56), rect, 1)
            if (x, y) in goals:
                pygame.draw.circle(screen, (230, 200, 60), rect.center, 8)
            if (x, y) in crates:
                color = (90, 200, 90) if (x, y) in goals else (190, 130, 60)
                pygame.draw.rect(screen, color, rect.inflate(-8, -8), border_radius=4)
    pr = pygame.Rect(ox + player[0] * TILE, oy + player[1] * TILE, TILE, TILE)
    pygame.draw.circle(screen, (90, 160, 240), pr.center, TILE // 3)
    pygame.display.set_caption("Sokoban - level {} - {} moves".format(level + 1, moves))


load(0)

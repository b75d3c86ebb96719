"""Maze Runner
Arrow keys move through the maze from the top-left to the green exit. A new maze follows each escape.
"""
import random
import sys

import pygame
from pygame.locals import *

CELL = 24
COLS, ROWS = 25, 19
WIDTH, HEIGHT = COLS * CELL + 40, ROWS * CELL + 40


def generate(cols, rows):
    walls = {(x, y): {"N": True, "S": True, "E": True, "W": True} for x in range(cols) for y in range(rows)}
    stack = [(0, 0)]
    seen = {(0, 0)}
    moves = {"N": (0, -1, "S"), "S": (0, 1, "N"), "E": (1, 0, "W"), "W": (-1, 0, "E")}
    while stack:
        x, y = stack[-1]
        options = [(d, x + dx, y + dy, back) for d, (dx, dy, back) in moves.items()
                   if 0 <= x + dx < cols and 0 <= y + dy < rows and (x + dx, y + dy) not in seen]
        if not options:
            stack.pop()
            continue
        d, nx, ny, back = random.choice(options)
        walls[(x, y)][d] = False
        walls[(nx, ny)][back] = False
        seen.add((nx, ny))
        stack.append((nx, ny))
    return walls


pygame.init()
screen = pygame.display.set_mode((WIDTH, HEIGHT))
pygame.display.set_caption("Maze Runner")
clock = pygame.time.Clock()
font = pygame.font.Font(None, 26)

maze = generate(COLS, ROWS)
px, py = 0, 0
solved = 0
steps = 0
keymap = {K_UP: ("N", 0, -1), K_DOWN: ("S", 0, 1), K_LEFT: ("W", -1, 0), K_RIGHT: ("E", 1, 0)}

while True:
    for event in pygame.event.get():
        if event.type == QUIT:
            pygame.quit()
            sys.exit()
        if event.type == KEYDOWN and event.key in keymap:
            side, dx, dy = keymap[event.key]
            if not maze[(px, py)][side]:
                px += dx
                py += dy
                steps += 1
    if (px, py) == (COLS - 1, ROWS - 1):
        solved += 1
        maze = generate(COLS, ROWS)
        px, py = 0, 0

    screen.fill((20, 20, 30))
    ox, oy = 20, 20
    pygame.draw.rect(screen, (40, 160, 60), (ox + (COLS - 1) * CELL + 3, oy + (ROWS - 1) * CELL + 3, CELL - 6, CELL - 6))
    for (x, y), sides in maze.items():
        left, top = ox + x * CELL, oy + y * CELL
        if sides["N"]:
            pygame.draw.line(screen, (200, 200, 220), (left, top), (left + CELL, top), 2)
        if sides["W"]:
            pygame.draw.line(screen, (200, 200, 220), (left, top), (left, top + CELL), 2)
        if y == ROWS - 1 and sides["S"]:
            pygame.draw.line(screen, (200, 200, 220), (left, top + CELL), (left + CELL, top + CELL), 2)
        if x == COLS - 1 and sides["E"]:
            pygame.draw.line(screen, (200, 200, 220), (left + CELL, top), (left + CELL, top + CELL), 2)
    pygame.draw.circle(screen, (240, 200, 60), (ox + px * CELL + CELL // 2, oy + py * CELL + CELL // 2), CELL // 3)
    screen.blit(font.render(f"Solved {solved}  Steps {steps}", True, (255, 255, 255)), (20, 2))
    pygame.display.update()
    clock.tick(60)

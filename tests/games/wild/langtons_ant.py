"""Langton's Ant
A cellular automaton: the ant turns right on a white cell, left on a black one, flips the cell and moves.
Up/Down change the steps per frame, A adds another ant, Space pauses.
"""
import random

import pygame

CELL = 4
COLS, ROWS = 200, 150
WIDTH, HEIGHT = COLS * CELL, ROWS * CELL

DIRECTIONS = [(0, -1), (1, 0), (0, 1), (-1, 0)]
ANT_COLORS = [(255, 60, 60), (60, 200, 255), (120, 255, 120), (255, 200, 40)]

pygame.init()
screen = pygame.display.set_mode((WIDTH, HEIGHT))
pygame.display.set_caption("Langton's Ant")
clock = pygame.time.Clock()
font = pygame.font.SysFont(None, 26)

board = pygame.Surface((WIDTH, HEIGHT))
board.fill((250, 250, 250))
cells = [[False] * COLS for _ in range(ROWS)]
ants = [{"x": COLS // 2, "y": ROWS // 2, "dir": 0, "color": ANT_COLORS[0]}]
steps_per_frame = 20
total_steps = 0
paused = False

running = True
while running:
    for event in pygame.event.get():
        if event.type == pygame.QUIT:
            running = False
        elif event.type == pygame.KEYDOWN:
            if event.key == pygame.K_UP:
                steps_per_frame = min(2000, steps_per_frame * 2)
            elif event.key == pygame.K_DOWN:
                steps_per_frame = max(1, steps_per_frame // 2)
            elif event.key == pygame.K_SPACE:
                paused = not paused
            elif event.key == pygame.K_a and len(ants) < 8:
                ants.append({"x": random.randrange(COLS), "y": random.randrange(ROWS), "dir": random.randrange(4), "color": ANT_COLORS[len(ants) % 4]})

    if not paused:
        for _ in range(steps_per_frame):
            for ant in ants:
                x, y = ant["x"], ant["y"]
                if cells[y][x]:
                    ant["dir"] = (ant["dir"] - 1) % 4
                    board.fill((250, 250, 250), (x * CELL, y * CELL, CELL, CELL))
                else:
                    ant["dir"] = (ant["dir"] + 1) % 4
                    board.fill((30, 30, 40), (x * CELL, y * CELL, CELL, CELL))
                cells[y][x] = not cells[y][x]
                dx, dy = DIRECTIONS[ant["dir"]]
                ant["x"] = (x + dx) % COLS
                ant["y"] = (y + dy) % ROWS
            total_steps += 1

    screen.blit(board, (0, 0))
    for ant in ants:
        pygame.draw.rect(screen, ant["color"], (ant["x"] * CELL - 1, ant["y"] * CELL - 1, CELL + 2, CELL + 2))
    text = font.render(f"steps: {total_steps}  speed: {steps_per_frame}/frame  ants: {len(ants)}", True, (200, 0, 0))
    screen.blit(text, (8, 8))
    pygame.display.flip()
    clock.tick(60)

pygame.quit()

"""Game of Life
Click cells to toggle them. Space pauses/resumes, C clears, R randomizes, S steps once.
"""
import random

import pygame

WIDTH, HEIGHT = 640, 480
CELL = 10
COLS, ROWS = WIDTH // CELL, HEIGHT // CELL
GEN_TIME = 0.1

grid = [[1 if random.random() < 0.2 else 0 for _ in range(ROWS)] for _ in range(COLS)]
paused = False
timer = 0.0
generation = 0


def step():
    global grid, generation
    counts = [[0] * ROWS for _ in range(COLS)]
    for i in range(COLS):
        for j in range(ROWS):
            if grid[i][j]:
                for di in (-1, 0, 1):
                    for dj in (-1, 0, 1):
                        if di or dj:
                            counts[(i + di) % COLS][(j + dj) % ROWS] += 1
    new = [[0] * ROWS for _ in range(COLS)]
    for i in range(COLS):
        for j in range(ROWS):
            n = counts[i][j]
            new[i][j] = 1 if n == 3 or (n == 2 and grid[i][j]) else 0
    grid = new
    generation += 1


def update(dt):
    global timer
    if paused:
        return
    timer += dt
    if timer >= GEN_TIME:
        timer = 0.0
        step()


def on_key_down(key):
    global paused, grid, generation
    if key == pygame.K_SPACE:
        paused = not paused
    elif key == pygame.K_c:
        grid = [[0] * ROWS for _ in range(COLS)]
        generation = 0
    elif key == pygame.K_r:
        grid = [[1 if random.random() < 0.2 else 0 for _ in range(ROWS)] for _ in range(COLS)]
        generation = 0
    elif key == pygame.K_s:
        step()


def on_mouse_down(pos, button):
    i, j = pos[0] // CELL, pos[1] // CELL
    if 0 <= i < COLS and 0 <= j < ROWS:
        grid[i][j] = 0 if button == 3 else 1 - grid[i][j]


def draw(screen):
    screen.fill((20, 20, 20))
    alive = 0
    for i in range(COLS):
        for j in range(ROWS):
            if grid[i][j]:
                alive += 1
                pygame.draw.rect(screen, (120, 230, 140), (i * CELL, j * CELL, CELL - 1, CELL - 1))
    pygame.display.set_caption(f"Life: gen {generation}, {alive} alive{' (paused)' if paused else ''}")

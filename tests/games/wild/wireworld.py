"""Wireworld
A cellular automaton that simulates electronics. Left click paints the selected state,
right click erases. 1 = wire, 2 = electron head, 3 = electron tail. Space runs/pauses, S steps.
Starts with two clock generators feeding a diode.
"""
import sys

import pygame

EMPTY, HEAD, TAIL, WIRE = 0, 1, 2, 3
COLORS = {EMPTY: (10, 10, 10), HEAD: (80, 160, 255), TAIL: (255, 90, 40), WIRE: (230, 190, 40)}
CELL = 12
COLS, ROWS = 60, 45


def blank():
    return [[EMPTY for _ in range(COLS)] for _ in range(ROWS)]


def preset(grid):
    # a loop with one electron: a clock
    for x in range(5, 15):
        grid[5][x] = WIRE
        grid[9][x] = WIRE
    for y in range(5, 10):
        grid[y][5] = WIRE
        grid[y][14] = WIRE
    grid[5][7], grid[5][6] = HEAD, TAIL
    # output wire from the clock to the right
    for x in range(15, 50):
        grid[7][x] = WIRE
    grid[7][14] = WIRE
    grid[6][14] = WIRE
    # a diode halfway along
    grid[6][30] = grid[8][30] = WIRE
    grid[7][30] = EMPTY
    grid[6][31] = grid[8][31] = WIRE
    grid[7][31] = WIRE
    # second clock further down
    for x in range(10, 30):
        grid[25][x] = WIRE
        grid[29][x] = WIRE
    for y in range(25, 30):
        grid[y][10] = WIRE
        grid[y][29] = WIRE
    grid[25][12], grid[25][11] = HEAD, TAIL
    grid[29][20], grid[29][21] = HEAD, TAIL


def step(grid):
    new = blank()
    for y in range(ROWS):
        for x in range(COLS):
            cell = grid[y][x]
            if cell == HEAD:
                new[y][x] = TAIL
            elif cell == TAIL:
                new[y][x] = WIRE
            elif cell == WIRE:
                heads = 0
                for dy in (-1, 0, 1):
                    for dx in (-1, 0, 1):
                        ny, nx = y + dy, x + dx
                        if 0 <= ny < ROWS and 0 <= nx < COLS and grid[ny][nx] == HEAD:
                            heads += 1
                new[y][x] = HEAD if heads in (1, 2) else WIRE
    return new


pygame.init()
screen = pygame.display.set_mode((COLS * CELL, ROWS * CELL + 32))
pygame.display.set_caption("Wireworld")
clock = pygame.time.Clock()
font = pygame.font.SysFont("dejavusansmono", 16)

grid = blank()
preset(grid)
running_sim = True
brush = WIRE
generation = 0
STEP_EVENT = pygame.USEREVENT + 3
pygame.time.set_timer(STEP_EVENT, 100)

while True:
    for event in pygame.event.get():
        if event.type == pygame.QUIT:
            pygame.quit()
            sys.exit()
        elif event.type == STEP_EVENT and running_sim:
            grid = step(grid)
            generation += 1
        elif event.type == pygame.KEYDOWN:
            if event.key == pygame.K_SPACE:
                running_sim = not running_sim
            elif event.key == pygame.K_s:
                grid = step(grid)
                generation += 1
            elif event.key == pygame.K_c:
                grid = blank()
            elif event.key in (pygame.K_1, pygame.K_2, pygame.K_3):
                brush = {pygame.K_1: WIRE, pygame.K_2: HEAD, pygame.K_3: TAIL}[event.key]

    buttons = pygame.mouse.get_pressed()
    if buttons[0] or buttons[2]:
        mx, my = pygame.mouse.get_pos()
        cx, cy = mx // CELL, my // CELL
        if 0 <= cx < COLS and 0 <= cy < ROWS:
            grid[cy][cx] = brush if buttons[0] else EMPTY

    screen.fill((0, 0, 0))
    for y in range(ROWS):
        for x in range(COLS):
            if grid[y][x] != EMPTY:
                pygame.draw.rect(screen, COLORS[grid[y][x]], (x * CELL, y * CELL, CELL - 1, CELL - 1))
    names = {WIRE: "wire", HEAD: "head", TAIL: "tail"}
    status = f"gen {generation}  {'running' if running_sim else 'paused'}  brush: {names[brush]}"
    screen.blit(font.render(status, True, (220, 220, 220)), (8, ROWS * CELL + 8))
    pygame.display.flip()
    clock.tick(60)

"""2048
Use the arrow keys (or WASD) to slide the tiles. Equal tiles merge.
U undoes the last move, R restarts. Best score is kept in best_2048.json.
"""
import copy
import json
import random

import pygame

SIZE = 4
TILE = 110
GAP = 12
TOP = 100
WIDTH = SIZE * TILE + (SIZE + 1) * GAP
HEIGHT = WIDTH + TOP
BEST_FILE = "best_2048.json"

TILE_COLORS = {
    0: (205, 193, 180), 2: (238, 228, 218), 4: (237, 224, 200), 8: (242, 177, 121),
    16: (245, 149, 99), 32: (246, 124, 95), 64: (246, 94, 59), 128: (237, 207, 114),
    256: (237, 204, 97), 512: (237, 200, 80), 1024: (237, 197, 63), 2048: (237, 194, 46),
}


def read_best():
    try:
        with open(BEST_FILE) as f:
            return int(json.load(f)["best"])
    except Exception:
        return 0


def write_best(best):
    try:
        with open(BEST_FILE, "w") as f:
            json.dump({"best": best}, f)
    except Exception:
        pass


def add_tile(grid):
    empty = [(r, c) for r in range(SIZE) for c in range(SIZE) if grid[r][c] == 0]
    if empty:
        r, c = random.choice(empty)
        grid[r][c] = 4 if random.random() < 0.1 else 2


def slide_row_left(row):
    tiles = [v for v in row if v]
    merged, gained = [], 0
    skip = False
    for i, v in enumerate(tiles):
        if skip:
            skip = False
            continue
        if i + 1 < len(tiles) and tiles[i + 1] == v:
            merged.append(v * 2)
            gained += v * 2
            skip = True
        else:
            merged.append(v)
    return merged + [0] * (SIZE - len(merged)), gained


def move(grid, direction):
    rotated = copy.deepcopy(grid)
    turns = {"left": 0, "up": 1, "right": 2, "down": 3}[direction]
    for _ in range(turns):
        rotated = [list(r) for r in zip(*rotated[::-1])]
    gained = 0
    for i in range(SIZE):
        rotated[i], g = slide_row_left(rotated[i])
        gained += g
    for _ in range((4 - turns) % 4):
        rotated = [list(r) for r in zip(*rotated[::-1])]
    return rotated, gained


def can_move(grid):
    return any(move(grid, d)[0] != grid for d in ("left", "right", "up", "down"))


def new_game():
    grid = [[0] * SIZE for _ in range(SIZE)]
    add_tile(grid)
    add_tile(grid)
    return grid


pygame.init()
screen = pygame.display.set_mode((WIDTH, HEIGHT))
pygame.display.set_caption("2048")
clock = pygame.time.Clock()
fonts = {n: pygame.font.SysFont("clearsans,arial", n, bold=True) for n in (24, 36, 48, 56)}

grid = new_game()
score = 0
best = read_best()
history = []
KEYS = {
    pygame.K_LEFT: "left", pygame.K_a: "left", pygame.K_RIGHT: "right", pygame.K_d: "right",
    pygame.K_UP: "up", pygame.K_w: "up", pygame.K_DOWN: "down", pygame.K_s: "down",
}

running = True
while running:
    for event in pygame.event.get():
        if event.type == pygame.QUIT:
            running = False
        elif event.type == pygame.KEYDOWN:
            if event.key in KEYS:
                new_grid, gained = move(grid, KEYS[event.key])
                if new_grid != grid:
                    history.append((copy.deepcopy(grid), score))
                    history = history[-20:]
                    grid = new_grid
                    score += gained
                    add_tile(grid)
                    if score > best:
                        best = score
                        write_best(best)
            elif event.key == pygame.K_u and history:
                grid, score = history.pop()
            elif event.key == pygame.K_r:
                grid, score, history = new_game(), 0, []

    screen.fill((250, 248, 239))
    screen.blit(fonts[56].render("2048", True, (119, 110, 101)), (GAP, 20))
    for i, (label, value) in enumerate((("SCORE", score), ("BEST", best))):
        box = pygame.Rect(WIDTH - (i + 1) * 110, 20, 100, 60)
        pygame.draw.rect(screen, (187, 173, 160), box, border_radius=6)
        t = fonts[24].render(f"{label}", True, (238, 228, 218))
        screen.blit(t, t.get_rect(midtop=(box.centerx, box.top + 4)))
        t = fonts[24].render(str(value), True, (255, 255, 255))
        screen.blit(t, t.get_rect(midbottom=(box.centerx, box.bottom - 4)))
    pygame.draw.rect(screen, (187, 173, 160), (0, TOP, WIDTH, WIDTH), border_radius=8)
    for r in range(SIZE):
        for c in range(SIZE):
            v = grid[r][c]
            rect = pygame.Rect(GAP + c * (TILE + GAP), TOP + GAP + r * (TILE + GAP), TILE, TILE)
            pygame.draw.rect(screen, TILE_COLORS.get(v, (60, 58, 50)), rect, border_radius=6)
            if v:
                f = fonts[56] if v < 100 else fonts[48] if v < 1000 else fonts[36]
                color = (119, 110, 101) if v <= 4 else (249, 246, 242)
                t = f.render(str(v), True, color)
                screen.blit(t, t.get_rect(center=rect.center))
    if not can_move(grid):
        shade = pygame.Surface((WIDTH, WIDTH), pygame.SRCALPHA)
        shade.fill((238, 228, 218, 180))
        screen.blit(shade, (0, TOP))
        t = fonts[48].render("Game over!", True, (119, 110, 101))
        screen.blit(t, t.get_rect(center=(WIDTH // 2, TOP + WIDTH // 2)))
    pygame.display.flip()
    clock.tick(30)

pygame.quit()

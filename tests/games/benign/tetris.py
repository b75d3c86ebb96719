"""Blocks (a falling-block puzzle)
Left/Right move, Up rotates, Down drops faster, Space hard-drops. Clear lines to score. Esc quits.
"""
import random

import pygame as pg

CELL = 22
COLS, ROWS = 10, 20
WIDTH, HEIGHT = 640, 480
OX, OY = 200, 20
SHAPES = {
    "I": [(0, 1), (1, 1), (2, 1), (3, 1)],
    "O": [(1, 0), (2, 0), (1, 1), (2, 1)],
    "T": [(1, 0), (0, 1), (1, 1), (2, 1)],
    "S": [(1, 0), (2, 0), (0, 1), (1, 1)],
    "Z": [(0, 0), (1, 0), (1, 1), (2, 1)],
    "J": [(0, 0), (0, 1), (1, 1), (2, 1)],
    "L": [(2, 0), (0, 1), (1, 1), (2, 1)],
}
COLORS = {"I": (0, 220, 220), "O": (230, 220, 0), "T": (170, 0, 220), "S": (0, 210, 0),
          "Z": (220, 0, 0), "J": (0, 60, 230), "L": (240, 140, 0)}
GRAVITY = pg.USEREVENT + 1


def rotate(cells):
    return [(1 - y + 1, x) for x, y in cells]


def fits(board, cells, ox, oy):
    for x, y in cells:
        gx, gy = x + ox, y + oy
        if gx < 0 or gx >= COLS or gy >= ROWS:
            return False
        if gy >= 0 and board[gy][gx]:
            return False
    return True


def new_piece():
    kind = random.choice(list(SHAPES))
    return kind, list(SHAPES[kind]), 3, -1


def main():
    pg.init()
    screen = pg.display.set_mode((WIDTH, HEIGHT))
    pg.display.set_caption("Blocks")
    clock = pg.time.Clock()
    font = pg.font.Font(None, 30)
    board = [[None] * COLS for _ in range(ROWS)]
    kind, cells, px, py = new_piece()
    score = lines = 0
    pg.time.set_timer(GRAVITY, 400)
    running = True
    while running:
        drop = False
        for event in pg.event.get():
            if event.type == pg.QUIT:
                running = False
            elif event.type == GRAVITY:
                drop = True
            elif event.type == pg.KEYDOWN:
                if event.key == pg.K_ESCAPE:
                    running = False
                elif event.key == pg.K_LEFT and fits(board, cells, px - 1, py):
                    px -= 1
                elif event.key == pg.K_RIGHT and fits(board, cells, px + 1, py):
                    px += 1
                elif event.key == pg.K_UP:
                    turned = rotate(cells)
                    if fits(board, turned, px, py):
                        cells = turned
                elif event.key == pg.K_DOWN:
                    drop = True
                elif event.key == pg.K_SPACE:
                    while fits(board, cells, px, py + 1):
                        py += 1
                    drop = True
        if drop:
            if fits(board, cells, px, py + 1):
                py += 1
            else:
                for x, y in cells:
                    if py + y >= 0:
                        board[py + y][px + x] = COLORS[kind]
                full = [r for r in range(ROWS) if all(board[r])]
                for r in full:
                    del board[r]
                    board.insert(0, [None] * COLS)
                lines += len(full)
                score += [0, 100, 300, 500, 800][len(full)]
                kind, cells, px, py = new_piece()
                if not fits(board, cells, px, py):
                    board = [[None] * COLS for _ in range(ROWS)]
                    score = lines = 0

        screen.fill((15, 15, 20))
        pg.draw.rect(screen, (80, 80, 100), (OX - 2, OY - 2, COLS * CELL + 4, ROWS * CELL + 4), 2)
        for y, row in enumerate(board):
            for x, color in enumerate(row):
                if color:
                    pg.draw.rect(screen, color, (OX + x * CELL, OY + y * CELL, CELL - 1, CELL - 1))
        for x, y in cells:
            if py + y >= 0:
                pg.draw.rect(screen, COLORS[kind], (OX + (px + x) * CELL, OY + (py + y) * CELL, CELL - 1, CELL - 1))
        screen.blit(font.render(f"Score {score}", True, (255, 255, 255)), (20, 30))
        screen.blit(font.render(f"Lines {lines}", True, (255, 255, 255)), (20, 60))
        pg.display.flip()
        clock.tick(60)
    pg.quit()


if __name__ == "__main__":
    main()

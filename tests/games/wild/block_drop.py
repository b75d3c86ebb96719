"""Block Drop (Tetris clone)
Left/Right move, Up rotates, Down soft-drops, Space hard-drops, P pauses.
Clear lines to score; the speed increases every 10 lines.
"""
import copy
import random
import sys

import pygame

CELL = 28
COLS, ROWS = 10, 20
SIDE = 180
WIDTH, HEIGHT = COLS * CELL + SIDE, ROWS * CELL

SHAPES = {
    "I": [[1, 1, 1, 1]],
    "O": [[1, 1], [1, 1]],
    "T": [[0, 1, 0], [1, 1, 1]],
    "S": [[0, 1, 1], [1, 1, 0]],
    "Z": [[1, 1, 0], [0, 1, 1]],
    "J": [[1, 0, 0], [1, 1, 1]],
    "L": [[0, 0, 1], [1, 1, 1]],
}
COLORS = {
    "I": (0, 240, 240), "O": (240, 240, 0), "T": (160, 0, 240), "S": (0, 240, 0),
    "Z": (240, 0, 0), "J": (0, 0, 240), "L": (240, 160, 0),
}


def rotate(shape):
    return [list(row) for row in zip(*shape[::-1])]


class Piece:
    def __init__(self, kind=None):
        self.kind = kind or random.choice(list(SHAPES))
        self.shape = copy.deepcopy(SHAPES[self.kind])
        self.x = COLS // 2 - len(self.shape[0]) // 2
        self.y = 0

    def cells(self, shape=None, dx=0, dy=0):
        shape = shape or self.shape
        for r, row in enumerate(shape):
            for c, v in enumerate(row):
                if v:
                    yield self.x + c + dx, self.y + r + dy


def valid(board, piece, shape=None, dx=0, dy=0):
    for x, y in piece.cells(shape, dx, dy):
        if x < 0 or x >= COLS or y >= ROWS:
            return False
        if y >= 0 and board[y][x]:
            return False
    return True


def lock(board, piece):
    for x, y in piece.cells():
        if y >= 0:
            board[y][x] = piece.kind
    full = [r for r in range(ROWS) if all(board[r])]
    for r in full:
        del board[r]
        board.insert(0, [None] * COLS)
    return len(full)


def draw_cell(surface, x, y, color):
    rect = pygame.Rect(x * CELL, y * CELL, CELL, CELL)
    pygame.draw.rect(surface, color, rect)
    pygame.draw.rect(surface, tuple(min(255, c + 60) for c in color), rect, 2)


def main():
    pygame.init()
    screen = pygame.display.set_mode((WIDTH, HEIGHT))
    pygame.display.set_caption("Block Drop")
    clock = pygame.time.Clock()
    font = pygame.font.SysFont("arial", 22)
    pygame.key.set_repeat(170, 50)

    board = [[None] * COLS for _ in range(ROWS)]
    piece, next_piece = Piece(), Piece()
    score, lines, level = 0, 0, 1
    fall_time = 0
    paused = False
    game_over = False

    while True:
        dt = clock.tick(60)
        for event in pygame.event.get():
            if event.type == pygame.QUIT:
                pygame.quit()
                sys.exit()
            if event.type != pygame.KEYDOWN:
                continue
            if game_over:
                if event.key == pygame.K_RETURN:
                    return main()
                continue
            if event.key == pygame.K_p:
                paused = not paused
            if paused:
                continue
            if event.key == pygame.K_LEFT and valid(board, piece, dx=-1):
                piece.x -= 1
            elif event.key == pygame.K_RIGHT and valid(board, piece, dx=1):
                piece.x += 1
            elif event.key == pygame.K_DOWN and valid(board, piece, dy=1):
                piece.y += 1
                score += 1
            elif event.key == pygame.K_UP:
                rotated = rotate(piece.shape)
                for kick in (0, -1, 1, -2, 2):
                    if valid(board, piece, rotated, dx=kick):
                        piece.shape = rotated
                        piece.x += kick
                        break
            elif event.key == pygame.K_SPACE:
                while valid(board, piece, dy=1):
                    piece.y += 1
                    score += 2
                fall_time = 10_000

        if not paused and not game_over:
            fall_time += dt
            speed = max(80, 800 - (level - 1) * 70)
            if fall_time >= speed:
                fall_time = 0
                if valid(board, piece, dy=1):
                    piece.y += 1
                else:
                    cleared = lock(board, piece)
                    lines += cleared
                    score += [0, 100, 300, 500, 800][cleared] * level
                    level = lines // 10 + 1
                    piece, next_piece = next_piece, Piece()
                    if not valid(board, piece):
                        game_over = True

        screen.fill((15, 15, 25))
        for y, row in enumerate(board):
            for x, kind in enumerate(row):
                if kind:
                    draw_cell(screen, x, y, COLORS[kind])
                else:
                    pygame.draw.rect(screen, (30, 30, 45), (x * CELL, y * CELL, CELL, CELL), 1)
        ghost = copy.copy(piece)
        while valid(board, ghost, dy=1):
            ghost.y += 1
        for x, y in ghost.cells():
            pygame.draw.rect(screen, (80, 80, 100), (x * CELL, y * CELL, CELL, CELL), 1)
        for x, y in piece.cells():
            if y >= 0:
                draw_cell(screen, x, y, COLORS[piece.kind])

        panel_x = COLS * CELL + 20
        for i, text in enumerate([f"Score: {score}", f"Lines: {lines}", f"Level: {level}", "Next:"]):
            screen.blit(font.render(text, True, (230, 230, 230)), (panel_x, 20 + i * 34))
        for r, row in enumerate(next_piece.shape):
            for c, v in enumerate(row):
                if v:
                    rect = (panel_x + c * CELL, 170 + r * CELL, CELL - 2, CELL - 2)
                    pygame.draw.rect(screen, COLORS[next_piece.kind], rect)
        if paused or game_over:
            overlay = pygame.Surface((COLS * CELL, HEIGHT), pygame.SRCALPHA)
            overlay.fill((0, 0, 0, 160))
            screen.blit(overlay, (0, 0))
            msg = "PAUSED" if paused else "GAME OVER - Enter"
            text = font.render(msg, True, (255, 255, 255))
            screen.blit(text, text.get_rect(center=(COLS * CELL // 2, HEIGHT // 2)))
        pygame.display.flip()


if __name__ == "__main__":
    main()

"""Gem Swap (match-3)
Click a gem, then click a neighbour to swap them. Lines of three or more vanish
and new gems fall from the top. You have 30 moves.
"""
import random
import sys

import pygame

ROWS, COLS = 8, 8
TILE = 64
MARGIN_TOP = 60
WIDTH, HEIGHT = COLS * TILE, ROWS * TILE + MARGIN_TOP
GEM_COLORS = [(220, 50, 50), (50, 180, 60), (60, 110, 230), (240, 200, 40), (180, 70, 200), (240, 130, 40)]


def random_board():
    board = [[random.randrange(len(GEM_COLORS)) for _ in range(COLS)] for _ in range(ROWS)]
    while find_matches(board):
        for r, c in find_matches(board):
            board[r][c] = random.randrange(len(GEM_COLORS))
    return board


def find_matches(board):
    matched = set()
    for r in range(ROWS):
        for c in range(COLS - 2):
            if board[r][c] is not None and board[r][c] == board[r][c + 1] == board[r][c + 2]:
                matched.update({(r, c), (r, c + 1), (r, c + 2)})
    for c in range(COLS):
        for r in range(ROWS - 2):
            if board[r][c] is not None and board[r][c] == board[r + 1][c] == board[r + 2][c]:
                matched.update({(r, c), (r + 1, c), (r + 2, c)})
    return matched


def collapse(board):
    for c in range(COLS):
        column = [board[r][c] for r in range(ROWS) if board[r][c] is not None]
        missing = ROWS - len(column)
        column = [random.randrange(len(GEM_COLORS)) for _ in range(missing)] + column
        for r in range(ROWS):
            board[r][c] = column[r]


def draw_gem(surface, kind, rect):
    color = GEM_COLORS[kind]
    cx, cy = rect.center
    if kind % 3 == 0:
        pygame.draw.circle(surface, color, rect.center, TILE // 2 - 8)
    elif kind % 3 == 1:
        pygame.draw.polygon(surface, color, [(cx, rect.top + 8), (rect.right - 8, cy), (cx, rect.bottom - 8), (rect.left + 8, cy)])
    else:
        pygame.draw.rect(surface, color, rect.inflate(-18, -18), border_radius=8)
    pygame.draw.circle(surface, (255, 255, 255), (cx - 8, cy - 8), 4)


def main():
    pygame.init()
    screen = pygame.display.set_mode((WIDTH, HEIGHT))
    pygame.display.set_caption("Gem Swap")
    clock = pygame.time.Clock()
    font = pygame.font.SysFont("arial", 28, bold=True)

    board = random_board()
    selected = None
    score = 0
    moves = 30
    combo_text = ""
    combo_timer = 0

    while True:
        for event in pygame.event.get():
            if event.type == pygame.QUIT:
                pygame.quit()
                sys.exit()
            if event.type == pygame.KEYDOWN and event.key == pygame.K_r:
                board, score, moves, selected = random_board(), 0, 30, None
            if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1 and moves > 0:
                x, y = event.pos
                if y < MARGIN_TOP:
                    continue
                cell = ((y - MARGIN_TOP) // TILE, x // TILE)
                if selected is None:
                    selected = cell
                elif abs(selected[0] - cell[0]) + abs(selected[1] - cell[1]) == 1:
                    (r1, c1), (r2, c2) = selected, cell
                    board[r1][c1], board[r2][c2] = board[r2][c2], board[r1][c1]
                    if find_matches(board):
                        moves -= 1
                        chain = 0
                        while True:
                            matches = find_matches(board)
                            if not matches:
                                break
                            chain += 1
                            score += len(matches) * 10 * chain
                            for r, c in matches:
                                board[r][c] = None
                            collapse(board)
                        if chain > 1:
                            combo_text = f"Combo x{chain}!"
                            combo_timer = 60
                    else:
                        board[r1][c1], board[r2][c2] = board[r2][c2], board[r1][c1]
                    selected = None
                else:
                    selected = cell

        screen.fill((30, 25, 45))
        for r in range(ROWS):
            for c in range(COLS):
                rect = pygame.Rect(c * TILE, MARGIN_TOP + r * TILE, TILE, TILE)
                pygame.draw.rect(screen, (45, 40, 65) if (r + c) % 2 else (55, 50, 75), rect)
                if board[r][c] is not None:
                    draw_gem(screen, board[r][c], rect)
                if selected == (r, c):
                    pygame.draw.rect(screen, (255, 255, 255), rect, 3)
        screen.blit(font.render(f"Score: {score}", True, (255, 255, 255)), (10, 14))
        moves_surf = font.render(f"Moves: {moves}", True, (255, 255, 255))
        screen.blit(moves_surf, (WIDTH - moves_surf.get_width() - 10, 14))
        if combo_timer > 0:
            combo_timer -= 1
            text = font.render(combo_text, True, (255, 230, 80))
            screen.blit(text, text.get_rect(center=(WIDTH // 2, 30)))
        if moves == 0:
            overlay = pygame.Surface((WIDTH, HEIGHT), pygame.SRCALPHA)
            overlay.fill((0, 0, 0, 170))
            screen.blit(overlay, (0, 0))
            text = font.render(f"Out of moves! Final score {score}. R to restart", True, (255, 255, 255))
            screen.blit(text, text.get_rect(center=(WIDTH // 2, HEIGHT // 2)))
        pygame.display.flip()
        clock.tick(30)


if __name__ == "__main__":
    main()

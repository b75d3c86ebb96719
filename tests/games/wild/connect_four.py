"""Connect Four
Drop discs by clicking a column (or Left/Right + Space). You are red; the yellow AI looks
a few moves ahead. Get four in a row horizontally, vertically or diagonally. R restarts.
"""
import math
import random
import sys

import pygame

ROWS, COLS = 6, 7
SQ = 90
RADIUS = SQ // 2 - 6
WIDTH, HEIGHT = COLS * SQ, (ROWS + 1) * SQ
EMPTY, PLAYER, AI = 0, 1, 2
BLUE, BLACK, RED, YELLOW = (20, 60, 200), (10, 10, 10), (220, 30, 30), (240, 210, 20)


def create_board():
    return [[EMPTY] * COLS for _ in range(ROWS)]


def valid_columns(board):
    return [c for c in range(COLS) if board[0][c] == EMPTY]


def drop(board, col, piece):
    for r in range(ROWS - 1, -1, -1):
        if board[r][col] == EMPTY:
            board[r][col] = piece
            return r
    return None


def winner(board, piece):
    for r in range(ROWS):
        for c in range(COLS):
            for dr, dc in ((0, 1), (1, 0), (1, 1), (1, -1)):
                if all(0 <= r + i * dr < ROWS and 0 <= c + i * dc < COLS and board[r + i * dr][c + i * dc] == piece for i in range(4)):
                    return True
    return False


def score_window(window, piece):
    opp = PLAYER if piece == AI else AI
    if window.count(piece) == 4:
        return 100
    if window.count(piece) == 3 and window.count(EMPTY) == 1:
        return 5
    if window.count(piece) == 2 and window.count(EMPTY) == 2:
        return 2
    if window.count(opp) == 3 and window.count(EMPTY) == 1:
        return -4
    return 0


def evaluate(board, piece):
    score = [board[r][COLS // 2] for r in range(ROWS)].count(piece) * 3
    for r in range(ROWS):
        for c in range(COLS):
            for dr, dc in ((0, 1), (1, 0), (1, 1), (1, -1)):
                cells = [(r + i * dr, c + i * dc) for i in range(4)]
                if all(0 <= rr < ROWS and 0 <= cc < COLS for rr, cc in cells):
                    score += score_window([board[rr][cc] for rr, cc in cells], piece)
    return score


def minimax(board, depth, alpha, beta, maximizing):
    valid = valid_columns(board)
    if winner(board, AI):
        return None, 1_000_000
    if winner(board, PLAYER):
        return None, -1_000_000
    if not valid:
        return None, 0
    if depth == 0:
        return None, evaluate(board, AI)
    best_col = random.choice(valid)
    if maximizing:
        value = -math.inf
        for col in valid:
            b = [row[:] for row in board]
            drop(b, col, AI)
            new_score = minimax(b, depth - 1, alpha, beta, False)[1]
            if new_score > value:
                value, best_col = new_score, col
            alpha = max(alpha, value)
            if alpha >= beta:
                break
    else:
        value = math.inf
        for col in valid:
            b = [row[:] for row in board]
            drop(b, col, PLAYER)
            new_score = minimax(b, depth - 1, alpha, beta, True)[1]
            if new_score < value:
                value, best_col = new_score, col
            beta = min(beta, value)
            if alpha >= beta:
                break
    return best_col, value


pygame.init()
screen = pygame.display.set_mode((WIDTH, HEIGHT))
pygame.display.set_caption("Connect Four")
clock = pygame.time.Clock()
font = pygame.font.SysFont("monospace", 48, bold=True)

board = create_board()
turn = PLAYER
cursor = COLS // 2
game_over = False
message = ""

while True:
    for event in pygame.event.get():
        if event.type == pygame.QUIT:
            pygame.quit()
            sys.exit()
        if event.type == pygame.MOUSEMOTION:
            cursor = min(COLS - 1, max(0, event.pos[0] // SQ))
        if event.type == pygame.KEYDOWN:
            if event.key == pygame.K_LEFT:
                cursor = max(0, cursor - 1)
            elif event.key == pygame.K_RIGHT:
                cursor = min(COLS - 1, cursor + 1)
            elif event.key == pygame.K_r:
                board, turn, game_over, message = create_board(), PLAYER, False, ""
        place = (event.type == pygame.MOUSEBUTTONDOWN) or (event.type == pygame.KEYDOWN and event.key == pygame.K_SPACE)
        if place and turn == PLAYER and not game_over and cursor in valid_columns(board):
            drop(board, cursor, PLAYER)
            if winner(board, PLAYER):
                game_over, message = True, "You win!"
            turn = AI

    if turn == AI and not game_over:
        col, _ = minimax(board, 4, -math.inf, math.inf, True)
        if col is not None:
            drop(board, col, AI)
            if winner(board, AI):
                game_over, message = True, "AI wins!"
        turn = PLAYER
    if not game_over and not valid_columns(board):
        game_over, message = True, "Draw!"

    screen.fill(BLACK)
    if not game_over:
        pygame.draw.circle(screen, RED, (cursor * SQ + SQ // 2, SQ // 2), RADIUS)
    pygame.draw.rect(screen, BLUE, (0, SQ, WIDTH, ROWS * SQ))
    for r in range(ROWS):
        for c in range(COLS):
            color = {EMPTY: BLACK, PLAYER: RED, AI: YELLOW}[board[r][c]]
            pygame.draw.circle(screen, color, (c * SQ + SQ // 2, (r + 1) * SQ + SQ // 2), RADIUS)
    if game_over:
        label = font.render(message + " (R)", True, RED if "You" in message else YELLOW)
        screen.blit(label, label.get_rect(center=(WIDTH // 2, SQ // 2)))
    pygame.display.update()
    clock.tick(30)

"""Reversi (Othello)
You are black and move first; the computer (white) plays greedily with a corner preference.
Click a square with a small dot to place a disc. If you have no legal move, your turn is passed.
"""
import sys
import time

import pygame

N = 8
CELL = 70
MARGIN = 50
WIDTH = HEIGHT = N * CELL + MARGIN * 2
EMPTY, BLACK, WHITE = 0, 1, 2
DIRS = [(-1, -1), (-1, 0), (-1, 1), (0, -1), (0, 1), (1, -1), (1, 0), (1, 1)]
WEIGHTS = [
    [100, -20, 10, 5, 5, 10, -20, 100],
    [-20, -50, -2, -2, -2, -2, -50, -20],
    [10, -2, -1, -1, -1, -1, -2, 10],
    [5, -2, -1, -1, -1, -1, -2, 5],
    [5, -2, -1, -1, -1, -1, -2, 5],
    [10, -2, -1, -1, -1, -1, -2, 10],
    [-20, -50, -2, -2, -2, -2, -50, -20],
    [100, -20, 10, 5, 5, 10, -20, 100],
]


def start_board():
    b = [[EMPTY] * N for _ in range(N)]
    b[3][3] = b[4][4] = WHITE
    b[3][4] = b[4][3] = BLACK
    return b


def flips(board, r, c, player):
    if board[r][c] != EMPTY:
        return []
    other = WHITE if player == BLACK else BLACK
    result = []
    for dr, dc in DIRS:
        line = []
        rr, cc = r + dr, c + dc
        while 0 <= rr < N and 0 <= cc < N and board[rr][cc] == other:
            line.append((rr, cc))
            rr += dr
            cc += dc
        if line and 0 <= rr < N and 0 <= cc < N and board[rr][cc] == player:
            result.extend(line)
    return result


def legal_moves(board, player):
    return {(r, c): f for r in range(N) for c in range(N) if (f := flips(board, r, c, player))}


def play(board, move, flipped, player):
    r, c = move
    board[r][c] = player
    for rr, cc in flipped:
        board[rr][cc] = player


def count(board, player):
    return sum(row.count(player) for row in board)


pygame.init()
screen = pygame.display.set_mode((WIDTH, HEIGHT))
pygame.display.set_caption("Reversi")
clock = pygame.time.Clock()
font = pygame.font.SysFont("arial", 24, bold=True)

board = start_board()
turn = BLACK
last_move = None
message = ""
ai_wait_until = 0

while True:
    moves = legal_moves(board, turn)
    game_over = not moves and not legal_moves(board, WHITE if turn == BLACK else BLACK)
    if not moves and not game_over:
        message = ("You have" if turn == BLACK else "Computer has") + " no moves - pass"
        turn = WHITE if turn == BLACK else BLACK
        ai_wait_until = time.time() + 0.6
        continue

    for event in pygame.event.get():
        if event.type == pygame.QUIT:
            pygame.quit()
            sys.exit()
        if event.type == pygame.KEYDOWN and event.key == pygame.K_r:
            board, turn, last_move, message = start_board(), BLACK, None, ""
        if event.type == pygame.MOUSEBUTTONDOWN and turn == BLACK and not game_over:
            c = (event.pos[0] - MARGIN) // CELL
            r = (event.pos[1] - MARGIN) // CELL
            if (r, c) in moves:
                play(board, (r, c), moves[(r, c)], BLACK)
                last_move, message = (r, c), ""
                turn = WHITE
                ai_wait_until = time.time() + 0.6

    if turn == WHITE and not game_over and moves and time.time() >= ai_wait_until:
        best = max(moves, key=lambda m: WEIGHTS[m[0]][m[1]] * 3 + len(moves[m]))
        play(board, best, moves[best], WHITE)
        last_move = best
        turn = BLACK

    screen.fill((30, 30, 30))
    pygame.draw.rect(screen, (20, 120, 60), (MARGIN, MARGIN, N * CELL, N * CELL))
    for i in range(N + 1):
        pygame.draw.line(screen, (0, 60, 20), (MARGIN + i * CELL, MARGIN), (MARGIN + i * CELL, MARGIN + N * CELL), 2)
        pygame.draw.line(screen, (0, 60, 20), (MARGIN, MARGIN + i * CELL), (MARGIN + N * CELL, MARGIN + i * CELL), 2)
    for r in range(N):
        for c in range(N):
            center = (MARGIN + c * CELL + CELL // 2, MARGIN + r * CELL + CELL // 2)
            if board[r][c]:
                color = (15, 15, 15) if board[r][c] == BLACK else (240, 240, 240)
                pygame.draw.circle(screen, color, center, CELL // 2 - 6)
                if (r, c) == last_move:
                    pygame.draw.circle(screen, (220, 40, 40), center, 5)
            elif turn == BLACK and (r, c) in moves:
                pygame.draw.circle(screen, (0, 70, 30), center, 6)
    b, w = count(board, BLACK), count(board, WHITE)
    if game_over:
        message = "You win!" if b > w else "Computer wins!" if w > b else "Draw!"
        message += "  (R to restart)"
    screen.blit(font.render(f"Black {b}  White {w}   {message}", True, (255, 255, 255)), (MARGIN, 12))
    pygame.display.flip()
    clock.tick(30)

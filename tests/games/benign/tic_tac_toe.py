"""Tic-Tac-Toe
Click a square to place X; the computer answers with O (it never loses). R or a click after the game starts over.
"""
import sys

import pygame
from pygame.locals import *

SIZE = 450
CELL = SIZE // 3
LINES = [(0, 1, 2), (3, 4, 5), (6, 7, 8), (0, 3, 6), (1, 4, 7), (2, 5, 8), (0, 4, 8), (2, 4, 6)]


def winner(board):
    for a, b, c in LINES:
        if board[a] and board[a] == board[b] == board[c]:
            return board[a]
    return "draw" if all(board) else None


def minimax(board, player):
    result = winner(board)
    if result == "O":
        return 1, None
    if result == "X":
        return -1, None
    if result == "draw":
        return 0, None
    best = (-2, None) if player == "O" else (2, None)
    for i in range(9):
        if not board[i]:
            board[i] = player
            score, _ = minimax(board, "X" if player == "O" else "O")
            board[i] = None
            if (player == "O" and score > best[0]) or (player == "X" and score < best[0]):
                best = (score, i)
    return best


pygame.init()
screen = pygame.display.set_mode((SIZE, SIZE + 40))
pygame.display.set_caption("Tic-Tac-Toe")
clock = pygame.time.Clock()
font = pygame.font.SysFont("arial", 24)
board = [None] * 9
wins = {"X": 0, "O": 0, "draw": 0}

while True:
    for event in pygame.event.get():
        if event.type == QUIT:
            pygame.quit()
            sys.exit()
        if event.type == KEYDOWN and event.key == K_r:
            board = [None] * 9
        if event.type == MOUSEBUTTONDOWN and event.button == 1:
            if winner(board):
                board = [None] * 9
                continue
            x, y = event.pos
            if y < SIZE and x < SIZE:
                i = (y // CELL) * 3 + x // CELL
                if not board[i]:
                    board[i] = "X"
                    if not winner(board):
                        _, move = minimax(board, "O")
                        if move is not None:
                            board[move] = "O"
                    result = winner(board)
                    if result:
                        wins[result] += 1

    screen.fill((250, 250, 240))
    for k in (1, 2):
        pygame.draw.line(screen, (40, 40, 40), (k * CELL, 10), (k * CELL, SIZE - 10), 4)
        pygame.draw.line(screen, (40, 40, 40), (10, k * CELL), (SIZE - 10, k * CELL), 4)
    for i, mark in enumerate(board):
        cx, cy = (i % 3) * CELL + CELL // 2, (i // 3) * CELL + CELL // 2
        if mark == "X":
            pygame.draw.line(screen, (200, 40, 40), (cx - 40, cy - 40), (cx + 40, cy + 40), 8)
            pygame.draw.line(screen, (200, 40, 40), (cx + 40, cy - 40), (cx - 40, cy + 40), 8)
        elif mark == "O":
            pygame.draw.circle(screen, (40, 80, 200), (cx, cy), 44, 8)
    status = winner(board)
    text = "You: {X}  Computer: {O}  Draws: {draw}".format(**wins)
    if status:
        text += "  - click to play again"
    screen.blit(font.render(text, True, (30, 30, 30)), (10, SIZE + 8))
    pygame.display.update()
    clock.tick(30)

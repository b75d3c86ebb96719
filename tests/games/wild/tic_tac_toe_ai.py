"""Tic-Tac-Toe vs Unbeatable AI
You play X, the computer plays O using full minimax search (it never loses).
Click a square to move. Press Space to start the next game; the starting player alternates.
"""
import functools
import sys

import pygame

SIZE = 450
LINE = 8
CELL = SIZE // 3
WIN_LINES = [(0, 1, 2), (3, 4, 5), (6, 7, 8), (0, 3, 6), (1, 4, 7), (2, 5, 8), (0, 4, 8), (2, 4, 6)]


def check_winner(board):
    for a, b, c in WIN_LINES:
        if board[a] != " " and board[a] == board[b] == board[c]:
            return board[a], (a, c)
    if " " not in board:
        return "draw", None
    return None, None


@functools.lru_cache(maxsize=None)
def minimax(board, player):
    result, _ = check_winner(board)
    if result == "O":
        return 1, None
    if result == "X":
        return -1, None
    if result == "draw":
        return 0, None
    best_move = None
    best_score = -2 if player == "O" else 2
    for i, cell in enumerate(board):
        if cell != " ":
            continue
        child = board[:i] + player + board[i + 1:]
        score, _ = minimax(child, "X" if player == "O" else "O")
        if (player == "O" and score > best_score) or (player == "X" and score < best_score):
            best_score, best_move = score, i
    return best_score, best_move


def main():
    pygame.init()
    screen = pygame.display.set_mode((SIZE, SIZE + 60))
    pygame.display.set_caption("Tic-Tac-Toe")
    clock = pygame.time.Clock()
    font = pygame.font.SysFont("arial", 30)

    board = " " * 9
    human_starts = True
    turn = "X"
    tally = {"X": 0, "O": 0, "draw": 0}
    result, line = None, None
    ai_move_at = None

    while True:
        for event in pygame.event.get():
            if event.type == pygame.QUIT:
                pygame.quit()
                sys.exit()
            if event.type == pygame.MOUSEBUTTONDOWN and result is None and turn == "X":
                x, y = event.pos
                if y < SIZE:
                    i = (y // CELL) * 3 + x // CELL
                    if board[i] == " ":
                        board = board[:i] + "X" + board[i + 1:]
                        turn = "O"
                        ai_move_at = pygame.time.get_ticks() + 400
            if event.type == pygame.KEYDOWN and event.key == pygame.K_SPACE and result is not None:
                board, result, line = " " * 9, None, None
                human_starts = not human_starts
                turn = "X" if human_starts else "O"
                ai_move_at = pygame.time.get_ticks() + 400

        if result is None and turn == "O" and ai_move_at and pygame.time.get_ticks() >= ai_move_at:
            _, move = minimax(board, "O")
            board = board[:move] + "O" + board[move + 1:]
            turn = "X"

        if result is None:
            result, line = check_winner(board)
            if result:
                tally[result] += 1

        screen.fill((28, 170, 156))
        for i in (1, 2):
            pygame.draw.line(screen, (23, 145, 135), (0, i * CELL), (SIZE, i * CELL), LINE)
            pygame.draw.line(screen, (23, 145, 135), (i * CELL, 0), (i * CELL, SIZE), LINE)
        for i, cell in enumerate(board):
            cx, cy = (i % 3) * CELL + CELL // 2, (i // 3) * CELL + CELL // 2
            if cell == "X":
                pygame.draw.line(screen, (66, 66, 66), (cx - 40, cy - 40), (cx + 40, cy + 40), 18)
                pygame.draw.line(screen, (66, 66, 66), (cx + 40, cy - 40), (cx - 40, cy + 40), 18)
            elif cell == "O":
                pygame.draw.circle(screen, (239, 231, 200), (cx, cy), 45, 14)
        if line:
            a, c = line
            start = ((a % 3) * CELL + CELL // 2, (a // 3) * CELL + CELL // 2)
            end = ((c % 3) * CELL + CELL // 2, (c // 3) * CELL + CELL // 2)
            pygame.draw.line(screen, (200, 40, 40), start, end, 10)
        pygame.draw.rect(screen, (20, 20, 20), (0, SIZE, SIZE, 60))
        if result:
            status = {"X": "You won?!", "O": "Computer wins", "draw": "Draw"}[result] + " - Space"
        else:
            status = "Your move (X)" if turn == "X" else "Thinking..."
        screen.blit(font.render(status, True, (255, 255, 255)), (10, SIZE + 12))
        tally_text = font.render(f"{tally['X']}-{tally['draw']}-{tally['O']}", True, (180, 180, 180))
        screen.blit(tally_text, (SIZE - tally_text.get_width() - 10, SIZE + 12))
        pygame.display.flip()
        clock.tick(30)


if __name__ == "__main__":
    main()

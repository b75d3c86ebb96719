"""Checkers
Two-player checkers (or versus a simple random-move computer: press C to toggle).
Click a piece, then click a highlighted square to move. Captures are compulsory,
multi-jumps continue with the same piece, and pieces reaching the far row become kings.
"""
import random
import sys

import pygame

SQUARE = 80
BOARD = 8
WIDTH, HEIGHT = SQUARE * BOARD, SQUARE * BOARD + 40
RED, WHITE_P = "r", "w"


class Piece:
    def __init__(self, color):
        self.color = color
        self.king = False


def new_board():
    board = [[None] * BOARD for _ in range(BOARD)]
    for r in range(BOARD):
        for c in range(BOARD):
            if (r + c) % 2 == 1:
                if r < 3:
                    board[r][c] = Piece(WHITE_P)
                elif r > 4:
                    board[r][c] = Piece(RED)
    return board


def directions(piece):
    if piece.king:
        return [(-1, -1), (-1, 1), (1, -1), (1, 1)]
    return [(-1, -1), (-1, 1)] if piece.color == RED else [(1, -1), (1, 1)]


def moves_for(board, r, c, only_captures=False):
    piece = board[r][c]
    steps, jumps = [], []
    for dr, dc in directions(piece):
        r1, c1 = r + dr, c + dc
        if not (0 <= r1 < BOARD and 0 <= c1 < BOARD):
            continue
        if board[r1][c1] is None:
            steps.append((r1, c1, None))
        elif board[r1][c1].color != piece.color:
            r2, c2 = r1 + dr, c1 + dc
            if 0 <= r2 < BOARD and 0 <= c2 < BOARD and board[r2][c2] is None:
                jumps.append((r2, c2, (r1, c1)))
    return jumps if (jumps or only_captures) else steps


def all_moves(board, color):
    result = {}
    captures_exist = False
    for r in range(BOARD):
        for c in range(BOARD):
            if board[r][c] and board[r][c].color == color:
                m = moves_for(board, r, c)
                if m:
                    result[(r, c)] = m
                    if m[0][2] is not None:
                        captures_exist = True
    if captures_exist:
        result = {k: v for k, v in result.items() if v[0][2] is not None}
    return result


def apply_move(board, start, move):
    r, c = start
    r2, c2, captured = move
    piece = board[r][c]
    board[r2][c2], board[r][c] = piece, None
    if captured:
        board[captured[0]][captured[1]] = None
    if (piece.color == RED and r2 == 0) or (piece.color == WHITE_P and r2 == BOARD - 1):
        piece.king = True
    return (r2, c2)


def main():
    pygame.init()
    screen = pygame.display.set_mode((WIDTH, HEIGHT))
    pygame.display.set_caption("Checkers")
    clock = pygame.time.Clock()
    font = pygame.font.SysFont("arial", 24)
    crown_font = pygame.font.SysFont("arial", 28, bold=True)

    board = new_board()
    turn = RED
    selected = None
    chain_piece = None
    vs_computer = True
    winner = None
    computer_delay = 0

    while True:
        legal = all_moves(board, turn)
        if chain_piece:
            legal = {chain_piece: moves_for(board, *chain_piece, only_captures=True)}
        if not legal and winner is None:
            winner = "White" if turn == RED else "Red"

        for event in pygame.event.get():
            if event.type == pygame.QUIT:
                pygame.quit()
                sys.exit()
            if event.type == pygame.KEYDOWN:
                if event.key == pygame.K_c:
                    vs_computer = not vs_computer
                elif event.key == pygame.K_r:
                    board, turn, selected, chain_piece, winner = new_board(), RED, None, None, None
            if event.type == pygame.MOUSEBUTTONDOWN and winner is None and not (vs_computer and turn == WHITE_P):
                col, row = event.pos[0] // SQUARE, event.pos[1] // SQUARE
                if row >= BOARD:
                    continue
                if (row, col) in legal:
                    selected = (row, col)
                elif selected:
                    for move in legal.get(selected, []):
                        if (move[0], move[1]) == (row, col):
                            pos = apply_move(board, selected, move)
                            if move[2] and moves_for(board, *pos, only_captures=True):
                                chain_piece = selected = pos
                            else:
                                chain_piece = selected = None
                                turn = WHITE_P if turn == RED else RED
                                computer_delay = 20
                            break

        if vs_computer and turn == WHITE_P and winner is None and legal:
            computer_delay -= 1
            if computer_delay <= 0:
                start = random.choice(list(legal))
                move = random.choice(legal[start])
                pos = apply_move(board, start, move)
                if move[2] and moves_for(board, *pos, only_captures=True):
                    chain_piece = pos
                    computer_delay = 15
                else:
                    chain_piece = None
                    turn = RED

        for r in range(BOARD):
            for c in range(BOARD):
                color = (235, 210, 170) if (r + c) % 2 == 0 else (120, 80, 50)
                pygame.draw.rect(screen, color, (c * SQUARE, r * SQUARE, SQUARE, SQUARE))
        if selected:
            pygame.draw.rect(screen, (255, 255, 0), (selected[1] * SQUARE, selected[0] * SQUARE, SQUARE, SQUARE), 4)
            for r2, c2, _ in legal.get(selected, []):
                pygame.draw.circle(screen, (80, 200, 80), (c2 * SQUARE + SQUARE // 2, r2 * SQUARE + SQUARE // 2), 12)
        for r in range(BOARD):
            for c in range(BOARD):
                piece = board[r][c]
                if piece:
                    center = (c * SQUARE + SQUARE // 2, r * SQUARE + SQUARE // 2)
                    pygame.draw.circle(screen, (40, 40, 40), (center[0] + 3, center[1] + 3), SQUARE // 2 - 10)
                    pygame.draw.circle(screen, (200, 30, 30) if piece.color == RED else (240, 240, 240), center, SQUARE // 2 - 10)
                    if piece.king:
                        k = crown_font.render("K", True, (255, 215, 0))
                        screen.blit(k, k.get_rect(center=center))
        pygame.draw.rect(screen, (30, 30, 30), (0, BOARD * SQUARE, WIDTH, 40))
        if winner:
            status = f"{winner} wins! Press R to play again"
        else:
            status = f"{'Red' if turn == RED else 'White'} to move   [C] computer: {'on' if vs_computer else 'off'}"
        screen.blit(font.render(status, True, (255, 255, 255)), (10, BOARD * SQUARE + 8))
        pygame.display.flip()
        clock.tick(60)


if __name__ == "__main__":
    main()

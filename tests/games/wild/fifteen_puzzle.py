"""Fifteen Puzzle
Slide the tiles into order by clicking a tile next to the gap, or use the arrow keys.
N shuffles a new puzzle. Your move count and time are shown at the top.
"""
import random
import sys
import time

import pygame

SIZE = 4
TILE = 100
TOP = 60
WIDTH, HEIGHT = SIZE * TILE, SIZE * TILE + TOP

pygame.init()
screen = pygame.display.set_mode((WIDTH, HEIGHT))
pygame.display.set_caption("Fifteen Puzzle")
clock = pygame.time.Clock()
tile_font = pygame.font.SysFont("arial", 48, bold=True)
info_font = pygame.font.SysFont("arial", 22)


def solved_board():
    board = [[r * SIZE + c + 1 for c in range(SIZE)] for r in range(SIZE)]
    board[-1][-1] = 0
    return board


def find_blank(board):
    for r in range(SIZE):
        for c in range(SIZE):
            if board[r][c] == 0:
                return r, c


def slide(board, r, c):
    br, bc = find_blank(board)
    if abs(br - r) + abs(bc - c) == 1:
        board[br][bc], board[r][c] = board[r][c], 0
        return True
    return False


def shuffle(board, moves=200):
    for _ in range(moves):
        br, bc = find_blank(board)
        options = [(br + dr, bc + dc) for dr, dc in ((1, 0), (-1, 0), (0, 1), (0, -1)) if 0 <= br + dr < SIZE and 0 <= bc + dc < SIZE]
        slide(board, *random.choice(options))


board = solved_board()
shuffle(board)
moves = 0
start_time = time.time()
finished_time = None

while True:
    for event in pygame.event.get():
        if event.type == pygame.QUIT:
            pygame.quit()
            sys.exit()
        elif event.type == pygame.MOUSEBUTTONDOWN and finished_time is None:
            x, y = event.pos
            if y > TOP and slide(board, (y - TOP) // TILE, x // TILE):
                moves += 1
        elif event.type == pygame.KEYDOWN:
            if event.key == pygame.K_n:
                board = solved_board()
                shuffle(board)
                moves, start_time, finished_time = 0, time.time(), None
            elif finished_time is None:
                br, bc = find_blank(board)
                target = {
                    pygame.K_UP: (br + 1, bc), pygame.K_DOWN: (br - 1, bc),
                    pygame.K_LEFT: (br, bc + 1), pygame.K_RIGHT: (br, bc - 1),
                }.get(event.key)
                if target and 0 <= target[0] < SIZE and 0 <= target[1] < SIZE:
                    slide(board, *target)
                    moves += 1
        if finished_time is None and board == solved_board() and moves > 0:
            finished_time = time.time() - start_time

    screen.fill((250, 248, 239))
    for r in range(SIZE):
        for c in range(SIZE):
            value = board[r][c]
            if value == 0:
                continue
            rect = pygame.Rect(c * TILE + 4, TOP + r * TILE + 4, TILE - 8, TILE - 8)
            in_place = value == r * SIZE + c + 1
            pygame.draw.rect(screen, (120, 190, 120) if in_place else (200, 150, 100), rect, border_radius=10)
            label = tile_font.render(str(value), True, (255, 255, 255))
            screen.blit(label, label.get_rect(center=rect.center))
    elapsed = finished_time if finished_time is not None else time.time() - start_time
    info = info_font.render(f"Moves: {moves}    Time: {int(elapsed)} s    N = new", True, (60, 60, 60))
    screen.blit(info, (10, 18))
    if finished_time is not None:
        banner = tile_font.render("Solved!", True, (40, 130, 40))
        screen.blit(banner, banner.get_rect(center=(WIDTH // 2, HEIGHT // 2)))
    pygame.display.flip()
    clock.tick(30)

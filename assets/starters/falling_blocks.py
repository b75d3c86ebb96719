"""Falling Blocks. Left/Right or A/D move, Up/W/X rotate, Z rotates back,
Down/S soft drop, Space hard drop, P pauses, R restarts.

Fill whole rows to clear them; every 10 lines the blocks fall faster.
"""

import colorsys
import random

import pygame

COLS, ROWS = 10, 20
PIECE_COLOR = (80, 200, 250)  # tune: color
BACKGROUND = (14, 16, 28)  # tune: background
FALL_SPEED = 1.25  # tune: speed
CELL_SIZE = 24  # tune: size
CELL = max(12, min(32, CELL_SIZE))  # clamped so the board always fits a screen
MARGIN = 20
SIDEBAR = 210
WIDTH = max(560, COLS * CELL + 2 * MARGIN + SIDEBAR)
HEIGHT = max(480, ROWS * CELL + 2 * MARGIN)
BOARD_X = (WIDTH - SIDEBAR - COLS * CELL) // 2
BOARD_Y = (HEIGHT - ROWS * CELL) // 2
RESTART_DELAY = 3.0
CLEAR_TIME = 0.3
LOCK_DELAY = 0.4
LINE_POINTS = {1: 100, 2: 300, 3: 500, 4: 800}

# The seven tetrominoes as cells inside an n x n box: (size, cells).
SHAPES = {
    "I": (4, [(0, 1), (1, 1), (2, 1), (3, 1)]),
    "O": (2, [(0, 0), (1, 0), (0, 1), (1, 1)]),
    "T": (3, [(1, 0), (0, 1), (1, 1), (2, 1)]),
    "S": (3, [(1, 0), (2, 0), (0, 1), (1, 1)]),
    "Z": (3, [(0, 0), (1, 0), (1, 1), (2, 1)]),
    "J": (3, [(0, 0), (0, 1), (1, 1), (2, 1)]),
    "L": (3, [(2, 0), (0, 1), (1, 1), (2, 1)]),
}
NAMES = list(SHAPES)


def make_palette(base):
    """Piece I gets the tuned colour; the others walk around the colour wheel from it."""
    h, s, v = colorsys.rgb_to_hsv(*(c / 255 for c in base))
    s, v = max(s, 0.55), max(v, 0.8)
    colors = {"I": base}
    for i, name in enumerate(NAMES[1:], 1):
        r, g, b = colorsys.hsv_to_rgb((h + i / 7) % 1.0, s, v)
        colors[name] = (int(r * 255), int(g * 255), int(b * 255))
    return colors


COLORS = make_palette(PIECE_COLOR)
INK = (235, 235, 245) if sum(BACKGROUND) < 380 else (25, 25, 35)

board = [[None] * COLS for _ in range(ROWS)]  # each cell: None or a piece name
piece = {"name": "T", "cells": [], "x": 3, "y": 0}
bag, upcoming, particles = [], [], []
score, lines, level, best = 0, 0, 1, 0
fall_timer = lock_timer = clear_timer = over_timer = shake = 0.0
clearing = []  # rows flashing before they vanish
shift_dir, shift_timer = 0, 0.0  # held left/right and its auto-repeat clock
banner, banner_timer = "", 0.0  # floating "+300" after a line clear
state, paused = "play", False  # state: play | over
fonts = {}


def next_name():
    if not bag:  # 7-bag: every piece once per seven, in random order
        bag.extend(random.sample(NAMES, len(NAMES)))
    return bag.pop()


def spawn():
    upcoming.append(next_name())
    name = upcoming.pop(0)
    size, cells = SHAPES[name]
    piece.update(name=name, cells=list(cells), x=(COLS - size) // 2, y=-1 if name == "I" else 0)
    if not fits(piece["cells"], piece["x"], piece["y"]):
        game_over()  # no room for the new piece


def game_over():
    global state, over_timer
    state, over_timer = "over", RESTART_DELAY


def restart():
    global board, score, lines, level, fall_timer, lock_timer, clearing, state, paused, shake
    board = [[None] * COLS for _ in range(ROWS)]
    bag.clear()
    upcoming[:] = [next_name() for _ in range(3)]
    score, lines, level, fall_timer, lock_timer = 0, 0, 1, 0.0, 0.0
    clearing, state, paused, shake = [], "play", False, 0.0
    spawn()


def fits(cells, x, y):
    """Inside the walls and floor and not overlapping; rows above the top are open."""
    return all(0 <= x + cx < COLS and y + cy < ROWS and (y + cy < 0 or board[y + cy][x + cx] is None) for cx, cy in cells)


def move(dx, dy):
    if state == "play" and not clearing and fits(piece["cells"], piece["x"] + dx, piece["y"] + dy):
        piece["x"] += dx
        piece["y"] += dy
        return True
    return False


def rotate(clockwise):
    if state != "play" or clearing or piece["name"] == "O":
        return
    n = SHAPES[piece["name"]][0]
    turned = [(n - 1 - y, x) if clockwise else (y, n - 1 - x) for x, y in piece["cells"]]
    for kx, ky in ((0, 0), (-1, 0), (1, 0), (-2, 0), (2, 0), (0, -1)):  # simple wall kicks
        if fits(turned, piece["x"] + kx, piece["y"] + ky):
            piece.update(cells=turned, x=piece["x"] + kx, y=piece["y"] + ky)
            return


def drop_distance():
    for d in range(ROWS + 2):
        if not fits(piece["cells"], piece["x"], piece["y"] + d + 1):
            return d
    return 0


def lock():
    global clearing, clear_timer, lock_timer, shake
    for cx, cy in piece["cells"]:
        if piece["y"] + cy < 0:  # locked above the top: the stack has overflowed
            return game_over()
        board[piece["y"] + cy][piece["x"] + cx] = piece["name"]
    lock_timer = 0.0
    clearing = [y for y in range(ROWS) if all(board[y])]
    if clearing:
        clear_timer = CLEAR_TIME
        shake = 0.12 * len(clearing)
        for y in clearing:
            for x in range(COLS):
                burst(x, y, COLORS[board[y][x]], 4)
    else:
        spawn()


def finish_clear():
    global clearing, score, lines, level, banner, banner_timer
    for y in clearing:
        del board[y]
        board.insert(0, [None] * COLS)
    gained = LINE_POINTS[len(clearing)] * level
    score, lines = score + gained, lines + len(clearing)
    banner, banner_timer = ("FOUR LINES! " if len(clearing) == 4 else "") + f"+{gained}", 1.0
    level = 1 + lines // 10
    clearing = []
    spawn()


def burst(x, y, color, n):
    px, py = BOARD_X + (x + 0.5) * CELL, BOARD_Y + (y + 0.5) * CELL
    for _ in range(n):
        particles.append([px, py, random.uniform(-160, 160), random.uniform(-260, 60), random.uniform(0.4, 0.9), color])


def hard_drop():
    global score, shake
    if state != "play" or clearing:
        return
    d, shake = drop_distance(), max(shake, 0.08)
    for cx, cy in piece["cells"]:  # a streak of sparks along the drop
        burst(piece["x"] + cx, piece["y"] + cy + d, COLORS[piece["name"]], 1)
    piece["y"] += d
    score += 2 * d
    lock()


def on_key_down(key):
    global paused, shift_dir, shift_timer
    if key == pygame.K_r:
        restart()
    elif key == pygame.K_p and state == "play":
        paused = not paused
    elif paused:
        return
    if key in (pygame.K_LEFT, pygame.K_a, pygame.K_RIGHT, pygame.K_d):
        shift_dir = -1 if key in (pygame.K_LEFT, pygame.K_a) else 1
        shift_timer = 0.17  # delay before auto-repeat
        move(shift_dir, 0)
    elif key in (pygame.K_UP, pygame.K_w, pygame.K_x):
        rotate(True)
    elif key == pygame.K_z:
        rotate(False)
    elif key == pygame.K_SPACE:
        hard_drop()


def update(dt):
    global fall_timer, lock_timer, clear_timer, shift_timer, shake, over_timer, score, best, banner_timer
    shake, banner_timer, best = max(0.0, shake - dt), max(0.0, banner_timer - dt), max(best, score)
    particles[:] = [[x + vx * dt, y + vy * dt, vx, vy + 600 * dt, life - dt, c] for x, y, vx, vy, life, c in particles if life > dt]
    if paused:
        return
    if state == "over":
        over_timer -= dt
        return restart() if over_timer <= 0 else None
    if clearing:
        clear_timer -= dt
        return finish_clear() if clear_timer <= 0 else None
    keys = pygame.key.get_pressed()
    held = (keys[pygame.K_RIGHT] or keys[pygame.K_d]) - (keys[pygame.K_LEFT] or keys[pygame.K_a])
    if held and held == shift_dir:
        shift_timer -= dt
        if shift_timer <= 0:
            move(shift_dir, 0)
            shift_timer = 0.05
    soft = keys[pygame.K_DOWN] or keys[pygame.K_s]
    interval = 1.0 / min(20.0, FALL_SPEED * 1.3 ** (level - 1))
    fall_timer += dt
    if fall_timer >= (min(interval, 0.04) if soft else interval):
        fall_timer = 0.0
        if move(0, 1):
            lock_timer = 0.0
            score += 1 if soft else 0
    if drop_distance() == 0:
        lock_timer += dt
        if lock_timer >= LOCK_DELAY:
            lock()
    else:
        lock_timer = 0.0


def text(screen, words, size, pos, color=INK, anchor="topleft"):
    if size not in fonts:
        fonts[size] = pygame.font.Font(None, size)
    image = fonts[size].render(words, True, color)
    screen.blit(image, image.get_rect(**{anchor: pos}))


def draw_cell(screen, x, y, color, ox=BOARD_X, oy=BOARD_Y, size=CELL):
    rect = pygame.Rect(ox + x * size, oy + y * size, size - 1, size - 1)
    pygame.draw.rect(screen, color, rect, border_radius=3)
    light = tuple(min(255, c + 70) for c in color)
    pygame.draw.line(screen, light, rect.topleft, (rect.right - 2, rect.top), 2)


def draw(screen):
    screen.fill(BACKGROUND)
    jolt = int(random.uniform(-6, 6) * shake * 8) if shake > 0 else 0
    ox, oy = BOARD_X, BOARD_Y + jolt
    well = tuple(min(255, c + 10) if sum(BACKGROUND) < 380 else max(0, c - 14) for c in BACKGROUND)
    pygame.draw.rect(screen, well, (ox, oy, COLS * CELL, ROWS * CELL))
    grid = tuple(min(255, c + 22) if sum(BACKGROUND) < 380 else max(0, c - 30) for c in BACKGROUND)
    for x in range(1, COLS):
        pygame.draw.line(screen, grid, (ox + x * CELL, oy), (ox + x * CELL, oy + ROWS * CELL))
    for y in range(ROWS):
        for x in range(COLS):
            if board[y][x] is not None:
                flashing = y in clearing and int(clear_timer * 20) % 2 == 0
                draw_cell(screen, x, y, (255, 255, 255) if flashing else COLORS[board[y][x]], ox, oy)
    if state == "play" and not clearing:
        color = COLORS[piece["name"]]
        ghost_y = piece["y"] + drop_distance()
        for cx, cy in piece["cells"]:  # outline where a hard drop would land, then the piece
            pygame.draw.rect(screen, color, (ox + (piece["x"] + cx) * CELL, oy + (ghost_y + cy) * CELL, CELL - 1, CELL - 1), 2, border_radius=3)
            if piece["y"] + cy >= 0:
                draw_cell(screen, piece["x"] + cx, piece["y"] + cy, color, ox, oy)
    pygame.draw.rect(screen, INK, (ox - 2, oy - 2, COLS * CELL + 4, ROWS * CELL + 4), 2, border_radius=4)
    for x, y, _, _, life, color in particles:
        pygame.draw.circle(screen, color, (int(x), int(y + jolt)), max(1, int(life * 5)))
    # Sidebar: scores, next pieces, controls.
    sx = WIDTH - SIDEBAR + 10
    text(screen, f"Score {score}", 32, (sx, 24))
    text(screen, f"Best {best}", 26, (sx, 56))
    text(screen, f"Lines {lines}   Level {level}", 24, (sx, 84))
    text(screen, "Next", 24, (sx, 118))
    small = max(10, min(18, CELL - 4))
    for i, name in enumerate(upcoming[:3]):
        for cx, cy in SHAPES[name][1]:
            draw_cell(screen, cx, cy, COLORS[name], sx + 8, 142 + i * 3 * small, small)
    hints = ["Left/Right  move", "Up/X  rotate   Z  back", "Down  soft drop", "Space  hard drop", "P pause   R restart"]
    for i, hint in enumerate(hints):
        text(screen, hint, 20, (sx, HEIGHT - 20 - (len(hints) - i) * 20), tuple(c // 2 + 60 for c in INK))
    if banner_timer > 0:
        rise = int((1 - banner_timer) * 40)
        text(screen, banner, 40, (BOARD_X + COLS * CELL // 2, BOARD_Y + ROWS * CELL // 2 - rise), INK, "center")
    if paused or state == "over":
        veil = pygame.Surface((WIDTH, HEIGHT), pygame.SRCALPHA)
        veil.fill((0, 0, 0, 160))
        screen.blit(veil, (0, 0))
        title = "Paused - P resumes" if paused else "Game over — R restarts"
        text(screen, title, 44, (WIDTH // 2, HEIGHT // 2 - 16), (255, 255, 255), "center")
        if not paused:
            text(screen, f"Score {score}   Best {best}", 30, (WIDTH // 2, HEIGHT // 2 + 24), (220, 220, 230), "center")


restart()

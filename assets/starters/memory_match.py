"""Memory Match
Click a card to flip it, or move with the arrows and flip with Space/Enter.
Find every pair in as few moves as you can. P pauses, R deals a new board.
"""

import math
import random

import pygame

WIDTH, HEIGHT = 640, 480
FPS = 60

CARD_BACK = (70, 110, 210)  # tune: color
HIGHLIGHT = (255, 200, 70)  # tune: accent_color
BACKGROUND = (18, 22, 34)  # tune: background
FLIP_SPEED = 6.0  # tune: speed
CARD_SIZE = 90  # tune: size
PAIRS = 8  # tune: count
TWO_PLAYERS = False  # tune: two_players
HUD_HEIGHT = 44
SHOW_MISMATCH = 5.0  # a wrong pair stays visible for this many flips' time
RESTART_AFTER = 5.0

SHAPES = ("circle", "square", "triangle", "diamond", "star", "ring", "cross", "hexagon")
COLORS = ((235, 80, 80), (80, 200, 110), (250, 200, 60), (170, 100, 230), (60, 190, 220), (245, 140, 50))
PLAYER_NAMES = ("Player 1", "Player 2")

pair_count = max(2, min(PAIRS, len(SHAPES) * len(COLORS)))


def cell_size(columns):
    """How big a card can be with this many columns (and the rows they need)."""
    return min((WIDTH - 20) // columns, (HEIGHT - HUD_HEIGHT - 20) // math.ceil(pair_count * 2 / columns))


# The grid with the biggest cards; among equals, the one with fewest empty places.
cols = min(range(2, pair_count * 2 + 1),
           key=lambda c: (-cell_size(c), c * math.ceil(pair_count * 2 / c) - pair_count * 2))
rows = math.ceil(pair_count * 2 / cols)
card = max(20, min(CARD_SIZE, (WIDTH - 20) // cols - 8, (HEIGHT - HUD_HEIGHT - 20) // rows - 8))
gap = 8
left = (WIDTH - cols * (card + gap) + gap) // 2
top = HUD_HEIGHT + (HEIGHT - HUD_HEIGHT - rows * (card + gap) + gap) // 2

cards = []  # dicts: symbol (shape, color), face_up, found, turn (0 = face down, 1 = face up)
chosen = []  # indices of the face-up cards of the current move
hide_in = 0.0  # seconds until a wrong pair turns back
cursor = 0
moves = 0
scores = [0, 0]
player = 0
elapsed = 0.0
best = None
paused = False
over_for = -1.0
font = None
small_font = None


def deal():
    global cards, chosen, hide_in, cursor, moves, scores, player, elapsed, paused, over_for
    symbols = [(shape, color) for color in COLORS for shape in SHAPES]
    random.shuffle(symbols)
    deck = symbols[:pair_count] * 2
    random.shuffle(deck)
    cards = [{"symbol": s, "face_up": False, "found": False, "turn": 0.0} for s in deck]
    chosen, hide_in, cursor, moves, scores, player = [], 0.0, 0, 0, [0, 0], 0
    elapsed, paused, over_for = 0.0, False, -1.0


def card_rect(index):
    row, col = divmod(index, cols)
    return pygame.Rect(left + col * (card + gap), top + row * (card + gap), card, card)


def flip(index):
    """Turn a face-down card up; the second card of a move decides match or miss."""
    global hide_in, moves, player, best, over_for
    if paused or over_for >= 0 or not 0 <= index < len(cards):
        return
    if len(chosen) == 2:  # a third pick hides the wrong pair at once
        hide_pair()
    target = cards[index]
    if target["found"] or target["face_up"]:
        return
    target["face_up"] = True
    chosen.append(index)
    if len(chosen) < 2:
        return
    moves += 1
    first, second = (cards[i] for i in chosen)
    if first["symbol"] == second["symbol"]:
        first["found"] = second["found"] = True
        scores[player] += 1  # a match keeps the turn
        chosen.clear()
        if all(c["found"] for c in cards):
            over_for = 0.0
            if not TWO_PLAYERS:
                best = moves if best is None else min(best, moves)
    else:
        hide_in = SHOW_MISMATCH / FLIP_SPEED


def hide_pair():
    global player
    for i in chosen:
        cards[i]["face_up"] = False
    chosen.clear()
    if TWO_PLAYERS:
        player = 1 - player


def on_key_down(key):
    global cursor, paused
    row, col = divmod(cursor, cols)
    if key == pygame.K_r:
        deal()
    elif key == pygame.K_p and over_for < 0:
        paused = not paused
    elif key in (pygame.K_LEFT, pygame.K_a):
        col = (col - 1) % cols
    elif key in (pygame.K_RIGHT, pygame.K_d):
        col = (col + 1) % cols
    elif key in (pygame.K_UP, pygame.K_w):
        row = (row - 1) % rows
    elif key in (pygame.K_DOWN, pygame.K_s):
        row = (row + 1) % rows
    elif key in (pygame.K_SPACE, pygame.K_RETURN):
        flip(cursor)
    cursor = min(len(cards) - 1, row * cols + col)


def on_mouse_down(pos, button):
    global cursor
    if button != 1:
        return
    for i in range(len(cards)):
        if card_rect(i).collidepoint(pos):
            cursor = i
            flip(i)


def update(dt):
    global hide_in, elapsed, over_for
    for c in cards:  # flip animation: turn runs 0 → 1 as the face comes up
        goal = 1.0 if c["face_up"] or c["found"] else 0.0
        step = FLIP_SPEED * dt
        c["turn"] = min(goal, c["turn"] + step) if c["turn"] < goal else max(goal, c["turn"] - step)
    if over_for >= 0:
        over_for += dt
        if over_for > RESTART_AFTER:
            deal()
        return
    if paused:
        return
    elapsed += dt
    if len(chosen) == 2 and hide_in > 0:
        hide_in -= dt
        if hide_in <= 0:
            hide_pair()


def draw_symbol(screen, symbol, rect):
    shape, color = symbol
    cx, cy = rect.center
    r = rect.width * 0.32
    if shape == "circle":
        pygame.draw.circle(screen, color, (cx, cy), int(r))
    elif shape == "ring":
        pygame.draw.circle(screen, color, (cx, cy), int(r), max(2, int(r / 3)))
    elif shape == "square":
        pygame.draw.rect(screen, color, (cx - r * 0.85, cy - r * 0.85, r * 1.7, r * 1.7))
    elif shape == "cross":
        w = max(2, int(r / 2))
        pygame.draw.rect(screen, color, (cx - w / 2, cy - r, w, 2 * r))
        pygame.draw.rect(screen, color, (cx - r, cy - w / 2, 2 * r, w))
    else:
        corners = {"triangle": 3, "diamond": 4, "hexagon": 6, "star": 10}[shape]
        points = []
        for k in range(corners):
            radius = r * (0.45 if shape == "star" and k % 2 else 1.0)
            angle = -math.pi / 2 + 2 * math.pi * k / corners
            points.append((cx + math.cos(angle) * radius, cy + math.sin(angle) * radius))
        pygame.draw.polygon(screen, color, points)


def text_color():
    return (25, 25, 35) if sum(BACKGROUND) > 450 else (235, 235, 245)


def draw(screen):
    global font, small_font
    if font is None:
        font = pygame.font.Font(None, 30)
        small_font = pygame.font.Font(None, 22)
    screen.fill(BACKGROUND)
    ink = text_color()
    for i, c in enumerate(cards):
        rect = card_rect(i)
        squeeze = abs(math.cos(c["turn"] * math.pi))  # narrowest half-way through a flip
        shown = rect.inflate(-int(rect.width * (1 - squeeze)), 0)
        if c["turn"] >= 0.5:
            face = (240, 240, 235) if not c["found"] else (200, 230, 200)
            pygame.draw.rect(screen, face, shown, border_radius=8)
            if squeeze > 0.6:
                draw_symbol(screen, c["symbol"], rect)
        else:
            pygame.draw.rect(screen, CARD_BACK, shown, border_radius=8)
            pygame.draw.rect(screen, tuple(min(255, v + 40) for v in CARD_BACK), shown.inflate(-10, -10), 2, border_radius=6)
        if i == cursor and over_for < 0:
            pygame.draw.rect(screen, HIGHLIGHT, rect.inflate(6, 6), 3, border_radius=10)
    if TWO_PLAYERS:
        status = f"{PLAYER_NAMES[0]}: {scores[0]}   {PLAYER_NAMES[1]}: {scores[1]}   Turn: {PLAYER_NAMES[player]}"
    else:
        status = f"Moves {moves}   Pairs {scores[0]}/{pair_count}   Time {int(elapsed)}s" + (f"   Best {best}" if best else "")
    screen.blit(font.render(status, True, ink), (12, 12))
    hint = small_font.render("Click or Arrows+Space   P pause   R new deal", True, ink)
    screen.blit(hint, (WIDTH - hint.get_width() - 12, HEIGHT - 20))
    if paused or over_for >= 0:
        veil = pygame.Surface((WIDTH, HEIGHT), pygame.SRCALPHA)
        veil.fill((0, 0, 0, 150))
        screen.blit(veil, (0, 0))
        if paused:
            lines = ["Paused: P resumes"]
        elif TWO_PLAYERS:
            winner = "Draw!" if scores[0] == scores[1] else PLAYER_NAMES[scores[1] > scores[0]] + " wins!"
            lines = [winner, "Game over — R restarts"]
        else:
            lines = [f"All pairs in {moves} moves!", "Game over — R restarts"]
        for i, line in enumerate(lines):
            label = font.render(line, True, (255, 255, 255))
            screen.blit(label, ((WIDTH - label.get_width()) // 2, HEIGHT // 2 - 20 + 36 * i))


deal()

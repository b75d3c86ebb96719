"""Memory Match
Click two cards to flip them. Find all the pairs in as few turns as you can. R reshuffles.
"""
import enum
import random
from dataclasses import dataclass, field

import pygame

WIDTH, HEIGHT = 640, 480
COLS, ROWS = 4, 4
CARD_W, CARD_H = 120, 90
MARGIN = 20
SYMBOL_COLORS = [(230, 80, 80), (80, 200, 90), (80, 120, 230), (230, 200, 60),
                 (200, 90, 220), (60, 210, 210), (240, 140, 40), (160, 160, 160)]


class CardState(enum.Enum):
    HIDDEN = 1
    SHOWN = 2
    MATCHED = 3


@dataclass
class Card:
    symbol: int
    rect: pygame.Rect
    state: CardState = CardState.HIDDEN


@dataclass
class Board:
    cards: list = field(default_factory=list)
    flipped: list = field(default_factory=list)
    turns: int = 0
    hide_timer: float = 0.0


def new_board() -> Board:
    symbols = list(range(COLS * ROWS // 2)) * 2
    random.shuffle(symbols)
    b = Board()
    for index, symbol in enumerate(symbols):
        col, row = index % COLS, index // COLS
        rect = pygame.Rect(MARGIN + col * (CARD_W + 30), 50 + row * (CARD_H + 15), CARD_W, CARD_H)
        b.cards.append(Card(symbol, rect))
    return b


board = new_board()
font = None


def update(dt):
    if board.hide_timer > 0:
        board.hide_timer -= dt
        if board.hide_timer <= 0:
            for card in board.flipped:
                card.state = CardState.HIDDEN
            board.flipped.clear()


def on_mouse_down(pos, button):
    if button != 1 or board.hide_timer > 0:
        return
    for card in board.cards:
        if card.rect.collidepoint(pos) and card.state == CardState.HIDDEN:
            card.state = CardState.SHOWN
            board.flipped.append(card)
            break
    if len(board.flipped) == 2:
        board.turns += 1
        a, b = board.flipped
        if a.symbol == b.symbol:
            a.state = b.state = CardState.MATCHED
            board.flipped.clear()
        else:
            board.hide_timer = 0.8


def on_key_down(key):
    global board
    if key == pygame.K_r:
        board = new_board()


def draw(screen):
    global font
    if font is None:
        font = pygame.font.Font(None, 32)
    screen.fill((25, 60, 45))
    for card in board.cards:
        if card.state == CardState.HIDDEN:
            pygame.draw.rect(screen, (40, 90, 160), card.rect, border_radius=8)
            pygame.draw.rect(screen, (200, 200, 255), card.rect.inflate(-12, -12), 2, border_radius=6)
        else:
            pygame.draw.rect(screen, (240, 240, 230), card.rect, border_radius=8)
            color = SYMBOL_COLORS[card.symbol]
            pygame.draw.circle(screen, color, card.rect.center, 28)
            if card.state == CardState.MATCHED:
                pygame.draw.rect(screen, (90, 200, 90), card.rect, 4, border_radius=8)
    matched = sum(c.state == CardState.MATCHED for c in board.cards) // 2
    text = f"Turns: {board.turns}   Pairs: {matched}/{len(board.cards) // 2}"
    screen.blit(font.render(text, True, (255, 255, 255)), (MARGIN, 12))

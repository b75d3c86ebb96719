"""Blackjack
Play against the dealer. H = hit, S = stand, D = double down, Space = deal the next hand.
You start with 500 chips and bet 25 per hand. Dealer stands on 17.
"""
import random
import sys
from dataclasses import dataclass
from enum import Enum

import pygame

WIDTH, HEIGHT = 900, 600
CARD_W, CARD_H = 80, 116


class Suit(Enum):
    HEARTS = "\u2665"
    DIAMONDS = "\u2666"
    CLUBS = "\u2663"
    SPADES = "\u2660"


RANKS = ["A", "2", "3", "4", "5", "6", "7", "8", "9", "10", "J", "Q", "K"]


@dataclass
class Card:
    rank: str
    suit: Suit

    @property
    def value(self):
        if self.rank == "A":
            return 11
        if self.rank in ("J", "Q", "K"):
            return 10
        return int(self.rank)

    @property
    def red(self):
        return self.suit in (Suit.HEARTS, Suit.DIAMONDS)


class Deck:
    def __init__(self, decks=4):
        self.cards = [Card(r, s) for _ in range(decks) for s in Suit for r in RANKS]
        random.shuffle(self.cards)

    def draw(self):
        if len(self.cards) < 20:
            self.__init__()
        return self.cards.pop()


def hand_value(hand):
    total = sum(c.value for c in hand)
    aces = sum(1 for c in hand if c.rank == "A")
    while total > 21 and aces:
        total -= 10
        aces -= 1
    return total


pygame.init()
screen = pygame.display.set_mode((WIDTH, HEIGHT))
pygame.display.set_caption("Blackjack")
clock = pygame.time.Clock()
card_font = pygame.font.SysFont("dejavusans", 26, bold=True)
ui_font = pygame.font.SysFont("dejavusans", 24)
big_font = pygame.font.SysFont("dejavusans", 44, bold=True)


def draw_card(card, x, y, hidden=False):
    rect = pygame.Rect(x, y, CARD_W, CARD_H)
    shadow = rect.move(4, 4)
    pygame.draw.rect(screen, (0, 60, 20), shadow, border_radius=8)
    if hidden:
        pygame.draw.rect(screen, (150, 30, 40), rect, border_radius=8)
        for i in range(0, CARD_W, 10):
            pygame.draw.line(screen, (190, 60, 70), (x + i, y), (x, y + i), 1)
        pygame.draw.rect(screen, (255, 255, 255), rect, 3, border_radius=8)
        return
    pygame.draw.rect(screen, (255, 255, 255), rect, border_radius=8)
    color = (200, 0, 0) if card.red else (0, 0, 0)
    label = card_font.render(f"{card.rank}{card.suit.value}", True, color)
    screen.blit(label, (x + 6, y + 4))
    pip = big_font.render(card.suit.value, True, color)
    screen.blit(pip, pip.get_rect(center=rect.center))


deck = Deck()
chips = 500
bet = 25
player, dealer = [], []
state = "betting"
message = "Press SPACE to deal"


def deal():
    global player, dealer, state, message, bet
    bet = 25
    player = [deck.draw(), deck.draw()]
    dealer = [deck.draw(), deck.draw()]
    state = "player"
    message = "H = hit, S = stand, D = double"
    if hand_value(player) == 21:
        finish()


def finish():
    global state, message, chips
    while hand_value(dealer) < 17:
        dealer.append(deck.draw())
    p, d = hand_value(player), hand_value(dealer)
    if p > 21:
        message, delta = "Bust! You lose.", -bet
    elif len(player) == 2 and p == 21 and not (len(dealer) == 2 and d == 21):
        message, delta = "Blackjack! 3:2 payout", int(bet * 1.5)
    elif d > 21 or p > d:
        message, delta = "You win!", bet
    elif p == d:
        message, delta = "Push.", 0
    else:
        message, delta = "Dealer wins.", -bet
    chips += delta
    state = "done"
    if chips <= 0:
        message += "  You're broke - chips reset to 500."
        chips = 500


while True:
    for event in pygame.event.get():
        if event.type == pygame.QUIT:
            pygame.quit()
            sys.exit()
        if event.type == pygame.KEYDOWN:
            if event.key == pygame.K_SPACE and state in ("betting", "done"):
                deal()
            elif state == "player":
                if event.key == pygame.K_h:
                    player.append(deck.draw())
                    if hand_value(player) >= 21:
                        finish()
                elif event.key == pygame.K_s:
                    finish()
                elif event.key == pygame.K_d and len(player) == 2 and chips >= bet * 2:
                    bet *= 2
                    player.append(deck.draw())
                    finish()

    screen.fill((20, 110, 50))
    pygame.draw.ellipse(screen, (25, 130, 60), (50, 40, WIDTH - 100, HEIGHT - 80), 6)
    screen.blit(ui_font.render("Dealer", True, (255, 255, 255)), (100, 60))
    for i, card in enumerate(dealer):
        draw_card(card, 100 + i * 95, 95, hidden=(i == 1 and state == "player"))
    if state != "player" and dealer:
        screen.blit(ui_font.render(str(hand_value(dealer)), True, (255, 255, 0)), (100 + len(dealer) * 95 + 10, 140))
    screen.blit(ui_font.render("You", True, (255, 255, 255)), (100, 320))
    for i, card in enumerate(player):
        draw_card(card, 100 + i * 95, 355)
    if player:
        screen.blit(ui_font.render(str(hand_value(player)), True, (255, 255, 0)), (100 + len(player) * 95 + 10, 400))
    screen.blit(ui_font.render(f"Chips: {chips}   Bet: {bet}", True, (255, 255, 255)), (WIDTH - 300, 60))
    msg = ui_font.render(message, True, (255, 255, 255))
    screen.blit(msg, msg.get_rect(center=(WIDTH // 2, HEIGHT - 60)))
    pygame.display.flip()
    clock.tick(30)

"""Memory Cards
Click two cards to turn them over. Matching pairs stay face up; others flip back
after a short delay (a pygame timer event). Find all 12 pairs in as few tries as possible.
"""
import random
import sys

import pygame

pygame.init()

COLS, ROWS = 6, 4
CARD_W, CARD_H = 90, 120
PAD = 14
WIDTH = COLS * (CARD_W + PAD) + PAD
HEIGHT = ROWS * (CARD_H + PAD) + PAD + 50
FLIP_BACK = pygame.USEREVENT + 1

screen = pygame.display.set_mode((WIDTH, HEIGHT))
pygame.display.set_caption("Memory Cards")
clock = pygame.time.Clock()
font = pygame.font.SysFont("comicsansms", 26)

SYMBOLS = ["circle", "square", "triangle", "diamond", "star", "cross"]
COLORS = [(220, 60, 60), (60, 140, 230)]


def draw_symbol(surface, symbol, color, rect):
    cx, cy = rect.center
    if symbol == "circle":
        pygame.draw.circle(surface, color, (cx, cy), 28)
    elif symbol == "square":
        pygame.draw.rect(surface, color, (cx - 25, cy - 25, 50, 50))
    elif symbol == "triangle":
        pygame.draw.polygon(surface, color, [(cx, cy - 30), (cx + 30, cy + 25), (cx - 30, cy + 25)])
    elif symbol == "diamond":
        pygame.draw.polygon(surface, color, [(cx, cy - 32), (cx + 24, cy), (cx, cy + 32), (cx - 24, cy)])
    elif symbol == "star":
        import math
        points = []
        for i in range(10):
            r = 30 if i % 2 == 0 else 12
            a = math.pi / 2 + i * math.pi / 5
            points.append((cx + r * math.cos(a), cy - r * math.sin(a)))
        pygame.draw.polygon(surface, color, points)
    elif symbol == "cross":
        pygame.draw.line(surface, color, (cx - 24, cy - 24), (cx + 24, cy + 24), 10)
        pygame.draw.line(surface, color, (cx + 24, cy - 24), (cx - 24, cy + 24), 10)


class Card:
    def __init__(self, face, rect):
        self.face = face
        self.rect = rect
        self.shown = False
        self.matched = False

    def draw(self, surface):
        if self.shown or self.matched:
            pygame.draw.rect(surface, (250, 250, 240), self.rect, border_radius=8)
            draw_symbol(surface, self.face[0], self.face[1], self.rect)
            if self.matched:
                pygame.draw.rect(surface, (80, 200, 80), self.rect, 4, border_radius=8)
        else:
            pygame.draw.rect(surface, (50, 70, 160), self.rect, border_radius=8)
            pygame.draw.rect(surface, (230, 230, 255), self.rect.inflate(-12, -12), 2, border_radius=6)


def deal():
    faces = [(s, c) for s in SYMBOLS for c in COLORS] * 2
    random.shuffle(faces)
    cards = []
    for i, face in enumerate(faces):
        row, col = divmod(i, COLS)
        rect = pygame.Rect(PAD + col * (CARD_W + PAD), 50 + PAD + row * (CARD_H + PAD), CARD_W, CARD_H)
        cards.append(Card(face, rect))
    return cards


cards = deal()
turned = []
tries = 0
waiting = False

while True:
    for event in pygame.event.get():
        if event.type == pygame.QUIT:
            pygame.quit()
            sys.exit()
        elif event.type == FLIP_BACK:
            for card in turned:
                card.shown = False
            turned = []
            waiting = False
            pygame.time.set_timer(FLIP_BACK, 0)
        elif event.type == pygame.KEYDOWN and event.key == pygame.K_r:
            cards, turned, tries, waiting = deal(), [], 0, False
        elif event.type == pygame.MOUSEBUTTONDOWN and event.button == 1 and not waiting:
            for card in cards:
                if card.rect.collidepoint(event.pos) and not card.shown and not card.matched:
                    card.shown = True
                    turned.append(card)
                    break
            if len(turned) == 2:
                tries += 1
                if turned[0].face == turned[1].face:
                    for card in turned:
                        card.matched = True
                    turned = []
                else:
                    waiting = True
                    pygame.time.set_timer(FLIP_BACK, 800)

    screen.fill((30, 110, 60))
    for card in cards:
        card.draw(screen)
    pairs = sum(card.matched for card in cards) // 2
    text = font.render(f"Pairs: {pairs}/12    Tries: {tries}    R = new deal", True, (255, 255, 255))
    screen.blit(text, (PAD, 10))
    if pairs == 12:
        win = font.render(f"All pairs found in {tries} tries!", True, (255, 255, 0))
        screen.blit(win, win.get_rect(center=(WIDTH // 2, HEIGHT // 2)))
    pygame.display.flip()
    clock.tick(60)

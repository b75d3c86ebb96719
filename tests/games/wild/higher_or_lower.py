"""Higher or Lower
Guess whether the next card is higher or lower than the current one.
Click the buttons or press Up (higher) / Down (lower). Build the longest streak!
"""
import random

import pygame

pygame.init()
WIDTH, HEIGHT = 700, 480
screen = pygame.display.set_mode((WIDTH, HEIGHT))
pygame.display.set_caption("Higher or Lower")
clock = pygame.time.Clock()
FONT = pygame.font.SysFont("arial", 28)
CARD_FONT = pygame.font.SysFont("arial", 60, bold=True)

RANK_NAMES = {1: "A", 11: "J", 12: "Q", 13: "K"}
SUITS = ["S", "H", "D", "C"]
SUIT_COLORS = {"S": (20, 20, 20), "C": (20, 20, 20), "H": (200, 20, 30), "D": (200, 20, 30)}


class Button:
    def __init__(self, text, rect, color):
        self.text = text
        self.rect = pygame.Rect(rect)
        self.color = color

    def draw(self, surface):
        hover = self.rect.collidepoint(pygame.mouse.get_pos())
        color = tuple(min(255, c + 30) for c in self.color) if hover else self.color
        pygame.draw.rect(surface, color, self.rect, border_radius=12)
        label = FONT.render(self.text, True, (255, 255, 255))
        surface.blit(label, label.get_rect(center=self.rect.center))

    def clicked(self, event):
        return event.type == pygame.MOUSEBUTTONDOWN and event.button == 1 and self.rect.collidepoint(event.pos)


def new_deck():
    deck = [(rank, suit) for rank in range(1, 14) for suit in SUITS]
    random.shuffle(deck)
    return deck


def card_surface(card):
    rank, suit = card
    surf = pygame.Surface((150, 210), pygame.SRCALPHA)
    pygame.draw.rect(surf, (255, 255, 255), surf.get_rect(), border_radius=14)
    pygame.draw.rect(surf, (0, 0, 0), surf.get_rect(), 2, border_radius=14)
    text = CARD_FONT.render(RANK_NAMES.get(rank, str(rank)), True, SUIT_COLORS[suit])
    surf.blit(text, text.get_rect(center=(75, 90)))
    small = FONT.render(suit, True, SUIT_COLORS[suit])
    surf.blit(small, (10, 6))
    surf.blit(pygame.transform.rotate(small, 180), (140 - small.get_width(), 204 - small.get_height()))
    return surf


higher_btn = Button("Higher", (480, 150, 160, 60), (40, 150, 70))
lower_btn = Button("Lower", (480, 240, 160, 60), (170, 50, 50))
deck = new_deck()
current = deck.pop()
previous = None
streak = 0
best = 0
feedback = ""
feedback_color = (255, 255, 255)
slide_x = float(WIDTH)

running = True
while running:
    guess = None
    for event in pygame.event.get():
        if event.type == pygame.QUIT:
            running = False
        if higher_btn.clicked(event):
            guess = "higher"
        elif lower_btn.clicked(event):
            guess = "lower"
        elif event.type == pygame.KEYDOWN:
            if event.key == pygame.K_UP:
                guess = "higher"
            elif event.key == pygame.K_DOWN:
                guess = "lower"

    if guess and slide_x <= 230:
        if len(deck) < 1:
            deck = new_deck()
        nxt = deck.pop()
        if nxt[0] == current[0]:
            feedback, feedback_color = "Same rank - free pass!", (230, 230, 100)
        elif (nxt[0] > current[0]) == (guess == "higher"):
            streak += 1
            best = max(best, streak)
            feedback, feedback_color = "Correct!", (120, 255, 120)
        else:
            feedback, feedback_color = f"Wrong! Streak was {streak}", (255, 120, 120)
            streak = 0
        previous, current = current, nxt
        slide_x = float(WIDTH)

    slide_x = max(230.0, slide_x - (slide_x - 230) * 0.2 - 1)

    screen.fill((15, 80, 90))
    if previous:
        faded = card_surface(previous)
        faded.set_alpha(120)
        screen.blit(pygame.transform.rotozoom(faded, 8, 0.8), (40, 140))
    screen.blit(card_surface(current), (slide_x, 120))
    higher_btn.draw(screen)
    lower_btn.draw(screen)
    screen.blit(FONT.render(f"Streak: {streak}   Best: {best}   Cards left: {len(deck)}", True, (255, 255, 255)), (20, 20))
    fb = FONT.render(feedback, True, feedback_color)
    screen.blit(fb, fb.get_rect(center=(WIDTH // 2, HEIGHT - 50)))
    pygame.display.flip()
    clock.tick(60)

pygame.quit()

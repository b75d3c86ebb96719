"""Hangman
Guess the hidden word one letter at a time by typing, or by clicking the letter buttons.
Six wrong guesses and the man is hanged. Press Enter for a new word.
"""
import random
import string

import pygame

WORD_LIST = {
    "Animals": ["elephant", "giraffe", "penguin", "kangaroo", "dolphin", "squirrel"],
    "Countries": ["portugal", "mongolia", "argentina", "norway", "kenya", "vietnam"],
    "Food": ["spaghetti", "pancake", "avocado", "burrito", "croissant", "dumpling"],
}

WIDTH, HEIGHT = 820, 560
WHITE, BLACK, GREY, RED, GREEN = (255, 255, 255), (20, 20, 20), (170, 170, 170), (210, 40, 40), (40, 160, 60)

pygame.init()
screen = pygame.display.set_mode((WIDTH, HEIGHT))
pygame.display.set_caption("Hangman")
clock = pygame.time.Clock()
LETTER_FONT = pygame.font.SysFont("comicsans", 26)
WORD_FONT = pygame.font.SysFont("comicsans", 52)
TITLE_FONT = pygame.font.SysFont("comicsans", 36)

buttons = []
for i, letter in enumerate(string.ascii_uppercase):
    x = 40 + (i % 13) * 58
    y = 420 + (i // 13) * 60
    buttons.append([x, y, letter, True])


def new_round():
    category = random.choice(list(WORD_LIST))
    word = random.choice(WORD_LIST[category]).upper()
    for b in buttons:
        b[3] = True
    return category, word, set(), 0


def draw_gallows(mistakes):
    pygame.draw.line(screen, BLACK, (60, 360), (220, 360), 6)
    pygame.draw.line(screen, BLACK, (100, 360), (100, 60), 6)
    pygame.draw.line(screen, BLACK, (100, 60), (210, 60), 6)
    pygame.draw.line(screen, BLACK, (210, 60), (210, 100), 4)
    if mistakes > 0:
        pygame.draw.circle(screen, BLACK, (210, 125), 25, 3)
    if mistakes > 1:
        pygame.draw.line(screen, BLACK, (210, 150), (210, 250), 3)
    if mistakes > 2:
        pygame.draw.line(screen, BLACK, (210, 175), (175, 215), 3)
    if mistakes > 3:
        pygame.draw.line(screen, BLACK, (210, 175), (245, 215), 3)
    if mistakes > 4:
        pygame.draw.line(screen, BLACK, (210, 250), (180, 310), 3)
    if mistakes > 5:
        pygame.draw.line(screen, BLACK, (210, 250), (240, 310), 3)


def guess(letter):
    global mistakes
    if letter in guessed:
        return
    guessed.add(letter)
    for b in buttons:
        if b[2] == letter:
            b[3] = False
    if letter not in word:
        mistakes += 1


category, word, guessed, mistakes = new_round()
wins = losses = 0
run = True
while run:
    won = all(ch in guessed for ch in word)
    lost = mistakes >= 6
    for event in pygame.event.get():
        if event.type == pygame.QUIT:
            run = False
        if event.type == pygame.KEYDOWN:
            if event.key == pygame.K_RETURN and (won or lost):
                if won:
                    wins += 1
                else:
                    losses += 1
                category, word, guessed, mistakes = new_round()
            elif not (won or lost) and event.unicode and event.unicode.upper() in string.ascii_uppercase:
                guess(event.unicode.upper())
        if event.type == pygame.MOUSEBUTTONDOWN and not (won or lost):
            mx, my = event.pos
            for x, y, letter, visible in buttons:
                if visible and (mx - x - 20) ** 2 + (my - y - 20) ** 2 < 20 ** 2:
                    guess(letter)

    screen.fill(WHITE)
    draw_gallows(mistakes)
    shown = " ".join(ch if ch in guessed or lost else "_" for ch in word)
    screen.blit(WORD_FONT.render(shown, True, RED if lost else BLACK), (300, 200))
    screen.blit(TITLE_FONT.render(f"Category: {category}", True, GREY), (300, 80))
    screen.blit(LETTER_FONT.render(f"Wins {wins}  Losses {losses}", True, GREY), (600, 20))
    for x, y, letter, visible in buttons:
        if visible:
            pygame.draw.circle(screen, BLACK, (x + 20, y + 20), 20, 3)
            text = LETTER_FONT.render(letter, True, BLACK)
            screen.blit(text, text.get_rect(center=(x + 20, y + 20)))
    if won or lost:
        msg = "You won! Enter for another word" if won else "You lost! Enter to try again"
        screen.blit(TITLE_FONT.render(msg, True, GREEN if won else RED), (300, 300))
    pygame.display.update()
    clock.tick(30)

pygame.quit()

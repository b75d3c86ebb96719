"""Hangman
Type letters to guess the hidden word. Six wrong guesses and you hang. Enter starts a new word, Esc quits.
"""
import random
import sys

import pygame

WORDS = ["pygame", "sandbox", "keyboard", "asteroid", "platform", "pixel", "joystick", "dungeon", "wizard"]
WIDTH, HEIGHT = 640, 480


def new_round():
    return random.choice(WORDS), set(), 0


def draw_gallows(surface, wrong):
    c = (60, 40, 20)
    pygame.draw.line(surface, c, (60, 400), (220, 400), 6)
    pygame.draw.line(surface, c, (100, 400), (100, 80), 6)
    pygame.draw.line(surface, c, (100, 80), (200, 80), 6)
    pygame.draw.line(surface, c, (200, 80), (200, 120), 3)
    body = (20, 20, 20)
    if wrong > 0:
        pygame.draw.circle(surface, body, (200, 145), 25, 3)
    if wrong > 1:
        pygame.draw.line(surface, body, (200, 170), (200, 260), 3)
    if wrong > 2:
        pygame.draw.line(surface, body, (200, 190), (165, 230), 3)
    if wrong > 3:
        pygame.draw.line(surface, body, (200, 190), (235, 230), 3)
    if wrong > 4:
        pygame.draw.line(surface, body, (200, 260), (170, 320), 3)
    if wrong > 5:
        pygame.draw.line(surface, body, (200, 260), (230, 320), 3)


def main():
    pygame.init()
    screen = pygame.display.set_mode((WIDTH, HEIGHT))
    pygame.display.set_caption("Hangman")
    clock = pygame.time.Clock()
    big = pygame.font.Font(None, 64)
    small = pygame.font.SysFont("arial", 24)
    word, guessed, wrong = new_round()
    record = {"won": 0, "lost": 0}
    finished = False
    while True:
        for event in pygame.event.get():
            if event.type == pygame.QUIT:
                pygame.quit()
                sys.exit()
            if event.type == pygame.KEYDOWN:
                if event.key == pygame.K_ESCAPE:
                    pygame.quit()
                    sys.exit()
                if event.key == pygame.K_RETURN:
                    word, guessed, wrong = new_round()
                    finished = False
                elif not finished and event.unicode and event.unicode.isalpha():
                    letter = event.unicode.lower()
                    if letter not in guessed:
                        guessed.add(letter)
                        if letter not in word:
                            wrong += 1
        won = all(ch in guessed for ch in word)
        lost = wrong >= 6
        if (won or lost) and not finished:
            finished = True
            record["won" if won else "lost"] += 1
        screen.fill((245, 240, 220))
        draw_gallows(screen, wrong)
        shown = " ".join(ch if ch in guessed or lost else "_" for ch in word)
        screen.blit(big.render(shown, True, (30, 30, 30)), (280, 200))
        misses = " ".join(sorted(g for g in guessed if g not in word))
        screen.blit(small.render(f"Misses: {misses}", True, (160, 30, 30)), (280, 280))
        screen.blit(small.render("Won {won} / Lost {lost}".format(**record), True, (30, 30, 90)), (280, 40))
        if finished:
            msg = "You win!" if won else "Hanged!"
            screen.blit(small.render(msg + " Press Enter", True, (0, 120, 0) if won else (160, 0, 0)), (280, 330))
        pygame.display.flip()
        clock.tick(30)


if __name__ == "__main__":
    main()

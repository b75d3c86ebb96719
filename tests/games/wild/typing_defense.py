"""Typing Defense
Words fall toward your city. Type a word to destroy it; Backspace corrects, Enter clears.
Missed words damage the city. Levels get faster. Press Enter on the title screen to begin.
"""
import random
import string
import sys

import pygame

WIDTH, HEIGHT = 900, 650
WORDS = """apple river planet rocket castle dragon laser python window garden silver
thunder marble pencil guitar jungle frozen mirror shadow copper violet engine falcon
harbor island lantern meadow nickel orange puzzle quartz rabbit saddle tunnel velvet
wizard yellow zipper anchor bridge candle dinner forest galaxy hammer insect jacket""".split()

pygame.init()
screen = pygame.display.set_mode((WIDTH, HEIGHT))
pygame.display.set_caption("Typing Defense")
clock = pygame.time.Clock()
word_font = pygame.font.SysFont("couriernew", 28, bold=True)
ui_font = pygame.font.SysFont("couriernew", 22)
title_font = pygame.font.SysFont("couriernew", 60, bold=True)


class FallingWord:
    def __init__(self, text, speed):
        self.text = text
        self.x = random.randint(20, WIDTH - 20 - len(text) * 17)
        self.y = -30.0
        self.speed = speed

    def draw(self, surf, typed):
        matched = len(typed) if self.text.startswith(typed) and typed else 0
        done = word_font.render(self.text[:matched], True, (255, 220, 60))
        rest = word_font.render(self.text[matched:], True, (230, 230, 230))
        surf.blit(done, (self.x, self.y))
        surf.blit(rest, (self.x + done.get_width(), self.y))


def new_game():
    return {"words": [], "typed": "", "score": 0, "health": 100, "level": 1, "spawn": 0, "destroyed": 0, "explosions": []}


game = new_game()
state = "title"

while True:
    dt = clock.tick(60) / 1000
    for event in pygame.event.get():
        if event.type == pygame.QUIT:
            pygame.quit()
            sys.exit()
        if event.type == pygame.KEYDOWN:
            if state in ("title", "over"):
                if event.key == pygame.K_RETURN:
                    game = new_game()
                    state = "play"
                continue
            if event.key == pygame.K_BACKSPACE:
                game["typed"] = game["typed"][:-1]
            elif event.key in (pygame.K_RETURN, pygame.K_ESCAPE):
                game["typed"] = ""
            elif event.unicode and event.unicode.lower() in string.ascii_lowercase:
                game["typed"] += event.unicode.lower()
                for word in game["words"]:
                    if word.text == game["typed"]:
                        game["words"].remove(word)
                        game["explosions"].append([word.x + len(word.text) * 8, word.y + 14, 0])
                        game["score"] += len(word.text) * 10 * game["level"]
                        game["destroyed"] += 1
                        game["typed"] = ""
                        if game["destroyed"] % 10 == 0:
                            game["level"] += 1
                        break
                else:
                    if not any(w.text.startswith(game["typed"]) for w in game["words"]):
                        game["typed"] = game["typed"][-1:] if any(w.text.startswith(game["typed"][-1:]) for w in game["words"]) else ""

    screen.fill((15, 15, 35))
    if state == "title":
        title = title_font.render("TYPING DEFENSE", True, (120, 220, 255))
        screen.blit(title, title.get_rect(center=(WIDTH // 2, HEIGHT // 3)))
        hint = ui_font.render("Type the falling words before they land. Press ENTER.", True, (220, 220, 220))
        screen.blit(hint, hint.get_rect(center=(WIDTH // 2, HEIGHT // 2)))
    else:
        if state == "play":
            game["spawn"] -= dt
            if game["spawn"] <= 0:
                game["words"].append(FallingWord(random.choice(WORDS), 30 + game["level"] * 12))
                game["spawn"] = max(0.6, 2.5 - game["level"] * 0.2)
            for word in game["words"][:]:
                word.y += word.speed * dt
                if word.y > HEIGHT - 80:
                    game["words"].remove(word)
                    game["health"] -= 10
            if game["health"] <= 0:
                state = "over"
        for x in range(0, WIDTH, 60):
            h = 30 + (x * 7) % 40
            pygame.draw.rect(screen, (60, 60, 90), (x, HEIGHT - 50 - h, 50, h + 50))
        pygame.draw.rect(screen, (200, 50, 50), (10, HEIGHT - 20, (WIDTH - 20) * max(0, game["health"]) / 100, 10))
        for word in game["words"]:
            word.draw(screen, game["typed"])
        for e in game["explosions"]:
            e[2] += 1
            pygame.draw.circle(screen, (255, 160, 40), (int(e[0]), int(e[1])), e[2] * 3, 2)
        game["explosions"] = [e for e in game["explosions"] if e[2] < 15]
        screen.blit(ui_font.render(f"> {game['typed']}_", True, (255, 255, 255)), (20, HEIGHT - 110))
        screen.blit(ui_font.render(f"Score {game['score']}  Level {game['level']}", True, (200, 200, 255)), (20, 14))
        if state == "over":
            over = title_font.render("CITY LOST", True, (255, 80, 80))
            screen.blit(over, over.get_rect(center=(WIDTH // 2, HEIGHT // 2)))
            again = ui_font.render("ENTER to defend again", True, (220, 220, 220))
            screen.blit(again, again.get_rect(center=(WIDTH // 2, HEIGHT // 2 + 60)))
    pygame.display.flip()

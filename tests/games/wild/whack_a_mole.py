"""Whack-a-Mole
Click the moles as they pop out of their holes. Golden moles are worth 5 points,
don't hit the bombs! Each round lasts 30 seconds. The mouse cursor is a hammer.
"""
import json
import random
import sys

import pygame

WIDTH, HEIGHT = 720, 560
ROUND_MS = 30_000
SCORE_FILE = "whack_scores.json"

pygame.init()
screen = pygame.display.set_mode((WIDTH, HEIGHT))
pygame.display.set_caption("Whack-a-Mole")
clock = pygame.time.Clock()
font = pygame.font.SysFont("arial", 28, bold=True)
big = pygame.font.SysFont("arial", 56, bold=True)
pygame.mouse.set_visible(False)

POP_EVENT = pygame.USEREVENT + 1
pygame.time.set_timer(POP_EVENT, 650)

HOLES = [(150 + c * 210, 170 + r * 150) for r in range(3) for c in range(3)]

hammer = pygame.Surface((60, 60), pygame.SRCALPHA)
pygame.draw.rect(hammer, (140, 90, 40), (26, 20, 8, 40))
pygame.draw.rect(hammer, (120, 120, 130), (8, 4, 44, 22), border_radius=4)


def load_best():
    try:
        with open(SCORE_FILE) as f:
            return json.load(f)["best"]
    except:
        return 0


class Mole:
    def __init__(self, hole):
        self.hole = hole
        self.kind = random.choices(["mole", "gold", "bomb"], [75, 10, 15])[0]
        self.height = 0
        self.state = "rising"
        self.stay = random.randint(40, 80)
        self.hit = False

    def update(self):
        if self.state == "rising":
            self.height += 6
            if self.height >= 60:
                self.state = "up"
        elif self.state == "up":
            self.stay -= 1
            if self.stay <= 0:
                self.state = "sinking"
        elif self.state == "sinking":
            self.height -= 8
        return self.height > 0 or self.state == "rising"

    def rect(self):
        x, y = self.hole
        return pygame.Rect(x - 35, y - self.height, 70, self.height)

    def draw(self, surf):
        r = self.rect()
        if r.height <= 0:
            return
        clip = surf.get_clip()
        surf.set_clip(pygame.Rect(r.x - 5, self.hole[1] - 80, r.width + 10, 80))
        if self.kind == "bomb":
            pygame.draw.circle(surf, (30, 30, 30), (r.centerx, r.top + 32), 30)
            pygame.draw.line(surf, (200, 150, 60), (r.centerx, r.top + 2), (r.centerx + 10, r.top - 8), 3)
        else:
            color = (230, 190, 40) if self.kind == "gold" else (120, 80, 50)
            pygame.draw.ellipse(surf, color, (r.x, r.top, r.width, 90))
            eye = (0, 0, 0) if not self.hit else (255, 0, 0)
            pygame.draw.circle(surf, eye, (r.centerx - 12, r.top + 24), 5)
            pygame.draw.circle(surf, eye, (r.centerx + 12, r.top + 24), 5)
            pygame.draw.ellipse(surf, (240, 150, 150), (r.centerx - 8, r.top + 34, 16, 10))
        surf.set_clip(clip)


best = load_best()
moles = []
score = 0
round_start = pygame.time.get_ticks()
swing = 0
playing = True

while True:
    now = pygame.time.get_ticks()
    for event in pygame.event.get():
        if event.type == pygame.QUIT:
            pygame.quit()
            sys.exit()
        if event.type == POP_EVENT and playing:
            free = [h for h in HOLES if all(m.hole != h for m in moles)]
            if free:
                moles.append(Mole(random.choice(free)))
        if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            swing = 8
            if playing:
                for mole in moles:
                    if not mole.hit and mole.rect().collidepoint(event.pos):
                        mole.hit = True
                        mole.state = "sinking"
                        score += {"mole": 1, "gold": 5, "bomb": -5}[mole.kind]
                        break
            elif now - round_start > ROUND_MS + 1500:
                score, moles, round_start, playing = 0, [], now, True

    if playing and now - round_start > ROUND_MS:
        playing = False
        if score > best:
            best = score
            try:
                with open(SCORE_FILE, "w") as f:
                    json.dump({"best": best}, f)
            except OSError:
                pass

    moles = [m for m in moles if m.update()]
    swing = max(0, swing - 1)

    screen.fill((110, 190, 90))
    for x, y in HOLES:
        pygame.draw.ellipse(screen, (60, 40, 25), (x - 50, y - 18, 100, 36))
    for mole in moles:
        mole.draw(screen)
    for x, y in HOLES:
        pygame.draw.ellipse(screen, (90, 160, 70), (x - 55, y, 110, 30))
    time_left = max(0, ROUND_MS - (now - round_start)) // 1000
    screen.blit(font.render(f"Score {score}   Best {best}   Time {time_left}", True, (255, 255, 255)), (20, 16))
    if not playing:
        t = big.render("TIME'S UP!", True, (255, 255, 255))
        screen.blit(t, t.get_rect(center=(WIDTH // 2, HEIGHT // 2 - 20)))
        t = font.render("Click to play again", True, (255, 255, 255))
        screen.blit(t, t.get_rect(center=(WIDTH // 2, HEIGHT // 2 + 30)))
    mx, my = pygame.mouse.get_pos()
    cursor = pygame.transform.rotate(hammer, 40 if swing else 0)
    screen.blit(cursor, cursor.get_rect(center=(mx, my)))
    pygame.display.flip()
    clock.tick(60)

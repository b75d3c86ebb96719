"""Whack-a-Mole
Click the moles as they pop out of their holes. You have 30 seconds. Space restarts when time is up.
"""
import random
import sys

import pygame

WIDTH, HEIGHT = 640, 480
HOLES = [(140 + (i % 3) * 180, 150 + (i // 3) * 140) for i in range(6)]
GAME_SECONDS = 30

pygame.init()
try:
    pygame.mixer.init()
except pygame.error:
    pass
screen = pygame.display.set_mode((WIDTH, HEIGHT))
pygame.display.set_caption("Whack-a-Mole")
clock = pygame.time.Clock()
font = pygame.font.SysFont("arial", 24)
big = pygame.font.Font(None, 64)

mole = None
mole_until = 0
score = 0
misses = 0
start_ticks = pygame.time.get_ticks()
game_over = False


def pop_mole(now):
    global mole, mole_until
    mole = random.randrange(len(HOLES))
    mole_until = now + random.randint(500, 1100)


while True:
    now = pygame.time.get_ticks()
    remaining = GAME_SECONDS - (now - start_ticks) / 1000
    for event in pygame.event.get():
        if event.type == pygame.QUIT:
            pygame.quit()
            sys.exit()
        if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1 and not game_over:
            if mole is not None:
                hx, hy = HOLES[mole]
                if (event.pos[0] - hx) ** 2 + (event.pos[1] - hy + 20) ** 2 <= 40 ** 2:
                    score += 1
                    mole = None
                    continue
            misses += 1
        if event.type == pygame.KEYDOWN and event.key == pygame.K_SPACE and game_over:
            score = misses = 0
            start_ticks = now
            game_over = False
    if remaining <= 0:
        game_over = True
        mole = None
    elif mole is None or now > mole_until:
        pop_mole(now)

    screen.fill((110, 180, 90))
    for i, (hx, hy) in enumerate(HOLES):
        pygame.draw.ellipse(screen, (60, 40, 20), (hx - 55, hy - 15, 110, 40))
        if i == mole:
            pygame.draw.circle(screen, (140, 90, 50), (hx, hy - 20), 38)
            pygame.draw.circle(screen, (0, 0, 0), (hx - 12, hy - 30), 5)
            pygame.draw.circle(screen, (0, 0, 0), (hx + 12, hy - 30), 5)
            pygame.draw.ellipse(screen, (230, 120, 130), (hx - 8, hy - 18, 16, 10))
    mx, my = pygame.mouse.get_pos()
    pygame.draw.rect(screen, (120, 80, 40), (mx - 6, my - 30, 12, 30))
    pygame.draw.rect(screen, (90, 90, 90), (mx - 22, my - 44, 44, 18))
    screen.blit(font.render(f"Score: {score}  Misses: {misses}  Time: {max(0, remaining):.0f}", True, (0, 0, 0)), (10, 10))
    if game_over:
        text = big.render("Time! Space to replay", True, (255, 255, 255))
        screen.blit(text, text.get_rect(center=(WIDTH // 2, HEIGHT // 2)))
    pygame.display.update()
    clock.tick(60)

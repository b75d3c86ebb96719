"""Rock Dodge Deluxe
A spinning title screen (Enter or Space skips it), a short "get ready" pause, then dodge
the falling rocks: Left/Right move, Esc quits.
"""
import math
import random
import sys

import pygame

pygame.init()
WIDTH, HEIGHT = 800, 600
screen = pygame.display.set_mode((WIDTH, HEIGHT))
pygame.display.set_caption("Rock Dodge Deluxe")
clock = pygame.time.Clock()

title_font = pygame.font.Font(None, 150)
subtitle_font = pygame.font.SysFont("arial", 90, bold=True)
small_font = pygame.font.SysFont(None, 32)


def quit_game():
    pygame.quit()
    sys.exit()


def title_screen():
    """Two large titles turn and pulse every frame, at 15 frames a second."""
    angle = 0
    for _ in range(40):
        for event in pygame.event.get():
            if event.type == pygame.QUIT:
                quit_game()
            if event.type == pygame.KEYDOWN and event.key in (pygame.K_RETURN, pygame.K_SPACE):
                return
        angle = (angle + 4) % 360
        screen.fill((10, 10, 40))
        title = title_font.render("ROCK DODGE", True, (255, 220, 60))
        title = pygame.transform.rotozoom(title, 8 * math.sin(math.radians(angle)), 1 + 0.15 * math.sin(math.radians(2 * angle)))
        subtitle = subtitle_font.render("DELUXE", True, (120, 200, 255))
        subtitle = pygame.transform.rotate(subtitle, -angle)
        screen.blit(title, title.get_rect(center=(WIDTH // 2, HEIGHT // 3)))
        screen.blit(subtitle, subtitle.get_rect(center=(WIDTH // 2, 2 * HEIGHT // 3)))
        screen.blit(small_font.render("Enter to start", True, (200, 200, 200)), (10, HEIGHT - 40))
        pygame.display.flip()
        clock.tick(15)


def get_ready():
    """Shown once, then the script polls events until a key or 1.5 s have passed."""
    screen.fill((0, 0, 0))
    text = title_font.render("GET READY", True, (255, 255, 255))
    screen.blit(text, text.get_rect(center=(WIDTH // 2, HEIGHT // 2)))
    pygame.display.flip()
    start = pygame.time.get_ticks()
    while pygame.time.get_ticks() - start < 1500:
        for event in pygame.event.get():
            if event.type == pygame.QUIT:
                quit_game()
            if event.type == pygame.KEYDOWN:
                return


def play():
    x = WIDTH // 2
    rocks = []
    score = 0
    while True:
        for event in pygame.event.get():
            if event.type == pygame.QUIT:
                return score
            if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
                return score
        keys = pygame.key.get_pressed()
        x = max(20, min(WIDTH - 20, x + (keys[pygame.K_RIGHT] - keys[pygame.K_LEFT]) * 6))
        if random.random() < 0.08:
            rocks.append([random.randrange(20, WIDTH - 20), -20, random.uniform(3, 7)])
        for rock in rocks:
            rock[1] += rock[2]
        hit = any(abs(rock[0] - x) < 30 and abs(rock[1] - (HEIGHT - 45)) < 25 for rock in rocks)
        if hit:
            rocks.clear()
            score = 0
        score += len([rock for rock in rocks if rock[1] > HEIGHT])
        rocks = [rock for rock in rocks if rock[1] <= HEIGHT]
        screen.fill((0, 0, 20))
        for rock in rocks:
            pygame.draw.circle(screen, (150, 120, 90), (int(rock[0]), int(rock[1])), 18)
        pygame.draw.polygon(screen, (255, 255, 255), [(x, HEIGHT - 60), (x - 18, HEIGHT - 30), (x + 18, HEIGHT - 30)])
        screen.blit(small_font.render(f"Score {score}", True, (255, 255, 0)), (10, 10))
        pygame.display.flip()
        clock.tick(60)


title_screen()
get_ready()
final = play()
print("final score", final)
pygame.quit()

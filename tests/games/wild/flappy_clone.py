"""Flappy Clone
Press Space (or click) to flap through the gaps between the pipes.
The bird tilts with its speed. Best score is remembered while the game runs.
"""
import random
import sys

import pygame

pygame.init()

SCREEN_WIDTH = 288
SCREEN_HEIGHT = 512
GROUND_HEIGHT = 80
PIPE_GAP = 120
PIPE_WIDTH = 52
GRAVITY = 0.25
FLAP = -6.5

screen = pygame.display.set_mode((SCREEN_WIDTH, SCREEN_HEIGHT))
pygame.display.set_caption("Flappy Clone")
clock = pygame.time.Clock()
font = pygame.font.Font(None, 48)
small = pygame.font.Font(None, 24)

SPAWNPIPE = pygame.USEREVENT
pygame.time.set_timer(SPAWNPIPE, 1400)

bird_surface = pygame.Surface((34, 24), pygame.SRCALPHA)
pygame.draw.ellipse(bird_surface, (255, 220, 0), (0, 0, 34, 24))
pygame.draw.circle(bird_surface, (255, 255, 255), (24, 8), 6)
pygame.draw.circle(bird_surface, (0, 0, 0), (26, 8), 3)
pygame.draw.polygon(bird_surface, (255, 120, 0), [(30, 12), (40, 15), (30, 18)])
bird_surface = bird_surface.convert_alpha()

bg_surface = pygame.Surface((SCREEN_WIDTH, SCREEN_HEIGHT))
bg_surface.fill((112, 197, 206))
for i in range(6):
    pygame.draw.circle(bg_surface, (230, 245, 245), (i * 60 + 20, SCREEN_HEIGHT - GROUND_HEIGHT - 20), 40)


def create_pipe():
    gap_y = random.randint(120, SCREEN_HEIGHT - GROUND_HEIGHT - 60)
    bottom = pygame.Rect(SCREEN_WIDTH + 10, gap_y, PIPE_WIDTH, SCREEN_HEIGHT)
    top = pygame.Rect(SCREEN_WIDTH + 10, gap_y - PIPE_GAP - SCREEN_HEIGHT, PIPE_WIDTH, SCREEN_HEIGHT)
    return [bottom, top, False]


def draw_pipes(pipes):
    for bottom, top, _ in pipes:
        for rect in (bottom, top):
            pygame.draw.rect(screen, (115, 190, 45), rect)
            pygame.draw.rect(screen, (80, 130, 30), rect, 3)
        pygame.draw.rect(screen, (115, 190, 45), (bottom.x - 4, bottom.y, PIPE_WIDTH + 8, 24))
        pygame.draw.rect(screen, (115, 190, 45), (top.x - 4, top.bottom - 24, PIPE_WIDTH + 8, 24))


def check_collision(bird_rect, pipes):
    for bottom, top, _ in pipes:
        if bird_rect.colliderect(bottom) or bird_rect.colliderect(top):
            return False
    if bird_rect.top <= -50 or bird_rect.bottom >= SCREEN_HEIGHT - GROUND_HEIGHT:
        return False
    return True


game_active = False
bird_movement = 0
bird_rect = bird_surface.get_rect(center=(70, SCREEN_HEIGHT // 2))
pipes = []
score = 0
high_score = 0
floor_x = 0

while True:
    for event in pygame.event.get():
        if event.type == pygame.QUIT:
            pygame.quit()
            sys.exit()
        if (event.type == pygame.KEYDOWN and event.key == pygame.K_SPACE) or event.type == pygame.MOUSEBUTTONDOWN:
            if game_active:
                bird_movement = FLAP
            else:
                game_active = True
                pipes.clear()
                bird_rect.center = (70, SCREEN_HEIGHT // 2)
                bird_movement = 0
                score = 0
        if event.type == SPAWNPIPE and game_active:
            pipes.append(create_pipe())

    screen.blit(bg_surface, (0, 0))

    if game_active:
        bird_movement += GRAVITY
        bird_rect.centery += bird_movement
        rotated_bird = pygame.transform.rotozoom(bird_surface, -bird_movement * 3, 1)
        screen.blit(rotated_bird, rotated_bird.get_rect(center=bird_rect.center))
        game_active = check_collision(bird_rect, pipes)

        for pipe in pipes:
            pipe[0].x -= 3
            pipe[1].x -= 3
            if not pipe[2] and pipe[0].right < bird_rect.left:
                pipe[2] = True
                score += 1
        pipes = [p for p in pipes if p[0].right > -10]
        draw_pipes(pipes)
        high_score = max(score, high_score)
        score_surface = font.render(str(score), True, (255, 255, 255))
        screen.blit(score_surface, score_surface.get_rect(center=(SCREEN_WIDTH // 2, 60)))
    else:
        draw_pipes(pipes)
        screen.blit(bird_surface, bird_rect)
        title = font.render("Flappy", True, (255, 255, 255))
        screen.blit(title, title.get_rect(center=(SCREEN_WIDTH // 2, 120)))
        hint = small.render("Space / click to flap", True, (255, 255, 255))
        screen.blit(hint, hint.get_rect(center=(SCREEN_WIDTH // 2, 170)))
        hs = small.render(f"Score: {score}  High score: {high_score}", True, (255, 255, 255))
        screen.blit(hs, hs.get_rect(center=(SCREEN_WIDTH // 2, 360)))

    floor_x -= 1 if game_active else 0
    if floor_x <= -48:
        floor_x = 0
    pygame.draw.rect(screen, (222, 216, 149), (0, SCREEN_HEIGHT - GROUND_HEIGHT, SCREEN_WIDTH, GROUND_HEIGHT))
    for x in range(floor_x, SCREEN_WIDTH, 48):
        pygame.draw.line(screen, (200, 190, 120), (x, SCREEN_HEIGHT - GROUND_HEIGHT + 10), (x + 24, SCREEN_HEIGHT - 10), 3)
    pygame.display.update()
    clock.tick(120)

"""Block Dodger
Use the left and right arrow keys to dodge the falling blocks.
The blocks fall faster as your score goes up. One hit and the game is over.
"""
import random
import sys
import time

import pygame

# Initialize pygame
pygame.init()

# Screen dimensions
WIDTH = 600
HEIGHT = 700

# Colors
WHITE = (255, 255, 255)
BLACK = (0, 0, 0)
RED = (255, 0, 0)
BLUE = (0, 100, 255)

# Player settings
player_size = 50
player_pos = [WIDTH // 2, HEIGHT - 2 * player_size]
player_speed = 10

# Enemy settings
enemy_size = 50
enemy_list = []
enemy_speed = 10
max_enemies = 10

screen = pygame.display.set_mode((WIDTH, HEIGHT))
pygame.display.set_caption("Block Dodger")
clock = pygame.time.Clock()
score = 0
font = pygame.font.SysFont("monospace", 35)


def drop_enemies(enemy_list):
    delay = random.random()
    if len(enemy_list) < max_enemies and delay < 0.1:
        x_pos = random.randint(0, WIDTH - enemy_size)
        y_pos = 0
        enemy_list.append([x_pos, y_pos])


def draw_enemies(enemy_list):
    for enemy_pos in enemy_list:
        pygame.draw.rect(screen, RED, (enemy_pos[0], enemy_pos[1], enemy_size, enemy_size))


def update_enemy_positions(enemy_list, score):
    for idx, enemy_pos in enumerate(enemy_list[:]):
        if enemy_pos[1] >= 0 and enemy_pos[1] < HEIGHT:
            enemy_pos[1] += enemy_speed
        else:
            enemy_list.remove(enemy_pos)
            score += 1
    return score


def set_level(score, enemy_speed):
    if score < 20:
        enemy_speed = 5
    elif score < 40:
        enemy_speed = 8
    elif score < 60:
        enemy_speed = 12
    else:
        enemy_speed = 15
    return enemy_speed


def detect_collision(player_pos, enemy_pos):
    p_x, p_y = player_pos
    e_x, e_y = enemy_pos
    if (e_x >= p_x and e_x < (p_x + player_size)) or (p_x >= e_x and p_x < (e_x + enemy_size)):
        if (e_y >= p_y and e_y < (p_y + player_size)) or (p_y >= e_y and p_y < (e_y + enemy_size)):
            return True
    return False


def collision_check(enemy_list, player_pos):
    for enemy_pos in enemy_list:
        if detect_collision(enemy_pos, player_pos):
            return True
    return False


game_over = False

while not game_over:
    for event in pygame.event.get():
        if event.type == pygame.QUIT:
            sys.exit()

    keys = pygame.key.get_pressed()
    if keys[pygame.K_LEFT] and player_pos[0] > 0:
        player_pos[0] -= player_speed
    if keys[pygame.K_RIGHT] and player_pos[0] < WIDTH - player_size:
        player_pos[0] += player_speed

    screen.fill(BLACK)

    drop_enemies(enemy_list)
    score = update_enemy_positions(enemy_list, score)
    enemy_speed = set_level(score, enemy_speed)

    text = "Score: " + str(score)
    label = font.render(text, 1, WHITE)
    screen.blit(label, (WIDTH - 250, HEIGHT - 40))

    if collision_check(enemy_list, player_pos):
        game_over = True

    draw_enemies(enemy_list)
    pygame.draw.rect(screen, BLUE, (player_pos[0], player_pos[1], player_size, player_size))

    clock.tick(30)
    pygame.display.update()

# Game over screen
screen.fill(BLACK)
over_label = font.render("GAME OVER", 1, RED)
score_label = font.render("Final score: " + str(score), 1, WHITE)
screen.blit(over_label, (WIDTH // 2 - over_label.get_width() // 2, HEIGHT // 2 - 40))
screen.blit(score_label, (WIDTH // 2 - score_label.get_width() // 2, HEIGHT // 2 + 10))
pygame.display.update()
print("Game over! Your score was", score)
time.sleep(2)
pygame.quit()
sys.exit()

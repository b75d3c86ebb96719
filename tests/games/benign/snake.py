"""Snake
Arrow keys steer the snake. Eat the red food to grow. R restarts after a crash.
"""
import random
from collections import deque

import pygame

WIDTH, HEIGHT = 640, 480
CELL = 20
COLS, ROWS = WIDTH // CELL, HEIGHT // CELL
STEP_TIME = 0.09
FPS = 60

BG = (18, 18, 24)
SNAKE_COLOR = (80, 220, 120)
HEAD_COLOR = (150, 255, 170)
FOOD_COLOR = (230, 60, 60)

snake = deque([(COLS // 2, ROWS // 2), (COLS // 2 - 1, ROWS // 2), (COLS // 2 - 2, ROWS // 2)])
direction = (1, 0)
pending = (1, 0)
food = (5, 5)
score = 0
best = 0
timer = 0.0
alive = True
font = None


def place_food():
    global food
    free = [(x, y) for x in range(COLS) for y in range(ROWS) if (x, y) not in snake]
    food = random.choice(free)


def restart():
    global snake, direction, pending, score, timer, alive
    snake = deque([(COLS // 2, ROWS // 2), (COLS // 2 - 1, ROWS // 2), (COLS // 2 - 2, ROWS // 2)])
    direction = pending = (1, 0)
    score = 0
    timer = 0.0
    alive = True
    place_food()


def update(dt):
    global timer, direction, score, best, alive
    if not alive:
        return
    timer += dt
    while timer >= STEP_TIME:
        timer -= STEP_TIME
        direction = pending
        hx, hy = snake[0]
        head = ((hx + direction[0]) % COLS, (hy + direction[1]) % ROWS)
        if head in snake:
            alive = False
            best = max(best, score)
            return
        snake.appendleft(head)
        if head == food:
            score += 1
            place_food()
        else:
            snake.pop()


def on_key_down(key):
    global pending
    turns = {
        pygame.K_UP: (0, -1),
        pygame.K_DOWN: (0, 1),
        pygame.K_LEFT: (-1, 0),
        pygame.K_RIGHT: (1, 0),
    }
    if key in turns:
        new = turns[key]
        if (new[0] + direction[0], new[1] + direction[1]) != (0, 0):
            pending = new
    elif key == pygame.K_r and not alive:
        restart()


def draw(screen):
    global font
    if font is None:
        font = pygame.font.Font(None, 36)
    screen.fill(BG)
    fx, fy = food
    pygame.draw.rect(screen, FOOD_COLOR, (fx * CELL + 2, fy * CELL + 2, CELL - 4, CELL - 4))
    for i, (x, y) in enumerate(snake):
        color = HEAD_COLOR if i == 0 else SNAKE_COLOR
        pygame.draw.rect(screen, color, (x * CELL + 1, y * CELL + 1, CELL - 2, CELL - 2), border_radius=4)
    text = font.render(f"Score: {score:>3}   Best: {best}", True, (230, 230, 230))
    screen.blit(text, (10, 8))
    if not alive:
        msg = font.render("Crashed! Press R", True, (255, 200, 80))
        screen.blit(msg, msg.get_rect(center=(WIDTH // 2, HEIGHT // 2)))


place_food()

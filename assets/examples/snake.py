"""Snake. Arrows or WASD steer, P pauses, R restarts."""

import random

import pygame

WIDTH, HEIGHT = 640, 480
CELL = 20
COLS, ROWS = WIDTH // CELL, (HEIGHT - 40) // CELL
STEP_TIME = 0.11
BACKGROUND = (16, 20, 30)
SNAKE_COLOR = (90, 220, 120)
HEAD_COLOR = (170, 255, 170)
FOOD_COLOR = (240, 90, 80)
TEXT_COLOR = (230, 230, 240)

DIRECTIONS = {
    pygame.K_UP: (0, -1), pygame.K_w: (0, -1),
    pygame.K_DOWN: (0, 1), pygame.K_s: (0, 1),
    pygame.K_LEFT: (-1, 0), pygame.K_a: (-1, 0),
    pygame.K_RIGHT: (1, 0), pygame.K_d: (1, 0),
}

snake = [(COLS // 2 - i, ROWS // 2) for i in range(4)]
direction = (1, 0)
queued = (1, 0)
food = (3, 3)
score = 0
best = 0
timer = 0.0
paused = False
dead = False
font = None


def place_food():
    free = [(x, y) for x in range(COLS) for y in range(ROWS) if (x, y) not in snake]
    return random.choice(free)


def restart():
    global snake, direction, queued, food, score, timer, dead, paused
    snake = [(COLS // 2 - i, ROWS // 2) for i in range(4)]
    direction = queued = (1, 0)
    food = place_food()
    score, timer, dead, paused = 0, 0.0, False, False


def on_key_down(key):
    global queued, paused
    if key in DIRECTIONS:
        new = DIRECTIONS[key]
        if (new[0] + direction[0], new[1] + direction[1]) != (0, 0):
            queued = new
    elif key == pygame.K_p:
        paused = not paused
    elif key == pygame.K_r:
        restart()


def update(dt):
    global timer, direction, food, score, best, dead
    if paused or dead:
        return
    timer += dt
    while timer >= STEP_TIME:
        timer -= STEP_TIME
        direction = queued
        head = ((snake[0][0] + direction[0]) % COLS, (snake[0][1] + direction[1]) % ROWS)
        if head in snake[:-1]:
            dead = True
            best = max(best, score)
            return
        snake.insert(0, head)
        if head == food:
            score += 1
            food = place_food()
        else:
            snake.pop()


def draw(screen):
    global font
    if font is None:
        font = pygame.font.Font(None, 30)
    screen.fill(BACKGROUND)
    top = 40
    pygame.draw.rect(screen, FOOD_COLOR, (food[0] * CELL + 3, top + food[1] * CELL + 3, CELL - 6, CELL - 6), border_radius=6)
    for i, (x, y) in enumerate(snake):
        color = HEAD_COLOR if i == 0 else SNAKE_COLOR
        pygame.draw.rect(screen, color, (x * CELL + 1, top + y * CELL + 1, CELL - 2, CELL - 2), border_radius=4)
    pygame.draw.line(screen, (60, 70, 90), (0, top - 1), (WIDTH, top - 1))
    screen.blit(font.render(f"Score {score}   Best {best}", True, TEXT_COLOR), (12, 10))
    hint = "Game over: R restarts" if dead else ("Paused: P resumes" if paused else "Arrows steer, P pauses")
    label = font.render(hint, True, TEXT_COLOR)
    screen.blit(label, (WIDTH - label.get_width() - 12, 10))


food = place_food()

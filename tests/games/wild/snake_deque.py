"""Snake
Classic snake on a grid. Arrow keys or WASD to steer, Space to pause.
The snake is a collections.deque; the high score is stored in snake_scores.json.
"""
import json
import random
import sys
from collections import deque

import pygame

CELL_SIZE = 20
GRID_W, GRID_H = 32, 24
SCREEN_W, SCREEN_H = CELL_SIZE * GRID_W, CELL_SIZE * GRID_H
SCORES_FILE = "snake_scores.json"

UP, DOWN, LEFT, RIGHT = (0, -1), (0, 1), (-1, 0), (1, 0)
KEY_DIRS = {
    pygame.K_UP: UP, pygame.K_w: UP,
    pygame.K_DOWN: DOWN, pygame.K_s: DOWN,
    pygame.K_LEFT: LEFT, pygame.K_a: LEFT,
    pygame.K_RIGHT: RIGHT, pygame.K_d: RIGHT,
}


def load_scores():
    try:
        with open(SCORES_FILE) as fh:
            data = json.load(fh)
        return sorted(data, reverse=True)[:5]
    except (OSError, ValueError):
        return []


def save_scores(scores):
    try:
        with open(SCORES_FILE, "w") as fh:
            json.dump(scores, fh)
    except OSError as err:
        print(f"Warning: could not save scores ({err})")


def random_food(snake):
    while True:
        pos = (random.randrange(GRID_W), random.randrange(GRID_H))
        if pos not in snake:
            return pos


def main():
    pygame.init()
    screen = pygame.display.set_mode((SCREEN_W, SCREEN_H))
    pygame.display.set_caption("Snake")
    clock = pygame.time.Clock()
    font = pygame.font.SysFont("monospace", 20, bold=True)
    big_font = pygame.font.SysFont("monospace", 48, bold=True)

    scores = load_scores()
    snake = deque([(GRID_W // 2, GRID_H // 2), (GRID_W // 2 - 1, GRID_H // 2), (GRID_W // 2 - 2, GRID_H // 2)])
    direction = RIGHT
    pending = deque()
    food = random_food(snake)
    score = 0
    speed = 10
    paused = False
    dead = False

    while True:
        for event in pygame.event.get():
            if event.type == pygame.QUIT:
                pygame.quit()
                sys.exit()
            if event.type == pygame.KEYDOWN:
                if dead and event.key == pygame.K_RETURN:
                    main()
                    return
                if event.key == pygame.K_SPACE:
                    paused = not paused
                elif event.key in KEY_DIRS and len(pending) < 3:
                    pending.append(KEY_DIRS[event.key])

        if not paused and not dead:
            while pending:
                new_dir = pending.popleft()
                if (new_dir[0] + direction[0], new_dir[1] + direction[1]) != (0, 0):
                    direction = new_dir
                    break
            head = snake[0]
            new_head = ((head[0] + direction[0]) % GRID_W, (head[1] + direction[1]) % GRID_H)
            if new_head in snake:
                dead = True
                scores = sorted(scores + [score], reverse=True)[:5]
                save_scores(scores)
            else:
                snake.appendleft(new_head)
                if new_head == food:
                    score += 1
                    speed = min(25, 10 + score // 3)
                    food = random_food(snake)
                else:
                    snake.pop()

        screen.fill((20, 24, 20))
        for i, (x, y) in enumerate(snake):
            shade = max(80, 230 - i * 4)
            pygame.draw.rect(screen, (40, shade, 60), (x * CELL_SIZE + 1, y * CELL_SIZE + 1, CELL_SIZE - 2, CELL_SIZE - 2), border_radius=4)
        fx, fy = food
        pygame.draw.circle(screen, (230, 50, 50), (fx * CELL_SIZE + CELL_SIZE // 2, fy * CELL_SIZE + CELL_SIZE // 2), CELL_SIZE // 2 - 2)
        screen.blit(font.render(f"Score: {score}", True, (240, 240, 240)), (8, 6))
        if paused:
            text = big_font.render("PAUSED", True, (255, 255, 255))
            screen.blit(text, text.get_rect(center=(SCREEN_W // 2, SCREEN_H // 2)))
        if dead:
            text = big_font.render("GAME OVER", True, (255, 80, 80))
            screen.blit(text, text.get_rect(center=(SCREEN_W // 2, SCREEN_H // 3)))
            for i, s in enumerate(scores):
                line = font.render(f"{i + 1}. {s}", True, (255, 255, 200))
                screen.blit(line, line.get_rect(center=(SCREEN_W // 2, SCREEN_H // 2 + i * 26)))
            hint = font.render("Enter: play again", True, (200, 200, 200))
            screen.blit(hint, hint.get_rect(center=(SCREEN_W // 2, SCREEN_H - 40)))
        pygame.display.flip()
        clock.tick(speed)


if __name__ == "__main__":
    main()

"""Pong
W/S move the left paddle, Up/Down move the right paddle. Space serves. First to 7 wins.
"""
import random

import pygame

WIDTH, HEIGHT = 640, 480
PADDLE_SPEED = 360
BALL_SPEED = 300
WIN_SCORE = 7

left = pygame.Rect(20, HEIGHT // 2 - 40, 12, 80)
right = pygame.Rect(WIDTH - 32, HEIGHT // 2 - 40, 12, 80)
ball = pygame.Rect(WIDTH // 2 - 7, HEIGHT // 2 - 7, 14, 14)
ball_vel = [0.0, 0.0]
ball_pos = [float(ball.x), float(ball.y)]
scores = [0, 0]
serving = True
arena = pygame.Rect(0, 0, WIDTH, HEIGHT)
font = None


def serve():
    global serving
    ball.center = (WIDTH // 2, HEIGHT // 2)
    ball_pos[0], ball_pos[1] = float(ball.x), float(ball.y)
    ball_vel[0] = BALL_SPEED * random.choice((-1, 1))
    ball_vel[1] = random.uniform(-200, 200)
    serving = False


def update(dt):
    global serving
    keys = pygame.key.get_pressed()
    left.y += int(((keys[pygame.K_s]) - (keys[pygame.K_w])) * PADDLE_SPEED * dt)
    right.y += int(((keys[pygame.K_DOWN]) - (keys[pygame.K_UP])) * PADDLE_SPEED * dt)
    left.clamp_ip(arena)
    right.clamp_ip(arena)
    if serving:
        return
    ball_pos[0] += ball_vel[0] * dt
    ball_pos[1] += ball_vel[1] * dt
    ball.topleft = (round(ball_pos[0]), round(ball_pos[1]))
    if ball.top <= 0 or ball.bottom >= HEIGHT:
        ball_vel[1] = -ball_vel[1]
        ball.clamp_ip(arena)
        ball_pos[1] = float(ball.y)
    for paddle in (left, right):
        if ball.colliderect(paddle):
            ball_vel[0] = -ball_vel[0] * 1.05
            offset = (ball.centery - paddle.centery) / (paddle.height / 2)
            ball_vel[1] = offset * 260
            if paddle is left:
                ball.left = paddle.right
            else:
                ball.right = paddle.left
            ball_pos[0] = float(ball.x)
    if ball.right < 0 or ball.left > WIDTH:
        scores[0 if ball.left > WIDTH else 1] += 1
        if max(scores) >= WIN_SCORE:
            scores[0] = scores[1] = 0
        serving = True
        ball.center = (WIDTH // 2, HEIGHT // 2)


def on_key_down(key):
    if key == pygame.K_SPACE and serving:
        serve()


def draw(screen):
    global font
    if font is None:
        font = pygame.font.Font(None, 36)
    screen.fill((10, 10, 30))
    for y in range(0, HEIGHT, 24):
        pygame.draw.line(screen, (60, 60, 90), (WIDTH // 2, y), (WIDTH // 2, y + 12), 2)
    pygame.draw.rect(screen, (240, 240, 240), left)
    pygame.draw.rect(screen, (240, 240, 240), right)
    pygame.draw.ellipse(screen, (255, 220, 90), ball)
    label = font.render(f"{scores[0]}   {scores[1]}", True, (200, 200, 255))
    screen.blit(label, label.get_rect(midtop=(WIDTH // 2, 10)))
    if serving:
        hint = font.render("Space to serve", True, (150, 150, 150))
        screen.blit(hint, hint.get_rect(center=(WIDTH // 2, HEIGHT - 40)))

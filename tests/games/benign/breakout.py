"""Breakout
Move the mouse (or Left/Right) to steer the paddle. Click or press Space to launch.
"""
import math
import random

import pygame

WIDTH, HEIGHT = 640, 480
BRICK_W, BRICK_H = 58, 20
ROWS = 6
COLORS = [(230, 80, 80), (230, 150, 60), (230, 220, 70), (90, 210, 90), (70, 160, 230), (160, 90, 230)]

paddle = pygame.Rect(WIDTH // 2 - 50, HEIGHT - 30, 100, 12)
ball_pos = pygame.math.Vector2(WIDTH / 2, HEIGHT - 50)
ball_vel = pygame.math.Vector2(0, 0)
RADIUS = 7
bricks = []
lives = 3
score = 0
launched = False
elapsed = 0.0
font = None


def build_bricks():
    bricks.clear()
    for row in range(ROWS):
        for col in range(10):
            rect = pygame.Rect(12 + col * (BRICK_W + 4), 50 + row * (BRICK_H + 4), BRICK_W, BRICK_H)
            bricks.append((rect, COLORS[row]))


def launch():
    global launched
    if not launched:
        angle = math.radians(random.uniform(-60, -120))
        ball_vel.from_polar((320, math.degrees(angle)))
        launched = True


def update(dt):
    global lives, score, launched, elapsed
    elapsed += dt
    keys = pygame.key.get_pressed()
    if keys[pygame.K_LEFT]:
        paddle.move_ip(-int(420 * dt), 0)
    if keys[pygame.K_RIGHT]:
        paddle.move_ip(int(420 * dt), 0)
    paddle.clamp_ip(pygame.Rect(0, 0, WIDTH, HEIGHT))
    if not launched:
        ball_pos.update(paddle.centerx, paddle.top - RADIUS - 1)
        return
    ball_pos.x += ball_vel.x * dt
    ball_pos.y += ball_vel.y * dt
    if ball_pos.x < RADIUS or ball_pos.x > WIDTH - RADIUS:
        ball_vel.x = -ball_vel.x
        ball_pos.x = max(RADIUS, min(WIDTH - RADIUS, ball_pos.x))
    if ball_pos.y < RADIUS:
        ball_vel.y = abs(ball_vel.y)
    ball_rect = pygame.Rect(0, 0, RADIUS * 2, RADIUS * 2)
    ball_rect.center = (round(ball_pos.x), round(ball_pos.y))
    if ball_rect.colliderect(paddle) and ball_vel.y > 0:
        offset = (ball_pos.x - paddle.centerx) / (paddle.width / 2)
        ball_vel.from_polar((ball_vel.length() * 1.02, -90 + offset * 60))
    hit = ball_rect.collidelist([b[0] for b in bricks])
    if hit >= 0:
        rect, _ = bricks.pop(hit)
        score += 10
        if rect.inflate(-4, 0).collidepoint(ball_rect.centerx, rect.centery):
            ball_vel.y = -ball_vel.y
        else:
            ball_vel.x = -ball_vel.x
        if not bricks:
            build_bricks()
    if ball_pos.y > HEIGHT + 20:
        lives -= 1
        launched = False
        if lives <= 0:
            lives, score = 3, 0
            build_bricks()


def on_mouse_move(pos):
    paddle.centerx = pos[0]


def on_mouse_down(pos, button):
    if button == 1:
        launch()


def on_key_down(key):
    if key == pygame.K_SPACE:
        launch()


def draw(screen):
    global font
    if font is None:
        font = pygame.font.Font(None, 28)
    screen.fill((15, 15, 25))
    for rect, color in bricks:
        pygame.draw.rect(screen, color, rect)
        pygame.draw.rect(screen, (255, 255, 255), rect.inflate(-6, -6), 1)
    pygame.draw.rect(screen, (200, 200, 220), paddle, border_radius=5)
    pygame.draw.circle(screen, (255, 255, 255), (round(ball_pos.x), round(ball_pos.y)), RADIUS)
    hud = "Score {}  Lives {}  Speed {:.1f}  Time {:.1f}s".format(score, lives, ball_vel.length() / 100, elapsed)
    screen.blit(font.render(hud, True, (220, 220, 220)), (10, 12))


build_bricks()

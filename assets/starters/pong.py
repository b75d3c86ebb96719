"""Pong
One player: W/S or Up/Down move the left paddle against the computer.
Two players: W/S left paddle, Up/Down right paddle. P pauses, R restarts.
"""

import math
import random

import pygame

WIDTH, HEIGHT = 800, 500
FPS = 60

LEFT_COLOR = (90, 200, 255)  # tune: color
BALL_COLOR = (255, 220, 90)  # tune: accent_color
BACKGROUND = (14, 18, 30)  # tune: background
RIGHT_COLOR = (255, 120, 140)
BALL_SPEED = 380  # tune: speed
PADDLE_HEIGHT = 90  # tune: size
POINTS_TO_WIN = 7  # tune: count
TWO_PLAYERS = False  # tune: two_players
PADDLE_WIDTH = 14
BALL_RADIUS = 8
MARGIN = 30
SPEEDUP = 1.06  # the ball gets this much faster on every paddle hit
MAX_SPEEDUP = 2.0
AI_SPEED_SHARE = 0.8  # the computer moves slower than the ball can: it is beatable
RESTART_AFTER = 4.0

paddle_h = min(PADDLE_HEIGHT, HEIGHT - 100)
paddle_speed = max(360, BALL_SPEED * 1.15)
left_y = right_y = HEIGHT / 2
ball = [WIDTH / 2, HEIGHT / 2]
velocity = [0.0, 0.0]
serve_in = 1.0  # seconds until the next serve
serve_to = 1  # +1 serves to the right, -1 to the left
hits = 0
ai_error = 0.0
scores = [0, 0]
paused = False
over_for = -1.0
font = None
big_font = None
small_font = None


def restart():
    global left_y, right_y, serve_in, serve_to, scores, paused, over_for
    left_y = right_y = HEIGHT / 2
    scores = [0, 0]
    serve_in, serve_to, paused, over_for = 1.0, random.choice((-1, 1)), False, -1.0
    center_ball()


def center_ball():
    global hits
    ball[0], ball[1] = WIDTH / 2, HEIGHT / 2
    velocity[0] = velocity[1] = 0.0
    hits = 0


def serve():
    angle = random.uniform(-0.5, 0.5)
    velocity[0] = math.cos(angle) * BALL_SPEED * serve_to
    velocity[1] = math.sin(angle) * BALL_SPEED


def on_key_down(key):
    global paused
    if key == pygame.K_r:
        restart()
    elif key == pygame.K_p and over_for < 0:
        paused = not paused


def move_paddles(dt):
    global left_y, right_y
    keys = pygame.key.get_pressed()
    left_dir = (keys[pygame.K_s] - keys[pygame.K_w])
    if TWO_PLAYERS:
        right_dir = keys[pygame.K_DOWN] - keys[pygame.K_UP]
        right_y += right_dir * paddle_speed * dt
    else:
        left_dir += keys[pygame.K_DOWN] - keys[pygame.K_UP]
        right_y += computer_move(dt)
    left_y += max(-1, min(1, left_dir)) * paddle_speed * dt
    half = paddle_h / 2
    left_y = max(half, min(HEIGHT - half, left_y))
    right_y = max(half, min(HEIGHT - half, right_y))


def computer_move(dt):
    """Follow the ball when it comes this way (with a small aiming error), else drift home."""
    target = ball[1] + ai_error if velocity[0] > 0 else HEIGHT / 2
    gap = target - right_y
    step = paddle_speed * AI_SPEED_SHARE * dt
    return max(-step, min(step, gap))


def bounce(paddle_y, direction):
    """Send the ball back; where it hits the paddle sets the angle."""
    global hits, ai_error
    offset = max(-1.0, min(1.0, (ball[1] - paddle_y) / (paddle_h / 2)))
    hits += 1
    speed = BALL_SPEED * min(MAX_SPEEDUP, SPEEDUP ** hits)
    angle = offset * 1.0  # up to about 57 degrees
    velocity[0] = math.cos(angle) * speed * direction
    velocity[1] = math.sin(angle) * speed
    ai_error = random.uniform(-0.6, 0.6) * paddle_h


def move_ball(dt):
    global serve_in, serve_to, over_for
    old_x = ball[0]
    ball[0] += velocity[0] * dt
    ball[1] += velocity[1] * dt
    if ball[1] < BALL_RADIUS or ball[1] > HEIGHT - BALL_RADIUS:
        ball[1] = max(BALL_RADIUS, min(HEIGHT - BALL_RADIUS, ball[1]))
        velocity[1] = -velocity[1]
    # Swept test against each paddle's face, so a fast ball never passes through.
    left_face = MARGIN + PADDLE_WIDTH + BALL_RADIUS
    right_face = WIDTH - MARGIN - PADDLE_WIDTH - BALL_RADIUS
    if velocity[0] < 0 and old_x >= left_face > ball[0] and abs(ball[1] - left_y) <= paddle_h / 2 + BALL_RADIUS:
        ball[0] = left_face
        bounce(left_y, 1)
    elif velocity[0] > 0 and old_x <= right_face < ball[0] and abs(ball[1] - right_y) <= paddle_h / 2 + BALL_RADIUS:
        ball[0] = right_face
        bounce(right_y, -1)
    if ball[0] < -BALL_RADIUS or ball[0] > WIDTH + BALL_RADIUS:
        scorer = 1 if ball[0] < 0 else 0
        scores[scorer] += 1
        serve_to = 1 if scorer == 0 else -1  # the loser of the point receives
        serve_in = 1.0
        center_ball()
        if scores[scorer] >= max(1, POINTS_TO_WIN):
            over_for = 0.0


def update(dt):
    global serve_in, over_for
    if over_for >= 0:
        over_for += dt
        if over_for > RESTART_AFTER:
            restart()
        return
    if paused:
        return
    move_paddles(dt)
    if serve_in > 0:
        serve_in -= dt
        if serve_in <= 0:
            serve()
        return
    move_ball(dt)


def text_color():
    return (25, 25, 35) if sum(BACKGROUND) > 450 else (235, 235, 245)


def draw(screen):
    global font, big_font, small_font
    if font is None:
        font = pygame.font.Font(None, 34)
        big_font = pygame.font.Font(None, 80)
        small_font = pygame.font.Font(None, 22)
    screen.fill(BACKGROUND)
    ink = text_color()
    net = tuple((c + b) // 2 for c, b in zip(ink, BACKGROUND))
    for y in range(10, HEIGHT, 30):
        pygame.draw.rect(screen, net, (WIDTH // 2 - 2, y, 4, 16))
    for i, score in enumerate(scores):
        label = big_font.render(str(score), True, net)
        screen.blit(label, (WIDTH // 2 + (-80 - label.get_width() if i == 0 else 80), 20))
    for x, y, color in ((MARGIN, left_y, LEFT_COLOR), (WIDTH - MARGIN - PADDLE_WIDTH, right_y, RIGHT_COLOR)):
        pygame.draw.rect(screen, color, (x, int(y - paddle_h / 2), PADDLE_WIDTH, int(paddle_h)), border_radius=6)
    if serve_in <= 0 or int(serve_in * 6) % 2 == 0:  # the ball blinks before a serve
        pygame.draw.circle(screen, BALL_COLOR, (int(ball[0]), int(ball[1])), BALL_RADIUS)
    left_name, right_name = ("W/S", "Up/Down") if TWO_PLAYERS else ("You", "Computer")
    hint = f"{left_name} vs {right_name}   first to {max(1, POINTS_TO_WIN)}   P pause  R restart"
    label = small_font.render(hint, True, ink)
    screen.blit(label, ((WIDTH - label.get_width()) // 2, HEIGHT - 26))
    if paused or over_for >= 0:
        veil = pygame.Surface((WIDTH, HEIGHT), pygame.SRCALPHA)
        veil.fill((0, 0, 0, 140))
        screen.blit(veil, (0, 0))
        winner = left_name if scores[0] > scores[1] else right_name
        lines = ["Paused: P resumes"] if paused else [f"{winner} win{'' if winner == 'You' else 's'} {scores[0]}-{scores[1]}!", "Game over — R restarts"]
        for i, line in enumerate(lines):
            label = font.render(line, True, (255, 255, 255))
            screen.blit(label, ((WIDTH - label.get_width()) // 2, HEIGHT // 2 - 30 + 40 * i))


restart()

"""Breakout
Left/Right, A/D or the mouse move the paddle; Space or a click launches the ball.
Clear every brick to reach the next level. P pauses, R restarts.
"""

import colorsys
import math
import random

import pygame

WIDTH, HEIGHT = 640, 480
FPS = 60

PADDLE_COLOR = (120, 200, 255)  # tune: color
BRICK_COLOR = (240, 110, 80)  # tune: accent_color
BACKGROUND = (14, 16, 28)  # tune: background
BALL_SPEED = 330  # tune: speed
PADDLE_WIDTH = 100  # tune: size
BRICK_ROWS = 5  # tune: count
LIVES = 3  # tune: lives
BRICK_COLUMNS = 10
PADDLE_HEIGHT = 14
BALL_RADIUS = 7
HUD_HEIGHT = 36
AUTO_LAUNCH = 2.0  # the ball launches by itself after this many seconds
RESTART_AFTER = 4.0

paddle_w = max(30, min(PADDLE_WIDTH, WIDTH // 2))
paddle_x = WIDTH / 2
paddle_speed = max(420, BALL_SPEED * 1.4)
ball = [0.0, 0.0]
velocity = [0.0, 0.0]
stuck = True  # the ball rests on the paddle until launched
stuck_for = 0.0
bricks = []  # [rect, color, points]
particles = []  # [x, y, vx, vy, life, color]
score = 0
best = 0
lives = LIVES
level = 1
paused = False
over_for = -1.0
font = None
small_font = None


def brick_color(row, rows):
    """Rows fan out in hue from BRICK_COLOR, brightest at the top."""
    r, g, b = (c / 255 for c in BRICK_COLOR)
    h, lightness, s = colorsys.rgb_to_hls(r, g, b)
    h = (h + 0.07 * row) % 1.0
    lightness = max(0.25, min(0.8, lightness + 0.1 - 0.2 * row / max(1, rows)))
    return tuple(int(c * 255) for c in colorsys.hls_to_rgb(h, lightness, s))


def build_level():
    global bricks
    rows = max(1, min(BRICK_ROWS, 14))  # more rows than fit are squeezed to 14
    gap = 4
    width = (WIDTH - 20 - gap * (BRICK_COLUMNS - 1)) / BRICK_COLUMNS
    height = max(10, min(22, 230 // rows - gap))
    bricks = []
    for row in range(rows):
        for col in range(BRICK_COLUMNS):
            x = 10 + col * (width + gap)
            y = HUD_HEIGHT + 30 + row * (height + gap)
            rect = pygame.Rect(int(x), int(y), int(width), height)
            bricks.append([rect, brick_color(row, rows), (rows - row) * 10])


def reset_ball():
    global stuck, stuck_for
    stuck, stuck_for = True, 0.0
    velocity[0] = velocity[1] = 0.0


def restart():
    global score, lives, level, paused, over_for, particles, paddle_x
    score, lives, level, paused, over_for = 0, max(1, LIVES), 1, False, -1.0
    particles = []
    paddle_x = WIDTH / 2
    build_level()
    reset_ball()


def launch():
    global stuck
    if stuck and over_for < 0 and not paused:
        stuck = False
        angle = random.uniform(-0.6, 0.6)
        speed = BALL_SPEED * (1 + 0.1 * (level - 1))
        velocity[0], velocity[1] = math.sin(angle) * speed, -math.cos(angle) * speed


def on_key_down(key):
    global paused
    if key == pygame.K_r:
        restart()
    elif key == pygame.K_p and over_for < 0:
        paused = not paused
    elif key in (pygame.K_SPACE, pygame.K_UP, pygame.K_w):
        launch()


def on_mouse_move(pos):
    global paddle_x
    if not paused:
        paddle_x = pos[0]


def on_mouse_down(button):
    if button == 1:
        launch()


def burst(rect, color):
    for _ in range(8):
        particles.append([rect.centerx, rect.centery, random.uniform(-160, 160),
                          random.uniform(-160, 60), random.uniform(0.3, 0.7), color])


def move_ball(dt):
    """Move in small sub-steps so a fast ball cannot skip through a brick or the paddle."""
    global score, lives, over_for, level, best
    distance = math.hypot(velocity[0], velocity[1]) * dt
    steps = max(1, int(distance / 4) + 1)
    paddle = pygame.Rect(int(paddle_x - paddle_w / 2), HEIGHT - 40, int(paddle_w), PADDLE_HEIGHT)
    for _ in range(steps):
        ball[0] += velocity[0] * dt / steps
        ball[1] += velocity[1] * dt / steps
        if ball[0] < BALL_RADIUS or ball[0] > WIDTH - BALL_RADIUS:
            ball[0] = max(BALL_RADIUS, min(WIDTH - BALL_RADIUS, ball[0]))
            velocity[0] = -velocity[0]
        if ball[1] < HUD_HEIGHT + BALL_RADIUS:
            ball[1] = HUD_HEIGHT + BALL_RADIUS
            velocity[1] = abs(velocity[1])
        hitbox = pygame.Rect(int(ball[0] - BALL_RADIUS), int(ball[1] - BALL_RADIUS), BALL_RADIUS * 2, BALL_RADIUS * 2)
        if velocity[1] > 0 and hitbox.colliderect(paddle):
            # Where the ball lands on the paddle steers it, up to 60 degrees.
            offset = max(-1.0, min(1.0, (ball[0] - paddle.centerx) / (paddle_w / 2)))
            speed = math.hypot(velocity[0], velocity[1])
            velocity[0], velocity[1] = math.sin(offset * 1.05) * speed, -math.cos(offset * 1.05) * speed
            ball[1] = paddle.top - BALL_RADIUS
        index = hitbox.collidelist([brick[0] for brick in bricks])
        if index >= 0:
            rect, color, points = bricks.pop(index)
            burst(rect, color)
            score += points
            best = max(best, score)
            # Bounce off the side the ball came through.
            overlap_x = min(hitbox.right - rect.left, rect.right - hitbox.left)
            overlap_y = min(hitbox.bottom - rect.top, rect.bottom - hitbox.top)
            if overlap_x < overlap_y:
                velocity[0] = -velocity[0]
            else:
                velocity[1] = -velocity[1]
            if not bricks:
                level += 1
                build_level()
                reset_ball()
                return
        if ball[1] > HEIGHT + BALL_RADIUS:
            lives -= 1
            reset_ball()
            if lives <= 0:
                over_for = 0.0
            return


def update(dt):
    global over_for, paddle_x, stuck_for
    for p in particles[:]:
        p[0] += p[2] * dt
        p[1] += p[3] * dt
        p[3] += 500 * dt
        p[4] -= dt
        if p[4] <= 0:
            particles.remove(p)
    if over_for >= 0:
        over_for += dt
        if over_for > RESTART_AFTER:
            restart()
        return
    if paused:
        return
    keys = pygame.key.get_pressed()
    move = (keys[pygame.K_RIGHT] or keys[pygame.K_d]) - (keys[pygame.K_LEFT] or keys[pygame.K_a])
    paddle_x = max(paddle_w / 2, min(WIDTH - paddle_w / 2, paddle_x + move * paddle_speed * dt))
    if stuck:
        ball[0], ball[1] = paddle_x, HEIGHT - 40 - BALL_RADIUS - 1
        stuck_for += dt
        if stuck_for > AUTO_LAUNCH:
            launch()
    else:
        move_ball(dt)


def text_color():
    return (25, 25, 35) if sum(BACKGROUND) > 450 else (235, 235, 245)


def draw(screen):
    global font, small_font
    if font is None:
        font = pygame.font.Font(None, 30)
        small_font = pygame.font.Font(None, 22)
    screen.fill(BACKGROUND)
    ink = text_color()
    for rect, color, _points in bricks:
        pygame.draw.rect(screen, color, rect, border_radius=3)
        pygame.draw.line(screen, tuple(min(255, c + 50) for c in color), rect.topleft, (rect.right - 2, rect.top))
    for x, y, _vx, _vy, life, color in particles:
        pygame.draw.circle(screen, color, (int(x), int(y)), max(1, int(life * 6)))
    paddle = pygame.Rect(int(paddle_x - paddle_w / 2), HEIGHT - 40, int(paddle_w), PADDLE_HEIGHT)
    pygame.draw.rect(screen, PADDLE_COLOR, paddle, border_radius=7)
    pygame.draw.circle(screen, (255, 255, 255), (int(ball[0]), int(ball[1])), BALL_RADIUS)
    pygame.draw.line(screen, tuple((a + b) // 2 for a, b in zip(ink, BACKGROUND)), (0, HUD_HEIGHT), (WIDTH, HUD_HEIGHT))
    screen.blit(font.render(f"Score {score}   Best {best}   Level {level}", True, ink), (12, 9))
    for i in range(lives):
        pygame.draw.circle(screen, PADDLE_COLOR, (WIDTH - 20 - i * 22, HUD_HEIGHT // 2), 7)
    if stuck and over_for < 0 and not paused:
        hint = small_font.render("Space or click launches   Arrows/A/D/mouse move   P pause   R restart", True, ink)
        screen.blit(hint, ((WIDTH - hint.get_width()) // 2, HEIGHT - 22))
    if paused or over_for >= 0:
        veil = pygame.Surface((WIDTH, HEIGHT), pygame.SRCALPHA)
        veil.fill((0, 0, 0, 140))
        screen.blit(veil, (0, 0))
        lines = ["Paused: P resumes"] if paused else [f"Final score {score}", "Game over — R restarts"]
        for i, line in enumerate(lines):
            label = font.render(line, True, (255, 255, 255))
            screen.blit(label, ((WIDTH - label.get_width()) // 2, HEIGHT // 2 - 20 + 36 * i))


restart()

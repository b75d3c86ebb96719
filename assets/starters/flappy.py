"""Flappy Bird. Space, Up or a click flaps, P pauses, R restarts."""

import math
import random

import pygame

WIDTH, HEIGHT = 480, 640
FPS = 60
BIRD_COLOR = (255, 210, 60)  # tune: color
PIPE_COLOR = (90, 190, 80)  # tune: accent_color
BACKGROUND = (110, 190, 235)  # tune: background
PIPE_SPEED = 160  # tune: speed
GRAVITY = 1500  # tune: gravity
BIRD_SIZE = 28  # tune: size
TEXT_COLOR = (255, 255, 255)
GROUND_COLOR = (222, 200, 140)
GROUND_Y = HEIGHT - 80
BIRD_X = WIDTH // 3
# A flap always lifts the bird about the same height, whatever the gravity; the gap
# grows with the bird so a big bird still fits through.
FLAP_SPEED = math.sqrt(2 * GRAVITY * 62)
MAX_FALL = FLAP_SPEED * 1.5
GAP = int(130 + BIRD_SIZE * 2.4)
PIPE_W = 70
PIPE_SPACING = 250  # pixels between pipes

bird_y = GROUND_Y / 2
bird_v = 0.0
pipes = []         # [x, gap_center, scored]
particles = []     # [x, y, vx, vy, life, color]
clouds = [[random.uniform(0, WIDTH), random.uniform(40, 260), random.uniform(0.6, 1.4)] for _ in range(5)]
score = 0
best = 0
state = "ready"    # ready | play | falling | over
timer = 0.0
scroll = 0.0       # ground stripes offset
distance = 0.0     # pixels since the last pipe
clock = 0.0
shake = 0.0
flash = 0.0
popup = 0.0        # the score grows briefly each time it goes up
paused = False
fonts = {}
canvas = None


def text(size):
    if size not in fonts:
        fonts[size] = pygame.font.Font(None, size)
    return fonts[size]


def restart():
    global bird_y, bird_v, score, state, timer, distance, shake, flash, paused
    bird_y, bird_v, score, state, timer = GROUND_Y / 2, 0.0, 0, "ready", 0.0
    distance, shake, flash, paused = PIPE_SPACING, 0.0, 0.0, False
    pipes.clear()
    particles.clear()


def flap():
    global bird_v, state
    if state == "ready":
        state = "play"
    if state == "play":
        bird_v = -FLAP_SPEED
        for _ in range(5):
            particles.append([BIRD_X - BIRD_SIZE / 2, bird_y, random.uniform(-120, -40), random.uniform(-30, 60), 0.4, (255, 255, 255)])


def on_key_down(key):
    global paused
    if key == pygame.K_r:
        restart()
    elif key == pygame.K_p and state in ("play", "ready"):
        paused = not paused
    elif key in (pygame.K_SPACE, pygame.K_UP, pygame.K_w) and not paused:
        flap()


def on_mouse_down(pos, button):
    if not paused:
        flap()


def crash():
    global state, shake, flash, best
    state, shake, flash = "falling", 10.0, 0.25
    best = max(best, score)
    for _ in range(25):
        a, s = random.uniform(0, math.tau), random.uniform(40, 260)
        particles.append([BIRD_X, bird_y, math.cos(a) * s, math.sin(a) * s, random.uniform(0.4, 0.9), BIRD_COLOR])


def current_speed():
    return PIPE_SPEED * (1 + min(score, 40) * 0.015)  # a little faster with every pipe


def update(dt):
    global bird_y, bird_v, score, best, state, timer, scroll, distance, clock, shake, flash, popup
    dt = min(dt, 1 / 30)
    clock += dt
    for p in particles:
        p[0], p[1], p[4] = p[0] + p[2] * dt, p[1] + p[3] * dt, p[4] - dt
    particles[:] = [p for p in particles if p[4] > 0]
    shake, flash, popup = max(0.0, shake - 30 * dt), max(0.0, flash - dt), max(0.0, popup - dt)
    if paused:
        return
    speed = current_speed()
    if state in ("ready", "play"):
        scroll = (scroll + speed * dt) % 40
        for c in clouds:
            c[0] -= speed * 0.15 * c[2] * dt
            if c[0] < -100:
                c[0], c[1] = WIDTH + 60, random.uniform(40, 260)
    if state == "ready":
        bird_y = GROUND_Y / 2 + math.sin(clock * 4) * 10  # hover until the first flap
        return
    if state == "over":
        timer -= dt
        if timer <= 0:
            restart()
        return

    bird_v = min(bird_v + GRAVITY * dt, MAX_FALL)
    bird_y += bird_v * dt
    radius = BIRD_SIZE / 2
    if bird_y + radius >= GROUND_Y:
        bird_y = GROUND_Y - radius
        if state == "play":
            crash()
        state, timer = "over", 3.0
        return
    if bird_y - radius < 0:
        bird_y, bird_v = radius, 0.0
    if state != "play":
        return

    distance += speed * dt
    if distance >= PIPE_SPACING:
        distance = 0.0
        margin = 60 + GAP / 2
        last = pipes[-1][1] if pipes else GROUND_Y / 2
        # Keep the next gap within reach: how far the bird can climb before it arrives.
        reach = min(170, 0.3 * FLAP_SPEED * PIPE_SPACING / speed)
        center = random.uniform(max(margin, last - reach), min(GROUND_Y - margin, last + reach))
        pipes.append([WIDTH + 10, center, False])
    for p in pipes:
        p[0] -= speed * dt
        if not p[2] and p[0] + PIPE_W < BIRD_X:
            p[2] = True
            score += 1
            best = max(best, score)
            popup = 0.2
        # Forgive a few pixels: the bird is drawn round but tested as a square.
        hit = radius * 0.8
        if p[0] - hit < BIRD_X < p[0] + PIPE_W + hit and not (p[1] - GAP / 2 + hit < bird_y < p[1] + GAP / 2 - hit):
            crash()
            break
    pipes[:] = [p for p in pipes if p[0] > -PIPE_W - 20]


def draw_pipe(surface, x, top, bottom, cap_at_bottom):
    dark = tuple(max(0, c - 50) for c in PIPE_COLOR)
    light = tuple(min(255, c + 60) for c in PIPE_COLOR)
    pygame.draw.rect(surface, PIPE_COLOR, (x, top, PIPE_W, bottom - top))
    pygame.draw.rect(surface, light, (x + 8, top, 8, bottom - top))
    pygame.draw.rect(surface, dark, (x, top, PIPE_W, bottom - top), 3)
    cap_y = bottom - 26 if cap_at_bottom else top
    pygame.draw.rect(surface, PIPE_COLOR, (x - 6, cap_y, PIPE_W + 12, 26))
    pygame.draw.rect(surface, dark, (x - 6, cap_y, PIPE_W + 12, 26), 3)


def draw_bird(surface, x, y):
    r = BIRD_SIZE / 2
    tilt = max(-0.5, min(1.2, bird_v / FLAP_SPEED * 0.6))  # nose follows the velocity
    body = pygame.Surface((BIRD_SIZE * 2, BIRD_SIZE * 2), pygame.SRCALPHA)
    c = BIRD_SIZE
    pygame.draw.ellipse(body, BIRD_COLOR, (c - r * 1.1, c - r, r * 2.2, r * 2))
    pygame.draw.ellipse(body, (60, 40, 20), (c - r * 1.1, c - r, r * 2.2, r * 2), 2)
    wing = math.sin(clock * 18) * r * 0.5 if state != "falling" else 0
    pygame.draw.ellipse(body, (255, 245, 200), (c - r * 0.9, c - r * 0.1 + wing * 0.5, r * 1.1, r * 0.7))
    pygame.draw.circle(body, (255, 255, 255), (int(c + r * 0.45), int(c - r * 0.35)), max(2, int(r * 0.38)))
    pygame.draw.circle(body, (0, 0, 0), (int(c + r * 0.55), int(c - r * 0.35)), max(1, int(r * 0.16)))
    pygame.draw.polygon(body, (255, 120, 40), [(c + r * 0.8, c - r * 0.05), (c + r * 1.5, c + r * 0.15), (c + r * 0.8, c + r * 0.4)])
    body = pygame.transform.rotate(body, -math.degrees(tilt))
    surface.blit(body, body.get_rect(center=(int(x), int(y))))


def shadowed(screen, font, words, cx, cy):
    """White text with a dark drop shadow, readable on any sky colour."""
    for dx, col in ((3, (30, 30, 50)), (0, TEXT_COLOR)):
        label = font.render(words, True, col)
        screen.blit(label, label.get_rect(center=(cx + dx, cy + dx)))


def draw(screen):
    global canvas
    if canvas is None or canvas.get_size() != screen.get_size():
        canvas = pygame.Surface(screen.get_size())
    canvas.fill(BACKGROUND)
    for cx, cy, k in clouds:
        for dx, dy, rr in ((0, 0, 26), (24, -10, 22), (46, 0, 24), (22, 8, 24)):
            pygame.draw.circle(canvas, (245, 248, 255), (int(cx + dx * k), int(cy + dy * k)), int(rr * k))
    for p in pipes:
        draw_pipe(canvas, p[0], -10, p[1] - GAP / 2, True)
        draw_pipe(canvas, p[0], p[1] + GAP / 2, GROUND_Y, False)
    pygame.draw.rect(canvas, GROUND_COLOR, (0, GROUND_Y, WIDTH, HEIGHT - GROUND_Y))
    pygame.draw.rect(canvas, (120, 200, 80), (0, GROUND_Y, WIDTH, 14))
    for i in range(-1, WIDTH // 40 + 2):
        x = i * 40 - scroll
        pygame.draw.polygon(canvas, (90, 170, 60), [(x, GROUND_Y + 14), (x + 20, GROUND_Y + 14), (x + 10, GROUND_Y)])
    for p in particles:
        pygame.draw.circle(canvas, p[5], (int(p[0]), int(p[1])), max(1, int(p[4] * 7)))
    draw_bird(canvas, BIRD_X, bird_y)
    screen.blit(canvas, (random.uniform(-shake, shake), random.uniform(-shake, shake)))
    if flash > 0:
        screen.fill((int(200 * flash / 0.25),) * 3, special_flags=pygame.BLEND_RGB_ADD)

    shadowed(screen, text(72 + int(popup * 10) * 6), str(score), WIDTH // 2, 70)
    shadowed(screen, text(30), f"Best {best}", 50, 22)
    hint = text(24).render("Space / Up / click flap   P pause   R restart", True, (70, 60, 40))
    screen.blit(hint, (WIDTH // 2 - hint.get_width() // 2, HEIGHT - 34))
    banner = {"ready": "Get ready! Space to flap", "over": "Game over — R restarts"}.get(state)
    if paused:
        banner = "Paused — P resumes"
    if banner:
        label = text(44).render(banner, True, TEXT_COLOR)
        box = label.get_rect(center=(WIDTH // 2, HEIGHT // 2 - 110)).inflate(30, 20)
        pygame.draw.rect(screen, (30, 40, 60), box, border_radius=10)
        pygame.draw.rect(screen, BIRD_COLOR, box, 3, border_radius=10)
        screen.blit(label, label.get_rect(center=box.center))


restart()

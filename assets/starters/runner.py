"""Endless Runner. Space, Up or a click jumps (hold for higher), Down or S ducks, P pauses, R restarts."""

import math
import random

import pygame

WIDTH, HEIGHT = 800, 400
FPS = 60
RUNNER_COLOR = (240, 130, 60)  # tune: color
OBSTACLE_COLOR = (70, 170, 90)  # tune: accent_color
BACKGROUND = (250, 240, 220)  # tune: background
SPEED = 360  # tune: speed
GRAVITY = 2600  # tune: gravity
RUNNER_SIZE = 44  # tune: size
TEXT_COLOR = (60, 60, 70)
BIRD_COLOR = (120, 90, 160)
GROUND_Y = HEIGHT - 70
RUNNER_X = 110
RUNNER_W = int(RUNNER_SIZE * 0.7)
DUCK_H = int(RUNNER_SIZE * 0.55)
JUMP_HEIGHT = RUNNER_SIZE * 3
JUMP_SPEED = math.sqrt(2 * GRAVITY * JUMP_HEIGHT)
AIRTIME = 2 * JUMP_SPEED / GRAVITY
CACTUS_W = max(10, int(RUNNER_SIZE * 0.4))
# The widest cactus cluster a full jump clears at the slowest speed, so every tuning
# stays beatable: time spent above the tallest cactus, times speed, minus the runner.
ABOVE = 2 * math.sqrt(2 * (JUMP_HEIGHT - RUNNER_SIZE * 1.2) / GRAVITY)
MAX_CLUSTER = max(1, min(3, int((SPEED * ABOVE - RUNNER_W) * 0.8 / CACTUS_W)))

runner_y = 0.0        # height above the ground (0 = standing on it)
runner_v = 0.0
ducking = False
jump_held = False
obstacles = []        # [x, y_top, w, h, kind]  kind: "cactus" or "bird"
particles = []        # [x, y, vx, vy, life, color]
clouds = [[random.uniform(0, WIDTH), random.uniform(30, 150)] for _ in range(4)]
distance = 0.0
score = 0
best = 0
next_gap = 400.0      # pixels until the next obstacle
state = "ready"       # ready | play | over
timer = 1.2
clock = 0.0
scroll = 0.0
shake = 0.0
flash = 0.0
milestone = 0.0       # flashes the score every 100 points
paused = False
fonts = {}
canvas = None


def text(size):
    if size not in fonts:
        fonts[size] = pygame.font.Font(None, size)
    return fonts[size]


def restart():
    global runner_y, runner_v, distance, score, next_gap, state, timer, shake, flash, paused
    runner_y, runner_v, distance, score, next_gap = 0.0, 0.0, 0.0, 0, 500.0
    state, timer, shake, flash, paused = "ready", 1.2, 0.0, 0.0, False
    obstacles.clear()
    particles.clear()


def speed_now():
    return SPEED * min(2.0, 1 + distance / 40000)  # speeds up to double over time


def jump():
    global runner_v, jump_held, state
    if state == "ready":
        state = "play"
    if state == "play" and runner_y <= 0:
        runner_v, jump_held = JUMP_SPEED, True
        dust(6)


def dust(n):
    for _ in range(n):
        particles.append([RUNNER_X + random.uniform(-8, 8), GROUND_Y - 2, random.uniform(-160, -40), random.uniform(-90, -10), 0.4, (170, 150, 120)])


def on_key_down(key):
    global paused
    if key == pygame.K_r:
        restart()
    elif key == pygame.K_p and state != "over":
        paused = not paused
    elif key in (pygame.K_SPACE, pygame.K_UP, pygame.K_w) and not paused:
        jump()


def on_key_up(key):
    global runner_v, jump_held
    if key in (pygame.K_SPACE, pygame.K_UP, pygame.K_w):
        jump_held = False
        runner_v = min(runner_v, JUMP_SPEED * 0.45)  # an early release makes a short hop


def on_mouse_down(pos, button):
    if not paused:
        jump()


def spawn(speed):
    """Add a cactus cluster or (later on) a bird, at the right edge."""
    if score > 150 and random.random() < 0.3:
        low, mid, high = (0.15, 0.5), (0.7, 1.15), (1.35, 1.8)  # bottoms above the ground, in runner heights
        bottom, h = random.choice((low, mid, mid, high))
        obstacles.append([WIDTH + 20, GROUND_Y - RUNNER_SIZE * h, RUNNER_SIZE * 0.9, RUNNER_SIZE * (h - bottom), "bird"])
    else:
        n = random.randint(1, MAX_CLUSTER)
        h = RUNNER_SIZE * random.uniform(0.7, 1.2)
        obstacles.append([WIDTH + 20, GROUND_Y - h, CACTUS_W * n + 4 * (n - 1), h, "cactus"])
    # Room to land and jump again, plus a random extra that shrinks as the game speeds up.
    return speed * AIRTIME * 1.15 + RUNNER_W * 2 + random.uniform(0, 500) / (1 + distance / 20000)


def runner_rect():
    h = DUCK_H if ducking and runner_y <= 0 else RUNNER_SIZE
    w = RUNNER_W * 1.3 if ducking and runner_y <= 0 else RUNNER_W
    return pygame.Rect(RUNNER_X - w / 2, GROUND_Y - runner_y - h, w, h)


def update(dt):
    global runner_y, runner_v, ducking, distance, score, best, next_gap, state, timer, clock, scroll, shake, flash, milestone
    dt = min(dt, 1 / 30)
    clock += dt
    for p in particles:
        p[0], p[1], p[4] = p[0] + p[2] * dt, p[1] + p[3] * dt, p[4] - dt
        p[3] += 400 * dt
    particles[:] = [p for p in particles if p[4] > 0]
    shake, flash, milestone = max(0.0, shake - 30 * dt), max(0.0, flash - dt), max(0.0, milestone - dt)
    if paused:
        return
    timer -= dt
    if state == "over":
        if timer <= 0:
            restart()
        return
    if state == "ready":
        if timer <= 0:
            state = "play"
        return

    keys = pygame.key.get_pressed()
    ducking = bool(keys[pygame.K_DOWN] or keys[pygame.K_s])
    # Gravity pulls harder on the way down, and Down in the air dives: snappier jumps.
    pull = GRAVITY * (1.0 if runner_v > 0 and jump_held else 1.4) * (2.5 if ducking else 1)
    was_airborne = runner_y > 0
    runner_v -= pull * dt
    runner_y = max(0.0, runner_y + runner_v * dt)
    if runner_y <= 0:
        runner_v = 0.0
        if was_airborne:
            dust(5)

    speed = speed_now()
    distance += speed * dt
    scroll = (scroll + speed * dt) % 1000
    old_score, score = score, int(distance / 40)
    if score // 100 > old_score // 100:
        milestone = 0.8
    best = max(best, score)
    for c in clouds:
        c[0] -= speed * 0.1 * dt
        if c[0] < -80:
            c[0], c[1] = WIDTH + 40, random.uniform(30, 150)
    next_gap -= speed * dt
    if next_gap <= 0:
        next_gap = spawn(speed)
    body = runner_rect().inflate(-RUNNER_W * 0.25, -RUNNER_SIZE * 0.15)  # forgiving hitbox
    for o in obstacles:
        o[0] -= speed * dt * (1.15 if o[4] == "bird" else 1)  # birds fly toward you
        if body.colliderect(pygame.Rect(o[0], o[1], o[2], o[3]).inflate(-6, -6)):
            state, timer, shake, flash = "over", 3.0, 12.0, 0.25
            for _ in range(30):
                a, s = random.uniform(0, math.tau), random.uniform(60, 300)
                particles.append([body.centerx, body.centery, math.cos(a) * s, math.sin(a) * s, random.uniform(0.4, 1.0), RUNNER_COLOR])
            break
    obstacles[:] = [o for o in obstacles if o[0] + o[2] > -20]


def draw_runner(surface, rect):
    dark = tuple(max(0, c - 70) for c in RUNNER_COLOR)
    pygame.draw.rect(surface, RUNNER_COLOR, rect.inflate(0, -rect.height * 0.25).move(0, -rect.height * 0.1), border_radius=6)
    head = pygame.Rect(0, 0, rect.width * 0.8, rect.height * 0.42 if not ducking else rect.height * 0.6)
    head.topleft = (rect.centerx, rect.top) if not ducking or runner_y > 0 else (rect.centerx + 2, rect.top)
    pygame.draw.rect(surface, RUNNER_COLOR, head, border_radius=5)
    pygame.draw.circle(surface, (255, 255, 255), (int(head.right - head.width * 0.3), int(head.top + head.height * 0.35)), max(2, int(RUNNER_SIZE * 0.08)))
    pygame.draw.circle(surface, (0, 0, 0), (int(head.right - head.width * 0.25), int(head.top + head.height * 0.35)), max(1, int(RUNNER_SIZE * 0.04)))
    # two legs swinging in turn while on the ground, tucked while jumping
    swing = math.sin(clock * 22) * rect.width * 0.25 if runner_y <= 0 and state == "play" else 0
    leg = max(3, int(rect.width * 0.18))
    for side in (-1, 1):
        x = rect.centerx + side * rect.width * 0.2 + side * swing
        pygame.draw.line(surface, dark, (rect.centerx + side * rect.width * 0.2, rect.bottom - rect.height * 0.3), (x, rect.bottom), leg)


def draw_obstacle(surface, o):
    x, y, w, h, kind = o
    if kind == "bird":
        flapping = int(clock * 8) % 2
        pygame.draw.ellipse(surface, BIRD_COLOR, (x, y + h * 0.25, w, h * 0.5))
        wing = (y - h * 0.3) if flapping else (y + h * 1.1)
        pygame.draw.polygon(surface, BIRD_COLOR, [(x + w * 0.3, y + h * 0.5), (x + w * 0.7, y + h * 0.5), (x + w * 0.45, wing)])
        pygame.draw.polygon(surface, (250, 190, 60), [(x, y + h * 0.45), (x - w * 0.25, y + h * 0.55), (x, y + h * 0.65)])
        return
    dark = tuple(max(0, c - 50) for c in OBSTACLE_COLOR)
    n = max(1, round((w + 4) / (CACTUS_W + 4)))
    for i in range(n):
        cx = x + i * (CACTUS_W + 4)
        ch = h * (1 - 0.15 * (i % 2))  # uneven heights look more natural
        top = y + h - ch
        pygame.draw.rect(surface, OBSTACLE_COLOR, (cx, top, CACTUS_W, ch), border_radius=CACTUS_W // 2)
        arm = CACTUS_W * 0.35
        pygame.draw.rect(surface, OBSTACLE_COLOR, (cx - arm, top + ch * 0.35, arm + 2, ch * 0.15))
        pygame.draw.rect(surface, OBSTACLE_COLOR, (cx - arm, top + ch * 0.2, arm * 0.8, ch * 0.3), border_radius=3)
        pygame.draw.line(surface, dark, (cx + CACTUS_W * 0.5, top + 4), (cx + CACTUS_W * 0.5, top + ch - 4), 1)


def draw(screen):
    global canvas
    if canvas is None or canvas.get_size() != screen.get_size():
        canvas = pygame.Surface(screen.get_size())
    canvas.fill(BACKGROUND)
    shade = tuple(max(0, c - 25) for c in BACKGROUND)
    for cx, cy in clouds:
        pygame.draw.ellipse(canvas, shade, (cx, cy, 80, 24))
        pygame.draw.ellipse(canvas, shade, (cx + 20, cy - 12, 40, 26))
    for i in range(3):  # far hills scroll slower than the ground: parallax
        hx = (i * 400 - scroll * 0.3) % (WIDTH + 400) - 200
        pygame.draw.circle(canvas, shade, (int(hx), GROUND_Y + 60), 160)
    pygame.draw.rect(canvas, tuple(max(0, c - 15) for c in BACKGROUND), (0, GROUND_Y, WIDTH, HEIGHT - GROUND_Y))
    pygame.draw.line(canvas, TEXT_COLOR, (0, GROUND_Y), (WIDTH, GROUND_Y), 2)
    for i in range(30):  # pebbles drifting by
        px = (i * 131 - scroll) % WIDTH
        pygame.draw.line(canvas, TEXT_COLOR, (px, GROUND_Y + 8 + (i * 7) % 40), (px + 3 + i % 5, GROUND_Y + 8 + (i * 7) % 40), 1)
    for o in obstacles:
        draw_obstacle(canvas, o)
    if state != "over":
        draw_runner(canvas, runner_rect())
    for p in particles:
        pygame.draw.circle(canvas, p[5], (int(p[0]), int(p[1])), max(1, int(p[4] * 6)))
    screen.blit(canvas, (random.uniform(-shake, shake), random.uniform(-shake, shake)))
    if flash > 0:
        screen.fill((int(150 * flash / 0.25),) * 3, special_flags=pygame.BLEND_RGB_ADD)

    color = RUNNER_COLOR if milestone and int(milestone * 10) % 2 else TEXT_COLOR
    label = text(34).render(f"{score:05d}   Best {best:05d}", True, color)
    screen.blit(label, (WIDTH - label.get_width() - 16, 14))
    screen.blit(text(24).render("Space/Up/click jump (hold = higher)   Down duck   P pause   R restart", True, TEXT_COLOR), (16, HEIGHT - 28))
    banner = {"ready": "Get ready — Space jumps!", "over": "Game over — R restarts"}.get(state)
    if paused:
        banner = "Paused — P resumes"
    if banner:
        label = text(48).render(banner, True, (255, 255, 255))
        box = label.get_rect(center=(WIDTH // 2, HEIGHT // 2 - 60)).inflate(30, 20)
        pygame.draw.rect(screen, (40, 40, 50), box, border_radius=10)
        pygame.draw.rect(screen, RUNNER_COLOR, box, 3, border_radius=10)
        screen.blit(label, label.get_rect(center=box.center))


restart()

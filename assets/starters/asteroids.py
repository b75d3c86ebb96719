"""Asteroids. Left/Right or A/D rotate, Up or W thrusts, Space shoots, P pauses, R restarts."""

import math
import random

import pygame

WIDTH, HEIGHT = 640, 480
FPS = 60
SHIP_COLOR = (120, 220, 255)  # tune: color
ROCK_COLOR = (210, 190, 160)  # tune: accent_color
BACKGROUND = (6, 8, 18)  # tune: background
SPEED = 60  # tune: speed
ROCK_COUNT = 4  # tune: count
LIVES = 3  # tune: lives
SHIP_SIZE = 22  # tune: size
TEXT_COLOR = (235, 235, 245)
FLAME_COLOR = (255, 170, 60)
ROCK_RADII = (40, 22, 12)        # big, medium, small
ROCK_POINTS = (20, 50, 100)
SHIP_MAX = 160 + SPEED * 2       # the ship keeps pace with the rocks when they are fast
THRUST = SHIP_MAX * 1.6
TURN = 4.2                       # radians per second
BULLET_SPEED = SHIP_MAX + 320
BULLET_LIFE = 0.85

ship = [WIDTH / 2, HEIGHT / 2, 0.0, 0.0, -math.pi / 2]  # x, y, vx, vy, angle
rocks = []        # [x, y, vx, vy, size_index, shape, angle, spin]
bullets = []      # [x, y, vx, vy, life]
particles = []    # [x, y, vx, vy, life, color]
score = 0
best = 0
lives = LIVES
wave = 1
state = "ready"   # ready | play | dying | over
timer = 1.5
invulnerable = 0.0
cooldown = 0.0
thrusting = False
shake = 0.0
flash = 0.0
paused = False
fonts = {}
canvas = None


def text(size):
    if size not in fonts:
        fonts[size] = pygame.font.Font(None, size)
    return fonts[size]


def make_rock(x, y, size_index):
    angle = random.uniform(0, math.tau)
    speed = SPEED * random.uniform(0.6, 1.3) * (1 + 0.5 * size_index) * (1 + 0.1 * (wave - 1))
    shape = [random.uniform(0.72, 1.1) for _ in range(11)]  # jagged outline
    return [x, y, math.cos(angle) * speed, math.sin(angle) * speed, size_index, shape, 0.0, random.uniform(-1.5, 1.5)]


def start_wave():
    rocks.clear()
    for _ in range(ROCK_COUNT + wave - 1):
        # try a few spots for one far enough from the ship
        for _ in range(20):
            x, y = random.uniform(0, WIDTH), random.uniform(0, HEIGHT)
            if math.hypot(x - ship[0], y - ship[1]) > 170:
                break
        rocks.append(make_rock(x, y, 0))


def respawn():
    global invulnerable
    ship[:] = [WIDTH / 2, HEIGHT / 2, 0.0, 0.0, -math.pi / 2]
    invulnerable = 2.5


def restart():
    global score, lives, wave, state, timer, paused, shake, flash
    score, lives, wave, state, timer, paused, shake, flash = 0, LIVES, 1, "ready", 1.5, False, 0.0, 0.0
    bullets.clear()
    particles.clear()
    respawn()
    start_wave()


def burst(x, y, color, n, power):
    for _ in range(n):
        a, s = random.uniform(0, math.tau), random.uniform(0.15, 1) * power
        particles.append([x, y, math.cos(a) * s, math.sin(a) * s, random.uniform(0.3, 0.9), color])


def on_key_down(key):
    global paused, state
    if key == pygame.K_r:
        restart()
    elif key == pygame.K_p and state != "over":
        paused = not paused
    elif state == "ready" and key in (pygame.K_SPACE, pygame.K_RETURN):
        state = "play"


def break_rock(rock):
    global score, best, shake
    rocks.remove(rock)
    score += ROCK_POINTS[rock[4]]
    best = max(best, score)
    burst(rock[0], rock[1], ROCK_COLOR, 10 + 6 * (2 - rock[4]), 140)
    shake = max(shake, 6 - 2 * rock[4])
    if rock[4] < 2:
        for _ in range(2):
            rocks.append(make_rock(rock[0], rock[1], rock[4] + 1))


def update(dt):
    global state, timer, lives, wave, best, invulnerable, cooldown, thrusting, shake, flash
    dt = min(dt, 1 / 30)
    for p in particles:
        p[0], p[1], p[4] = p[0] + p[2] * dt, p[1] + p[3] * dt, p[4] - dt
    particles[:] = [p for p in particles if p[4] > 0]
    shake, flash = max(0.0, shake - 30 * dt), max(0.0, flash - dt)
    if paused:
        return
    timer -= dt
    if state == "ready":
        if timer <= 0:
            state = "play"
        return
    if state == "over" and timer <= 0:
        restart()
        return
    if state == "dying" and timer <= 0:
        state = "play"
        respawn()

    for r in rocks:  # rocks drift on in every state, so the screen stays alive
        r[0], r[1] = (r[0] + r[2] * dt) % WIDTH, (r[1] + r[3] * dt) % HEIGHT
        r[6] += r[7] * dt
    for b in bullets:
        b[0], b[1], b[4] = (b[0] + b[2] * dt) % WIDTH, (b[1] + b[3] * dt) % HEIGHT, b[4] - dt
        for r in rocks:
            if math.hypot(b[0] - r[0], b[1] - r[1]) < ROCK_RADII[r[4]]:
                b[4] = 0
                break_rock(r)
                break
    bullets[:] = [b for b in bullets if b[4] > 0]
    if state != "play":
        return

    keys = pygame.key.get_pressed()
    turn = (keys[pygame.K_RIGHT] or keys[pygame.K_d]) - (keys[pygame.K_LEFT] or keys[pygame.K_a])
    ship[4] += turn * TURN * dt
    thrusting = bool(keys[pygame.K_UP] or keys[pygame.K_w])
    dx, dy = math.cos(ship[4]), math.sin(ship[4])
    if thrusting:
        ship[2] += dx * THRUST * dt
        ship[3] += dy * THRUST * dt
        if random.random() < 0.6:  # exhaust sparks
            particles.append([ship[0] - dx * SHIP_SIZE * 0.6, ship[1] - dy * SHIP_SIZE * 0.6,
                              -dx * 120 + random.uniform(-40, 40), -dy * 120 + random.uniform(-40, 40), 0.25, FLAME_COLOR])
    speed = math.hypot(ship[2], ship[3])
    if speed > SHIP_MAX:
        ship[2], ship[3] = ship[2] * SHIP_MAX / speed, ship[3] * SHIP_MAX / speed
    drag = 0.6 ** dt  # space is forgiving: the ship slowly coasts to a stop
    ship[2], ship[3] = ship[2] * drag, ship[3] * drag
    ship[0], ship[1] = (ship[0] + ship[2] * dt) % WIDTH, (ship[1] + ship[3] * dt) % HEIGHT
    cooldown -= dt
    if keys[pygame.K_SPACE] and cooldown <= 0 and len(bullets) < 8:
        nose = SHIP_SIZE * 0.7
        bullets.append([ship[0] + dx * nose, ship[1] + dy * nose, ship[2] + dx * BULLET_SPEED, ship[3] + dy * BULLET_SPEED, BULLET_LIFE])
        cooldown = 0.18

    invulnerable -= dt
    if invulnerable <= 0:
        for r in rocks:
            if math.hypot(ship[0] - r[0], ship[1] - r[1]) < ROCK_RADII[r[4]] * 0.9 + SHIP_SIZE * 0.4:
                burst(ship[0], ship[1], SHIP_COLOR, 40, 200)
                shake, flash = 14, 0.3
                lives -= 1
                best = max(best, score)
                state, timer = ("over", 3.0) if lives <= 0 else ("dying", 1.5)
                break_rock(r)
                break
    if not rocks:
        wave += 1
        start_wave()
        invulnerable = 2.0
        state, timer = "ready", 1.5


def ship_points(x, y, angle, size):
    dx, dy = math.cos(angle), math.sin(angle)
    px, py = -dy, dx
    return [(x + dx * size * 0.7, y + dy * size * 0.7),
            (x - dx * size * 0.5 + px * size * 0.45, y - dy * size * 0.5 + py * size * 0.45),
            (x - dx * size * 0.25, y - dy * size * 0.25),
            (x - dx * size * 0.5 - px * size * 0.45, y - dy * size * 0.5 - py * size * 0.45)]


def draw_wrapped(surface, x, y, radius, paint):
    """Paint at (x, y) and again on the far side when the object straddles an edge."""
    for ox in (-WIDTH, 0, WIDTH):
        for oy in (-HEIGHT, 0, HEIGHT):
            if -radius < x + ox < WIDTH + radius and -radius < y + oy < HEIGHT + radius:
                paint(surface, x + ox, y + oy)


def draw(screen):
    global canvas
    if canvas is None or canvas.get_size() != screen.get_size():
        canvas = pygame.Surface(screen.get_size())
    canvas.fill(BACKGROUND)
    for i in range(60):
        v = 70 + (i * 37) % 120
        canvas.set_at(((i * 173) % WIDTH, (i * 91) % HEIGHT), (v, v, v))
    for r in rocks:
        radius = ROCK_RADII[r[4]]
        n = len(r[5])
        pts = [(math.cos(r[6] + i * math.tau / n) * radius * f, math.sin(r[6] + i * math.tau / n) * radius * f) for i, f in enumerate(r[5])]

        def paint(s, x, y, pts=pts):
            poly = [(x + px, y + py) for px, py in pts]
            pygame.draw.polygon(s, tuple(c // 4 for c in ROCK_COLOR), poly)
            pygame.draw.polygon(s, ROCK_COLOR, poly, 2)
        draw_wrapped(canvas, r[0], r[1], radius, paint)
    for b in bullets:
        pygame.draw.circle(canvas, (255, 255, 220), (int(b[0]), int(b[1])), 2)
    for p in particles:
        pygame.draw.circle(canvas, p[5], (int(p[0]), int(p[1])), max(1, int(p[4] * 4)))
    blink = state == "play" and invulnerable > 0 and int(invulnerable * 8) % 2 == 0
    if state in ("play", "ready") and not blink:
        def paint_ship(s, x, y):
            if thrusting and state == "play" and random.random() < 0.8:
                flame = ship_points(x, y, ship[4] + math.pi, SHIP_SIZE * random.uniform(0.6, 0.9))
                pygame.draw.polygon(s, FLAME_COLOR, [flame[0], flame[1], flame[3]])
            pygame.draw.polygon(s, BACKGROUND, ship_points(x, y, ship[4], SHIP_SIZE))
            pygame.draw.polygon(s, SHIP_COLOR, ship_points(x, y, ship[4], SHIP_SIZE), 2)
        draw_wrapped(canvas, ship[0], ship[1], SHIP_SIZE, paint_ship)
    screen.fill(BACKGROUND)
    screen.blit(canvas, (random.uniform(-shake, shake), random.uniform(-shake, shake)))
    if flash > 0:
        screen.fill((int(120 * flash / 0.3),) * 3, special_flags=pygame.BLEND_RGB_ADD)

    screen.blit(text(28).render(f"Score {score}   Best {best}   Wave {wave}", True, TEXT_COLOR), (12, 10))
    for i in range(lives):
        pygame.draw.polygon(screen, SHIP_COLOR, ship_points(WIDTH - 20 - i * 22, 20, -math.pi / 2, 16), 2)
    hint = text(22).render("Left/Right rotate   Up thrust   Space shoot   P pause   R restart", True, (140, 140, 160))
    screen.blit(hint, (WIDTH // 2 - hint.get_width() // 2, HEIGHT - 22))
    banner = {"ready": f"Wave {wave} — get ready!", "over": "Game over — R restarts"}.get(state)
    if paused:
        banner = "Paused — P resumes"
    if banner:
        label = text(52).render(banner, True, TEXT_COLOR)
        box = label.get_rect(center=(WIDTH // 2, HEIGHT // 2 - 70)).inflate(30, 20)
        pygame.draw.rect(screen, (0, 0, 0), box, border_radius=10)
        pygame.draw.rect(screen, SHIP_COLOR, box, 2, border_radius=10)
        screen.blit(label, label.get_rect(center=box.center))


restart()

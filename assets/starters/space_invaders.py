"""Space Invaders. Left/Right or A/D move, Space shoots, P pauses, R restarts."""

import math
import random

import pygame

WIDTH, HEIGHT = 640, 480
FPS = 60
SHIP_COLOR = (90, 220, 255)  # tune: color
ALIEN_COLOR = (150, 255, 120)  # tune: accent_color
BACKGROUND = (8, 10, 24)  # tune: background
SPEED = 30  # tune: speed
ALIEN_COLUMNS = 8  # tune: count
LIVES = 3  # tune: lives
SHIP_SIZE = 30  # tune: size
TEXT_COLOR = (235, 235, 245)
BOMB_COLOR = (255, 120, 90)
SHIELD_COLOR = (90, 200, 110)
HUD_H = 36
SHIP_Y = HEIGHT - 40
SHIP_SPEED = 280
BULLET_SPEED = 540
SHOT_COOLDOWN = 0.32
CELL = 4  # shield blocks are CELL x CELL pixels

# Layout of the formation, worked out from the column count: spacing shrinks to fit,
# and past 24 columns the extra aliens become extra rows instead.
COLS = max(1, min(ALIEN_COLUMNS, 24))
ROWS = 5 + math.ceil(max(0, ALIEN_COLUMNS - COLS) * 5 / 24)
SPACING_X = min(48, (WIDTH - 140) / COLS)
SPACING_Y = min(34, 170 / ROWS + 4)
ALIEN_W = max(8, SPACING_X * 0.7)
ALIEN_H = max(6, min(ALIEN_W * 0.7, SPACING_Y - 8))

ship_x = WIDTH / 2
lives = LIVES
score = 0
best = 0
wave = 1
aliens = []          # [col, row] of living aliens
form_x = 0.0         # formation offset, moves as one block
form_y = 0.0
form_dir = 1
step_anim = 0.0      # drives the two-frame leg wiggle
bullets = []         # player shots [x, y]
bombs = []           # alien shots [x, y, speed]
shield = set()       # (cx, cy) grid cells of the bunkers
particles = []       # [x, y, vx, vy, life, color]
state = "ready"      # ready | play | dying | over
timer = 1.5
cooldown = 0.0
bomb_timer = 1.0
shake = 0.0
flash = 0.0
paused = False
fonts = {}
canvas = None


def text(size):
    if size not in fonts:
        fonts[size] = pygame.font.Font(None, size)
    return fonts[size]


def new_wave():
    global aliens, form_x, form_y, form_dir, bullets, bombs, bomb_timer
    aliens = [[c, r] for r in range(ROWS) for c in range(COLS)]
    form_x, form_dir = 0.0, 1
    form_y = min(12 * (wave - 1), 90)  # later waves start lower
    bullets, bombs, bomb_timer = [], [], 1.2


def build_shields():
    global shield
    shield = set()
    for i in range(4):
        cx = int(WIDTH * (i + 1) / 5) // CELL
        for gx in range(-7, 7):
            for gy in range(0, 8):
                if gy > 5 and abs(gx + 0.5) < 3:  # arch under the bunker
                    continue
                if gy < 2 and abs(gx + 0.5) > 6 - gy * 2:  # rounded top corners
                    continue
                shield.add((cx + gx, (SHIP_Y - 70) // CELL + gy))


def restart():
    global ship_x, lives, score, wave, particles, state, timer, shake, flash, paused
    ship_x, lives, score, wave = WIDTH / 2, LIVES, 0, 1
    particles, state, timer, shake, flash, paused = [], "ready", 1.5, 0.0, 0.0, False
    new_wave()
    build_shields()


def alien_rect(col, row):
    x = 70 + form_x + col * SPACING_X + (SPACING_X - ALIEN_W) / 2
    y = HUD_H + 30 + form_y + row * SPACING_Y
    return pygame.Rect(int(x), int(y), int(ALIEN_W), int(ALIEN_H))


def burst(x, y, color, n=18, power=160):
    for _ in range(n):
        a, s = random.uniform(0, math.tau), random.uniform(0.2, 1) * power
        particles.append([x, y, math.cos(a) * s, math.sin(a) * s, random.uniform(0.3, 0.8), color])


def hit_shield(x, y):
    """Chip a small hole out of a bunker if (x, y) is inside one."""
    key = (int(x) // CELL, int(y) // CELL)
    if key not in shield:
        return False
    shield.difference_update({(key[0] + dx, key[1] + dy) for dx in (-1, 0, 1) for dy in (-1, 0, 1) if random.random() < 0.75})
    shield.discard(key)
    return True


def on_key_down(key):
    global paused, state
    if key == pygame.K_r:
        restart()
    elif key == pygame.K_p and state != "over":
        paused = not paused
    elif state == "ready" and key in (pygame.K_SPACE, pygame.K_RETURN):
        state = "play"


def player_hit():
    global lives, state, timer, shake, flash, best
    burst(ship_x, SHIP_Y, SHIP_COLOR, 40, 220)
    lives -= 1
    shake, flash = 12, 0.25
    bombs.clear()
    state, timer = ("over", 3.0) if lives <= 0 else ("dying", 1.2)
    best = max(best, score)


def update(dt):
    global ship_x, form_x, form_y, form_dir, step_anim, cooldown, bomb_timer, score, best, wave, state, timer, shake, flash
    dt = min(dt, 1 / 30)
    for p in particles:
        p[0], p[1], p[4] = p[0] + p[2] * dt, p[1] + p[3] * dt, p[4] - dt
    particles[:] = [p for p in particles if p[4] > 0]
    shake, flash = max(0.0, shake - 40 * dt), max(0.0, flash - dt)
    if paused:
        return
    timer -= dt
    if state in ("over", "ready"):
        if timer <= 0 and state == "over":
            restart()
        elif timer <= 0:
            state = "play"
        return
    if state == "dying" and timer <= 0:
        state = "play"

    keys = pygame.key.get_pressed()
    if state == "play":
        move = (keys[pygame.K_RIGHT] or keys[pygame.K_d]) - (keys[pygame.K_LEFT] or keys[pygame.K_a])
        half = SHIP_SIZE / 2
        ship_x = max(half, min(WIDTH - half, ship_x + move * SHIP_SPEED * dt))
        cooldown -= dt
        if keys[pygame.K_SPACE] and cooldown <= 0 and len(bullets) < 3:
            bullets.append([ship_x, SHIP_Y - SHIP_SIZE * 0.5])
            cooldown = SHOT_COOLDOWN

    # The formation speeds up as it thins out and with every wave.
    total = COLS * ROWS
    pace = SPEED * (1 + 3 * (1 - len(aliens) / total)) * (1 + 0.2 * (wave - 1))
    form_x += form_dir * pace * dt
    step_anim += pace * dt / 12
    rects = [alien_rect(c, r) for c, r in aliens]
    if rects and (max(r.right for r in rects) > WIDTH - 10 or min(r.left for r in rects) < 10):
        form_dir = -form_dir
        form_x += form_dir * pace * dt * 2
        form_y += 14
    if rects and max(r.bottom for r in rects) >= SHIP_Y - SHIP_SIZE * 0.3:
        player_hit()
        state, timer = "over", 3.0  # invaded: the game is over whatever the lives
        return
    # Aliens eat through the bunkers they touch.
    for r in rects:
        if r.bottom >= SHIP_Y - 80:
            shield.difference_update({(cx, cy) for cx in range(r.left // CELL, r.right // CELL + 1) for cy in range(r.top // CELL, r.bottom // CELL + 1)})

    for b in bullets:
        b[1] -= BULLET_SPEED * dt
        if hit_shield(b[0], b[1]):
            b[1] = -99
        for i, r in enumerate(rects):
            if r.inflate(4, 4).collidepoint(b[0], b[1]):
                col, row = aliens.pop(i)
                rects.pop(i)
                score += 10 * (ROWS - row)
                best = max(best, score)
                burst(r.centerx, r.centery, ALIEN_COLOR)
                shake = max(shake, 3)
                b[1] = -99
                break
    bullets[:] = [b for b in bullets if b[1] > HUD_H]

    # Only the lowest alien of a column can drop a bomb.
    bomb_timer -= dt
    if bomb_timer <= 0 and aliens:
        bottom = {}
        for (c, r), rect in zip(aliens, rects):
            if c not in bottom or rect.bottom > bottom[c].bottom:
                bottom[c] = rect
        shooter = random.choice(list(bottom.values()))
        bombs.append([shooter.centerx, shooter.bottom, random.uniform(160, 220) + 20 * wave])
        bomb_timer = max(0.25, random.uniform(0.6, 1.4) - 0.08 * wave)
    for m in bombs:
        m[1] += m[2] * dt
        if hit_shield(m[0], m[1]):
            m[1] = HEIGHT + 99
        elif state == "play" and abs(m[0] - ship_x) < SHIP_SIZE / 2 and SHIP_Y - SHIP_SIZE * 0.4 < m[1] < SHIP_Y + 10:
            player_hit()
            break
    bombs[:] = [m for m in bombs if m[1] < HEIGHT]

    if not aliens and state != "over":
        wave += 1
        new_wave()
        flash = 0.15
        state, timer = "ready", 1.5


def draw_alien(surface, rect, row, frame):
    shade = 1 - 0.12 * (row % 3)
    color = tuple(int(c * shade) for c in ALIEN_COLOR)
    w, h = rect.width, rect.height
    body = pygame.Rect(rect.x, rect.y + h // 5, w, h * 3 // 5)
    pygame.draw.rect(surface, color, body, border_radius=max(1, w // 4))
    eye = max(1, w // 7)
    for ex in (rect.x + w // 3, rect.x + 2 * w // 3):
        pygame.draw.rect(surface, BACKGROUND, (ex - eye // 2, body.y + body.height // 3, eye, eye))
    # antennae and legs alternate between two poses, like the arcade sprites
    spread = w // 4 if frame else w // 6
    pygame.draw.line(surface, color, (rect.x + w // 3, body.y), (rect.x + w // 3 - spread // 2, rect.y), 2)
    pygame.draw.line(surface, color, (rect.x + 2 * w // 3, body.y), (rect.x + 2 * w // 3 + spread // 2, rect.y), 2)
    for lx in (rect.x + w // 5, rect.right - w // 5):
        off = spread if lx > rect.centerx else -spread
        pygame.draw.line(surface, color, (lx, body.bottom - 1), (lx + (off if frame else -off) // 2, rect.bottom), 2)


def draw_ship(surface, x, y, size, color):
    pts = [(x, y - size * 0.55), (x + size / 2, y + size * 0.2), (x - size / 2, y + size * 0.2)]
    pygame.draw.rect(surface, color, (x - size / 2, y, size, size * 0.25), border_radius=3)
    pygame.draw.polygon(surface, color, pts)
    pygame.draw.rect(surface, (255, 255, 255), (x - 2, y - size * 0.55 - 3, 4, 6))


def draw(screen):
    global canvas
    if canvas is None or canvas.get_size() != screen.get_size():
        canvas = pygame.Surface(screen.get_size())
    canvas.fill(BACKGROUND)
    for i in range(40):  # a fixed, gently twinkling star field
        v = 60 + int(40 * math.sin(step_anim * 0.1 + i))
        canvas.set_at(((i * 97) % WIDTH, HUD_H + (i * 61) % (HEIGHT - HUD_H)), (v, v, v + 20))
    for cx, cy in shield:
        canvas.fill(SHIELD_COLOR, (cx * CELL, cy * CELL, CELL, CELL))
    frame = int(step_anim) % 2
    for c, r in aliens:
        draw_alien(canvas, alien_rect(c, r), r, frame)
    for b in bullets:
        pygame.draw.rect(canvas, (255, 255, 200), (b[0] - 1, b[1] - 8, 3, 10))
    for m in bombs:
        zig = 3 if int(m[1] / 8) % 2 else -3
        pygame.draw.lines(canvas, BOMB_COLOR, False, [(m[0], m[1] - 10), (m[0] + zig, m[1] - 5), (m[0], m[1])], 2)
    if state in ("play", "ready") or (state == "dying" and int(timer * 10) % 2 == 0 and timer < 0.8):
        draw_ship(canvas, ship_x, SHIP_Y, SHIP_SIZE, SHIP_COLOR)
    for p in particles:
        pygame.draw.circle(canvas, p[5], (int(p[0]), int(p[1])), max(1, int(p[4] * 4)))
    pygame.draw.line(canvas, SHIELD_COLOR, (0, SHIP_Y + 14), (WIDTH, SHIP_Y + 14), 2)
    screen.fill(BACKGROUND)
    screen.blit(canvas, (random.uniform(-shake, shake), random.uniform(-shake, shake)))
    if flash > 0:
        screen.fill((int(90 * flash / 0.25),) * 3, special_flags=pygame.BLEND_RGB_ADD)

    pygame.draw.rect(screen, (0, 0, 0), (0, 0, WIDTH, HUD_H))
    screen.blit(text(28).render(f"Score {score}   Best {best}   Wave {wave}", True, TEXT_COLOR), (12, 10))
    for i in range(lives):
        draw_ship(screen, WIDTH - 24 - i * 26, 20, 18, SHIP_COLOR)
    hint = text(22).render("Left/Right or A/D move   Space shoots   P pause   R restart", True, (150, 150, 170))
    screen.blit(hint, (WIDTH // 2 - hint.get_width() // 2, HEIGHT - 18))
    banner = {"ready": f"Wave {wave} — get ready!", "over": "Game over — R restarts"}.get(state)
    if paused:
        banner = "Paused — P resumes"
    if banner:
        label = text(52).render(banner, True, TEXT_COLOR)
        box = label.get_rect(center=(WIDTH // 2, HEIGHT // 2)).inflate(30, 20)
        pygame.draw.rect(screen, (0, 0, 0), box, border_radius=10)
        pygame.draw.rect(screen, SHIP_COLOR, box, 2, border_radius=10)
        screen.blit(label, label.get_rect(center=box.center))


restart()

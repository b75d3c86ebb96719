"""Platformer. Left/Right or A/D run, Space, Up or W jumps (hold for higher), P pauses, R restarts."""

import math
import random

import pygame

WIDTH, HEIGHT = 640, 480
FPS = 60
PLAYER_COLOR = (240, 90, 90)  # tune: color
COIN_COLOR = (255, 210, 60)  # tune: accent_color
BACKGROUND = (120, 190, 240)  # tune: background
SPEED = 240  # tune: speed
GRAVITY = 1800  # tune: gravity
COIN_COUNT = 12  # tune: count
LIVES = 3  # tune: lives
TEXT_COLOR = (255, 255, 255)
GROUND_COLOR = (150, 105, 70)
GRASS_COLOR = (90, 190, 80)
ENEMY_COLOR = (120, 70, 160)
PLAYER_W, PLAYER_H = 24, 32
FLOOR = HEIGHT - 70
# Low gravity jumps a bit higher, heavy gravity a bit lower; the level generator only
# builds steps and gaps this jump can clear, so every tuning stays beatable.
JUMP_H = 120 * (1800 / GRAVITY) ** 0.3
JUMP_SPEED = math.sqrt(2 * GRAVITY * JUMP_H)
REACH = SPEED * 2 * JUMP_SPEED / GRAVITY  # run-jump distance back to the same height
STEP = JUMP_H * 0.6

player = [60.0, 0.0, 0.0, 0.0]  # x, y (top-left), vx, vy
on_ground = False
coyote = 0.0          # a jump still works this long after running off an edge
facing = 1
pillars = []          # pygame.Rect ground columns
ledges = []           # pygame.Rect floating one-way platforms
coins = []            # [x, y, taken]
enemies = []          # [x, y, vx, left, right, alive]
particles = []        # [x, y, vx, vy, life, color]
flag_x = 0
level = 1
level_w = 2000
score = 0
best = 0
lives = LIVES
coins_taken = 0
state = "ready"       # ready | play | dying | clear | over
timer = 1.5
camera = 0.0
invulnerable = 0.0
clock = 0.0
shake = 0.0
paused = False
fonts = {}
canvas = None


def text(size):
    if size not in fonts:
        fonts[size] = pygame.font.Font(None, size)
    return fonts[size]


def build_level():
    """Columns of ground of varying height with gaps between them, all within a jump."""
    global flag_x, level_w, coins_taken
    rng = random.Random(level * 7919)  # the same level every time you play it
    for items in (pillars, ledges, enemies, coins):
        items.clear()
    x, top = 360, FLOOR
    pillars.append(pygame.Rect(0, top, 360, HEIGHT))
    length = 2000 + 400 * min(level, 6)
    while x < length:
        new_top = max(FLOOR - 3 * STEP, 200, min(FLOOR, top + rng.uniform(-STEP, STEP)))
        max_gap = REACH * (0.45 if new_top < top else 0.65)  # a gap up is shorter than a gap across
        gap = int(rng.uniform(0.3, 1) * max_gap) if rng.random() < 0.7 else 0
        width = rng.randint(int(max(140, REACH * 0.5)), int(max(320, REACH)))  # room to land
        top = new_top
        pillars.append(pygame.Rect(x + gap, int(top), width, HEIGHT))
        if rng.random() < 0.45:  # a ledge you can jump up through
            ledges.append(pygame.Rect(x + gap + rng.randint(0, width - 100), int(max(90, top - STEP * 1.2)), rng.randint(80, 140), 14))
        x += gap + width
    pillars.append(pygame.Rect(x, FLOOR, 400, HEIGHT))  # the flag stands on a wide last column
    level_w, flag_x = x + 400, x + 260
    for i in range(COIN_COUNT):
        cx = 300 + (i + 0.5) * (level_w - 700) / COIN_COUNT
        below = [p.top for p in pillars + ledges if p.left - 20 < cx < p.right + 20]
        coins.append([cx, max(60, min(below or [FLOOR]) - 40 - rng.uniform(0, JUMP_H * 0.5)), False])
    wide = [p for p in pillars[1:-1] if p.width >= 180]
    for p in rng.sample(wide, min(len(wide), 1 + level)):
        enemies.append([p.centerx, p.top - 22, 60 + 15 * level, p.left, p.right - 28, True])
    coins_taken = 0


def respawn():
    global on_ground, invulnerable, camera
    player[:] = [60.0, FLOOR - PLAYER_H, 0.0, 0.0]
    on_ground, invulnerable, camera = False, 1.5, 0.0


def restart():
    global level, score, lives, state, timer, paused, shake
    level, score, lives, state, timer, paused, shake = 1, 0, LIVES, "ready", 1.5, False, 0.0
    particles.clear()
    build_level()
    respawn()


def burst(x, y, color, n=12, power=150):
    for _ in range(n):
        a, s = random.uniform(0, math.tau), random.uniform(0.2, 1) * power
        particles.append([x, y, math.cos(a) * s, math.sin(a) * s - 60, random.uniform(0.3, 0.7), color])


def on_key_down(key):
    global paused, state, coyote, on_ground
    if key == pygame.K_r:
        restart()
    elif key == pygame.K_p and state != "over":
        paused = not paused
    elif key in (pygame.K_SPACE, pygame.K_UP, pygame.K_w) and not paused:
        if state == "ready":
            state = "play"
        if state == "play" and (on_ground or coyote > 0):
            player[3], on_ground, coyote = -JUMP_SPEED, False, 0.0
            burst(player[0] + PLAYER_W / 2, player[1] + PLAYER_H, (230, 230, 230), 5, 60)


def on_key_up(key):
    if key in (pygame.K_SPACE, pygame.K_UP, pygame.K_w) and player[3] < 0:
        player[3] *= 0.45  # short hop when the button is released early


def lose_life():
    global lives, state, timer, shake, best
    burst(player[0] + PLAYER_W / 2, player[1] + PLAYER_H / 2, PLAYER_COLOR, 30, 240)
    lives, shake, best = lives - 1, 10.0, max(best, score)
    state, timer = ("over", 3.0) if lives <= 0 else ("dying", 1.0)


def update(dt):
    global on_ground, coyote, facing, level, score, best, coins_taken, state, timer, camera, invulnerable, clock, shake
    dt = min(dt, 1 / 30)
    clock += dt
    for p in particles:
        p[0], p[1], p[3], p[4] = p[0] + p[2] * dt, p[1] + p[3] * dt, p[3] + 500 * dt, p[4] - dt
    particles[:] = [p for p in particles if p[4] > 0]
    shake = max(0.0, shake - 30 * dt)
    if paused:
        return
    timer -= dt
    if state in ("ready", "dying", "clear", "over"):
        if timer > 0:
            return
        if state == "over":
            restart()
            return
        if state == "clear":
            level += 1
            build_level()
        if state != "ready":
            respawn()
        state = "play"

    for e in enemies:
        e[0] += e[2] * dt
        if e[0] < e[3] or e[0] > e[4]:
            e[0], e[2] = max(e[3], min(e[4], e[0])), -e[2]

    keys = pygame.key.get_pressed()
    move = (keys[pygame.K_RIGHT] or keys[pygame.K_d]) - (keys[pygame.K_LEFT] or keys[pygame.K_a])
    facing = move or facing
    # Ease toward the target speed: quick to start, quicker to stop, looser in the air.
    player[2] += (move * SPEED - player[2]) * min(1.0, (12 if on_ground else 5) * dt)
    player[3] = min(player[3] + GRAVITY * dt, JUMP_SPEED * 1.4)
    player[0] = max(0.0, min(level_w - PLAYER_W, player[0] + player[2] * dt))
    body = pygame.Rect(int(player[0]), int(player[1]), PLAYER_W, PLAYER_H)
    for p in pillars:
        if body.colliderect(p):  # ran into the side of a taller column
            if player[2] > 0:
                body.right = p.left
            elif player[2] < 0:
                body.left = p.right
            player[0], player[2] = float(body.x), 0.0
    feet = player[1] + PLAYER_H  # land on any top the feet were above before this move
    player[1] += player[3] * dt
    was_on_ground, on_ground = on_ground, False
    for p in pillars + ledges:
        if player[3] >= 0 and p.left < player[0] + PLAYER_W and player[0] < p.right and feet <= p.top + 1 <= player[1] + PLAYER_H + 1:
            player[1], player[3], on_ground = float(p.top - PLAYER_H), 0.0, True
    body = pygame.Rect(int(player[0]), int(player[1]), PLAYER_W, PLAYER_H)
    coyote = 0.1 if on_ground else coyote - dt
    if on_ground and not was_on_ground:
        burst(body.centerx, body.bottom, (230, 230, 230), 4, 50)

    if body.top > HEIGHT:
        lose_life()
        return
    for c in coins:
        if not c[2] and body.inflate(8, 8).collidepoint(c[0], c[1]):
            c[2], score, coins_taken = True, score + 10, coins_taken + 1
            burst(c[0], c[1], COIN_COLOR, 10, 120)
    invulnerable -= dt
    for e in enemies:
        foe = pygame.Rect(int(e[0]), int(e[1]), 28, 22)
        if e[5] and body.colliderect(foe):
            if player[3] > 0 and body.bottom - foe.top < 16:  # landed on it: stomp
                e[5], score, player[3] = False, score + 50, -JUMP_SPEED * 0.6
                burst(foe.centerx, foe.centery, ENEMY_COLOR, 16, 180)
                shake = 4.0
            elif invulnerable <= 0:
                lose_life()
                return
    enemies[:] = [e for e in enemies if e[5]]
    best = max(best, score)
    if body.right >= flag_x:
        score += 100 * level
        best = max(best, score)
        burst(flag_x, body.top, COIN_COLOR, 40, 260)
        state, timer = "clear", 2.0
    target = max(0.0, min(level_w - WIDTH, player[0] - WIDTH * 0.4))
    camera += (target - camera) * min(1.0, 8 * dt)  # smooth follow


def draw_player(surface, x, y):
    stretch = max(-6, min(6, player[3] / 120)) if not on_ground else 0  # squash and stretch
    body = pygame.Rect(x - stretch / 2, y - stretch, PLAYER_W + stretch, PLAYER_H + stretch)
    pygame.draw.rect(surface, PLAYER_COLOR, body, border_radius=7)
    eye_x = body.centerx + facing * 5
    pygame.draw.circle(surface, (255, 255, 255), (int(eye_x), int(body.top + 10)), 5)
    pygame.draw.circle(surface, (0, 0, 0), (int(eye_x + facing * 2), int(body.top + 10)), 2)
    step = math.sin(clock * 20) * 4 if on_ground and abs(player[2]) > 20 else 0
    for side in (-1, 1):
        pygame.draw.rect(surface, (60, 40, 40), (body.centerx + side * 6 - 4 + side * step, body.bottom - 3, 8, 5), border_radius=2)


def draw(screen):
    global canvas
    if canvas is None or canvas.get_size() != screen.get_size():
        canvas = pygame.Surface(screen.get_size())
    canvas.fill(BACKGROUND)
    far = tuple(max(0, min(255, c + 30)) for c in BACKGROUND)
    for i in range(8):  # distant hills move at a third of the camera speed
        hx = (i * 260 - camera * 0.3) % (WIDTH + 520) - 260
        pygame.draw.circle(canvas, far, (int(hx), FLOOR + 80), 150 + (i % 3) * 40)
    cam = int(camera)
    for p in pillars:
        if p.right - cam < 0 or p.left - cam > WIDTH:
            continue
        r = p.move(-cam, 0)
        pygame.draw.rect(canvas, GROUND_COLOR, r)
        pygame.draw.rect(canvas, GRASS_COLOR, (r.x, r.y, r.width, 10))
        for k in range(r.x + 12, r.right - 6, 28):
            pygame.draw.circle(canvas, tuple(c - 25 for c in GROUND_COLOR), (k, r.y + 30 + (k * 7) % 50), 4)
    for r in ledges:
        pygame.draw.rect(canvas, GROUND_COLOR, r.move(-cam, 0), border_radius=5)
        pygame.draw.rect(canvas, GRASS_COLOR, r.move(-cam, 0).inflate(0, -8).move(0, -4), border_radius=4)
    for c in coins:
        if not c[2]:
            w = abs(math.cos(clock * 4 + c[0])) * 16 + 4  # spinning coin
            pygame.draw.ellipse(canvas, COIN_COLOR, (c[0] - cam - w / 2, c[1] - 11, w, 22))
            pygame.draw.ellipse(canvas, (255, 255, 255), (c[0] - cam - w / 4, c[1] - 7, max(1, w / 4), 8))
    for e in enemies:
        ex, ey = int(e[0]) - cam, int(e[1])
        squish = int(math.sin(clock * 10 + e[3]) * 2)
        pygame.draw.ellipse(canvas, ENEMY_COLOR, (ex, ey - squish, 28, 22 + squish))
        for side in (8, 20):
            pygame.draw.circle(canvas, (255, 255, 255), (ex + side, ey + 8), 4)
            pygame.draw.circle(canvas, (0, 0, 0), (ex + side + (2 if e[2] > 0 else -2), ey + 8), 2)
    fx = flag_x - cam
    pygame.draw.line(canvas, (230, 230, 230), (fx, FLOOR), (fx, FLOOR - 110), 4)
    wave = math.sin(clock * 6) * 4
    pygame.draw.polygon(canvas, COIN_COLOR, [(fx + 2, FLOOR - 110), (fx + 44, FLOOR - 98 + wave), (fx + 2, FLOOR - 84)])
    blink = state == "play" and invulnerable > 0 and int(invulnerable * 10) % 2 == 0
    if state in ("play", "ready", "clear") and not blink:
        draw_player(canvas, player[0] - cam, player[1])
    for p in particles:
        pygame.draw.circle(canvas, p[5], (int(p[0] - cam), int(p[1])), max(1, int(p[4] * 6)))
    screen.blit(canvas, (random.uniform(-shake, shake), random.uniform(-shake, shake)))

    hud = f"Score {score}   Best {best}   Coins {coins_taken}/{COIN_COUNT}   Level {level}"
    for offset, col in ((2, (30, 30, 50)), (0, TEXT_COLOR)):
        screen.blit(text(28).render(hud, True, col), (12 + offset, 10 + offset))
    for x in range(WIDTH - 22, WIDTH - 22 - lives * 22, -22):  # hearts
        for dx in (-4, 4):
            pygame.draw.circle(screen, PLAYER_COLOR, (x + dx, 18), 5)
        pygame.draw.polygon(screen, PLAYER_COLOR, [(x - 9, 20), (x + 9, 20), (x, 29)])
    hint = text(22).render("Left/Right run   Space/Up jump   stomp enemies   P pause   R restart", True, TEXT_COLOR)
    screen.blit(hint, (WIDTH // 2 - hint.get_width() // 2, HEIGHT - 22))
    banner = {"ready": f"Level {level} — get ready!", "clear": f"Level {level} clear!", "over": "Game over — R restarts"}.get(state)
    if paused:
        banner = "Paused — P resumes"
    if banner:
        label = text(50).render(banner, True, TEXT_COLOR)
        box = label.get_rect(center=(WIDTH // 2, HEIGHT // 2 - 80)).inflate(30, 20)
        pygame.draw.rect(screen, (30, 30, 50), box, border_radius=10)
        pygame.draw.rect(screen, COIN_COLOR, box, 3, border_radius=10)
        screen.blit(label, label.get_rect(center=box.center))


restart()

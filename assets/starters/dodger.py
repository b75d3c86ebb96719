"""Traffic Dodger. Left/Right or A/D steer, Up/Down or W/S move forward and back,
P pauses, R restarts.

Weave through traffic and grab coins; the road gets faster the longer you last.
"""

import random

import pygame

WIDTH, HEIGHT = 640, 480
PLAYER_COLOR = (70, 160, 255)  # tune: color
TRAFFIC_COLOR = (235, 85, 70)  # tune: accent_color
BACKGROUND = (28, 70, 44)  # tune: background
SPEED = 300  # tune: speed
OBSTACLE_COUNT = 6  # tune: count
PLAYER_SIZE = 36  # tune: size
LIVES = 3  # tune: lives
LANES, LANE_W = 5, 80
ROAD_X = (WIDTH - LANES * LANE_W) // 2
CAR_W = max(16, min(LANE_W - 10, PLAYER_SIZE))  # the player's car always fits a lane
CAR_H = int(CAR_W * 1.8)
TRAFFIC_W, TRAFFIC_H = 40, 72
COIN_COLOR = (255, 215, 60)
ROAD_COLOR = (52, 54, 62)
TOP = 40
RESTART_DELAY = 3.0
INK = (240, 240, 245)

player = {"x": WIDTH / 2.0, "y": HEIGHT - 90.0}
cars = []  # [x, y, length, colour]; all traffic shares one speed so gaps never close
coins = []  # [x, y]
particles = []
lives, hurt = LIVES, 0.0
pace = float(SPEED)
distance, coin_score, best = 0.0, 0, 0
spawn_timer, coin_timer, stripe = 0.0, 1.0, 0.0
shake, flash = 0.0, 0.0
state, over_timer, paused = "play", 0.0, False
fonts, sounds = {}, {}


def score():
    return int(distance / 20) + coin_score


def restart():
    global lives, hurt, pace, distance, coin_score, state, paused, shake, flash
    player.update(x=WIDTH / 2.0, y=HEIGHT - 90.0)
    cars.clear()
    coins.clear()
    particles.clear()
    lives, hurt, pace, distance, coin_score = LIVES, 0.0, float(SPEED), 0.0, 0
    state, paused, shake, flash = "play", False, 0.0, 0.0


def play(name):
    """Sounds come from the asset pack by file name; silence if audio is unavailable."""
    try:
        if name not in sounds:
            sounds[name] = pygame.mixer.Sound(name)
        if sounds[name] is not None:
            sounds[name].play()
    except Exception:
        sounds[name] = None


def lane_x(lane):
    return ROAD_X + lane * LANE_W + LANE_W / 2


def spawn_car():
    length = TRAFFIC_H * (1.6 if random.random() < 0.2 else 1)  # some are trucks
    # Lanes with a car near the top are taken; always leave at least one lane open.
    busy = {int((c[0] - ROAD_X) // LANE_W) for c in cars if c[1] < TRAFFIC_H * 3}
    free = [lane for lane in range(LANES) if lane not in busy]
    if len(free) <= 1:
        return
    shade = random.uniform(0.7, 1.1)
    color = tuple(max(0, min(255, int(c * shade))) for c in TRAFFIC_COLOR)
    cars.append([lane_x(random.choice(free)), -length, length, color])


def burst(x, y, color, n, power=200):
    for _ in range(n):
        particles.append([x, y, random.uniform(-power, power), random.uniform(-power, power), random.uniform(0.3, 0.8), color])


def on_key_down(key):
    global paused
    if key == pygame.K_r:
        restart()
    elif key == pygame.K_p and state == "play":
        paused = not paused


def update(dt):
    global pace, distance, coin_score, spawn_timer, coin_timer, stripe, shake, flash, lives, hurt, state, over_timer, best
    shake, flash, hurt = max(0.0, shake - dt), max(0.0, flash - dt), max(0.0, hurt - dt)
    particles[:] = [[x + vx * dt, y + vy * dt, vx * 0.95, vy * 0.95 + 8, t - dt, c] for x, y, vx, vy, t, c in particles if t > dt]
    if paused:
        return
    if state == "over":
        over_timer -= dt
        return restart() if over_timer <= 0 else None
    pace = min(SPEED * 2.2, pace + SPEED * 0.025 * dt)  # the road speeds up over time
    distance += pace * dt
    stripe = (stripe + pace * dt) % 60
    best = max(best, score())
    keys = pygame.key.get_pressed()
    dx = (keys[pygame.K_RIGHT] or keys[pygame.K_d]) - (keys[pygame.K_LEFT] or keys[pygame.K_a])
    dy = (keys[pygame.K_DOWN] or keys[pygame.K_s]) - (keys[pygame.K_UP] or keys[pygame.K_w])
    steer = 260 + pace * 0.5
    player["x"] = min(ROAD_X + LANES * LANE_W - CAR_W / 2, max(ROAD_X + CAR_W / 2, player["x"] + dx * steer * dt))
    player["y"] = min(HEIGHT - CAR_H / 2 - 10, max(HEIGHT / 2, player["y"] + dy * steer * 0.7 * dt))
    spawn_timer -= dt
    if spawn_timer <= 0 and len(cars) < OBSTACLE_COUNT:
        spawn_car()
        spawn_timer = random.uniform(0.4, 1.0) * 260 / pace
    coin_timer -= dt
    if coin_timer <= 0:
        coin_timer = random.uniform(0.6, 1.6)
        coins.append([lane_x(random.randrange(LANES)), -20.0])
    traffic = pace * 0.6  # slower cars you overtake: they drift down the screen
    for car in cars:
        car[1] += traffic * dt
    for coin in coins:
        coin[1] += pace * dt
    cars[:] = [c for c in cars if c[1] - c[2] / 2 < HEIGHT + 10]
    # Coins hidden under a car would be uncollectable, so they are dropped.
    coins[:] = [k for k in coins if k[1] < HEIGHT + 20 and not any(abs(k[0] - c[0]) < 30 and abs(k[1] - c[1]) < c[2] / 2 + 12 for c in cars)]
    me = pygame.Rect(0, 0, CAR_W - 6, CAR_H - 8)
    me.center = (player["x"], player["y"])
    for coin in coins:
        if me.inflate(16, 16).collidepoint(coin[0], coin[1]):
            burst(coin[0], coin[1], COIN_COLOR, 10, 120)
            coin[1] = HEIGHT + 100  # off the bottom: removed next frame
            coin_score += 10
            play("coin.wav")
    if hurt > 0:
        return
    for car in cars:
        if me.colliderect(pygame.Rect(car[0] - TRAFFIC_W / 2 + 3, car[1] - car[2] / 2 + 3, TRAFFIC_W - 6, car[2] - 6)):
            lives -= 1
            hurt, shake, flash = 1.6, 0.35, 0.3
            burst(player["x"], player["y"] - CAR_H / 2, (255, 170, 60), 30, 260)
            cars.remove(car)
            play("explosion.wav")
            if lives <= 0:
                state, over_timer = "over", RESTART_DELAY
            break


def text(screen, words, size, pos, color=INK, anchor="topleft"):
    if size not in fonts:
        fonts[size] = pygame.font.Font(None, size)
    image = fonts[size].render(words, True, color)
    screen.blit(image, image.get_rect(**{anchor: pos}))


def draw_car(screen, cx, cy, w, h, color):
    body = pygame.Rect(0, 0, w, h)
    body.center = (int(cx), int(cy))
    for wx in (body.left - 3, body.right - 3):  # wheels
        for wy in (body.top + h * 0.15, body.bottom - h * 0.3):
            pygame.draw.rect(screen, (20, 20, 24), (wx, wy, 6, h * 0.16), border_radius=2)
    pygame.draw.rect(screen, color, body, border_radius=max(4, w // 4))
    glass = tuple(min(255, c // 3 + 120) for c in color)
    pygame.draw.rect(screen, glass, (body.left + w * 0.18, body.top + h * 0.22, w * 0.64, h * 0.2), border_radius=3)
    pygame.draw.rect(screen, glass, (body.left + w * 0.18, body.bottom - h * 0.3, w * 0.64, h * 0.14), border_radius=3)


def draw(screen):
    ox, oy = (random.randint(-5, 5), random.randint(-5, 5)) if shake > 0 else (0, 0)
    screen.fill(BACKGROUND)
    edge = tuple(max(0, c - 18) for c in BACKGROUND)
    for y in range(-60, HEIGHT + 60, 60):  # roadside posts scroll with the road
        for x in (ROAD_X - 40, ROAD_X + LANES * LANE_W + 30):
            pygame.draw.rect(screen, edge, (x + ox, y + stripe + oy, 10, 26), border_radius=3)
    pygame.draw.rect(screen, ROAD_COLOR, (ROAD_X + ox, 0, LANES * LANE_W, HEIGHT))
    for x in (ROAD_X, ROAD_X + LANES * LANE_W - 5):
        pygame.draw.rect(screen, (230, 230, 230), (x + ox, 0, 5, HEIGHT))
    for lane in range(1, LANES):
        for y in range(-60, HEIGHT + 60, 60):
            pygame.draw.rect(screen, (200, 200, 190), (ROAD_X + lane * LANE_W - 2 + ox, y + stripe + oy, 4, 30))
    for x, y in coins:
        pygame.draw.circle(screen, COIN_COLOR, (int(x) + ox, int(y) + oy), 10)
        pygame.draw.circle(screen, (255, 245, 180), (int(x) - 3 + ox, int(y) - 3 + oy), 3)
    for x, y, length, color in cars:
        draw_car(screen, x + ox, y + oy, TRAFFIC_W, int(length), color)
    if state == "play" and (hurt <= 0 or int(hurt * 12) % 2):
        draw_car(screen, player["x"] + ox, player["y"] + oy, CAR_W, CAR_H, PLAYER_COLOR)
    for x, y, _, _, t, c in particles:
        pygame.draw.circle(screen, c, (int(x) + ox, int(y) + oy), max(1, int(t * 8)))
    if flash > 0:
        veil = pygame.Surface((WIDTH, HEIGHT), pygame.SRCALPHA)
        veil.fill((255, 80, 40, int(flash * 400)))
        screen.blit(veil, (0, 0))
    bar = pygame.Surface((WIDTH, TOP), pygame.SRCALPHA)
    bar.fill((0, 0, 0, 170))
    screen.blit(bar, (0, 0))
    text(screen, f"Score {score()}   Best {best}", 30, (12, 11))
    text(screen, f"{int(pace * 0.4)} km/h", 30, (WIDTH // 2, 11), COIN_COLOR, "midtop")
    if LIVES <= 8:
        for i in range(LIVES):
            pygame.draw.rect(screen, PLAYER_COLOR if i < lives else (90, 90, 100), (WIDTH - 24 - i * 22, 10, 14, 22), border_radius=4)
    else:
        text(screen, f"Lives {lives}", 30, (WIDTH - 12, 11), INK, "topright")
    screen.blit(bar, (0, HEIGHT - 26))
    text(screen, "Left/Right steer  Up/Down move  P pause  R restart", 22, (WIDTH // 2, HEIGHT - 6), INK, "midbottom")
    if paused or state == "over":
        veil = pygame.Surface((WIDTH, HEIGHT), pygame.SRCALPHA)
        veil.fill((0, 0, 0, 160))
        screen.blit(veil, (0, 0))
        title = "Paused - P resumes" if paused else "Game over — R restarts"
        text(screen, title, 50, (WIDTH // 2, HEIGHT // 2 - 20), INK, "center")
        if not paused:
            text(screen, f"Score {score()}   Best {best}", 30, (WIDTH // 2, HEIGHT // 2 + 24), (220, 220, 230), "center")


restart()

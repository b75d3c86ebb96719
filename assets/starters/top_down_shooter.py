"""Zombie Shooter. WASD or arrows move, mouse aims, click shoots,
Space shoots where you face (keyboard only works too), P pauses, R restarts.

Survive the waves; hearts heal you, lightning gives rapid fire.
"""

import math
import random

import pygame

WIDTH, HEIGHT = 800, 600
PLAYER_COLOR = (90, 200, 250)  # tune: color
ZOMBIE_COLOR = (120, 190, 90)  # tune: accent_color
BACKGROUND = (34, 38, 34)  # tune: background
PLAYER_SPEED = 220  # tune: speed
ZOMBIES_PER_WAVE = 6  # tune: count
LIVES = 5  # tune: lives
PLAYER_SIZE = 16  # tune: size
BULLET_SPEED = 680
FIRE_DELAY, RAPID_DELAY = 0.16, 0.06
ZOMBIE_RADIUS = 14
MAX_ALIVE = 60  # keeps a huge wave playable: the rest wait offscreen
RESTART_DELAY = 3.0
TOP = 40
HEART_COLOR, BOLT_COLOR = (240, 70, 90), (255, 220, 60)
INK = (235, 235, 240) if sum(BACKGROUND) < 380 else (25, 25, 35)

player = {"x": WIDTH / 2, "y": HEIGHT / 2, "hp": LIVES, "hurt": 0.0, "rapid": 0.0}
aim = 0.0  # radians; mouse movement and keyboard movement both turn the player
mouse = (WIDTH // 2, HEIGHT // 2)
zombies, bullets, pickups, particles = [], [], [], []
decals = [(random.randrange(WIDTH), random.randrange(TOP, HEIGHT), random.randint(2, 6)) for _ in range(70)]
wave, to_spawn, spawn_timer, wave_pause = 0, 0, 0.0, 0.0
fire_timer = shake = flash = clock = 0.0
score, best = 0, 0
state, over_timer, paused = "play", 0.0, False
fonts = {}


def restart():
    global wave, to_spawn, wave_pause, score, state, paused, shake, flash
    player.update(x=WIDTH / 2, y=HEIGHT / 2, hp=LIVES, hurt=0.0, rapid=0.0)
    for group in (zombies, bullets, pickups, particles):
        group.clear()
    wave, to_spawn, wave_pause, score, state, paused, shake, flash = 0, 0, 0.0, 0, "play", False, 0.0, 0.0
    next_wave()


def next_wave():
    global wave, to_spawn, wave_pause
    wave += 1
    to_spawn = ZOMBIES_PER_WAVE + 2 * (wave - 1)
    wave_pause = 2.0  # a breather with a banner before the wave walks in


def spawn_zombie():
    side = random.randrange(4)
    x = (random.uniform(0, WIDTH), -20, random.uniform(0, WIDTH), WIDTH + 20)[side]
    y = (TOP - 20, random.uniform(TOP, HEIGHT), HEIGHT + 20, random.uniform(TOP, HEIGHT))[side]
    brute = wave >= 3 and random.random() < 0.2  # slower, bigger, takes 4 hits
    pace = PLAYER_SPEED * min(0.75, 0.3 + 0.035 * wave) * random.uniform(0.85, 1.15)
    zombies.append({"x": x, "y": y, "hp": 4 if brute else 1, "r": ZOMBIE_RADIUS * (1.5 if brute else 1),
                    "speed": pace * (0.7 if brute else 1), "hit": 0.0, "brute": brute, "wobble": random.uniform(0, 6)})


def shoot(angle):
    global fire_timer, aim
    if fire_timer > 0 or state != "play" or paused:
        return
    aim = angle
    fire_timer = RAPID_DELAY if player["rapid"] > 0 else FIRE_DELAY
    gun = PLAYER_SIZE + 8
    spread = random.uniform(-0.04, 0.04)
    bullets.append([player["x"] + math.cos(angle) * gun, player["y"] + math.sin(angle) * gun, angle + spread, 1.0])
    burst(player["x"] + math.cos(angle) * gun, player["y"] + math.sin(angle) * gun, BOLT_COLOR, 3, 90)


def burst(x, y, color, n, power=160):
    for _ in range(n):
        a, v = random.uniform(0, math.tau), random.uniform(0.2, 1) * power
        particles.append([x, y, math.cos(a) * v, math.sin(a) * v, random.uniform(0.25, 0.6), color])


def on_key_down(key):
    global paused
    if key == pygame.K_r:
        restart()
    elif key == pygame.K_p and state == "play":
        paused = not paused
    elif key == pygame.K_SPACE:
        shoot(aim)


def on_mouse_move(pos):
    global mouse, aim
    mouse = pos
    aim = math.atan2(pos[1] - player["y"], pos[0] - player["x"])


def on_mouse_down(pos, button):
    if button == 1:
        on_mouse_move(pos)
        shoot(aim)


def update(dt):
    global aim, fire_timer, spawn_timer, to_spawn, wave_pause, shake, flash, score, best, state, over_timer, clock
    shake, flash, clock = max(0.0, shake - dt), max(0.0, flash - dt), clock + dt
    particles[:] = [[x + vx * dt, y + vy * dt, vx * 0.92, vy * 0.92, t - dt, c] for x, y, vx, vy, t, c in particles if t > dt]
    if paused:
        return
    if state == "over":
        over_timer -= dt
        return restart() if over_timer <= 0 else None
    best = max(best, score)
    keys = pygame.key.get_pressed()
    dx = (keys[pygame.K_d] or keys[pygame.K_RIGHT]) - (keys[pygame.K_a] or keys[pygame.K_LEFT])
    dy = (keys[pygame.K_s] or keys[pygame.K_DOWN]) - (keys[pygame.K_w] or keys[pygame.K_UP])
    if dx or dy:
        aim = math.atan2(dy, dx)  # face where you walk; the mouse takes over when it moves
        step = PLAYER_SPEED * dt / math.hypot(dx, dy)
        player["x"] = min(WIDTH - PLAYER_SIZE, max(PLAYER_SIZE, player["x"] + dx * step))
        player["y"] = min(HEIGHT - PLAYER_SIZE, max(TOP + PLAYER_SIZE, player["y"] + dy * step))
    fire_timer -= dt
    if pygame.mouse.get_pressed()[0]:  # hold the button for automatic fire
        shoot(math.atan2(mouse[1] - player["y"], mouse[0] - player["x"]))
    player["hurt"] = max(0.0, player["hurt"] - dt)
    player["rapid"] = max(0.0, player["rapid"] - dt)
    # Waves: a pause, then zombies trickle in from the edges until the wave is spent.
    if wave_pause > 0:
        wave_pause -= dt
    elif to_spawn > 0:
        spawn_timer -= dt
        if spawn_timer <= 0 and len(zombies) < MAX_ALIVE:
            spawn_zombie()
            to_spawn -= 1
            spawn_timer = max(0.12, min(0.9, 6 / ZOMBIES_PER_WAVE) - 0.05 * wave)
    elif not zombies:
        score += 50 * wave
        next_wave()
    for b in bullets:
        b[0] += math.cos(b[2]) * BULLET_SPEED * dt
        b[1] += math.sin(b[2]) * BULLET_SPEED * dt
        b[3] -= dt
    for z in zombies:
        a = math.atan2(player["y"] - z["y"], player["x"] - z["x"]) + math.sin(z["wobble"] + clock * 2.5) * 0.3
        z["x"] += math.cos(a) * z["speed"] * dt
        z["y"] += math.sin(a) * z["speed"] * dt
        z["hit"] = max(0.0, z["hit"] - dt)
        for b in bullets:
            if b[3] > 0 and math.hypot(b[0] - z["x"], b[1] - z["y"]) < z["r"] + 4:
                b[3], z["hp"], z["hit"] = 0, z["hp"] - 1, 0.1
                z["x"] += math.cos(b[2]) * 8  # knockback
                z["y"] += math.sin(b[2]) * 8
                burst(b[0], b[1], (150, 30, 40), 6)
        if z["hp"] <= 0:
            score += 30 if z["brute"] else 10
            burst(z["x"], z["y"], ZOMBIE_COLOR, 16, 220)
            roll = random.random()
            if roll < 0.08 or (roll < 0.16 and player["hp"] < LIVES):
                pickups.append({"x": z["x"], "y": z["y"], "kind": "rapid" if roll < 0.08 else "heart", "life": 8.0})
        elif player["hurt"] <= 0 and math.hypot(player["x"] - z["x"], player["y"] - z["y"]) < z["r"] + PLAYER_SIZE:
            player["hp"] -= 1
            player["hurt"], shake, flash = 1.2, 0.3, 0.25
            burst(player["x"], player["y"], PLAYER_COLOR, 20, 240)
            for other in zombies:  # shove the crowd back so the hit is survivable
                d = math.hypot(other["x"] - player["x"], other["y"] - player["y"]) or 1
                if d < 120:
                    other["x"] += (other["x"] - player["x"]) / d * 60
                    other["y"] += (other["y"] - player["y"]) / d * 60
            if player["hp"] <= 0:
                state, over_timer = "over", RESTART_DELAY
    zombies[:] = [z for z in zombies if z["hp"] > 0]
    bullets[:] = [b for b in bullets if b[3] > 0 and -10 < b[0] < WIDTH + 10 and TOP - 10 < b[1] < HEIGHT + 10]
    separate()
    for p in pickups:
        p["life"] -= dt
        if math.hypot(p["x"] - player["x"], p["y"] - player["y"]) < PLAYER_SIZE + 12:
            p["life"] = 0
            burst(p["x"], p["y"], HEART_COLOR if p["kind"] == "heart" else BOLT_COLOR, 14)
            if p["kind"] == "heart":
                player["hp"] = min(LIVES, player["hp"] + 1)
            else:
                player["rapid"] = 6.0
    pickups[:] = [p for p in pickups if p["life"] > 0]


def separate():
    """Push overlapping zombies apart so a crowd spreads out instead of stacking."""
    for i, a in enumerate(zombies):
        for b in zombies[i + 1:]:
            dx, dy = b["x"] - a["x"], b["y"] - a["y"]
            d, need = math.hypot(dx, dy) or 0.01, a["r"] + b["r"]
            if d < need:
                push = (need - d) / 2 / d
                a["x"], a["y"] = a["x"] - dx * push, a["y"] - dy * push
                b["x"], b["y"] = b["x"] + dx * push, b["y"] + dy * push


def text(screen, words, size, pos, color=INK, anchor="topleft"):
    if size not in fonts:
        fonts[size] = pygame.font.Font(None, size)
    image = fonts[size].render(words, True, color)
    screen.blit(image, image.get_rect(**{anchor: pos}))


def draw_heart(screen, x, y, r, color):
    pygame.draw.circle(screen, color, (x - r // 2, y), r // 2 + 1)
    pygame.draw.circle(screen, color, (x + r // 2, y), r // 2 + 1)
    pygame.draw.polygon(screen, color, [(x - r, y + 1), (x + r, y + 1), (x, y + r + 2)])


def draw(screen):
    ox = oy = 0
    if shake > 0:
        ox, oy = random.randint(-6, 6), random.randint(-6, 6)
    screen.fill(BACKGROUND)
    dirt = tuple(max(0, c - 10) if sum(BACKGROUND) > 60 else c + 12 for c in BACKGROUND)
    for x, y, r in decals:
        pygame.draw.circle(screen, dirt, (x + ox, y + oy), r)
    for p in pickups:
        if p["life"] > 2 or int(p["life"] * 8) % 2:  # blink before vanishing
            px, py = int(p["x"]) + ox, int(p["y"] + math.sin(p["life"] * 5) * 3) + oy
            if p["kind"] == "heart":
                draw_heart(screen, px, py, 9, HEART_COLOR)
            else:
                pygame.draw.polygon(screen, BOLT_COLOR, [(px + 3, py - 12), (px - 6, py + 2), (px, py + 2), (px - 3, py + 12), (px + 6, py - 2), (px, py - 2)])
    for x, y, _, _, t, c in particles:
        pygame.draw.circle(screen, c, (int(x) + ox, int(y) + oy), max(1, int(t * 7)))
    for z in zombies:
        zx, zy, r = int(z["x"]) + ox, int(z["y"]) + oy, int(z["r"])
        body = (255, 255, 255) if z["hit"] > 0 else ZOMBIE_COLOR
        a = math.atan2(player["y"] - z["y"], player["x"] - z["x"])
        for side in (-0.5, 0.5):  # outstretched arms
            pygame.draw.line(screen, body, (zx + math.cos(a + side) * r * 0.8, zy + math.sin(a + side) * r * 0.8),
                             (zx + math.cos(a + side * 0.6) * r * 1.7, zy + math.sin(a + side * 0.6) * r * 1.7), max(3, r // 3))
        pygame.draw.circle(screen, body, (zx, zy), r)
        pygame.draw.circle(screen, tuple(c // 2 for c in body) if sum(body) > 150 else INK, (zx, zy), r, 2)
        for side in (-0.45, 0.45):
            pygame.draw.circle(screen, (230, 40, 40), (zx + math.cos(a + side) * r * 0.55, zy + math.sin(a + side) * r * 0.55), max(2, r // 5))
    for b in bullets:
        tail = (b[0] - math.cos(b[2]) * 12 + ox, b[1] - math.sin(b[2]) * 12 + oy)
        pygame.draw.line(screen, BOLT_COLOR, tail, (b[0] + ox, b[1] + oy), 3)
    if state == "play" and (player["hurt"] <= 0 or int(player["hurt"] * 12) % 2):
        px, py = int(player["x"]) + ox, int(player["y"]) + oy
        gun = (px + math.cos(aim) * (PLAYER_SIZE + 10), py + math.sin(aim) * (PLAYER_SIZE + 10))
        pygame.draw.line(screen, (150, 150, 165), (px, py), gun, max(4, PLAYER_SIZE // 3))
        pygame.draw.circle(screen, PLAYER_COLOR, (px, py), PLAYER_SIZE)
        pygame.draw.circle(screen, BOLT_COLOR if player["rapid"] > 0 else INK, (px, py), PLAYER_SIZE, 2)
        pygame.draw.circle(screen, INK, (px + math.cos(aim) * PLAYER_SIZE * 0.45, py + math.sin(aim) * PLAYER_SIZE * 0.45), max(2, PLAYER_SIZE // 4))
    pygame.draw.circle(screen, INK, mouse, 9, 1)  # crosshair
    pygame.draw.line(screen, INK, (mouse[0] - 13, mouse[1]), (mouse[0] + 13, mouse[1]))
    pygame.draw.line(screen, INK, (mouse[0], mouse[1] - 13), (mouse[0], mouse[1] + 13))
    if flash > 0:
        veil = pygame.Surface((WIDTH, HEIGHT), pygame.SRCALPHA)
        veil.fill((255, 0, 0, int(flash * 360)))
        screen.blit(veil, (0, 0))
    # HUD bar: score, hearts, wave; controls along the bottom.
    pygame.draw.rect(screen, (0, 0, 0), (0, 0, WIDTH, TOP))
    text(screen, f"Score {score}   Best {best}", 30, (12, 11), (235, 235, 240))
    if LIVES <= 10:
        for i in range(LIVES):
            draw_heart(screen, WIDTH // 2 - LIVES * 12 + i * 24 + 12, 16, 8, HEART_COLOR if i < player["hp"] else (70, 70, 80))
    else:  # too many hearts to line up: one heart and a number
        draw_heart(screen, WIDTH // 2 - 20, 16, 8, HEART_COLOR)
        text(screen, f"x {player['hp']}", 30, (WIDTH // 2 - 6, 11), (235, 235, 240))
    text(screen, f"Wave {wave}   Zombies {len(zombies) + to_spawn}", 30, (WIDTH - 12, 11), (235, 235, 240), "topright")
    text(screen, "WASD/arrows move   mouse aim + click or Space shoot   P pause   R restart", 22, (WIDTH // 2, HEIGHT - 8), INK, "midbottom")
    if wave_pause > 0 and state == "play":
        text(screen, f"Wave {wave}", 64, (WIDTH // 2, HEIGHT // 2 - 60), INK, "center")
    if paused or state == "over":
        veil = pygame.Surface((WIDTH, HEIGHT), pygame.SRCALPHA)
        veil.fill((0, 0, 0, 160))
        screen.blit(veil, (0, 0))
        title = "Paused - P resumes" if paused else "Game over — R restarts"
        text(screen, title, 56, (WIDTH // 2, HEIGHT // 2 - 20), (255, 255, 255), "center")
        if not paused:
            text(screen, f"Score {score}   Best {best}   Wave {wave}", 32, (WIDTH // 2, HEIGHT // 2 + 28), (220, 220, 230), "center")


restart()

"""Maze. Arrows or WASD move (two players: P1 arrows, P2 WASD), P pauses, R restarts.

Reach the glowing exit before the clock runs out; coins add points and time.
Every level is a bigger maze.
"""

import random

import pygame

WIDTH, HEIGHT = 640, 480
TOP, BOTTOM = 40, 28  # HUD bar above the maze, controls line below it
PLAYER_COLOR = (90, 200, 250)  # tune: color
EXIT_COLOR = (250, 110, 90)  # tune: accent_color
BACKGROUND = (14, 16, 28)  # tune: background
CELL_SIZE = 32  # tune: size
LEVELS = 6  # tune: count
MOVES_PER_SECOND = 9  # tune: speed
TWO_PLAYERS = False  # tune: two_players
P2_COLOR = (255, 150, 210)
COIN_COLOR = (255, 215, 70)
RESTART_DELAY = 3.0

CELL = max(10, CELL_SIZE)
MAX_COLS = max(3, WIDTH // CELL - 1)
MAX_ROWS = max(3, (HEIGHT - TOP - BOTTOM) // CELL)
STEPS = {(0, -1): "N", (0, 1): "S", (-1, 0): "W", (1, 0): "E"}
P1_KEYS = {pygame.K_UP: (0, -1), pygame.K_DOWN: (0, 1), pygame.K_LEFT: (-1, 0), pygame.K_RIGHT: (1, 0)}
WASD_KEYS = {pygame.K_w: (0, -1), pygame.K_s: (0, 1), pygame.K_a: (-1, 0), pygame.K_d: (1, 0)}

cols, rows = 5, 4
passages = set()  # ((x, y), (nx, ny)) pairs, stored both ways, with no wall between
coins = []
players = []  # dicts: cell, draw position, move cooldown, colour, score
visited = set()
particles = []
level = 1
time_left = 0.0
elapsed = 0.0
best = 0
state = "play"  # play | over | won
state_timer = 0.0
flash = 0.0
message = ""
paused = False
fonts = {}


def contrast(color, amount):
    """A shade of `color` moved toward white on dark colours and toward black on light ones."""
    dark = sum(color) < 380
    return tuple(min(255, c + amount) if dark else max(0, c - amount) for c in color)


def carve_maze(w, h):
    """Recursive backtracker with an explicit stack; returns the set of open passages."""
    opened, seen, stack = set(), {(0, 0)}, [(0, 0)]
    for _ in range(w * h * 2):  # each cell is pushed once and popped once
        if not stack:
            break
        x, y = stack[-1]
        options = [(x + dx, y + dy) for dx, dy in STEPS if 0 <= x + dx < w and 0 <= y + dy < h and (x + dx, y + dy) not in seen]
        if not options:
            stack.pop()
            continue
        nxt = random.choice(options)
        opened.add(((x, y), nxt))
        opened.add((nxt, (x, y)))
        seen.add(nxt)
        stack.append(nxt)
    return opened


def path_length(start, goal):
    """Breadth-first distance through the maze, used to size the clock fairly."""
    frontier, dist = [start], {start: 0}
    for cell in frontier:  # the list grows while we walk it: a queue without a while loop
        if cell == goal:
            return dist[cell]
        for dx, dy in STEPS:
            nxt = (cell[0] + dx, cell[1] + dy)
            if nxt not in dist and (cell, nxt) in passages:
                dist[nxt] = dist[cell] + 1
                frontier.append(nxt)
    return len(dist)


def new_level():
    global cols, rows, passages, coins, visited, time_left, elapsed, state, message
    cols = min(MAX_COLS, MAX_COLS // 3 + 2 * level)  # smaller cells start with more of them
    rows = min(MAX_ROWS, max(3, cols * 2 // 3))
    passages = carve_maze(cols, rows)
    free = [(x, y) for x in range(cols) for y in range(rows) if (x, y) not in ((0, 0), (cols - 1, rows - 1))]
    coins = random.sample(free, min(len(free) // 5, 2 + level))
    for p in players:
        p["cell"], p["pos"], p["cool"] = (0, 0), [0.0, 0.0], 0.0
    visited = {(0, 0)}
    # Time to walk the shortest path at a human pace (at most 6 cells/s), with slack
    # for finding it that shrinks every level.
    slack = max(1.5, 3.2 - 0.25 * level)
    time_left = 6.0 + path_length((0, 0), (cols - 1, rows - 1)) / min(MOVES_PER_SECOND, 6) * slack
    elapsed, state, message = 0.0, "play", f"Level {level}"


def restart():
    global players, level, particles, paused, flash
    players = [{"cell": (0, 0), "pos": [0.0, 0.0], "cool": 0.0, "color": PLAYER_COLOR, "score": 0, "name": "P1"}]
    if TWO_PLAYERS:
        players.append({"cell": (0, 0), "pos": [0.0, 0.0], "cool": 0.0, "color": P2_COLOR, "score": 0, "name": "P2"})
    level, particles, paused, flash = 1, [], False, 0.0
    new_level()


def burst(cell, color, n=14):
    cx, cy = cell_center(cell)
    for _ in range(n):
        particles.append([cx, cy, random.uniform(-120, 120), random.uniform(-120, 120), random.uniform(0.3, 0.7), color])


def cell_center(cell):
    ox = (WIDTH - cols * CELL) // 2
    oy = TOP + (HEIGHT - TOP - BOTTOM - rows * CELL) // 2
    return ox + cell[0] * CELL + CELL / 2, oy + cell[1] * CELL + CELL / 2


def try_move(p, step):
    global time_left, best, state, state_timer, flash, level, message
    x, y = p["cell"]
    target = (x + step[0], y + step[1])
    if (p["cell"], target) not in passages:
        return
    p["cell"] = target
    visited.add(target)
    if target in coins:
        coins.remove(target)
        p["score"] += 25
        time_left += 2.0
        burst(target, COIN_COLOR)
    if target == (cols - 1, rows - 1):
        p["score"] += 100 * level + int(time_left * 10)
        best = max([best] + [q["score"] for q in players])
        burst(target, p["color"], 40)
        flash = 0.4
        if level >= LEVELS:
            state, state_timer = "won", RESTART_DELAY
            return
        level += 1
        new_level()
        if TWO_PLAYERS:
            message = f"{p['name']} wins the maze!  Level {level}"


def held_step(keymap, pressed):
    for key, step in keymap.items():
        if pressed[key]:
            return step
    return None


def controls():
    """Which key map drives which player: both maps drive P1 when playing alone."""
    if len(players) > 1:
        return [(players[0], P1_KEYS), (players[1], WASD_KEYS)]
    return [(players[0], P1_KEYS), (players[0], WASD_KEYS)]


def on_key_down(key):
    global paused
    if key == pygame.K_r:
        restart()
    elif key == pygame.K_p and state == "play":
        paused = not paused
    elif state == "play" and not paused:
        for p, keymap in controls():
            if key in keymap:
                try_move(p, keymap[key])
                p["cool"] = 1.6 / MOVES_PER_SECOND  # a short pause before key repeat starts
                return


def update(dt):
    global time_left, elapsed, state, state_timer, best, flash
    flash = max(0.0, flash - dt)
    for part in particles:
        part[0] += part[2] * dt
        part[1] += part[3] * dt
        part[4] -= dt
    particles[:] = [part for part in particles if part[4] > 0]
    if paused:
        return
    if state != "play":
        state_timer -= dt
        if state_timer <= 0:
            restart()
        return
    elapsed += dt
    time_left -= dt
    best = max([best] + [p["score"] for p in players])
    if time_left <= 0:
        time_left, state, state_timer = 0.0, "over", RESTART_DELAY
        best = max([best] + [p["score"] for p in players])
        return
    pressed = pygame.key.get_pressed()
    for p, keymap in controls():
        step = held_step(keymap, pressed)
        p["cool"] -= dt
        if step and p["cool"] <= 0 and state == "play":
            try_move(p, step)
            p["cool"] = 1.0 / MOVES_PER_SECOND
    for p in players:  # glide the drawn position toward the logical cell
        k = min(1.0, dt * 18)
        p["pos"][0] += (p["cell"][0] - p["pos"][0]) * k
        p["pos"][1] += (p["cell"][1] - p["pos"][1]) * k


def text(screen, words, size, color, pos, anchor="topleft"):
    if size not in fonts:
        fonts[size] = pygame.font.Font(None, size)
    image = fonts[size].render(words, True, color)
    rect = image.get_rect(**{anchor: pos})
    screen.blit(image, rect)


def draw(screen):
    ink = contrast(BACKGROUND, 200)
    screen.fill(BACKGROUND)
    ox, oy = cell_center((0, 0))
    ox, oy = int(ox - CELL / 2), int(oy - CELL / 2)
    pygame.draw.rect(screen, contrast(BACKGROUND, 12), (ox, oy, cols * CELL, rows * CELL))
    for cx, cy in visited:  # breadcrumb trail
        pygame.draw.rect(screen, contrast(BACKGROUND, 26), (ox + cx * CELL, oy + cy * CELL, CELL, CELL))
    pulse = abs((elapsed * 2) % 2 - 1)
    ex, ey = ox + (cols - 1) * CELL, oy + (rows - 1) * CELL
    glow = tuple(int(c * (0.6 + 0.4 * pulse)) for c in EXIT_COLOR)
    pygame.draw.rect(screen, glow, (ex + 3, ey + 3, CELL - 6, CELL - 6), border_radius=CELL // 5)
    pygame.draw.rect(screen, ink, (ex + CELL // 3, ey + CELL // 4, CELL // 3, CELL // 2 + 1), 2)
    for cx, cy in coins:
        r = max(3, CELL // 5)
        pygame.draw.circle(screen, COIN_COLOR, (ox + cx * CELL + CELL // 2, oy + cy * CELL + CELL // 2), r)
        pygame.draw.circle(screen, (255, 250, 200), (ox + cx * CELL + CELL // 2 - r // 3, oy + cy * CELL + CELL // 2 - r // 3), max(1, r // 3))
    wall, width = contrast(BACKGROUND, 150), max(2, CELL // 9)
    for y in range(rows):
        for x in range(cols):
            px, py = ox + x * CELL, oy + y * CELL
            if ((x, y), (x + 1, y)) not in passages:
                pygame.draw.line(screen, wall, (px + CELL, py), (px + CELL, py + CELL), width)
            if ((x, y), (x, y + 1)) not in passages:
                pygame.draw.line(screen, wall, (px, py + CELL), (px + CELL, py + CELL), width)
    pygame.draw.line(screen, wall, (ox, oy), (ox + cols * CELL, oy), width)
    pygame.draw.line(screen, wall, (ox, oy), (ox, oy + rows * CELL), width)
    for i, p in enumerate(players):
        shift = (i * 2 - 1) * CELL // 8 if len(players) > 1 else 0
        px = ox + p["pos"][0] * CELL + CELL * 0.2 + shift
        py = oy + p["pos"][1] * CELL + CELL * 0.2
        size = CELL * 0.6
        pygame.draw.rect(screen, p["color"], (px, py, size, size), border_radius=max(2, CELL // 6))
        pygame.draw.rect(screen, ink, (px, py, size, size), 1, border_radius=max(2, CELL // 6))
        eye = max(1, CELL // 12)
        for eye_x in (px + size * 0.3, px + size * 0.7):
            pygame.draw.circle(screen, ink, (int(eye_x), int(py + size * 0.4)), eye)
    for x, y, _, _, life, color in particles:
        pygame.draw.circle(screen, color, (int(x), int(y)), max(1, int(life * 6)))
    if flash > 0:
        veil = pygame.Surface((WIDTH, HEIGHT), pygame.SRCALPHA)
        veil.fill(EXIT_COLOR + (int(flash * 300),))
        screen.blit(veil, (0, 0))
    # HUD
    scores = "   ".join(f"{p['name']} {p['score']}" for p in players) if len(players) > 1 else f"Score {players[0]['score']}"
    text(screen, f"{scores}   Best {best}", 28, ink, (12, 12))
    clock = COIN_COLOR if time_left > 5 else EXIT_COLOR
    text(screen, f"Level {level}/{LEVELS}   Time {time_left:4.1f}", 28, clock, (WIDTH - 12, 12), "topright")
    hint = "P1 arrows, P2 WASD" if len(players) > 1 else "Arrows/WASD move"
    text(screen, f"{hint}  -  reach the exit  -  P pause  R restart", 22, contrast(BACKGROUND, 120), (WIDTH // 2, HEIGHT - 8), "midbottom")
    if elapsed < 1.5 and state == "play":  # level banner on a dark strip
        strip = pygame.Surface((WIDTH, 60), pygame.SRCALPHA)
        strip.fill((0, 0, 0, 140))
        screen.blit(strip, (0, HEIGHT // 2 - 30))
        text(screen, message, 44, (255, 255, 255), (WIDTH // 2, HEIGHT // 2), "center")
    if paused or state != "play":
        veil = pygame.Surface((WIDTH, HEIGHT), pygame.SRCALPHA)
        veil.fill((0, 0, 0, 150))
        screen.blit(veil, (0, 0))
        if paused:
            title, sub = "Paused", "P resumes"
        elif state == "won" and len(players) > 1:
            top = max(players, key=lambda q: q["score"])
            title, sub = f"{top['name']} wins the race!", f"All {LEVELS} mazes done - R restarts"
        elif state == "won":
            title, sub = f"You escaped all {LEVELS} mazes!", "R restarts"
        else:
            title, sub = "Game over — R restarts", "Time ran out"
        text(screen, title, 50, (255, 255, 255), (WIDTH // 2, HEIGHT // 2 - 20), "center")
        text(screen, sub, 28, (220, 220, 230), (WIDTH // 2, HEIGHT // 2 + 22), "center")


restart()

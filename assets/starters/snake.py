"""Snake
Arrows or WASD steer (two players: Arrows and WASD), P pauses, R restarts.
Eat the apples to grow; walls and tails are deadly.
"""

import random

import pygame

WIDTH, HEIGHT = 640, 480
FPS = 60
HUD_HEIGHT = 40

SNAKE_COLOR = (90, 220, 120)  # tune: color
FOOD_COLOR = (240, 90, 80)  # tune: accent_color
BACKGROUND = (16, 20, 30)  # tune: background
SECOND_SNAKE_COLOR = (110, 160, 255)
SPEED = 9  # tune: speed
CELL = 20  # tune: size
FOOD_COUNT = 1  # tune: count
TWO_PLAYERS = False  # tune: two_players
RESTART_AFTER = 3.0  # seconds a game over stays on screen

COLS = max(8, WIDTH // CELL)
ROWS = max(6, (HEIGHT - HUD_HEIGHT) // CELL)
LEFT = (WIDTH - COLS * CELL) // 2
TOP = HUD_HEIGHT + (HEIGHT - HUD_HEIGHT - ROWS * CELL) // 2

ARROWS = {pygame.K_UP: (0, -1), pygame.K_DOWN: (0, 1), pygame.K_LEFT: (-1, 0), pygame.K_RIGHT: (1, 0)}
WASD = {pygame.K_w: (0, -1), pygame.K_s: (0, 1), pygame.K_a: (-1, 0), pygame.K_d: (1, 0)}

snakes = []  # one dict per player: body (head first), heading, queued turns, score, alive
food = []
best = 0
timer = 0.0
paused = False
over_for = -1.0  # seconds since the game ended; negative while playing
message = ""
font = None
small_font = None


def new_snake(row, player, keys):
    x = COLS // 2
    body = [(x - i, row) for i in range(4)]
    return {"body": body, "heading": (1, 0), "turns": [], "score": 0,
            "alive": True, "player": player, "keys": keys}


def place_food():
    """Top the board up to FOOD_COUNT apples on free cells (if any are left)."""
    taken = set(food)
    for snake in snakes:
        taken.update(snake["body"])
    free = [(x, y) for x in range(COLS) for y in range(ROWS) if (x, y) not in taken]
    random.shuffle(free)
    while len(food) < max(1, FOOD_COUNT) and free:
        food.append(free.pop())


def restart():
    global snakes, food, timer, paused, over_for, message
    if TWO_PLAYERS:
        snakes = [new_snake(ROWS // 3, 0, ARROWS),
                  new_snake(2 * ROWS // 3, 1, WASD)]
    else:
        both = dict(ARROWS)
        both.update(WASD)
        snakes = [new_snake(ROWS // 2, 0, both)]
    food = []
    place_food()
    timer, paused, over_for, message = 0.0, False, -1.0, ""


def on_key_down(key):
    global paused
    if key == pygame.K_r:
        restart()
        return
    if key == pygame.K_p and over_for < 0:
        paused = not paused
        return
    for snake in snakes:
        if key in snake["keys"] and len(snake["turns"]) < 2:
            new = snake["keys"][key]
            last = snake["turns"][-1] if snake["turns"] else snake["heading"]
            # Ignore a turn straight back into the neck, and repeats.
            if (new[0] + last[0], new[1] + last[1]) != (0, 0) and new != last:
                snake["turns"].append(new)


def step():
    """Move every living snake one cell; decide deaths after all have moved."""
    global best, over_for, message
    heads = []
    for snake in snakes:
        if snake["turns"]:
            snake["heading"] = snake["turns"].pop(0)
        hx, hy = snake["body"][0]
        heads.append((hx + snake["heading"][0], hy + snake["heading"][1]))
    bodies = set()
    for snake in snakes:
        bodies.update(snake["body"][:-1])
    for snake, head in zip(snakes, heads):
        inside = 0 <= head[0] < COLS and 0 <= head[1] < ROWS
        if not inside or head in bodies or heads.count(head) > 1:
            snake["alive"] = False
            continue
        snake["body"].insert(0, head)
        if head in food:
            food.remove(head)
            snake["score"] += 1
        else:
            snake["body"].pop()
    place_food()
    dead = [i for i, snake in enumerate(snakes) if not snake["alive"]]
    if dead:
        over_for = 0.0
        best = max([best] + [snake["score"] for snake in snakes])
        if not TWO_PLAYERS:
            message = f"Game over: {snakes[0]['score']} apples"
        elif len(dead) == 2:
            message = "Draw!"
        else:
            message = ("Arrows" if dead[0] == 1 else "WASD") + " player wins!"


def update(dt):
    global timer, over_for
    if over_for >= 0:
        over_for += dt
        if over_for > RESTART_AFTER:
            restart()
        return
    if paused:
        return
    timer += dt
    step_time = 1.0 / max(1, SPEED)
    while timer >= step_time and over_for < 0:
        timer -= step_time
        step()


def text_color():
    return (25, 25, 35) if sum(BACKGROUND) > 450 else (235, 235, 245)


def shade(color, amount):
    return tuple(max(0, min(255, int(c + amount))) for c in color)


def draw_snake(screen, snake):
    # Colours are read from the constants each frame, so a tweak ("make the snake blue")
    # recolours the running snake without restarting it.
    color = (SNAKE_COLOR, SECOND_SNAKE_COLOR)[snake["player"]] if snake["alive"] else (120, 120, 120)
    for i, (x, y) in enumerate(reversed(snake["body"])):
        rect = pygame.Rect(LEFT + x * CELL + 1, TOP + y * CELL + 1, CELL - 2, CELL - 2)
        pygame.draw.rect(screen, shade(color, -40 + 40 * i / len(snake["body"])), rect, border_radius=CELL // 4)
    hx, hy = snake["body"][0]
    head = pygame.Rect(LEFT + hx * CELL, TOP + hy * CELL, CELL, CELL)
    pygame.draw.rect(screen, shade(color, 50), head, border_radius=CELL // 3)
    dx, dy = snake["heading"]
    for side in (-1, 1):  # two eyes, looking where the snake goes
        ex = head.centerx + dx * CELL // 5 + dy * side * CELL // 4
        ey = head.centery + dy * CELL // 5 + dx * side * CELL // 4
        pygame.draw.circle(screen, (20, 20, 20), (ex, ey), max(2, CELL // 8))


def draw(screen):
    global font, small_font
    if font is None:
        font = pygame.font.Font(None, 30)
        small_font = pygame.font.Font(None, 22)
    screen.fill(BACKGROUND)
    board = pygame.Rect(LEFT, TOP, COLS * CELL, ROWS * CELL)
    pygame.draw.rect(screen, shade(BACKGROUND, 10), board)
    pygame.draw.rect(screen, shade(BACKGROUND, 45), board, 2)
    for fx, fy in food:
        center = (LEFT + fx * CELL + CELL // 2, TOP + fy * CELL + CELL // 2)
        pygame.draw.circle(screen, FOOD_COLOR, center, max(3, CELL // 2 - 2))
        pygame.draw.line(screen, (90, 160, 70), (center[0], center[1] - CELL // 2 + 2),
                         (center[0] + CELL // 5, center[1] - CELL // 2 - 2), 2)
    for snake in snakes:
        draw_snake(screen, snake)
    ink = text_color()
    scores = "   ".join(f"{'WASD' if i else 'Arrows'} {s['score']}" if TWO_PLAYERS else f"Score {s['score']}"
                        for i, s in enumerate(snakes))
    screen.blit(font.render(f"{scores}   Best {best}", True, ink), (12, 10))
    hint = small_font.render("Arrows/WASD steer  P pause  R restart", True, ink)
    # Right-aligned beside the score when there is room, else on the line below it.
    score_width = font.size(f"{scores}   Best {best}")[0]
    hint_x = max(12 + score_width + 16, WIDTH - hint.get_width() - 12)
    screen.blit(hint, (hint_x, 14) if hint_x + hint.get_width() <= WIDTH - 6 else (12, 34))
    if paused or over_for >= 0:
        veil = pygame.Surface((WIDTH, HEIGHT), pygame.SRCALPHA)
        veil.fill((0, 0, 0, 140))
        screen.blit(veil, (0, 0))
        title = "Paused: P resumes" if paused else message
        lines = [title] if paused else [title, "Game over — R restarts"]
        for i, line in enumerate(lines):
            label = font.render(line, True, (255, 255, 255))
            screen.blit(label, ((WIDTH - label.get_width()) // 2, HEIGHT // 2 - 30 + 36 * i))


restart()

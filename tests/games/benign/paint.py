"""Tiny Paint
Drag with the left mouse button to paint. Keys 1-5 pick a colour, C clears, +/- change brush size.
"""
import pygame

WIDTH, HEIGHT = 640, 480
PALETTE = [(0, 0, 0), (220, 40, 40), (40, 160, 60), (40, 80, 220), (250, 200, 40)]

canvas = None
overlay = None
color_index = 1
brush = 6
last_pos = None
strokes = 0


def ensure_surfaces():
    global canvas, overlay
    if canvas is None:
        canvas = pygame.Surface((WIDTH, HEIGHT - 40))
        canvas.fill((250, 250, 245))
        overlay = pygame.Surface((WIDTH, 40), pygame.SRCALPHA)


def on_mouse_move(pos, rel, buttons):
    global last_pos
    ensure_surfaces()
    if buttons[0] and pos[1] < HEIGHT - 40:
        start = last_pos if last_pos else (pos[0] - rel[0], pos[1] - rel[1])
        pygame.draw.line(canvas, PALETTE[color_index], start, pos, brush * 2)
        pygame.draw.circle(canvas, PALETTE[color_index], pos, brush)
        last_pos = pos
    else:
        last_pos = None


def on_mouse_down(pos):
    global strokes
    ensure_surfaces()
    if pos[1] < HEIGHT - 40:
        pygame.draw.circle(canvas, PALETTE[color_index], pos, brush)
        strokes += 1


def on_mouse_up():
    global last_pos
    last_pos = None


def on_key_down(key, mod, unicode):
    global color_index, brush
    ensure_surfaces()
    if unicode in "12345" and unicode:
        color_index = int(unicode) - 1
    elif key == pygame.K_c:
        canvas.fill((250, 250, 245))
    elif unicode == "+" or key == pygame.K_EQUALS:
        brush = min(40, brush + 2)
    elif unicode == "-" or key == pygame.K_MINUS:
        brush = max(2, brush - 2)


def draw():
    screen = pygame.display.get_surface()
    ensure_surfaces()
    screen.blit(canvas, (0, 0))
    overlay.fill((30, 30, 30, 200))
    for i, c in enumerate(PALETTE):
        rect = pygame.Rect(10 + i * 36, 8, 28, 24)
        pygame.draw.rect(overlay, c, rect)
        if i == color_index:
            pygame.draw.rect(overlay, (255, 255, 255), rect.inflate(4, 4), 2)
    pygame.draw.circle(overlay, PALETTE[color_index], (260, 20), min(brush, 18))
    screen.blit(overlay, (0, HEIGHT - 40))
    mx, my = pygame.mouse.get_pos()
    if my < HEIGHT - 40:
        pygame.draw.circle(screen, (120, 120, 120), (mx, my), brush, 1)

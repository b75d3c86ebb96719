"""Pixel Paint
A small paint program. Left mouse draws, right mouse erases. Click a swatch to pick a colour,
mouse wheel or [ ] change the brush size, F fills the canvas, Ctrl+Z undoes (up to 30 steps).
The window can be resized.
"""
import sys
from collections import deque

import pygame

PALETTE = [(0, 0, 0), (255, 255, 255), (230, 40, 40), (250, 150, 30), (250, 230, 50), (60, 200, 80),
           (40, 160, 230), (60, 70, 200), (160, 70, 200), (240, 130, 190), (130, 90, 50), (128, 128, 128)]
TOOLBAR_H = 50


def make_canvas(size, color=(255, 255, 255)):
    surf = pygame.Surface(size)
    surf.fill(color)
    return surf


def main():
    pygame.init()
    screen = pygame.display.set_mode((900, 650), pygame.RESIZABLE)
    pygame.display.set_caption("Pixel Paint")
    clock = pygame.time.Clock()
    font = pygame.font.SysFont("arial", 16)

    canvas = make_canvas((screen.get_width(), screen.get_height() - TOOLBAR_H))
    undo = deque(maxlen=30)
    color = PALETTE[0]
    brush = 6
    drawing = False
    last_pos = None

    while True:
        for event in pygame.event.get():
            if event.type == pygame.QUIT:
                pygame.quit()
                sys.exit()
            elif event.type == pygame.VIDEORESIZE:
                new_canvas = make_canvas((max(event.w, 200), max(event.h - TOOLBAR_H, 100)))
                new_canvas.blit(canvas, (0, 0))
                canvas = new_canvas
            elif event.type == pygame.MOUSEBUTTONDOWN:
                if event.button in (4, 5):
                    brush = max(1, min(60, brush + (1 if event.button == 4 else -1)))
                elif event.pos[1] < TOOLBAR_H:
                    index = (event.pos[0] - 10) // 36
                    if 0 <= index < len(PALETTE):
                        color = PALETTE[index]
                elif event.button in (1, 3):
                    undo.append(canvas.copy())
                    drawing = True
                    last_pos = (event.pos[0], event.pos[1] - TOOLBAR_H)
            elif event.type == pygame.MOUSEBUTTONUP:
                drawing = False
                last_pos = None
            elif event.type == pygame.MOUSEWHEEL:
                brush = max(1, min(60, brush + event.y))
            elif event.type == pygame.KEYDOWN:
                mods = pygame.key.get_mods()
                if event.key == pygame.K_z and mods & pygame.KMOD_CTRL and undo:
                    canvas = undo.pop()
                elif event.key == pygame.K_f:
                    undo.append(canvas.copy())
                    canvas.fill(color)
                elif event.key == pygame.K_LEFTBRACKET:
                    brush = max(1, brush - 1)
                elif event.key == pygame.K_RIGHTBRACKET:
                    brush = min(60, brush + 1)

        if drawing:
            buttons = pygame.mouse.get_pressed()
            mx, my = pygame.mouse.get_pos()
            pos = (mx, my - TOOLBAR_H)
            paint = (255, 255, 255) if buttons[2] else color
            if last_pos is not None:
                pygame.draw.line(canvas, paint, last_pos, pos, brush * 2)
            pygame.draw.circle(canvas, paint, pos, brush)
            last_pos = pos

        screen.fill((60, 60, 66))
        screen.blit(canvas, (0, TOOLBAR_H))
        for i, swatch in enumerate(PALETTE):
            rect = pygame.Rect(10 + i * 36, 10, 30, 30)
            pygame.draw.rect(screen, swatch, rect)
            if swatch == color:
                pygame.draw.rect(screen, (255, 255, 0), rect.inflate(6, 6), 3)
        info = font.render(f"brush {brush}px   undo {len(undo)}   {canvas.get_width()}x{canvas.get_height()}", True, (230, 230, 230))
        screen.blit(info, (10 + len(PALETTE) * 36 + 10, 16))
        mx, my = pygame.mouse.get_pos()
        if my > TOOLBAR_H:
            pygame.draw.circle(screen, (120, 120, 120), (mx, my), brush, 1)
        pygame.display.flip()
        clock.tick(120)


if __name__ == "__main__":
    main()

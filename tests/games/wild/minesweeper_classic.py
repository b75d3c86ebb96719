"""Minesweeper
Left click reveals a cell, right click places a flag. Empty areas open up automatically.
The first click is always safe. Press R (or click the face) for a new game.
"""
import random
import sys
from collections import deque

import pygame

COLS, ROWS, MINES = 16, 16, 40
CELL = 30
HEADER = 50
WIDTH, HEIGHT = COLS * CELL, ROWS * CELL + HEADER
NUMBER_COLORS = {1: (0, 0, 255), 2: (0, 128, 0), 3: (255, 0, 0), 4: (0, 0, 128), 5: (128, 0, 0), 6: (0, 128, 128), 7: (0, 0, 0), 8: (128, 128, 128)}


class Board:
    def __init__(self):
        self.mines = set()
        self.revealed = set()
        self.flags = set()
        self.lost = False
        self.won = False
        self.started = False
        self.start_ticks = 0

    def neighbours(self, x, y):
        for dx in (-1, 0, 1):
            for dy in (-1, 0, 1):
                nx, ny = x + dx, y + dy
                if (dx or dy) and 0 <= nx < COLS and 0 <= ny < ROWS:
                    yield nx, ny

    def place_mines(self, safe):
        forbidden = {safe, *self.neighbours(*safe)}
        cells = [(x, y) for x in range(COLS) for y in range(ROWS) if (x, y) not in forbidden]
        self.mines = set(random.sample(cells, MINES))
        self.started = True
        self.start_ticks = pygame.time.get_ticks()

    def count(self, x, y):
        return sum((n in self.mines) for n in self.neighbours(x, y))

    def reveal(self, cell):
        if not self.started:
            self.place_mines(cell)
        if cell in self.flags or cell in self.revealed:
            return
        if cell in self.mines:
            self.lost = True
            self.revealed |= self.mines
            return
        queue = deque([cell])
        while queue:
            current = queue.popleft()
            if current in self.revealed:
                continue
            self.revealed.add(current)
            if self.count(*current) == 0:
                for n in self.neighbours(*current):
                    if n not in self.revealed and n not in self.flags:
                        queue.append(n)
        if len(self.revealed) == COLS * ROWS - MINES:
            self.won = True

    def toggle_flag(self, cell):
        if cell in self.revealed:
            return
        self.flags ^= {cell}


def main():
    pygame.init()
    screen = pygame.display.set_mode((WIDTH, HEIGHT))
    pygame.display.set_caption("Minesweeper")
    clock = pygame.time.Clock()
    font = pygame.font.SysFont("arial", 20, bold=True)
    board = Board()
    face_rect = pygame.Rect(WIDTH // 2 - 18, 7, 36, 36)
    elapsed = 0

    while True:
        for event in pygame.event.get():
            if event.type == pygame.QUIT:
                pygame.quit()
                sys.exit()
            if event.type == pygame.KEYDOWN and event.key == pygame.K_r:
                board = Board()
            if event.type == pygame.MOUSEBUTTONDOWN:
                if face_rect.collidepoint(event.pos):
                    board = Board()
                    continue
                if board.lost or board.won or event.pos[1] < HEADER:
                    continue
                cell = (event.pos[0] // CELL, (event.pos[1] - HEADER) // CELL)
                if event.button == 1:
                    board.reveal(cell)
                elif event.button == 3:
                    board.toggle_flag(cell)

        if board.started and not (board.lost or board.won):
            elapsed = (pygame.time.get_ticks() - board.start_ticks) // 1000
        elif not board.started:
            elapsed = 0

        screen.fill((192, 192, 192))
        mines_left = font.render(f"{MINES - len(board.flags):03d}", True, (255, 0, 0), (0, 0, 0))
        timer = font.render(f"{min(elapsed, 999):03d}", True, (255, 0, 0), (0, 0, 0))
        screen.blit(mines_left, (10, 14))
        screen.blit(timer, (WIDTH - timer.get_width() - 10, 14))
        pygame.draw.rect(screen, (255, 255, 0), face_rect, border_radius=18)
        mouth = "X(" if board.lost else ("B)" if board.won else ":)")
        face = font.render(mouth, True, (0, 0, 0))
        screen.blit(face, face.get_rect(center=face_rect.center))

        for x in range(COLS):
            for y in range(ROWS):
                rect = pygame.Rect(x * CELL, HEADER + y * CELL, CELL, CELL)
                if (x, y) in board.revealed:
                    pygame.draw.rect(screen, (220, 220, 220), rect)
                    pygame.draw.rect(screen, (160, 160, 160), rect, 1)
                    if (x, y) in board.mines:
                        pygame.draw.circle(screen, (0, 0, 0), rect.center, CELL // 3)
                    else:
                        n = board.count(x, y)
                        if n:
                            label = font.render(str(n), True, NUMBER_COLORS[n])
                            screen.blit(label, label.get_rect(center=rect.center))
                else:
                    pygame.draw.rect(screen, (180, 180, 180), rect)
                    pygame.draw.line(screen, (255, 255, 255), rect.topleft, rect.topright, 2)
                    pygame.draw.line(screen, (255, 255, 255), rect.topleft, rect.bottomleft, 2)
                    pygame.draw.line(screen, (100, 100, 100), rect.bottomleft, rect.bottomright, 2)
                    pygame.draw.line(screen, (100, 100, 100), rect.topright, rect.bottomright, 2)
                    if (x, y) in board.flags:
                        pygame.draw.polygon(screen, (255, 0, 0), [(rect.x + 10, rect.y + 6), (rect.x + 22, rect.y + 11), (rect.x + 10, rect.y + 16)])
                        pygame.draw.line(screen, (0, 0, 0), (rect.x + 10, rect.y + 6), (rect.x + 10, rect.y + 24), 2)
        pygame.display.flip()
        clock.tick(30)


if __name__ == "__main__":
    main()

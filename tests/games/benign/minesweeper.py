"""Minesweeper
Left click reveals a cell, right click places a flag. R starts a new board.
"""
import random
import sys
from collections import deque

import pygame

COLS, ROWS, MINES = 16, 12, 28
CELL = 34
WIDTH, HEIGHT = COLS * CELL, ROWS * CELL + 40
NUMBER_COLORS = [None, (40, 80, 220), (30, 140, 40), (210, 40, 40), (20, 20, 130),
                 (130, 20, 20), (20, 130, 130), (0, 0, 0), (100, 100, 100)]


class Minesweeper:
    def __init__(self):
        pygame.init()
        self.screen = pygame.display.set_mode((WIDTH, HEIGHT))
        pygame.display.set_caption("Minesweeper")
        self.clock = pygame.time.Clock()
        self.font = pygame.font.Font(None, 30)
        self.reset()

    def reset(self):
        self.mines = [[False] * ROWS for _ in range(COLS)]
        self.counts = [[0] * ROWS for _ in range(COLS)]
        self.revealed = [[False] * ROWS for _ in range(COLS)]
        self.flags = [[False] * ROWS for _ in range(COLS)]
        for x, y in random.sample([(x, y) for x in range(COLS) for y in range(ROWS)], MINES):
            self.mines[x][y] = True
            for dx in (-1, 0, 1):
                for dy in (-1, 0, 1):
                    nx, ny = x + dx, y + dy
                    if 0 <= nx < COLS and 0 <= ny < ROWS:
                        self.counts[nx][ny] += 1
        self.lost = False
        self.won = False

    def reveal(self, x, y):
        if self.flags[x][y] or self.revealed[x][y]:
            return
        if self.mines[x][y]:
            self.lost = True
            return
        queue = deque([(x, y)])
        while queue:
            cx, cy = queue.popleft()
            if self.revealed[cx][cy]:
                continue
            self.revealed[cx][cy] = True
            if self.counts[cx][cy] == 0:
                for dx in (-1, 0, 1):
                    for dy in (-1, 0, 1):
                        nx, ny = cx + dx, cy + dy
                        if 0 <= nx < COLS and 0 <= ny < ROWS and not self.mines[nx][ny]:
                            queue.append((nx, ny))
        hidden = sum(not self.revealed[i][j] for i in range(COLS) for j in range(ROWS))
        self.won = hidden == MINES

    def handle(self, event):
        if event.type == pygame.QUIT:
            pygame.quit()
            sys.exit()
        if event.type == pygame.KEYDOWN and event.key == pygame.K_r:
            self.reset()
        if event.type == pygame.MOUSEBUTTONDOWN and not (self.lost or self.won):
            x, y = event.pos[0] // CELL, (event.pos[1] - 40) // CELL
            if 0 <= x < COLS and 0 <= y < ROWS:
                if event.button == 1:
                    self.reveal(x, y)
                elif event.button == 3:
                    self.flags[x][y] = not self.flags[x][y]

    def draw(self):
        self.screen.fill((190, 190, 190))
        for x in range(COLS):
            for y in range(ROWS):
                rect = pygame.Rect(x * CELL, 40 + y * CELL, CELL, CELL)
                if self.revealed[x][y] or (self.lost and self.mines[x][y]):
                    pygame.draw.rect(self.screen, (225, 225, 225), rect)
                    if self.mines[x][y]:
                        pygame.draw.circle(self.screen, (0, 0, 0), rect.center, CELL // 4)
                    elif self.counts[x][y]:
                        img = self.font.render(str(self.counts[x][y]), True, NUMBER_COLORS[self.counts[x][y]])
                        self.screen.blit(img, img.get_rect(center=rect.center))
                else:
                    pygame.draw.rect(self.screen, (160, 160, 170), rect.inflate(-2, -2))
                    if self.flags[x][y]:
                        pygame.draw.polygon(self.screen, (220, 30, 30), [rect.move(10, 6).topleft, rect.move(-8, 12).midright, rect.move(10, -14).bottomleft])
                pygame.draw.rect(self.screen, (120, 120, 120), rect, 1)
        flags = sum(map(sum, self.flags))
        status = "You win!" if self.won else "Boom! R to retry" if self.lost else f"Mines left: {MINES - flags}"
        self.screen.blit(self.font.render(status, True, (20, 20, 20)), (10, 10))
        pygame.display.flip()

    def run(self):
        while True:
            for event in pygame.event.get():
                self.handle(event)
            self.draw()
            self.clock.tick(30)


if __name__ == "__main__":
    Minesweeper().run()

"""2048
Arrow keys slide the tiles; equal tiles merge. Reach 2048! R restarts.
"""
import random
import sys

import pygame

SIZE = 4
TILE = 100
GAP = 10
WIDTH = SIZE * TILE + (SIZE + 1) * GAP
HEIGHT = WIDTH + 60
TILE_COLORS = {0: (205, 193, 180), 2: (238, 228, 218), 4: (237, 224, 200), 8: (242, 177, 121),
               16: (245, 149, 99), 32: (246, 124, 95), 64: (246, 94, 59), 128: (237, 207, 114),
               256: (237, 204, 97), 512: (237, 200, 80), 1024: (237, 197, 63), 2048: (237, 194, 46)}


class Board:
    def __init__(self):
        self.grid = [[0] * SIZE for _ in range(SIZE)]
        self.score = 0
        self.add_tile()
        self.add_tile()

    def add_tile(self):
        empty = [(r, c) for r in range(SIZE) for c in range(SIZE) if self.grid[r][c] == 0]
        if empty:
            r, c = random.choice(empty)
            self.grid[r][c] = 4 if random.random() < 0.1 else 2

    def slide_row_left(self, row):
        tiles = [v for v in row if v]
        merged = []
        skip = False
        for i, v in enumerate(tiles):
            if skip:
                skip = False
                continue
            if i + 1 < len(tiles) and tiles[i + 1] == v:
                merged.append(v * 2)
                self.score += v * 2
                skip = True
            else:
                merged.append(v)
        return merged + [0] * (SIZE - len(merged))

    def move(self, direction):
        before = [row[:] for row in self.grid]
        if direction in ("left", "right"):
            for r in range(SIZE):
                row = self.grid[r][::-1] if direction == "right" else self.grid[r]
                new = self.slide_row_left(row)
                self.grid[r] = new[::-1] if direction == "right" else new
        else:
            for c in range(SIZE):
                col = [self.grid[r][c] for r in range(SIZE)]
                if direction == "down":
                    col.reverse()
                new = self.slide_row_left(col)
                if direction == "down":
                    new.reverse()
                for r in range(SIZE):
                    self.grid[r][c] = new[r]
        if self.grid != before:
            self.add_tile()

    def can_move(self):
        for r in range(SIZE):
            for c in range(SIZE):
                if self.grid[r][c] == 0:
                    return True
                if c + 1 < SIZE and self.grid[r][c] == self.grid[r][c + 1]:
                    return True
                if r + 1 < SIZE and self.grid[r][c] == self.grid[r + 1][c]:
                    return True
        return False


class Game:
    KEYS = {pygame.K_LEFT: "left", pygame.K_RIGHT: "right", pygame.K_UP: "up", pygame.K_DOWN: "down"}

    def __init__(self):
        pygame.init()
        self.screen = pygame.display.set_mode((WIDTH, HEIGHT))
        pygame.display.set_caption("2048")
        self.clock = pygame.time.Clock()
        self.font = pygame.font.Font(None, 48)
        self.small = pygame.font.SysFont("arial", 24)
        self.board = Board()

    def draw(self):
        self.screen.fill((187, 173, 160))
        for r in range(SIZE):
            for c in range(SIZE):
                value = self.board.grid[r][c]
                rect = pygame.Rect(GAP + c * (TILE + GAP), 60 + GAP + r * (TILE + GAP), TILE, TILE)
                pygame.draw.rect(self.screen, TILE_COLORS.get(value, (60, 58, 50)), rect, border_radius=6)
                if value:
                    color = (119, 110, 101) if value < 8 else (249, 246, 242)
                    text = self.font.render(str(value), True, color)
                    self.screen.blit(text, text.get_rect(center=rect.center))
        label = f"Score: {self.board.score:,}" + ("   Game over - R" if not self.board.can_move() else "")
        self.screen.blit(self.small.render(label, True, (255, 255, 255)), (GAP, 18))
        pygame.display.update()

    def run(self):
        while True:
            for event in pygame.event.get():
                if event.type == pygame.QUIT:
                    pygame.quit()
                    sys.exit()
                if event.type == pygame.KEYDOWN:
                    if event.key in self.KEYS:
                        self.board.move(self.KEYS[event.key])
                    elif event.key == pygame.K_r:
                        self.board = Board()
            self.draw()
            self.clock.tick(60)


if __name__ == "__main__":
    Game().run()

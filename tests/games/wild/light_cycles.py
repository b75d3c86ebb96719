"""Light Cycles
Two-player Tron. Blue: W/A/S/D. Orange: arrow keys.
Don't hit a wall or any trail. Best of five rounds.
"""
import pygame
import sys

pygame.init()

W, H = 800, 600
CELL = 5
screen = pygame.display.set_mode((W, H))
pygame.display.set_caption("Light Cycles")
font = pygame.font.SysFont("arial black", 30)

BLUE = (0, 160, 255)
ORANGE = (255, 140, 0)
GRID = (0, 30, 40)


class Cycle:
    def __init__(self, x, y, d, color, keys):
        self.x, self.y = x, y
        self.d = d
        self.color = color
        self.keys = keys
        self.trail = set()
        self.alive = True
        self.wins = 0

    def steer(self, key):
        up, down, left, right = self.keys
        if key == up and self.d != (0, 1):
            self.d = (0, -1)
        elif key == down and self.d != (0, -1):
            self.d = (0, 1)
        elif key == left and self.d != (1, 0):
            self.d = (-1, 0)
        elif key == right and self.d != (-1, 0):
            self.d = (1, 0)

    def move(self):
        self.trail.add((self.x, self.y))
        self.x += self.d[0]
        self.y += self.d[1]


def new_round(p1, p2):
    p1.x, p1.y, p1.d = 20, H // CELL // 2, (1, 0)
    p2.x, p2.y, p2.d = W // CELL - 20, H // CELL // 2, (-1, 0)
    for p in (p1, p2):
        p.trail = set()
        p.alive = True
    screen.fill((0, 0, 0))


p1 = Cycle(0, 0, (1, 0), BLUE, (pygame.K_w, pygame.K_s, pygame.K_a, pygame.K_d))
p2 = Cycle(0, 0, (-1, 0), ORANGE, (pygame.K_UP, pygame.K_DOWN, pygame.K_LEFT, pygame.K_RIGHT))
new_round(p1, p2)
round_over_at = None
message = ""

while True:
    for event in pygame.event.get():
        if event.type == pygame.QUIT:
            pygame.quit()
            sys.exit()
        if event.type == pygame.KEYDOWN:
            p1.steer(event.key)
            p2.steer(event.key)

    if round_over_at is None:
        p1.move()
        p2.move()
        cols, rows = W // CELL, H // CELL
        walls = p1.trail | p2.trail
        for p in (p1, p2):
            if not (0 <= p.x < cols and 0 <= p.y < rows) or (p.x, p.y) in walls:
                p.alive = False
        if (p1.x, p1.y) == (p2.x, p2.y):
            p1.alive = p2.alive = False
        if not (p1.alive and p2.alive):
            round_over_at = pygame.time.get_ticks()
            if p1.alive:
                p1.wins += 1
                message = "Blue wins the round"
            elif p2.alive:
                p2.wins += 1
                message = "Orange wins the round"
            else:
                message = "Draw!"
            if max(p1.wins, p2.wins) >= 3:
                message = ("BLUE" if p1.wins > p2.wins else "ORANGE") + " WINS THE MATCH"
    elif pygame.time.get_ticks() - round_over_at > 2000:
        if max(p1.wins, p2.wins) >= 3:
            p1.wins = p2.wins = 0
        new_round(p1, p2)
        round_over_at = None

    screen.fill((0, 0, 0))
    for x in range(0, W, 40):
        pygame.draw.line(screen, GRID, (x, 0), (x, H))
    for y in range(0, H, 40):
        pygame.draw.line(screen, GRID, (0, y), (W, y))
    for p in (p1, p2):
        for (x, y) in p.trail:
            screen.fill(p.color, (x * CELL, y * CELL, CELL, CELL))
        pygame.draw.rect(screen, (255, 255, 255), (p.x * CELL - 1, p.y * CELL - 1, CELL + 2, CELL + 2))
    score = font.render(f"{p1.wins} - {p2.wins}", True, (200, 200, 200))
    screen.blit(score, (W // 2 - score.get_width() // 2, 10))
    if round_over_at is not None:
        text = font.render(message, True, (255, 255, 255))
        screen.blit(text, text.get_rect(center=(W // 2, H // 2)))
    pygame.display.flip()
    pygame.time.Clock().tick(30)

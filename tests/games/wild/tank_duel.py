"""Tank Duel
Two players on one keyboard.
Player 1: W/S drive, A/D turn, Space fires.  Player 2: arrows drive and turn, Enter fires.
Shells bounce off walls once. First to 5 hits wins.
"""
import math
import random
import sys

import pygame

pygame.init()
WIDTH, HEIGHT = 800, 600
screen = pygame.display.set_mode((WIDTH, HEIGHT))
pygame.display.set_caption("Tank Duel")
clock = pygame.time.Clock()
font = pygame.font.Font(None, 40)

WALLS = [
    pygame.Rect(0, 0, WIDTH, 10), pygame.Rect(0, HEIGHT - 10, WIDTH, 10),
    pygame.Rect(0, 0, 10, HEIGHT), pygame.Rect(WIDTH - 10, 0, 10, HEIGHT),
    pygame.Rect(380, 150, 40, 300), pygame.Rect(150, 280, 120, 30), pygame.Rect(530, 280, 120, 30),
]


def tank_surface(color):
    surf = pygame.Surface((40, 30), pygame.SRCALPHA)
    pygame.draw.rect(surf, color, (0, 2, 34, 26), border_radius=4)
    pygame.draw.rect(surf, (30, 30, 30), (0, 0, 34, 5))
    pygame.draw.rect(surf, (30, 30, 30), (0, 25, 34, 5))
    pygame.draw.circle(surf, (min(color[0] + 40, 255), min(color[1] + 40, 255), min(color[2] + 40, 255)), (17, 15), 8)
    pygame.draw.rect(surf, (60, 60, 60), (17, 12, 23, 6))
    return surf


class Tank:
    def __init__(self, x, y, angle, color, controls):
        self.base_image = tank_surface(color)
        self.x, self.y = x, y
        self.start = (x, y, angle)
        self.angle = angle
        self.controls = controls
        self.reload = 0
        self.score = 0

    @property
    def rect(self):
        return pygame.Rect(self.x - 15, self.y - 15, 30, 30)

    def update(self, keys):
        fwd, back, left, right, _fire = self.controls
        if keys[left]:
            self.angle += 3
        if keys[right]:
            self.angle -= 3
        speed = (keys[fwd] - keys[back]) * 2.5
        rad = math.radians(self.angle)
        nx = self.x + math.cos(rad) * speed
        ny = self.y - math.sin(rad) * speed
        new_rect = pygame.Rect(nx - 15, ny - 15, 30, 30)
        if new_rect.collidelist(WALLS) == -1:
            self.x, self.y = nx, ny
        if self.reload > 0:
            self.reload -= 1

    def fire(self, shells):
        if self.reload == 0:
            rad = math.radians(self.angle)
            shells.append(Shell(self.x + math.cos(rad) * 24, self.y - math.sin(rad) * 24, rad, self))
            self.reload = 40

    def draw(self, surf):
        image = pygame.transform.rotate(self.base_image, self.angle)
        surf.blit(image, image.get_rect(center=(self.x, self.y)))

    def respawn(self):
        self.x, self.y, self.angle = self.start


class Shell:
    def __init__(self, x, y, rad, owner):
        self.x, self.y = x, y
        self.vx, self.vy = math.cos(rad) * 7, -math.sin(rad) * 7
        self.owner = owner
        self.bounces = 1
        self.alive = True

    def update(self):
        self.x += self.vx
        if any(w.collidepoint(self.x, self.y) for w in WALLS):
            self.vx = -self.vx
            self.x += self.vx
            self.bounces -= 1
        self.y += self.vy
        if any(w.collidepoint(self.x, self.y) for w in WALLS):
            self.vy = -self.vy
            self.y += self.vy
            self.bounces -= 1
        if self.bounces < 0:
            self.alive = False


p1 = Tank(80, 300, 0, (70, 140, 60), (pygame.K_w, pygame.K_s, pygame.K_a, pygame.K_d, pygame.K_SPACE))
p2 = Tank(720, 300, 180, (160, 70, 60), (pygame.K_UP, pygame.K_DOWN, pygame.K_LEFT, pygame.K_RIGHT, pygame.K_RETURN))
tanks = [p1, p2]
shells = []
explosions = []
winner = None

while True:
    for event in pygame.event.get():
        if event.type == pygame.QUIT:
            pygame.quit()
            sys.exit()
        if event.type == pygame.KEYDOWN:
            if winner and event.key == pygame.K_r:
                winner = None
                for t in tanks:
                    t.score = 0
                    t.respawn()
            for t in tanks:
                if event.key == t.controls[4] and not winner:
                    t.fire(shells)

    keys = pygame.key.get_pressed()
    if not winner:
        for t in tanks:
            t.update(keys)
        for s in shells:
            s.update()
            for t in tanks:
                if t is not s.owner and t.rect.collidepoint(s.x, s.y):
                    s.alive = False
                    s.owner.score += 1
                    explosions.append([t.x, t.y, 0])
                    t.respawn()
                    if s.owner.score >= 5:
                        winner = "Green" if s.owner is p1 else "Red"
        shells = [s for s in shells if s.alive]

    screen.fill((194, 178, 128))
    for w in WALLS:
        pygame.draw.rect(screen, (90, 80, 60), w)
    for t in tanks:
        t.draw(screen)
    for s in shells:
        pygame.draw.circle(screen, (20, 20, 20), (int(s.x), int(s.y)), 4)
    for e in explosions:
        e[2] += 1
        pygame.draw.circle(screen, random.choice([(255, 200, 0), (255, 100, 0)]), (int(e[0]), int(e[1])), e[2] * 2, 3)
    explosions = [e for e in explosions if e[2] < 20]
    score = font.render(f"{p1.score}  :  {p2.score}", True, (0, 0, 0))
    screen.blit(score, score.get_rect(midtop=(WIDTH // 2, 14)))
    if winner:
        msg = font.render(f"{winner} wins!  Press R for a rematch", True, (0, 0, 0))
        screen.blit(msg, msg.get_rect(center=(WIDTH // 2, HEIGHT // 2)))
    pygame.display.update()
    clock.tick(60)

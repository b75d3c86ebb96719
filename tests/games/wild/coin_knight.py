"""Coin Knight
Move the knight with the arrow keys and collect coins while avoiding the slimes.
Uses pixel-perfect (mask) collisions. Sprites fall back to drawn shapes if the image files are missing.
"""
import math
import random

import pygame

pygame.init()
WIDTH, HEIGHT = 640, 480
screen = pygame.display.set_mode((WIDTH, HEIGHT))
pygame.display.set_caption("Coin Knight")
clock = pygame.time.Clock()
font = pygame.font.SysFont("georgia", 26)


def load_image(path, fallback_size, draw_fallback):
    try:
        image = pygame.image.load(path).convert_alpha()
    except (pygame.error, FileNotFoundError):
        image = pygame.Surface(fallback_size, pygame.SRCALPHA).convert_alpha()
        draw_fallback(image)
    return image


def draw_knight(surf):
    pygame.draw.rect(surf, (180, 180, 200), (8, 10, 24, 26), border_radius=5)
    pygame.draw.circle(surf, (200, 200, 220), (20, 10), 9)
    pygame.draw.rect(surf, (30, 30, 40), (14, 8, 12, 3))
    pygame.draw.polygon(surf, (200, 30, 30), [(20, 0), (25, 3), (20, 5)])


def draw_slime(surf):
    pygame.draw.ellipse(surf, (60, 200, 90), (0, 8, 34, 24))
    pygame.draw.circle(surf, (255, 255, 255), (11, 16), 4)
    pygame.draw.circle(surf, (255, 255, 255), (23, 16), 4)
    pygame.draw.circle(surf, (0, 0, 0), (11, 17), 2)
    pygame.draw.circle(surf, (0, 0, 0), (23, 17), 2)


def draw_coin(surf):
    pygame.draw.circle(surf, (255, 210, 40), (10, 10), 10)
    pygame.draw.circle(surf, (200, 150, 20), (10, 10), 10, 2)


KNIGHT_IMG = load_image("images/knight.png", (40, 40), draw_knight)
SLIME_IMG = load_image("images/slime.png", (34, 32), draw_slime)
COIN_IMG = load_image("images/coin.png", (20, 20), draw_coin)


class Knight(pygame.sprite.Sprite):
    def __init__(self):
        super().__init__()
        self.image = KNIGHT_IMG
        self.rect = self.image.get_rect(center=(WIDTH // 2, HEIGHT // 2))
        self.mask = pygame.mask.from_surface(self.image)
        self.facing_left = False

    def update(self):
        keys = pygame.key.get_pressed()
        dx = (keys[pygame.K_RIGHT] - keys[pygame.K_LEFT]) * 4
        dy = (keys[pygame.K_DOWN] - keys[pygame.K_UP]) * 4
        self.rect.move_ip(dx, dy)
        self.rect.clamp_ip(screen.get_rect())
        if dx:
            self.facing_left = dx < 0
            self.image = pygame.transform.flip(KNIGHT_IMG, self.facing_left, False)
            self.mask = pygame.mask.from_surface(self.image)


class Slime(pygame.sprite.Sprite):
    def __init__(self):
        super().__init__()
        self.image = SLIME_IMG
        self.rect = self.image.get_rect(center=(random.randint(40, WIDTH - 40), random.randint(40, HEIGHT - 40)))
        self.mask = pygame.mask.from_surface(self.image)
        self.angle = random.uniform(0, math.tau)
        self.speed = random.uniform(1, 2.5)
        self.fx, self.fy = float(self.rect.x), float(self.rect.y)

    def update(self):
        self.angle += random.uniform(-0.2, 0.2)
        self.fx += math.cos(self.angle) * self.speed
        self.fy += math.sin(self.angle) * self.speed
        if not 0 < self.fx < WIDTH - self.rect.width:
            self.angle = math.pi - self.angle
        if not 0 < self.fy < HEIGHT - self.rect.height:
            self.angle = -self.angle
        self.fx = max(0, min(self.fx, WIDTH - self.rect.width))
        self.fy = max(0, min(self.fy, HEIGHT - self.rect.height))
        self.rect.topleft = (round(self.fx), round(self.fy))


class Coin(pygame.sprite.Sprite):
    def __init__(self):
        super().__init__()
        self.image = COIN_IMG
        self.rect = self.image.get_rect(center=(random.randint(20, WIDTH - 20), random.randint(20, HEIGHT - 20)))
        self.mask = pygame.mask.from_surface(self.image)
        self.phase = random.random() * 10

    def update(self):
        self.phase += 0.15
        width = max(2, int(abs(math.cos(self.phase)) * 20))
        center = self.rect.center
        self.image = pygame.transform.scale(COIN_IMG, (width, 20))
        self.rect = self.image.get_rect(center=center)
        self.mask = pygame.mask.from_surface(self.image)


knight = Knight()
slimes = pygame.sprite.Group(Slime() for _ in range(4))
coins = pygame.sprite.Group(Coin() for _ in range(6))
everything = pygame.sprite.Group(coins, slimes, knight)
score = 0
hearts = 3
hurt_timer = 0

running = True
while running:
    for event in pygame.event.get():
        if event.type == pygame.QUIT:
            running = False

    if hearts > 0:
        everything.update()
        for coin in pygame.sprite.spritecollide(knight, coins, True, pygame.sprite.collide_mask):
            score += 1
            new_coin = Coin()
            coins.add(new_coin)
            everything.add(new_coin)
            if score % 5 == 0:
                slime = Slime()
                slimes.add(slime)
                everything.add(slime)
        if hurt_timer > 0:
            hurt_timer -= 1
        elif pygame.sprite.spritecollideany(knight, slimes, pygame.sprite.collide_mask):
            hearts -= 1
            hurt_timer = 90
    else:
        keys = pygame.key.get_pressed()
        if keys[pygame.K_RETURN]:
            hearts, score = 3, 0
            for slime in list(slimes)[4:]:
                slime.kill()

    screen.fill((40, 90, 50))
    for x in range(0, WIDTH, 40):
        for y in range(0, HEIGHT, 40):
            if (x // 40 + y // 40) % 2 == 0:
                pygame.draw.rect(screen, (45, 100, 55), (x, y, 40, 40))
    everything.draw(screen)
    if hurt_timer and hurt_timer % 10 < 5:
        pygame.draw.rect(screen, (255, 0, 0), knight.rect, 2)
    screen.blit(font.render(f"Coins: {score}", True, (255, 255, 255)), (10, 8))
    screen.blit(font.render("\u2665" * hearts, True, (255, 60, 60)), (WIDTH - 100, 8))
    if hearts <= 0:
        over = font.render("The slimes got you! Hold ENTER to try again", True, (255, 255, 255))
        screen.blit(over, over.get_rect(center=(WIDTH // 2, HEIGHT // 2)))
    pygame.display.flip()
    clock.tick(60)

pygame.quit()

"""Jumpy Platformer
Left/Right or A/D run, Space or Up jumps. Collect the coins; falling off the bottom respawns you.
"""
import random
import sys

import pygame

WIDTH, HEIGHT = 640, 480
GRAVITY = 0.6
JUMP = -12
SPEED = 5
vec = pygame.math.Vector2


class Player(pygame.sprite.Sprite):
    def __init__(self, platforms):
        super().__init__()
        self.image = pygame.Surface((26, 36))
        self.image.fill((240, 120, 60))
        self.rect = self.image.get_rect()
        self.pos = vec(60, HEIGHT - 100)
        self.vel = vec(0, 0)
        self.platforms = platforms
        self.on_ground = False

    def jump(self):
        if self.on_ground:
            self.vel.y = JUMP

    def update(self):
        keys = pygame.key.get_pressed()
        self.vel.x = 0
        if keys[pygame.K_LEFT] or keys[pygame.K_a]:
            self.vel.x = -SPEED
        if keys[pygame.K_RIGHT] or keys[pygame.K_d]:
            self.vel.x = SPEED
        self.vel.y = min(self.vel.y + GRAVITY, 15)
        self.pos.x += self.vel.x
        self.rect.midbottom = (round(self.pos.x), round(self.pos.y))
        for p in pygame.sprite.spritecollide(self, self.platforms, False):
            if self.vel.x > 0:
                self.rect.right = p.rect.left
            elif self.vel.x < 0:
                self.rect.left = p.rect.right
            self.pos.x = self.rect.centerx
        self.pos.y += self.vel.y
        self.rect.midbottom = (round(self.pos.x), round(self.pos.y))
        self.on_ground = False
        for p in pygame.sprite.spritecollide(self, self.platforms, False):
            if self.vel.y > 0:
                self.rect.bottom = p.rect.top
                self.on_ground = True
            elif self.vel.y < 0:
                self.rect.top = p.rect.bottom
            self.vel.y = 0
            self.pos.y = self.rect.bottom
        self.pos.x = max(13, min(WIDTH - 13, self.pos.x))
        if self.rect.top > HEIGHT:
            self.pos.update(60, HEIGHT - 100)
            self.vel.update(0, 0)


class Platform(pygame.sprite.Sprite):
    def __init__(self, x, y, w, h=16):
        super().__init__()
        self.image = pygame.Surface((w, h))
        self.image.fill((90, 170, 90))
        self.rect = self.image.get_rect(topleft=(x, y))


class Coin(pygame.sprite.Sprite):
    def __init__(self, x, y):
        super().__init__()
        self.image = pygame.Surface((16, 16), pygame.SRCALPHA)
        pygame.draw.circle(self.image, (255, 215, 0), (8, 8), 8)
        self.rect = self.image.get_rect(center=(x, y))


def main():
    pygame.init()
    screen = pygame.display.set_mode((WIDTH, HEIGHT))
    pygame.display.set_caption("Jumpy Platformer")
    clock = pygame.time.Clock()
    font = pygame.font.Font(None, 32)
    platforms = pygame.sprite.Group(Platform(0, HEIGHT - 20, 260), Platform(330, HEIGHT - 20, 310))
    for i in range(6):
        platforms.add(Platform(random.randint(0, WIDTH - 120), 80 + i * 60, random.randint(80, 140)))
    coins = pygame.sprite.Group()
    for p in platforms:
        coins.add(Coin(p.rect.centerx, p.rect.top - 14))
    player = Player(platforms)
    everything = pygame.sprite.Group(platforms, coins, player)
    collected = 0
    while True:
        for event in pygame.event.get():
            if event.type == pygame.QUIT:
                pygame.quit()
                sys.exit()
            if event.type == pygame.KEYDOWN and event.key in (pygame.K_SPACE, pygame.K_UP):
                player.jump()
        player.update()
        collected += len(pygame.sprite.spritecollide(player, coins, True))
        if not coins:
            for p in platforms:
                c = Coin(p.rect.centerx, p.rect.top - 14)
                coins.add(c)
                everything.add(c)
        screen.fill((135, 200, 250))
        everything.draw(screen)
        screen.blit(font.render(f"Coins: {collected}", True, (20, 20, 60)), (10, 10))
        pygame.display.flip()
        clock.tick(60)


if __name__ == "__main__":
    main()

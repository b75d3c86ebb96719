"""Castle Defense
Left/Right (or A/D) move the cannon, Space fires. Stop the invaders reaching the wall.
"""
import random

import pygame

WIDTH, HEIGHT = 640, 480


class Cannon(pygame.sprite.Sprite):
    def __init__(self):
        super().__init__()
        self.image = pygame.Surface((40, 24), pygame.SRCALPHA)
        pygame.draw.rect(self.image, (170, 170, 190), (0, 10, 40, 14), border_radius=4)
        pygame.draw.rect(self.image, (120, 120, 140), (16, 0, 8, 14))
        self.rect = self.image.get_rect(midbottom=(WIDTH // 2, HEIGHT - 10))
        self.reload = 0.0

    def update(self, dt):
        keys = pygame.key.get_pressed()
        dx = (keys[pygame.K_RIGHT] or keys[pygame.K_d]) - (keys[pygame.K_LEFT] or keys[pygame.K_a])
        self.rect.x += int(dx * 300 * dt)
        self.rect.clamp_ip(pygame.Rect(0, 0, WIDTH, HEIGHT))
        self.reload -= dt


class Shell(pygame.sprite.Sprite):
    def __init__(self, pos):
        super().__init__()
        self.image = pygame.Surface((6, 12))
        self.image.fill((255, 240, 120))
        self.rect = self.image.get_rect(midbottom=pos)

    def update(self, dt):
        self.rect.y -= int(500 * dt)
        if self.rect.bottom < 0:
            self.kill()


class Invader(pygame.sprite.Sprite):
    def __init__(self, speed):
        super().__init__()
        self.image = pygame.Surface((30, 22), pygame.SRCALPHA)
        pygame.draw.ellipse(self.image, (120, 230, 110), self.image.get_rect())
        pygame.draw.circle(self.image, (0, 0, 0), (10, 9), 3)
        pygame.draw.circle(self.image, (0, 0, 0), (20, 9), 3)
        self.rect = self.image.get_rect(midtop=(random.randint(20, WIDTH - 20), -20))
        self.y = float(self.rect.y)
        self.speed = speed

    def update(self, dt):
        self.y += self.speed * dt
        self.rect.y = int(self.y)


cannon = Cannon()
players = pygame.sprite.GroupSingle(cannon)
shells = pygame.sprite.Group()
invaders = pygame.sprite.Group()
wall = pygame.Rect(0, HEIGHT - 50, WIDTH, 6)
score = 0
breaches = 0
spawn_timer = 0.0
font = None


def on_key_down(key):
    if key == pygame.K_SPACE and cannon.reload <= 0:
        shells.add(Shell(cannon.rect.midtop))
        cannon.reload = 0.25


def update(dt):
    global score, breaches, spawn_timer
    spawn_timer -= dt
    if spawn_timer <= 0:
        spawn_timer = max(0.4, 1.5 - score * 0.02)
        invaders.add(Invader(40 + score * 1.2))
    players.update(dt)
    shells.update(dt)
    invaders.update(dt)
    hits = pygame.sprite.groupcollide(invaders, shells, True, True)
    score += len(hits)
    for invader in invaders.sprites():
        if invader.rect.colliderect(wall):
            invader.kill()
            breaches += 1
    if pygame.sprite.spritecollide(cannon, invaders, True):
        breaches += 1
    if breaches >= 10:
        breaches = 0
        score = 0
        invaders.empty()


def draw(screen):
    global font
    if font is None:
        font = pygame.font.Font(None, 30)
    screen.fill((30, 25, 45))
    pygame.draw.rect(screen, (150, 110, 80), wall)
    invaders.draw(screen)
    shells.draw(screen)
    players.draw(screen)
    screen.blit(font.render(f"Score {score}  Breaches {breaches}/10", True, (255, 255, 255)), (10, 10))

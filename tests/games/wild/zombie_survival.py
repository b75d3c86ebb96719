"""Zombie Survival
WASD to move, aim with the mouse, left click to shoot, R to reload.
Zombies spawn faster every 15 seconds. How long can you last?
"""
import math
import random
import sys

import pygame

pygame.init()

WIDTH, HEIGHT = 1024, 768
screen = pygame.display.set_mode((WIDTH, HEIGHT))
pygame.display.set_caption("Zombie Survival")
clock = pygame.time.Clock()
font = pygame.font.SysFont("impact", 28)

SPAWN_ZOMBIE = pygame.USEREVENT + 1
HARDER = pygame.USEREVENT + 2
spawn_interval = 1500
pygame.time.set_timer(SPAWN_ZOMBIE, spawn_interval)
pygame.time.set_timer(HARDER, 15000)

player_img = pygame.Surface((40, 30), pygame.SRCALPHA)
pygame.draw.circle(player_img, (60, 120, 220), (15, 15), 14)
pygame.draw.rect(player_img, (40, 40, 40), (20, 12, 20, 6))

zombie_img = pygame.Surface((36, 36), pygame.SRCALPHA)
pygame.draw.circle(zombie_img, (90, 160, 70), (18, 18), 16)
pygame.draw.circle(zombie_img, (200, 0, 0), (24, 12), 3)
pygame.draw.circle(zombie_img, (200, 0, 0), (24, 24), 3)


class Player(pygame.sprite.Sprite):
    def __init__(self):
        super().__init__()
        self.image = player_img
        self.rect = self.image.get_rect(center=(WIDTH // 2, HEIGHT // 2))
        self.pos = pygame.Vector2(self.rect.center)
        self.health = 100
        self.ammo = 12
        self.reloading_until = 0

    def update(self):
        keys = pygame.key.get_pressed()
        move = pygame.Vector2(keys[pygame.K_d] - keys[pygame.K_a], keys[pygame.K_s] - keys[pygame.K_w])
        if move.length_squared() > 0:
            move.scale_to_length(4)
        self.pos += move
        self.pos.x = max(20, min(WIDTH - 20, self.pos.x))
        self.pos.y = max(20, min(HEIGHT - 20, self.pos.y))
        mx, my = pygame.mouse.get_pos()
        angle = math.degrees(math.atan2(-(my - self.pos.y), mx - self.pos.x))
        self.image = pygame.transform.rotate(player_img, angle)
        self.rect = self.image.get_rect(center=self.pos)
        if self.reloading_until and pygame.time.get_ticks() >= self.reloading_until:
            self.ammo = 12
            self.reloading_until = 0


class Zombie(pygame.sprite.Sprite):
    def __init__(self, target):
        super().__init__()
        side = random.choice(["top", "bottom", "left", "right"])
        if side == "top":
            pos = (random.randint(0, WIDTH), -30)
        elif side == "bottom":
            pos = (random.randint(0, WIDTH), HEIGHT + 30)
        elif side == "left":
            pos = (-30, random.randint(0, HEIGHT))
        else:
            pos = (WIDTH + 30, random.randint(0, HEIGHT))
        self.pos = pygame.Vector2(pos)
        self.target = target
        self.speed = random.uniform(1.0, 2.2)
        self.image = zombie_img
        self.rect = self.image.get_rect(center=pos)
        self.hp = 3

    def update(self):
        direction = self.target.pos - self.pos
        if direction.length() > 0:
            direction = direction.normalize()
        self.pos += direction * self.speed
        angle = direction.angle_to(pygame.Vector2(1, 0))
        self.image = pygame.transform.rotate(zombie_img, angle)
        self.rect = self.image.get_rect(center=self.pos)


class Bullet(pygame.sprite.Sprite):
    def __init__(self, pos, target):
        super().__init__()
        self.image = pygame.Surface((6, 6), pygame.SRCALPHA)
        pygame.draw.circle(self.image, (255, 230, 90), (3, 3), 3)
        self.pos = pygame.Vector2(pos)
        direction = pygame.Vector2(target) - self.pos
        self.vel = direction.normalize() * 14 if direction.length() else pygame.Vector2(14, 0)
        self.rect = self.image.get_rect(center=pos)

    def update(self):
        self.pos += self.vel
        self.rect.center = self.pos
        if not screen.get_rect().colliderect(self.rect):
            self.kill()


player = Player()
zombies = pygame.sprite.Group()
bullets = pygame.sprite.Group()
kills = 0
alive = True
start_time = pygame.time.get_ticks()
survived = 0

while True:
    for event in pygame.event.get():
        if event.type == pygame.QUIT:
            pygame.quit()
            sys.exit()
        elif event.type == SPAWN_ZOMBIE and alive:
            zombies.add(Zombie(player))
        elif event.type == HARDER and alive:
            spawn_interval = max(300, spawn_interval - 200)
            pygame.time.set_timer(SPAWN_ZOMBIE, spawn_interval)
        elif event.type == pygame.MOUSEBUTTONDOWN and event.button == 1 and alive:
            if player.ammo > 0 and not player.reloading_until:
                bullets.add(Bullet(player.pos, event.pos))
                player.ammo -= 1
        elif event.type == pygame.KEYDOWN:
            if event.key == pygame.K_r and alive and not player.reloading_until:
                player.reloading_until = pygame.time.get_ticks() + 1200
            elif event.key == pygame.K_SPACE and not alive:
                player = Player()
                zombies.empty()
                bullets.empty()
                kills = 0
                alive = True
                start_time = pygame.time.get_ticks()

    if alive:
        player.update()
        zombies.update()
        bullets.update()
        for zombie, hit in pygame.sprite.groupcollide(zombies, bullets, False, True).items():
            zombie.hp -= len(hit)
            if zombie.hp <= 0:
                zombie.kill()
                kills += 1
        for zombie in pygame.sprite.spritecollide(player, zombies, False, pygame.sprite.collide_circle_ratio(0.7)):
            player.health -= 0.5
        if player.health <= 0:
            alive = False
            survived = (pygame.time.get_ticks() - start_time) // 1000

    screen.fill((45, 50, 40))
    for x in range(0, WIDTH, 64):
        pygame.draw.line(screen, (55, 60, 50), (x, 0), (x, HEIGHT))
    for y in range(0, HEIGHT, 64):
        pygame.draw.line(screen, (55, 60, 50), (0, y), (WIDTH, y))
    bullets.draw(screen)
    zombies.draw(screen)
    screen.blit(player.image, player.rect)
    pygame.draw.rect(screen, (120, 0, 0), (10, 10, 200, 16))
    pygame.draw.rect(screen, (0, 200, 0), (10, 10, 2 * max(0, player.health), 16))
    ammo_text = "RELOADING..." if player.reloading_until else f"Ammo: {player.ammo}/12"
    screen.blit(font.render(ammo_text, True, (255, 255, 255)), (10, 32))
    screen.blit(font.render(f"Kills: {kills}", True, (255, 255, 255)), (WIDTH - 150, 10))
    if not alive:
        over = font.render(f"You survived {survived} s with {kills} kills. SPACE to retry", True, (255, 80, 80))
        screen.blit(over, over.get_rect(center=(WIDTH // 2, HEIGHT // 2)))
    mx, my = pygame.mouse.get_pos()
    pygame.draw.circle(screen, (255, 255, 255), (mx, my), 10, 1)
    pygame.display.flip()
    clock.tick(60)

"""Space Shooter
Arrow keys or WASD move the ship, Space shoots. Enemies arrive on a timer. Esc or closing the window quits.
"""
import random
import sys

import pygame

WIDTH, HEIGHT = 640, 480
FPS = 60
SPAWN_ENEMY = pygame.USEREVENT + 1


class Player(pygame.sprite.Sprite):
    def __init__(self):
        super().__init__()
        base = pygame.Surface((20, 20), pygame.SRCALPHA)
        pygame.draw.polygon(base, (120, 200, 255), [(10, 0), (20, 20), (0, 20)])
        self.image = pygame.transform.scale(base, (40, 40))
        self.rect = self.image.get_rect(midbottom=(WIDTH // 2, HEIGHT - 10))
        self.speed = 5
        self.cooldown = 0

    def update(self):
        keys = pygame.key.get_pressed()
        if keys[pygame.K_LEFT] or keys[pygame.K_a]:
            self.rect.x -= self.speed
        if keys[pygame.K_RIGHT] or keys[pygame.K_d]:
            self.rect.x += self.speed
        if keys[pygame.K_UP] or keys[pygame.K_w]:
            self.rect.y -= self.speed
        if keys[pygame.K_DOWN] or keys[pygame.K_s]:
            self.rect.y += self.speed
        self.rect.clamp_ip(pygame.Rect(0, 0, WIDTH, HEIGHT))
        if self.cooldown > 0:
            self.cooldown -= 1


class Bullet(pygame.sprite.Sprite):
    def __init__(self, x, y):
        super().__init__()
        self.image = pygame.Surface((4, 12))
        self.image.fill((255, 255, 100))
        self.rect = self.image.get_rect(center=(x, y))

    def update(self):
        self.rect.y -= 10
        if self.rect.bottom < 0:
            self.kill()


class Enemy(pygame.sprite.Sprite):
    def __init__(self):
        super().__init__()
        self.image = pygame.Surface((34, 24), pygame.SRCALPHA)
        pygame.draw.ellipse(self.image, (230, 80, 80), (0, 0, 34, 24))
        self.rect = self.image.get_rect(center=(random.randint(20, WIDTH - 20), -20))
        self.speed_y = random.uniform(1.5, 3.5)
        self.drift = random.choice([-1, 1])

    def update(self):
        self.rect.y += round(self.speed_y)
        self.rect.x += self.drift
        if self.rect.left < 0 or self.rect.right > WIDTH:
            self.drift = -self.drift
        if self.rect.top > HEIGHT:
            self.kill()


class Game:
    def __init__(self):
        pygame.init()
        self.screen = pygame.display.set_mode((WIDTH, HEIGHT))
        pygame.display.set_caption("Space Shooter")
        self.clock = pygame.time.Clock()
        self.font = pygame.font.Font(None, 36)
        self.player = Player()
        self.all_sprites = pygame.sprite.Group(self.player)
        self.bullets = pygame.sprite.Group()
        self.enemies = pygame.sprite.Group()
        self.score = 0
        self.lives = 3
        self.running = True
        pygame.time.set_timer(SPAWN_ENEMY, 700)
        for _ in range(3):
            self.spawn()

    def spawn(self):
        enemy = Enemy()
        self.enemies.add(enemy)
        self.all_sprites.add(enemy)

    def handle_events(self):
        for event in pygame.event.get():
            if event.type == pygame.QUIT:
                self.running = False
            elif event.type == SPAWN_ENEMY:
                self.spawn()
            elif event.type == pygame.KEYDOWN:
                if event.key == pygame.K_ESCAPE:
                    self.running = False
                elif event.key == pygame.K_SPACE and self.player.cooldown == 0:
                    bullet = Bullet(self.player.rect.centerx, self.player.rect.top)
                    self.bullets.add(bullet)
                    self.all_sprites.add(bullet)
                    self.player.cooldown = 8

    def update(self):
        self.all_sprites.update()
        hits = pygame.sprite.groupcollide(self.enemies, self.bullets, True, True)
        self.score += 10 * len(hits)
        if pygame.sprite.spritecollide(self.player, self.enemies, True):
            self.lives -= 1
            if self.lives <= 0:
                self.lives = 3
                self.score = 0
        if random.random() < 0.01:
            self.spawn()

    def draw(self):
        self.screen.fill((5, 5, 25))
        self.all_sprites.draw(self.screen)
        hud = self.font.render(f"Score: {self.score}  Lives: {self.lives}", True, (255, 255, 255))
        self.screen.blit(hud, (10, 10))
        pygame.display.flip()

    def run(self):
        while self.running:
            self.handle_events()
            self.update()
            self.draw()
            self.clock.tick(FPS)
        pygame.quit()
        sys.exit()


if __name__ == "__main__":
    Game().run()

"""Alien Invasion
A Space Invaders style game. Left/Right (or A/D) move, Space shoots.
The aliens march faster as fewer of them remain.
"""
import random
import sys

import pygame

SCREEN_WIDTH = 640
SCREEN_HEIGHT = 480
FPS = 60

WHITE = (255, 255, 255)
BLACK = (0, 0, 0)
GREEN = (50, 220, 80)
RED = (230, 50, 50)

ALIEN_FIRE = pygame.USEREVENT + 1
ALIEN_STEP = pygame.USEREVENT + 2


class Player(pygame.sprite.Sprite):
    def __init__(self):
        super().__init__()
        self.image = pygame.Surface((40, 20), pygame.SRCALPHA)
        pygame.draw.rect(self.image, GREEN, (0, 8, 40, 12))
        pygame.draw.rect(self.image, GREEN, (16, 0, 8, 10))
        self.rect = self.image.get_rect(midbottom=(SCREEN_WIDTH // 2, SCREEN_HEIGHT - 10))
        self.speed = 5

    def update(self):
        keys = pygame.key.get_pressed()
        if keys[pygame.K_LEFT] or keys[pygame.K_a]:
            self.rect.x -= self.speed
        if keys[pygame.K_RIGHT] or keys[pygame.K_d]:
            self.rect.x += self.speed
        self.rect.clamp_ip(pygame.Rect(0, 0, SCREEN_WIDTH, SCREEN_HEIGHT))


class Alien(pygame.sprite.Sprite):
    def __init__(self, x, y, row):
        super().__init__()
        colors = [(255, 100, 100), (255, 200, 80), (120, 200, 255)]
        self.image = pygame.Surface((30, 22), pygame.SRCALPHA)
        pygame.draw.ellipse(self.image, colors[row % 3], (0, 0, 30, 22))
        pygame.draw.rect(self.image, BLACK, (7, 7, 5, 5))
        pygame.draw.rect(self.image, BLACK, (18, 7, 5, 5))
        self.rect = self.image.get_rect(topleft=(x, y))
        self.points = (3 - row % 3) * 10


class Bullet(pygame.sprite.Sprite):
    def __init__(self, x, y, dy, color):
        super().__init__()
        self.image = pygame.Surface((4, 12))
        self.image.fill(color)
        self.rect = self.image.get_rect(center=(x, y))
        self.dy = dy

    def update(self):
        self.rect.y += self.dy
        if self.rect.bottom < 0 or self.rect.top > SCREEN_HEIGHT:
            self.kill()


def create_fleet(aliens):
    for row in range(5):
        for col in range(10):
            aliens.add(Alien(60 + col * 48, 50 + row * 36, row))


def main():
    pygame.init()
    screen = pygame.display.set_mode((SCREEN_WIDTH, SCREEN_HEIGHT))
    pygame.display.set_caption("Alien Invasion")
    clock = pygame.time.Clock()
    font = pygame.font.Font(None, 36)

    player = Player()
    all_sprites = pygame.sprite.Group(player)
    aliens = pygame.sprite.Group()
    player_bullets = pygame.sprite.Group()
    alien_bullets = pygame.sprite.Group()
    create_fleet(aliens)
    all_sprites.add(aliens)

    pygame.time.set_timer(ALIEN_FIRE, 900)
    pygame.time.set_timer(ALIEN_STEP, 500)
    direction = 1
    score = 0
    lives = 3
    game_over = False

    while True:
        for event in pygame.event.get():
            if event.type == pygame.QUIT:
                pygame.quit()
                sys.exit()
            if event.type == pygame.KEYDOWN:
                if event.key == pygame.K_SPACE and not game_over and len(player_bullets) < 3:
                    bullet = Bullet(player.rect.centerx, player.rect.top, -8, WHITE)
                    player_bullets.add(bullet)
                    all_sprites.add(bullet)
                if event.key == pygame.K_r and game_over:
                    return main()
            if event.type == ALIEN_FIRE and aliens and not game_over:
                shooter = random.choice(aliens.sprites())
                bullet = Bullet(shooter.rect.centerx, shooter.rect.bottom, 5, RED)
                alien_bullets.add(bullet)
                all_sprites.add(bullet)
            if event.type == ALIEN_STEP and not game_over:
                edge = any(a.rect.right + 10 * direction > SCREEN_WIDTH or a.rect.left + 10 * direction < 0 for a in aliens)
                if edge:
                    direction *= -1
                    for alien in aliens:
                        alien.rect.y += 16
                else:
                    for alien in aliens:
                        alien.rect.x += 10 * direction
                interval = max(80, 10 * len(aliens))
                pygame.time.set_timer(ALIEN_STEP, interval)

        if not game_over:
            all_sprites.update()
            hits = pygame.sprite.groupcollide(aliens, player_bullets, True, True)
            for alien in hits:
                score += alien.points
            if pygame.sprite.spritecollide(player, alien_bullets, True):
                lives -= 1
                if lives == 0:
                    game_over = True
            if any(a.rect.bottom >= player.rect.top for a in aliens):
                game_over = True
            if not aliens:
                create_fleet(aliens)
                all_sprites.add(aliens)

        screen.fill(BLACK)
        all_sprites.draw(screen)
        score_text = font.render(f"Score: {score}", True, WHITE)
        lives_text = font.render(f"Lives: {lives}", True, WHITE)
        screen.blit(score_text, (10, 10))
        screen.blit(lives_text, (SCREEN_WIDTH - lives_text.get_width() - 10, 10))
        if game_over:
            msg = font.render("GAME OVER - press R to restart", True, RED)
            screen.blit(msg, msg.get_rect(center=(SCREEN_WIDTH // 2, SCREEN_HEIGHT // 2)))
        pygame.display.flip()
        clock.tick(FPS)


if __name__ == "__main__":
    main()

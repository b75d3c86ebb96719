"""Star Courier: a side-scrolling shooter
W/A/S/D or arrows move, Space fires, P pauses.
Waves of enemies come from the right; parallax stars scroll behind you.
"""
from __future__ import annotations

import random
import sys
from dataclasses import dataclass, field
from enum import Enum, auto

import pygame

WIDTH, HEIGHT = 960, 540
FPS = 60


class GameState(Enum):
    TITLE = auto()
    PLAYING = auto()
    PAUSED = auto()
    GAME_OVER = auto()


@dataclass
class Star:
    x: float
    y: float
    speed: float

    def update(self) -> None:
        self.x -= self.speed
        if self.x < 0:
            self.x = WIDTH
            self.y = random.randint(0, HEIGHT)


@dataclass
class Enemy:
    rect: pygame.Rect
    speed: float
    hp: int = 2
    wobble: float = field(default_factory=lambda: random.uniform(0, 6.28))


@dataclass
class Wave:
    number: int
    enemies_left: int
    spawn_delay: int


class Game:
    def __init__(self) -> None:
        pygame.init()
        self.screen = pygame.display.set_mode((WIDTH, HEIGHT))
        pygame.display.set_caption("Star Courier")
        self.clock = pygame.time.Clock()
        self.font = pygame.font.SysFont("verdana", 22)
        self.title_font = pygame.font.SysFont("verdana", 56, bold=True)
        self.stars = [Star(random.randint(0, WIDTH), random.randint(0, HEIGHT), random.choice([1, 2, 4])) for _ in range(120)]
        self.state = GameState.TITLE
        self.reset()

    def reset(self) -> None:
        self.player = pygame.Rect(80, HEIGHT // 2, 48, 24)
        self.bullets: list[pygame.Rect] = []
        self.enemies: list[Enemy] = []
        self.score = 0
        self.health = 5
        self.wave = Wave(1, 8, 50)
        self.spawn_timer = 0
        self.cooldown = 0

    def handle_events(self) -> bool:
        for event in pygame.event.get():
            if event.type == pygame.QUIT:
                return False
            if event.type == pygame.KEYDOWN:
                if event.key == pygame.K_ESCAPE:
                    return False
                if self.state == GameState.TITLE and event.key in (pygame.K_SPACE, pygame.K_RETURN):
                    self.state = GameState.PLAYING
                elif self.state == GameState.GAME_OVER and event.key == pygame.K_RETURN:
                    self.reset()
                    self.state = GameState.PLAYING
                elif event.key == pygame.K_p and self.state in (GameState.PLAYING, GameState.PAUSED):
                    self.state = GameState.PAUSED if self.state == GameState.PLAYING else GameState.PLAYING
        return True

    def update(self) -> None:
        for star in self.stars:
            star.update()
        if self.state != GameState.PLAYING:
            return
        keys = pygame.key.get_pressed()
        dx = (keys[pygame.K_d] or keys[pygame.K_RIGHT]) - (keys[pygame.K_a] or keys[pygame.K_LEFT])
        dy = (keys[pygame.K_s] or keys[pygame.K_DOWN]) - (keys[pygame.K_w] or keys[pygame.K_UP])
        self.player.move_ip(dx * 6, dy * 6)
        self.player.clamp_ip(self.screen.get_rect())
        self.cooldown = max(0, self.cooldown - 1)
        if keys[pygame.K_SPACE] and self.cooldown == 0:
            self.bullets.append(pygame.Rect(self.player.right, self.player.centery - 2, 14, 4))
            self.cooldown = 8
        for b in self.bullets:
            b.x += 12
        self.bullets = [b for b in self.bullets if b.left < WIDTH]

        self.spawn_timer += 1
        if self.wave.enemies_left > 0 and self.spawn_timer >= self.wave.spawn_delay:
            self.spawn_timer = 0
            self.wave.enemies_left -= 1
            rect = pygame.Rect(WIDTH, random.randint(30, HEIGHT - 60), 40, 30)
            self.enemies.append(Enemy(rect, random.uniform(2, 3 + self.wave.number * 0.5)))
        elif self.wave.enemies_left == 0 and not self.enemies:
            n = self.wave.number + 1
            self.wave = Wave(n, 8 + n * 3, max(15, 50 - n * 5))

        for enemy in self.enemies:
            enemy.rect.x -= int(enemy.speed)
            enemy.wobble += 0.05
            enemy.rect.y += int(2 * pygame.math.Vector2(1, 0).rotate_rad(enemy.wobble).y)
            for b in self.bullets[:]:
                if enemy.rect.colliderect(b):
                    self.bullets.remove(b)
                    enemy.hp -= 1
            if enemy.rect.colliderect(self.player):
                enemy.hp = 0
                self.health -= 1
        self.score += sum(10 for e in self.enemies if e.hp <= 0)
        self.enemies = [e for e in self.enemies if e.hp > 0 and e.rect.right > 0]
        if self.health <= 0:
            self.state = GameState.GAME_OVER

    def draw_center(self, text: str, font: pygame.font.Font, y: int) -> None:
        surf = font.render(text, True, (255, 255, 255))
        self.screen.blit(surf, surf.get_rect(center=(WIDTH // 2, y)))

    def draw(self) -> None:
        self.screen.fill((0, 0, 15))
        for star in self.stars:
            shade = 80 * star.speed // 2 + 60
            self.screen.fill((shade, shade, shade), (star.x, star.y, star.speed, 1))
        if self.state == GameState.TITLE:
            self.draw_center("STAR COURIER", self.title_font, HEIGHT // 3)
            self.draw_center("Press SPACE to launch", self.font, HEIGHT // 2)
        else:
            pygame.draw.polygon(self.screen, (90, 200, 255), [self.player.topleft, self.player.midright, self.player.bottomleft])
            for b in self.bullets:
                pygame.draw.rect(self.screen, (255, 240, 120), b)
            for e in self.enemies:
                pygame.draw.ellipse(self.screen, (255, 90, 60), e.rect)
            hud = self.font.render(f"Score {self.score}   Wave {self.wave.number}   Hull {'#' * self.health}", True, (200, 255, 200))
            self.screen.blit(hud, (10, 10))
            if self.state == GameState.PAUSED:
                self.draw_center("PAUSED", self.title_font, HEIGHT // 2)
            elif self.state == GameState.GAME_OVER:
                self.draw_center("GAME OVER", self.title_font, HEIGHT // 2 - 30)
                self.draw_center("Enter to retry", self.font, HEIGHT // 2 + 30)
        pygame.display.flip()

    def run(self) -> None:
        running = True
        while running:
            running = self.handle_events()
            self.update()
            self.draw()
            self.clock.tick(FPS)
        pygame.quit()
        sys.exit()


if __name__ == "__main__":
    Game().run()

"""Meteor Dodge
Steer your ship left and right to dodge the falling meteors. Collect stars for bonus points.
The title screen spins while it waits for you: press Space or Enter to start.
"""
import math
import random
import sys

import pygame

pygame.init()

WIDTH, HEIGHT = 800, 600
MENU_FPS = 15
GAME_FPS = 60

screen = pygame.display.set_mode((WIDTH, HEIGHT))
pygame.display.set_caption("Meteor Dodge")
clock = pygame.time.Clock()

title_font = pygame.font.SysFont("impact", 110)
sub_font = pygame.font.SysFont("impact", 72)
hud_font = pygame.font.SysFont("arial", 24)

title_text = title_font.render("METEOR", True, (255, 140, 40))
title_text2 = sub_font.render("DODGE", True, (255, 230, 90))
stars_bg = [(random.randrange(WIDTH), random.randrange(HEIGHT), random.random()) for _ in range(150)]


class Ship(pygame.sprite.Sprite):
    def __init__(self):
        super().__init__()
        self.image = pygame.Surface((50, 40), pygame.SRCALPHA)
        pygame.draw.polygon(self.image, (120, 200, 255), [(25, 0), (50, 40), (25, 30), (0, 40)])
        self.rect = self.image.get_rect(midbottom=(WIDTH // 2, HEIGHT - 20))
        self.mask = pygame.mask.from_surface(self.image)

    def update(self):
        keys = pygame.key.get_pressed()
        if keys[pygame.K_LEFT] or keys[pygame.K_a]:
            self.rect.x -= 7
        if keys[pygame.K_RIGHT] or keys[pygame.K_d]:
            self.rect.x += 7
        self.rect.clamp_ip(screen.get_rect())


class Meteor(pygame.sprite.Sprite):
    def __init__(self, level):
        super().__init__()
        size = random.randint(24, 70)
        self.base = pygame.Surface((size, size), pygame.SRCALPHA)
        pygame.draw.circle(self.base, (130, 100, 80), (size // 2, size // 2), size // 2)
        for _ in range(3):
            pygame.draw.circle(self.base, (90, 70, 55), (random.randint(5, size - 5), random.randint(5, size - 5)), size // 8)
        self.image = self.base
        self.rect = self.image.get_rect(center=(random.randint(0, WIDTH), -size))
        self.speed = random.uniform(3, 6) + level * 0.7
        self.angle = 0
        self.spin = random.uniform(-4, 4)
        self.mask = pygame.mask.from_surface(self.image)

    def update(self):
        self.angle += self.spin
        center = self.rect.center
        self.image = pygame.transform.rotate(self.base, self.angle)
        self.rect = self.image.get_rect(center=(center[0], center[1] + self.speed))
        self.mask = pygame.mask.from_surface(self.image)
        if self.rect.top > HEIGHT:
            self.kill()


class Star(pygame.sprite.Sprite):
    def __init__(self):
        super().__init__()
        self.image = pygame.Surface((24, 24), pygame.SRCALPHA)
        points = [(12 + 11 * math.cos(math.pi / 2 + i * math.pi / 5) * (1 if i % 2 == 0 else 0.45),
                   12 - 11 * math.sin(math.pi / 2 + i * math.pi / 5) * (1 if i % 2 == 0 else 0.45)) for i in range(10)]
        pygame.draw.polygon(self.image, (255, 230, 60), points)
        self.rect = self.image.get_rect(center=(random.randint(20, WIDTH - 20), -20))
        self.mask = pygame.mask.from_surface(self.image)

    def update(self):
        self.rect.y += 4
        if self.rect.top > HEIGHT:
            self.kill()


def draw_background(t):
    screen.fill((8, 8, 24))
    for x, y, depth in stars_bg:
        yy = (y + t * depth * 2) % HEIGHT
        c = int(100 + 155 * depth)
        screen.set_at((x, int(yy)), (c, c, c))


def title_screen():
    angle = 0
    t = 0
    while True:
        for event in pygame.event.get():
            if event.type == pygame.QUIT:
                pygame.quit()
                sys.exit()
            if event.type == pygame.KEYDOWN and event.key in (pygame.K_SPACE, pygame.K_RETURN):
                return
        angle += 6
        t += 1
        draw_background(t)
        rotated = pygame.transform.rotozoom(title_text, math.sin(math.radians(angle)) * 15, 1.0 + 0.1 * math.sin(math.radians(angle * 2)))
        rotated2 = pygame.transform.rotate(title_text2, -angle)
        screen.blit(rotated, rotated.get_rect(center=(WIDTH // 2, HEIGHT // 3)))
        screen.blit(rotated2, rotated2.get_rect(center=(WIDTH // 2, HEIGHT // 2 + 60)))
        prompt = hud_font.render("Press SPACE to start", True, (200, 200, 200))
        if t % 10 < 6:
            screen.blit(prompt, prompt.get_rect(center=(WIDTH // 2, HEIGHT - 80)))
        pygame.display.flip()
        clock.tick(MENU_FPS)


def play():
    ship = Ship()
    meteors = pygame.sprite.Group()
    stars = pygame.sprite.Group()
    everything = pygame.sprite.Group(ship)
    score = 0
    t = 0
    level = 1
    while True:
        for event in pygame.event.get():
            if event.type == pygame.QUIT:
                pygame.quit()
                sys.exit()
        t += 1
        level = 1 + t // 600
        if random.random() < 0.03 + level * 0.01:
            m = Meteor(level)
            meteors.add(m)
            everything.add(m)
        if random.random() < 0.01:
            s = Star()
            stars.add(s)
            everything.add(s)
        everything.update()
        score += 1
        for _ in pygame.sprite.spritecollide(ship, stars, True, pygame.sprite.collide_mask):
            score += 250
        if pygame.sprite.spritecollide(ship, meteors, False, pygame.sprite.collide_mask):
            return score
        draw_background(t)
        everything.draw(screen)
        screen.blit(hud_font.render(f"Score {score}   Level {level}", True, (255, 255, 255)), (10, 10))
        pygame.display.flip()
        clock.tick(GAME_FPS)


def game_over_screen(score, best):
    start = pygame.time.get_ticks()
    while pygame.time.get_ticks() - start < 2500:
        for event in pygame.event.get():
            if event.type == pygame.QUIT:
                pygame.quit()
                sys.exit()
        screen.fill((30, 0, 0))
        for i, line in enumerate(["GAME OVER", f"Score {score}", f"Best {best}"]):
            text = sub_font.render(line, True, (255, 255, 255)) if i == 0 else hud_font.render(line, True, (255, 255, 255))
            screen.blit(text, text.get_rect(center=(WIDTH // 2, HEIGHT // 3 + i * 80)))
        pygame.display.flip()
        clock.tick(30)


def main():
    best = 0
    while True:
        title_screen()
        score = play()
        best = max(best, score)
        game_over_screen(score, best)


if __name__ == "__main__":
    main()

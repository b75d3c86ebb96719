"""Asteroid Blaster
Left/Right rotate, Up thrusts, Space fires. Press Enter on the title screen to start.
High score is saved to asteroid_highscore.json.
"""
import json
import math
import random
import sys

import pygame

WIDTH, HEIGHT = 800, 600
FPS = 60
HIGHSCORE_FILE = "asteroid_highscore.json"

pygame.init()
screen = pygame.display.set_mode((WIDTH, HEIGHT))
pygame.display.set_caption("Asteroid Blaster")
clock = pygame.time.Clock()
font = pygame.font.SysFont("arial", 24)
big_font = pygame.font.SysFont("arial", 64, bold=True)


def load_highscore():
    try:
        with open(HIGHSCORE_FILE, "r") as f:
            return json.load(f)["highscore"]
    except (FileNotFoundError, json.JSONDecodeError, KeyError):
        return 0


def save_highscore(score):
    try:
        with open(HIGHSCORE_FILE, "w") as f:
            json.dump({"highscore": score}, f)
    except OSError:
        print("Could not save high score")


def make_ship_image():
    surf = pygame.Surface((30, 40), pygame.SRCALPHA)
    pygame.draw.polygon(surf, (220, 220, 255), [(15, 0), (30, 40), (15, 30), (0, 40)])
    return surf


def make_rock_image(radius):
    surf = pygame.Surface((radius * 2, radius * 2), pygame.SRCALPHA)
    points = []
    for i in range(10):
        angle = i / 10 * math.tau
        r = radius * random.uniform(0.7, 1.0)
        points.append((radius + math.cos(angle) * r, radius + math.sin(angle) * r))
    pygame.draw.polygon(surf, (150, 130, 110), points)
    pygame.draw.polygon(surf, (200, 180, 160), points, 2)
    return surf


class Ship(pygame.sprite.Sprite):
    def __init__(self):
        super().__init__()
        self.original = make_ship_image()
        self.image = self.original
        self.rect = self.image.get_rect(center=(WIDTH / 2, HEIGHT / 2))
        self.pos = pygame.math.Vector2(WIDTH / 2, HEIGHT / 2)
        self.vel = pygame.math.Vector2(0, 0)
        self.angle = 0
        self.last_shot = 0

    def update(self):
        keys = pygame.key.get_pressed()
        if keys[pygame.K_LEFT]:
            self.angle += 5
        if keys[pygame.K_RIGHT]:
            self.angle -= 5
        if keys[pygame.K_UP]:
            direction = pygame.math.Vector2(0, -1).rotate(-self.angle)
            self.vel += direction * 0.25
        self.vel *= 0.99
        self.pos += self.vel
        self.pos.x %= WIDTH
        self.pos.y %= HEIGHT
        self.image = pygame.transform.rotate(self.original, self.angle)
        self.rect = self.image.get_rect(center=self.pos)
        self.mask = pygame.mask.from_surface(self.image)

    def shoot(self, bullets):
        now = pygame.time.get_ticks()
        if now - self.last_shot > 200:
            self.last_shot = now
            direction = pygame.math.Vector2(0, -1).rotate(-self.angle)
            bullets.add(Bullet(self.pos + direction * 20, direction * 10))


class Bullet(pygame.sprite.Sprite):
    def __init__(self, pos, vel):
        super().__init__()
        self.image = pygame.Surface((4, 4))
        self.image.fill((255, 255, 0))
        self.rect = self.image.get_rect(center=pos)
        self.pos = pygame.math.Vector2(pos)
        self.vel = vel
        self.life = 60

    def update(self):
        self.pos += self.vel
        self.rect.center = self.pos
        self.life -= 1
        if self.life <= 0 or not screen.get_rect().collidepoint(self.pos):
            self.kill()


class Rock(pygame.sprite.Sprite):
    def __init__(self, size=3, pos=None):
        super().__init__()
        self.size = size
        self.image = make_rock_image(size * 14)
        self.mask = pygame.mask.from_surface(self.image)
        if pos is None:
            pos = (random.choice([0, WIDTH]), random.randint(0, HEIGHT))
        self.pos = pygame.math.Vector2(pos)
        self.vel = pygame.math.Vector2(random.uniform(-2, 2), random.uniform(-2, 2))
        self.rect = self.image.get_rect(center=self.pos)

    def update(self):
        self.pos += self.vel
        self.pos.x %= WIDTH
        self.pos.y %= HEIGHT
        self.rect.center = self.pos


def draw_text(text, fnt, color, center):
    surf = fnt.render(text, True, color)
    screen.blit(surf, surf.get_rect(center=center))


def main():
    state = "menu"
    highscore = load_highscore()
    score = 0
    lives = 3
    ship = Ship()
    player = pygame.sprite.GroupSingle(ship)
    bullets = pygame.sprite.Group()
    rocks = pygame.sprite.Group()

    running = True
    while running:
        for event in pygame.event.get():
            if event.type == pygame.QUIT:
                running = False
            elif event.type == pygame.KEYDOWN:
                if event.key == pygame.K_ESCAPE:
                    running = False
                elif state in ("menu", "gameover") and event.key == pygame.K_RETURN:
                    state = "playing"
                    score, lives = 0, 3
                    ship = Ship()
                    player.add(ship)
                    bullets.empty()
                    rocks.empty()
                    for _ in range(4):
                        rocks.add(Rock())
                elif state == "playing" and event.key == pygame.K_SPACE:
                    ship.shoot(bullets)

        screen.fill((5, 5, 20))
        if state == "menu":
            draw_text("ASTEROID BLASTER", big_font, (255, 255, 255), (WIDTH / 2, HEIGHT / 3))
            draw_text("Press ENTER to start", font, (200, 200, 200), (WIDTH / 2, HEIGHT / 2))
            draw_text(f"High score: {highscore}", font, (200, 200, 0), (WIDTH / 2, HEIGHT / 2 + 40))
        elif state == "playing":
            player.update()
            bullets.update()
            rocks.update()
            hits = pygame.sprite.groupcollide(rocks, bullets, True, True)
            for rock in hits:
                score += 10 * (4 - rock.size)
                if rock.size > 1:
                    for _ in range(2):
                        rocks.add(Rock(rock.size - 1, rock.pos))
            if pygame.sprite.spritecollide(ship, rocks, False, pygame.sprite.collide_mask):
                lives -= 1
                ship.pos.update(WIDTH / 2, HEIGHT / 2)
                ship.vel.update(0, 0)
                for rock in rocks:
                    if rock.pos.distance_to(ship.pos) < 120:
                        rock.pos.x = (rock.pos.x + WIDTH / 2) % WIDTH
                if lives <= 0:
                    state = "gameover"
                    if score > highscore:
                        highscore = score
                        save_highscore(highscore)
            if not rocks:
                for _ in range(5):
                    rocks.add(Rock())
            rocks.draw(screen)
            bullets.draw(screen)
            player.draw(screen)
            screen.blit(font.render(f"Score: {score}  Lives: {lives}", True, (255, 255, 255)), (10, 10))
        else:
            draw_text("GAME OVER", big_font, (255, 60, 60), (WIDTH / 2, HEIGHT / 3))
            draw_text(f"Score: {score}   Best: {highscore}", font, (255, 255, 255), (WIDTH / 2, HEIGHT / 2))
            draw_text("Press ENTER to play again", font, (200, 200, 200), (WIDTH / 2, HEIGHT / 2 + 40))

        pygame.display.flip()
        clock.tick(FPS)

    pygame.quit()
    sys.exit()


if __name__ == "__main__":
    main()

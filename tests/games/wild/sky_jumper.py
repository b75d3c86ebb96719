"""Sky Jumper
A Doodle Jump style vertical jumper. Left/Right to steer; you bounce automatically.
Springs launch you higher, broken platforms crumble. Best height is saved to skyjumper_best.json.
"""
import json
import os
import random

import pygame

WIDTH, HEIGHT = 400, 600
SAVE_FILE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "skyjumper_best.json")

pygame.init()
screen = pygame.display.set_mode((WIDTH, HEIGHT))
pygame.display.set_caption("Sky Jumper")
clock = pygame.time.Clock()
font = pygame.font.Font(None, 30)
big = pygame.font.Font(None, 60)


def load_best():
    if os.path.exists(SAVE_FILE):
        try:
            with open(SAVE_FILE) as f:
                return json.load(f).get("best", 0)
        except Exception:
            pass
    return 0


def save_best(best):
    try:
        with open(SAVE_FILE, "w") as f:
            json.dump({"best": best}, f)
    except Exception as e:
        print("save failed:", e)


class Platform:
    def __init__(self, x, y, kind="normal"):
        self.rect = pygame.Rect(x, y, 70, 14)
        self.kind = kind
        self.broken = False
        self.dx = random.choice([-2, 2]) if kind == "moving" else 0

    def update(self):
        if self.dx:
            self.rect.x += self.dx
            if self.rect.left < 0 or self.rect.right > WIDTH:
                self.dx = -self.dx
        if self.broken:
            self.rect.y += 6

    def draw(self, surf, offset):
        colors = {"normal": (90, 200, 90), "moving": (90, 140, 230), "broken": (160, 110, 70), "spring": (90, 200, 90)}
        r = self.rect.move(0, -offset)
        pygame.draw.rect(surf, colors[self.kind], r, border_radius=6)
        if self.kind == "spring":
            pygame.draw.rect(surf, (200, 200, 200), (r.centerx - 6, r.top - 10, 12, 10))


def new_platform(y):
    kind = random.choices(["normal", "moving", "broken", "spring"], weights=[60, 20, 12, 8])[0]
    return Platform(random.randint(0, WIDTH - 70), y, kind)


def reset():
    platforms = [Platform(WIDTH // 2 - 35, HEIGHT - 40)]
    y = HEIGHT - 40
    while y > -HEIGHT:
        y -= random.randint(60, 100)
        platforms.append(new_platform(y))
    player = pygame.Rect(WIDTH // 2 - 15, HEIGHT - 100, 30, 36)
    return platforms, player, 0.0, 0.0


platforms, player, vy, camera = reset()
best = load_best()
top_y = player.y
game_over = False
facing = 1

running = True
while running:
    for event in pygame.event.get():
        if event.type == pygame.QUIT:
            running = False
        elif event.type == pygame.KEYDOWN and event.key == pygame.K_SPACE and game_over:
            platforms, player, vy, camera = reset()
            top_y = player.y
            game_over = False

    if not game_over:
        keys = pygame.key.get_pressed()
        if keys[pygame.K_LEFT]:
            player.x -= 6
            facing = -1
        if keys[pygame.K_RIGHT]:
            player.x += 6
            facing = 1
        if player.right < 0:
            player.left = WIDTH
        elif player.left > WIDTH:
            player.right = 0

        vy += 0.4
        player.y += int(vy)
        if vy > 0:
            for p in platforms:
                if not p.broken and player.colliderect(p.rect) and player.bottom - vy <= p.rect.top + 8:
                    if p.kind == "broken":
                        p.broken = True
                    else:
                        vy = -20 if p.kind == "spring" else -12
                        player.bottom = p.rect.top
        for p in platforms:
            p.update()

        if player.y - camera < HEIGHT * 0.4:
            camera = player.y - HEIGHT * 0.4
        top_y = min(top_y, player.y)
        highest = min(p.rect.y for p in platforms)
        while highest > camera - HEIGHT:
            highest -= random.randint(60, 110)
            platforms.append(new_platform(highest))
        platforms = [p for p in platforms if p.rect.top < camera + HEIGHT + 50]

        if player.top > camera + HEIGHT:
            game_over = True
            height = (HEIGHT - 100 - top_y) // 10
            if height > best:
                best = height
                save_best(best)

    screen.fill((210, 235, 255))
    for p in platforms:
        p.draw(screen, int(camera))
    body = player.move(0, -int(camera))
    pygame.draw.ellipse(screen, (250, 200, 60), body)
    eye_x = body.centerx + 6 * facing
    pygame.draw.circle(screen, (0, 0, 0), (eye_x, body.top + 12), 3)
    score = (HEIGHT - 100 - top_y) // 10
    screen.blit(font.render(f"Height: {score}   Best: {best}", True, (40, 40, 80)), (10, 10))
    if game_over:
        text = big.render("You fell!", True, (200, 40, 40))
        screen.blit(text, text.get_rect(center=(WIDTH // 2, HEIGHT // 2 - 20)))
        hint = font.render("SPACE to jump again", True, (40, 40, 80))
        screen.blit(hint, hint.get_rect(center=(WIDTH // 2, HEIGHT // 2 + 30)))
    pygame.display.flip()
    clock.tick(60)

pygame.quit()

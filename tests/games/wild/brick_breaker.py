"""Brick Breaker with power-ups
Move the paddle with the mouse or Left/Right. Click or Space launches the ball.
Power-ups: W = wide paddle, M = multi-ball, S = slow ball, L = extra life.
"""
import random
import sys
from dataclasses import dataclass

import pygame

WIDTH, HEIGHT = 720, 560
BRICK_W, BRICK_H = 60, 22
ROW_COLORS = [(230, 70, 70), (240, 150, 50), (240, 220, 60), (90, 200, 90), (70, 150, 230), (160, 90, 220)]


@dataclass
class Ball:
    x: float
    y: float
    vx: float
    vy: float
    stuck: bool = True
    radius: int = 7

    @property
    def rect(self):
        return pygame.Rect(int(self.x - self.radius), int(self.y - self.radius), self.radius * 2, self.radius * 2)


@dataclass
class PowerUp:
    rect: pygame.Rect
    kind: str


def build_bricks(level):
    bricks = []
    rows = min(4 + level, len(ROW_COLORS))
    for row in range(rows):
        for col in range(WIDTH // BRICK_W - 1):
            if level > 1 and random.random() < 0.1:
                continue
            rect = pygame.Rect(30 + col * BRICK_W, 60 + row * BRICK_H, BRICK_W - 4, BRICK_H - 4)
            bricks.append([rect, ROW_COLORS[row], 2 if row < level - 1 else 1])
    return bricks


def main():
    pygame.init()
    screen = pygame.display.set_mode((WIDTH, HEIGHT))
    pygame.display.set_caption("Brick Breaker")
    clock = pygame.time.Clock()
    font = pygame.font.SysFont("trebuchetms", 22)

    paddle = pygame.Rect(WIDTH // 2 - 50, HEIGHT - 40, 100, 14)
    balls = [Ball(paddle.centerx, paddle.top - 8, 0, 0)]
    level = 1
    bricks = build_bricks(level)
    powerups = []
    lives = 3
    score = 0
    wide_until = 0
    slow_until = 0

    while True:
        now = pygame.time.get_ticks()
        launch = False
        for event in pygame.event.get():
            if event.type == pygame.QUIT:
                pygame.quit()
                sys.exit()
            if event.type == pygame.MOUSEMOTION:
                paddle.centerx = event.pos[0]
            if event.type == pygame.MOUSEBUTTONDOWN or (event.type == pygame.KEYDOWN and event.key == pygame.K_SPACE):
                launch = True
            if event.type == pygame.KEYDOWN and event.key == pygame.K_RETURN and lives <= 0:
                lives, score, level = 3, 0, 1
                bricks = build_bricks(level)
                balls = [Ball(paddle.centerx, paddle.top - 8, 0, 0)]

        keys = pygame.key.get_pressed()
        paddle.x += (keys[pygame.K_RIGHT] - keys[pygame.K_LEFT]) * 8
        paddle.width = 160 if now < wide_until else 100
        paddle.clamp_ip(screen.get_rect())
        speed_factor = 0.6 if now < slow_until else 1.0

        if lives > 0:
            for ball in balls:
                if ball.stuck:
                    ball.x, ball.y = paddle.centerx, paddle.top - ball.radius - 1
                    if launch:
                        ball.stuck = False
                        ball.vx, ball.vy = random.choice([-4, 4]), -6
                    continue
                ball.x += ball.vx * speed_factor
                ball.y += ball.vy * speed_factor
                if ball.x < ball.radius or ball.x > WIDTH - ball.radius:
                    ball.vx = -ball.vx
                    ball.x = max(ball.radius, min(WIDTH - ball.radius, ball.x))
                if ball.y < ball.radius:
                    ball.vy = abs(ball.vy)
                if ball.rect.colliderect(paddle) and ball.vy > 0:
                    ball.vy = -abs(ball.vy)
                    ball.vx = (ball.x - paddle.centerx) / (paddle.width / 2) * 7
                index = ball.rect.collidelist([b[0] for b in bricks])
                if index != -1:
                    brick = bricks[index]
                    overlap = ball.rect.clip(brick[0])
                    if overlap.width < overlap.height:
                        ball.vx = -ball.vx
                    else:
                        ball.vy = -ball.vy
                    brick[2] -= 1
                    if brick[2] <= 0:
                        bricks.pop(index)
                        score += 10 * level
                        if random.random() < 0.15:
                            powerups.append(PowerUp(pygame.Rect(brick[0].centerx - 12, brick[0].y, 24, 14), random.choice("WMSL")))
            balls = [b for b in balls if b.y < HEIGHT + 20]
            if not balls:
                lives -= 1
                balls = [Ball(paddle.centerx, paddle.top - 8, 0, 0)]

            for p in powerups[:]:
                p.rect.y += 3
                if p.rect.colliderect(paddle):
                    powerups.remove(p)
                    if p.kind == "W":
                        wide_until = now + 10000
                    elif p.kind == "S":
                        slow_until = now + 8000
                    elif p.kind == "L":
                        lives += 1
                    elif p.kind == "M":
                        for b in list(balls):
                            if not b.stuck:
                                balls.append(Ball(b.x, b.y, -b.vx, b.vy, stuck=False))
                elif p.rect.top > HEIGHT:
                    powerups.remove(p)

            if not bricks:
                level += 1
                bricks = build_bricks(level)
                balls = [Ball(paddle.centerx, paddle.top - 8, 0, 0)]

        screen.fill((18, 18, 30))
        for rect, color, hp in bricks:
            pygame.draw.rect(screen, color, rect, border_radius=3)
            if hp > 1:
                pygame.draw.rect(screen, (255, 255, 255), rect, 2, border_radius=3)
        for p in powerups:
            pygame.draw.rect(screen, (250, 250, 250), p.rect, border_radius=6)
            label = font.render(p.kind, True, (0, 0, 0))
            screen.blit(label, label.get_rect(center=p.rect.center))
        pygame.draw.rect(screen, (200, 200, 220), paddle, border_radius=7)
        for ball in balls:
            pygame.draw.circle(screen, (255, 255, 255), (int(ball.x), int(ball.y)), ball.radius)
        screen.blit(font.render(f"Score {score}   Level {level}   Lives {lives}", True, (220, 220, 220)), (10, 10))
        if lives <= 0:
            msg = font.render("GAME OVER - press Enter", True, (255, 100, 100))
            screen.blit(msg, msg.get_rect(center=(WIDTH // 2, HEIGHT // 2)))
        pygame.display.flip()
        clock.tick(60)


if __name__ == "__main__":
    main()

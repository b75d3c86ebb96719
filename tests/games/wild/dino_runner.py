"""Dino Runner
An endless runner like the offline dinosaur game. Space/Up to jump, Down to duck.
The game speeds up over time. Press Space to start and to restart.
"""
import random
import sys

import pygame

pygame.init()

SCREEN_WIDTH = 900
SCREEN_HEIGHT = 300
GROUND_Y = 250

screen = pygame.display.set_mode((SCREEN_WIDTH, SCREEN_HEIGHT))
pygame.display.set_caption("Dino Runner")
clock = pygame.time.Clock()
font = pygame.font.SysFont("couriernew", 20, bold=True)


def draw_dino(surface, rect, ducking, frame):
    color = (83, 83, 83)
    if ducking:
        pygame.draw.rect(surface, color, (rect.x, rect.y + 10, rect.width + 10, rect.height - 10))
        pygame.draw.rect(surface, color, (rect.right, rect.y + 6, 18, 12))
    else:
        pygame.draw.rect(surface, color, (rect.x, rect.y + 14, rect.width - 10, rect.height - 24))
        pygame.draw.rect(surface, color, (rect.x + 20, rect.y, 24, 18))
        pygame.draw.rect(surface, (255, 255, 255), (rect.x + 34, rect.y + 4, 4, 4))
    leg = 4 if frame % 10 < 5 else 0
    pygame.draw.rect(surface, color, (rect.x + 8, rect.bottom - 10, 6, 10 - leg))
    pygame.draw.rect(surface, color, (rect.x + 22, rect.bottom - 10, 6, 6 + leg))


class Obstacle:
    def __init__(self, speed):
        self.kind = random.choice(["small", "big", "group", "bird"])
        if self.kind == "small":
            self.rect = pygame.Rect(SCREEN_WIDTH, GROUND_Y - 35, 17, 35)
        elif self.kind == "big":
            self.rect = pygame.Rect(SCREEN_WIDTH, GROUND_Y - 50, 25, 50)
        elif self.kind == "group":
            self.rect = pygame.Rect(SCREEN_WIDTH, GROUND_Y - 35, 51, 35)
        else:
            self.rect = pygame.Rect(SCREEN_WIDTH, GROUND_Y - random.choice([40, 70, 95]), 42, 26)
        self.speed = speed

    def update(self):
        self.rect.x -= self.speed

    def draw(self, surface, frame):
        if self.kind == "bird":
            wing = -10 if frame % 20 < 10 else 10
            pygame.draw.ellipse(surface, (83, 83, 83), self.rect)
            pygame.draw.polygon(surface, (83, 83, 83), [(self.rect.centerx - 6, self.rect.centery), (self.rect.centerx + 6, self.rect.centery), (self.rect.centerx, self.rect.centery + wing)])
        else:
            for i in range(0, self.rect.width, 17):
                pygame.draw.rect(surface, (83, 83, 83), (self.rect.x + i + 5, self.rect.y, 7, self.rect.height))
                pygame.draw.rect(surface, (83, 83, 83), (self.rect.x + i, self.rect.y + 10, 17, 6))


def main():
    dino = pygame.Rect(60, GROUND_Y - 47, 44, 47)
    vel_y = 0
    obstacles = []
    clouds = [[random.randint(0, SCREEN_WIDTH), random.randint(30, 120)] for _ in range(4)]
    speed = 8
    score = 0
    high_score = 0
    frame = 0
    state = "start"
    next_spawn = 60

    while True:
        for event in pygame.event.get():
            if event.type == pygame.QUIT:
                pygame.quit()
                sys.exit()
            if event.type == pygame.KEYDOWN and event.key in (pygame.K_SPACE, pygame.K_UP):
                if state in ("start", "dead"):
                    state = "run"
                    obstacles.clear()
                    speed, score, next_spawn = 8, 0, 60
                    dino.y = GROUND_Y - 47
                elif dino.bottom >= GROUND_Y:
                    vel_y = -15

        keys = pygame.key.get_pressed()
        ducking = keys[pygame.K_DOWN] and dino.bottom >= GROUND_Y
        frame += 1

        if state == "run":
            vel_y += 0.9 if not keys[pygame.K_DOWN] else 2.0
            dino.y += vel_y
            if dino.bottom >= GROUND_Y:
                dino.bottom = GROUND_Y
                vel_y = 0
            hitbox = dino.inflate(-10, -10)
            if ducking:
                hitbox = pygame.Rect(dino.x, dino.y + 20, dino.width + 10, dino.height - 20)

            next_spawn -= 1
            if next_spawn <= 0:
                obstacles.append(Obstacle(speed))
                next_spawn = random.randint(45, 100) - min(int(speed), 30)
            for ob in obstacles:
                ob.speed = speed
                ob.update()
                if hitbox.colliderect(ob.rect):
                    state = "dead"
                    high_score = max(high_score, score // 5)
            obstacles = [ob for ob in obstacles if ob.rect.right > 0]
            score += 1
            if score % 500 == 0:
                speed += 1
            for c in clouds:
                c[0] -= 1
                if c[0] < -60:
                    c[0] = SCREEN_WIDTH + random.randint(0, 100)

        screen.fill((247, 247, 247))
        for c in clouds:
            pygame.draw.ellipse(screen, (220, 220, 220), (c[0], c[1], 60, 20))
        pygame.draw.line(screen, (83, 83, 83), (0, GROUND_Y), (SCREEN_WIDTH, GROUND_Y), 2)
        for ob in obstacles:
            ob.draw(screen, frame)
        draw_dino(screen, dino, ducking and state == "run", frame if state == "run" else 0)
        hud = font.render(f"HI {high_score:05d}  {score // 5:05d}", True, (83, 83, 83))
        screen.blit(hud, (SCREEN_WIDTH - hud.get_width() - 20, 20))
        if state == "start":
            msg = font.render("PRESS SPACE TO START", True, (83, 83, 83))
            screen.blit(msg, msg.get_rect(center=(SCREEN_WIDTH // 2, 120)))
        elif state == "dead":
            msg = font.render("G A M E   O V E R", True, (83, 83, 83))
            screen.blit(msg, msg.get_rect(center=(SCREEN_WIDTH // 2, 120)))
        pygame.display.update()
        clock.tick(60)


if __name__ == "__main__":
    main()

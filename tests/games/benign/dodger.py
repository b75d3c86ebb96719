"""Dodger
Arrow keys move your square. Dodge the falling blocks for as long as you can. Esc quits.
"""
import random
import sys

import pygame

WIDTH, HEIGHT = 640, 480
PLAYER_SPEED = 6


def main():
    pygame.init()
    screen = pygame.display.set_mode((WIDTH, HEIGHT))
    pygame.display.set_caption("Dodger")
    clock = pygame.time.Clock()
    font = pygame.font.SysFont("arial", 24)

    player = pygame.Rect(WIDTH // 2 - 15, HEIGHT - 60, 30, 30)
    blocks = []
    score = 0
    high = 0
    running = True

    while running:
        for event in pygame.event.get():
            if event.type == pygame.QUIT:
                running = False
            elif event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
                running = False

        keys = pygame.key.get_pressed()
        if keys[pygame.K_LEFT]:
            player.x -= PLAYER_SPEED
        if keys[pygame.K_RIGHT]:
            player.x += PLAYER_SPEED
        if keys[pygame.K_UP]:
            player.y -= PLAYER_SPEED
        if keys[pygame.K_DOWN]:
            player.y += PLAYER_SPEED
        player.clamp_ip(screen.get_rect())

        if random.random() < 0.08 + score / 20000:
            size = random.randint(15, 45)
            blocks.append([pygame.Rect(random.randint(0, WIDTH - size), -size, size, size),
                           random.randint(3, 7)])
        for block in blocks:
            block[0].y += block[1]
        blocks = [b for b in blocks if b[0].top < HEIGHT]

        if player.collidelist([b[0] for b in blocks]) != -1:
            high = max(high, score)
            score = 0
            blocks.clear()
            player.midbottom = (WIDTH // 2, HEIGHT - 30)
        else:
            score += 1

        screen.fill((25, 25, 35))
        for rect, speed in blocks:
            pygame.draw.rect(screen, (200, 60 + speed * 20, 60), rect)
        pygame.draw.rect(screen, (80, 200, 255), player)
        text = font.render("Score: %d   High: %d" % (score, high), True, (255, 255, 255))
        screen.blit(text, (10, 10))
        pygame.display.flip()
        clock.tick(60)

    pygame.quit()
    sys.exit()


if __name__ == "__main__":
    main()

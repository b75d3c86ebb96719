"""Coin catcher. Left/right move the ship; the best score is kept in highscore.json."""
import json
import os
import random

import pygame

WIDTH, HEIGHT = 480, 360
SCORE_FILE = "highscore.json"

pygame.init()
pygame.mixer.init()
ship_image = pygame.image.load("ship.png").convert_alpha()
coin_image = pygame.image.load("assets/sprites/coin.png").convert_alpha()
coin_sound = pygame.mixer.Sound("coin.wav")
font = pygame.font.Font(None, 28)


def load_best():
    if not os.path.exists(SCORE_FILE):
        return 0
    try:
        with open(SCORE_FILE) as f:
            return json.load(f).get("best", 0)
    except (OSError, ValueError):
        return 0


def save_best(value):
    with open(SCORE_FILE, "w") as f:
        json.dump({"best": value}, f)


ship = ship_image.get_rect(midbottom=(WIDTH // 2, HEIGHT - 10))
coins = []
score = 0
best = load_best()
spawn_timer = 0.0


def update(dt):
    global score, best, spawn_timer
    keys = pygame.key.get_pressed()
    if keys[pygame.K_LEFT]:
        ship.x -= int(300 * dt)
    if keys[pygame.K_RIGHT]:
        ship.x += int(300 * dt)
    ship.clamp_ip(pygame.Rect(0, 0, WIDTH, HEIGHT))
    spawn_timer -= dt
    if spawn_timer <= 0:
        spawn_timer = 0.4
        coins.append(coin_image.get_rect(center=(random.randint(10, WIDTH - 10), -10)))
    for coin in coins[:]:
        coin.y += int(160 * dt) + 1
        if coin.colliderect(ship):
            coins.remove(coin)
            score += 1
            coin_sound.play()
            if score > best:
                best = score
                save_best(best)
        elif coin.top > HEIGHT:
            coins.remove(coin)


def draw(screen):
    screen.fill((12, 16, 32))
    for coin in coins:
        screen.blit(coin_image, coin)
    screen.blit(ship_image, ship)
    screen.blit(font.render(f"Score {score}  Best {best}", True, (240, 240, 240)), (10, 10))

"""Flappy Square
Space, Up or a left click flaps. Fly through the gaps. Any key restarts after a crash.
"""
import random

import pygame

WIDTH, HEIGHT = 640, 480
GRAVITY = 1200.0
FLAP = -380.0
PIPE_GAP = 140
PIPE_SPEED = 180
PIPE_EVERY = 1.5

bird = pygame.Rect(120, HEIGHT // 2, 26, 26)
bird_y = float(bird.y)
velocity = 0.0
pipes = []
spawn_timer = 0.0
score = 0
dead = False
started_at = pygame.time.get_ticks()
font = None


def reset():
    global bird_y, velocity, spawn_timer, score, dead, started_at
    bird_y = HEIGHT / 2
    velocity = 0.0
    pipes.clear()
    spawn_timer = 0.0
    score = 0
    dead = False
    started_at = pygame.time.get_ticks()


def flap():
    global velocity
    if dead:
        reset()
    else:
        velocity = FLAP


def on_key_down(key, mod, unicode):
    if key in (pygame.K_SPACE, pygame.K_UP) or dead:
        flap()


def on_mouse_down(pos, button):
    if button == 1:
        flap()


def update(dt):
    global bird_y, velocity, spawn_timer, score, dead
    if dead:
        return
    velocity += GRAVITY * dt
    bird_y += velocity * dt
    bird.y = int(bird_y)
    spawn_timer -= dt
    if spawn_timer <= 0:
        spawn_timer = PIPE_EVERY
        gap_y = random.randint(80, HEIGHT - 80 - PIPE_GAP)
        pipes.append({"x": float(WIDTH), "gap": gap_y, "scored": False})
    for p in pipes:
        p["x"] -= PIPE_SPEED * dt
        top = pygame.Rect(int(p["x"]), 0, 60, p["gap"])
        bottom = pygame.Rect(int(p["x"]), p["gap"] + PIPE_GAP, 60, HEIGHT)
        if bird.colliderect(top) or bird.colliderect(bottom):
            dead = True
        if not p["scored"] and p["x"] + 60 < bird.left:
            p["scored"] = True
            score += 1
    pipes[:] = [p for p in pipes if p["x"] > -80]
    if bird.top < 0 or bird.bottom > HEIGHT:
        dead = True


def draw(screen):
    global font
    if font is None:
        font = pygame.font.Font(None, 40)
    screen.fill((120, 190, 240))
    for p in pipes:
        x = int(p["x"])
        pygame.draw.rect(screen, (60, 170, 70), (x, 0, 60, p["gap"]))
        pygame.draw.rect(screen, (60, 170, 70), (x, p["gap"] + PIPE_GAP, 60, HEIGHT))
    pygame.draw.rect(screen, (250, 210, 40), bird, border_radius=6)
    pygame.draw.circle(screen, (0, 0, 0), (bird.right - 7, bird.top + 8), 3)
    seconds = (pygame.time.get_ticks() - started_at) / 1000
    screen.blit(font.render(f"{score}", True, (255, 255, 255)), (WIDTH // 2, 20))
    screen.blit(font.render(f"{seconds:4.1f}s", True, (240, 240, 255)), (10, 10))
    if dead:
        msg = font.render("Crashed - press any key", True, (200, 30, 30))
        screen.blit(msg, msg.get_rect(center=(WIDTH // 2, HEIGHT // 2)))

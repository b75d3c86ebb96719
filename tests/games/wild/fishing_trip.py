"""Fishing Trip
Press Space to cast. When a fish bites (the bobber dips), hold Space to keep the fish inside
the green zone of the tension bar until the catch meter fills. Different fish fight differently.
"""
import math
import random
import sys
from enum import Enum

import pygame

WIDTH, HEIGHT = 800, 600
WATER_Y = 260

FISH = [
    {"name": "Minnow", "points": 5, "strength": 0.6, "color": (180, 180, 190)},
    {"name": "Trout", "points": 15, "strength": 1.0, "color": (200, 150, 120)},
    {"name": "Bass", "points": 25, "strength": 1.4, "color": (90, 140, 80)},
    {"name": "Pike", "points": 50, "strength": 2.0, "color": (120, 150, 90)},
    {"name": "Golden Carp", "points": 200, "strength": 2.6, "color": (250, 200, 40)},
]


class State(Enum):
    IDLE = 0
    WAITING = 1
    BITE = 2
    REELING = 3
    RESULT = 4


pygame.init()
screen = pygame.display.set_mode((WIDTH, HEIGHT))
pygame.display.set_caption("Fishing Trip")
clock = pygame.time.Clock()
font = pygame.font.SysFont("arial", 24)
big_font = pygame.font.SysFont("arial", 40, bold=True)

state = State.IDLE
state_time = 0
bobber_x = 0
fish = None
fish_pos = 0.5
fish_vel = 0.0
zone_pos = 0.5
zone_vel = 0.0
progress = 0.0
score = 0
catches = []
result_text = ""


def set_state(new_state):
    global state, state_time
    state = new_state
    state_time = pygame.time.get_ticks()


while True:
    now = pygame.time.get_ticks()
    for event in pygame.event.get():
        if event.type == pygame.QUIT:
            pygame.quit()
            sys.exit()
        if event.type == pygame.KEYDOWN and event.key == pygame.K_SPACE:
            if state in (State.IDLE, State.RESULT):
                bobber_x = random.randint(350, 700)
                set_state(State.WAITING)
            elif state == State.BITE:
                weights = [40, 30, 18, 9, 3]
                fish = random.choices(FISH, weights=weights)[0]
                fish_pos, zone_pos, progress = 0.5, 0.5, 0.3
                fish_vel = zone_vel = 0.0
                set_state(State.REELING)
            elif state == State.WAITING:
                result_text = "Too early! The fish got scared."
                set_state(State.RESULT)

    if state == State.WAITING and now - state_time > random.randint(1500, 6000):
        set_state(State.BITE)
    elif state == State.BITE and now - state_time > 900:
        result_text = "Too slow... it got away."
        set_state(State.RESULT)
    elif state == State.REELING:
        if random.random() < 0.03 * fish["strength"]:
            fish_vel = random.uniform(-0.02, 0.02) * fish["strength"]
        fish_pos += fish_vel
        if fish_pos < 0 or fish_pos > 1:
            fish_vel = -fish_vel
            fish_pos = min(1, max(0, fish_pos))
        holding = pygame.key.get_pressed()[pygame.K_SPACE]
        zone_vel += 0.0025 if holding else -0.0025
        zone_vel *= 0.92
        zone_pos = min(0.9, max(0.1, zone_pos + zone_vel))
        if abs(fish_pos - zone_pos) < 0.1:
            progress += 0.004
        else:
            progress -= 0.003 * fish["strength"]
        if progress >= 1:
            score += fish["points"]
            catches.append(fish["name"])
            result_text = f"You caught a {fish['name']}! +{fish['points']}"
            set_state(State.RESULT)
        elif progress <= 0:
            result_text = f"The {fish['name']} broke the line!"
            set_state(State.RESULT)

    # --- drawing ---
    screen.fill((150, 200, 240))
    pygame.draw.circle(screen, (255, 240, 150), (680, 80), 40)
    pygame.draw.rect(screen, (40, 90, 160), (0, WATER_Y, WIDTH, HEIGHT - WATER_Y))
    for i in range(12):
        wx = (i * 80 + now // 30) % (WIDTH + 80) - 40
        pygame.draw.arc(screen, (90, 140, 210), (wx, WATER_Y + 20 + (i % 3) * 60, 60, 20), 0, math.pi, 2)
    pygame.draw.rect(screen, (120, 80, 40), (0, WATER_Y - 40, 200, 40))
    pygame.draw.circle(screen, (60, 60, 60), (150, WATER_Y - 70), 16)
    pygame.draw.line(screen, (90, 60, 30), (150, WATER_Y - 60), (260, WATER_Y - 160), 4)
    if state in (State.WAITING, State.BITE, State.REELING):
        dip = 8 if state == State.BITE and (now // 120) % 2 else 0
        bob_y = WATER_Y + dip + int(math.sin(now / 300) * 2)
        pygame.draw.line(screen, (240, 240, 240), (260, WATER_Y - 160), (bobber_x, bob_y), 1)
        pygame.draw.circle(screen, (230, 40, 40), (bobber_x, bob_y), 7)
    if state == State.BITE:
        screen.blit(big_font.render("!!! BITE !!!", True, (255, 255, 0)), (bobber_x - 90, WATER_Y - 80))
    if state == State.REELING:
        bar = pygame.Rect(740, 300, 30, 260)
        pygame.draw.rect(screen, (30, 30, 30), bar)
        zone_rect = pygame.Rect(bar.x, bar.bottom - zone_pos * bar.height - 26, bar.width, 52)
        pygame.draw.rect(screen, (80, 220, 90), zone_rect)
        fish_y = bar.bottom - fish_pos * bar.height
        pygame.draw.ellipse(screen, fish["color"], (bar.x + 3, fish_y - 8, 24, 16))
        pygame.draw.rect(screen, (60, 60, 60), (700, 300, 20, 260))
        pygame.draw.rect(screen, (250, 200, 60), (700, 560 - 260 * progress, 20, 260 * progress))
        screen.blit(font.render("Hold SPACE", True, (255, 255, 255)), (560, 560))
    if state == State.RESULT:
        text = big_font.render(result_text, True, (255, 255, 255))
        screen.blit(text, text.get_rect(center=(WIDTH // 2, 420)))
    if state == State.IDLE:
        screen.blit(big_font.render("Press SPACE to cast", True, (255, 255, 255)), (230, 400))
    screen.blit(font.render(f"Score: {score}   Catches: {len(catches)}", True, (20, 30, 60)), (10, 10))
    pygame.display.flip()
    clock.tick(60)

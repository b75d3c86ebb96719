"""Traffic Dodge
Weave through highway traffic. Left/Right change lanes, Up speeds up, Down slows down.
Your distance is the score; the top 5 are saved in traffic_scores.json.
"""
import json
import random
import sys
from datetime import datetime

import pygame

WIDTH, HEIGHT = 480, 720
LANES = 4
LANE_WIDTH = 90
ROAD_LEFT = (WIDTH - LANES * LANE_WIDTH) // 2
SCORE_FILE = "traffic_scores.json"


def lane_x(lane):
    return ROAD_LEFT + lane * LANE_WIDTH + LANE_WIDTH // 2


def load_scores():
    try:
        with open(SCORE_FILE, encoding="utf-8") as f:
            return json.load(f)
    except (IOError, ValueError):
        return []


def save_score(scores, distance):
    scores.append({"score": distance, "date": datetime.now().strftime("%Y-%m-%d %H:%M")})
    scores.sort(key=lambda s: s["score"], reverse=True)
    del scores[5:]
    try:
        with open(SCORE_FILE, "w", encoding="utf-8") as f:
            json.dump(scores, f, indent=2)
    except IOError:
        pass
    return scores


def car_surface(color, w=46, h=80):
    surf = pygame.Surface((w, h), pygame.SRCALPHA)
    pygame.draw.rect(surf, color, (0, 0, w, h), border_radius=10)
    pygame.draw.rect(surf, (30, 40, 60), (6, 14, w - 12, 18), border_radius=4)
    pygame.draw.rect(surf, (30, 40, 60), (6, h - 26, w - 12, 14), border_radius=4)
    return surf


class Player:
    def __init__(self):
        self.lane = 1
        self.x = float(lane_x(self.lane))
        self.image = car_surface((240, 200, 40))
        self.rect = self.image.get_rect(center=(self.x, HEIGHT - 120))

    def update(self):
        target = lane_x(self.lane)
        self.x += (target - self.x) * 0.25
        tilt = (target - self.x) * -0.3
        self.rect.centerx = int(self.x)
        return tilt


class Traffic:
    def __init__(self, speed):
        self.lane = random.randrange(LANES)
        color = random.choice([(200, 50, 50), (60, 120, 220), (80, 180, 90), (200, 200, 200), (150, 80, 200)])
        self.image = car_surface(color)
        self.rect = self.image.get_rect(center=(lane_x(self.lane), -60))
        self.speed = speed

    def update(self, player_speed):
        self.rect.y += int(player_speed - self.speed)


def main():
    pygame.init()
    screen = pygame.display.set_mode((WIDTH, HEIGHT))
    pygame.display.set_caption("Traffic Dodge")
    clock = pygame.time.Clock()
    font = pygame.font.SysFont("arial", 24, bold=True)
    small = pygame.font.SysFont("arial", 18)

    scores = load_scores()
    player = Player()
    traffic = []
    speed = 10.0
    distance = 0.0
    stripe_offset = 0
    crashed = False
    spawn_timer = 0

    while True:
        for event in pygame.event.get():
            if event.type == pygame.QUIT:
                pygame.quit()
                sys.exit()
            if event.type == pygame.KEYDOWN:
                if crashed and event.key == pygame.K_RETURN:
                    return main()
                if event.key == pygame.K_LEFT and player.lane > 0:
                    player.lane -= 1
                if event.key == pygame.K_RIGHT and player.lane < LANES - 1:
                    player.lane += 1

        tilt = 0
        if not crashed:
            keys = pygame.key.get_pressed()
            if keys[pygame.K_UP]:
                speed = min(22, speed + 0.15)
            elif keys[pygame.K_DOWN]:
                speed = max(6, speed - 0.3)
            tilt = player.update()
            distance += speed / 60
            stripe_offset = (stripe_offset + speed) % 60
            spawn_timer -= 1
            if spawn_timer <= 0:
                traffic.append(Traffic(random.uniform(4, 8)))
                spawn_timer = random.randint(25, 60)
            for car in traffic:
                car.update(speed)
                if car.rect.inflate(-10, -10).colliderect(player.rect.inflate(-10, -10)):
                    crashed = True
                    scores = save_score(scores, int(distance))
            traffic = [c for c in traffic if -200 < c.rect.top < HEIGHT + 100]

        screen.fill((60, 140, 60))
        pygame.draw.rect(screen, (50, 50, 55), (ROAD_LEFT, 0, LANES * LANE_WIDTH, HEIGHT))
        for lane in range(1, LANES):
            x = ROAD_LEFT + lane * LANE_WIDTH
            for y in range(-60 + int(stripe_offset), HEIGHT, 60):
                pygame.draw.rect(screen, (230, 230, 230), (x - 3, y, 6, 30))
        for car in traffic:
            screen.blit(car.image, car.rect)
        rotated = pygame.transform.rotate(player.image, tilt)
        screen.blit(rotated, rotated.get_rect(center=player.rect.center))
        screen.blit(font.render(f"{int(distance)} m", True, (255, 255, 255)), (10, 10))
        screen.blit(small.render(f"{speed * 10:.0f} km/h", True, (255, 255, 255)), (10, 40))
        if crashed:
            panel = pygame.Surface((360, 300), pygame.SRCALPHA)
            panel.fill((0, 0, 0, 190))
            screen.blit(panel, (60, 180))
            screen.blit(font.render("CRASH!  Enter to retry", True, (255, 90, 90)), (90, 200))
            for i, entry in enumerate(scores):
                line = small.render(f"{i + 1}. {entry['score']} m   {entry['date']}", True, (255, 255, 255))
                screen.blit(line, (90, 250 + i * 30))
        pygame.display.flip()
        clock.tick(60)


if __name__ == "__main__":
    main()

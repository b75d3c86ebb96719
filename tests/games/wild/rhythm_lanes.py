"""Rhythm Lanes
Notes fall down four lanes; press D, F, J, K when they reach the line.
Perfect / Good / Miss judgement, combo counter, and a little click sound made with the array module.
The song is 60 seconds long, then your grade is shown.
"""
import array
import math
import random
import sys

import pygame

pygame.mixer.pre_init(22050, -16, 1, 256)
pygame.init()

WIDTH, HEIGHT = 480, 640
LANES = 4
LANE_W = 80
LEFT = (WIDTH - LANES * LANE_W) // 2
HIT_Y = HEIGHT - 100
NOTE_SPEED = 0.45  # pixels per millisecond
BPM = 128
SONG_MS = 60_000
KEYS = [pygame.K_d, pygame.K_f, pygame.K_j, pygame.K_k]
LANE_COLORS = [(240, 80, 90), (90, 200, 240), (120, 230, 120), (250, 200, 70)]

screen = pygame.display.set_mode((WIDTH, HEIGHT))
pygame.display.set_caption("Rhythm Lanes")
clock = pygame.time.Clock()
font = pygame.font.SysFont("arial", 24, bold=True)
big = pygame.font.SysFont("arial", 64, bold=True)


def synth_click(freq):
    rate = 22050
    length = int(rate * 0.05)
    buf = array.array("h")
    for i in range(length):
        env = (1 - i / length) ** 3
        buf.append(int(12000 * env * math.sin(2 * math.pi * freq * i / rate)))
    try:
        return pygame.mixer.Sound(buffer=buf)
    except pygame.error:
        return None


CLICKS = [synth_click(f) for f in (523, 659, 784, 1047)]


def make_chart():
    beat = 60_000 / BPM
    chart = []
    t = 2000.0
    while t < SONG_MS - 2000:
        lane = random.randrange(LANES)
        chart.append({"time": t, "lane": lane, "hit": False})
        if random.random() < 0.15:
            chart.append({"time": t, "lane": (lane + 2) % LANES, "hit": False})
        t += beat * random.choice([0.5, 1, 1, 1, 2])
    return chart


chart = make_chart()
start = pygame.time.get_ticks()
score = combo = max_combo = 0
judgement, judgement_time = "", 0
counts = {"Perfect": 0, "Good": 0, "Miss": 0}
lane_flash = [0] * LANES

while True:
    now = pygame.time.get_ticks() - start
    for event in pygame.event.get():
        if event.type == pygame.QUIT:
            pygame.quit()
            sys.exit()
        if event.type == pygame.KEYDOWN and event.key in KEYS:
            lane = KEYS.index(event.key)
            lane_flash[lane] = now
            candidates = [n for n in chart if n["lane"] == lane and not n["hit"] and abs(n["time"] - now) < 150]
            if candidates:
                note = min(candidates, key=lambda n: abs(n["time"] - now))
                note["hit"] = True
                error = abs(note["time"] - now)
                judgement = "Perfect" if error < 50 else "Good"
                counts[judgement] += 1
                score += 300 if judgement == "Perfect" else 100
                combo += 1
                max_combo = max(max_combo, combo)
                if CLICKS[lane]:
                    CLICKS[lane].play()
            else:
                judgement, combo = "Miss", 0
                counts["Miss"] += 1
            judgement_time = now

    for note in chart:
        if not note["hit"] and now - note["time"] > 150:
            note["hit"] = True
            judgement, judgement_time, combo = "Miss", now, 0
            counts["Miss"] += 1

    screen.fill((15, 10, 30))
    for i in range(LANES):
        x = LEFT + i * LANE_W
        flash = max(0, 200 - (now - lane_flash[i])) / 200
        color = tuple(int(20 + c * 0.3 * flash) for c in LANE_COLORS[i])
        pygame.draw.rect(screen, color, (x, 0, LANE_W, HEIGHT))
        pygame.draw.line(screen, (60, 60, 90), (x, 0), (x, HEIGHT))
        key_label = font.render(pygame.key.name(KEYS[i]).upper(), True, (200, 200, 200))
        screen.blit(key_label, key_label.get_rect(center=(x + LANE_W // 2, HIT_Y + 50)))
    pygame.draw.line(screen, (255, 255, 255), (LEFT, HIT_Y), (LEFT + LANES * LANE_W, HIT_Y), 3)
    for note in chart:
        if note["hit"]:
            continue
        y = HIT_Y - (note["time"] - now) * NOTE_SPEED
        if -20 < y < HEIGHT:
            rect = pygame.Rect(LEFT + note["lane"] * LANE_W + 6, y - 10, LANE_W - 12, 20)
            pygame.draw.rect(screen, LANE_COLORS[note["lane"]], rect, border_radius=6)
    screen.blit(font.render(f"Score {score}", True, (255, 255, 255)), (10, 10))
    screen.blit(font.render(f"Combo {combo}", True, (255, 255, 255)), (10, 40))
    if now - judgement_time < 400 and judgement:
        j = big.render(judgement, True, (255, 255, 255))
        j = pygame.transform.rotozoom(j, 0, 1 + (400 - (now - judgement_time)) / 2000)
        screen.blit(j, j.get_rect(center=(WIDTH // 2, HEIGHT // 2)))
    progress = min(1, now / SONG_MS)
    pygame.draw.rect(screen, (90, 90, 140), (0, 0, WIDTH * progress, 4))

    if now > SONG_MS:
        total = sum(counts.values()) or 1
        accuracy = (counts["Perfect"] + 0.5 * counts["Good"]) / total
        grade = "S" if accuracy > 0.95 else "A" if accuracy > 0.85 else "B" if accuracy > 0.7 else "C"
        screen.fill((0, 0, 0))
        for i, line in enumerate([f"Grade {grade}", f"Score {score}", f"Max combo {max_combo}", f"{counts}"]):
            text = font.render(line, True, (255, 255, 255))
            screen.blit(text, text.get_rect(center=(WIDTH // 2, 200 + i * 50)))
        pygame.display.flip()
        pygame.time.wait(3000)
        pygame.quit()
        sys.exit()

    pygame.display.flip()
    clock.tick(120)

"""Simon Says
Watch the sequence of coloured pads light up, then repeat it by clicking the pads
or pressing Q, W, A, S. Each round adds one more step. Tones are generated with struct.
"""
import math
import random
import struct
import sys

import pygame

pygame.mixer.init(frequency=22050, size=-16, channels=1)
pygame.init()

WIDTH, HEIGHT = 600, 640
screen = pygame.display.set_mode((WIDTH, HEIGHT))
pygame.display.set_caption("Simon Says")
clock = pygame.time.Clock()
font = pygame.font.SysFont("arial", 30, bold=True)

PADS = [
    {"rect": pygame.Rect(50, 90, 240, 240), "color": (0, 150, 0), "lit": (80, 255, 80), "freq": 392, "key": pygame.K_q},
    {"rect": pygame.Rect(310, 90, 240, 240), "color": (150, 0, 0), "lit": (255, 80, 80), "freq": 330, "key": pygame.K_w},
    {"rect": pygame.Rect(50, 350, 240, 240), "color": (150, 150, 0), "lit": (255, 255, 90), "freq": 262, "key": pygame.K_a},
    {"rect": pygame.Rect(310, 350, 240, 240), "color": (0, 0, 150), "lit": (90, 90, 255), "freq": 196, "key": pygame.K_s},
]
STEP_ON_MS = 420
STEP_OFF_MS = 180


def tone(freq, seconds=0.35, rate=22050):
    frames = b"".join(
        struct.pack("<h", int(9000 * math.sin(2 * math.pi * freq * i / rate) * min(1, (rate * seconds - i) / 800)))
        for i in range(int(rate * seconds))
    )
    return pygame.mixer.Sound(buffer=frames)


for pad in PADS:
    pad["sound"] = tone(pad["freq"])


def draw(lit_index, message):
    screen.fill((25, 25, 25))
    for i, pad in enumerate(PADS):
        color = pad["lit"] if i == lit_index else pad["color"]
        pygame.draw.rect(screen, color, pad["rect"], border_radius=30)
    pygame.draw.circle(screen, (25, 25, 25), (WIDTH // 2, 340), 70)
    text = font.render(message, True, (255, 255, 255))
    screen.blit(text, text.get_rect(center=(WIDTH // 2, 45)))
    pygame.display.flip()


sequence = [random.randrange(4)]
best = 0
state = "showing"          # showing -> input -> (correct | wrong) -> showing ...
show_index = 0
next_change = pygame.time.get_ticks() + 800
showing_lit = False
position = 0
lit = None
lit_until = 0
message = "Watch..."

while True:
    now = pygame.time.get_ticks()
    pressed = None
    for event in pygame.event.get():
        if event.type == pygame.QUIT:
            pygame.quit()
            sys.exit()
        if state != "input":
            continue
        if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            for i, pad in enumerate(PADS):
                if pad["rect"].collidepoint(event.pos):
                    pressed = i
        if event.type == pygame.KEYDOWN:
            for i, pad in enumerate(PADS):
                if event.key == pad["key"]:
                    pressed = i

    if state == "showing" and now >= next_change:
        if showing_lit:
            showing_lit = False
            lit = None
            show_index += 1
            next_change = now + STEP_OFF_MS
            if show_index >= len(sequence):
                state, position, message = "input", 0, "Your turn!"
        else:
            showing_lit = True
            lit = sequence[show_index]
            PADS[lit]["sound"].play()
            next_change = now + STEP_ON_MS

    elif state == "input" and pressed is not None:
        PADS[pressed]["sound"].play()
        lit, lit_until = pressed, now + 250
        if pressed == sequence[position]:
            position += 1
            if position == len(sequence):
                best = max(best, len(sequence))
                state, message, next_change = "pause", "Correct!", now + 700
                sequence.append(random.randrange(4))
        else:
            message = f"Wrong! You reached {len(sequence)}. Best: {best}"
            draw(pressed, message)
            pygame.time.delay(300)
            state, next_change = "pause", now + 1500
            sequence = [random.randrange(4)]

    elif state == "pause" and now >= next_change:
        state, show_index, showing_lit = "showing", 0, False
        message = f"Round {len(sequence)}: watch..."
        next_change = now + 400

    if state == "input" and lit is not None and now > lit_until:
        lit = None
    progress = f"  ({position}/{len(sequence)})" if state == "input" else ""
    draw(lit, message + progress)
    clock.tick(60)

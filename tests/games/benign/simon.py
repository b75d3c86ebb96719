"""Simon Says
Watch the pads light up, then click them (or press 1-4) in the same order. Each round adds one.
"""
import array
import math
import random
from enum import Enum, auto

import pygame

WIDTH, HEIGHT = 640, 480
PADS = [
    (pygame.Rect(120, 60, 190, 170), (200, 50, 50), 330),
    (pygame.Rect(330, 60, 190, 170), (50, 180, 60), 392),
    (pygame.Rect(120, 250, 190, 170), (50, 90, 210), 440),
    (pygame.Rect(330, 250, 190, 170), (220, 200, 40), 523),
]


class Phase(Enum):
    SHOWING = auto()
    INPUT = auto()
    FAILED = auto()


def tone(freq, seconds=0.25, volume=0.4):
    rate = 22050
    n = int(rate * seconds)
    samples = array.array("h", (int(32767 * volume * math.sin(2 * math.pi * freq * i / rate)) for i in range(n)))
    return pygame.mixer.Sound(buffer=samples)


sounds = []
try:
    pygame.mixer.init(22050, -16, 1)
    sounds = [tone(freq) for _, _, freq in PADS]
except pygame.error:
    sounds = []

sequence = [random.randrange(4)]
phase = Phase.SHOWING
show_index = 0
show_timer = 0.6
lit = None
lit_timer = 0.0
input_index = 0
best = 0


def light(i):
    global lit, lit_timer
    lit, lit_timer = i, 0.35
    if sounds:
        sounds[i].play()


def press(i):
    global input_index, phase, best, show_index, show_timer
    if phase == Phase.FAILED:
        sequence[:] = [random.randrange(4)]
        phase, show_index, show_timer = Phase.SHOWING, 0, 0.6
        return
    if phase != Phase.INPUT:
        return
    light(i)
    if sequence[input_index] != i:
        phase = Phase.FAILED
        return
    input_index += 1
    if input_index == len(sequence):
        best = max(best, len(sequence))
        sequence.append(random.randrange(4))
        phase, show_index, show_timer = Phase.SHOWING, 0, 0.8


def on_mouse_down(pos, button):
    for i, (rect, _, _) in enumerate(PADS):
        if rect.collidepoint(pos):
            press(i)


def on_key_down(key):
    if pygame.K_1 <= key <= pygame.K_4:
        press(key - pygame.K_1)


def update(dt):
    global lit, lit_timer, show_index, show_timer, phase, input_index
    if lit is not None:
        lit_timer -= dt
        if lit_timer <= 0:
            lit = None
    if phase == Phase.SHOWING:
        show_timer -= dt
        if show_timer <= 0:
            if show_index < len(sequence):
                light(sequence[show_index])
                show_index += 1
                show_timer = 0.5
            else:
                phase, input_index = Phase.INPUT, 0


def draw(screen):
    screen.fill((20, 20, 20) if phase != Phase.FAILED else (60, 10, 10))
    for i, (rect, color, _) in enumerate(PADS):
        c = color if lit == i else tuple(v // 3 for v in color)
        pygame.draw.rect(screen, c, rect, border_radius=20)
    pygame.draw.circle(screen, (30, 30, 30), (320, 240), 50)
    pygame.display.set_caption(f"Simon - round {len(sequence)} - best {best} - {phase.name.lower()}")

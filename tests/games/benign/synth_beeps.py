"""Synth Beeps
A tiny keyboard synthesiser: the number keys 1-8 and A/S/D/W play notes made with numpy
and pygame.sndarray, Space plays a chord, the mouse click plays a sweep. Esc quits.
"""
import math
import sys

import numpy as np
import pygame
import pygame.sndarray

SAMPLE_RATE = 22050
# Mono, 22 kHz: the format this synthesiser writes its samples in.
pygame.mixer.pre_init(SAMPLE_RATE, -16, 1, 512)
pygame.init()
WIDTH, HEIGHT = 480, 320
screen = pygame.display.set_mode((WIDTH, HEIGHT))
pygame.display.set_caption("Synth Beeps")
clock = pygame.time.Clock()
font = pygame.font.Font(None, 36)

frequency, size, channels = pygame.mixer.get_init()


def tone(hz, seconds=0.25, volume=0.4):
    """A sine note with a short fade in and out, as int16 samples in the mixer's format."""
    t = np.arange(int(frequency * seconds)) / frequency
    wave = np.sin(2 * np.pi * hz * t)
    fade = np.minimum(1.0, np.minimum(t, t[::-1]) * 40)
    samples = (wave * fade * volume * 32767).astype(np.int16)
    if channels == 2:
        samples = np.column_stack([samples, samples])
    return pygame.sndarray.make_sound(samples)


def sweep(start_hz, end_hz, seconds=0.4):
    t = np.arange(int(frequency * seconds)) / frequency
    hz = np.linspace(start_hz, end_hz, t.size)
    samples = (np.sin(2 * np.pi * np.cumsum(hz) / frequency) * 12000).astype(np.int16)
    if channels == 2:
        samples = np.column_stack([samples, samples])
    return pygame.sndarray.make_sound(samples)


NOTE_KEYS = [pygame.K_1, pygame.K_2, pygame.K_3, pygame.K_4, pygame.K_5, pygame.K_6, pygame.K_7, pygame.K_8,
             pygame.K_a, pygame.K_s, pygame.K_d, pygame.K_w]
notes = {key: tone(261.63 * 2 ** (i / 12)) for i, key in enumerate(NOTE_KEYS)}
chord = tone(261.63, 0.6, 0.2)
rising = sweep(200, 1200)
# Reading a sound back gives its samples in the same format.
length = len(pygame.sndarray.array(notes[pygame.K_1]))
if abs(length - int(frequency * 0.25)) > 2:
    raise RuntimeError(f"a 0.25 s note came back with {length} samples")

played = []
running = True
while running:
    for event in pygame.event.get():
        if event.type == pygame.QUIT:
            running = False
        elif event.type == pygame.KEYDOWN:
            if event.key == pygame.K_ESCAPE:
                running = False
            elif event.key in notes:
                notes[event.key].play()
                played.append(pygame.key.name(event.key))
            elif event.key == pygame.K_SPACE:
                chord.play()
                played.append("chord")
        elif event.type == pygame.MOUSEBUTTONDOWN:
            rising.play()
            played.append("sweep")
    played = played[-12:]
    screen.fill((20, 20, 30))
    for i, name in enumerate(played):
        height = 20 + 10 * (i % 5)
        pygame.draw.rect(screen, (80, 200, 120), (20 + i * 36, HEIGHT - 40 - height, 28, height))
    screen.blit(font.render("Keys 1-8, A S D W, Space, click", True, (230, 230, 230)), (20, 20))
    screen.blit(font.render(" ".join(played[-6:]), True, (255, 220, 120)), (20, 60))
    pygame.display.flip()
    clock.tick(30)
pygame.quit()
sys.exit()

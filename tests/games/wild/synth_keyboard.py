"""Synth Keyboard
Play notes on your computer keyboard: A S D F G H J K are the white keys, W E T Y U the black keys.
Z/X switch the waveform (sine, square, saw). Sounds are generated with NumPy and pygame.sndarray.
"""
import sys

import numpy as np
import pygame

SAMPLE_RATE = 44100
pygame.mixer.pre_init(SAMPLE_RATE, -16, 2, 512)
pygame.init()

WIDTH, HEIGHT = 800, 360
screen = pygame.display.set_mode((WIDTH, HEIGHT))
pygame.display.set_caption("Synth Keyboard")
clock = pygame.time.Clock()
font = pygame.font.SysFont("arial", 20)

WHITE_KEYS = [pygame.K_a, pygame.K_s, pygame.K_d, pygame.K_f, pygame.K_g, pygame.K_h, pygame.K_j, pygame.K_k]
BLACK_KEYS = {pygame.K_w: 0, pygame.K_e: 1, pygame.K_t: 3, pygame.K_y: 4, pygame.K_u: 5}
WHITE_SEMITONES = [0, 2, 4, 5, 7, 9, 11, 12]
BLACK_SEMITONES = {0: 1, 1: 3, 3: 6, 4: 8, 5: 10}
WAVEFORMS = ["sine", "square", "saw"]


def make_tone(freq, waveform, duration=0.6, volume=0.35):
    t = np.linspace(0, duration, int(SAMPLE_RATE * duration), endpoint=False)
    if waveform == "sine":
        wave = np.sin(2 * np.pi * freq * t)
    elif waveform == "square":
        wave = np.sign(np.sin(2 * np.pi * freq * t)) * 0.6
    else:
        wave = 2 * (t * freq - np.floor(0.5 + t * freq)) * 0.7
    envelope = np.minimum(1, t * 80) * np.exp(-3 * t)
    samples = (wave * envelope * volume * 32767).astype(np.int16)
    channels = pygame.mixer.get_init()[2] if pygame.mixer.get_init() else 2
    if channels == 2:
        samples = np.column_stack((samples, samples))
    return pygame.sndarray.make_sound(np.ascontiguousarray(samples))


def build_sounds(waveform):
    base = 261.63  # middle C
    white = [make_tone(base * 2 ** (s / 12), waveform) for s in WHITE_SEMITONES]
    black = {i: make_tone(base * 2 ** (s / 12), waveform) for i, s in BLACK_SEMITONES.items()}
    return white, black


waveform_index = 0
white_sounds, black_sounds = build_sounds(WAVEFORMS[waveform_index])
pressed = set()
history = []
key_w = WIDTH // len(WHITE_KEYS)

while True:
    for event in pygame.event.get():
        if event.type == pygame.QUIT:
            pygame.quit()
            sys.exit()
        elif event.type == pygame.KEYDOWN:
            if event.key in WHITE_KEYS:
                white_sounds[WHITE_KEYS.index(event.key)].play()
                pressed.add(event.key)
                history.append(pygame.key.name(event.key).upper())
            elif event.key in BLACK_KEYS:
                black_sounds[BLACK_KEYS[event.key]].play()
                pressed.add(event.key)
                history.append(pygame.key.name(event.key).upper() + "#")
            elif event.key in (pygame.K_z, pygame.K_x):
                waveform_index = (waveform_index + (1 if event.key == pygame.K_x else -1)) % len(WAVEFORMS)
                white_sounds, black_sounds = build_sounds(WAVEFORMS[waveform_index])
            history = history[-16:]
        elif event.type == pygame.KEYUP:
            pressed.discard(event.key)

    screen.fill((30, 30, 36))
    for i, key in enumerate(WHITE_KEYS):
        rect = pygame.Rect(i * key_w + 2, 100, key_w - 4, 240)
        pygame.draw.rect(screen, (200, 220, 255) if key in pressed else (245, 245, 245), rect, border_radius=6)
        label = font.render(pygame.key.name(key).upper(), True, (60, 60, 60))
        screen.blit(label, label.get_rect(midbottom=(rect.centerx, rect.bottom - 10)))
    for key, index in BLACK_KEYS.items():
        rect = pygame.Rect((index + 1) * key_w - key_w // 3, 100, key_w * 2 // 3, 140)
        pygame.draw.rect(screen, (90, 110, 200) if key in pressed else (20, 20, 20), rect, border_radius=4)
        label = font.render(pygame.key.name(key).upper(), True, (220, 220, 220))
        screen.blit(label, label.get_rect(midbottom=(rect.centerx, rect.bottom - 8)))
    screen.blit(font.render(f"Waveform: {WAVEFORMS[waveform_index]} (Z/X to change)", True, (255, 255, 255)), (10, 14))
    screen.blit(font.render(" ".join(history), True, (160, 200, 160)), (10, 50))
    pygame.display.flip()
    clock.tick(60)

"""Regenerates the built-in asset pack (assets/pack/) from code, so every file is reproducible.

Run: .venv/bin/python assets/make_asset_pack.py
"""

import math
import os
import struct
import wave
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
import pygame  # noqa: E402

PACK = Path(__file__).resolve().parent / "pack"


def sprite(name: str, size: tuple[int, int], paint) -> None:
    surface = pygame.Surface(size, pygame.SRCALPHA)
    paint(surface)
    pygame.image.save(surface, str(PACK / "sprites" / name))


def tone(name: str, seconds: float, frequency, volume: float = 0.4) -> None:
    rate = 22050
    frames = bytearray()
    for i in range(int(rate * seconds)):
        t = i / rate
        envelope = max(0.0, 1.0 - t / seconds)
        value = volume * envelope * math.sin(2 * math.pi * frequency(t) * t)
        frames += struct.pack("<h", int(value * 32767))
    with wave.open(str(PACK / "sounds" / name), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(bytes(frames))


def main() -> None:
    pygame.init()
    (PACK / "sprites").mkdir(parents=True, exist_ok=True)
    (PACK / "sounds").mkdir(parents=True, exist_ok=True)
    sprite("ship.png", (32, 32), lambda s: pygame.draw.polygon(s, (120, 200, 255), [(16, 2), (30, 30), (16, 22), (2, 30)]))
    sprite("coin.png", (16, 16), lambda s: (pygame.draw.circle(s, (250, 210, 60), (8, 8), 7), pygame.draw.circle(s, (255, 240, 150), (6, 6), 2)))
    sprite("heart.png", (16, 16), lambda s: (pygame.draw.circle(s, (230, 60, 80), (5, 6), 4), pygame.draw.circle(s, (230, 60, 80), (11, 6), 4), pygame.draw.polygon(s, (230, 60, 80), [(1, 7), (15, 7), (8, 15)])))
    sprite("alien.png", (32, 24), lambda s: (pygame.draw.ellipse(s, (140, 240, 110), (2, 4, 28, 16)), pygame.draw.circle(s, (20, 20, 20), (11, 11), 3), pygame.draw.circle(s, (20, 20, 20), (21, 11), 3)))
    sprite("block.png", (32, 16), lambda s: (s.fill((200, 110, 60)), pygame.draw.rect(s, (240, 160, 100), (0, 0, 32, 16), 2)))
    sprite("ball.png", (12, 12), lambda s: pygame.draw.circle(s, (240, 240, 240), (6, 6), 6))
    tone("blip.wav", 0.08, lambda t: 880)
    tone("coin.wav", 0.15, lambda t: 988 if t < 0.05 else 1319)
    tone("jump.wav", 0.2, lambda t: 300 + 900 * t)
    tone("hit.wav", 0.25, lambda t: 200 - 300 * t, volume=0.6)
    tone("explosion.wav", 0.5, lambda t: 80 + 40 * math.sin(t * 300), volume=0.7)


if __name__ == "__main__":
    main()

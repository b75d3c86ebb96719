"""Typing Tutor
Type the falling words before they hit the ground. Backspace deletes, Enter clears the input.
"""
from __future__ import annotations

import random
from typing import Dict, List, Optional

import pygame

WIDTH, HEIGHT = 640, 480
WORDS: List[str] = ["python", "pygame", "sprite", "vector", "pixel", "arcade", "joystick",
                    "render", "blit", "shader", "level", "score", "combo", "retro", "quest"]
SPAWN_EVERY = 1.8

falling: List[Dict[str, object]] = []
typed: str = ""
score: int = 0
missed: int = 0
spawn_timer: float = 0.0
font: Optional[pygame.font.Font] = None
small: Optional[pygame.font.Font] = None


def spawn_word() -> None:
    word = random.choice(WORDS)
    falling.append({"word": word, "x": random.randint(20, WIDTH - 140), "y": -20.0,
                    "speed": random.uniform(30, 60) + score * 1.5})


def target() -> Optional[Dict[str, object]]:
    matches = [w for w in falling if str(w["word"]).startswith(typed)] if typed else []
    return max(matches, key=lambda w: float(w["y"])) if matches else None


def update(dt: float) -> None:
    global spawn_timer, missed
    spawn_timer -= dt
    if spawn_timer <= 0:
        spawn_timer = SPAWN_EVERY
        spawn_word()
    for w in falling:
        w["y"] = float(w["y"]) + float(w["speed"]) * dt
    before = len(falling)
    falling[:] = [w for w in falling if float(w["y"]) < HEIGHT - 40]
    missed += before - len(falling)


def on_key_down(key: int, mod: int, unicode: str) -> None:
    global typed, score
    if key == pygame.K_BACKSPACE:
        typed = typed[:-1]
    elif key == pygame.K_RETURN:
        typed = ""
    elif unicode and unicode.isalpha():
        typed += unicode.lower()
        hit = next((w for w in falling if w["word"] == typed), None)
        if hit is not None:
            falling.remove(hit)
            score += len(typed)
            typed = ""
        elif target() is None:
            typed = ""


def draw(screen: pygame.Surface) -> None:
    global font, small
    if font is None:
        font = pygame.font.SysFont("arial", 24)
        small = pygame.font.Font(None, 24)
    screen.fill((12, 16, 40))
    aim = target()
    for w in falling:
        color = (255, 230, 90) if w is aim else (200, 210, 255)
        surf = font.render(str(w["word"]), True, color)
        screen.blit(surf, (int(w["x"]), int(float(w["y"]))))
        if w is aim:
            done = font.render(typed, True, (90, 255, 120))
            screen.blit(done, (int(w["x"]), int(float(w["y"]))))
    pygame.draw.line(screen, (200, 60, 60), (0, HEIGHT - 40), (WIDTH, HEIGHT - 40), 2)
    accuracy = score / max(1, score + missed * 5) * 100
    status = f"> {typed:<12} score {score:>4}  missed {missed:>2}  acc {accuracy:5.1f}%"
    screen.blit(small.render(status, True, (230, 230, 230)), (10, HEIGHT - 30))

"""Seeded random key and mouse input that `studio check` feeds a game, frame by frame."""

from __future__ import annotations

import random
from dataclasses import dataclass

import pygame

# Keys games commonly read. Escape and Q are left out: they usually quit, and a check
# wants to see the game run.
GAME_KEYS = (
    pygame.K_LEFT, pygame.K_RIGHT, pygame.K_UP, pygame.K_DOWN, pygame.K_SPACE, pygame.K_RETURN,
    pygame.K_a, pygame.K_d, pygame.K_w, pygame.K_s, pygame.K_r, pygame.K_p, pygame.K_1,
    pygame.K_LSHIFT, pygame.K_z, pygame.K_x,
)


@dataclass(frozen=True)
class KeyAction:
    """Press (down=True) or release one key."""

    down: bool
    key: int
    unicode: str


@dataclass(frozen=True)
class MouseAction:
    """Move, press or release the mouse at a position."""

    kind: str
    pos: tuple[int, int]
    button: int
    rel: tuple[int, int]


class ScriptedInput:
    """Deterministic pseudo-player: holds keys for a few frames, moves and clicks."""

    def __init__(self, seed: int) -> None:
        self._rng = random.Random(seed)
        self._held: dict[int, int] = {}  # key → frame to release it
        self._mouse = (0, 0)
        self._button_release_at: int | None = None

    def actions(self, frame: int, size: tuple[int, int]) -> list[KeyAction | MouseAction]:
        """What the pseudo-player does at the start of `frame`."""
        rng = self._rng
        actions: list[KeyAction | MouseAction] = []
        for key, release_at in list(self._held.items()):
            if frame >= release_at:
                del self._held[key]
                actions.append(KeyAction(False, key, ""))
        if rng.random() < 0.25:
            key = rng.choice(GAME_KEYS)
            if key not in self._held:
                self._held[key] = frame + rng.randint(2, 20)
                name = pygame.key.name(key)
                actions.append(KeyAction(True, key, name if len(name) == 1 else (" " if key == pygame.K_SPACE else "")))
        if rng.random() < 0.1:
            target = (rng.randrange(max(1, size[0])), rng.randrange(max(1, size[1])))
            rel = (target[0] - self._mouse[0], target[1] - self._mouse[1])
            self._mouse = target
            actions.append(MouseAction("move", target, 0, rel))
        if self._button_release_at is not None and frame >= self._button_release_at:
            self._button_release_at = None
            actions.append(MouseAction("up", self._mouse, 1, (0, 0)))
        elif self._button_release_at is None and rng.random() < 0.05:
            self._button_release_at = frame + rng.randint(1, 8)
            actions.append(MouseAction("down", self._mouse, rng.choice((1, 1, 1, 3)), (0, 0)))
        return actions

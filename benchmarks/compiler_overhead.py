"""Measure how much slower the bench games run compiled by compile_game than exec'd plainly.

Usage: .venv/bin/python benchmarks/compiler_overhead.py [--rounds 7] [--frames 60]

Both variants run in this process, interleaved round by round, on the SDL dummy
driver. The games get the REAL pygame, math and random modules (through a trivial
resolver), so the numbers isolate the cost of the compile policy and guards.
"""

from __future__ import annotations

import argparse
import importlib
import os
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

GAMES_DIR = Path(__file__).resolve().parents[2] / "shared" / "bench_games"
GAME_NAMES = ("swarm", "snake", "bricks")
FRAME_DT = 1 / 60


@dataclass(frozen=True)
class Result:
    """Median frames per second of one game, plain and sandboxed."""

    game: str
    plain_fps: float
    sandboxed_fps: float

    @property
    def overhead(self) -> float:
        return self.plain_fps / self.sandboxed_fps


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--frames", type=int, default=60)
    parser.add_argument("--warmup", type=int, default=10)
    options = parser.parse_args()

    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run from anywhere
    import pygame

    pygame.init()
    results = [
        measure(name, (GAMES_DIR / f"{name}.py").read_text(), options.rounds,
                options.warmup, options.frames)
        for name in GAME_NAMES
    ]
    print(f"{'game':<8} {'plain fps':>10} {'sandboxed fps':>14} {'overhead':>9}")
    for result in results:
        print(f"{result.game:<8} {result.plain_fps:>10.1f} {result.sandboxed_fps:>14.1f} "
              f"{result.overhead:>8.3f}x")


def measure(name: str, source: str, rounds: int, warmup: int, frames: int) -> Result:
    """Median fps over `rounds` fresh loads of each variant, alternating which goes first."""
    loaders = {"plain": load_plain, "sandboxed": load_sandboxed}
    fps: dict[str, list[float]] = {variant: [] for variant in loaders}
    for round_index in range(rounds):
        order = list(loaders) if round_index % 2 == 0 else list(reversed(loaders))
        for variant in order:
            game = loaders[variant](source, f"{name}.py")
            fps[variant].append(run_frames(game, warmup, frames))
    return Result(name, statistics.median(fps["plain"]), statistics.median(fps["sandboxed"]))


def run_frames(game: dict[str, object], warmup: int, frames: int) -> float:
    """Frames per second of update(dt) + draw(screen) after `warmup` untimed frames."""
    import pygame

    screen = pygame.Surface((640, 480))
    update: Callable[[float], None] = game["update"]  # type: ignore[assignment]
    draw: Callable[[pygame.Surface], None] = game["draw"]  # type: ignore[assignment]
    for _ in range(warmup):
        update(FRAME_DT)
        draw(screen)
    start = time.perf_counter()
    for _ in range(frames):
        update(FRAME_DT)
        draw(screen)
    return frames / (time.perf_counter() - start)


def load_plain(source: str, filename: str) -> dict[str, object]:
    """exec the game as ordinary Python with the real builtins."""
    namespace: dict[str, object] = {"__name__": "__main__", "__file__": filename}
    exec(compile(source, filename, "exec", dont_inherit=True), namespace)
    return namespace


def load_sandboxed(source: str, filename: str) -> dict[str, object]:
    """compile_game + make_builtins, with real modules handed out by name."""
    from sandbox.compiler import compile_game
    from sandbox.guards import make_builtins, make_globals

    # Trivial resolver: real modules. It must also answer pygame's own C-level imports
    # (pygame.font.Font(None, ...) imports pygame.pkgdata through the game's __import__).
    compiled = compile_game(source, filename)
    namespace = make_globals(make_builtins(importlib.import_module, print), filename)
    exec(compiled.code, namespace)
    return namespace


if __name__ == "__main__":
    main()

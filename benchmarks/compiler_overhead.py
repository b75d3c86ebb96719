"""Measure how much slower the bench games run compiled by compile_game than exec'd plainly.

Usage: .venv/bin/python benchmarks/compiler_overhead.py [--rounds 5] [--batches 6] [--frames 30]

Both variants run in this process, loaded side by side and timed in alternating
batches (medians), on the SDL dummy driver. The games get the REAL pygame, math and
random modules (through a trivial resolver), so the numbers isolate the cost of the
compile policy and guards.
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
    """Median frames per second of one game, plain and sandboxed, and the median ratio."""

    game: str
    plain_fps: float
    sandboxed_fps: float
    overhead: float  # median of per-pair ratios: robust to the machine's load drifting


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5, help="fresh loads of both variants")
    parser.add_argument("--batches", type=int, default=6, help="timed pairs per round")
    parser.add_argument("--frames", type=int, default=30, help="frames per timed batch")
    parser.add_argument("--warmup", type=int, default=10)
    options = parser.parse_args()

    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run from anywhere
    import pygame

    pygame.init()
    results = [
        measure(name, (GAMES_DIR / f"{name}.py").read_text(), options)
        for name in GAME_NAMES
    ]
    print(f"{'game':<8} {'plain fps':>10} {'sandboxed fps':>14} {'overhead':>9}")
    for result in results:
        print(f"{result.game:<8} {result.plain_fps:>10.1f} {result.sandboxed_fps:>14.1f} "
              f"{result.overhead:>8.3f}x")


def measure(name: str, source: str, options: argparse.Namespace) -> Result:
    """Time both variants in alternating batches, so load changes hit both alike."""
    plain_fps: list[float] = []
    sandboxed_fps: list[float] = []
    ratios: list[float] = []
    for _ in range(options.rounds):
        plain = load_plain(source, f"{name}.py")
        sandboxed = load_sandboxed(source, f"{name}.py")
        run_frames(plain, options.warmup)
        run_frames(sandboxed, options.warmup)
        for batch in range(options.batches):
            first, second = (plain, sandboxed) if batch % 2 == 0 else (sandboxed, plain)
            timed = {id(first): run_frames(first, options.frames)}
            timed[id(second)] = run_frames(second, options.frames)
            plain_fps.append(timed[id(plain)])
            sandboxed_fps.append(timed[id(sandboxed)])
            ratios.append(timed[id(plain)] / timed[id(sandboxed)])
    return Result(name, statistics.median(plain_fps), statistics.median(sandboxed_fps),
                  statistics.median(ratios))


def run_frames(game: dict[str, object], frames: int) -> float:
    """Frames per second of `frames` calls of update(dt) + draw(screen)."""
    import pygame

    screen = pygame.Surface((640, 480))
    update: Callable[[float], None] = game["update"]  # type: ignore[assignment]
    draw: Callable[[pygame.Surface], None] = game["draw"]  # type: ignore[assignment]
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

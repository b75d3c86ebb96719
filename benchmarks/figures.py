"""Shared pieces of the benchmarks: headless environment, medians, and one reported figure."""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

BENCH_GAMES_DIR = Path(__file__).resolve().parents[2] / "shared" / "bench_games"
"""The shared benchmark games (swarm, snake, bricks), outside the repository."""

HEADLESS_ENVIRONMENT = {
    "SDL_VIDEODRIVER": "dummy",
    "SDL_AUDIODRIVER": "dummy",
    "QT_QPA_PLATFORM": "offscreen",
    "PYGAME_HIDE_SUPPORT_PROMPT": "1",
}


def use_headless_environment() -> None:
    """Make SDL and Qt run without a display or a sound card (call before importing them)."""
    os.environ.update(HEADLESS_ENVIRONMENT)


def start_headless_pygame() -> None:
    """The headless environment, then pygame's display and fonts, for in-process baselines."""
    use_headless_environment()
    import pygame

    pygame.display.init()
    pygame.font.init()


def milliseconds(seconds: float) -> float:
    """Seconds (a perf_counter difference) in milliseconds."""
    return seconds * 1000.0


@dataclass(frozen=True)
class Figure:
    """One benchmark figure: a subject median set against a baseline median from the same run.

    `ratio` always reads "how many times costlier the subject is than the baseline":
    subject / baseline for times, baseline / subject for rates such as fps. So 1.0 means
    no overhead and bigger is worse. `target` says in words what counts as good, and
    `met` whether this run reached it (None when there is no target).
    """

    benchmark: str
    subject: float
    baseline: float
    unit: str
    target: str
    ratio: float
    met: bool | None = None
    note: str = ""

    def to_json(self) -> dict[str, object]:
        return asdict(self)


def median(values: Sequence[float]) -> float:
    """The median, or NaN for no values (a benchmark that produced nothing)."""
    return statistics.median(values) if values else float("nan")


def ratio(numerator: float, denominator: float) -> float:
    """numerator / denominator, NaN instead of a division by zero."""
    return numerator / denominator if denominator else float("nan")


def spread(values: Sequence[float]) -> str:
    """"min..max" of the repetitions, for the note column."""
    if not values:
        return "no runs"
    return f"{min(values):.3g}..{max(values):.3g} over {len(values)} runs"


def print_figures(figures: Sequence[Figure], as_json: bool) -> None:
    """Print figures as one JSON line (for run.py) or as readable lines."""
    if as_json:
        print(json.dumps([figure.to_json() for figure in figures]))
        return
    for figure in figures:
        print(
            f"{figure.benchmark}: {figure.subject:.4g} {figure.unit} vs baseline "
            f"{figure.baseline:.4g} (ratio {figure.ratio:.3f}, target {figure.target}) "
            f"{figure.note}"
        )


def progress(text: str) -> None:
    """A progress line on stderr (stdout carries the results)."""
    print(text, file=sys.stderr, flush=True)


def run_from_command_line(description: str, measure: Callable[[bool], Sequence[Figure]]) -> None:
    """The `--quick` / `--json` command line every benchmark script shares."""
    parser = argparse.ArgumentParser(description=description.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer frames and repetitions")
    parser.add_argument("--json", action="store_true", help="print figures as one JSON line")
    options = parser.parse_args()
    print_figures(measure(options.quick), options.json)

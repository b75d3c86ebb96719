"""Frames per second of each bench game run plainly versus in a real confined runner.

Usage: .venv/bin/python benchmarks/sandbox_overhead.py [--quick] [--json]

Plain: a fresh subprocess running benchmarks/plain_game.py (real pygame and modules).
Sandboxed: a warm `RunnerProcess` (compile policy, facade, guards, seccomp/Landlock,
frames published into shared memory) told `Configure(paced=False, ...)` and
`LoadGame`, the way `studio check` runs a game; fps as `studio check` counts it, from
the frames the host took itself (sandbox.observed_run). Runs of the two are interleaved, alternating which goes first, and the
medians are compared: ratio = plain fps / sandboxed fps (target <= 1.1).
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from figures import (
    BENCH_GAMES_DIR,
    Figure,
    median,
    progress,
    ratio,
    run_from_command_line,
    spread,
    use_headless_environment,
)

PLAIN_SCRIPT = Path(__file__).resolve().parent / "plain_game.py"
TARGET_RATIO = 1.1
RUN_TIMEOUT_S = 60.0


@dataclass(frozen=True)
class GamePlan:
    """One game and how many frames each run of it plays."""

    name: str
    frames: int

    @property
    def path(self) -> Path:
        return BENCH_GAMES_DIR / f"{self.name}.py"


FULL_PLAN = (GamePlan("swarm", 300), GamePlan("snake", 600), GamePlan("bricks", 600))
QUICK_PLAN = (GamePlan("swarm", 150), GamePlan("snake", 300), GamePlan("bricks", 300))


def plain_fps(game: GamePlan) -> float:
    """fps of the game in a fresh, unconfined python subprocess."""
    finished = subprocess.run(
        [sys.executable, str(PLAIN_SCRIPT), str(game.path), str(game.frames)],
        capture_output=True, text=True, timeout=RUN_TIMEOUT_S, check=True,
    )
    return float(json.loads(finished.stdout.strip().splitlines()[-1])["fps"])


def sandboxed_fps(game: GamePlan) -> float:
    """fps the host observed of an unpaced run in a warm, confined runner."""
    import threading

    from sandbox.observed_run import ObservedRun
    from sandbox.runner_process import RunnerProcess, RunnerSettings

    runner = RunnerProcess(RunnerSettings())
    try:
        if not runner.wait_ready():
            raise RuntimeError(f"runner did not start: {runner.stderr_tail()}")
        run = ObservedRun(runner)
        # Only the first and last frames are taken: the figure is the game's own speed.
        run.start(game.path.read_text(), f"{game.name}.py", game.frames, None, None, sample_every=0)
        run.watch(threading.Event(), time.monotonic() + RUN_TIMEOUT_S)
        if run.ran_to_the_end:
            return run.fps()
        if run.done.is_set():
            raise RuntimeError(f"{game.name} failed in the sandbox: {run.broken or run.failure or run.over}")
        raise RuntimeError(f"{game.name} did not finish {game.frames} frames in time")
    finally:
        runner.close()


def measure(quick: bool = False) -> list[Figure]:
    """Interleaved plain and sandboxed runs of every game; one figure per game."""
    use_headless_environment()
    plan = QUICK_PLAN if quick else FULL_PLAN
    repetitions = 3 if quick else 5
    variants = {"plain": plain_fps, "sandboxed": sandboxed_fps}
    results: dict[str, dict[str, list[float]]] = {
        game.name: {variant: [] for variant in variants} for game in plan
    }
    for repetition in range(repetitions):
        for game in plan:
            order = list(variants) if repetition % 2 == 0 else list(reversed(variants))
            for variant in order:
                results[game.name][variant].append(variants[variant](game))
        progress(f"sandbox_overhead: repetition {repetition + 1}/{repetitions} done")
    figures = []
    for game in plan:
        plain, sandboxed = results[game.name]["plain"], results[game.name]["sandboxed"]
        overhead = ratio(median(plain), median(sandboxed))
        figures.append(Figure(
            benchmark=f"sandbox overhead, {game.name} ({game.frames} frames, unpaced)",
            subject=median(sandboxed), baseline=median(plain), unit="fps",
            target=f"plain/sandboxed <= {TARGET_RATIO}", ratio=overhead,
            met=overhead <= TARGET_RATIO,
            note=f"sandboxed {spread(sandboxed)}; plain {spread(plain)}",
        ))
    return figures


def main() -> None:
    run_from_command_line(__doc__, measure)


if __name__ == "__main__":
    main()

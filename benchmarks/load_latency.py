"""Time from code handed to a warm runner to its first frame at the host, for snake.py.

Usage: .venv/bin/python benchmarks/load_latency.py [--quick] [--json]

Each repetition starts fresh runners, waits until they are warm and idle, then times
`load_new` (through `GameHost`, as the app does) and a bare `RunnerProcess` send of
`LoadGame` until `latest_frame()` first returns a frame. The host polls every 0.1 ms
with a sleep rather than a busy loop: a busy loop would hold the GIL and delay the
host's own command-writer and reader threads, which an idle GUI thread does not.
Baselines, measured in this process in the same repetitions: plain `compile()` + exec
+ one update/draw (the work with no sandbox and no process boundary), and the
sandbox's `compile_game` alone.
"""

from __future__ import annotations

import queue
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from figures import (
    BENCH_GAMES_DIR,
    Figure,
    median,
    progress,
    ratio,
    run_from_command_line,
    spread,
    start_headless_pygame,
)

GAME_PATH = BENCH_GAMES_DIR / "snake.py"
TARGET_MS = 20.0
POLL_S = 0.0001
SETTLE_S = 0.2  # let a just-warmed runner go idle before timing it
TIMEOUT_S = 20.0
PLAIN_STARTUP_CODE = (
    "import os; os.environ['SDL_VIDEODRIVER'] = 'dummy'; "
    "os.environ['PYGAME_HIDE_SUPPORT_PROMPT'] = '1'; "
    "import pygame; pygame.display.init(); pygame.display.set_mode((1, 1))"
)


@dataclass
class Samples:
    """Milliseconds per repetition for every measured quantity."""

    host_first_frame: list[float] = field(default_factory=list)
    runner_first_frame: list[float] = field(default_factory=list)
    host_path_load_ms: list[float] = field(default_factory=list)
    host_path_first_frame_ms: list[float] = field(default_factory=list)
    bare_load_ms: list[float] = field(default_factory=list)
    bare_first_frame_ms: list[float] = field(default_factory=list)
    cold_start: list[float] = field(default_factory=list)
    cold_start_without_namespaces: list[float] = field(default_factory=list)
    plain_in_process: list[float] = field(default_factory=list)
    compile_game_only: list[float] = field(default_factory=list)
    plain_startup: list[float] = field(default_factory=list)


def _ms_since(started: float) -> float:
    return (time.perf_counter() - started) * 1000.0


def _poll(get: Callable[[], object | None], what: str) -> object:
    deadline = time.monotonic() + TIMEOUT_S
    while time.monotonic() < deadline:
        value = get()
        if value is not None:
            return value
        time.sleep(POLL_S)
    raise RuntimeError(f"timed out waiting for {what}")


def _loaded_and_shown(next_events: Callable[[], list[object]]) -> tuple[float, float]:
    """The runner's own (Loaded.load_ms, FrameShown.first_frame_ms) for the new game."""
    from sandbox.protocol import FrameShown, Loaded

    seen: dict[type, object] = {}

    def both_seen() -> bool | None:
        seen.update({type(event): event for event in next_events()})
        return (Loaded in seen and FrameShown in seen) or None

    _poll(both_seen, "Loaded and FrameShown")
    loaded, shown = seen[Loaded], seen[FrameShown]
    assert isinstance(loaded, Loaded) and isinstance(shown, FrameShown)
    return loaded.load_ms, shown.first_frame_ms


def _drain(messages: queue.Queue) -> list[object]:
    events = []
    while not messages.empty():
        events.append(messages.get_nowait())
    return events


def time_game_host(source: str, samples: Samples) -> None:
    """load_new on a warm GameHost until host.latest_frame() has a frame."""
    from sandbox.host import GameHost

    with GameHost() as host:
        started = time.perf_counter()
        if not host.wait_warm():
            raise RuntimeError("the host's runner did not start")
        samples.cold_start.append(_ms_since(started))
        time.sleep(SETTLE_S)
        started = time.perf_counter()
        host.load_new(source, "snake.py")
        _poll(host.latest_frame, "the first frame")
        samples.host_first_frame.append(_ms_since(started))
        load_ms, first_frame_ms = _loaded_and_shown(host.poll_events)
        samples.host_path_load_ms.append(load_ms)
        samples.host_path_first_frame_ms.append(first_frame_ms)


def time_runner_process(source: str, samples: Samples) -> None:
    """LoadGame sent to a warm bare RunnerProcess until its latest_frame() has a frame."""
    from sandbox.protocol import LoadGame
    from sandbox.runner_process import RunnerProcess, RunnerSettings

    runner = RunnerProcess(RunnerSettings())
    try:
        if not runner.wait_ready():
            raise RuntimeError(f"runner did not start: {runner.stderr_tail()}")
        time.sleep(SETTLE_S)
        started = time.perf_counter()
        runner.send(LoadGame(source, "snake.py", "new", None))
        _poll(runner.latest_frame, "the first frame")
        samples.runner_first_frame.append(_ms_since(started))
        load_ms, first_frame_ms = _loaded_and_shown(lambda: _drain(runner.messages))
        samples.bare_load_ms.append(load_ms)
        samples.bare_first_frame_ms.append(first_frame_ms)
    finally:
        runner.close()


def time_cold_start_without_namespaces(samples: Samples) -> None:
    """Spawn -> Ready for a runner started without bubblewrap (the other layers all applied)."""
    from sandbox.runner_process import RunnerProcess, RunnerSettings

    started = time.perf_counter()
    runner = RunnerProcess(RunnerSettings(namespaces=False))
    try:
        if not runner.wait_ready():
            raise RuntimeError(f"runner did not start: {runner.stderr_tail()}")
        samples.cold_start_without_namespaces.append(_ms_since(started))
    finally:
        runner.close()


def time_plain_in_process(source: str, samples: Samples) -> None:
    """compile() + exec + one update and draw in this process: no sandbox, no pipe."""
    import pygame

    started = time.perf_counter()
    namespace: dict[str, object] = {"__name__": "game"}
    exec(compile(source, "snake.py", "exec", dont_inherit=True), namespace)  # noqa: S102
    screen = pygame.Surface((namespace["WIDTH"], namespace["HEIGHT"]), 0, 32)  # type: ignore[arg-type]
    namespace["update"](1 / 60)  # type: ignore[operator]
    namespace["draw"](screen)  # type: ignore[operator]
    samples.plain_in_process.append(_ms_since(started))


def time_compile_game(source: str, samples: Samples) -> None:
    """The sandbox's compile policy alone (parse, check, transform, compile)."""
    from sandbox.compiler import compile_game

    started = time.perf_counter()
    compile_game(source, "snake.py")
    samples.compile_game_only.append(_ms_since(started))


def time_plain_startup(samples: Samples) -> None:
    """A plain python that imports pygame and opens a dummy display, then exits."""
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", PLAIN_STARTUP_CODE], check=True, timeout=TIMEOUT_S)
    samples.plain_startup.append(_ms_since(started))


def measure(quick: bool = False) -> list[Figure]:
    """Interleaved repetitions of every variant; figures in milliseconds."""
    start_headless_pygame()
    source = GAME_PATH.read_text()
    repetitions = 5 if quick else 15
    samples = Samples()
    steps = [
        lambda: time_game_host(source, samples),
        lambda: time_plain_in_process(source, samples),
        lambda: time_runner_process(source, samples),
        lambda: time_compile_game(source, samples),
        lambda: time_plain_startup(samples),
        lambda: time_cold_start_without_namespaces(samples),
    ]
    for repetition in range(repetitions):
        for step in steps if repetition % 2 == 0 else reversed(steps):
            step()
        progress(f"load_latency: repetition {repetition + 1}/{repetitions} done")
    return _figures(samples)


def _figures(samples: Samples) -> list[Figure]:
    plain = median(samples.plain_in_process)
    compile_only = median(samples.compile_game_only)

    def figure(name: str, values: list[float], baseline: float, baseline_name: str,
               target_ms: float | None, baseline_values: list[float]) -> Figure:
        subject = median(values)
        return Figure(
            benchmark=name, subject=subject, baseline=baseline, unit="ms",
            target=f"<= {target_ms:g} ms median" if target_ms else "(context)",
            ratio=ratio(subject, baseline), met=subject <= target_ms if target_ms else None,
            note=f"{spread(values)}; baseline = {baseline_name}, {spread(baseline_values)}",
        )

    return [
        figure("load latency, snake: load_new -> first frame at GameHost",
               samples.host_first_frame, plain, "plain compile+exec+update/draw in-process",
               TARGET_MS, samples.plain_in_process),
        figure("load latency, snake: LoadGame -> first frame at bare RunnerProcess",
               samples.runner_first_frame, plain, "plain compile+exec+update/draw in-process",
               TARGET_MS, samples.plain_in_process),
        figure("load latency, snake: runner's Loaded.load_ms, GameHost path",
               samples.host_path_load_ms, compile_only, "compile_game alone in-process",
               None, samples.compile_game_only),
        figure("load latency, snake: runner's Loaded.load_ms, bare RunnerProcess",
               samples.bare_load_ms, compile_only, "compile_game alone in-process",
               None, samples.compile_game_only),
        figure("load latency, snake: runner's FrameShown.first_frame_ms, GameHost path",
               samples.host_path_first_frame_ms, plain,
               "plain compile+exec+update/draw in-process", None, samples.plain_in_process),
        figure("load latency, snake: runner's FrameShown.first_frame_ms, bare RunnerProcess",
               samples.bare_first_frame_ms, plain,
               "plain compile+exec+update/draw in-process", None, samples.plain_in_process),
        figure("cold start: spawn -> Ready (warm, confined runner)",
               samples.cold_start, median(samples.plain_startup),
               "plain python: import pygame, open dummy display, exit", None,
               samples.plain_startup),
        figure("cold start inside bubblewrap: spawn -> Ready",
               samples.cold_start, median(samples.cold_start_without_namespaces),
               "the same runner started without namespaces (seccomp, Landlock, rlimits only)", None,
               samples.cold_start_without_namespaces),
    ]


def main() -> None:
    run_from_command_line(__doc__, measure)


if __name__ == "__main__":
    main()

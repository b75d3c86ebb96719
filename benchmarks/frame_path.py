"""Host CPU per frame of an 800x600 game at 60 fps, from the runner to a painted GameView.

Usage: .venv/bin/python benchmarks/frame_path.py [--quick] [--json]

Subject: a `GameHost` runner plays a small 800x600 game (below) paced at 60 fps, and a
real `studio.qt.game_view.GameView` (offscreen Qt, shown at 1000x750, so every frame is
scaled) polls and paints it. Host process CPU time (all threads: Qt, the host's reader,
writer and watchdog threads) is divided by the frames painted. Baseline, interleaved
with it: the same view painting pre-made 800x600 frames handed out at 60 fps by an
in-process source (no runner, no shared memory). For context: the pre-made frames
painted unscaled in an 800x600 view (what the 1.25x smooth scaling costs), and the raw
cost of one copy of 800x600x4 bytes out of an mmap, which is what `FrameReader.read`
does per frame.
"""

from __future__ import annotations

import mmap
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from figures import (
    Figure,
    median,
    progress,
    ratio,
    run_from_command_line,
    spread,
    use_headless_environment,
)

if TYPE_CHECKING:
    from sandbox.frames import Frame
    from studio.qt.game_view import FrameSource, GameView

GAME_WIDTH, GAME_HEIGHT = 800, 600
VIEW_WIDTH, VIEW_HEIGHT = 1000, 750
FRAME_BYTES = GAME_WIDTH * GAME_HEIGHT * 4
TARGET_MS = 1.5
GAME_FPS = 60

MOVING_GAME = '''"""Frame path probe: a full 800x600 picture that changes every frame."""
import math
import pygame

WIDTH, HEIGHT = 800, 600
FPS = 60
t = 0.0


def update(dt):
    global t
    t = t + dt


def draw(screen):
    shade = int(127 + 120 * math.sin(t))
    screen.fill((20, shade // 2, 60))
    for i in range(12):
        x = int(400 + 300 * math.cos(t * 1.3 + i * 0.52))
        y = int(300 + 200 * math.sin(t * 0.9 + i * 0.52))
        pygame.draw.circle(screen, (255, 200 - i * 12, 80 + i * 10), (x, y), 30)
    pygame.draw.rect(screen, (240, 240, 240), (int(t * 120) % WIDTH, 560, 60, 20))
'''


class PremadeFrames:
    """In-process frame source: hands out pre-made 800x600 frames at 60 fps."""

    def __init__(self, count: int = 4) -> None:
        from sandbox.frames import Frame

        self._frame_type = Frame
        self._pixels = [bytes([i * 40, 80, 200 - i * 40, 0]) * (FRAME_BYTES // 4)
                        for i in range(count)]
        self._started = time.perf_counter()

    def latest_frame(self, previous_number: int = -1) -> Frame | None:
        number = int((time.perf_counter() - self._started) * GAME_FPS) + 1
        if number <= previous_number:
            return None
        pixels = self._pixels[number % len(self._pixels)]
        return self._frame_type(number, GAME_WIDTH, GAME_HEIGHT, pixels)


@dataclass
class Samples:
    """Per-window results of both variants."""

    cpu_ms_per_frame: dict[str, list[float]] = field(default_factory=dict)
    paint_ms_per_frame: dict[str, list[float]] = field(default_factory=dict)
    painted_per_s: dict[str, list[float]] = field(default_factory=dict)
    copy_ms: list[float] = field(default_factory=list)

    def add(self, variant: str, cpu_ms: float, paint_ms: float, painted_per_s: float) -> None:
        self.cpu_ms_per_frame.setdefault(variant, []).append(cpu_ms)
        self.paint_ms_per_frame.setdefault(variant, []).append(paint_ms)
        self.painted_per_s.setdefault(variant, []).append(painted_per_s)


def run_qt_for(seconds: float) -> None:
    """Spin the Qt event loop (timers, paints) for `seconds`."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    loop.exec()


def measure_window(
    view: GameView, source: FrameSource, seconds: float
) -> tuple[float, float, float]:
    """(host CPU ms per painted frame, paintEvent ms per frame, frames painted per s)."""
    view.set_source(source)
    run_qt_for(0.3)  # warm up: first frame, image caches
    painted, paint_ms = view.frames_painted, view.paint_ms_total
    cpu_started, wall_started = time.process_time(), time.perf_counter()
    run_qt_for(seconds)
    cpu_ms = (time.process_time() - cpu_started) * 1000.0
    wall_s = time.perf_counter() - wall_started
    frames = view.frames_painted - painted
    view.set_source(None)
    if frames == 0:
        raise RuntimeError("the view painted no frames")
    return cpu_ms / frames, (view.paint_ms_total - paint_ms) / frames, frames / wall_s


def time_raw_copy(repetitions: int = 200) -> float:
    """Median ms of copying one 800x600x4 frame out of an mmap (as FrameReader does)."""
    memory = mmap.mmap(-1, FRAME_BYTES + 64)
    memory[64:] = b"\x7f" * FRAME_BYTES
    times = []
    for _ in range(repetitions):
        started = time.perf_counter()
        _copy = memory[64 : 64 + FRAME_BYTES]
        times.append((time.perf_counter() - started) * 1000.0)
    memory.close()
    return median(times)


def measure(quick: bool = False) -> list[Figure]:
    """Alternating windows of runner-fed and pre-made-frame painting in one GameView."""
    use_headless_environment()
    from PySide6.QtWidgets import QApplication

    from sandbox.host import GameHost
    from studio.qt.game_view import GameView

    app = QApplication.instance() or QApplication([])
    view, unscaled_view = GameView(), GameView()
    view.resize(VIEW_WIDTH, VIEW_HEIGHT)
    unscaled_view.resize(GAME_WIDTH, GAME_HEIGHT)
    view.show()
    unscaled_view.show()
    rounds, seconds = (3, 0.6) if quick else (5, 1.2)
    samples = Samples()
    with GameHost() as host:
        host.load_new(MOVING_GAME, "moving.py")
        deadline = time.monotonic() + 20
        while host.latest_frame() is None and time.monotonic() < deadline:
            time.sleep(0.01)
        if host.latest_frame() is None:
            raise RuntimeError(f"the probe game showed no frame: {host.poll_events()}")
        variants = {
            "runner": (view, host),
            "premade": (view, PremadeFrames()),
            "premade-unscaled": (unscaled_view, PremadeFrames()),
        }
        for round_index in range(rounds):
            order = list(variants) if round_index % 2 == 0 else list(reversed(variants))
            for variant in order:
                samples.add(variant, *measure_window(*variants[variant], seconds))
            samples.copy_ms.append(time_raw_copy())
            progress(f"frame_path: round {round_index + 1}/{rounds} done")
    view.close()
    unscaled_view.close()
    app.processEvents()
    return _figures(samples)


def _figures(samples: Samples) -> list[Figure]:
    cpu, paint, rate = samples.cpu_ms_per_frame, samples.paint_ms_per_frame, samples.painted_per_s
    subject, baseline = median(cpu["runner"]), median(cpu["premade"])
    paint_subject, paint_baseline = median(paint["runner"]), median(paint["premade"])
    copy = median(samples.copy_ms)
    unscaled = median(cpu["premade-unscaled"])
    return [
        Figure(
            benchmark="frame path: host CPU per painted frame, 800x600 game at 60 fps",
            subject=subject, baseline=baseline, unit="ms",
            target=f"<= {TARGET_MS:g} ms", ratio=ratio(subject, baseline),
            met=subject <= TARGET_MS,
            note=(f"runner {spread(cpu['runner'])}, {median(rate['runner']):.1f} frames/s; "
                  f"baseline = same GameView fed pre-made frames in-process, "
                  f"{spread(cpu['premade'])}, {median(rate['premade']):.1f} frames/s"),
        ),
        Figure(
            benchmark="frame path: GameView.paintEvent time per frame (1000x750 view)",
            subject=paint_subject, baseline=paint_baseline, unit="ms", target="(context)",
            ratio=ratio(paint_subject, paint_baseline),
            note="wall time, inflated when the machine is busy; subject = runner-fed, "
                 "baseline = pre-made frames",
        ),
        Figure(
            benchmark="frame path: host CPU per frame, pre-made frames, 1000x750 vs unscaled",
            subject=baseline, baseline=unscaled, unit="ms", target="(context)",
            ratio=ratio(baseline, unscaled),
            note=(f"baseline = pre-made frames in an 800x600 view (no scaling), "
                  f"{spread(cpu['premade-unscaled'])}; the difference is the 1.25x scale"),
        ),
        Figure(
            benchmark="frame path: raw copy of 800x600x4 bytes out of an mmap",
            subject=copy, baseline=float("nan"), unit="ms", target="(context)",
            ratio=float("nan"), note=f"{spread(samples.copy_ms)} (medians of 200 copies)",
        ),
    ]


def main() -> None:
    run_from_command_line(__doc__, measure)


if __name__ == "__main__":
    main()

"""F9 GIF capture: time to write the last 8 s of play, and what recording costs the GUI thread.

Usage: .venv/bin/python benchmarks/gif_capture.py [--quick] [--json]

Frames come from real games: a bench game (trusted, ours) is driven plainly with pygame
as in plain_game.py, 640x480, for 10 s at 60 fps (dt = 1/60), and every frame's B,G,R,X
bytes are offered to a `PlayRecorder` (8 s at 15 fps, 320 wide) with timestamps i/60,
exactly as the game view's frame observer does. The recorder then holds 120 frames of
320x240, the full F9 capture.

- **write:** subject `Recording.write_gif` (one shared fast-octree palette, optimize off,
  atomic file write) against Pillow's default animated GIF save of the same 120 RGB frames
  (a median-cut palette per frame, palette optimisation on), interleaved, median of the
  repetitions. Target: <= 2000 ms on this machine.
- **record:** the GUI-thread cost of one kept frame (B,G,R,X -> RGB, downscale) against
  one plain copy of the same frame's bytes (what taking a frame out of shared memory costs).
"""

from __future__ import annotations

import tempfile
import time
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

WIDTH, HEIGHT = 640, 480
RATE = 60
PLAY_SECONDS = 10
WRITE_TARGET_MS = 2000.0
GAMES = ("bricks", "snake")  # drawing-heavy with ~300 colours; typical


def record_game(name: str) -> tuple[object, list[float], list[float], list[float]]:
    """Play a bench game into a PlayRecorder; its snapshot and per-offer timings in microseconds.

    Returns (recording, kept offer us, skipped offer us, plain byte copy us).
    """
    import pygame

    from studio.library.gif_capture import PlayRecorder

    path = BENCH_GAMES_DIR / f"{name}.py"
    namespace: dict[str, object] = {"__name__": "game", "__file__": str(path)}
    exec(compile(path.read_text(), str(path), "exec"), namespace)  # noqa: S102 - trusted bench game
    screen = pygame.Surface((WIDTH, HEIGHT), 0, 32)  # as sandbox.console.Console makes it
    update, draw = namespace["update"], namespace["draw"]
    recorder = PlayRecorder(seconds=8.0, fps=15.0, max_width=320)
    kept: list[float] = []
    skipped: list[float] = []
    copies: list[float] = []
    for frame in range(PLAY_SECONDS * RATE):
        update(1 / RATE)  # type: ignore[operator]
        draw(screen)  # type: ignore[operator]
        buffer = screen.get_buffer()
        started = time.perf_counter()
        pixels = buffer.raw  # one copy of the frame, as FrameReader makes
        copies.append((time.perf_counter() - started) * 1e6)
        del buffer  # the surface stays locked while a buffer proxy lives
        before = recorder.snapshot().frames[-1:] if frame % 8 == 0 else None
        started = time.perf_counter()
        recorder.offer(WIDTH, HEIGHT, pixels, 100.0 + frame / RATE)
        elapsed = (time.perf_counter() - started) * 1e6
        if frame % 4 == 0:  # the recorder's 15 fps cadence over 60 fps offers
            kept.append(elapsed)
        else:
            skipped.append(elapsed)
        if before is not None:
            assert recorder.snapshot().frames[-1:] != before, "expected a kept frame"
    return recorder.snapshot(), kept, skipped, copies


def pillow_default_save(recording: object, path: Path) -> None:
    """The baseline: Pillow's own animated GIF save of the same RGB frames."""
    images = [frame.image for frame in recording.frames]  # type: ignore[attr-defined]
    images[0].save(
        path, "GIF", save_all=True, append_images=images[1:], duration=[67] * len(images), loop=0
    )


def measure(quick: bool = False) -> list[Figure]:
    """Median write time per game against Pillow's default, and the kept-frame cost."""
    use_headless_environment()
    import pygame

    pygame.init()  # the bench games use fonts
    pygame.display.set_mode((1, 1))
    repetitions = 3 if quick else 7
    figures: list[Figure] = []
    record_costs: dict[str, tuple[list[float], list[float], list[float]]] = {}
    with tempfile.TemporaryDirectory(prefix="gif-bench-") as folder:
        for name in GAMES:
            recording, kept, skipped, copies = record_game(name)
            record_costs[name] = (kept, skipped, copies)
            subject_ms: list[float] = []
            baseline_ms: list[float] = []
            sizes: dict[str, int] = {}
            for repetition in range(repetitions):
                for variant in (
                    ("subject", "baseline") if repetition % 2 else ("baseline", "subject")
                ):
                    path = Path(folder) / f"{name}-{variant}.gif"
                    started = time.perf_counter()
                    if variant == "subject":
                        info = recording.write_gif(path)  # type: ignore[attr-defined]
                    else:
                        pillow_default_save(recording, path)
                    elapsed = (time.perf_counter() - started) * 1000.0
                    (subject_ms if variant == "subject" else baseline_ms).append(elapsed)
                    sizes[variant] = path.stat().st_size
            progress(f"gif_capture: {name} done")
            subject, baseline = median(subject_ms), median(baseline_ms)
            figures.append(
                Figure(
                    benchmark=f"F9 GIF write, 8 s = {len(recording.frames)} frames "  # type: ignore[attr-defined]
                    f"{info.width}x{info.height} of {name}: shared palette vs Pillow default save",
                    subject=subject,
                    baseline=baseline,
                    unit="ms",
                    target=f"<= {WRITE_TARGET_MS:.0f} ms",
                    ratio=ratio(subject, baseline),
                    met=subject <= WRITE_TARGET_MS,
                    note=f"subject {spread(subject_ms)} ms, {info.frames} frames written (equal "
                    f"neighbours merged), {sizes['subject'] / 1024:.0f} KiB; baseline: Pillow's "
                    f"default GIF save (palette per frame, optimize on) of the same RGB frames, "
                    f"{spread(baseline_ms)} ms, {sizes['baseline'] / 1024:.0f} KiB; interleaved",
                )
            )
    kept = [value for costs in record_costs.values() for value in costs[0]]
    skipped = [value for costs in record_costs.values() for value in costs[1]]
    copies = [value for costs in record_costs.values() for value in costs[2]]
    kept_us, copy_us = median(kept), median(copies)
    figures.append(
        Figure(
            benchmark="F9 recording, GUI thread: one kept 640x480 frame (BGRX -> RGB 320x240) vs a copy of its bytes",
            subject=kept_us,
            baseline=copy_us,
            unit="us",
            target="(context)",
            ratio=ratio(kept_us, copy_us),
            note=f"kept offers {spread(kept)} us, 15 a second = {kept_us * 15 / 1e4:.2f}% of the GUI "
            f"thread; skipped offers (45 a second) median {median(skipped):.2f} us; baseline: "
            f"bytes of the 1.2 MB frame copied once, {spread(copies)} us; {', '.join(GAMES)}",
        )
    )
    return figures


def main() -> None:
    run_from_command_line(__doc__, measure)


if __name__ == "__main__":
    main()

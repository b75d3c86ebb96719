"""Thumbnails: a game's frame as a small PNG, captured by running the game in the sandbox only.

The game's code is untrusted, so `capture_thumbnail` never executes it here: it hands it
to a confined runner process (sandbox.runner_process) and reads the frame back from
shared memory, the way `studio check` does.
"""

from __future__ import annotations

import io
import threading
import time
from pathlib import Path

from PIL import Image

from sandbox.frames import BYTES_PER_PIXEL, Frame
from sandbox.observed_run import ObservedRun
from sandbox.runner_process import RunnerProcess, RunnerSettings

THUMBNAIL_SIZE = (256, 192)
POLL_S = 0.005
ALIVE_CHECK_S = 0.5
CAPTURE_SEED = 0
"""The game's random seed while captured, so the same code gives the same picture."""


def png_from_bgrx(
    width: int, height: int, pixels: bytes, max_size: tuple[int, int] = THUMBNAIL_SIZE
) -> bytes:
    """A PNG of a sandbox frame (B,G,R,X bytes, stride width*4; sandbox.frames.Frame), shrunk
    to fit within max_size with its aspect kept (never enlarged). ValueError for sizes that
    do not match the pixels."""
    if width <= 0 or height <= 0 or max_size[0] <= 0 or max_size[1] <= 0:
        raise ValueError(f"a frame of {width}x{height} cannot fit {max_size[0]}x{max_size[1]}")
    if len(pixels) < width * height * BYTES_PER_PIXEL:
        raise ValueError(f"{len(pixels)} bytes are too few for a {width}x{height} frame")
    image = Image.frombuffer("RGB", (width, height), pixels, "raw", "BGRX", 0, 1)
    scale = min(max_size[0] / width, max_size[1] / height, 1.0)
    if scale < 1.0:
        size = (max(1, round(width * scale)), max(1, round(height * scale)))
        image = image.resize(size, Image.Resampling.LANCZOS, reducing_gap=3.0)
    out = io.BytesIO()
    image.save(out, "PNG", compress_level=6)
    return out.getvalue()


def capture_thumbnail(
    code: str, assets_dir: Path, frames: int = 45, timeout_s: float = 10.0
) -> bytes | None:
    """Run the game headless in a sandboxed runner and return a PNG of its frame number
    `frames` (or its last, if it ends or waits for input sooner); None if the game is
    refused, raises, hangs, is killed, or shows no frame within `timeout_s`.

    Runs unpaced on virtual time (dt = 1/FPS), so it takes the game's compute time, not
    `frames` sixtieths of a second, and the same code gives the same picture. Blocks; call
    it off the GUI thread.
    """
    deadline = time.monotonic() + timeout_s
    settings = RunnerSettings(assets_dir=assets_dir, hang_timeout_s=min(3.0, timeout_s))
    runner = RunnerProcess(settings)
    try:
        if not runner.wait_ready(max(0.0, deadline - time.monotonic())):
            return None
        run = ObservedRun(runner)
        # Sampled: the first frame and the last (frame `frames`), which the host copies itself.
        run.start(code, "game.py", frames, None, CAPTURE_SEED, sample_every=max(1, frames))
        run.watch(threading.Event(), deadline)
        if run.ran_to_the_end:
            frame = run.last_frame
        elif _ended_or_waiting(run):
            frame = runner.latest_frame()
        else:
            return None
        return _png_of(frame) if frame is not None else None
    finally:
        runner.close()


def _ended_or_waiting(run: ObservedRun) -> bool:
    """The game ended by itself, or (still running) waits for input having drawn something;
    False if it failed, was stopped, or hangs."""
    if run.done.is_set():
        return run.ended_cleanly
    # Still running: a game that waits for input (event.wait) is fine if it drew something
    # and still beats; a hung one (its heartbeat stopped) is not.
    return run.runner.frames.frame_number() > 0 and _still_beating(run.runner)


def _still_beating(runner: RunnerProcess) -> bool:
    """True if the runner's heartbeat moves within ALIVE_CHECK_S (it beats every ~50 ms idle)."""
    beat = runner.frames.heartbeat()
    until = time.monotonic() + ALIVE_CHECK_S
    while time.monotonic() < until and runner.alive:
        if runner.frames.heartbeat() != beat:
            return True
        time.sleep(POLL_S)
    return False


def _png_of(frame: Frame) -> bytes | None:
    try:
        return png_from_bgrx(frame.width, frame.height, frame.pixels)
    except ValueError:  # a runner could publish anything: never trust its header
        return None

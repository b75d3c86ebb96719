"""GIF capture: keep the last seconds of play, downscaled, and write them as an animated GIF.

`PlayRecorder.offer` is called with every frame the game view takes (on the GUI thread,
about 60 times a second). Offers closer than 1/fps to the cadence are skipped with one
comparison; a kept frame is converted from the runner's B,G,R,X bytes and downscaled
with Pillow (about 0.35 ms for 640x480 here, benchmarks/gif_capture.py) into a ring that
holds `seconds` of play.

Writing is fast because every frame is mapped onto ONE palette, built once with Pillow's
fast octree from every frame subsampled (every 2nd pixel across and down): Pillow's default (a median-cut palette
per frame, then a palette optimisation pass) took about 10x longer on the same frames.
The shared palette also makes Pillow's frame differencing cheap (equal palettes compare
as indices), so each frame after the first is written as the rectangle that changed.
Frame durations come from the real timestamps; a pause in play is shortened to
MAX_FRAME_GAP_S so the GIF does not freeze on it.
"""

from __future__ import annotations

import io
import math
import threading
import time
from collections import deque
from dataclasses import dataclass
from pathlib import Path

from PIL import Image

from studio.files import atomic_file

MAX_FRAME_GAP_S = 0.5
"""A longer gap between kept frames (the game was paused or hidden) counts as this much play."""

MIN_FRAME_CS = 2
"""Shortest frame duration written, in centiseconds: players show shorter frames for 100 ms."""

PALETTE_SAMPLE_STEP = 2
"""The shared palette is built from every frame, sampling every 2nd pixel across and down."""

_CADENCE_SLACK = 0.1
"""Fraction of the sampling interval an offer may come early and still be kept (timer jitter)."""


@dataclass(frozen=True)
class GifInfo:
    """A GIF that was written: where, how many frames, its size and length, and the write time."""

    path: Path
    frames: int
    width: int
    height: int
    duration_s: float
    write_ms: float


@dataclass(frozen=True)
class RecordedFrame:
    """One kept frame: its play time in seconds (pauses shortened) and the downscaled RGB picture."""

    play_at: float
    image: Image.Image


@dataclass(frozen=True)
class Recording:
    """The frames a recorder held at one moment; written to a GIF off the GUI thread."""

    frames: tuple[RecordedFrame, ...]
    last_duration_s: float

    def write_gif(self, path: Path) -> GifInfo:
        """Write the frames as a looping animated GIF at `path` (atomically); ValueError if empty."""
        if not self.frames:
            raise ValueError("nothing recorded yet")
        started = time.perf_counter()
        images, durations_ms = _gif_frames(self.frames, self.last_duration_s)
        buffer = io.BytesIO()
        images[0].save(
            buffer,
            "GIF",
            save_all=True,
            append_images=images[1:],
            duration=durations_ms,
            loop=0,
            optimize=False,
        )
        _write_atomically(path, buffer.getvalue())
        width, height = images[0].size
        return GifInfo(
            path=path,
            frames=len(images),
            width=width,
            height=height,
            duration_s=sum(durations_ms) / 1000.0,
            write_ms=(time.perf_counter() - started) * 1000.0,
        )


class PlayRecorder:
    """Keeps the last `seconds` of play, sampled at `fps` and downscaled to `max_width`; no Qt.

    `offer` runs on the GUI thread and `write_gif` (or `snapshot().write_gif`) may run on a
    worker thread: the ring is guarded by a lock, taken only for kept frames.
    """

    def __init__(self, seconds: float = 8.0, fps: float = 15.0, max_width: int = 320) -> None:
        if seconds <= 0 or fps <= 0 or max_width < 1:
            raise ValueError("seconds and fps must be positive and max_width at least 1")
        self.seconds = seconds
        self.fps = fps
        self.max_width = max_width
        self._interval = 1.0 / fps
        self._slack = self._interval * _CADENCE_SLACK
        self._frames: deque[RecordedFrame] = deque(maxlen=max(1, math.ceil(seconds * fps)))
        self._lock = threading.Lock()
        self._next_offer_at = -math.inf  # offers before this are skipped
        self._last_at = 0.0
        self._source_size: tuple[int, int] | None = None

    def offer(self, width: int, height: int, pixels: bytes, at: float) -> None:
        """A B,G,R,X frame (stride width*4) shown at `at` (time.monotonic()); kept if it is due.

        ValueError for a size that is not positive or pixels shorter than width*height*4.
        """
        if at < self._next_offer_at:
            return  # the common case at 60 fps: one comparison
        if width < 1 or height < 1 or len(pixels) < width * height * 4:
            raise ValueError(f"a {width}x{height} frame needs {width * height * 4} bytes of pixels")
        due = self._next_offer_at + self._slack
        # Keep the cadence while offers keep up; after a pause, count again from this frame.
        next_due = due + self._interval if at < due + self._interval else at + self._interval
        self._next_offer_at = next_due - self._slack
        image = _downscaled_rgb(width, height, pixels, self.max_width)
        with self._lock:
            if self._source_size != (width, height):
                self._frames.clear()  # a new size (another game, a resized one): start over
                self._source_size = (width, height)
            if self._frames:
                gap = min(at - self._last_at, MAX_FRAME_GAP_S)
                play_at = self._frames[-1].play_at + max(gap, 0.0)
            else:
                play_at = 0.0
            self._last_at = at
            self._frames.append(RecordedFrame(play_at, image))
            # The ring's length bounds memory; this bounds the time it spans.
            keep_span = self.seconds - self._interval * 0.5
            while play_at - self._frames[0].play_at > keep_span:
                self._frames.popleft()

    def clear(self) -> None:
        """Forget everything recorded (a new game was loaded)."""
        with self._lock:
            self._frames.clear()
            self._source_size = None
            self._next_offer_at = -math.inf

    @property
    def frame_count(self) -> int:
        """How many frames the ring holds now."""
        return len(self._frames)

    def snapshot(self) -> Recording:
        """The frames held now, to be written later (e.g. on a worker thread)."""
        with self._lock:
            frames = tuple(self._frames)
        return Recording(frames, self._interval)

    def write_gif(self, path: Path) -> GifInfo:
        """What was recorded, as an animated GIF at `path`; ValueError if nothing was recorded."""
        return self.snapshot().write_gif(path)


def downscaled_size(width: int, height: int, max_width: int) -> tuple[int, int]:
    """The size a width x height frame is recorded at: at most max_width wide, aspect kept."""
    if width <= max_width:
        return width, height
    return max_width, max(1, round(height * max_width / width))


def _downscaled_rgb(width: int, height: int, pixels: bytes, max_width: int) -> Image.Image:
    """The B,G,R,X frame as an RGB image no wider than max_width (aspect kept)."""
    image = Image.frombuffer("RGB", (width, height), pixels, "raw", "BGRX", 0, 1)
    size = downscaled_size(width, height, max_width)
    if size == (width, height):
        return image.copy()  # frombuffer may share the caller's buffer
    # reducing_gap=1: box-reduce by the whole factor first (fast), then bilinear for the rest.
    return image.resize(size, Image.Resampling.BILINEAR, reducing_gap=1.0)


def _gif_frames(
    frames: tuple[RecordedFrame, ...], last_duration_s: float
) -> tuple[list[Image.Image], list[int]]:
    """Palette images on one shared palette and their durations in ms; equal neighbours merged."""
    palette = _shared_palette([frame.image for frame in frames])
    durations_cs = _durations_cs([frame.play_at for frame in frames], last_duration_s)
    images: list[Image.Image] = []
    merged_cs: list[int] = []
    previous = b""
    for frame, duration in zip(frames, durations_cs, strict=True):
        indexed = frame.image.quantize(palette=palette, dither=Image.Dither.NONE)
        pixels = indexed.tobytes()
        if images and pixels == previous:
            merged_cs[-1] += duration  # the same picture: show it longer
            continue
        images.append(indexed)
        merged_cs.append(duration)
        previous = pixels
    return images, [centiseconds * 10 for centiseconds in merged_cs]


def _shared_palette(images: list[Image.Image]) -> Image.Image:
    """A 256-colour palette image for all frames, from a mosaic of every frame, subsampled.

    Every frame takes part so a colour seen only briefly (a flash, an explosion) still gets
    an entry; nearest-neighbour subsampling keeps the real colours (no blends) at a quarter
    of the pixels, which keeps the octree at about 15 ms for 120 frames of 320x240.
    """
    width, height = images[0].size
    size = (max(1, width // PALETTE_SAMPLE_STEP), max(1, height // PALETTE_SAMPLE_STEP))
    mosaic = Image.new("RGB", (size[0], size[1] * len(images)))
    for index, image in enumerate(images):
        sample = image.resize(size, Image.Resampling.NEAREST) if size != image.size else image
        mosaic.paste(sample, (0, index * size[1]))
    return mosaic.quantize(256, method=Image.Quantize.FASTOCTREE)


def _durations_cs(play_times: list[float], last_duration_s: float) -> list[int]:
    """Whole centiseconds per frame whose running sum follows the real times (no drift)."""
    ends = [*play_times[1:], play_times[-1] + last_duration_s]
    durations = []
    shown_until = round(play_times[0] * 100)
    for end in ends:
        target = round(end * 100)
        duration = max(MIN_FRAME_CS, target - shown_until)
        durations.append(duration)
        shown_until += duration
    return durations


def _write_atomically(path: Path, data: bytes) -> None:
    """Write `data` to `path` through a temporary file in the same folder and a rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with atomic_file(path, temporary_suffix=".part") as file:
        file.write(data)

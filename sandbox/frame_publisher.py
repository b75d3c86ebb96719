"""Copies the game's screen into shared frame memory and keeps check-mode frame statistics."""

from __future__ import annotations

import time
import zlib
from dataclasses import dataclass

import pygame

from sandbox.frames import FrameWriter

MAX_SAMPLED_HASHES = 4096
UNPACED_COPY_INTERVAL_S = 1 / 120


@dataclass(frozen=True)
class FrameStats:
    """What a check run learned from the frames it published."""

    elapsed_s: float
    hashes: tuple[int, ...]
    blank: bool


def _is_frame_layout(surface: pygame.Surface) -> bool:
    """32-bit XRGB rows with no padding: byte for byte what the host reads."""
    return (
        surface.get_bytesize() == 4
        and surface.get_pitch() == surface.get_width() * 4
        and surface.get_masks()[:3] == (0xFF0000, 0x00FF00, 0x0000FF)
    )


class FramePublisher:
    """One blit per frame into the memfd; optional hashing of sampled frames."""

    def __init__(self, writer: FrameWriter) -> None:
        self._writer = writer
        self._targets: dict[tuple[int, int], pygame.Surface] = {}
        self.sample_every = 0
        self.virtual_ms_at_last_frame = -1.0
        self._hashes: list[int] = []
        self._all_blank = True
        self._first_frame_at: float | None = None
        self._frames = 0
        self._last_copied_at = 0.0

    def beat(self) -> None:
        """Tell the host's watchdog the runner is alive."""
        self._writer.beat()

    def publish(self, screen: pygame.Surface, virtual_ms: float, must_show: bool = True) -> None:
        """Make `screen` the newest frame the host can read.

        With `must_show` False (an unpaced check run), frames that come faster than any
        display could show are counted but not copied: the game's throughput is what
        a check measures, and sampled frames are always copied (they are hashed).
        """
        self.virtual_ms_at_last_frame = virtual_ms
        now = time.perf_counter()
        if self._first_frame_at is None:
            self._first_frame_at = now
        self._frames += 1
        sampled = bool(self.sample_every) and (self._frames - 1) % self.sample_every == 0
        if not (must_show or sampled or now - self._last_copied_at >= UNPACED_COPY_INTERVAL_S):
            self._writer.beat()
            return
        self._last_copied_at = now
        size = screen.get_size()
        writer = self._writer
        writer.begin()
        if _is_frame_layout(screen):
            # Same byte layout as the frame memory: one plain copy, no conversion.
            buffer = screen.get_buffer()
            writer.pixels(*size)[:] = memoryview(buffer).cast("B")  # type: ignore[arg-type]
            del buffer  # unlocks the surface
        else:
            self._target(size).blit(screen, (0, 0))
        writer.commit(*size)
        writer.beat()
        if sampled:
            self._sample(self._writer.pixels(*size))

    def _target(self, size: tuple[int, int]) -> pygame.Surface:
        target = self._targets.get(size)
        if target is None:
            # A surface whose pixels *are* the shared memory: the blit is the copy.
            target = pygame.image.frombuffer(self._writer.pixels(*size), size, "BGRA")
            self._targets = {size: target}
        return target

    def _sample(self, pixels: memoryview) -> None:
        if len(self._hashes) < MAX_SAMPLED_HASHES:
            self._hashes.append(zlib.crc32(pixels))
        if self._all_blank:
            first = bytes(pixels[:4])
            self._all_blank = pixels.tobytes() == first * (len(pixels) // 4)

    def stats(self) -> FrameStats:
        """Timing and hashes since the first frame."""
        elapsed = time.perf_counter() - self._first_frame_at if self._first_frame_at else 0.0
        return FrameStats(elapsed, tuple(self._hashes), self._all_blank and self._frames > 0)

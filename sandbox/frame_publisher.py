"""Copies the game's screen into shared frame memory, one numbered frame per game frame."""

from __future__ import annotations

import time

import pygame

from sandbox.frames import FrameWriter

UNPACED_COPY_INTERVAL_S = 1 / 120


def _is_frame_layout(surface: pygame.Surface) -> bool:
    """32-bit XRGB rows with no padding: byte for byte what the host reads."""
    return (
        surface.get_bytesize() == 4
        and surface.get_pitch() == surface.get_width() * 4
        and surface.get_masks()[:3] == (0xFF0000, 0x00FF00, 0x0000FF)
    )


class FramePublisher:
    """One blit per shown frame into the memfd; every frame, shown or not, gets its number.

    The header's frame number is what the host counts a check run's frames by, so it
    moves on every game frame. The pixels of a frame that is not shown stay those of the
    last shown one; nobody reads them (an unpaced check shows a frame at most every
    UNPACED_COPY_INTERVAL_S, plus every frame it hands to the host).
    """

    def __init__(self, writer: FrameWriter) -> None:
        self._writer = writer
        self._targets: dict[tuple[int, int], pygame.Surface] = {}
        self.virtual_ms_at_last_frame = -1.0
        self._last_copied_at = 0.0
        self._shown_size: tuple[int, int] | None = None

    @property
    def frame_number(self) -> int:
        """Number of the last frame published (0 before the first)."""
        return self._writer.frame_number

    def beat(self) -> None:
        """Tell the host's watchdog the runner is alive."""
        self._writer.beat()

    def publish(self, screen: pygame.Surface, virtual_ms: float, must_show: bool = True) -> None:
        """Make `screen` the newest frame: its pixels if shown, its number always.

        With `must_show` False (an unpaced check run), frames that come faster than any
        display could show are numbered but not copied: a check measures the game's
        throughput, and the frames it judges are always shown.
        """
        self.virtual_ms_at_last_frame = virtual_ms
        now = time.perf_counter()
        size = screen.get_size()
        show = must_show or size != self._shown_size or now - self._last_copied_at >= UNPACED_COPY_INTERVAL_S
        writer = self._writer
        writer.begin()
        if show:
            self._last_copied_at = now
            self._shown_size = size
            if _is_frame_layout(screen):
                # Same byte layout as the frame memory: one plain copy, no conversion.
                buffer = screen.get_buffer()
                writer.pixels(*size)[:] = memoryview(buffer).cast("B")  # type: ignore[arg-type]
                del buffer  # unlocks the surface
            else:
                self._target(size).blit(screen, (0, 0))
        writer.commit(*size)
        writer.beat()

    def _target(self, size: tuple[int, int]) -> pygame.Surface:
        target = self._targets.get(size)
        if target is None:
            # A surface whose pixels *are* the shared memory: the blit is the copy.
            target = pygame.image.frombuffer(self._writer.pixels(*size), size, "BGRA")
            self._targets = {size: target}
        return target

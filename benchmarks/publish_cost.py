"""Cost of publishing one 640x480 frame into shared memory, against a plain byte copy.

Usage: .venv/bin/python benchmarks/publish_cost.py [--quick] [--json]

Every frame a runner plays ends in `FramePublisher.publish(screen)`, which blits the
game's screen into a surface over the shared frame memory. The baseline copies the
same screen bytes into the same memory with a memoryview assignment (what a
same-format copy costs). Both run in this process, alternating frame by frame, with a
little drawing in between so the caches look like a game's.
"""

from __future__ import annotations

import os
import time

from figures import Figure, median, progress, ratio, run_from_command_line, use_headless_environment

WIDTH, HEIGHT = 640, 480


def measure(quick: bool = False) -> list[Figure]:
    """Median microseconds per publish and per plain copy, interleaved."""
    use_headless_environment()
    import pygame

    from sandbox import frames
    from sandbox.frame_publisher import FramePublisher

    pygame.display.init()
    pygame.display.set_mode((1, 1))
    fd, memory = frames.create_frame_memory()
    os.close(fd)  # the mapping stays
    writer = frames.FrameWriter(memory)
    publisher = FramePublisher(writer)
    screen = pygame.Surface((WIDTH, HEIGHT), 0, 32)  # as sandbox.console.Console makes it
    target = writer.pixels(WIDTH, HEIGHT)

    def plain_copy() -> None:
        with memoryview(screen.get_buffer()) as source:
            target[:] = source.cast("B")

    timings: dict[str, list[float]] = {"publish": [], "copy": []}
    for frame in range(1000 if quick else 3000):
        screen.fill((frame % 256, 40, 90))
        pygame.draw.circle(screen, (250, 250, 200), (frame % WIDTH, HEIGHT // 2), 40)
        variant = "publish" if frame % 2 else "copy"
        started = time.perf_counter()
        if variant == "publish":
            publisher.publish(screen, 0.0)
        else:
            plain_copy()
        timings[variant].append((time.perf_counter() - started) * 1e6)
    progress("publish_cost: done")
    target.release()
    publish, copy = median(timings["publish"]), median(timings["copy"])
    return [Figure(
        benchmark="frame publish, 640x480: FramePublisher.publish vs plain copy of the bytes",
        subject=publish, baseline=copy, unit="us", target="(context)",
        ratio=ratio(publish, copy),
        note="per frame, in-process; the runner pays `subject` on every frame it plays",
    )]


def main() -> None:
    run_from_command_line(__doc__, measure)


if __name__ == "__main__":
    main()

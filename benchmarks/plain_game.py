"""Run one game file plainly (no sandbox) for N unpaced frames and print its fps as JSON.

Usage: python benchmarks/plain_game.py GAME.py FRAMES

This is the baseline of sandbox_overhead.py, started there as a fresh subprocess: real
pygame on a dummy display, the game exec'd into a dict with real modules, then
update(1/60), draw(screen) and pygame.display.flip() per frame. Timing mirrors how
`studio check` times the sandbox (sandbox/observed_run.py): the clock starts when the
first frame is shown and fps = frames / elapsed.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

FRAME_DT_S = 1 / 60


def run_plain(path: Path, frames: int) -> float:
    """Frames per second of the game at `path`, exec'd and driven with no sandbox."""
    import pygame

    pygame.init()
    namespace: dict[str, object] = {"__name__": "game", "__file__": str(path)}
    source = path.read_text()
    exec(compile(source, str(path), "exec"), namespace)  # noqa: S102 - trusted bench game
    width, height = namespace.get("WIDTH", 640), namespace.get("HEIGHT", 480)
    screen = pygame.display.set_mode((width, height))
    update, draw = namespace["update"], namespace["draw"]
    first_frame_at = 0.0
    for frame in range(frames):
        update(FRAME_DT_S)  # type: ignore[operator]
        draw(screen)  # type: ignore[operator]
        pygame.display.flip()
        if frame == 0:
            first_frame_at = time.perf_counter()
    elapsed = time.perf_counter() - first_frame_at
    return frames / elapsed if elapsed > 0 else 0.0


def main(argv: list[str]) -> None:
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    path, frames = Path(argv[0]), int(argv[1])
    print(json.dumps({"fps": run_plain(path, frames)}))


if __name__ == "__main__":
    main(sys.argv[1:])

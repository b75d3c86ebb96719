"""Make docs/gallery.png: the gallery over a library of starter games, as the README shows it.

Builds a library in a temporary folder from eight games of assets/starters, each with a
thumbnail captured by running it in the sandbox (studio.library.thumbnails), two of them
imported as shared (untrusted) games, and a GIF capture of the selected one recorded from a
sandboxed run; then opens the gallery offscreen and saves what it paints.

    .venv/bin/python scripts/screenshot_gallery.py [-o docs/gallery.png]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sandbox.host import GameHost, RunnerSettings  # noqa: E402
from studio.library.games import GameLibrary  # noqa: E402
from studio.library.gif_capture import PlayRecorder  # noqa: E402
from studio.library.store import VersionStore  # noqa: E402
from studio.library.thumbnails import capture_thumbnail  # noqa: E402
from studio.pipeline.titles import title_of  # noqa: E402
from studio.settings import Paths  # noqa: E402

# (starter file, prompt, plays, shared by) — oldest first: the gallery lists the newest first.
GAMES = (
    ("maze.py", "a maze with a timer", 2, "Mia"),
    ("pong.py", "pong for two players", 9, ""),
    ("asteroids.py", "asteroids with lots of rocks", 4, "Ravi"),
    ("flappy.py", "flappy bird but slower", 12, ""),
    ("platformer.py", "a platformer with low gravity", 3, ""),
    ("space_invaders.py", "space invaders in green", 7, ""),
    ("breakout.py", "breakout with rainbow bricks", 5, ""),
    ("snake.py", "a blue snake that gets faster", 15, ""),
)
SELECTED = "snake.py"
GIF_SECONDS = 2.5


def build_library(folder: Path, paths: Paths) -> tuple[GameLibrary, dict[str, int], list[str]]:
    """The games, with sandbox-captured thumbnails: the library, file → game id, and the
    files whose thumbnail could not be captured."""
    library = GameLibrary(VersionStore(folder / "library.sqlite3"))
    codes = {name: (paths.starters / name).read_text(encoding="utf-8") for name, *_ in GAMES}
    with ThreadPoolExecutor(max_workers=2) as pool:  # each capture is its own sandboxed runner
        thumbnails = dict(zip(codes, pool.map(lambda code: capture_thumbnail(code, paths.asset_pack), codes.values()), strict=True))
    ids = {}
    for name, prompt, plays, author in GAMES:
        code = codes[name]
        game = library.add_game(
            title_of(code, name), code, prompt=prompt, model="offline starter kit",
            author=author, trusted=not author, origin="imported" if author else "made",
            thumbnail_png=thumbnails[name],
        )
        for _ in range(plays):
            library.count_play(game.id)
        ids[name] = game.id
        time.sleep(0.01)  # distinct update times: a stable order
    return library, ids, [name for name, png in thumbnails.items() if png is None]


def record_gif(code: str, paths: Paths, target: Path) -> bytes | None:
    """A short GIF of the game playing in the sandbox, as F9 would save it."""
    recorder = PlayRecorder(seconds=GIF_SECONDS)
    with GameHost(RunnerSettings(assets_dir=paths.asset_pack)) as host:
        host.load_new(code, "game.py")
        number, deadline = -1, time.monotonic() + GIF_SECONDS + 10
        started: float | None = None
        while time.monotonic() < deadline:
            frame = host.latest_frame(number)
            if frame is not None:
                number = frame.number
                started = started or time.monotonic()
                recorder.offer(frame.width, frame.height, frame.pixels, time.monotonic())
            if started is not None and time.monotonic() - started > GIF_SECONDS:
                break
            time.sleep(0.01)
    if recorder.frame_count == 0:
        return None
    recorder.write_gif(target)
    return target.read_bytes()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-o", "--output", type=Path, default=ROOT / "docs" / "gallery.png")
    args = parser.parse_args()

    from PySide6.QtWidgets import QApplication

    from studio.qt.gallery import GalleryWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    paths = Paths()
    with tempfile.TemporaryDirectory(prefix="gallery-shot-") as folder:
        library, ids, missing = build_library(Path(folder), paths)
        gif = record_gif(library.code(ids[SELECTED]), paths, Path(folder) / "capture.gif")
        if gif is not None:
            library.set_gif(ids[SELECTED], gif)
        gallery = GalleryWindow(library)
        gallery.resize(1290, 560)
        gallery.show()
        gallery.select_game(ids[SELECTED])
        deadline = time.monotonic() + 1.5  # let the GIF play a few frames and the layout settle
        while time.monotonic() < deadline:
            app.processEvents()
            time.sleep(0.02)
        args.output.parent.mkdir(parents=True, exist_ok=True)
        if not gallery.grab().save(str(args.output)):
            print(f"could not write {args.output}", file=sys.stderr)
            return 1
        gallery.close()
        library.store.close()
    print(f"wrote {args.output}" + (f" (no thumbnail for {', '.join(missing)})" if missing else ""))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

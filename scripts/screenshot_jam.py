"""Screenshots of the jam screen for the README: a jam mid-play (docs/jam.png) and its results
(docs/jam_results.png).

Runs offscreen on a throwaway data folder: a jam with four starter games as entries and a few
votes, the second entry playing in the sandbox with a vote half given.

    .venv/bin/python scripts/screenshot_jam.py [--out-dir docs]
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

ENTRIES = (
    ("snake.py", "Ada"),
    ("breakout.py", "Bo"),
    ("space_invaders.py", "Cy"),
    ("flappy.py", "Dee"),
)
VOTES = {  # voter: stars (fun, theme, look) per entry, in ENTRIES order
    "Ada": ((4, 3, 4), (5, 4, 4), (4, 4, 5), (3, 3, 4)),
    "Bo": ((5, 4, 4), (4, 4, 5), (3, 4, 4), (4, 2, 3)),
    "Cy": ((4, 4, 3), (5, 5, 4), (4, 3, 4), (3, 4, 3)),
}
PLAYING = 1  # breakout
FRAMES_BEFORE_GRAB = 90
TIMEOUT_S = 60.0


def _wait(app, condition, timeout_s: float = TIMEOUT_S) -> bool:  # noqa: ANN001
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        app.processEvents()
        if condition():
            return True
        time.sleep(0.01)
    return False


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out-dir", type=Path, default=ROOT / "docs")
    args = parser.parse_args(argv)
    home = tempfile.mkdtemp(prefix="minigame-jam-shot-")
    os.environ["MINIGAME_STUDIO_HOME"] = home

    from PySide6.QtWidgets import QApplication

    from studio.library.cartridge import Cartridge
    from studio.library.jam_themes import draw_theme
    from studio.library.jams import JamStore
    from studio.library.store import VersionStore
    from studio.pipeline.titles import title_of
    from studio.qt.jam_window import JamWindow
    from studio.settings import Paths

    app = QApplication.instance() or QApplication(sys.argv[:1])
    paths = Paths()
    store = VersionStore(paths.library_file())
    jam_store = JamStore(store)
    now = time.time()
    earlier = jam_store.create_jam("Spring Jam", "Growing", 72 * 3600, now=now - 40 * 86400)
    jam_store.start(earlier.id, now=now - 40 * 86400)
    jam = jam_store.create_jam(
        "Weekend Jam", draw_theme(random.Random(4)), 48 * 3600, now=now - 30 * 3600
    )
    jam_store.start(jam.id, now=now - 29 * 3600 - 17 * 60 - 42)
    entries = []
    for file_name, author in ENTRIES:
        code = (paths.starters / file_name).read_text(encoding="utf-8")
        cartridge = Cartridge(title=title_of(code, file_name), code=code)
        entries.append(jam_store.add_entry(jam.id, cartridge, author))
    for voter, ballots in VOTES.items():
        for entry, (fun, theme, look) in zip(entries, ballots, strict=True):
            jam_store.vote(entry.id, voter, fun, theme, look)

    window = JamWindow(jam_store, None, paths)
    window.resize(1280, 800)
    window.show()
    try:
        window.play.vote_panel.voter.setText("Eve")
        window.play_entries(PLAYING)
        playing = _wait(app, lambda: window.play.view.frames_received >= FRAMES_BEFORE_GRAB)
        if not playing:
            print(f"the entry did not play: {window.player.status.message}", file=sys.stderr)
            return 1
        window.play.vote_panel.fun.set_value(5)
        window.play.vote_panel.theme.set_value(4)
        window.play.vote_panel.fun.setFocus()
        _wait(app, lambda: False, 0.3)
        args.out_dir.mkdir(parents=True, exist_ok=True)
        play_path, results_path = args.out_dir / "jam.png", args.out_dir / "jam_results.png"
        window.grab().save(str(play_path))
        window.tabs.setCurrentWidget(window.results)
        _wait(app, lambda: False, 0.3)
        window.grab().save(str(results_path))
        print(f"wrote {play_path} and {results_path}")
        return 0
    finally:
        window.close()
        jam_store.close()
        store.close()


if __name__ == "__main__":
    raise SystemExit(main())

"""Crash safety of the game library: a writer killed at any moment loses nothing it reported saved.

A real writer process (tests/studio/library_writer.py) adds versions, games, thumbnails,
renames, duplicates and plays to a real SQLite file and prints each fact once its write
has returned. The test SIGKILLs it at seeded random moments (start-up, schema creation,
mid-write) and after every kill checks the file: SQLite's integrity check, every printed
fact (versions by the hash of their code), and that the store and library open and work.
"""

from __future__ import annotations

import hashlib
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from studio.library.game_fields import PNG_SIGNATURE
from studio.library.games import GameLibrary
from studio.library.store import VersionStore

ROOT = Path(__file__).resolve().parents[2]
KILLS = 30
SEED = 20261129


@dataclass
class Promised:
    """What the writers said was saved, newest value of each."""

    versions: dict[int, str] = field(default_factory=dict)  # id → sha256 of the code
    games: dict[int, int] = field(default_factory=dict)  # id → root version
    heads: dict[int, int] = field(default_factory=dict)
    thumbnails: dict[int, int] = field(default_factory=dict)
    titles: dict[int, int] = field(default_factory=dict)
    plays: dict[int, int] = field(default_factory=dict)

    def take(self, line: str) -> None:
        tag, *values = line.split()
        first, second = int(values[0]), values[1]
        if tag == "V":
            self.versions[first] = second
        else:
            table = {
                "G": self.games,
                "H": self.heads,
                "T": self.thumbnails,
                "N": self.titles,
                "P": self.plays,
            }[tag]
            table[first] = int(second)


def test_no_saved_game_version_or_thumbnail_is_lost_when_the_writer_is_killed(
    tmp_path: Path,
) -> None:
    path = tmp_path / "data" / "library.sqlite3"
    rng = random.Random(SEED)
    promised = Promised()
    for round_number in range(KILLS):
        lines = _run_and_kill(path, f"r{round_number}", rng)
        for line in lines:
            if line.endswith("\n"):  # a line cut by the kill was not promised
                promised.take(line)
        _assert_intact(path, promised, f"round {round_number} (seed {SEED})")
    assert len(promised.versions) > KILLS and len(promised.games) > KILLS // 2, (
        "the kills should land while the library is being written"
    )
    assert promised.thumbnails and promised.titles and promised.heads and promised.plays


def _run_and_kill(path: Path, prefix: str, rng: random.Random) -> list[str]:
    """Start a writer, kill it after a random number of reported writes (or none), return
    every line it printed."""
    writer = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "tests.studio.library_writer",
            str(path),
            prefix,
            str(rng.randrange(2**32)),
        ],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    printed: list[str] = []
    try:
        # Some kills land during start-up or while the tables are created, most mid-write.
        wanted = rng.choice([0, 1, rng.randint(2, 40), rng.randint(2, 40)])
        assert writer.stdout is not None and writer.stderr is not None
        while len(printed) < wanted:
            line = writer.stdout.readline()
            if not line:
                break
            printed.append(line)
        time.sleep(rng.uniform(0, 0.15) if wanted == 0 else rng.uniform(0, 0.01))
        os.kill(writer.pid, signal.SIGKILL)
        rest = writer.stdout.read()  # through readline()'s buffer, not communicate()
        err = writer.stderr.read()
        writer.wait(timeout=30)
    finally:
        if writer.poll() is None:
            writer.kill()
            writer.communicate()
    assert writer.returncode == -signal.SIGKILL, f"{prefix}: the writer died on its own: {err}"
    return printed + rest.splitlines(keepends=True)


def _assert_intact(path: Path, promised: Promised, where: str) -> None:
    if not path.exists():
        assert not promised.versions, where
        return
    raw = sqlite3.connect(path)
    try:
        assert raw.execute("PRAGMA integrity_check").fetchall() == [("ok",)], where
        for version_id, digest in promised.versions.items():
            row = raw.execute("SELECT code FROM versions WHERE id = ?", (version_id,)).fetchone()
            assert row is not None, f"{where}: version {version_id} was reported saved, then lost"
            assert hashlib.sha256(row[0].encode()).hexdigest() == digest, (
                f"{where}: version {version_id} changed"
            )
        tables = {row[0] for row in raw.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        # A kill while the tables were being created leaves all of a schema or none of it.
        assert "games" in tables or not promised.games, f"{where}: the games table was lost"
        games = {
            row[0]: row[1:]
            for row in raw.execute(
                "SELECT id, root_version_id, head_version_id, title, play_count FROM games"
            )
        } if "games" in tables else {}
    finally:
        raw.close()
    store = VersionStore(path)  # what the app does next: open it and carry on
    try:
        library = GameLibrary(store)
        for game_id, root_id in promised.games.items():
            assert game_id in games, f"{where}: game {game_id} was reported saved, then lost"
            root, head, title, plays = games[game_id]
            assert root == root_id, f"{where}: game {game_id} lost its root"
            assert head >= promised.heads.get(game_id, root_id), (
                f"{where}: game {game_id} lost its head"
            )
            assert head in {v.id for v in store.versions_of_lineage(root_id)}, where
            assert plays >= promised.plays.get(game_id, 0), f"{where}: game {game_id} lost plays"
            if game_id in promised.titles:
                assert int(title.rsplit(" ", 1)[1]) >= promised.titles[game_id], (
                    f"{where}: rename lost"
                )
            if game_id in promised.thumbnails:
                png = library.thumbnail(game_id)
                assert png is not None and png.startswith(PNG_SIGNATURE), f"{where}: thumbnail lost"
                number = int(png[len(PNG_SIGNATURE) :].split(b":", 1)[0])
                assert number >= promised.thumbnails[game_id], (
                    f"{where}: thumbnail {game_id} went back"
                )
        # And it works: a new game, a version recorded on it, and the list.
        game = library.add_game("after the crash", '"""Check."""\n', thumbnail_png=PNG_SIGNATURE)
        tweak = store.add("tweak", "check", "x = 1\n", "test", True, game.root_version_id)
        assert library.record_version(tweak).head_version_id == tweak
        assert game.id in {g.id for g in library.games("after the crash")}
        library.delete(game.id)
    finally:
        store.close()
    # A kill before the first open finished may leave a new file in rollback-journal mode
    # (nothing was promised yet); any open by the store turns WAL on for good.
    check = sqlite3.connect(path)
    try:
        assert check.execute("PRAGMA journal_mode").fetchone()[0] == "wal", where
    finally:
        check.close()

"""The version store: round trip, outcomes, order, WAL, and no saved version lost to a crash.

Real SQLite files only. The crash test SIGKILLs a real writer process at random moments
(seeded, so a failure can be replayed) and checks the file after each kill.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

from studio.library.store import Version, VersionStore

KILLS = 20
SEED = 20240611



# --- round trip -------------------------------------------------------------------------------


def test_a_version_round_trips(store: VersionStore) -> None:
    code = '"""Snake 🐍. Arrows steer."""\nimport pygame\n\nNAME = "贪吃蛇"\n'
    before = time.time()
    version_id = store.add(
        "make", "a red snake 贪吃蛇", code, "fake-coder-1", False, timings={"ttft_ms": 12.5}
    )
    version = store.get(version_id)
    assert version == Version(
        id=version_id,
        parent_id=None,
        kind="make",
        prompt="a red snake 贪吃蛇",
        code=code,
        model="fake-coder-1",
        offline=False,
        created_at=version.created_at if version else 0.0,
        timings={"ttft_ms": 12.5},
        outcome=None,
    )
    assert version is not None and before - 1 <= version.created_at <= time.time() + 1
    assert store.get(version_id + 1000) is None

    child = store.add(
        "repair", "a red snake 贪吃蛇", code + "# fixed\n", "offline starter kit", True, version_id
    )
    repaired = store.get(child)
    assert repaired is not None
    assert repaired.parent_id == version_id and repaired.offline is True and repaired.timings == {}
    assert child != version_id


def test_the_parent_folder_is_created_and_the_file_reopens(tmp_path: Path) -> None:
    path = tmp_path / "a" / "b" / "lib.sqlite3"
    first = VersionStore(path)
    version_id = first.add("make", "pong", "import pygame\n", "m", False)
    first.close()
    second = VersionStore(path)
    try:
        version = second.get(version_id)
        assert version is not None and version.code == "import pygame\n"
        assert second.add("make", "pong", "x = 1\n", "m", False) > version_id
    finally:
        second.close()


def test_record_outcome_sets_the_outcome_and_timings(store: VersionStore) -> None:
    version_id = store.add("make", "pong", "import pygame\n", "m", False, timings={"ttft_ms": 1.0})
    other = store.add("make", "pong", "import pygame\n", "m", False)
    store.record_outcome(
        version_id, "refused", {"ttft_ms": 3.5, "stream_ms": 80.25, "ready_ms": 0.0, "tokens": 410}
    )
    version = store.get(version_id)
    assert version is not None
    assert version.outcome == "refused"
    assert version.timings == {"ttft_ms": 3.5, "stream_ms": 80.25, "ready_ms": 0.0, "tokens": 410}
    untouched = store.get(other)
    assert untouched is not None and untouched.outcome is None and untouched.timings == {}


def test_recent_is_newest_first_and_limited(store: VersionStore) -> None:
    ids = [store.add("make", f"game {i}", f"n = {i}\n", "m", False) for i in range(30)]
    recent = store.recent()
    assert [v.id for v in recent] == list(reversed(ids))[:20]
    assert [v.prompt for v in store.recent(3)] == ["game 29", "game 28", "game 27"]
    assert store.recent(0) == []


def test_the_file_is_in_wal_mode(store: VersionStore) -> None:
    store.add("make", "pong", "import pygame\n", "m", False)
    other = sqlite3.connect(store.path)
    try:
        assert other.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        other.close()
    assert Path(f"{store.path}-wal").exists()


def test_a_reader_sees_a_version_as_soon_as_add_returns(store: VersionStore) -> None:
    reader = sqlite3.connect(store.path)
    try:
        for i in range(5):
            version_id = store.add("make", "pong", f"n = {i}\n", "m", False)
            row = reader.execute("SELECT code FROM versions WHERE id = ?", (version_id,)).fetchone()
            assert row == (f"n = {i}\n",)
    finally:
        reader.close()


def test_two_stores_on_one_file_write_in_turn(tmp_path: Path) -> None:
    # The window and a `studio make` may hold the same library open at once.
    path = tmp_path / "lib.sqlite3"
    stores = [VersionStore(path), VersionStore(path)]
    added: list[list[int]] = [[], []]

    def write(index: int) -> None:
        for i in range(50):
            added[index].append(
                stores[index].add("make", f"w{index}", f"n = {i}\n" * 200, "m", False)
            )

    threads = [threading.Thread(target=write, args=(i,)) for i in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    try:
        all_ids = added[0] + added[1]
        assert len(set(all_ids)) == 100
        assert {v.id for v in stores[0].recent(200)} == set(all_ids)
    finally:
        for versions in stores:
            versions.close()


# --- crash safety -----------------------------------------------------------------------------

WRITER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from studio.library.store import VersionStore

    store = VersionStore(Path(sys.argv[1]))
    prefix = sys.argv[2]
    i = 0
    while True:
        prompt = f"{prefix}-{i}"
        code = (prompt + "\\n") * (1 + (i * 7919) % 1000)  # 10 bytes to ~20 KB: overflow pages
        version_id = store.add("make", prompt, code, "writer", False, None, {"i": float(i)})
        if i % 3 == 0:
            store.record_outcome(version_id, "ok", {"i": float(i), "ready_ms": 1.5})
        print(version_id, prompt, flush=True)
        i += 1
    """
)


def expected_code(prompt: str) -> str:
    i = int(prompt.rsplit("-", 1)[1])
    return (prompt + "\n") * (1 + (i * 7919) % 1000)


def test_no_saved_version_is_lost_when_the_writer_is_killed(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite3"
    rng = random.Random(SEED)
    promised: dict[int, str] = {}
    for round_number in range(KILLS):
        writer = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(path), f"r{round_number}"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        printed: list[str] = []
        try:
            # Some kills land during start-up or while the schema is created, most while writing.
            wanted = rng.choice([0, 1, rng.randint(2, 40), rng.randint(2, 40)])
            assert writer.stdout is not None
            while len(printed) < wanted:
                line = writer.stdout.readline()
                if not line:
                    break
                printed.append(line)
            time.sleep(rng.uniform(0, 0.15) if wanted == 0 else rng.uniform(0, 0.02))
            os.kill(writer.pid, signal.SIGKILL)
            # Through the same buffered reader as readline() (communicate() would skip its buffer).
            rest = writer.stdout.read()
            err = writer.stderr.read() if writer.stderr else ""
            writer.wait(timeout=30)
        finally:
            if writer.poll() is None:
                writer.kill()
                writer.communicate()
        assert writer.returncode == -signal.SIGKILL, f"the writer died on its own: {err}"
        printed.extend(rest.splitlines(keepends=True))
        for line in printed:
            if line.endswith("\n"):  # a line cut by the kill was not promised
                version_id, prompt = line.split()
                promised[int(version_id)] = prompt
        _assert_intact(path, promised, round_number)
    assert len(promised) > KILLS, "the kills should land while versions are being written"


def _assert_intact(path: Path, promised: dict[int, str], round_number: int) -> None:
    if not path.exists():
        assert not promised
        return
    connection = sqlite3.connect(path)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)], (
            f"round {round_number}"
        )
    finally:
        connection.close()
    store = VersionStore(path)  # what the app does next: open it again
    try:
        for version_id, prompt in promised.items():
            version = store.get(version_id)
            assert version is not None, (
                f"round {round_number}: version {version_id} ({prompt}) was printed, then lost"
            )
            assert version.prompt == prompt and version.code == expected_code(prompt)
            i = int(prompt.rsplit("-", 1)[1])
            if i % 3 == 0:  # its outcome was recorded before its id was printed
                assert version.outcome == "ok" and version.timings == {
                    "i": float(i),
                    "ready_ms": 1.5,
                }
            else:
                assert version.outcome is None and version.timings == {"i": float(i)}
    finally:
        store.close()
    check = sqlite3.connect(path)
    try:
        assert check.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        check.close()

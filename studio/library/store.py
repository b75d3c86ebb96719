"""SQLite store of game versions: every generated, repaired or edited program, kept before it runs.

One file in the user's data folder, in WAL mode, so a crash at any moment loses no
version that was saved. Games and thumbnails (games.py) and jams live in the same file
and use this store's connection through `connection()` and `transaction()`.
"""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

SCHEMA = """
CREATE TABLE IF NOT EXISTS versions (
    id INTEGER PRIMARY KEY,
    parent_id INTEGER REFERENCES versions(id),
    kind TEXT NOT NULL,
    prompt TEXT NOT NULL,
    code TEXT NOT NULL,
    model TEXT NOT NULL,
    offline INTEGER NOT NULL,
    created_at REAL NOT NULL,
    timings TEXT NOT NULL,
    outcome TEXT
);
CREATE INDEX IF NOT EXISTS versions_by_parent ON versions(parent_id);
"""

_COLUMNS = "id, parent_id, kind, prompt, code, model, offline, created_at, timings, outcome"
"""The columns of a Version, in _version's order."""

BUSY_TIMEOUT_S = 10.0
"""How long a write waits for another connection (another studio process) to finish its own."""


@dataclass(frozen=True)
class Version:
    """One program the studio produced, with what it was asked and how long it took."""

    id: int
    parent_id: int | None
    kind: str  # "make", "repair" (later: "tweak", "edit")
    prompt: str
    code: str
    model: str
    offline: bool
    created_at: float
    timings: dict[str, float] = field(default_factory=dict)
    outcome: str | None = None  # the check status once known


class VersionStore:
    """Versions in one SQLite file; safe from any thread.

    One connection, guarded by one re-entrant lock: every method holds it, and so do
    `connection()` and `transaction()`, through which other parts of the library (games,
    jams) use the same connection. So a version saved from a worker thread can never land
    inside, or be rolled back with, another thread's transaction. Other processes on the
    same file take turns through SQLite's own locking (waiting up to BUSY_TIMEOUT_S).
    """

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self._lock = threading.RLock()
        self._db = sqlite3.connect(path, timeout=BUSY_TIMEOUT_S, isolation_level=None, check_same_thread=False)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")  # WAL + NORMAL: durable across app crashes
        self.create_tables(SCHEMA)

    def create_tables(self, schema: str) -> None:
        """Create a schema's missing tables and indexes all at once: a crash leaves all or none.

        Not executescript, which would commit a caller's transaction half-way."""
        with self.transaction() as db:
            for statement in schema.split(";"):
                if statement.strip():
                    db.execute(statement)

    @contextmanager
    def connection(self) -> Iterator[sqlite3.Connection]:
        """The store's connection, for this thread alone while the block runs (autocommit)."""
        with self._lock:
            yield self._db

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """The store's connection inside one write transaction: all of the block is saved, or
        none of it (an exception rolls it back). Nested blocks join the outer transaction;
        store methods called inside it (add, record_outcome) are part of it."""
        with self._lock:
            if self._db.in_transaction:
                yield self._db
                return
            # IMMEDIATE takes the write lock up front, so a read-then-write block never
            # fails half-way on another process's write (SQLITE_BUSY_SNAPSHOT in WAL).
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield self._db
                self._db.execute("COMMIT")
            except BaseException:
                if self._db.in_transaction:  # SQLite may have rolled back already
                    self._db.execute("ROLLBACK")
                raise

    def add(
        self, kind: str, prompt: str, code: str, model: str, offline: bool,
        parent_id: int | None = None, timings: dict[str, float] | None = None,
    ) -> int:
        """Save a version now (before it runs) and return its id."""
        with self._lock:
            cursor = self._db.execute(
                "INSERT INTO versions (parent_id, kind, prompt, code, model, offline, created_at, timings)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (parent_id, kind, prompt, code, model, int(offline), time.time(), json.dumps(timings or {})),
            )
            return int(cursor.lastrowid or 0)

    def record_outcome(self, version_id: int, outcome: str, timings: dict[str, float]) -> None:
        """Add what happened when the version ran."""
        with self._lock:
            self._db.execute(
                "UPDATE versions SET outcome = ?, timings = ? WHERE id = ?",
                (outcome, json.dumps(timings), version_id),
            )

    def get(self, version_id: int) -> Version | None:
        """One version, or None."""
        row = self._fetchone(f"SELECT {_COLUMNS} FROM versions WHERE id = ?", (version_id,))
        return _version(row) if row else None

    def recent(self, limit: int = 20) -> list[Version]:
        """The newest versions first."""
        rows = self._fetchall(f"SELECT {_COLUMNS} FROM versions ORDER BY id DESC LIMIT ?", (limit,))
        return [_version(row) for row in rows]

    def children(self, version_id: int) -> list[Version]:
        """The versions made from this one (its parent_id), oldest first."""
        rows = self._fetchall(
            f"SELECT {_COLUMNS} FROM versions WHERE parent_id = ? ORDER BY id", (version_id,)
        )
        return [_version(row) for row in rows]

    def versions_of_lineage(self, version_id: int) -> list[Version]:
        """Every version of this one's family, oldest first: its first ancestor (following
        parent_id) and all that ancestor's descendants. Empty if the id is unknown."""
        rows = self._fetchall(
            "WITH RECURSIVE"
            " up(id, parent_id) AS ("
            "  SELECT id, parent_id FROM versions WHERE id = ?"
            "  UNION SELECT v.id, v.parent_id FROM versions v JOIN up ON v.id = up.parent_id),"
            " down(id) AS ("
            "  SELECT id FROM up WHERE parent_id IS NULL"
            "  UNION SELECT v.id FROM versions v JOIN down ON v.parent_id = down.id)"
            f" SELECT {_COLUMNS} FROM versions WHERE id IN (SELECT id FROM down) ORDER BY id",
            (version_id,),
        )
        return [_version(row) for row in rows]

    def previous(self, version_id: int | None = None) -> Version | None:
        """The newest version saved before `version_id` (the newest of all for None)."""
        row = self._fetchone(
            f"SELECT {_COLUMNS} FROM versions WHERE id < ? ORDER BY id DESC LIMIT 1",
            (version_id if version_id is not None else 2**63 - 1,),
        )
        return _version(row) if row else None

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def _fetchone(self, sql: str, parameters: tuple[object, ...]) -> tuple | None:  # type: ignore[type-arg]
        with self._lock:
            return self._db.execute(sql, parameters).fetchone()  # type: ignore[no-any-return]

    def _fetchall(self, sql: str, parameters: tuple[object, ...]) -> list[tuple]:  # type: ignore[type-arg]
        with self._lock:
            return self._db.execute(sql, parameters).fetchall()


def _version(row: tuple) -> Version:  # type: ignore[type-arg]
    return Version(
        id=row[0], parent_id=row[1], kind=row[2], prompt=row[3], code=row[4], model=row[5],
        offline=bool(row[6]), created_at=row[7], timings=json.loads(row[8]), outcome=row[9],
    )

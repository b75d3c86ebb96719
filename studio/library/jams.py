"""Game jams in the library file: jams with a countdown, their entries and the players' votes.

A jam has a name, a theme and a duration; starting it fixes when it ends. An entry is a
snapshot of a cartridge (its code is stored verbatim and never run here: entries are
untrusted and only ever run in the sandbox). A vote gives an entry 1-5 stars for fun, theme
and look; a voter has one vote per entry, and voting again replaces it. Ranking lives in
studio/library/jam_results.py.

The core does not police deadlines: late entries and entries collected from jam packs
after the countdown are the organiser's call, so the jam screen shows the countdown and
decides. Tables live in the same SQLite file as studio/library/store.py (WAL), on the
store's connection and lock.
"""

from __future__ import annotations

import time
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from studio.library.cartridge import MAX_CODE_BYTES, MAX_DESCRIPTION_CHARS, Cartridge
from studio.library.jam_results import EntryResult, rank_entries
from studio.library.store import VersionStore

MIN_DURATION_S = 60
MAX_DURATION_S = 14 * 24 * 3600
NAME_LENGTH = 80
"""Characters kept of a jam's name, its theme and an entry's title."""
PERSON_LENGTH = 60
"""Characters kept of an author's or a voter's name."""
STARS = range(1, 6)

SCHEMA = """
CREATE TABLE IF NOT EXISTS jams (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    theme TEXT NOT NULL,
    duration_s INTEGER NOT NULL,
    created_at REAL NOT NULL,
    started_at REAL
);
CREATE TABLE IF NOT EXISTS jam_entries (
    id INTEGER PRIMARY KEY,
    jam_id INTEGER NOT NULL REFERENCES jams(id),
    title TEXT NOT NULL,
    author TEXT NOT NULL,
    code TEXT NOT NULL,
    description TEXT NOT NULL,
    thumbnail_png BLOB,
    added_at REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS jam_entries_by_jam ON jam_entries(jam_id);
CREATE TABLE IF NOT EXISTS jam_votes (
    entry_id INTEGER NOT NULL REFERENCES jam_entries(id),
    voter TEXT NOT NULL COLLATE NOCASE,
    fun INTEGER NOT NULL,
    theme INTEGER NOT NULL,
    look INTEGER NOT NULL,
    voted_at REAL NOT NULL,
    PRIMARY KEY (entry_id, voter)
);
"""

MAX_ENTRY_THUMBNAIL_BYTES = 1_000_000
"""A picture taken while an entry played is at most this big (as a cartridge's thumbnail)."""

_ENTRY_COLUMNS = "id, jam_id, title, author, code, description, thumbnail_png, added_at"
_JAM_COLUMNS = "id, name, theme, duration_s, created_at, started_at"


class JamError(Exception):
    """A jam request the user can fix; the message is one line saying what to do."""


@dataclass(frozen=True)
class Jam:
    """One jam: what to make, and for how long once started."""

    id: int
    name: str
    theme: str
    duration_s: int
    created_at: float
    started_at: float | None  # None until the organiser starts the countdown

    @property
    def ends_at(self) -> float | None:
        """When the countdown reaches zero (time.time() seconds), None before the start."""
        return None if self.started_at is None else self.started_at + self.duration_s

    def remaining_s(self, now: float) -> float:
        """Seconds left at `now`: the whole duration before the start, never below 0."""
        ends_at = self.ends_at
        return float(self.duration_s) if ends_at is None else max(0.0, ends_at - now)

    def is_over(self, now: float) -> bool:
        """True once a started jam's countdown has reached zero."""
        ends_at = self.ends_at
        return ends_at is not None and now >= ends_at


@dataclass(frozen=True)
class Entry:
    """A game entered in a jam: a snapshot of its cartridge (untrusted code, kept verbatim)."""

    id: int
    jam_id: int
    title: str
    author: str
    code: str
    description: str
    thumbnail_png: bytes | None
    added_at: float


@dataclass(frozen=True)
class Vote:
    """One voter's stars (1-5 each) for one entry."""

    entry_id: int
    voter: str
    fun: int
    theme: int
    look: int


class JamStore:
    """Jams, entries and votes in the VersionStore's SQLite file, on its connection (so as
    thread-safe as the store: every call holds the store's lock)."""

    def __init__(self, store: VersionStore) -> None:
        self._store = store
        store.create_tables(SCHEMA)

    def close(self) -> None:
        """Nothing to release: the VersionStore owns the connection; close that instead."""

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """All the changes made inside (by this store, the version store or the library)
        are saved together or not at all; nested blocks join the outer one."""
        with self._store.transaction():
            yield

    # -- jams -----------------------------------------------------------------------------

    def create_jam(self, name: str, theme: str, duration_s: int, now: float | None = None) -> Jam:
        """A new jam, not started yet. JamError for an empty name or theme, or a duration
        outside 1 minute .. 14 days."""
        name = one_line(name, NAME_LENGTH)
        theme = one_line(theme, NAME_LENGTH)
        if not name:
            raise JamError("The jam needs a name: type one.")
        if not theme:
            raise JamError("The jam needs a theme: type one or draw one from the list.")
        duration_s = check_duration(duration_s)
        with self._store.connection() as db:
            cursor = db.execute(
                "INSERT INTO jams (name, theme, duration_s, created_at) VALUES (?, ?, ?, ?)",
                (name, theme, duration_s, time.time() if now is None else now),
            )
        return self.get(int(cursor.lastrowid or 0))

    def start(self, jam_id: int, now: float | None = None) -> Jam:
        """Start the countdown at `now` (default: the current time). JamError if it already ran."""
        with self.transaction():
            jam = self.get(jam_id)
            if jam.started_at is not None:
                raise JamError(f"The jam “{jam.name}” has already started.")
            self._execute(
                "UPDATE jams SET started_at = ? WHERE id = ?",
                (time.time() if now is None else now, jam_id),
            )
            return self.get(jam_id)

    def jams(self) -> list[Jam]:
        """Every jam, newest first."""
        return [
            Jam(*row) for row in self._fetchall(f"SELECT {_JAM_COLUMNS} FROM jams ORDER BY id DESC")
        ]

    def get(self, jam_id: int) -> Jam:
        """The jam; JamError if there is no such jam."""
        rows = self._fetchall(f"SELECT {_JAM_COLUMNS} FROM jams WHERE id = ?", (jam_id,))
        if not rows:
            raise JamError(f"There is no jam #{jam_id}: it may have been deleted.")
        return Jam(*rows[0])

    def delete_jam(self, jam_id: int) -> None:
        """Remove the jam with its entries and votes (for good)."""
        with self.transaction():
            self.get(jam_id)
            self._execute(
                "DELETE FROM jam_votes WHERE entry_id IN (SELECT id FROM jam_entries WHERE jam_id = ?)",
                (jam_id,),
            )
            self._execute("DELETE FROM jam_entries WHERE jam_id = ?", (jam_id,))
            self._execute("DELETE FROM jams WHERE id = ?", (jam_id,))

    # -- entries --------------------------------------------------------------------------

    def add_entry(
        self,
        jam_id: int,
        cartridge: Cartridge,
        author: str = "",
        now: float | None = None,
    ) -> Entry:
        """Enter a snapshot of the cartridge (its code verbatim, never run here) by `author`
        (default: the cartridge's author). JamError if neither names an author."""
        author = one_line(author, PERSON_LENGTH) or one_line(cartridge.author, PERSON_LENGTH)
        if not author:
            raise JamError("Every entry needs an author: type who made this game.")
        if not cartridge.code.strip():
            raise JamError("This game has no code, so it cannot be entered.")
        if len(cartridge.code.encode("utf-8", "surrogatepass")) > MAX_CODE_BYTES:
            raise JamError(
                f"This game's code is over {MAX_CODE_BYTES // 1_000_000} MB; a jam entry is at most that big."
            )
        title = one_line(cartridge.title, NAME_LENGTH) or "Untitled game"
        with self.transaction():
            self.get(jam_id)
            entry_id = self._execute(
                "INSERT INTO jam_entries (jam_id, title, author, code, description, thumbnail_png,"
                " added_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    jam_id,
                    title,
                    author,
                    cartridge.code,
                    cartridge.description[:MAX_DESCRIPTION_CHARS],
                    cartridge.thumbnail_png,
                    time.time() if now is None else now,
                ),
            )
            return self.entry(entry_id)

    def entry(self, entry_id: int) -> Entry:
        """One entry; JamError if there is no such entry."""
        rows = self._fetchall(f"SELECT {_ENTRY_COLUMNS} FROM jam_entries WHERE id = ?", (entry_id,))
        if not rows:
            raise JamError(f"There is no jam entry #{entry_id}: it may have been removed.")
        return _entry(rows[0])

    def entries(self, jam_id: int) -> list[Entry]:
        """The jam's entries in the order they were added (the order to play them in)."""
        self.get(jam_id)
        rows = self._fetchall(
            f"SELECT {_ENTRY_COLUMNS} FROM jam_entries WHERE jam_id = ? ORDER BY id", (jam_id,)
        )
        return [_entry(row) for row in rows]

    def set_entry_thumbnail(self, entry_id: int, png: bytes) -> bool:
        """Keep a picture taken while the entry played, for an entry that came without one
        (an entry's own thumbnail is never replaced); True if it was stored."""
        if not png.startswith(b"\x89PNG\r\n\x1a\n") or len(png) > MAX_ENTRY_THUMBNAIL_BYTES:
            raise JamError("an entry's picture must be a PNG image of at most 1 MB")
        with self.transaction():
            self.entry(entry_id)
            with self._store.connection() as db:
                cursor = db.execute(
                    "UPDATE jam_entries SET thumbnail_png = ? WHERE id = ? AND thumbnail_png IS NULL",
                    (png, entry_id),
                )
                return cursor.rowcount == 1

    def remove_entry(self, entry_id: int) -> None:
        """Take the entry out of its jam, with its votes."""
        with self.transaction():
            self.entry(entry_id)
            self._execute("DELETE FROM jam_votes WHERE entry_id = ?", (entry_id,))
            self._execute("DELETE FROM jam_entries WHERE id = ?", (entry_id,))

    # -- votes ----------------------------------------------------------------------------

    def vote(
        self,
        entry_id: int,
        voter: str,
        fun: int,
        theme: int,
        look: int,
        now: float | None = None,
    ) -> Vote:
        """Record `voter`'s stars for the entry, replacing their earlier vote on it (voter
        names match case-insensitively). JamError for an empty name or stars outside 1-5."""
        voter = one_line(voter, PERSON_LENGTH)
        if not voter:
            raise JamError("Votes need the voter's name: type who is voting.")
        for label, stars in (("fun", fun), ("theme", theme), ("look", look)):
            if isinstance(stars, bool) or not isinstance(stars, int) or stars not in STARS:
                raise JamError(
                    f"Stars for {label} must be a whole number from 1 to 5, not {stars!r}."
                )
        with self.transaction():
            self.entry(entry_id)
            self._execute(
                "INSERT INTO jam_votes (entry_id, voter, fun, theme, look, voted_at)"
                " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (entry_id, voter) DO UPDATE SET"
                " voter = excluded.voter, fun = excluded.fun, theme = excluded.theme,"
                " look = excluded.look, voted_at = excluded.voted_at",
                (entry_id, voter, fun, theme, look, time.time() if now is None else now),
            )
        return Vote(entry_id, voter, fun, theme, look)

    def votes(self, jam_id: int) -> list[Vote]:
        """Every vote on the jam's entries, by entry then in the order first cast."""
        self.get(jam_id)
        rows = self._fetchall(
            "SELECT v.entry_id, v.voter, v.fun, v.theme, v.look FROM jam_votes v"
            " JOIN jam_entries e ON e.id = v.entry_id WHERE e.jam_id = ?"
            " ORDER BY v.entry_id, v.rowid",
            (jam_id,),
        )
        return [Vote(*row) for row in rows]

    def results(self, jam_id: int) -> list[EntryResult]:
        """The jam's entries ranked best first (see jam_results.rank_entries)."""
        with self._store.connection():  # no thread of this app votes in between
            return rank_entries(self.entries(jam_id), self.votes(jam_id))

    def _execute(self, sql: str, parameters: tuple[object, ...]) -> int:
        """Run one change; the new row's id for an INSERT."""
        with self._store.connection() as db:
            return int(db.execute(sql, parameters).lastrowid or 0)

    def _fetchall(self, sql: str, parameters: tuple[object, ...] = ()) -> list[tuple]:  # type: ignore[type-arg]
        with self._store.connection() as db:
            return db.execute(sql, parameters).fetchall()


def check_duration(duration_s: object) -> int:
    """The duration as whole seconds; JamError unless it is 1 minute .. 14 days."""
    if isinstance(duration_s, bool) or not isinstance(duration_s, int | float):
        raise JamError("The jam's duration must be a number of seconds.")
    if not MIN_DURATION_S <= duration_s <= MAX_DURATION_S:
        raise JamError("A jam lasts from 1 minute to 14 days: pick a duration in that range.")
    return int(duration_s)


_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
"""Direction overrides: a stranger's name could use them to show text reversed."""


def one_line(text: str, limit: int) -> str:
    """`text` as one trimmed line without control characters or direction overrides, cut to
    `limit` characters: how names and titles are stored."""
    printable = "".join(
        " "
        if unicodedata.category(c) in ("Cc", "Cs", "Zs", "Zl", "Zp") or c in _BIDI_CONTROLS
        else c
        for c in text
    )
    return " ".join(printable.split())[:limit]


def _entry(row: tuple) -> Entry:  # type: ignore[type-arg]
    return Entry(
        id=row[0],
        jam_id=row[1],
        title=row[2],
        author=row[3],
        code=row[4],
        description=row[5],
        thumbnail_png=bytes(row[6]) if row[6] is not None else None,
        added_at=row[7],
    )

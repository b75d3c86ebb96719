"""The game library: games built on the version store's lineages, with titles, thumbnails and play counts.

A game is a lineage of versions (studio/library/store.py): a root version (parent_id
NULL) and every version made from it. The `games` table adds what the user sees: a
title, the head version the game opens at, a play count, trust, origin and author;
`game_media` holds its thumbnail and latest GIF capture. Everything lives in the
store's SQLite file and goes through the store's connection and lock, so a change that
touches several rows (a new game and its first version, a duplicate) is one
transaction, and a version saved from a worker thread never lands inside another
thread's transaction. Nothing is ever removed: a deleted game is only hidden.
"""

from __future__ import annotations

import sqlite3
import time
from dataclasses import dataclass

from studio.library.game_fields import (
    TITLE_MAX,
    LibraryError,
    check_media,
    clean_title,
    cut,
    fallback_title,
    fold,
    fold_or_empty,
    required_title,
)
from studio.library.store import VersionStore
from studio.pipeline.titles import title_of

SCHEMA = """
CREATE TABLE IF NOT EXISTS games (
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL,
    root_version_id INTEGER NOT NULL UNIQUE REFERENCES versions(id),
    head_version_id INTEGER NOT NULL REFERENCES versions(id),
    created_at REAL NOT NULL,
    updated_at REAL NOT NULL,
    play_count INTEGER NOT NULL DEFAULT 0,
    trusted INTEGER NOT NULL DEFAULT 1,
    origin TEXT NOT NULL DEFAULT 'made',
    author TEXT NOT NULL DEFAULT '',
    deleted_at REAL
);
CREATE INDEX IF NOT EXISTS games_by_update ON games(updated_at);
CREATE TABLE IF NOT EXISTS game_media (
    game_id INTEGER NOT NULL REFERENCES games(id),
    kind TEXT NOT NULL,
    data BLOB NOT NULL,
    saved_at REAL NOT NULL,
    PRIMARY KEY (game_id, kind)
);
"""

ORIGINS = ("made", "imported", "jam")
COPY_SUFFIX = " (copy)"

_GAME_COLUMNS = (
    "g.id, g.title, g.root_version_id, g.head_version_id, g.created_at, g.updated_at,"
    " g.play_count, g.trusted, g.origin, g.author,"
    " EXISTS (SELECT 1 FROM game_media m WHERE m.game_id = g.id AND m.kind = 'thumbnail'),"
    " EXISTS (SELECT 1 FROM game_media m WHERE m.game_id = g.id AND m.kind = 'gif'),"
    " g.deleted_at"
)
"""A Game's columns in _game's order, then deleted_at."""

_ROOT_OF = (
    "WITH RECURSIVE up(id, parent_id) AS ("
    " SELECT id, parent_id FROM versions WHERE id = ?"
    " UNION SELECT v.id, v.parent_id FROM versions v JOIN up ON v.id = up.parent_id)"
    " SELECT MIN(id) FROM up"
)
"""A version's first ancestor; parents are always older, so the smallest id (also when a
parent_id points nowhere). UNION, not UNION ALL: a corrupt cycle still ends."""

_NEWEST_PLAYABLE = (
    "WITH RECURSIVE down(id) AS ("
    " SELECT ? UNION SELECT v.id FROM versions v JOIN down ON v.parent_id = down.id)"
    " SELECT v.id, v.code, v.created_at FROM versions v WHERE v.id IN (SELECT id FROM down)"
    " AND v.kind != 'partial' AND (v.outcome IS NULL OR v.outcome = 'ok') ORDER BY v.id DESC LIMIT 1"
)
"""The newest version of a lineage (given its root) that ran, or may have: what it opens at."""

_SEARCH = (
    "WITH RECURSIVE lineage(game_id, version_id) AS ("
    " SELECT id, root_version_id FROM games WHERE deleted_at IS NULL"
    " UNION SELECT l.game_id, v.id FROM versions v JOIN lineage l ON v.parent_id = l.version_id)"
    f" SELECT {_GAME_COLUMNS} FROM games g WHERE g.deleted_at IS NULL AND ("
    " instr(library_fold(g.title), :needle) > 0 OR instr(library_fold(g.author), :needle) > 0"
    " OR g.id IN (SELECT l.game_id FROM lineage l JOIN versions v ON v.id = l.version_id"
    "  WHERE v.kind != 'edit' AND instr(library_fold(v.prompt), :needle) > 0))"
    " ORDER BY g.updated_at DESC, g.id DESC"
)
"""Games whose title, author or any version's prompt holds the folded needle (hand edits
have no prompt, only a label)."""


@dataclass(frozen=True)
class Game:
    """One game in the library: a lineage of versions (a root and its descendants)."""

    id: int
    title: str
    root_version_id: int  # first version of the game's lineage (versions table, store.py)
    head_version_id: int  # the version the game opens at (the newest that ran)
    created_at: float
    updated_at: float
    play_count: int
    trusted: bool  # False for imported cartridges / jam entries until the user keeps them
    origin: str  # "made" | "imported" | "jam"
    author: str
    has_thumbnail: bool
    has_gif: bool


class GameLibrary:
    """The games in a VersionStore's file; safe from any thread.

    Every call runs on the store's connection under the store's lock (VersionStore.
    connection / transaction), so the GUI thread may use the library while a worker saves
    versions, and a thumbnail may be set from a worker. Ids that do not exist raise
    LibraryError. `get`, `games` and `game_of_version` hide deleted games; a deleted game
    can still be read (code, thumbnail, gif), get media set, and be restored with
    `undo_delete`, but not renamed, duplicated, kept or played until then.
    """

    def __init__(self, store: VersionStore) -> None:
        """Use `store`'s file and connection; creates the library's tables if missing."""
        self.store = store
        with store.connection() as db:
            db.create_function("library_fold", 1, fold_or_empty, deterministic=True)
        store.create_tables(SCHEMA)

    # -- games from versions ------------------------------------------------------------

    def record_version(self, version_id: int) -> Game:
        """This version now runs: the game of its lineage gets it as head (and is shown again
        if it was deleted); a new game, titled from the code's docstring, if none yet."""
        with self.store.transaction() as db:
            row = db.execute("SELECT code FROM versions WHERE id = ?", (version_id,)).fetchone()
            if row is None:
                raise LibraryError(f"No version {version_id} in the library.")
            root_id = int(db.execute(_ROOT_OF, (version_id,)).fetchone()[0])
            now = _now(db)
            found = db.execute(
                "SELECT id FROM games WHERE root_version_id = ?", (root_id,)
            ).fetchone()
            if found is not None:
                db.execute(
                    "UPDATE games SET head_version_id = ?, updated_at = ?, deleted_at = NULL WHERE id = ?",
                    (version_id, now, found[0]),
                )
                return self._any(db, found[0])
            root_prompt = db.execute(
                "SELECT prompt FROM versions WHERE id = ?", (root_id,)
            ).fetchone()[0]
            title = clean_title(title_of(row[0], "")) or fallback_title(root_prompt)
            return self._insert_game(db, title, root_id, version_id, now)

    def adopt_lineages(self) -> list[Game]:
        """Versions that ran but belong to no game become games, oldest first: one per lineage
        rooted at a "make" version (made before the library kept games, or by `studio make`),
        headed by its newest playable version and dated by its versions. Lineages with no
        playable version stay as they are. Safe to call any number of times."""
        adopted: list[Game] = []
        with self.store.transaction() as db:
            roots = db.execute(
                "SELECT v.id, v.prompt, v.created_at FROM versions v WHERE v.parent_id IS NULL"
                " AND v.kind = 'make' AND NOT EXISTS (SELECT 1 FROM games g WHERE g.root_version_id = v.id)"
                " ORDER BY v.id"
            ).fetchall()
            for root_id, prompt, created_at in roots:
                head = db.execute(_NEWEST_PLAYABLE, (root_id,)).fetchone()
                if head is None:
                    continue
                head_id, code, head_created_at = head
                title = clean_title(title_of(code, "")) or fallback_title(prompt)
                game = self._insert_game(db, title, root_id, head_id, float(head_created_at))
                db.execute("UPDATE games SET created_at = ? WHERE id = ?", (float(created_at), game.id))
                adopted.append(self._any(db, game.id))
        return adopted

    def add_game(
        self,
        title: str,
        code: str,
        *,
        author: str = "",
        trusted: bool = True,
        origin: str = "made",
        prompt: str = "",
        model: str = "",
        thumbnail_png: bytes | None = None,
    ) -> Game:
        """A new root version and its game (with its thumbnail), in one transaction. An empty
        title falls back to the code's docstring title, then the prompt."""
        if origin not in ORIGINS:
            raise LibraryError(f"Unknown game origin {origin!r}: use one of {', '.join(ORIGINS)}.")
        if not code.strip():
            raise LibraryError("The game has no code: there is nothing to add.")
        if thumbnail_png is not None:
            check_media(thumbnail_png, "thumbnail")
        title = clean_title(title) or clean_title(title_of(code, "")) or fallback_title(prompt)
        with self.store.transaction() as db:
            # kind "make": a root the history treats as the start of its own game.
            version_id = self.store.add("make", prompt, code, model, False)
            game = self._insert_game(
                db,
                title,
                version_id,
                version_id,
                _now(db),
                author=clean_title(author),
                trusted=trusted,
                origin=origin,
            )
            if thumbnail_png is not None:
                _save_media(db, game.id, "thumbnail", thumbnail_png)
            return self._any(db, game.id)

    def duplicate(self, game_id: int, title: str | None = None) -> Game:
        """A separate game (its own lineage) with the head's code, thumbnail and GIF; it keeps
        the original's trust, origin and author. Default title "<title> (copy)" (a long
        title is shortened to make room); a given title longer than TITLE_MAX is shortened,
        an empty one raises LibraryError."""
        new_title = required_title(title, shorten=True) if title is not None else None
        with self.store.transaction() as db:
            game = self._live(db, game_id)
            new_title = new_title or cut(game.title, TITLE_MAX - len(COPY_SUFFIX)) + COPY_SUFFIX
            head = self.store.get(game.head_version_id)
            root = self.store.get(game.root_version_id)
            if head is None or root is None:
                raise LibraryError(
                    f"The versions of game {game_id} are missing: the library file is damaged."
                )
            version_id = self.store.add("make", root.prompt, head.code, head.model, head.offline)
            copy = self._insert_game(
                db,
                new_title,
                version_id,
                version_id,
                _now(db),
                author=game.author,
                trusted=game.trusted,
                origin=game.origin,
            )
            db.execute(
                "INSERT INTO game_media (game_id, kind, data, saved_at)"
                " SELECT ?, kind, data, saved_at FROM game_media WHERE game_id = ?",
                (copy.id, game.id),
            )
            return self._any(db, copy.id)

    # -- reading ------------------------------------------------------------------------

    def get(self, game_id: int) -> Game | None:
        """One game; None if unknown or deleted."""
        with self.store.connection() as db:
            row = db.execute(
                f"SELECT {_GAME_COLUMNS} FROM games g WHERE g.id = ?", (game_id,)
            ).fetchone()
        return _game(row) if row is not None and row[-1] is None else None

    def game_of_version(self, version_id: int) -> Game | None:
        """The game of this version's lineage; None if it has none, is deleted, or the
        version is unknown."""
        with self.store.connection() as db:
            root_id = db.execute(_ROOT_OF, (version_id,)).fetchone()[0]
            if root_id is None:
                return None
            row = db.execute(
                f"SELECT {_GAME_COLUMNS} FROM games g WHERE g.root_version_id = ?", (root_id,)
            ).fetchone()
        return _game(row) if row is not None and row[-1] is None else None

    def game_with_code(self, code: str) -> Game | None:
        """A game (not deleted) whose head version is exactly this code: the newest if several."""
        with self.store.connection() as db:
            row = db.execute(
                f"SELECT {_GAME_COLUMNS} FROM games g JOIN versions v ON v.id = g.head_version_id"
                " WHERE v.code = ? AND g.deleted_at IS NULL ORDER BY g.updated_at DESC LIMIT 1",
                (code,),
            ).fetchone()
        return _game(row) if row is not None else None

    def games(self, search: str = "") -> list[Game]:
        """Games not deleted, newest updated first. `search`: a case-insensitive substring
        (Unicode case folding and width, so "ＳＮＡＫＥ" finds "snake") of the title, the
        author or the prompt of any of the game's versions."""
        needle = fold(search.strip())
        with self.store.connection() as db:
            if needle:
                rows = db.execute(_SEARCH, {"needle": needle}).fetchall()
            else:
                rows = db.execute(
                    f"SELECT {_GAME_COLUMNS} FROM games g WHERE g.deleted_at IS NULL"
                    " ORDER BY g.updated_at DESC, g.id DESC"
                ).fetchall()
        return [_game(row) for row in rows]

    def code(self, game_id: int) -> str:
        """The head version's code."""
        with self.store.connection() as db:
            game = self._any(db, game_id)
            return str(
                db.execute(
                    "SELECT code FROM versions WHERE id = ?", (game.head_version_id,)
                ).fetchone()[0]
            )

    def thumbnail(self, game_id: int) -> bytes | None:
        """The game's thumbnail PNG, or None."""
        return self._media(game_id, "thumbnail")

    def gif(self, game_id: int) -> bytes | None:
        """The latest GIF capture, or None."""
        return self._media(game_id, "gif")

    # -- changing -----------------------------------------------------------------------

    def rename(self, game_id: int, title: str) -> Game:
        """A new title (whitespace runs become one space); LibraryError if empty or too long."""
        title = required_title(title)
        with self.store.transaction() as db:
            self._live(db, game_id)
            db.execute(
                "UPDATE games SET title = ?, updated_at = ? WHERE id = ?",
                (title, _now(db), game_id),
            )
            return self._any(db, game_id)

    def delete(self, game_id: int) -> None:
        """Hide the game (soft delete; its versions and media stay); undo_delete brings it back."""
        with self.store.transaction() as db:
            self._any(db, game_id)
            db.execute(
                "UPDATE games SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL",
                (time.time(), game_id),
            )

    def undo_delete(self, game_id: int) -> Game:
        """Show a deleted game again, where it was in the list (a shown game stays as it is)."""
        with self.store.transaction() as db:
            self._any(db, game_id)
            db.execute("UPDATE games SET deleted_at = NULL WHERE id = ?", (game_id,))
            return self._any(db, game_id)

    def set_thumbnail(self, game_id: int, png: bytes) -> None:
        """Store the game's thumbnail (PNG bytes, at most MAX_THUMBNAIL_BYTES)."""
        self._set_media(game_id, "thumbnail", png)

    def set_gif(self, game_id: int, gif: bytes) -> None:
        """Store the latest F9 capture (GIF bytes, at most MAX_GIF_BYTES), replacing the last."""
        self._set_media(game_id, "gif", gif)

    def count_play(self, game_id: int) -> int:
        """One more play; returns the new count."""
        with self.store.transaction() as db:
            self._live(db, game_id)
            row = db.execute(
                "UPDATE games SET play_count = play_count + 1 WHERE id = ? RETURNING play_count",
                (game_id,),
            ).fetchone()
            return int(row[0])

    def keep(self, game_id: int) -> Game:
        """The user trusts this game (an imported or jam one): trusted=True."""
        with self.store.transaction() as db:
            self._live(db, game_id)
            db.execute("UPDATE games SET trusted = 1 WHERE id = ?", (game_id,))
            return self._any(db, game_id)

    # -- internals ----------------------------------------------------------------------

    def _insert_game(
        self,
        db: sqlite3.Connection,
        title: str,
        root_id: int,
        head_id: int,
        now: float,
        author: str = "",
        trusted: bool = True,
        origin: str = "made",
    ) -> Game:
        cursor = db.execute(
            "INSERT INTO games (title, root_version_id, head_version_id, created_at, updated_at,"
            " play_count, trusted, origin, author) VALUES (?, ?, ?, ?, ?, 0, ?, ?, ?)",
            (title, root_id, head_id, now, now, int(trusted), origin, author),
        )
        return self._any(db, int(cursor.lastrowid or 0))

    def _any(self, db: sqlite3.Connection, game_id: int) -> Game:
        """The game, deleted or not; LibraryError if there is no such id."""
        row = db.execute(
            f"SELECT {_GAME_COLUMNS} FROM games g WHERE g.id = ?", (game_id,)
        ).fetchone()
        if row is None:
            raise LibraryError(f"No game {game_id} in the library.")
        return _game(row)

    def _live(self, db: sqlite3.Connection, game_id: int) -> Game:
        """The game if it is not deleted; LibraryError otherwise."""
        row = db.execute(
            f"SELECT {_GAME_COLUMNS} FROM games g WHERE g.id = ?", (game_id,)
        ).fetchone()
        if row is None:
            raise LibraryError(f"No game {game_id} in the library.")
        if row[-1] is not None:
            raise LibraryError(f"“{row[1]}” was deleted: undo the delete first.")
        return _game(row)

    def _media(self, game_id: int, kind: str) -> bytes | None:
        with self.store.connection() as db:
            self._any(db, game_id)
            row = db.execute(
                "SELECT data FROM game_media WHERE game_id = ? AND kind = ?", (game_id, kind)
            ).fetchone()
        return bytes(row[0]) if row is not None else None

    def _set_media(self, game_id: int, kind: str, data: bytes) -> None:
        check_media(data, kind)
        with self.store.transaction() as db:
            self._any(db, game_id)
            _save_media(db, game_id, kind, data)


def _game(row: tuple) -> Game:  # type: ignore[type-arg]
    return Game(
        id=row[0],
        title=row[1],
        root_version_id=row[2],
        head_version_id=row[3],
        created_at=row[4],
        updated_at=row[5],
        play_count=row[6],
        trusted=bool(row[7]),
        origin=row[8],
        author=row[9],
        has_thumbnail=bool(row[10]),
        has_gif=bool(row[11]),
    )


def _save_media(db: sqlite3.Connection, game_id: int, kind: str, data: bytes) -> None:
    db.execute(
        "INSERT INTO game_media (game_id, kind, data, saved_at) VALUES (?, ?, ?, ?)"
        " ON CONFLICT (game_id, kind) DO UPDATE SET data = excluded.data, saved_at = excluded.saved_at",
        (game_id, kind, bytes(data), time.time()),
    )


def _now(db: sqlite3.Connection) -> float:
    """The time, but later than every game's updated_at, so "newest first" is exact even when
    two changes share a clock tick."""
    latest = db.execute("SELECT MAX(updated_at) FROM games").fetchone()[0]
    now = time.time()
    return now if latest is None or now > latest else latest + 1e-6

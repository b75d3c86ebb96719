"""The game library: every method's round trip, bad inputs, soft delete, search, threads.

Real SQLite files only, the same file as the version store.
"""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest

from studio.library.game_fields import MAX_THUMBNAIL_BYTES, TITLE_MAX, UNTITLED
from studio.library.games import Game, GameLibrary, LibraryError
from studio.library.store import VersionStore
from studio.settings import Paths

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32  # the library checks the signature, not the picture
OTHER_PNG = b"\x89PNG\r\n\x1a\n" + b"\x01" * 64
GIF = b"GIF89a" + b"\x00" * 40
SNAKE = (
    '"""Snake. Arrows steer."""\nimport pygame\n\ndef draw(screen):\n    screen.fill((0, 0, 0))\n'
)
PONG = '"""Pong 乒乓. W/S and arrows."""\nimport pygame\n'
NO_DOCSTRING = "import pygame\n\ndef draw(screen):\n    pass\n"




# --- add_game, get, code ------------------------------------------------------------------------


def test_add_game_round_trips(library: GameLibrary, store: VersionStore) -> None:
    game = library.add_game(
        "Snake 贪吃蛇",
        SNAKE,
        author="Ann",
        trusted=False,
        origin="imported",
        prompt="a snake game",
        model="fake-coder-1",
        thumbnail_png=PNG,
    )
    assert game == Game(
        id=game.id,
        title="Snake 贪吃蛇",
        root_version_id=game.root_version_id,
        head_version_id=game.root_version_id,
        created_at=game.created_at,
        updated_at=game.created_at,
        play_count=0,
        trusted=False,
        origin="imported",
        author="Ann",
        has_thumbnail=True,
        has_gif=False,
    )
    assert library.get(game.id) == game
    assert library.code(game.id) == SNAKE
    assert library.thumbnail(game.id) == PNG and library.gif(game.id) is None
    version = store.get(game.root_version_id)
    assert version is not None
    assert (version.kind, version.parent_id, version.prompt, version.code, version.model) == (
        "make",
        None,
        "a snake game",
        SNAKE,
        "fake-coder-1",
    )
    assert library.game_of_version(game.root_version_id) == game
    assert library.games() == [game]


def test_defaults_make_a_trusted_game_the_user_made(library: GameLibrary) -> None:
    game = library.add_game("Pong", PONG)
    assert (game.trusted, game.origin, game.author, game.has_thumbnail) == (True, "made", "", False)
    assert library.thumbnail(game.id) is None


def test_titles_fall_back_to_the_docstring_then_the_prompt(library: GameLibrary) -> None:
    assert library.add_game("  ", PONG).title == "Pong 乒乓"
    long_prompt = "a very long description of a game with lots and lots of words in it"
    from_prompt = library.add_game("", NO_DOCSTRING, prompt=long_prompt).title
    assert (
        from_prompt.endswith("…")
        and len(from_prompt) <= 40
        and long_prompt.startswith(from_prompt[:-1])
    )
    assert library.add_game("", NO_DOCSTRING).title == UNTITLED
    assert library.add_game("Two\nlines\t and  tabs", PONG).title == "Two lines and tabs"
    assert len(library.add_game("x" * 500, PONG).title) == TITLE_MAX


def test_bad_games_are_refused_and_nothing_is_saved(
    library: GameLibrary, store: VersionStore
) -> None:
    before = store.recent(100)
    for call in (
        lambda: library.add_game("Pong", PONG, origin="stolen"),
        lambda: library.add_game("Pong", "  \n"),
        lambda: library.add_game("Pong", PONG, thumbnail_png=b"GIF89a not a png"),
        lambda: library.add_game("Pong", PONG, thumbnail_png=PNG + b"\x00" * MAX_THUMBNAIL_BYTES),
    ):
        with pytest.raises(LibraryError) as error:
            call()
        assert "\n" not in str(error.value) and str(error.value)
    assert store.recent(100) == before and library.games() == []


def test_a_failure_half_way_leaves_neither_the_version_nor_the_game(
    library: GameLibrary, store: VersionStore
) -> None:
    # A real SQLite failure after the version row was written, inside add_game's transaction.
    with store.connection() as db:
        db.execute(
            "CREATE TEMP TRIGGER media_fails BEFORE INSERT ON game_media"
            " BEGIN SELECT RAISE(ABORT, 'disk trouble'); END"
        )
    with pytest.raises(sqlite3.IntegrityError):
        library.add_game("Pong", PONG, thumbnail_png=PNG)
    assert store.recent() == [] and library.games() == []
    with store.connection() as db:
        db.execute("DROP TRIGGER media_fails")
    game = library.add_game("Pong", PONG, thumbnail_png=PNG)
    assert library.games() == [game] and [v.id for v in store.recent()] == [game.root_version_id]


def test_unknown_ids_raise_library_error(library: GameLibrary) -> None:
    assert library.get(404) is None and library.game_of_version(404) is None
    calls = [
        lambda: library.record_version(404),
        lambda: library.code(404),
        lambda: library.duplicate(404),
        lambda: library.rename(404, "x"),
        lambda: library.delete(404),
        lambda: library.undo_delete(404),
        lambda: library.set_thumbnail(404, PNG),
        lambda: library.thumbnail(404),
        lambda: library.set_gif(404, GIF),
        lambda: library.gif(404),
        lambda: library.count_play(404),
        lambda: library.keep(404),
    ]
    for call in calls:
        with pytest.raises(LibraryError, match="404"):
            call()


# --- record_version ------------------------------------------------------------------------------


def test_a_recorded_version_makes_a_game_and_its_children_move_the_head(
    library: GameLibrary, store: VersionStore
) -> None:
    root = store.add("make", "a snake game", SNAKE, "m", False)
    game = library.record_version(root)
    assert (game.title, game.root_version_id, game.head_version_id) == ("Snake", root, root)
    assert (game.trusted, game.origin, game.play_count) == (True, "made", 0)
    tweak = store.add(
        "tweak", "make it blue", SNAKE.replace("Snake.", "Blue snake."), "m", False, root
    )
    edit = store.add("edit", "(edited by hand)", SNAKE + "# mine\n", "m", False, tweak)
    moved = library.record_version(tweak)
    assert moved.id == game.id and moved.head_version_id == tweak and moved.title == "Snake"
    assert moved.updated_at > game.updated_at
    assert library.record_version(edit).head_version_id == edit
    assert library.code(game.id) == SNAKE + "# mine\n"
    back = library.record_version(root)  # undo to the first version: it runs again
    assert back.head_version_id == root and library.code(game.id) == SNAKE
    for version_id in (root, tweak, edit):
        assert library.game_of_version(version_id) == back
    assert len(library.games()) == 1


def test_a_version_without_a_docstring_is_titled_from_its_first_prompt(
    library: GameLibrary, store: VersionStore
) -> None:
    root = store.add("make", "一个贪吃蛇游戏", NO_DOCSTRING, "m", False)
    assert library.record_version(root).title == "一个贪吃蛇游戏"
    nothing = store.add("make", "", NO_DOCSTRING, "m", False)
    assert library.record_version(nothing).title == UNTITLED
    orphan_root = store.add("make", "pong please", NO_DOCSTRING, "m", False)
    child = store.add("tweak", "faster", NO_DOCSTRING, "m", False, orphan_root)
    assert library.record_version(child).title == "pong please"  # the lineage's prompt


def test_a_library_from_the_previous_release_opens_and_records_its_versions(tmp_path: Path) -> None:
    # The file exactly as the previous release left it: the versions table and nothing else.
    path = tmp_path / "old.sqlite3"
    old = sqlite3.connect(path)
    old.execute("PRAGMA journal_mode=WAL")
    old.execute(
        "CREATE TABLE versions (id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES versions(id),"
        " kind TEXT NOT NULL, prompt TEXT NOT NULL, code TEXT NOT NULL, model TEXT NOT NULL,"
        " offline INTEGER NOT NULL, created_at REAL NOT NULL, timings TEXT NOT NULL, outcome TEXT)"
    )
    old.execute(
        "INSERT INTO versions VALUES (1, NULL, 'make', 'snake', ?, 'm', 1, 1.0, '{}', 'ok'),"
        " (2, 1, 'tweak', 'blue', ?, 'm', 1, 2.0, '{\"ready_ms\": 3.0}', 'ok')",
        (SNAKE, SNAKE + "# blue\n"),
    )
    old.commit()
    old.close()
    store = VersionStore(path)
    try:
        library = GameLibrary(store)
        assert library.games() == []
        game = library.record_version(2)
        assert (game.root_version_id, game.head_version_id, game.title) == (1, 2, "Snake")
        assert library.code(game.id) == SNAKE + "# blue\n"
        version = store.get(2)
        assert version is not None and version.timings == {"ready_ms": 3.0}
    finally:
        store.close()


def test_a_file_made_by_the_version_store_alone_gains_games(tmp_path: Path) -> None:
    path = Paths().library_file({"MINIGAME_STUDIO_HOME": str(tmp_path / "home")})
    first = VersionStore(path)
    root = first.add("make", "pong", PONG, "m", False)
    first.close()
    second = VersionStore(path)
    try:
        library = GameLibrary(second)
        game = library.record_version(root)
        assert library.game_of_version(root) == game and game.title == "Pong 乒乓"
    finally:
        second.close()
    third = VersionStore(path)  # and everything is still there when opened again
    try:
        assert GameLibrary(third).get(game.id) == game
    finally:
        third.close()


# --- games(): order and search -------------------------------------------------------------------


def test_games_are_newest_updated_first(library: GameLibrary, store: VersionStore) -> None:
    first = library.add_game("First", PONG)
    second = library.add_game("Second", PONG)
    third = library.add_game("Third", PONG)
    assert [g.id for g in library.games()] == [third.id, second.id, first.id]
    library.rename(first.id, "First, renamed")
    assert [g.id for g in library.games()] == [first.id, third.id, second.id]
    tweak = store.add("tweak", "faster", PONG, "m", False, second.root_version_id)
    library.record_version(tweak)
    assert [g.id for g in library.games()] == [second.id, first.id, third.id]
    library.count_play(third.id)  # playing is not changing
    assert [g.id for g in library.games()] == [second.id, first.id, third.id]


def test_search_matches_title_author_and_any_prompt(
    library: GameLibrary, store: VersionStore
) -> None:
    snake = library.add_game("Snake", SNAKE, prompt="a green snake 贪吃蛇")
    pong = library.add_game("Pong", PONG, author="Zoë Müller", prompt="two paddles")
    straße = library.add_game("Straße racer", PONG, prompt="cars")
    tweak = store.add("tweak", "add a Boss level", SNAKE, "m", False, snake.root_version_id)
    store.add("tweak", "make it rain", SNAKE, "m", False, tweak)  # never ran: still searchable
    store.add("edit", "(edited by hand)", SNAKE, "m", False, tweak)

    def found(text: str) -> list[str]:
        return sorted(g.title for g in library.games(text))

    assert found("") == ["Pong", "Snake", "Straße racer"]
    assert found("SNAKE") == ["Snake"]
    assert found("  pong ") == ["Pong"]
    assert found("zoë") == found("ZOË") == found("müller") == ["Pong"]
    assert found("贪吃蛇") == found("吃") == ["Snake"]
    assert found("boss") == found("RAIN") == ["Snake"]  # prompts of later versions
    assert found("PADDLE") == ["Pong"]
    assert found("strasse") == found("STRASSE") == ["Straße racer"]  # Unicode case folding
    assert found("ＳＮＡＫＥ") == ["Snake"]  # full-width letters, as a CJK keyboard types them
    assert found("edited") == []  # a hand edit's label is not a prompt
    assert found("%") == found("_") == found("nothing like it") == []
    assert straße.id in {g.id for g in library.games("racer")}
    assert pong in library.games("paddles")


# --- duplicate, rename -------------------------------------------------------------------------


def test_duplicate_keeps_the_code_in_a_separate_lineage(
    library: GameLibrary, store: VersionStore
) -> None:
    original = library.add_game(
        "Snake", SNAKE, author="Ann", trusted=False, origin="jam", prompt="snake", thumbnail_png=PNG
    )
    library.set_gif(original.id, GIF)
    tweak = store.add("tweak", "blue", SNAKE + "# blue\n", "m", False, original.root_version_id)
    original = library.record_version(tweak)
    library.count_play(original.id)
    copy = library.duplicate(original.id)
    assert copy.id != original.id and copy.title == "Snake (copy)"
    assert copy.root_version_id not in (original.root_version_id, tweak)
    assert copy.head_version_id == copy.root_version_id
    assert library.code(copy.id) == SNAKE + "# blue\n"
    assert (copy.trusted, copy.origin, copy.author, copy.play_count) == (False, "jam", "Ann", 0)
    assert library.thumbnail(copy.id) == PNG and library.gif(copy.id) == GIF
    root = store.get(copy.root_version_id)
    assert (
        root is not None
        and root.parent_id is None
        and root.kind == "make"
        and root.prompt == "snake"
    )
    # The lineages are apart: changing one moves only its own head.
    child = store.add("tweak", "red", SNAKE + "# red\n", "m", False, copy.root_version_id)
    assert library.record_version(child).id == copy.id
    assert library.code(original.id) == SNAKE + "# blue\n"
    assert library.game_of_version(child) == library.get(copy.id)
    assert library.duplicate(original.id, "  My snake ").title == "My snake"
    assert library.duplicate(copy.id).title == "Snake (copy) (copy)"
    long = library.rename(copy.id, "z" * TITLE_MAX)
    assert library.duplicate(long.id).title == "z" * (TITLE_MAX - 8) + "… (copy)"
    assert len(library.duplicate(long.id, long.title + " (copy)").title) == TITLE_MAX
    with pytest.raises(LibraryError):
        library.duplicate(original.id, "   ")


def test_rename_validates_the_title(library: GameLibrary) -> None:
    game = library.add_game("Snake", SNAKE)
    renamed = library.rename(game.id, "  Super\nSnake 超级 ")
    assert renamed.title == "Super Snake 超级" and library.get(game.id) == renamed
    for bad in ("", "   ", "\n\t", "\x00\x07", "x" * (TITLE_MAX + 1)):
        with pytest.raises(LibraryError) as error:
            library.rename(game.id, bad)
        assert "\n" not in str(error.value)
    assert library.rename(game.id, "y" * TITLE_MAX).title == "y" * TITLE_MAX


# --- delete and undo -------------------------------------------------------------------------------


def test_deleted_games_are_hidden_and_restored(library: GameLibrary, store: VersionStore) -> None:
    kept = library.add_game("Pong", PONG)
    gone = library.add_game("Snake", SNAKE, prompt="snake", thumbnail_png=PNG)
    library.count_play(gone.id)
    gone = library.get(gone.id)
    assert gone is not None
    library.delete(gone.id)
    library.delete(gone.id)  # twice is harmless
    assert library.get(gone.id) is None and library.game_of_version(gone.root_version_id) is None
    assert library.games() == [kept] and library.games("snake") == []
    # Nothing was removed: the code, the picture and the version are still there.
    assert library.code(gone.id) == SNAKE and library.thumbnail(gone.id) == PNG
    assert store.get(gone.root_version_id) is not None
    for call in (
        lambda: library.rename(gone.id, "x"),
        lambda: library.duplicate(gone.id),
        lambda: library.count_play(gone.id),
        lambda: library.keep(gone.id),
    ):
        with pytest.raises(LibraryError, match="deleted"):
            call()
    restored = library.undo_delete(gone.id)
    assert restored == gone and library.get(gone.id) == gone
    assert [g.id for g in library.games()] == [gone.id, kept.id]
    assert library.undo_delete(kept.id) == kept  # not deleted: unchanged


def test_playing_a_version_of_a_deleted_game_shows_it_again(
    library: GameLibrary, store: VersionStore
) -> None:
    game = library.add_game("Snake", SNAKE)
    library.delete(game.id)
    tweak = store.add("tweak", "faster", SNAKE, "m", False, game.root_version_id)
    again = library.record_version(tweak)
    assert again.id == game.id and library.get(game.id) == again


# --- media, plays, trust ------------------------------------------------------------------------


def test_thumbnails_and_gifs_are_stored_replaced_and_checked(library: GameLibrary) -> None:
    game = library.add_game("Snake", SNAKE)
    library.set_thumbnail(game.id, PNG)
    library.set_gif(game.id, GIF)
    stored = library.get(game.id)
    assert stored is not None and stored.has_thumbnail and stored.has_gif
    library.set_thumbnail(game.id, OTHER_PNG)
    library.set_gif(game.id, b"GIF87a" + b"\x02" * 10)
    assert (
        library.thumbnail(game.id) == OTHER_PNG and library.gif(game.id) == b"GIF87a" + b"\x02" * 10
    )
    for call in (
        lambda: library.set_thumbnail(game.id, GIF),
        lambda: library.set_thumbnail(game.id, b""),
        lambda: library.set_gif(game.id, PNG),
        lambda: library.set_gif(game.id, b"GIF"),
    ):
        with pytest.raises(LibraryError):
            call()
    assert library.thumbnail(game.id) == OTHER_PNG
    other = library.add_game("Pong", PONG)
    assert library.thumbnail(other.id) is None and library.gif(other.id) is None
    library.delete(game.id)
    library.set_thumbnail(game.id, PNG)  # a capture finishing after a delete is kept, not lost
    assert library.undo_delete(game.id).has_thumbnail and library.thumbnail(game.id) == PNG


def test_play_counts_add_up_and_persist(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite3"
    store = VersionStore(path)
    library = GameLibrary(store)
    game = library.add_game("Snake", SNAKE)
    assert [library.count_play(game.id) for _ in range(3)] == [1, 2, 3]
    store.close()
    reopened = VersionStore(path)
    try:
        again = GameLibrary(reopened)
        stored = again.get(game.id)
        assert stored is not None and stored.play_count == 3
        assert again.count_play(game.id) == 4
    finally:
        reopened.close()


def test_keep_trusts_an_imported_game(library: GameLibrary) -> None:
    game = library.add_game("Shared", PONG, author="Bo", trusted=False, origin="imported")
    assert not game.trusted
    kept = library.keep(game.id)
    assert kept.trusted and kept.origin == "imported" and library.get(game.id) == kept
    assert library.keep(game.id) == kept


# --- threads and other connections ------------------------------------------------------------


def test_a_worker_saving_versions_while_the_gui_thread_uses_the_library(
    library: GameLibrary, store: VersionStore
) -> None:
    game = library.add_game("Snake", SNAKE)
    saved: list[int] = []
    failures: list[BaseException] = []

    def worker() -> None:
        try:
            parent = game.root_version_id
            for i in range(150):
                parent = store.add("tweak", f"step {i}", SNAKE + f"# {i}\n", "m", False, parent)
                saved.append(parent)
                if i % 10 == 0:
                    library.record_version(parent)
        except BaseException as error:  # noqa: BLE001
            failures.append(error)

    thread = threading.Thread(target=worker)
    thread.start()
    made: list[Game] = []
    for i in range(40):  # the GUI thread's multi-statement changes interleave with the worker
        made.append(library.add_game(f"Game {i}", PONG, thumbnail_png=PNG))
        library.duplicate(game.id)
        library.count_play(game.id)
        library.games("step")
    thread.join(timeout=120)
    assert not thread.is_alive() and failures == []
    assert all(store.get(version_id) is not None for version_id in saved)
    assert len(library.games()) == 1 + 40 + 40
    assert library.get(game.id).play_count == 40  # type: ignore[union-attr]
    library.record_version(saved[-1])
    assert library.code(game.id) == SNAKE + "# 149\n"
    assert {g.id for g in library.games("step 149")} == {game.id}


def test_another_process_writing_the_same_file_takes_turns(tmp_path: Path) -> None:
    # The window and a `studio make` (its own VersionStore) may hold the library at once.
    path = tmp_path / "lib.sqlite3"
    window, command = VersionStore(path), VersionStore(path)
    try:
        library = GameLibrary(window)
        ids: list[int] = []

        def make() -> None:
            for i in range(100):
                ids.append(command.add("make", f"cmd {i}", PONG * 50, "m", False))

        thread = threading.Thread(target=make)
        thread.start()
        games = [library.add_game(f"Game {i}", SNAKE, thumbnail_png=PNG) for i in range(50)]
        thread.join(timeout=120)
        assert len(ids) == 100 and all(window.get(version_id) for version_id in ids)
        assert [g.id for g in library.games()] == [g.id for g in reversed(games)]
        recorded = library.record_version(ids[-1])
        assert recorded.title == "Pong 乒乓" and GameLibrary(command).get(recorded.id) == recorded
    finally:
        window.close()
        command.close()


def test_game_with_code_finds_a_live_game_by_its_head_code(library: GameLibrary) -> None:
    code = '"""Tiny. Nothing to do."""\ndef draw(screen):\n    screen.fill((1, 2, 3))\n'
    assert library.game_with_code(code) is None
    game = library.add_game("Tiny", code)
    found = library.game_with_code(code)
    assert found is not None and found.id == game.id
    assert library.game_with_code(code + "\n") is None  # exactly this code, nothing like it
    library.delete(game.id)
    assert library.game_with_code(code) is None  # a deleted game is not "already there"


def test_versions_that_ran_before_games_existed_are_adopted_once(store: VersionStore) -> None:
    snake = '"""Snake. Arrows steer."""\nimport pygame\n'
    blue = '"""Blue Snake. Arrows steer."""\nimport pygame\n'
    made = store.add("make", "a snake game", snake, "m", False)
    store.record_outcome(made, "ok", {})
    tweak = store.add("tweak", "make it blue", blue, "m", False, parent_id=made)
    store.record_outcome(tweak, "ok", {})
    broken = store.add("tweak", "make it explode", "import os\n", "m", False, parent_id=tweak)
    store.record_outcome(broken, "refused", {})
    never_ran = store.add("make", "a broken game", "import socket\n", "m", False)
    store.record_outcome(never_ran, "refused", {})
    store.add("partial", "cut short", "x = 1", "m", False)  # not a root that is a game
    library = GameLibrary(store)
    [game] = library.adopt_lineages()
    assert (game.title, game.root_version_id, game.head_version_id) == ("Blue Snake", made, tweak)
    assert game.created_at == store.get(made).created_at and game.updated_at == store.get(tweak).created_at
    assert library.adopt_lineages() == []  # nothing twice
    assert [g.id for g in library.games()] == [game.id]
    newer = library.add_game("Pong", '"""Pong."""\n')
    assert [g.title for g in library.games()] == ["Pong", "Blue Snake"]  # adopted games keep their age
    assert library.adopt_lineages() == [] and newer.id != game.id

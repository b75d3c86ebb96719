"""History: undo, redo and restore over real stored versions; entries; resuming from the file."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from studio.library.history import EDIT_LABEL, LABEL_LENGTH, History, label_of
from studio.library.store import VersionStore


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "library" / "lib.sqlite3"


@pytest.fixture
def store(path: Path) -> Iterator[VersionStore]:
    versions = VersionStore(path)
    yield versions
    versions.close()


def _add(
    store: VersionStore,
    kind: str,
    prompt: str,
    parent_id: int | None = None,
    outcome: str | None = "ok",
) -> int:
    version_id = store.add(
        kind, prompt, f"# {kind}: {prompt}\nSPEED = {len(prompt)}\n", "fake-coder", False, parent_id
    )
    if outcome is not None:
        store.record_outcome(version_id, outcome, {})
    return version_id


def _played(history: History, *version_ids: int) -> None:
    for version_id in version_ids:
        history.record(version_id)


# --- moving -----------------------------------------------------------------------------------


def test_empty_history(store: VersionStore) -> None:
    history = History(store)
    assert history.current() is None and history.current_id is None
    assert not history.can_undo and not history.can_redo
    assert history.undo() is None and history.redo() is None
    assert history.entries() == []


def test_undo_and_redo_round_trip(store: VersionStore) -> None:
    history = History(store, resume=False)
    make = _add(store, "make", "a snake")
    tweak = _add(store, "tweak", "make the snake blue", make)
    edit = _add(store, "edit", "(edited by hand)")
    _played(history, make, tweak, edit)
    assert history.current_id == edit and history.can_undo and not history.can_redo

    undone = history.undo()
    assert undone is not None and undone.id == tweak and undone.code.startswith("# tweak")
    assert history.current_id == tweak and history.can_redo
    undone = history.undo()
    assert undone is not None and undone.id == make
    assert not history.can_undo and history.undo() is None
    assert history.current_id == make

    redone = history.redo()
    assert redone is not None and redone.id == tweak
    redone = history.redo()
    assert redone is not None and redone.id == edit
    assert not history.can_redo and history.redo() is None
    assert history.steps == (make, tweak, edit)


def test_recording_the_current_version_or_the_redo_target_keeps_redo(store: VersionStore) -> None:
    history = History(store, resume=False)
    a, b, c = (_add(store, "make", name) for name in "abc")
    _played(history, a, b, c)
    assert history.undo() is not None and history.undo() is not None  # at a
    history.record(a)  # the window records what it now plays: already current
    assert history.current_id == a and history.can_redo
    history.record(b)  # the redo target: like redo
    assert history.current_id == b and history.can_redo and history.steps == (a, b, c)
    assert history.redo() is not None and history.current_id == c


def test_a_new_version_after_undo_clears_redo_but_deletes_nothing(store: VersionStore) -> None:
    history = History(store, resume=False)
    make = _add(store, "make", "a snake")
    blue = _add(store, "tweak", "blue", make)
    edit = _add(store, "edit", "(edited by hand)")  # no parent ties it to the game
    _played(history, make, blue, edit)
    history.undo()
    history.undo()
    green = _add(store, "tweak", "green", make)
    history.record(green)
    assert not history.can_redo and history.redo() is None
    assert history.steps == (make, green)
    assert store.get(blue) is not None and store.get(edit) is not None
    listed = [entry.version_id for entry in history.entries()]
    assert listed == [green, edit, blue, make]  # still listed: restorable


def test_restore_is_a_step_that_undo_comes_back_from(store: VersionStore) -> None:
    history = History(store, resume=False)
    one = _add(store, "make", "a snake")
    two = _add(store, "tweak", "blue", one)
    three = _add(store, "tweak", "faster", two)
    _played(history, one, two, three)

    restored = history.record(one)  # the user restores the first version
    assert restored.id == one and history.current_id == one
    assert history.steps == (one, two, three, one) and not history.can_redo

    back = history.undo()
    assert back is not None and back.id == three  # undo after a restore comes back
    again = history.redo()
    assert again is not None and again.id == one
    walked_back = [version.id for version in iter(history.undo, None)]
    assert walked_back == [three, two, one]
    assert not history.can_undo


def test_unknown_version_is_refused(store: VersionStore) -> None:
    history = History(store, resume=False)
    with pytest.raises(KeyError):
        history.record(99)
    assert history.steps == ()


# --- entries ----------------------------------------------------------------------------------


def test_entries_newest_first_with_labels_and_the_current_one(store: VersionStore) -> None:
    history = History(store, resume=False)
    make = _add(store, "make", "a  snake\nthat gets faster", outcome="refused")
    repair = _add(store, "repair", "a  snake\nthat gets faster", make)
    partial = _add(store, "partial", "make it blue", repair, outcome=None)
    tweak = _add(store, "tweak", "make it blue", repair)
    edit = _add(store, "edit", "(edited by hand)")
    other_game = _add(store, "make", "pong")  # never played in this history
    _played(history, repair, tweak, edit)
    history.undo()

    entries = history.entries()
    assert [entry.version_id for entry in entries] == [edit, tweak, partial, repair, make]
    assert other_game not in [entry.version_id for entry in entries]
    by_id = {entry.version_id: entry for entry in entries}
    assert by_id[make].label == "a snake that gets faster"  # one line, spaces collapsed
    assert by_id[make].outcome == "refused" and by_id[make].kind == "make"
    assert by_id[repair].parent_id == make and by_id[repair].kind == "repair"
    assert by_id[tweak].label == "make it blue"
    assert by_id[edit].label == EDIT_LABEL
    assert [entry.version_id for entry in entries if entry.is_current] == [tweak]
    assert entries[0].created_at >= entries[-1].created_at
    assert all(entry.model == "fake-coder" for entry in entries)


def test_a_long_prompt_makes_a_short_label(store: VersionStore) -> None:
    version = store.get(_add(store, "make", "word " * 100))
    assert version is not None
    label = label_of(version)
    assert len(label) == LABEL_LENGTH and label.endswith("…") and "\n" not in label


def test_entries_span_every_game_played(store: VersionStore) -> None:
    history = History(store, resume=False)
    snake = _add(store, "make", "snake")
    pong = _add(store, "make", "pong")
    _played(history, snake, pong)
    assert [entry.version_id for entry in history.entries()] == [pong, snake]
    back = history.undo()  # undo after a new game brings the previous game back
    assert back is not None and back.id == snake


# --- store helpers ----------------------------------------------------------------------------


def test_store_lineage_children_and_previous(store: VersionStore) -> None:
    root = _add(store, "make", "snake")
    left = _add(store, "tweak", "blue", root)
    unrelated = _add(store, "make", "pong")
    right = _add(store, "tweak", "green", root)
    leaf = _add(store, "tweak", "faster", left)
    assert [v.id for v in store.versions_of_lineage(leaf)] == [root, left, right, leaf]
    assert [v.id for v in store.versions_of_lineage(root)] == [root, left, right, leaf]
    assert [v.id for v in store.versions_of_lineage(unrelated)] == [unrelated]
    assert store.versions_of_lineage(999) == []
    assert [v.id for v in store.children(root)] == [left, right]
    assert store.children(leaf) == []
    previous = store.previous(right)
    assert previous is not None and previous.id == unrelated
    newest = store.previous()
    assert newest is not None and newest.id == leaf
    assert store.previous(root) is None


# --- reopening --------------------------------------------------------------------------------


def test_versions_survive_reopening_and_undo_resumes(path: Path) -> None:
    store = VersionStore(path)
    history = History(store, resume=False)
    make = _add(store, "make", "a snake", outcome="refused")
    repair = _add(store, "repair", "a snake", make)
    tweak = _add(store, "tweak", "blue", repair)
    edit = _add(store, "edit", "(edited by hand)", outcome=None)  # hand edits have no parent
    _played(history, repair, tweak, edit, repair)  # ends with a restore
    _add(store, "partial", "faster", edit, outcome=None)  # a reply cut off by the crash
    before = [entry.version_id for entry in history.entries()]
    store.close()

    reopened = VersionStore(path)
    try:
        resumed = History(reopened)
        assert resumed.current_id == edit  # the newest playable version
        assert [entry.version_id for entry in resumed.entries()] == before
        assert resumed.steps == (repair, tweak, edit)  # rebuilt from the parents
        back = resumed.undo()
        assert back is not None and back.id == tweak and back.code.startswith("# tweak")
        assert resumed.undo() is not None and resumed.current_id == repair
        assert not resumed.can_undo  # the refused make is listed but not a step

        fresh = History(reopened, resume=False)
        assert fresh.current() is None and fresh.entries() == []
    finally:
        reopened.close()

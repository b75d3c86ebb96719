"""HistoryPanel lists the versions, follows undo/redo, asks for restores and shows tinted diffs."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


import pytest  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QColor, QKeySequence, QTextBlock  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QMainWindow, QPlainTextEdit, QSplitter  # noqa: E402

from studio.library.history import History  # noqa: E402
from studio.library.store import VersionStore  # noqa: E402
from studio.qt.diff_view import ADDED_LINE, REMOVED_LINE, DiffView  # noqa: E402
from studio.qt.history_panel import CURRENT_MARK, HistoryPanel  # noqa: E402

pytest.importorskip("pytestqt")

SNAKE = '''"""Snake. Arrows steer."""
import pygame

SPEED = 12  # cells per second
COLOR = (200, 40, 40)


def step(snake):
    return snake
'''
BLUE_SNAKE = SNAKE.replace("(200, 40, 40)", "(40, 80, 220)")
FAST_BLUE_SNAKE = BLUE_SNAKE.replace("SPEED = 12", "SPEED = 20")



@pytest.fixture
def ids(store: VersionStore) -> tuple[int, int, int]:
    make = store.add("make", "a red snake", SNAKE, "fake-coder", False)
    blue = store.add("tweak", "make the snake blue", BLUE_SNAKE, "fake-coder", False, make)
    edit = store.add("edit", "(edited by hand)", FAST_BLUE_SNAKE, "fake-coder", False)
    return make, blue, edit


@pytest.fixture
def history(store: VersionStore, ids: tuple[int, int, int]) -> History:
    played = History(store, resume=False)
    for version_id in ids:
        played.record(version_id)
    return played


@pytest.fixture
def panel(qtbot, history: History) -> HistoryPanel:  # noqa: ANN001
    widget = HistoryPanel(history)
    qtbot.addWidget(widget)
    widget.resize(420, 500)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _texts(panel: HistoryPanel) -> list[str]:
    return [panel.list.item(row).text() for row in range(panel.list.count())]


def _block_starting(view: DiffView, prefix: str) -> QTextBlock:
    block = view.text.document().firstBlock()
    while block.isValid():
        if block.text().startswith(prefix):
            return block
        block = block.next()
    raise AssertionError(f"no line starts with {prefix!r} in:\n{view.diff_text()}")


def _tint(block: QTextBlock) -> QColor | None:
    brush = block.blockFormat().background()
    return brush.color() if brush.style() != Qt.BrushStyle.NoBrush else None


# --- entries ----------------------------------------------------------------------------------


def test_shows_the_entries_newest_first_with_the_current_one_marked(
    panel: HistoryPanel, ids: tuple[int, int, int]
) -> None:
    make, blue, edit = ids
    texts = _texts(panel)
    assert len(texts) == 3
    assert texts[0].startswith(f"{CURRENT_MARK} {edit}") and "edited by hand" in texts[0]
    assert f" {blue} " in texts[1] and "make the snake blue" in texts[1]
    assert f" {make} " in texts[2] and "a red snake" in texts[2]
    assert sum(text.startswith(CURRENT_MARK) for text in texts) == 1
    assert panel.list.item(0).font().bold() and not panel.list.item(1).font().bold()
    assert "fake-coder" in panel.list.item(1).toolTip()


def test_undo_and_redo_follow_the_history(
    panel: HistoryPanel,
    history: History,
    store: VersionStore,
    ids: tuple[int, int, int],
    qtbot,  # noqa: ANN001
) -> None:
    make, blue, edit = ids
    assert panel.undo_action.isEnabled() and not panel.redo_action.isEnabled()
    assert panel.undo_action.shortcut() == QKeySequence("Ctrl+Z")
    assert panel.redo_action.shortcut() == QKeySequence("Ctrl+Shift+Z")
    assert "Ctrl+Z" in panel.undo_action.toolTip() and "Ctrl+Shift+Z" in panel.redo_action.toolTip()

    with qtbot.waitSignal(panel.stepped) as stepped:
        panel.undo_action.trigger()
    assert stepped.args == [blue] and history.current_id == blue
    assert _texts(panel)[1].startswith(f"{CURRENT_MARK} {blue}")
    assert panel.undo_action.isEnabled() and panel.redo_action.isEnabled()

    with qtbot.waitSignal(panel.stepped) as stepped:
        panel.undo_action.trigger()
    assert stepped.args == [make]
    assert not panel.undo_action.isEnabled() and panel.redo_action.isEnabled()

    with qtbot.waitSignal(panel.stepped) as stepped:
        panel.redo_action.trigger()
    assert (
        stepped.args == [blue] and panel.undo_action.isEnabled() and panel.redo_action.isEnabled()
    )

    # A new version (a tweak of the version now playing) clears redo.
    green = store.add("tweak", "make it green", SNAKE, "fake-coder", False, blue)
    history.record(green)
    panel.refresh()
    assert panel.undo_action.isEnabled() and not panel.redo_action.isEnabled()
    assert _texts(panel)[0].startswith(f"{CURRENT_MARK} {green}") and len(_texts(panel)) == 4


def test_shortcuts_step_the_history_until_the_window_turns_them_off(
    qtbot,  # noqa: ANN001
    history: History,
    ids: tuple[int, int, int],
) -> None:
    make, blue, edit = ids
    window = QMainWindow()
    qtbot.addWidget(window)
    panel = HistoryPanel(history)
    editor = QPlainTextEdit()
    splitter = QSplitter()
    splitter.addWidget(editor)
    splitter.addWidget(panel)
    window.setCentralWidget(splitter)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    panel.list.setFocus()

    with qtbot.waitSignal(panel.stepped) as stepped:
        QTest.keyClick(panel.list, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert stepped.args == [blue]
    with qtbot.waitSignal(panel.stepped) as stepped:
        QTest.keyClick(
            panel.list,
            Qt.Key.Key_Z,
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
        )
    assert stepped.args == [edit]

    # The code editor has focus: the window hands Ctrl+Z to it.
    panel.set_shortcuts_enabled(False)
    editor.setFocus()
    QTest.keyClicks(editor, "abc")
    with qtbot.assertNotEmitted(panel.stepped, wait=50):
        QTest.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert editor.toPlainText() == "" and history.current_id == edit
    assert panel.undo_action.isEnabled()  # the button still works

    panel.set_shortcuts_enabled(True)
    assert panel.undo_action.shortcut() == QKeySequence("Ctrl+Z")


# --- restore ----------------------------------------------------------------------------------


def test_restore_asks_for_the_selected_version(
    panel: HistoryPanel,
    history: History,
    ids: tuple[int, int, int],
    qtbot,  # noqa: ANN001
) -> None:
    make, blue, edit = ids
    assert not panel.restore_action.isEnabled()  # nothing selected
    panel.select(edit)
    assert not panel.restore_action.isEnabled()  # the current one plays already
    panel.select(make)
    assert panel.restore_action.isEnabled()
    with qtbot.waitSignal(panel.restore_requested) as requested:
        panel.restore_action.trigger()
    assert requested.args == [make]
    assert history.current_id == edit  # only asked: the window plays it, then records

    history.record(make)  # what the window does once the code runs
    panel.refresh()
    assert _texts(panel)[2].startswith(f"{CURRENT_MARK} {make}")
    assert panel.selected_ids() == [make]  # the selection survives a refresh
    with qtbot.waitSignal(panel.stepped) as stepped:
        panel.undo_action.trigger()  # undo after a restore comes back
    assert stepped.args == [edit]


def test_double_click_restores(panel: HistoryPanel, ids: tuple[int, int, int], qtbot) -> None:  # noqa: ANN001
    make, blue, edit = ids
    with qtbot.waitSignal(panel.restore_requested) as requested:
        panel.list.itemActivated.emit(panel.list.item(1))
    assert requested.args == [blue]


# --- compare ----------------------------------------------------------------------------------


def test_compare_the_selected_version_with_the_current_one(
    panel: HistoryPanel, ids: tuple[int, int, int]
) -> None:
    make, blue, edit = ids
    assert not panel.compare_action.isEnabled()
    panel.select(blue)
    assert panel.compare_action.isEnabled()
    panel.compare_action.trigger()
    view = panel.diff_view
    assert view is not None and view.isVisible()
    assert view.header.text() == f"version {blue} → version {edit}"
    assert (view.old_id, view.new_id) == (blue, edit)

    assert _tint(_block_starting(view, "+SPEED = 20")) == ADDED_LINE
    assert _tint(_block_starting(view, "-SPEED = 12")) == REMOVED_LINE
    assert _tint(_block_starting(view, " COLOR = (40, 80, 220)")) is None  # context
    assert _tint(_block_starting(view, "---")) is None  # the file lines
    assert "-COLOR" not in view.diff_text()  # unchanged between these two
    assert view.text.isReadOnly()


def test_compare_two_selected_versions_oldest_first(
    panel: HistoryPanel, ids: tuple[int, int, int]
) -> None:
    make, blue, edit = ids
    panel.select(blue, make)
    view = panel.compare()
    assert view is not None and view.header.text() == f"version {make} → version {blue}"
    assert _tint(_block_starting(view, "+COLOR = (40, 80, 220)")) == ADDED_LINE
    assert _tint(_block_starting(view, "-COLOR = (200, 40, 40)")) == REMOVED_LINE
    panel.select(make, blue, edit)
    assert not panel.compare_action.isEnabled() and panel.compare() is None


def test_diff_of_identical_code_says_so(
    qtbot,  # noqa: ANN001
    store: VersionStore,
    ids: tuple[int, int, int],
) -> None:
    view = DiffView()
    qtbot.addWidget(view)
    make = store.get(ids[0])
    same = store.get(store.add("repair", "a red snake", SNAKE, "fake-coder", False, ids[0]))
    assert make is not None and same is not None
    view.show_diff(make, same)
    assert view.diff_text() == "The two versions have the same code."

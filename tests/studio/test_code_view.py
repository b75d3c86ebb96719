"""CodeView streams in batches, highlights Python, runs on Ctrl+Enter and marks error lines."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QAction, QColor, QKeySequence, QTextBlock, QTextFormat  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QMainWindow  # noqa: E402

from studio.qt.code_view import ERROR_LINE, FLUSH_INTERVAL_MS, CodeView  # noqa: E402
from studio.qt.highlighter import DARK_THEME  # noqa: E402

pytest.importorskip("pytestqt")

SAMPLE = '''"""Snake. Arrows steer."""
import pygame

SPEED = 12  # cells per second


@dataclass
class Snake:
    def move(self, dx):
        return "left" if dx < 0 else len(self.cells)
'''


@pytest.fixture
def view(qtbot) -> CodeView:  # noqa: ANN001
    code_view = CodeView()
    qtbot.addWidget(code_view)
    code_view.resize(800, 600)
    code_view.show()
    qtbot.waitExposed(code_view)
    return code_view


def _colours(block: QTextBlock) -> dict[str, str]:
    """The foreground colour of each formatted span of a block, keyed by its text."""
    # Qt counts UTF-16 code units, so slice the text in those units too.
    units = block.text().encode("utf-16-le")

    def span_text(start: int, length: int) -> str:
        return units[2 * start : 2 * (start + length)].decode("utf-16-le")

    return {
        span_text(span.start, span.length): span.format.foreground().color().name()
        for span in block.layout().formats()
    }


def _line(view: CodeView, number: int) -> QTextBlock:
    return view.document().findBlockByNumber(number - 1)


def test_streaming_many_pieces_ends_with_exactly_their_text_in_few_inserts(qtbot, view) -> None:  # noqa: ANN001
    pieces = [f"x{index % 97} = {index}\n" if index % 5 == 0 else f"'{index}'" for index in range(20_000)]
    view.begin_stream()
    # Feed in bursts with the event loop running between them, as a model stream would.
    for start in range(0, len(pieces), 2_000):
        for piece in pieces[start : start + 2_000]:
            view.append_stream(piece)
        qtbot.wait(FLUSH_INTERVAL_MS + 4)
    view.end_stream()
    assert view.code() == "".join(pieces)
    assert 1 <= view.flushes <= 20, "one insert per timer tick, not one per piece"
    assert view.longest_flush_ms > 0


def test_the_timer_flushes_without_end_stream(qtbot, view) -> None:  # noqa: ANN001
    view.begin_stream()
    view.append_stream("import ")
    view.append_stream("pygame")
    assert view.code() == "", "nothing is inserted before the timer ticks"
    qtbot.waitUntil(lambda: view.code() == "import pygame", timeout=1000)
    assert view.flushes == 1


def test_read_only_while_streaming_and_editable_after(qtbot, view) -> None:  # noqa: ANN001
    view.begin_stream()
    view.append_stream("score = 0")
    assert view.isReadOnly() and view.streaming
    QTest.keyClicks(view, "zzz")
    qtbot.wait(FLUSH_INTERVAL_MS * 2)
    assert view.code() == "score = 0"
    view.end_stream()
    assert not view.isReadOnly() and not view.streaming
    view.moveCursor(view.textCursor().MoveOperation.End)
    QTest.keyClicks(view, "1")
    assert view.code() == "score = 01"
    view.append_stream("late piece of a cancelled stream")
    qtbot.wait(FLUSH_INTERVAL_MS * 2)
    assert view.code() == "score = 01"


def test_streaming_follows_the_end_unless_the_user_scrolled_up(qtbot, view) -> None:  # noqa: ANN001
    bar = view.verticalScrollBar()
    view.begin_stream()
    view.append_stream("".join(f"line_{n} = {n}\n" for n in range(200)))
    view.flush_stream()
    assert bar.maximum() > 0 and bar.value() == bar.maximum()
    bar.setValue(10)  # the user scrolls up to read
    view.append_stream("".join(f"more_{n} = {n}\n" for n in range(50)))
    view.flush_stream()
    assert bar.value() == 10
    view.end_stream()


def test_ctrl_enter_emits_run_requested_with_the_code(qtbot, view) -> None:  # noqa: ANN001
    view.set_code("print('hi')\n")
    for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
        with qtbot.waitSignal(view.run_requested, timeout=1000) as signal:
            QTest.keyClick(view, key, Qt.KeyboardModifier.ControlModifier)
        assert signal.args == ["print('hi')\n"]
    assert view.code() == "print('hi')\n", "Ctrl+Enter does not insert a line break"


def test_ctrl_enter_in_the_view_wins_over_a_window_shortcut_and_waits_for_the_stream(
    qtbot,  # noqa: ANN001
) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    view = CodeView()
    window.setCentralWidget(view)
    window_runs: list[bool] = []
    action = QAction("Run", window)
    action.setShortcut(QKeySequence("Ctrl+Return"))
    action.triggered.connect(window_runs.append)
    window.addAction(action)
    window.show()
    qtbot.waitExposed(window)
    view.setFocus()
    runs: list[str] = []
    view.run_requested.connect(runs.append)
    view.set_code("x = 1\n")
    QTest.keyClick(view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert runs == ["x = 1\n"] and window_runs == [], "one run, not two"
    view.begin_stream()
    view.append_stream("y = ")
    QTest.keyClick(view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert runs == ["x = 1\n"], "half a program is not run"
    view.end_stream()


def test_highlight_line_selects_the_block_and_tints_it_until_an_edit(qtbot, view) -> None:  # noqa: ANN001
    view.set_code("".join(f"value_{n} = {n}\n" for n in range(300)))
    view.highlight_line(250)
    assert view.textCursor().blockNumber() == 249
    assert view.highlighted_line == 250
    marks = view.extraSelections()
    error_marks = [mark for mark in marks if mark.format.background().color() == ERROR_LINE]
    assert len(error_marks) == 1
    assert error_marks[0].cursor.block().text() == "value_249 = 249"
    assert error_marks[0].format.property(QTextFormat.Property.FullWidthSelection)
    first_visible = view.firstVisibleBlock().blockNumber()
    assert first_visible <= 249 < first_visible + 60, "the line is scrolled into view"

    QTest.keyClicks(view, "x")
    assert view.highlighted_line is None
    assert all(mark.format.background().color() != ERROR_LINE for mark in view.extraSelections())

    view.highlight_line(2)
    view.clear_highlight()
    assert all(mark.format.background().color() != ERROR_LINE for mark in view.extraSelections())


def test_highlighter_colours_keywords_strings_comments_and_definitions(view) -> None:  # noqa: ANN001
    view.set_code(SAMPLE)
    theme = DARK_THEME
    assert _colours(_line(view, 1)) == {'"""Snake. Arrows steer."""': theme.string}
    assert _colours(_line(view, 2))["import"] == theme.keyword
    line_4 = _colours(_line(view, 4))
    assert line_4["12"] == theme.number
    assert line_4["# cells per second"] == theme.comment
    assert _colours(_line(view, 7)) == {"@dataclass": theme.decorator}
    line_8 = _colours(_line(view, 8))
    assert line_8["class"] == theme.keyword and line_8["Snake"] == theme.class_name
    assert _colours(_line(view, 9))["move"] == theme.function_name
    line_10 = _colours(_line(view, 10))
    assert line_10['"left"'] == theme.string
    assert line_10["len"] == theme.builtin
    assert "cells" not in line_10, "attributes are not coloured"


def test_triple_quoted_string_spans_lines_and_ends_where_it_closes(view) -> None:  # noqa: ANN001
    view.set_code('x = 1\nhelp = """first # not a comment\nif not a keyword\nlast""" if x else 0\n')
    assert _colours(_line(view, 2))['"""first # not a comment'] == DARK_THEME.string
    assert _colours(_line(view, 3)) == {"if not a keyword": DARK_THEME.string}
    line_4 = _colours(_line(view, 4))
    assert line_4['last"""'] == DARK_THEME.string
    assert line_4["if"] == DARK_THEME.keyword and line_4["else"] == DARK_THEME.keyword
    # Closing the string later while streaming re-colours the lines after it.
    view.set_code("text = '''\nstill string\n")
    assert _colours(_line(view, 2)) == {"still string": DARK_THEME.string}
    view.begin_stream()
    view.append_stream("text = '''\nstill string\n'''\nwhile True: pass\n")
    view.end_stream()
    assert _colours(_line(view, 4))["while"] == DARK_THEME.keyword


def test_positions_after_an_emoji_are_in_qt_units(view) -> None:  # noqa: ANN001
    view.set_code('label = "🐍" # comment\n')
    assert _colours(_line(view, 1)) == {'"🐍"': DARK_THEME.string, "# comment": DARK_THEME.comment}


def test_gutter_grows_with_the_line_count(view) -> None:  # noqa: ANN001
    view.set_code("pass\n")
    narrow = view.gutter_width()
    assert view.viewportMargins().left() == narrow
    view.set_code("pass\n" * 12_000)
    assert view.gutter_width() > narrow
    assert view.viewportMargins().left() == view.gutter_width()


def test_edited_changed_follows_differences_from_the_set_code(qtbot, view) -> None:  # noqa: ANN001
    view.set_code("speed = 3\n")
    assert not view.edited
    view.moveCursor(view.textCursor().MoveOperation.End)
    with qtbot.waitSignal(view.edited_changed, timeout=1000) as signal:
        QTest.keyClicks(view, "x")
    assert signal.args == [True] and view.edited
    with qtbot.waitSignal(view.edited_changed, timeout=1000) as signal:
        QTest.keyClick(view, Qt.Key.Key_Backspace)
    assert signal.args == [False], "back to the original text"
    QTest.keyClicks(view, "y")
    with qtbot.waitSignal(view.edited_changed, timeout=1000) as signal:
        view.begin_stream()
    assert signal.args == [False]
    view.append_stream("a = 1\n")
    view.end_stream()
    assert not view.edited


def test_set_code_keeps_the_scroll_position(view) -> None:  # noqa: ANN001
    view.set_code("".join(f"v{n} = {n}\n" for n in range(400)))
    view.verticalScrollBar().setValue(120)
    view.set_code("".join(f"v{n} = {n + 1}\n" for n in range(400)))
    assert view.verticalScrollBar().value() == 120


def test_font_is_monospace_with_four_space_tabs(view) -> None:  # noqa: ANN001
    metrics = view.fontMetrics()
    assert metrics.horizontalAdvance("i") == metrics.horizontalAdvance("W")
    assert view.tabStopDistance() == pytest.approx(4 * metrics.horizontalAdvance(" "))
    assert view.palette().base().color() == QColor("#1e1e1e")

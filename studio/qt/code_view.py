"""CodeView: the studio's code pane: streams code in batches, highlights it, lets you edit and run it."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QEvent, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QFontDatabase,
    QKeyEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QResizeEvent,
    QTextCursor,
    QTextFormat,
)
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QWidget

from studio.qt.highlighter import PythonHighlighter

FLUSH_INTERVAL_MS = 16
"""Streamed text is inserted at most once per this interval (one screen refresh).

Measured: one insert per token with the highlighter on stalls the GUI thread 180 ms at
10,000 tokens/s; batching per 16 ms keeps stalls under 8 ms (benchmarks/stream_view.py).
"""

TAB_WIDTH_SPACES = 4
GUTTER_PADDING = 6
"""Pixels left and right of the line numbers."""

# Dark theme of the pane; the highlighter's colours are chosen to read on BACKGROUND.
BACKGROUND = QColor("#1e1e1e")
FOREGROUND = QColor("#d4d4d4")
SELECTION = QColor("#264f78")
GUTTER_BACKGROUND = QColor("#252526")
GUTTER_NUMBER = QColor("#858585")
GUTTER_CURRENT_NUMBER = QColor("#c6c6c6")
CURRENT_LINE = QColor("#2a2d2e")
ERROR_LINE = QColor(200, 40, 40, 90)
"""Red tint over the line of a refusal or traceback."""


class _LineNumberGutter(QWidget):
    """The strip left of the text; the view computes its width and paints it."""

    def __init__(self, view: CodeView) -> None:
        super().__init__(view)
        self._view = view

    def sizeHint(self) -> QSize:
        return QSize(self._view.gutter_width(), 0)

    def paintEvent(self, event: QPaintEvent) -> None:
        self._view.paint_gutter(event)


class CodeView(QPlainTextEdit):
    """Python code with line numbers and highlighting; streamed in, edited, run.

    Streaming: `begin_stream()`, any number of `append_stream(text)`, `end_stream()`.
    Queued text is inserted at the end once per FLUSH_INTERVAL_MS, so a fast model costs
    one insert (and one re-highlight of the last lines) per screen refresh, not per token.
    """

    run_requested = Signal(str)
    """Ctrl+Enter: run this code (the text of the view)."""
    edited_changed = Signal(bool)
    """True when the text starts to differ from the last set_code or stream, False when
    it matches again."""
    stream_flushed = Signal(int)
    """After each streaming insert: how many characters of the stream are now shown."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.flushes = 0
        """Document inserts made by streaming since the last begin_stream()."""
        self.longest_flush_ms = 0.0
        """The slowest of those inserts (insert + re-highlight + layout, not painting)."""
        self.flush_ms_total = 0.0
        """GUI-thread time spent in those inserts."""

        self._streaming = False
        self._pending: list[str] = []
        self._streamed_chars = 0
        self._setting_text = False  # our own changes are not the user's edits
        self._original_text = ""  # what set_code or the last stream put here
        self._edited = False
        self._error_line: int | None = None  # 1-based

        self._highlighter = PythonHighlighter(self.document())
        self._gutter = _LineNumberGutter(self)
        self._flush_timer = QTimer(self)
        self._flush_timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._flush_timer.setInterval(FLUSH_INTERVAL_MS)
        self._flush_timer.timeout.connect(self.flush_stream)

        self._apply_look()
        self.setPlaceholderText(
            self.tr("The game's code appears here as it is written. Ctrl+Enter runs your edits.")
        )
        self.blockCountChanged.connect(self._update_gutter_width)
        self.updateRequest.connect(self._scroll_gutter)
        self.cursorPositionChanged.connect(self._update_line_marks)
        self.textChanged.connect(self._on_text_changed)
        self._update_gutter_width()
        self._update_line_marks()

    def _apply_look(self) -> None:
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        self.setFont(font)
        self.setTabStopDistance(self.fontMetrics().horizontalAdvance(" ") * TAB_WIDTH_SPACES)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)  # code keeps its lines
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Base, BACKGROUND)
        palette.setColor(QPalette.ColorRole.Text, FOREGROUND)
        palette.setColor(QPalette.ColorRole.Highlight, SELECTION)
        palette.setColor(QPalette.ColorRole.HighlightedText, FOREGROUND)
        palette.setColor(QPalette.ColorRole.PlaceholderText, GUTTER_NUMBER)
        self.setPalette(palette)

    # ----- whole text -----------------------------------------------------------

    def code(self) -> str:
        """The current text."""
        return self.toPlainText()

    def set_code(self, code: str) -> None:
        """Replace the whole text (ends any stream); keeps the scroll position and cursor
        where the new text still reaches them."""
        self._stop_streaming()
        vertical, horizontal = self.verticalScrollBar().value(), self.horizontalScrollBar().value()
        cursor_position = self.textCursor().position()
        self._error_line = None
        with self._own_change():
            self.setPlainText(code)
        cursor = self.textCursor()
        # Qt positions count UTF-16 units; characterCount() includes the final separator.
        cursor.setPosition(min(cursor_position, self.document().characterCount() - 1))
        self.setTextCursor(cursor)
        # setTextCursor may scroll to the cursor; the old scroll position wins (clamped).
        self.verticalScrollBar().setValue(vertical)
        self.horizontalScrollBar().setValue(horizontal)
        self._reset_original(code)

    @property
    def edited(self) -> bool:
        """Whether the text differs from the last set_code or stream."""
        return self._edited

    # ----- streaming --------------------------------------------------------------

    @property
    def streaming(self) -> bool:
        return self._streaming

    def begin_stream(self) -> None:
        """Clear the view and show streamed text from now on; read-only until end_stream."""
        self._stop_streaming()
        self._error_line = None
        with self._own_change():
            self.clear()
        self._reset_original("")
        self.flushes, self.longest_flush_ms, self.flush_ms_total = 0, 0.0, 0.0
        self._streamed_chars = 0
        self._streaming = True
        self.setReadOnly(True)
        # A stream is not an edit to undo piece by piece (and its undo steps cost memory).
        self.document().setUndoRedoEnabled(False)
        self._flush_timer.start()

    def append_stream(self, text: str) -> None:
        """Queue text for the next flush; ignored outside a stream (a late piece of a
        cancelled stream must not land in the user's edits)."""
        if self._streaming and text:
            self._pending.append(text)

    def flush_stream(self) -> None:
        """Insert everything queued at the end, as one insert (the timer calls this)."""
        if not self._pending:
            return
        text = "".join(self._pending)
        self._pending.clear()
        started = time.perf_counter()
        scroll_bar = self.verticalScrollBar()
        follow_end = scroll_bar.value() >= scroll_bar.maximum()  # not if the user scrolled up
        cursor = QTextCursor(self.document())
        cursor.movePosition(QTextCursor.MoveOperation.End)
        with self._own_change():
            cursor.insertText(text)
        if follow_end:
            scroll_bar.setValue(scroll_bar.maximum())
        elapsed_ms = (time.perf_counter() - started) * 1000.0
        self.flushes += 1
        self.flush_ms_total += elapsed_ms
        self.longest_flush_ms = max(self.longest_flush_ms, elapsed_ms)
        self._streamed_chars += len(text)
        self.stream_flushed.emit(self._streamed_chars)

    def end_stream(self) -> None:
        """Insert what is still queued and make the text editable again."""
        if not self._streaming:
            return
        self.flush_stream()
        self._stop_streaming()
        self._reset_original(self.code())

    def _stop_streaming(self) -> None:
        self._flush_timer.stop()
        self._pending.clear()
        if self._streaming:
            self._streaming = False
            self.document().setUndoRedoEnabled(True)
            self.setReadOnly(False)

    # ----- edits and running ----------------------------------------------------------

    @contextmanager
    def _own_change(self) -> Iterator[None]:
        """Marks a text change made by the view itself, so it is not taken for an edit."""
        self._setting_text = True
        try:
            yield
        finally:
            self._setting_text = False

    def _reset_original(self, text: str) -> None:
        self._original_text = text
        self._set_edited(False)

    def _set_edited(self, edited: bool) -> None:
        if edited != self._edited:
            self._edited = edited
            self.edited_changed.emit(edited)

    def _on_text_changed(self) -> None:
        if self._setting_text or self._streaming:
            return
        if self._error_line is not None:
            self.clear_highlight()  # the marked line may not be the failing one any more
        self._set_edited(self.code() != self._original_text)

    def event(self, event: QEvent) -> bool:
        # Ctrl+Enter belongs to the code view while it has focus, even if the window
        # binds the same keys to something else.
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and _is_run_key(event)
        ):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if _is_run_key(event):
            event.accept()
            if not self._streaming:  # half a program would only fail
                self.run_requested.emit(self.code())
            return
        super().keyPressEvent(event)

    # ----- error line and current line -------------------------------------------------

    def highlight_line(self, line: int) -> None:
        """Put the cursor on `line` (1-based, as in tracebacks), scroll it into view and
        tint it red until clear_highlight() or the next edit."""
        block_count = self.document().blockCount()
        line = min(max(line, 1), block_count)
        block = self.document().findBlockByNumber(line - 1)
        self._error_line = line
        self.setTextCursor(QTextCursor(block))
        self.centerCursor()
        self._update_line_marks()

    def clear_highlight(self) -> None:
        """Remove the red tint of highlight_line()."""
        if self._error_line is not None:
            self._error_line = None
            self._update_line_marks()

    @property
    def highlighted_line(self) -> int | None:
        """The 1-based line tinted by highlight_line(), or None."""
        return self._error_line

    def _update_line_marks(self) -> None:
        marks = [self._full_width_mark(self.textCursor(), CURRENT_LINE)]
        if self._error_line is not None:
            block = self.document().findBlockByNumber(self._error_line - 1)
            marks.append(self._full_width_mark(QTextCursor(block), ERROR_LINE))
        self.setExtraSelections(marks)

    @staticmethod
    def _full_width_mark(cursor: QTextCursor, color: QColor) -> QTextEdit.ExtraSelection:
        mark = QTextEdit.ExtraSelection()
        mark.format.setBackground(color)
        mark.format.setProperty(QTextFormat.Property.FullWidthSelection, True)
        mark.cursor = QTextCursor(cursor)
        mark.cursor.clearSelection()
        return mark

    # ----- line-number gutter ----------------------------------------------------------

    def gutter_width(self) -> int:
        """Pixels needed for the largest line number (at least two digits)."""
        digits = max(2, len(str(self.document().blockCount())))
        return 2 * GUTTER_PADDING + self.fontMetrics().horizontalAdvance("9") * digits

    def _update_gutter_width(self) -> None:
        width = self.gutter_width()
        # Called for every new line while streaming; re-laying out the viewport is not free.
        if width != self.viewportMargins().left():
            self.setViewportMargins(width, 0, 0, 0)
            self._place_gutter()

    def _scroll_gutter(self, rect: QRect, dy: int) -> None:
        if dy:
            self._gutter.scroll(0, dy)
        else:
            self._gutter.update(0, rect.y(), self._gutter.width(), rect.height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_gutter()

    def _place_gutter(self) -> None:
        contents = self.contentsRect()
        self._gutter.setGeometry(
            QRect(contents.left(), contents.top(), self.gutter_width(), contents.height())
        )

    def paint_gutter(self, event: QPaintEvent) -> None:
        """Paint the line numbers of the visible lines (called by the gutter widget)."""
        painter = QPainter(self._gutter)
        try:
            painter.fillRect(event.rect(), GUTTER_BACKGROUND)
            painter.setFont(self.font())
            current = self.textCursor().blockNumber()
            number_width = self._gutter.width() - GUTTER_PADDING
            line_height = self.fontMetrics().height()
            block = self.firstVisibleBlock()
            top = self.blockBoundingGeometry(block).translated(self.contentOffset()).top()
            bottom_of_paint = event.rect().bottom()
            while block.isValid() and top <= bottom_of_paint:
                height = self.blockBoundingRect(block).height()
                if block.isVisible() and top + height >= event.rect().top():
                    number = block.blockNumber()
                    painter.setPen(GUTTER_CURRENT_NUMBER if number == current else GUTTER_NUMBER)
                    painter.drawText(
                        0, int(top), number_width, line_height,
                        Qt.AlignmentFlag.AlignRight, str(number + 1),
                    )
                top += height
                block = block.next()
        finally:
            painter.end()


def _is_run_key(event: QKeyEvent) -> bool:
    return event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and bool(
        event.modifiers() & Qt.KeyboardModifier.ControlModifier
    )

"""DiffView: what changed between two versions of a game, as a unified diff with tinted lines."""

from __future__ import annotations

import difflib

from PySide6.QtGui import QColor, QFontDatabase, QPalette, QTextBlockFormat, QTextCursor
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from studio.library.store import Version
from studio.qt.code_view import BACKGROUND, FOREGROUND, GUTTER_NUMBER, SELECTION

CONTEXT_LINES = 3
"""Unchanged lines shown around each change."""

# Tints over the code view's dark background.
ADDED_LINE = QColor(40, 170, 70, 80)
"""Green tint of a line the newer version added."""
REMOVED_LINE = QColor(200, 40, 40, 90)
"""Red tint of a line the newer version removed (the code view's error red)."""
HUNK_LINE = QColor(70, 120, 210, 70)
"""Blue tint of an `@@ … @@` line (where a change is)."""


class DiffView(QWidget):
    """A header "version 12 → version 15" over a read-only, monospace unified diff."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.header = QLabel()
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.text.setUndoRedoEnabled(False)
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        palette = self.text.palette()
        palette.setColor(QPalette.ColorRole.Base, BACKGROUND)
        palette.setColor(QPalette.ColorRole.Text, FOREGROUND)
        palette.setColor(QPalette.ColorRole.Highlight, SELECTION)
        palette.setColor(QPalette.ColorRole.HighlightedText, FOREGROUND)
        palette.setColor(QPalette.ColorRole.PlaceholderText, GUTTER_NUMBER)
        self.text.setPalette(palette)
        self.text.setPlaceholderText(self.tr("Choose two versions to compare."))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.header)
        layout.addWidget(self.text, 1)
        self.old_id: int | None = None
        self.new_id: int | None = None

    def show_diff(self, old: Version, new: Version) -> None:
        """Show how `new`'s code differs from `old`'s (lines `+` added, `-` removed)."""
        self.old_id, self.new_id = old.id, new.id
        self.header.setText(self.tr("version {old} → version {new}").format(old=old.id, new=new.id))
        lines = list(
            difflib.unified_diff(
                old.code.splitlines(),
                new.code.splitlines(),
                fromfile=self.tr("version {id}").format(id=old.id),
                tofile=self.tr("version {id}").format(id=new.id),
                n=CONTEXT_LINES,
                lineterm="",
            )
        )
        if not lines:
            self.text.setPlainText(self.tr("The two versions have the same code."))
            return
        self.text.setPlainText("\n".join(lines))
        self._tint()
        self.text.moveCursor(QTextCursor.MoveOperation.Start)

    def diff_text(self) -> str:
        """The diff as shown."""
        return self.text.toPlainText()

    def _tint(self) -> None:
        document = self.text.document()
        cursor = QTextCursor(document)
        cursor.beginEditBlock()
        try:
            block = document.firstBlock().next().next()  # after the ---/+++ file lines
            while block.isValid():
                color = _tint_of(block.text())
                if color is not None:
                    cursor.setPosition(block.position())
                    block_format = QTextBlockFormat()
                    block_format.setBackground(color)
                    cursor.setBlockFormat(block_format)
                block = block.next()
        finally:
            cursor.endEditBlock()


def _tint_of(line: str) -> QColor | None:
    if line.startswith("+"):
        return ADDED_LINE
    if line.startswith("-"):
        return REMOVED_LINE
    if line.startswith("@@"):
        return HUNK_LINE
    return None

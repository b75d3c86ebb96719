"""MessageBar: a closable line above the jam saying what just happened (info, warning or error)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QWidget

_LEVEL_COLOURS = {"info": "#d6eaf8", "warning": "#fdebd0", "error": "#fadbd8"}


class MessageBar(QFrame):
    """One line (or a few) above the jam saying what just happened; closable with its ×."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.level = ""
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        close = QToolButton()
        close.setText("×")
        close.setAutoRaise(True)
        close.setToolTip(self.tr("Hide this message"))
        close.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 4)
        layout.addWidget(self.label, 1)
        layout.addWidget(close, 0, Qt.AlignmentFlag.AlignTop)
        self.hide()

    def show_message(self, level: str, text: str) -> None:
        """Show `text`; `level` ("info", "warning" or "error") picks the colour."""
        self.level = level
        self.label.setText(text)
        colour = _LEVEL_COLOURS.get(level, _LEVEL_COLOURS["info"])
        self.setStyleSheet(
            f"MessageBar {{ background: {colour}; border-radius: 4px; }} QLabel {{ color: #1b1b1b; }}"
        )
        self.show()

    def text(self) -> str:
        """The message shown, or "" while the bar is hidden."""
        return self.label.text() if self.isVisible() else ""

"""JamHeader: the jam's name and theme, and its countdown shown large (Start, then Time's up)."""

from __future__ import annotations

import math

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from studio.library.jams import Jam


def format_countdown(seconds: float) -> str:
    """Whole seconds left as "m:ss", "h:mm:ss" or "d d hh:mm:ss" (rounded up: 0 only at the end)."""
    left = max(0, math.ceil(seconds))
    days, rest = divmod(left, 86400)
    hours, rest = divmod(rest, 3600)
    minutes, secs = divmod(rest, 60)
    if days:
        return f"{days} d {hours:02d}:{minutes:02d}:{secs:02d}"
    if hours:
        return f"{hours}:{minutes:02d}:{secs:02d}"
    return f"{minutes}:{secs:02d}"


class JamHeader(QWidget):
    """Shows one jam; `refresh(jam, now)` once a second keeps the countdown moving."""

    start_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = QLabel()
        name_font = QFont(self.name.font())
        name_font.setPointSizeF(name_font.pointSizeF() * 1.6)
        name_font.setBold(True)
        self.name.setFont(name_font)
        self.theme = QLabel()
        theme_font = QFont(self.theme.font())
        theme_font.setPointSizeF(theme_font.pointSizeF() * 1.25)
        self.theme.setFont(theme_font)
        self.theme.setTextFormat(Qt.TextFormat.PlainText)
        self.name.setTextFormat(Qt.TextFormat.PlainText)
        self.countdown = QLabel()
        countdown_font = QFont(self.countdown.font())
        countdown_font.setPointSizeF(countdown_font.pointSizeF() * 3.2)
        countdown_font.setBold(True)
        countdown_font.setStyleHint(QFont.StyleHint.Monospace)
        countdown_font.setFamilies(["DejaVu Sans Mono", "Menlo", "Consolas", "monospace"])
        self.countdown.setFont(countdown_font)
        self.countdown.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.countdown.setAccessibleName(self.tr("Time left"))
        self.note = QLabel()
        self.note.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.start_button = QPushButton(self.tr("Start the countdown"))
        self.start_button.setToolTip(self.tr("Start the jam's clock now (Ctrl+T)"))
        self.start_button.clicked.connect(self.start_requested)
        titles = QVBoxLayout()
        titles.addWidget(self.name)
        titles.addWidget(self.theme)
        titles.addStretch(1)
        clock_row = QHBoxLayout()
        clock_row.addStretch(1)
        clock_row.addWidget(self.note)
        clock_row.addWidget(self.start_button)
        clock = QVBoxLayout()
        clock.addWidget(self.countdown)
        clock.addLayout(clock_row)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(titles, 1)
        layout.addLayout(clock)
        self._state = ""

    @property
    def state(self) -> str:
        """The jam's state: "none", "waiting", "running" or "over" (for the window and tests)."""
        return self._state

    def refresh(self, jam: Jam | None, now: float) -> None:
        """Show `jam` as it stands at `now` (time.time() seconds)."""
        if jam is None:
            self._state = "none"
            self.name.setText(self.tr("No jam yet"))
            self.theme.setText(
                self.tr("Press “New jam…” (Ctrl+N) to set a name, a theme and a duration.")
            )
            self.countdown.setText("")
            self.note.setText("")
            self.start_button.hide()
            return
        self.name.setText(jam.name)
        self.theme.setText(self.tr("Theme: {theme}").format(theme=jam.theme))
        if jam.started_at is None:
            self._state = "waiting"
            self.countdown.setText(format_countdown(jam.duration_s))
            self.countdown.setStyleSheet("color: palette(mid);")
            self.note.setText(self.tr("Not started yet."))
            self.start_button.show()
        elif not jam.is_over(now):
            self._state = "running"
            remaining = jam.remaining_s(now)
            self.countdown.setText(format_countdown(remaining))
            self.countdown.setStyleSheet("color: #d35400;" if remaining < 300 else "")
            self.note.setText(
                self.tr("time left · entries after the end are accepted and marked late")
            )
            self.start_button.hide()
        else:
            self._state = "over"
            self.countdown.setText(self.tr("Time's up"))
            self.countdown.setStyleSheet("color: #c0392b;")
            self.note.setText(self.tr("Entries added now are accepted and marked late."))
            self.start_button.hide()

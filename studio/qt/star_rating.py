"""StarRating: a row of five stars to pick 1–5 with the mouse or the keyboard."""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import QWidget

MAX_STARS = 5
STAR_SIDE = 26
"""Pixels per star, spacing included."""

_GOLD = QColor(245, 180, 20)
_HOVER = QColor(250, 210, 110)

_DIGIT_KEYS = {
    Qt.Key.Key_0: 0,
    Qt.Key.Key_1: 1,
    Qt.Key.Key_2: 2,
    Qt.Key.Key_3: 3,
    Qt.Key.Key_4: 4,
    Qt.Key.Key_5: 5,
}


def _star(centre: QPointF, outer: float) -> QPolygonF:
    """A five-pointed star, point up."""
    inner = outer * 0.45
    points = []
    for index in range(10):
        radius = outer if index % 2 == 0 else inner
        angle = -math.pi / 2 + index * math.pi / 5
        points.append(
            QPointF(centre.x() + radius * math.cos(angle), centre.y() + radius * math.sin(angle))
        )
    return QPolygonF(points)


class StarRating(QWidget):
    """0 (not rated yet) or 1–5 stars. Keys: 1–5 set, Left/Right step, 0 or Delete clear."""

    value_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._value = 0
        self._hover = 0
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    @property
    def value(self) -> int:
        return self._value

    def set_value(self, value: int) -> None:
        """Show `value` stars (clamped to 0–5); emits value_changed when it changes."""
        value = max(0, min(MAX_STARS, int(value)))
        if value == self._value:
            return
        self._value = value
        self.setAccessibleDescription(self.tr("{count} of 5 stars").format(count=value))
        self.update()
        self.value_changed.emit(value)

    def sizeHint(self) -> QSize:
        return QSize(STAR_SIDE * MAX_STARS + 4, STAR_SIDE + 4)

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def _star_at(self, x: float) -> int:
        return max(1, min(MAX_STARS, int((x - 2) // STAR_SIDE) + 1))

    # -- input ---------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        chords = (
            Qt.KeyboardModifier.ControlModifier
            | Qt.KeyboardModifier.AltModifier
            | Qt.KeyboardModifier.MetaModifier
        )
        if event.modifiers() & chords:
            super().keyPressEvent(event)  # Ctrl+1 etc. stay shortcuts
            return
        if key in _DIGIT_KEYS:
            self.set_value(_DIGIT_KEYS[Qt.Key(key)])
        elif key in (Qt.Key.Key_Right, Qt.Key.Key_Plus, Qt.Key.Key_Up):
            self.set_value(self._value + 1)
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Minus, Qt.Key.Key_Down):
            self.set_value(max(1, self._value - 1) if self._value else 0)
        elif key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.set_value(0)
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.setFocus(Qt.FocusReason.MouseFocusReason)
            self.set_value(self._star_at(event.position().x()))
            event.accept()
        else:
            super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        hover = self._star_at(event.position().x())
        if hover != self._hover:
            self._hover = hover
            self.update()

    def leaveEvent(self, event) -> None:  # noqa: ANN001 - QEvent or QEnterEvent by Qt version
        self._hover = 0
        self.update()
        super().leaveEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        self.update()
        super().focusInEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.update()
        super().focusOutEvent(event)

    # -- painting ------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        outline = self.palette().color(QPalette.ColorRole.Text)
        outline.setAlpha(150)
        shown = self._hover or self._value
        colour = _HOVER if self._hover else _GOLD
        for index in range(1, MAX_STARS + 1):
            centre = QPointF(2 + (index - 0.5) * STAR_SIDE, self.height() / 2)
            painter.setPen(QPen(outline if index > shown else colour.darker(130), 1.2))
            painter.setBrush(colour if index <= shown else Qt.BrushStyle.NoBrush)
            painter.drawPolygon(_star(centre, STAR_SIDE * 0.42))
        if self.hasFocus():
            highlight = self.palette().color(QPalette.ColorRole.Highlight)
            painter.setPen(QPen(highlight, 1.5, Qt.PenStyle.DotLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(QRectF(self.rect()).adjusted(0.75, 0.75, -0.75, -0.75), 4, 4)
        painter.end()

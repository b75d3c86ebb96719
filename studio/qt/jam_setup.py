"""New jam dialog: a name, a theme typed or drawn from the built-in list, a duration."""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from studio.library.jam_themes import draw_theme
from studio.library.jams import MAX_DURATION_S, Jam, JamError

UNIT_SECONDS = (60, 3600, 86400)
"""Seconds per unit of the duration box: minutes, hours, days."""

DEFAULT_DURATION = (2, 1)
"""Two hours: (amount, index into UNIT_SECONDS)."""

CreateJam = Callable[[str, str, int, bool], Jam]
"""(name, theme, duration_s, start_now) → the new jam; raises JamError with a one-line message."""


class NewJamDialog(QDialog):
    """Asks for what a jam needs and creates it through `create`; errors stay in the dialog."""

    created = Signal(object)  # the new Jam

    def __init__(
        self,
        create: CreateJam,
        rng: random.Random,
        earlier_themes: Sequence[str] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._create = create
        self._rng = rng
        self._earlier_themes = tuple(earlier_themes)
        self.setWindowTitle(self.tr("New jam"))
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("e.g. Friday Night Jam"))
        self.theme = QLineEdit()
        self.theme.setPlaceholderText(self.tr("Type a theme, or draw one"))
        self.draw_button = QPushButton(self.tr("&Draw"))
        self.draw_button.setToolTip(self.tr("Draw a theme from the built-in list (Alt+D)"))
        self.draw_button.clicked.connect(self.draw)
        theme_row = QHBoxLayout()
        theme_row.addWidget(self.theme, 1)
        theme_row.addWidget(self.draw_button)
        self.amount = QSpinBox()
        self.amount.setRange(1, MAX_DURATION_S // UNIT_SECONDS[0])
        self.unit = QComboBox()
        self.unit.addItems([self.tr("minutes"), self.tr("hours"), self.tr("days")])
        self.unit.currentIndexChanged.connect(self._unit_changed)
        self.amount.setValue(DEFAULT_DURATION[0])
        self.unit.setCurrentIndex(DEFAULT_DURATION[1])
        duration_row = QHBoxLayout()
        duration_row.addWidget(self.amount, 1)
        duration_row.addWidget(self.unit)
        self.start_now = QCheckBox(self.tr("Start the countdown now"))
        self.start_now.setChecked(True)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c0392b;")
        self.error.hide()
        form = QFormLayout()
        form.addRow(self.tr("&Name:"), self.name)
        form.addRow(self.tr("&Theme:"), theme_row)
        form.addRow(self.tr("D&uration:"), duration_row)
        form.addRow("", self.start_now)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Create jam"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self._label_buddies(form)
        self.name.setFocus(Qt.FocusReason.OtherFocusReason)
        self.setMinimumWidth(420)

    def _label_buddies(self, form: QFormLayout) -> None:
        # Alt+T and Alt+U focus the fields that sit in a row layout (Alt+N works already).
        for row, field in ((1, self.theme), (2, self.amount)):
            item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            label = item.widget() if item is not None else None
            if isinstance(label, QLabel):
                label.setBuddy(field)

    def draw(self) -> str:
        """Put a theme from the built-in list in the theme box (not one of earlier jams)."""
        theme = draw_theme(self._rng, avoid=(*self._earlier_themes, self.theme.text()))
        self.theme.setText(theme)
        return theme

    def duration_s(self) -> int:
        """The chosen duration in seconds."""
        return self.amount.value() * UNIT_SECONDS[self.unit.currentIndex()]

    def _unit_changed(self, index: int) -> None:
        self.amount.setMaximum(max(1, MAX_DURATION_S // UNIT_SECONDS[index]))

    def accept(self) -> None:
        """Create the jam; on a problem, say it here and keep the dialog open."""
        try:
            jam = self._create(
                self.name.text(), self.theme.text(), self.duration_s(), self.start_now.isChecked()
            )
        except JamError as error:
            self.error.setText(str(error))
            self.error.show()
            return
        self.created.emit(jam)
        super().accept()

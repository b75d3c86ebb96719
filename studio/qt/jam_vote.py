"""VotePanel: a voter's name and 1–5 stars for fun, theme and look, then Vote (Enter)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from studio.library.jams import Vote
from studio.qt.star_rating import StarRating


class VotePanel(QWidget):
    """Collects one vote; emits vote_requested(voter, fun, theme, look) on Vote or Enter."""

    vote_requested = Signal(str, int, int, int)
    voter_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = QLabel(self.tr("Your vote"))
        heading_font = self.heading.font()
        heading_font.setBold(True)
        heading_font.setPointSizeF(heading_font.pointSizeF() * 1.2)
        self.heading.setFont(heading_font)
        self.voter = QLineEdit()
        self.voter.setPlaceholderText(self.tr("Your name"))
        self.voter.setMaxLength(60)
        self.voter.textChanged.connect(lambda text: self.voter_changed.emit(text.strip()))
        self.fun = StarRating()
        self.theme = StarRating()
        self.look = StarRating()
        form = QFormLayout()
        form.addRow(self.tr("&Voter:"), self.voter)
        form.addRow(self.tr("&Fun:"), self.fun)
        form.addRow(self.tr("T&heme:"), self.theme)
        form.addRow(self.tr("&Look:"), self.look)
        for stars, what in (
            (self.fun, self.tr("Fun")),
            (self.theme, self.tr("Theme")),
            (self.look, self.tr("Look")),
        ):
            stars.setAccessibleName(what)
            stars.setToolTip(self.tr("{what}: press 1–5, or click a star").format(what=what))
        self.vote_button = QPushButton(self.tr("Vote"))
        self.vote_button.setToolTip(self.tr("Save this vote and play the next entry (Enter)"))
        self.vote_button.clicked.connect(self.submit)
        # Enter anywhere in the panel votes (a QMainWindow has no default button).
        vote_action = QAction(self.tr("Vote"), self)
        vote_action.setShortcuts([QKeySequence(Qt.Key.Key_Return), QKeySequence(Qt.Key.Key_Enter)])
        vote_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        vote_action.triggered.connect(self.submit)
        self.addAction(vote_action)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.hint = QLabel(
            self.tr(
                "Tab moves between rows, 1–5 sets the stars, Enter votes and plays the next entry. "
                "Voting again on an entry replaces your vote."
            )
        )
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: palette(mid);")
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(form)
        layout.addWidget(self.vote_button)
        layout.addWidget(self.status)
        layout.addStretch(1)
        layout.addWidget(self.hint)
        self.setTabOrder(self.voter, self.fun)
        self.setTabOrder(self.fun, self.theme)
        self.setTabOrder(self.theme, self.look)
        self.setTabOrder(self.look, self.vote_button)

    def voter_name(self) -> str:
        return self.voter.text().strip()

    def show_vote(self, vote: Vote | None) -> None:
        """Fill the stars with the voter's earlier vote on this entry, or clear them."""
        for stars, value in zip(
            (self.fun, self.theme, self.look),
            (vote.fun, vote.theme, vote.look) if vote is not None else (0, 0, 0),
            strict=True,
        ):
            stars.set_value(value)
        self.set_has_vote(vote is not None)

    def set_has_vote(self, has_vote: bool) -> None:
        """Say whether Vote replaces this voter's earlier vote on the entry."""
        self.vote_button.setText(self.tr("Change vote") if has_vote else self.tr("Vote"))

    def set_status(self, text: str) -> None:
        self.status.setText(text)

    def submit(self) -> None:
        """Ask for the vote to be saved, or say what is missing and focus it."""
        if not self.isEnabled():
            return
        if not self.voter_name():
            self.set_status(self.tr("Type your name first: votes are per voter."))
            self.voter.setFocus()
            return
        for stars in (self.fun, self.theme, self.look):
            if stars.value == 0:
                self.set_status(
                    self.tr("Give {what} 1 to 5 stars first.").format(
                        what=stars.accessibleName().lower()
                    )
                )
                stars.setFocus()
                return
        self.vote_requested.emit(
            self.voter_name(), self.fun.value, self.theme.value, self.look.value
        )

    def focus_first_empty(self) -> None:
        """Put the keyboard where the voter goes next: the name, or the first unset stars."""
        if not self.voter_name():
            self.voter.setFocus()
            return
        for stars in (self.fun, self.theme, self.look):
            if stars.value == 0:
                stars.setFocus()
                return
        self.fun.setFocus()

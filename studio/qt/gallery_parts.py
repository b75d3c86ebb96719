"""Parts of the gallery window: the detail pane, the message bar, the untrusted banner.

The detail pane plays the game's latest GIF capture (a QMovie over the bytes in memory)
or shows its thumbnail; the message bar says what just happened ("Deleted “Snake”") with
an optional button (Undo), or why something was refused; the banner marks a shared game the user has not kept yet
(the studio window shows it too).
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QFont, QMovie, QPainter, QPixmap
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from studio.library.games import Game
from studio.qt.gallery_model import paint_padlock, paint_tile, plays_text

PICTURE_SIZE = QSize(320, 240)
"""The detail pane's picture box (GIF captures are at most 320 pixels wide)."""


class GameDetail(QWidget):
    """The selected game: its GIF capture playing (or thumbnail), title and facts."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.picture = QLabel()
        self.picture.setFixedSize(PICTURE_SIZE)
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.picture.setStyleSheet("background: #181b22; border-radius: 4px;")
        self.title = QLabel()
        font = QFont(self.title.font())
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setWordWrap(True)
        self.facts = QLabel()
        self.facts.setWordWrap(True)
        self.facts.setTextFormat(Qt.TextFormat.PlainText)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.picture)
        layout.addWidget(self.title)
        layout.addWidget(self.facts)
        layout.addStretch(1)
        self.setFixedWidth(PICTURE_SIZE.width())
        self._buffer: QBuffer | None = None
        self._movie: QMovie | None = None
        self.show_game(None)

    @property
    def movie(self) -> QMovie | None:
        """The GIF playing now, if the game has one."""
        return self._movie

    def show_game(self, game: Game | None, gif: bytes | None = None, png: bytes | None = None) -> None:
        """Show this game (None: nothing selected)."""
        self._stop_movie()
        if game is None:
            self.picture.clear()
            self.picture.setText(self.tr("Select a game"))
            self.title.clear()
            self.facts.clear()
            return
        self.title.setText(game.title)
        self.facts.setText(self._facts(game))
        if gif and self._play(gif):
            return
        self.picture.setPixmap(paint_tile(game.title, png, untrusted=not game.trusted, size=PICTURE_SIZE))

    def _play(self, gif: bytes) -> bool:
        buffer = QBuffer()
        buffer.setData(QByteArray(gif))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        movie = QMovie(buffer, QByteArray(b"gif"))
        if not movie.isValid() or not movie.jumpToFrame(0) or movie.currentImage().isNull():
            return False
        size = movie.currentImage().size()
        if size.width() > PICTURE_SIZE.width() or size.height() > PICTURE_SIZE.height():
            size.scale(PICTURE_SIZE, Qt.AspectRatioMode.KeepAspectRatio)
            movie.setScaledSize(size)
        self._buffer, self._movie = buffer, movie  # the movie reads the buffer as it plays
        self.picture.setMovie(movie)
        movie.start()
        return True

    def _stop_movie(self) -> None:
        if self._movie is not None:
            self._movie.stop()
            self.picture.setMovie(QMovie())  # the label lets go of the old movie
            self._movie.deleteLater()
        if self._buffer is not None:
            self._buffer.close()
        self._movie = self._buffer = None

    def _facts(self, game: Game) -> str:
        lines = [plays_text(game.play_count)]
        if game.author:
            lines.append(self.tr("By {author}").format(author=game.author))
        origin = {
            "made": self.tr("Made here"),
            "imported": self.tr("Imported from a cartridge"),
            "jam": self.tr("A jam entry"),
        }.get(game.origin, game.origin)
        lines.append(origin)
        changed = datetime.fromtimestamp(game.updated_at).strftime("%Y-%m-%d %H:%M")
        lines.append(self.tr("Last changed {when}").format(when=changed))
        if not game.has_gif:
            lines.append(self.tr("Press F9 while it plays to capture a GIF"))
        return "\n".join(lines)


class MessageBar(QFrame):
    """One line about what just happened, with an optional action button; hidden when empty."""

    action_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setObjectName("messageBar")
        self.text = QLabel()
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.button = QPushButton()
        self.button.setAutoDefault(False)
        self.button.clicked.connect(self.action_clicked)
        close = QPushButton("×")
        close.setAutoDefault(False)
        close.setFlat(True)
        close.setFixedWidth(close.fontMetrics().horizontalAdvance("×") + 16)
        close.setToolTip(self.tr("Hide this message"))
        close.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 2, 2, 2)
        layout.addWidget(self.text)
        layout.addWidget(self.button)
        layout.addWidget(close)
        self.hide()

    def say(self, text: str, action: str | None = None, warning: bool = False) -> None:
        """Show `text`, with a button labelled `action` if given."""
        self.text.setText(text)
        self.button.setVisible(action is not None)
        self.button.setText(action or "")
        colour = "#f8d7da" if warning else "#e7f1e4"
        self.setStyleSheet(f"#messageBar {{ background: {colour}; color: black; }} QLabel {{ color: black; }}")
        self.show()


class UntrustedBanner(QFrame):
    """A padlock, who shared the game, that it runs only in the sandbox, and a Keep button."""

    keep_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("untrustedBanner")
        self.setStyleSheet("#untrustedBanner { background: #fff3cd; } QLabel { color: black; }")
        padlock = QLabel()
        padlock.setPixmap(_padlock_pixmap(20))
        self.text = QLabel()
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setWordWrap(True)
        self.text.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.keep_button = QPushButton(self.tr("Keep"))
        self.keep_button.setAutoDefault(False)
        self.keep_button.setToolTip(self.tr("Trust this game: it stops being marked as shared"))
        self.keep_button.clicked.connect(self.keep_clicked)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 4)
        layout.addWidget(padlock)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.keep_button)
        self.hide()

    def show_for(self, game: Game | None) -> None:
        """Show the banner for an untrusted game; hide it for a trusted one (or none)."""
        if game is None or game.trusted:
            self.hide()
            return
        author = game.author or self.tr("someone you do not know")
        self.text.setText(self.tr("Shared by {author}. It runs only in the sandbox.").format(author=author))
        self.show()


def _padlock_pixmap(size: int) -> QPixmap:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    paint_padlock(painter, QRectF(0, 0, size, size))
    painter.end()
    return pixmap

"""The gallery's list model: the library's games as tiles (thumbnail or placeholder, untrusted badge).

A thin Qt model over `GameLibrary.games(search)`. Tiles are painted once per game and
cached until the library changes (`reload`); a search only filters (`set_search`), so
typing never decodes a thumbnail twice. Only visible rows are asked for their tile.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPointF,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QImage,
    QLinearGradient,
    QPainter,
    QPainterPath,
    QPen,
    QPixmap,
)

from studio.library.games import Game, GameLibrary, LibraryError

TILE_SIZE = QSize(192, 144)
"""The picture of one game in the grid (the thumbnails' 4:3, scaled down)."""

GAME_ROLE = Qt.ItemDataRole.UserRole + 1
"""data(index, GAME_ROLE): the row's Game."""

UNTRUSTED_ROLE = Qt.ItemDataRole.UserRole + 2
"""data(index, UNTRUSTED_ROLE): True for a shared game the user has not kept yet."""

_PLACEHOLDER_TOP = QColor(46, 52, 64)
_PLACEHOLDER_BOTTOM = QColor(24, 27, 34)
_BADGE = QColor(230, 150, 30)

AnyIndex = QModelIndex | QPersistentModelIndex


class GameListModel(QAbstractListModel):
    """Rows of games, newest updated first; the title is editable (a rename)."""

    rename_refused = Signal(str)
    """A rename was turned down: the one-line reason to show."""
    renamed = Signal(int)
    """A game got a new title (game id)."""

    def __init__(self, library: GameLibrary, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._library = library
        self._search = ""
        self._games: list[Game] = []
        self._tiles: dict[int, QPixmap] = {}

    # -- what the gallery does ------------------------------------------------------------

    @property
    def search(self) -> str:
        return self._search

    def set_search(self, text: str) -> None:
        """Show only the games matching `text` (title, author or a prompt); tiles stay cached."""
        self._search = text
        self._requery()

    def reload(self) -> None:
        """The library changed: read the games again and repaint every tile."""
        self._tiles.clear()
        self._requery()

    def game_at(self, row: int) -> Game | None:
        return self._games[row] if 0 <= row < len(self._games) else None

    def row_of(self, game_id: int) -> int | None:
        return next((row for row, game in enumerate(self._games) if game.id == game_id), None)

    @property
    def games(self) -> tuple[Game, ...]:
        return tuple(self._games)

    def _requery(self) -> None:
        self.beginResetModel()
        self._games = self._library.games(self._search.strip())
        self.endResetModel()

    # -- Qt's side ------------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802, B008 - Qt override
        return 0 if parent.isValid() else len(self._games)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsEditable if index.isValid() else base

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        game = self.game_at(index.row()) if index.isValid() else None
        if game is None:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return game.title
        if role == Qt.ItemDataRole.DecorationRole:
            return self._tile(game)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(game)
        if role == Qt.ItemDataRole.AccessibleDescriptionRole:
            return self._tooltip(game).replace("\n", ". ")
        if role == GAME_ROLE:
            return game
        if role == UNTRUSTED_ROLE:
            return not game.trusted
        return None

    def setData(self, index: AnyIndex, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        """An inline rename; an empty title is refused with a message (rename_refused)."""
        game = self.game_at(index.row()) if index.isValid() else None
        if game is None or role != Qt.ItemDataRole.EditRole:
            return False
        title = " ".join(str(value or "").split())
        if title == game.title:
            return False
        if not title:
            self.rename_refused.emit(
                self.tr("A game needs a title: “{title}” keeps its name.").format(title=game.title)
            )
            return False
        try:
            renamed = self._library.rename(game.id, title)
        except LibraryError as error:
            self.rename_refused.emit(str(error))
            return False
        self._games[index.row()] = renamed
        self.dataChanged.emit(index, index)
        self.renamed.emit(game.id)
        return True

    # -- tiles and tooltips ---------------------------------------------------------------

    def _tooltip(self, game: Game) -> str:
        lines = [game.title, plays_text(game.play_count)]
        if game.author:
            lines.append(self.tr("By {author}").format(author=game.author))
        if not game.trusted:
            lines.append(self.tr("Untrusted: shared with you, it runs only in the sandbox"))
        return "\n".join(lines)

    def _tile(self, game: Game) -> QPixmap:
        tile = self._tiles.get(game.id)
        if tile is None:
            png = self._library.thumbnail(game.id) if game.has_thumbnail else None
            tile = paint_tile(game.title, png, untrusted=not game.trusted)
            self._tiles[game.id] = tile
        return tile


def plays_text(count: int) -> str:
    """How often a game was played, in words."""
    if count <= 0:
        return QCoreApplication.translate("GameListModel", "Not played yet")
    if count == 1:
        return QCoreApplication.translate("GameListModel", "Played once")
    return QCoreApplication.translate("GameListModel", "Played {count} times").format(count=count)


def paint_tile(title: str, png: bytes | None, untrusted: bool, size: QSize = TILE_SIZE) -> QPixmap:
    """A game's picture: its thumbnail letterboxed on dark, or a placeholder with its initial;
    a padlock badge in the corner when it is untrusted."""
    tile = QPixmap(size)
    tile.fill(_PLACEHOLDER_BOTTOM)
    painter = QPainter(tile)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    image = QImage.fromData(png) if png else QImage()
    if image.isNull():
        _paint_placeholder(painter, size, title)
    else:
        scaled = image.scaled(size, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation)
        painter.drawImage((size.width() - scaled.width()) // 2, (size.height() - scaled.height()) // 2, scaled)
    if untrusted:
        paint_padlock(painter, QRectF(size.width() - 34, 6, 28, 28))
    painter.end()
    return tile


def _paint_placeholder(painter: QPainter, size: QSize, title: str) -> None:
    gradient = QLinearGradient(0, 0, 0, size.height())
    gradient.setColorAt(0, _PLACEHOLDER_TOP)
    gradient.setColorAt(1, _PLACEHOLDER_BOTTOM)
    painter.fillRect(0, 0, size.width(), size.height(), QBrush(gradient))
    font = QFont()
    font.setPixelSize(size.height() // 2)
    font.setBold(True)
    painter.setFont(font)
    painter.setPen(QColor(255, 255, 255, 90))
    initial = title.strip()[:1].upper() or "?"
    painter.drawText(QRectF(0, 0, size.width(), size.height()), Qt.AlignmentFlag.AlignCenter, initial)


def paint_padlock(painter: QPainter, box: QRectF) -> None:
    """The untrusted badge: a white padlock on an amber disc filling `box`."""
    painter.save()
    painter.setPen(QPen(QColor(0, 0, 0, 120), 1))
    painter.setBrush(_BADGE)
    painter.drawEllipse(box)
    unit = box.width() / 28
    centre = box.center()
    body = QRectF(centre.x() - 7 * unit, centre.y() - 2 * unit, 14 * unit, 10 * unit)
    shackle = QPainterPath()
    shackle.moveTo(QPointF(centre.x() - 4.5 * unit, body.top()))
    shackle.lineTo(QPointF(centre.x() - 4.5 * unit, centre.y() - 5 * unit))
    shackle.arcTo(QRectF(centre.x() - 4.5 * unit, centre.y() - 9.5 * unit, 9 * unit, 9 * unit), 180, -180)
    shackle.lineTo(QPointF(centre.x() + 4.5 * unit, body.top()))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.setPen(QPen(Qt.GlobalColor.white, 2.2 * unit))
    painter.drawPath(shackle)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(Qt.GlobalColor.white)
    painter.drawRoundedRect(body, 1.5 * unit, 1.5 * unit)
    painter.restore()

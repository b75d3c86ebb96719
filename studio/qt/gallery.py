"""GalleryWindow: the library as a grid of games to search, open, duplicate, rename, delete, share.

A non-modal dialog over a `GameLibrary`; it never runs a game itself: Open (Enter or a
double-click) asks the studio window with `open_requested(game_id)`. Every action has a
button and a key: Ctrl+F search, Enter open, Ctrl+D duplicate, F2 rename, Del delete,
Ctrl+Z undo the last delete, Ctrl+K keep a shared game, Ctrl+I import a cartridge,
Ctrl+E export one, Ctrl+Shift+E export a standalone script, Esc close; "Export for the
web…" has a button only. Keys that edit text (Del, F2, Enter) act on the grid only while
it has focus, so they still edit the search box. Import and export live in
gallery_actions_sharing.py.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QEvent, QItemSelectionModel, QMargins, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QDragEnterEvent, QDropEvent, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QLineEdit,
    QListView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from studio.library.games import Game, GameLibrary, LibraryError
from studio.qt.gallery_actions_sharing import GallerySharing
from studio.qt.gallery_model import TILE_SIZE, GameListModel
from studio.qt.gallery_parts import GameDetail, MessageBar, UntrustedBanner
from studio.qt.window_parts import dropped_cartridges
from studio.settings import Paths

GRID_CELL_MARGINS = QMargins(12, 4, 12, 44)
"""Room around a tile in the grid: margins, and two lines of title under it."""

T = TypeVar("T")


class GalleryWindow(GallerySharing, QDialog):
    """Search box on top; the grid of games, with the selected one's detail beside it."""

    open_requested = Signal(int)
    """Open this game (id) in the studio window."""
    library_changed = Signal()
    """The gallery changed the library (a rename, a delete, an import...)."""

    def __init__(self, library: GameLibrary, parent: QWidget | None = None, paths: Paths | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.paths = paths or Paths()  # the asset pack a standalone or web export embeds from
        self._deleted: list[int] = []  # game ids, the most recent last: Ctrl+Z brings them back
        self.setWindowTitle(self.tr("Gallery — Minigame Studio"))
        self.resize(1040, 680)
        self.model = GameListModel(library, self)
        self.model.rename_refused.connect(lambda text: self.messages.say(text, warning=True))
        self.model.renamed.connect(self._renamed)
        self._build()
        self._add_actions()
        self.reload()
        self.search.setFocus()

    # -- layout ---------------------------------------------------------------------------

    def _build(self) -> None:
        self.setAcceptDrops(True)  # .minigame files dropped here are imported
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search titles, authors and prompts (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._search_changed)
        self.search.returnPressed.connect(self._open_from_search)
        self.search.installEventFilter(self)
        self.banner = UntrustedBanner()
        self.banner.keep_clicked.connect(self.keep_selected)
        self.messages = MessageBar()
        self.messages.action_clicked.connect(self.undo_delete)
        self.grid = QListView()
        self.grid.setViewMode(QListView.ViewMode.IconMode)
        self.grid.setMovement(QListView.Movement.Static)
        self.grid.setResizeMode(QListView.ResizeMode.Adjust)
        self.grid.setWrapping(True)
        self.grid.setUniformItemSizes(True)
        self.grid.setWordWrap(True)
        self.grid.setIconSize(TILE_SIZE)
        self.grid.setGridSize(TILE_SIZE.grownBy(GRID_CELL_MARGINS))
        self.grid.setSpacing(6)
        self.grid.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.grid.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)  # F2: rename_action
        self.grid.setModel(self.model)
        self._reload_after_edit = False
        self.grid.itemDelegate().closeEditor.connect(self._editor_closed)
        self.grid.doubleClicked.connect(lambda index: self._open_row(index.row()))
        self.grid.selectionModel().currentChanged.connect(lambda *args: self._selection_changed())
        self.model.modelReset.connect(self._selection_changed)
        self.detail = GameDetail()
        self.buttons = QHBoxLayout()
        middle = QHBoxLayout()
        middle.addWidget(self.grid, 1)
        middle.addWidget(self.detail)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.banner)
        layout.addLayout(middle, 1)
        layout.addWidget(self.messages)
        layout.addLayout(self.buttons)
        QWidget.setTabOrder(self.search, self.grid)  # Tab from the search box reaches the games first

    def _add_actions(self) -> None:
        grid_only = Qt.ShortcutContext.WidgetShortcut
        self.open_action = self._action(self.tr("Open"), self.open_selected, ["Return", "Enter"], grid_only)
        self.duplicate_action = self._action(self.tr("Duplicate"), self.duplicate_selected, ["Ctrl+D"])
        self.rename_action = self._action(self.tr("Rename"), self.rename_selected, ["F2"], grid_only)
        self.delete_action = self._action(self.tr("Delete"), self.delete_selected, ["Del"], grid_only)
        self.undo_action = self._action(self.tr("Undo delete"), self.undo_delete, ["Ctrl+Z"])
        self.keep_action = self._action(self.tr("Keep"), self.keep_selected, ["Ctrl+K"])
        self.keep_action.setToolTip(self.tr("Trust the selected shared game (Ctrl+K)"))
        self.import_action = self._action(self.tr("Import cartridge…"), self.choose_cartridge, ["Ctrl+I"])
        self.export_action = self._action(self.tr("Export cartridge…"), self.choose_export, ["Ctrl+E"])
        self.standalone_action = self._action(
            self.tr("Export standalone…"), self.choose_standalone_export, ["Ctrl+Shift+E"]
        )
        self.standalone_action.setToolTip(
            self.tr("Save the selected game as one Python script that plays without the studio (Ctrl+Shift+E)")
        )
        self.web_action = self._action(self.tr("Export for the web…"), self.choose_web_export, [])
        self.web_action.setToolTip(self.tr("Write the selected game as a pygbag folder to publish in a browser"))
        self.find_action = self._action(self.tr("Search"), self._focus_search, ["Ctrl+F"], button=False)
        self.buttons.addStretch(1)
        self._update_actions()

    def _action(
        self, text: str, handler: Callable[[], object], keys: list[str],
        context: Qt.ShortcutContext = Qt.ShortcutContext.WindowShortcut, button: bool = True,
    ) -> QAction:
        action = QAction(text, self)
        sequences = [QKeySequence(key) for key in keys]
        action.setShortcuts(sequences)
        action.setShortcutContext(context)
        if sequences:
            native = sequences[0].toString(QKeySequence.SequenceFormat.NativeText)
            action.setToolTip(f"{text} ({native})")
        action.triggered.connect(handler)
        (self.grid if context == Qt.ShortcutContext.WidgetShortcut else self).addAction(action)
        if button:
            tool = QToolButton()
            tool.setDefaultAction(action)
            tool.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            self.buttons.addWidget(tool)
        return action

    # -- reading the library --------------------------------------------------------------

    def reload(self) -> None:
        """Read the library again (it changed); the selection stays on the same game. While a
        title is being edited the reload waits for the editor to close (it would discard it)."""
        if self.grid.state() == QAbstractItemView.State.EditingState:
            self._reload_after_edit = True
            return
        self._reload_after_edit = False
        selected = self.selected_game()
        self.model.reload()
        self._reselect(selected.id if selected else None)

    def selected_game(self) -> Game | None:
        index = self.grid.currentIndex()
        return self.model.game_at(index.row()) if index.isValid() else None

    def select_game(self, game_id: int) -> bool:
        """Make this game the selected one (if it is listed)."""
        row = self.model.row_of(game_id)
        if row is None:
            return False
        self.grid.selectionModel().setCurrentIndex(
            self.model.index(row), QItemSelectionModel.SelectionFlag.ClearAndSelect
        )
        self.grid.scrollTo(self.model.index(row))
        return True

    def _reselect(self, game_id: int | None) -> None:
        if (game_id is None or not self.select_game(game_id)) and self.model.rowCount() > 0:
            self.select_game(self.model.games[0].id)
        self._selection_changed()

    def _search_changed(self, text: str) -> None:
        selected = self.selected_game()
        self.model.set_search(text)
        self._reselect(selected.id if selected else None)

    def _selection_changed(self) -> None:
        game = self.selected_game()
        self.banner.show_for(game)
        if game is None:
            self.detail.show_game(None)
        else:
            gif = self.library.gif(game.id) if game.has_gif else None
            png = self.library.thumbnail(game.id) if game.has_thumbnail else None
            self.detail.show_game(game, gif=gif, png=png)
        self._update_actions()

    def _update_actions(self) -> None:
        game = self.selected_game()
        for action in (self.open_action, self.duplicate_action, self.rename_action,
                       self.delete_action, self.export_action, self.standalone_action, self.web_action):
            action.setEnabled(game is not None)
        self.keep_action.setEnabled(game is not None and not game.trusted)
        self.undo_action.setEnabled(bool(self._deleted))

    # -- what the user does ---------------------------------------------------------------

    def open_selected(self) -> None:
        """Enter or double-click: play the selected game in the studio window."""
        game = self.selected_game()
        if game is not None:
            self.open_requested.emit(game.id)
            self.accept()

    def duplicate_selected(self) -> None:
        """Ctrl+D: a copy with its own history, selected (and ready to rename)."""
        game = self.selected_game()
        if game is None:
            return
        copy = self._change(lambda: self.library.duplicate(game.id, self.tr("{title} (copy)").format(title=game.title)))
        if copy is not None:
            self.messages.say(self.tr("Duplicated “{title}”").format(title=game.title))
            self._refresh_after_change(copy.id)

    def rename_selected(self) -> None:
        """F2: edit the title in place; Enter saves, Esc keeps the old one."""
        index = self.grid.currentIndex()
        if index.isValid():
            self.grid.setFocus()
            self.grid.edit(index)

    def delete_selected(self) -> None:
        """Del: hide the game; Undo (Ctrl+Z or the message bar's button) brings it back."""
        game = self.selected_game()
        if game is None or self._change(lambda: _deleted(self.library, game.id)) is None:
            return
        self._deleted.append(game.id)
        row = self.grid.currentIndex().row()
        self.model.reload()
        if self.model.rowCount() > 0:
            self.select_game(self.model.games[min(row, self.model.rowCount() - 1)].id)
        self._selection_changed()
        self.messages.say(self.tr("Deleted “{title}”").format(title=game.title), action=self.tr("Undo"))
        self.library_changed.emit()

    def undo_delete(self) -> None:
        """Ctrl+Z: bring back the game deleted last."""
        if not self._deleted:
            return
        game_id = self._deleted.pop()
        restored = self._change(lambda: self.library.undo_delete(game_id))
        if restored is not None:
            self.messages.say(self.tr("“{title}” is back").format(title=restored.title))
            self._refresh_after_change(restored.id)

    def keep_selected(self) -> None:
        """Keep a shared game: the user trusts it, so it is no longer marked."""
        game = self.selected_game()
        if game is None or game.trusted:
            return
        kept = self._change(lambda: self.library.keep(game.id))
        if kept is not None:
            self.messages.say(self.tr("Kept “{title}”").format(title=kept.title))
            self._refresh_after_change(kept.id)

    # -- helpers --------------------------------------------------------------------------

    def _change(self, change: Callable[[], T]) -> T | None:
        """Run a library change; a LibraryError becomes a message and the result None."""
        try:
            return change()
        except LibraryError as error:
            self.messages.say(str(error), warning=True)
            return None

    def _refresh_after_change(self, game_id: int) -> None:
        self.model.reload()
        self._reselect(game_id)
        self.library_changed.emit()

    def _renamed(self, game_id: int) -> None:
        self.messages.hide()
        self._selection_changed()
        self.library_changed.emit()

    def _editor_closed(self, *args: object) -> None:
        if self._reload_after_edit:
            QTimer.singleShot(0, self, self.reload)  # once the view has let go of the editor

    def _open_row(self, row: int) -> None:
        game = self.model.game_at(row)
        if game is not None:
            self.select_game(game.id)
            self.open_selected()

    def _open_from_search(self) -> None:
        if self.selected_game() is not None:
            self.open_selected()

    def _focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt override
        if dropped_cartridges(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt override
        """Cartridges dropped on the gallery are imported (untrusted), like Ctrl+I."""
        dropped = dropped_cartridges(event.mimeData())
        if dropped:
            event.acceptProposedAction()
            for path in dropped:
                self.import_cartridge(path)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        # Down in the search box moves on to the grid, so the keyboard reaches the games.
        if (
            watched is self.search and isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_Down and self.model.rowCount() > 0
        ):
            self.grid.setFocus()
            return True
        return super().eventFilter(watched, event)


def _deleted(library: GameLibrary, game_id: int) -> int:
    """Delete the game; its id (so the gallery can tell success from a refusal)."""
    library.delete(game_id)
    return game_id

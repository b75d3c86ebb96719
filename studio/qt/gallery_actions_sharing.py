"""The gallery's Import and Export actions: cartridges in and out, standalone and web exports.

A mixin of GalleryWindow (it uses the window's library, message bar, selection and
refresh). A standalone script (and a web folder's main.py, run with python) plays
outside the sandbox with full access to the computer, so exporting a shared game the
user has not kept asks first. Exports write a new file or folder, never over an existing one.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from studio.export.exporting import (
    ExportError,
    SharedGame,
    description_of,
    export_game,
    title_stem,
)
from studio.files import free_path
from studio.library import sharing
from studio.library.cartridge import CARTRIDGE_SUFFIX, CartridgeError
from studio.library.games import Game, GameLibrary, LibraryError

if TYPE_CHECKING:
    from PySide6.QtWidgets import QLineEdit

    from studio.qt.gallery_parts import MessageBar
    from studio.settings import Paths


class GallerySharing:
    """Import a cartridge; export the selected game as a cartridge, a script or for the web."""

    library: GameLibrary
    messages: MessageBar
    paths: Paths
    search: QLineEdit

    # GalleryWindow (a QDialog) provides tr(), selected_game() and _refresh_after_change().

    def choose_cartridge(self) -> QFileDialog:
        """Ctrl+I: pick a .minigame file to import (the dialog does not block the studio)."""
        dialog = self._file_dialog(self.tr("Import a cartridge"), QFileDialog.AcceptMode.AcceptOpen)
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.fileSelected.connect(lambda path: self.import_cartridge(Path(path)))
        dialog.open()
        return dialog

    def import_cartridge(self, path: Path) -> Game | None:
        """Add a shared game from a cartridge, untrusted; a bad file adds nothing and says why."""
        try:
            imported = sharing.import_cartridge(self.library, path)
        except (CartridgeError, OSError, LibraryError) as error:
            self.messages.say(str(error), warning=True)
            return None
        game = imported.game
        self.search.clear()  # the game must be listed
        if imported.added:
            self.messages.say(
                self.tr("Imported “{title}”: it is marked as shared until you keep it").format(title=game.title)
            )
        else:
            self.messages.say(self.tr("“{title}” is already in your library").format(title=game.title))
        self._refresh_after_change(game.id)
        return game

    def choose_export(self) -> QFileDialog | None:
        """Ctrl+E: pick where to save the selected game as a .minigame cartridge."""
        game = self.selected_game()
        if game is None:
            return None
        dialog = self._file_dialog(self.tr("Export a cartridge"), QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix(CARTRIDGE_SUFFIX.lstrip("."))
        dialog.selectFile(sharing.cartridge_file_name(game.title))
        dialog.fileSelected.connect(lambda path: self.export_cartridge(Path(path), game.id))
        dialog.open()
        return dialog

    def export_cartridge(self, path: Path, game_id: int | None = None) -> bool:
        """Write a game (the selected one by default) as a cartridge file."""
        game = self.library.get(game_id) if game_id is not None else self.selected_game()
        if game is None:
            return False
        try:
            sharing.export_cartridge(self.library, game, path)
        except (OSError, CartridgeError, LibraryError) as error:
            message = self.tr("Could not export “{title}”: {error}").format(title=game.title, error=error)
            self.messages.say(message, warning=True)
            return False
        self.messages.say(self.tr("Exported “{title}” to {path}").format(title=game.title, path=path))
        return True

    def choose_standalone_export(self) -> QFileDialog | QMessageBox | None:
        """Ctrl+Shift+E: pick where to save the selected game as one Python script (a shared
        game not kept yet is warned about first)."""
        game = self.selected_game()
        if game is None:
            return None
        if not game.trusted:
            return self._warn_untrusted(game, "standalone", lambda: self.choose_standalone_export_of(game.id))
        return self.choose_standalone_export_of(game.id)

    def choose_standalone_export_of(self, game_id: int) -> QFileDialog | None:
        """The save dialog for a standalone script, suggesting `<title>.py`; no overwriting."""
        game = self.library.get(game_id)
        if game is None:
            return None
        dialog = self._file_dialog(self.tr("Export a standalone script"), QFileDialog.AcceptMode.AcceptSave,
                                   kind="standalone")
        dialog.setDefaultSuffix("py")
        # An existing file is refused with a message, so the dialog must not promise to replace it.
        dialog.setOption(QFileDialog.Option.DontConfirmOverwrite)
        dialog.selectFile(f"{title_stem(game.title)}.py")
        dialog.fileSelected.connect(lambda path: self.export_standalone(Path(path), game.id, confirmed=True))
        dialog.open()
        return dialog

    def choose_web_export(self) -> QFileDialog | QMessageBox | None:
        """Pick a folder to write the selected game's web build into (a new `<title>_web` folder)."""
        game = self.selected_game()
        if game is None:
            return None
        if not game.trusted:
            return self._warn_untrusted(game, "web", lambda: self.choose_web_export_of(game.id))
        return self.choose_web_export_of(game.id)

    def choose_web_export_of(self, game_id: int) -> QFileDialog | None:
        """The folder chooser for a web export."""
        game = self.library.get(game_id)
        if game is None:
            return None
        dialog = QFileDialog(self, self.tr("Export for the web: choose a folder"), str(Path.home()))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.fileSelected.connect(lambda path: self.export_web(Path(path), game.id, confirmed=True))
        dialog.open()
        return dialog

    def export_standalone(self, path: Path, game_id: int | None = None, confirmed: bool = False) -> bool:
        """Write a game (the selected one by default) as a standalone script at `path`, which
        must not exist. A shared game not kept yet needs `confirmed` (else the warning opens)."""
        return self._export(path, game_id, "standalone", confirmed)

    def export_web(self, folder: Path, game_id: int | None = None, confirmed: bool = False) -> bool:
        """Write a game's web build as a new `<title>_web` folder (`_2`, `_3`… if taken) inside
        `folder`. A shared game not kept yet needs `confirmed` (else the warning opens)."""
        return self._export(folder, game_id, "web", confirmed)

    def _export(self, path: Path, game_id: int | None, kind: str, confirmed: bool) -> bool:
        game = self.library.get(game_id) if game_id is not None else self.selected_game()
        if game is None:
            return False
        if not game.trusted and not confirmed:
            self._warn_untrusted(game, kind, lambda: self._export(path, game.id, kind, confirmed=True))
            return False
        # Neither kind captures a thumbnail (that needs the sandbox): writing the text of a
        # script and packing a small folder is quick enough for the GUI thread.
        target = path
        try:
            shared = _shared_game(self.library, game)
            if kind == "web":
                target = free_path(path, f"{title_stem(game.title)}_web", "")
            export_game(shared, kind, target, self.paths)
        except (ExportError, LibraryError) as error:
            self._export_failed(game, str(error))
            return False
        except OSError as error:  # the temporary file's name would mean nothing to the user
            reason = self.tr("cannot write {path} ({reason}): choose another folder")
            self._export_failed(game, reason.format(path=target, reason=error.strerror or error))
            return False
        if kind == "standalone":
            done = self.tr("Exported “{title}” as a standalone script: {path}")
        else:
            done = self.tr("Exported “{title}” for the web: {path} (main.py is the pygbag project)")
        self.messages.say(done.format(title=game.title, path=target))
        return True

    def _export_failed(self, game: Game, reason: str) -> None:
        reason = " ".join(reason.split())  # one line, whatever the file system said
        message = self.tr("Could not export “{title}”: {error}").format(title=game.title, error=reason)
        self.messages.say(message, warning=True)

    def _warn_untrusted(self, game: Game, kind: str, export: Callable[[], object]) -> QMessageBox:
        """Ask before a shared game leaves the sandbox; `export` runs only on "Export anyway"."""
        author = game.author or self.tr("someone you do not know")
        if kind == "standalone":
            text = self.tr(
                "“{title}” was shared by {author} and you have not kept it. As a standalone script it runs "
                "outside the sandbox, with full access to your computer (your files, the network). "
                "Export it only if you trust where it came from."
            )
        else:
            text = self.tr(
                "“{title}” was shared by {author} and you have not kept it. In a browser it stays in the "
                "browser's sandbox, but its main.py run with python has full access to your computer. "
                "Export it only if you trust where it came from."
            )
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Export a shared game?"),
                          text.format(title=game.title, author=author), QMessageBox.StandardButton.NoButton, self)
        anyway = box.addButton(self.tr("Export anyway"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        anyway.clicked.connect(export)
        box.open()
        return box

    def _file_dialog(self, title: str, mode: QFileDialog.AcceptMode, kind: str = "") -> QFileDialog:
        dialog = QFileDialog(self, title, str(Path.home()))
        dialog.setAcceptMode(mode)
        first = (self.tr("Python scripts (*.py)") if kind == "standalone"
                 else self.tr("Minigame cartridges (*{suffix})").format(suffix=CARTRIDGE_SUFFIX))
        dialog.setNameFilters([first, self.tr("All files (*)")])
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        return dialog


def _shared_game(library: GameLibrary, game: Game) -> SharedGame:
    """The library game's head version, as the exports take it."""
    code = library.code(game.id)
    thumbnail = library.thumbnail(game.id) if game.has_thumbnail else None
    return SharedGame(
        code, game.title, f"{title_stem(game.title)}.py", game.author, description_of(code),
        game.created_at, thumbnail,
    )

"""EntriesPanel: a jam's entries (picture, title, author, late or not) and how they come in and go out.

Entries come from a `.minigame` cartridge or a `.py` file, from the game open in the studio,
or collected from jam packs; the jam goes out as a jam pack. Every file action is a method
taking a path (tests call it); only the button's slot opens a file dialog. Problems are one
line each, sent to the window's message bar through `message`; nothing already entered is
ever lost.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QImage, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sandbox.check import GameFileError, read_game_file
from studio.library.cartridge import CARTRIDGE_SUFFIX, Cartridge, CartridgeError, read_cartridge
from studio.library.games import Game, GameLibrary, LibraryError
from studio.library.jam_pack import (
    JAM_PACK_SUFFIX,
    JamPackError,
    import_jam_pack,
    pack_file_name,
    write_jam_pack,
)
from studio.library.jams import Entry, Jam, JamError, JamStore
from studio.pipeline.titles import title_of
from studio.qt.jam_entry_list import EntryList, is_late

CurrentGame = Callable[[], tuple[str, str] | None]
"""Returns (title, code) of the game open in the studio, or None when there is none."""


class EntriesPanel(QWidget):
    """The entries of one jam; `message(level, text)` reports problems ("error", "warning", "info")."""

    entries_changed = Signal()
    play_requested = Signal(int)  # index of the entry to start from
    message = Signal(str, str)  # level, one line

    def __init__(
        self,
        jam_store: JamStore,
        clock: Callable[[], float],
        current_game: CurrentGame | None = None,
        parent: QWidget | None = None,
        *,
        library: GameLibrary | None = None,
    ) -> None:
        super().__init__(parent)
        self.jam_store = jam_store
        self.library = library
        self.clock = clock
        self.current_game = current_game
        self.jam: Jam | None = None
        self.entries: list[Entry] = []
        self.last_author = ""
        self._build()

    def _build(self) -> None:
        self.list = EntryList()
        self.list.itemActivated.connect(lambda item: self.play_requested.emit(self.list.row(item)))
        self.empty_hint = QLabel(
            self.tr(
                "No entries yet. Add a game from a file, submit the game open in the studio, "
                "or collect entries from jam packs."
            )
        )
        self.empty_hint.setWordWrap(True)
        buttons = QVBoxLayout()
        self.play_button = self._button(
            buttons,
            self.tr("▶ Play entries"),
            self.tr(
                "Play every entry in turn from the first, and vote (F5); Enter on one starts there"
            ),
            lambda: self.play_requested.emit(0),
        )
        self.add_button = self._button(
            buttons,
            self.tr("Add entry from file…"),
            self.tr("A .minigame cartridge or a .py game file (Ctrl+O)"),
            self.choose_entry_file,
        )
        self.submit_button = self._button(
            buttons,
            self.tr("Submit current game…"),
            self.tr("Enter the game open in the studio"),
            self.ask_submit_current_game,
        )
        self.collect_button = self._button(
            buttons,
            self.tr("Collect from jam pack…"),
            self.tr("Add the entries of a jam pack someone sent back to this jam"),
            self.choose_pack_to_collect,
        )
        self.export_button = self._button(
            buttons,
            self.tr("Export jam pack…"),
            self.tr("Save this jam and its entries as one file to hand out (Ctrl+E)"),
            self.choose_export_path,
        )
        self.keep_button = self._button(
            buttons,
            self.tr("Save to my library"),
            self.tr(
                "Copy the selected entry into your library (untrusted: it runs only in the sandbox)"
            ),
            self.save_selected_to_library,
        )
        self.remove_button = self._button(
            buttons,
            self.tr("Remove"),
            self.tr("Take the selected entry out of the jam, with its votes (Delete)"),
            self.ask_remove_selected,
        )
        self.submit_button.setVisible(self.current_game is not None)
        self.keep_button.setVisible(self.library is not None)
        buttons.addStretch(1)
        row = QHBoxLayout()
        column = QVBoxLayout()
        column.addWidget(self.list, 1)
        column.addWidget(self.empty_hint)
        row.addLayout(column, 1)
        row.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        for shortcut, handler, context in (
            ("Ctrl+O", self.choose_entry_file, Qt.ShortcutContext.WindowShortcut),
            ("Ctrl+E", self.choose_export_path, Qt.ShortcutContext.WindowShortcut),
            ("Delete", self.ask_remove_selected, Qt.ShortcutContext.WidgetWithChildrenShortcut),
        ):
            action = QAction(self)
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(context)
            action.triggered.connect(handler)
            self.addAction(action)

    @staticmethod
    def _button(
        column: QVBoxLayout, text: str, tooltip: str, slot: Callable[[], object]
    ) -> QPushButton:
        button = QPushButton(text)
        button.setToolTip(tooltip)
        button.clicked.connect(slot)
        column.addWidget(button)
        return button

    # -- showing ----------------------------------------------------------------------------

    def set_jam(self, jam: Jam | None) -> None:
        self.jam = jam
        self.refresh()

    def refresh(self) -> None:
        """Read the jam's entries again and show them (the selection is kept)."""
        self.entries = self.jam_store.entries(self.jam.id) if self.jam is not None else []
        self.list.show_entries(self.jam, self.entries)
        has_jam, has_entries = self.jam is not None, bool(self.entries)
        self.empty_hint.setVisible(has_jam and not has_entries)
        for button in (
            self.add_button,
            self.submit_button,
            self.collect_button,
            self.export_button,
        ):
            button.setEnabled(has_jam)
        for button in (self.play_button, self.keep_button, self.remove_button):
            button.setEnabled(has_entries)

    def is_late(self, entry: Entry) -> bool:
        """Added after the jam's countdown reached zero."""
        return is_late(self.jam, entry)

    def set_picture(self, entry_id: int, picture: QImage) -> None:
        """Show and keep a picture taken while the entry played, for entries that came without one."""
        self.list.set_picture(entry_id, picture)
        png = self.list.picture_png(entry_id)
        if png is None:
            return
        try:  # kept for the next time the jam opens (and in the entry's jam-pack cartridge)
            self.jam_store.set_entry_thumbnail(entry_id, png)
        except JamError:
            pass  # an unknown entry or an odd picture: it is only shown, not kept

    def selected_entry(self) -> Entry | None:
        return self.list.selected_entry()

    # -- entries in -------------------------------------------------------------------------

    def read_entry_file(self, path: Path) -> Cartridge:
        """A cartridge from a `.minigame` file or a `.py` game; CartridgeError / GameFileError."""
        if path.suffix.lower() == ".py":
            code = read_game_file(path)
            return Cartridge(title=title_of(code, path.stem), code=code)
        return read_cartridge(path)

    def add_entry_from_file(self, path: Path, author: str) -> Entry | None:
        """Enter the game in `path` by `author`; None (and a message) if it cannot be entered."""
        if self.jam is None:
            return None
        try:
            cartridge = self.read_entry_file(path)
        except (CartridgeError, GameFileError) as error:
            self.message.emit("error", self.tr("Not added: {problem}").format(problem=error))
            return None
        return self._enter(cartridge, author)

    def submit_current_game(self, author: str) -> Entry | None:
        """Enter the game open in the studio by `author`."""
        game = self.current_game() if self.current_game is not None else None
        if self.jam is None or game is None:
            self.message.emit("warning", self.tr("There is no game open in the studio to submit."))
            return None
        title, code = game
        return self._enter(Cartridge(title=title, code=code), author)

    def _enter(self, cartridge: Cartridge, author: str) -> Entry | None:
        assert self.jam is not None
        try:
            entry = self.jam_store.add_entry(self.jam.id, cartridge, author, now=self.clock())
        except JamError as error:
            self.message.emit("error", str(error))
            return None
        self.last_author = entry.author
        self.refresh()
        self.list.setCurrentRow(len(self.entries) - 1)
        late = (
            self.tr(" It came after time was up, so it is marked late.")
            if self.is_late(entry)
            else ""
        )
        self.message.emit(
            "info",
            self.tr("“{title}” by {author} entered.").format(title=entry.title, author=entry.author)
            + late,
        )
        self.entries_changed.emit()
        return entry

    def collect_jam_pack(self, path: Path) -> tuple[str, ...] | None:
        """Add a jam pack's entries to this jam (ones already in it are skipped); the problems,
        or None if the pack could not be read at all."""
        if self.jam is None:
            return None
        try:
            _jam, problems = import_jam_pack(path, self.jam_store, into_jam_id=self.jam.id)
        except (JamPackError, JamError) as error:
            self.message.emit("error", str(error))
            return None
        before = len(self.entries)
        self.refresh()
        added = len(self.entries) - before
        text = self.tr("Entries collected from the pack: {count}.").format(count=added)
        self.message.emit("warning" if problems else "info", " ".join((text, *problems)))
        self.entries_changed.emit()
        return problems

    def export_jam_pack(self, path: Path) -> bool:
        """Write the jam and its entries as a jam pack at `path`."""
        if self.jam is None:
            return False
        try:
            write_jam_pack(path, self.jam, self.jam_store.entries(self.jam.id))
        except (JamPackError, CartridgeError, JamError) as error:
            self.message.emit("error", str(error))
            return False
        except OSError as error:
            self.message.emit(
                "error",
                self.tr("Could not write {file}: {reason}").format(
                    file=path.name, reason=error.strerror or error
                ),
            )
            return False
        self.message.emit("info", self.tr("Jam pack saved: {file}").format(file=str(path)))
        return True

    def remove_entry(self, entry: Entry) -> None:
        """Take the entry (and its votes) out of the jam."""
        try:
            self.jam_store.remove_entry(entry.id)
        except JamError as error:
            self.message.emit("error", str(error))
            self.refresh()
            return
        self.refresh()
        self.message.emit(
            "info", self.tr("“{title}” was removed from the jam.").format(title=entry.title)
        )
        self.entries_changed.emit()

    def save_selected_to_library(self) -> Game | None:
        """Copy the selected entry into the library as an untrusted jam game."""
        entry = self.selected_entry()
        if entry is None or self.library is None:
            return None
        try:
            game = self.library.add_game(
                entry.title,
                entry.code,
                author=entry.author,
                trusted=False,
                origin="jam",
                prompt=entry.description,
                thumbnail_png=entry.thumbnail_png or self.list.picture_png(entry.id),
            )
        except LibraryError as error:
            self.message.emit("error", str(error))
            return None
        self.message.emit(
            "info",
            self.tr("“{title}” is in your library now (untrusted).").format(title=game.title),
        )
        return game

    # -- the dialogs (only in the buttons' slots) ---------------------------------------------

    def _ask_author(self, title: str, suggested: str) -> str | None:
        author, ok = QInputDialog.getText(
            self,
            self.tr("Author"),
            self.tr("Who made “{title}”?").format(title=title),
            text=suggested or self.last_author,
        )
        return author if ok else None

    def choose_entry_file(self) -> None:
        if self.jam is None:
            return
        name, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Add an entry"),
            "",
            self.tr("Games (*{cartridge} *.py);;All files (*)").format(cartridge=CARTRIDGE_SUFFIX),
        )
        if not name:
            return
        path = Path(name)
        try:
            cartridge = self.read_entry_file(path)
        except (CartridgeError, GameFileError) as error:
            self.message.emit("error", self.tr("Not added: {problem}").format(problem=error))
            return
        author = self._ask_author(cartridge.title, cartridge.author)
        if author is not None:
            self._enter(cartridge, author)

    def ask_submit_current_game(self) -> None:
        game = self.current_game() if self.current_game is not None else None
        if game is None:
            self.message.emit("warning", self.tr("There is no game open in the studio to submit."))
            return
        author = self._ask_author(game[0], self.last_author)
        if author is not None:
            self.submit_current_game(author)

    def ask_remove_selected(self) -> None:
        entry = self.selected_entry()
        if entry is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Remove entry"),
            self.tr("Remove “{title}” by {author} and its votes from the jam?").format(
                title=entry.title, author=entry.author
            ),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.remove_entry(entry)

    def choose_pack_to_collect(self) -> None:
        if self.jam is None:
            return
        name, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Collect entries from a jam pack"),
            "",
            self.tr("Jam packs (*{suffix});;All files (*)").format(suffix=JAM_PACK_SUFFIX),
        )
        if name:
            self.collect_jam_pack(Path(name))

    def choose_export_path(self) -> None:
        if self.jam is None:
            return
        name, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Export jam pack"),
            pack_file_name(self.jam),
            self.tr("Jam packs (*{suffix})").format(suffix=JAM_PACK_SUFFIX),
        )
        if name:
            path = Path(name)
            self.export_jam_pack(path if path.suffix else path.with_suffix(JAM_PACK_SUFFIX))

"""The jam screen: jams on the left; the chosen jam's countdown, entries, play-and-vote and results.

A thin view over `JamStore` (studio/library/jams.py): the panels beside it do the work
(jam_entries, jam_play, jam_results_panel); the sandboxed games run in an `EntryPlayer`
this window creates on first play and closes when it closes. The clock is injectable so
tests can move time without waiting for it.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from sandbox.host import RunnerSettings
from studio.library.games import GameLibrary
from studio.library.jam_pack import JAM_PACK_SUFFIX, JamPackError, import_jam_pack
from studio.library.jams import Jam, JamError, JamStore
from studio.qt.jam_entries import CurrentGame, EntriesPanel
from studio.qt.jam_header import JamHeader, format_countdown
from studio.qt.jam_message_bar import MessageBar
from studio.qt.jam_play import PlayPanel
from studio.qt.jam_player import EntryPlayer
from studio.qt.jam_results_panel import ResultsPanel
from studio.qt.jam_setup import NewJamDialog
from studio.settings import Paths

COUNTDOWN_MS = 1000


class JamWindow(QMainWindow):
    """Create and run jams: countdown, entries, playing every entry in turn, votes, results."""

    def __init__(
        self,
        jam_store: JamStore,
        library: GameLibrary | None,
        paths: Paths,
        current_game: CurrentGame | None = None,
        parent: QWidget | None = None,
        *,
        clock: Callable[[], float] = time.time,
        rng: random.Random | None = None,
        runner_settings: RunnerSettings | None = None,
    ) -> None:
        super().__init__(parent)
        self.jam_store = jam_store
        self.library = library
        self.paths = paths
        self.clock = clock
        self.rng = rng or random.Random()
        self.jam: Jam | None = None
        self._listed: list[Jam] = []
        self.new_jam_dialog: NewJamDialog | None = None
        self.player = EntryPlayer(
            runner_settings or RunnerSettings(assets_dir=paths.asset_pack), self
        )
        self.setWindowTitle(self.tr("Game jams — Minigame Studio"))
        self.resize(1280, 800)
        self._build(current_game)
        self._add_actions()
        self._countdown = QTimer(self)
        self._countdown.timeout.connect(self.tick)
        self._countdown.start(COUNTDOWN_MS)
        app = QApplication.instance()
        if app is not None:  # no runner outlives the app, even if this window never closes
            app.aboutToQuit.connect(self.player.close)
        self.reload_jams()

    # -- layout -----------------------------------------------------------------------------

    def _build(self, current_game: CurrentGame | None) -> None:
        self.jam_list = QListWidget()
        self.jam_list.setAccessibleName(self.tr("Jams"))
        self.jam_list.setWordWrap(True)
        self.jam_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.jam_list.setSpacing(2)
        self.jam_list.currentItemChanged.connect(self._jam_chosen)
        self.new_button = QPushButton(self.tr("New jam…"))
        self.new_button.setToolTip(self.tr("Name, theme and duration of a new jam (Ctrl+N)"))
        self.new_button.clicked.connect(self.new_jam)
        self.open_pack_button = QPushButton(self.tr("Open jam pack…"))
        self.open_pack_button.setToolTip(
            self.tr("Make a jam from a jam pack someone handed out (Ctrl+Shift+O)")
        )
        self.open_pack_button.clicked.connect(self.choose_pack_to_open)
        self.delete_button = QPushButton(self.tr("Delete jam…"))
        self.delete_button.clicked.connect(self.ask_delete_jam)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        jams_label = QLabel(self.tr("&Jams"))
        jams_label.setBuddy(self.jam_list)  # Alt+J
        side_layout.addWidget(jams_label)
        side_layout.addWidget(self.jam_list, 1)
        for button in (self.new_button, self.open_pack_button, self.delete_button):
            side_layout.addWidget(button)

        self.message_bar = MessageBar()
        self.header = JamHeader()
        self.header.start_requested.connect(self.start_jam)
        self.entries = EntriesPanel(self.jam_store, self.clock, current_game, library=self.library)
        self.entries.message.connect(self.show_message)
        self.entries.entries_changed.connect(self._entries_changed)
        self.entries.play_requested.connect(self.play_entries)
        self.play = PlayPanel(self.jam_store, self.player)
        self.play.message.connect(lambda text: self.show_message("error", text))
        self.play.voted.connect(lambda _entry_id: self.results.refresh())
        self.play.finished_round.connect(self._round_finished)
        self.play.thumbnail_captured.connect(self.entries.set_picture)
        self.results = ResultsPanel(self.jam_store)
        self.results.message.connect(self.show_message)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.entries, self.tr("&Entries"))
        self.tabs.addTab(self.play, self.tr("&Play and vote"))
        self.tabs.addTab(self.results, self.tr("&Results"))
        self.tabs.currentChanged.connect(self._tab_changed)
        page = QWidget()
        page_layout = QVBoxLayout(page)
        page_layout.setContentsMargins(6, 0, 0, 0)
        page_layout.addWidget(self.header)
        page_layout.addWidget(self.message_bar)
        page_layout.addWidget(self.tabs, 1)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(side)
        splitter.addWidget(page)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([230, 1050])
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(splitter)
        self.setCentralWidget(central)

    def _add_actions(self) -> None:
        for shortcut, handler in (
            ("Ctrl+N", self.new_jam),
            ("Ctrl+Shift+O", self.choose_pack_to_open),
            ("Ctrl+T", self.start_jam),
            ("F5", lambda: self.play_entries(0)),
            ("Ctrl+1", lambda: self.tabs.setCurrentWidget(self.entries)),
            ("Ctrl+2", lambda: self.tabs.setCurrentWidget(self.play)),
            ("Ctrl+3", lambda: self.tabs.setCurrentWidget(self.results)),
            ("Ctrl+W", self.close),
        ):
            action = QAction(self)
            action.setShortcut(QKeySequence(shortcut))
            action.triggered.connect(handler)
            self.addAction(action)

    # -- jams -------------------------------------------------------------------------------

    def reload_jams(self, select_id: int | None = None) -> None:
        """List every jam again; select `select_id` (default: the one shown, else the newest)."""
        wanted = select_id if select_id is not None else (self.jam.id if self.jam else None)
        self.jam_list.blockSignals(True)
        self.jam_list.clear()
        jams = self.jam_store.jams()
        self._listed = jams
        for jam in jams:
            item = QListWidgetItem(self._jam_label(jam))
            item.setData(Qt.ItemDataRole.UserRole, jam.id)
            self.jam_list.addItem(item)
        self.jam_list.blockSignals(False)
        ids = [jam.id for jam in jams]
        row = ids.index(wanted) if wanted in ids else (0 if ids else -1)
        if row >= 0:
            self.jam_list.setCurrentRow(row)
        self._show_jam(jams[row] if row >= 0 else None)
        self.delete_button.setEnabled(bool(jams))

    def _jam_label(self, jam: Jam) -> str:
        now = self.clock()
        if jam.started_at is None:
            status = self.tr("not started")
        elif jam.is_over(now):
            status = self.tr("time's up")
        else:
            status = self.tr("{time} left").format(time=format_countdown(jam.remaining_s(now)))
        return f"{jam.name}\n{jam.theme} · {status}"

    def _jam_chosen(self, item: QListWidgetItem | None) -> None:
        jam_id = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        try:
            jam = self.jam_store.get(jam_id) if jam_id is not None else None
        except JamError as error:
            self.show_message("error", str(error))
            jam = None
        self._show_jam(jam)

    def _show_jam(self, jam: Jam | None) -> None:
        changed = (jam.id if jam else None) != (self.jam.id if self.jam else None)
        self.jam = jam
        self.header.refresh(jam, self.clock())
        self.entries.set_jam(jam)
        self.results.set_jam(jam)
        if changed:
            self.play.reset()
        self.play.set_entries(self.entries.entries)
        self.tabs.setEnabled(jam is not None)

    def new_jam(self) -> NewJamDialog:
        """Open the new jam dialog (not modal to the app: tests fill it in like a user)."""
        if self.new_jam_dialog is not None and self.new_jam_dialog.isVisible():
            self.new_jam_dialog.raise_()
            return self.new_jam_dialog
        earlier = [jam.theme for jam in self.jam_store.jams()]
        dialog = NewJamDialog(self._create_jam, self.rng, earlier, self)
        dialog.created.connect(lambda jam: self.reload_jams(select_id=jam.id))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.new_jam_dialog = dialog
        dialog.open()
        return dialog

    def _create_jam(self, name: str, theme: str, duration_s: int, start_now: bool) -> Jam:
        jam = self.jam_store.create_jam(name, theme, duration_s, now=self.clock())
        return self.jam_store.start(jam.id, now=self.clock()) if start_now else jam

    def start_jam(self) -> None:
        """Start the shown jam's countdown now."""
        if self.jam is None or self.jam.started_at is not None:
            return
        try:
            self.jam = self.jam_store.start(self.jam.id, now=self.clock())
        except JamError as error:
            self.show_message("error", str(error))
        self.reload_jams()

    def open_jam_pack(self, path: Path) -> Jam | None:
        """Make a new jam from a jam pack; unreadable entries are listed, the rest kept."""
        try:
            jam, problems = import_jam_pack(path, self.jam_store)
        except (JamPackError, JamError) as error:
            self.show_message("error", str(error))
            return None
        self.reload_jams(select_id=jam.id)
        opened = self.tr("Opened “{name}” (entries: {count}).").format(
            name=jam.name, count=len(self.entries.entries)
        )
        self.show_message("warning" if problems else "info", " ".join((opened, *problems)))
        return jam

    def delete_jam(self, jam_id: int) -> None:
        """Delete the jam with its entries and votes."""
        try:
            self.jam_store.delete_jam(jam_id)
        except JamError as error:
            self.show_message("error", str(error))
        if self.jam is not None and self.jam.id == jam_id:
            self.jam = None
        self.reload_jams()

    def choose_pack_to_open(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Open a jam pack"),
            "",
            self.tr("Jam packs (*{suffix});;All files (*)").format(suffix=JAM_PACK_SUFFIX),
        )
        if name:
            self.open_jam_pack(Path(name))

    def ask_delete_jam(self) -> None:
        if self.jam is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Delete jam"),
            self.tr("Delete “{name}” with its entries and votes? This cannot be undone.").format(
                name=self.jam.name
            ),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.delete_jam(self.jam.id)

    # -- entries, play, results ---------------------------------------------------------------

    def _entries_changed(self) -> None:
        self.play.set_entries(self.entries.entries)
        self.results.refresh()

    def play_entries(self, start_index: int = 0) -> None:
        """Show the play tab and play the entries in turn from `start_index`."""
        if self.jam is None:
            return
        self.tabs.setCurrentWidget(self.play)
        if not self.entries.entries:
            self.play.play_from_start()  # says there is nothing to play
            return
        self.play.play_index(min(start_index, len(self.entries.entries) - 1))
        self.play.view.setFocus()

    def _round_finished(self, voter: str) -> None:
        self.results.refresh()
        self.tabs.setCurrentWidget(self.results)
        self.show_message(
            "info",
            self.tr(
                "Thanks, {voter}: that was the last entry. The next voter types their name on the "
                "Play and vote tab and presses F5 to start from the first entry."
            ).format(voter=voter),
        )

    def _tab_changed(self, index: int) -> None:
        if self.tabs.widget(index) is self.results:
            self.results.refresh()

    def show_message(self, level: str, text: str) -> None:
        self.message_bar.show_message(level, text)

    # -- time ---------------------------------------------------------------------------------

    def tick(self) -> None:
        """Once a second: the countdown and the jams' states move on."""
        now = self.clock()
        if self.jam is not None:
            self.header.refresh(self.jam, now)
        for row, jam in enumerate(self._listed[: self.jam_list.count()]):
            item = self.jam_list.item(row)
            label = self._jam_label(jam)
            if item.text() != label:
                item.setText(label)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self._countdown.start(COUNTDOWN_MS)  # shown again after a close
        self.tick()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        self._countdown.stop()
        self.play.stop()
        self.player.close()  # kills the runners at once, a hung game included
        super().closeEvent(event)

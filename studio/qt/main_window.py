"""The studio window: describe a game, watch its code stream, play it in place.

A thin view: `StudioSession` owns the host, the model source and the make in flight;
this window shows what it does (on one 16 ms timer) and forwards what the user does.
"""

from __future__ import annotations

import os
import sqlite3
import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPlainTextEdit,
    QProgressBar,
    QSplitter,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from sandbox.host import HostEvent, RunnerStopped
from sandbox.isolate import find_isolation
from sandbox.protocol import Caption, FrameShown, GameError, GameOver, Loaded, Refused
from studio.library.games import LibraryError
from studio.library.gif_capture import GifInfo
from studio.library.history import History
from studio.pipeline.live import LiveOutcome
from studio.qt.capture_control import GifCaptureControl
from studio.qt.code_view import CodeView
from studio.qt.gallery_parts import UntrustedBanner
from studio.qt.game_view import GameView
from studio.qt.history_panel import HistoryPanel
from studio.qt.session import StudioSession
from studio.qt.voice_control import VoiceController
from studio.qt.window_parts import add_game_actions, dropped_cartridges

if TYPE_CHECKING:
    from studio.qt.gallery import GalleryWindow
    from studio.qt.jam_window import JamWindow

POLL_MS = 16
JAM_COUNTDOWN_MS = 1000
SCREENSHOT_VARIABLE = "MINIGAME_SCREENSHOT"  # test hook: grab the window to this PNG, then quit


class StudioWindow(QMainWindow):
    """Prompt box on top; code on the left, the game on the right; errors below."""

    def __init__(self, session: StudioSession, qsettings: QSettings | None = None) -> None:
        super().__init__()
        self.session = session
        self.qsettings = qsettings
        self.paused = False
        self._frames_seen = 0
        self._fps_window: tuple[float, int] = (time.perf_counter(), 0)
        self._fps: float | None = None
        self._screenshot_path = os.environ.get(SCREENSHOT_VARIABLE)
        self.setWindowTitle(self.tr("Minigame Studio"))
        self.resize(1280, 760)
        self.setAcceptDrops(True)  # a .minigame dropped here is imported and played
        self._build()
        self._add_actions()
        session.make_started.connect(self._stream_started)
        session.code_arrived.connect(self._code_arrived)
        session.make_finished.connect(self._make_finished)
        session.version_playing.connect(self._version_playing)
        session.game_opened.connect(self._game_opened)
        session.game_changed.connect(self._game_changed)
        session.library_changed.connect(self._library_changed)
        self.gallery: GalleryWindow | None = None
        self.jam: JamWindow | None = None
        self._add_voice()
        self._add_capture()
        self._add_jam_countdown()
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self.tick)
        self._timer.start(POLL_MS)
        self._show_model()
        self.prompt.setFocus()

    # -- layout -----------------------------------------------------------------------

    def _build(self) -> None:
        self.prompt = QLineEdit()
        self.prompt.setPlaceholderText(self.tr("Describe a game and press Enter — e.g. “a blue snake that gets faster”"))
        self.prompt.setClearButtonEnabled(True)
        self.prompt.returnPressed.connect(self.make_from_prompt)
        self.prompt.textEdited.connect(self._first_keystroke)
        self.code_view = CodeView()
        self.code_view.run_requested.connect(self.run_edited_code)
        self.game_view = GameView(source=self.session.host, sink=self.session.host, release_focus_key=Qt.Key.Key_Escape)
        self.game_view.release_focus_requested.connect(self.prompt.setFocus)
        self.game_view.show_message(self.tr("Describe a game above and press Enter."))
        self.errors = QListWidget()
        self.errors.setMaximumHeight(110)
        self.errors.itemActivated.connect(self._error_clicked)
        self.errors.itemClicked.connect(self._error_clicked)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.code_view)
        splitter.addWidget(self.game_view)
        splitter.setSizes([520, 760])
        self.untrusted_banner = UntrustedBanner()
        self.untrusted_banner.keep_clicked.connect(self.keep_current_game)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.addWidget(self.prompt)
        layout.addWidget(self.untrusted_banner)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.errors)
        self.setCentralWidget(central)
        # History: every version as played; undo/redo/restore/compare.
        self.history = History(self.session.store, resume=False)
        self.history_panel = HistoryPanel(self.history)
        self.history_panel.restore_requested.connect(self.go_to_version)
        self.history_panel.stepped.connect(self.go_to_version)
        dock = QDockWidget(self.tr("History"), self)
        dock.setObjectName("history")
        dock.setWidget(self.history_panel)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        self.history_dock = dock
        self.figures = QLabel()
        self.model_label = QLabel()
        self.statusBar().addWidget(self.figures, 1)
        self.statusBar().addPermanentWidget(self.model_label)
        self.isolation_label = self._isolation_label()
        self.statusBar().addPermanentWidget(self.isolation_label)

    def _isolation_label(self) -> QLabel:
        """Says plainly, in the status bar, when games cannot get their own namespaces here."""
        isolation = find_isolation()
        if isolation.available:
            label = QLabel(self.tr("Sandboxed"))
            label.setToolTip(self.tr("Games run isolated in their own namespaces (bubblewrap), confined by seccomp and Landlock."))
            return label
        label = QLabel(self.tr("⚠ Not isolated"))
        label.setStyleSheet("color: #b3261e; font-weight: bold")
        label.setToolTip(self.tr("Games run without namespace isolation: {reason}").format(reason=isolation.reason))
        return label

    def _add_actions(self) -> None:
        toolbar = self.toolbar = QToolBar(self.tr("Game"))
        toolbar.setMovable(False)
        self.addToolBar(toolbar)
        self.new_game_action = QAction(self.tr("New game"), self)
        self.new_game_action.setCheckable(True)
        self.new_game_action.setShortcut(QKeySequence("Ctrl+N"))
        self.new_game_action.setToolTip(
            self.tr("Make a new game from the next prompt instead of changing this one (Ctrl+N, or start with “new:”)")
        )
        toolbar.addAction(self.new_game_action)
        self.addAction(self.new_game_action)
        [self.gallery_action, self.jam_action] = add_game_actions(
            self, toolbar, (
                (self.tr("Gallery"), "Ctrl+G", self.open_gallery),
                (self.tr("Jam"), "Ctrl+J", self.open_jam),
            )
        )
        add_game_actions(
            self,
            toolbar,
            (
                (self.tr("Pause / resume"), "Ctrl+P", self.toggle_pause),
                (self.tr("Step"), "Ctrl+.", self.step),
                (self.tr("Restart"), "Ctrl+R", self.restart),
                (self.tr("Run edited code"), "Ctrl+Return", self._run_code_view),
                (self.tr("Focus the prompt"), "Ctrl+L", self.prompt.setFocus),
                (self.tr("Settings…"), "Ctrl+,", self.open_settings),
                (self.tr("Quit"), "Ctrl+Q", self.close),
            ),
        )
        # Ctrl+Z / Ctrl+Shift+Z step through versions, except in the prompt and the code
        # view, where they undo text.
        self.addAction(self.history_panel.undo_action)
        self.addAction(self.history_panel.redo_action)
        toolbar.addAction(self.history_dock.toggleViewAction())
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)

    def _add_voice(self) -> None:
        """Push-to-talk: hold F1 (or the key and engine the settings name) while the game runs."""
        from studio.qt.studio_settings import load_settings, studio_qsettings

        self.voice = VoiceController(send=self._send_spoken, parent=self)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self.voice)  # F1 before any widget, the game view included
        self.level_meter = QProgressBar()
        self.level_meter.setRange(0, 100)
        self.level_meter.setMaximumWidth(120)
        self.level_meter.setTextVisible(False)
        self.level_meter.hide()
        self.statusBar().addPermanentWidget(self.level_meter)
        microphone = QToolButton()
        microphone.setText(self.tr("🎤 Hold to talk"))
        tooltip = self.tr("Hold to say a change (or hold F1); release to send it")
        microphone.setToolTip(tooltip)
        self.voice.key_changed.connect(lambda name: microphone.setToolTip(tooltip.replace("F1", name)))
        microphone.pressed.connect(self.voice.press)
        microphone.released.connect(self.voice.release)
        self.findChild(QToolBar).addWidget(microphone)
        self.voice.listening_changed.connect(self._listening)

        def name_the_key(on: bool) -> None:  # _listening says F1; say the key in use
            if on and self.voice.key_name != "F1":
                self.figures.setText(self.figures.text().replace("F1", self.voice.key_name))

        self.voice.listening_changed.connect(name_the_key)
        self.voice.level_changed.connect(lambda level: self.level_meter.setValue(int(level * 100)))
        self.voice.heard.connect(self._heard)
        self.voice.problem.connect(lambda text: self.figures.setText(self.tr("Voice: {problem}").format(problem=text)))
        stored = load_settings(self.qsettings or studio_qsettings())
        self.voice.set_key(stored.voice_key)
        self.voice.set_engine(stored.voice_engine, self.session.choice)

    def _listening(self, on: bool) -> None:
        self.level_meter.setVisible(on)
        if on:
            self.figures.setText(self.tr("Listening… release F1 to send"))

    def _heard(self, text: str) -> None:
        self.prompt.setText(text)
        self.figures.setText(self.tr("Heard “{text}” — sending in a moment, Esc cancels").format(text=text))

    def _send_spoken(self, text: str) -> None:
        self.prompt.setText(text)
        self.make_from_prompt()

    def _focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        self.history_panel.set_shortcuts_enabled(not isinstance(new, (QPlainTextEdit, QLineEdit)))

    # -- what the user does -------------------------------------------------------------

    def _first_keystroke(self, text: str) -> None:
        if len(text) == 1:
            self.session.warm_up()  # Enter will pay no handshake

    def make_from_prompt(self) -> None:
        """Enter in the prompt box: tweak the running game, or make a new one.

        A stream in flight is cancelled. With a game running, the text is a tweak unless
        "New game" is ticked (Ctrl+N) or the text starts with "new:".
        """
        text = self.prompt.text().strip()
        if not text:
            return
        self.errors.clear()
        is_new = self.new_game_action.isChecked() or text.lower().startswith("new:") or self.session.last_code is None
        description = text[4:].strip() if text.lower().startswith("new:") else text
        forced_new = self.new_game_action.isChecked() or text.lower().startswith("new:")
        if self.session.making and not forced_new:
            # Typed while code streams: stop it and continue from the code so far.
            self.figures.setText(self.tr("Redirecting: {instruction}").format(instruction=description))
            self.session.redirect(description)
        elif is_new:
            self.game_view.show_message(None if self.session.host.runner_pid else self.tr("Making your game…"))
            self.session.make(description)
            self.new_game_action.setChecked(False)
        else:
            self.figures.setText(self.tr("Changing the game: {instruction}").format(instruction=description))
            self.session.tweak(description)
        self.prompt.selectAll()  # the next words replace this prompt

    def run_edited_code(self, code: str) -> None:
        """Ctrl+Enter in the code view: run the edited code, keeping the game's state."""
        self.errors.clear()
        self.session.run_code(code)
        self.figures.setText(self.tr("Running your edit…"))

    def _run_code_view(self) -> None:
        self.run_edited_code(self.code_view.code())

    def toggle_pause(self) -> None:
        self.paused = not self.paused
        (self.session.host.pause if self.paused else self.session.host.resume)()

    def step(self) -> None:
        self.paused = True
        self.session.host.step()

    def restart(self) -> None:
        self.paused = False
        self.session.host.restart()

    def open_settings(self) -> None:
        """Provider, endpoint, model, key, offline, language, push-to-talk key and engine."""
        from studio.qt.settings_dialog import SettingsDialog
        from studio.qt.studio_settings import model_choice_from, studio_qsettings

        qsettings = self.qsettings or studio_qsettings()
        dialog = SettingsDialog(qsettings, self)

        def apply(saved: object) -> None:  # also when a key failed and the user then cancels
            settings = dialog.settings()
            self.session.set_model_choice(model_choice_from(settings))
            self._show_model()
            self.voice.set_key(settings.voice_key)
            self.voice.set_engine(settings.voice_engine, self.session.choice)

        dialog.saved.connect(apply)
        dialog.exec()

    def go_to_version(self, version_id: int) -> None:
        """Undo, redo or restore: play a stored version again, keeping the game's state."""
        version = self.history.version(version_id)
        if version is None:
            return
        self.code_view.set_code(version.code)
        self.session.play_version(version.code)
        self.session.current_version_id = version_id
        self.session.follow_version(version_id)
        self.history.record(version_id)  # a step for a restore; nothing for undo/redo
        self.history_panel.refresh()

    def _version_playing(self, version_id: int) -> None:
        self.history.record(version_id)
        self.history_panel.refresh()

    # -- the library --------------------------------------------------------------------

    def open_gallery(self) -> GalleryWindow:
        """Ctrl+G: the library's games, to open, duplicate, rename, delete, import or export."""
        from studio.qt.gallery import GalleryWindow  # loaded on first use: start-up stays fast

        if self.gallery is None:
            self.gallery = GalleryWindow(self.session.library, self)
            self.gallery.open_requested.connect(self.open_game)
            self.gallery.library_changed.connect(self._show_title)
            self.gallery.library_changed.connect(self._show_trust)
        else:
            self.gallery.reload()
        self.gallery.show()
        self.gallery.raise_()
        self.gallery.activateWindow()
        return self.gallery

    def open_jam(self) -> JamWindow:
        """Ctrl+J: game-jam mode — a theme, a countdown, entries played in turn, votes, results."""
        from studio.library.jams import JamStore
        from studio.qt.jam_window import JamWindow

        if self.jam is None:
            self.jam = JamWindow(
                JamStore(self.session.store), self.session.library, self.session.paths,
                current_game=self._current_title_and_code, parent=self,
            )
        self.jam.show()
        self.jam.raise_()
        self.jam.activateWindow()
        return self.jam

    def _add_jam_countdown(self) -> None:
        """While a jam runs, its countdown sits in the status bar (click: the jam screen)."""
        from studio.library.jams import JamStore

        self._jam_store = JamStore(self.session.store)
        self.jam_countdown = QToolButton()
        self.jam_countdown.setAutoRaise(True)
        self.jam_countdown.setToolTip(self.tr("Time left in the running jam: click for the jam screen (Ctrl+J)"))
        self.jam_countdown.clicked.connect(self.open_jam)
        self.jam_countdown.hide()
        self.statusBar().addPermanentWidget(self.jam_countdown)
        timer = QTimer(self)
        timer.timeout.connect(self.show_jam_countdown)
        timer.start(JAM_COUNTDOWN_MS)
        self.show_jam_countdown()

    def show_jam_countdown(self) -> None:
        """The newest started jam whose time is not up, as "⏱ Name: 1:23:45", or nothing."""
        from studio.qt.jam_header import format_countdown

        now = time.time()
        try:
            running = next(
                (jam for jam in self._jam_store.jams() if jam.started_at is not None and not jam.is_over(now)),
                None,
            )
        except sqlite3.Error:  # a busy or damaged library file: no countdown this second
            running = None
        self.jam_countdown.setVisible(running is not None)
        if running is not None:
            self.jam_countdown.setText(
                self.tr("⏱ {name}: {left}").format(name=running.name, left=format_countdown(running.remaining_s(now)))
            )

    def _current_title_and_code(self) -> tuple[str, str] | None:
        """The game in the studio, for “Submit current game” in a jam."""
        code = self.session.last_code
        if code is None:
            return None
        game = self.session.current_game
        return (game.title if game is not None else self.tr("Untitled game"), code)

    def open_game(self, game_id: int) -> None:
        """Play a library game from its head; a shared game the user has not kept is marked."""
        try:
            game = self.session.open_game(game_id)
        except LibraryError as error:
            self._report(str(error), None)
            return
        self.errors.clear()
        self.code_view.set_code(self.session.library.code(game_id))
        if not self.session.host.runner_pid:
            self.game_view.show_message(self.tr("Opening “{title}”…").format(title=game.title))
        if game.trusted:
            self.figures.setText(self.tr("Opening “{title}”").format(title=game.title))
        else:  # the banner follows once it runs (_game_changed)
            shared = self.tr("“{title}” was shared with you: it runs only in the sandbox")
            self.figures.setText(shared.format(title=game.title))
        self.activateWindow()
        self.game_view.setFocus()

    def open_shared_file(self, path: Path) -> None:
        """A .minigame dropped on the window or given to `studio FILE`: into the library
        (untrusted, not twice) and playing, in the sandbox like every game."""
        from studio.library import sharing
        from studio.library.cartridge import CartridgeError

        try:
            imported = sharing.import_cartridge(self.session.library, path)
        except (CartridgeError, OSError, LibraryError) as error:
            self._report(str(error), None)
            return
        self.open_game(imported.game.id)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt override
        if dropped_cartridges(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt override
        dropped = dropped_cartridges(event.mimeData())
        if dropped:
            event.acceptProposedAction()
            self.open_shared_file(dropped[0])  # one game plays at a time: the first

    def keep_current_game(self) -> None:
        """The banner's Keep: the user trusts the shared game playing now."""
        game_id = self.session.current_game_id
        if game_id is None:
            return
        try:
            self.session.library.keep(game_id)
        except LibraryError as error:
            self._report(str(error), None)
        self._library_changed()

    def _game_opened(self, game_id: int) -> None:
        # Undo walks back through the opened game's own versions before anything else.
        head = self.session.current_version_id
        if head is not None:
            for version_id in self.session.playable_lineage(head)[:-1]:
                self.history.record(version_id)

    def _game_changed(self, game_id: int) -> None:
        self.capture.reset()  # a GIF shows one game; a tweak of the same game carries on
        self._show_title()
        self._show_trust()

    def _add_capture(self) -> None:
        """F9: the last 8 s of play as a GIF, kept with the game in the library."""
        self.capture = GifCaptureControl(
            self, self.game_view, self.session.paths.data_dir() / "captures",
            title=lambda: getattr(self.session.current_game, "title", "game"),
        )
        self.toolbar.addAction(self.capture.action)
        self.capture.saved.connect(self._gif_saved)
        self.capture.failed.connect(lambda text: self.statusBar().showMessage(text, 6000))

    def _gif_saved(self, info: GifInfo) -> None:
        game_id = self.session.current_game_id
        if game_id is not None:
            try:
                self.session.library.set_gif(game_id, info.path.read_bytes())
            except (OSError, LibraryError) as error:
                self.statusBar().showMessage(self.tr("Saved {path}, but not in the library: {error}").format(
                    path=info.path, error=error), 8000)
                return
            self._library_changed()
        self.statusBar().showMessage(
            self.tr("Saved the last {seconds:.0f} s of play as {path} ({ms:.0f} ms)").format(
                seconds=info.duration_s, path=info.path, ms=info.write_ms), 8000)

    def _library_changed(self) -> None:
        self._show_title()
        self._show_trust()
        if self.gallery is not None and self.gallery.isVisible():
            self.gallery.reload()

    def _show_title(self) -> None:
        game = self.session.current_game
        if game is not None:
            self.setWindowTitle(self.tr("{title} — Minigame Studio").format(title=game.title))

    def _show_trust(self) -> None:
        self.untrusted_banner.show_for(self.session.current_game)

    def _error_clicked(self, item: QListWidgetItem) -> None:
        line = item.data(Qt.ItemDataRole.UserRole)
        if isinstance(line, int):
            self.code_view.highlight_line(line)

    # -- what the session reports -------------------------------------------------------

    def _stream_started(self, is_repair: bool) -> None:
        self.code_view.begin_stream()
        if is_repair:
            self.figures.setText(self.tr("The game failed: asking the model for one repair…"))

    def _code_arrived(self, code: str, make: object) -> None:
        if not self.session.is_current_make(make):
            return  # delivered late: the user has since stepped to another version
        self.code_view.append_stream(self.session.take_streamed_text())
        self.code_view.end_stream()
        self.code_view.set_code(code)

    def _make_finished(self, outcome: LiveOutcome) -> None:
        if self.code_view.streaming:
            self.code_view.append_stream(self.session.take_streamed_text())
            self.code_view.end_stream()
        if not outcome.ok and outcome.message != "cancelled":
            self._report(outcome.message, None)
            if not self.session.host.runner_pid:
                self.game_view.show_message(outcome.message)

    def tick(self) -> None:
        """Every 16 ms: streamed text, host events, live figures."""
        if self.code_view.streaming:
            text = self.session.take_streamed_text()
            if text:
                self.code_view.append_stream(text)
                self.code_view.flush_stream()  # this tick already batches: no second 16 ms wait
        for event in self.session.poll():
            self._show_event(event)
        self._update_figures()

    def _show_event(self, event: HostEvent) -> None:
        if isinstance(event, Loaded):
            # The code's own title until it runs; then the library's (game_changed, library_changed).
            self.setWindowTitle(self.tr("{title} — Minigame Studio").format(title=event.title or "game"))
        elif isinstance(event, FrameShown):
            self.game_view.show_message(None)
            self._fps = None  # count the new game's frames from now
            self._fps_window = (time.perf_counter(), self.game_view.frames_received)
            if self._screenshot_path:
                QTimer.singleShot(1000, self._take_screenshot)
        elif isinstance(event, Caption) and self.session.current_game is None:
            self.setWindowTitle(self.tr("{title} — Minigame Studio").format(title=event.title))
        elif isinstance(event, Refused):
            self._report(self.tr("Refused: {message}").format(message=event.message), event.line)
        elif isinstance(event, GameError):
            kept = self.tr(" (the previous game keeps running)") if event.kept_previous else ""
            self._report(self.tr("Error: {message}").format(message=event.message) + kept, event.line)
        elif isinstance(event, GameOver):
            self.figures.setText(self.tr("Game over: {reason} — Ctrl+R restarts").format(reason=event.reason))
        elif isinstance(event, RunnerStopped) and event.reason not in ("closed", "exited"):
            self._report(self.tr("The game was stopped: {detail}").format(detail=event.detail), None)

    def _report(self, text: str, line: int | None) -> None:
        item = QListWidgetItem(text if line is None else self.tr("line {line}: {text}").format(line=line, text=text))
        item.setData(Qt.ItemDataRole.UserRole, line)
        self.errors.addItem(item)
        self.errors.scrollToBottom()

    def _update_figures(self) -> None:
        now = time.perf_counter()
        started, frames_then = self._fps_window
        if now - started >= 1.0:
            frames = self.game_view.frames_received
            self._fps = (frames - frames_then) / (now - started)
            self._fps_window = (now, frames)
        stats = self.session.stats()
        parts = []
        if stats is not None and stats.ttft_ms is not None:
            parts.append(self.tr("first token {ms:.0f} ms").format(ms=stats.ttft_ms))
            parts.append(self.tr("{rate:,.0f} tokens/s").format(rate=stats.tokens_per_s))
        if self.session.ready_ms is not None:
            parts.append(self.tr("ready {ms:.0f} ms").format(ms=self.session.ready_ms))
        if self._fps is not None and self.session.host.runner_pid:
            parts.append(self.tr("{fps:.0f} fps").format(fps=self._fps))
        if parts:
            self.figures.setText("   ".join(parts))

    def _show_model(self) -> None:
        choice = self.session.choice
        if choice.offline:
            self.model_label.setText(self.tr("Offline — built-in starter kit"))
        else:
            self.model_label.setText(self.tr("Model: {model}").format(model=self.session.source.model))
        self.model_label.setToolTip(choice.reason)

    def _take_screenshot(self) -> None:
        path = self._screenshot_path
        if path:
            self._screenshot_path = None
            self.grab().save(path)
            self.close()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        for window in (self.gallery, self.jam):  # their own windows: they go with this one
            if window is not None:
                window.close()
        self._timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self.voice)
        self.session.shutdown()
        super().closeEvent(event)

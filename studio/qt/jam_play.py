"""PlayPanel: the jam's entries played in turn, with the voting panel beside the game.

PageDown / PageUp (or the buttons) move to the next / previous entry, even while the game
has the keyboard; Esc takes the keyboard from the game to the vote; Enter votes and moves
on. An entry that fails shows its error in place and Next still works.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QHideEvent, QImage, QKeyEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSplitter, QVBoxLayout, QWidget

from sandbox.frames import Frame
from studio.library.jams import Entry, JamError, JamStore
from studio.qt.game_view import MAX_FRAME_SIDE, GameView
from studio.qt.jam_player import EntryPlayer, PlayState
from studio.qt.jam_vote import VotePanel

POLL_MS = 16
THUMBNAIL_AFTER_FRAMES = 30
"""Frames an entry runs before its picture is taken for the entry list (past any splash)."""
THUMBNAIL_SIZE = QSize(256, 192)

_NAVIGATION_KEYS = (Qt.Key.Key_PageDown, Qt.Key.Key_PageUp)


def frame_picture(frame: Frame, size: QSize = THUMBNAIL_SIZE) -> QImage | None:
    """A small copy of a runner's frame (aspect kept), or None for a malformed frame."""
    if not (0 < frame.width <= MAX_FRAME_SIDE and 0 < frame.height <= MAX_FRAME_SIDE):
        return None
    if len(frame.pixels) < frame.width * frame.height * 4:
        return None
    image = QImage(
        frame.pixels, frame.width, frame.height, frame.width * 4, QImage.Format.Format_RGB32
    )
    return image.scaled(
        size, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
    )


class PlayPanel(QWidget):
    """Plays `entries` one at a time through `player`; votes go to `jam_store`."""

    voted = Signal(int)  # entry id: a vote was saved
    finished_round = Signal(str)  # voter: they voted on the last entry
    thumbnail_captured = Signal(int, QImage)  # entry id, a picture of it playing
    message = Signal(str)  # a one-line problem for the window's message bar

    def __init__(
        self, jam_store: JamStore, player: EntryPlayer, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.jam_store = jam_store
        self.player = player
        self.entries: list[Entry] = []
        self.index = -1
        self._frames_at_start = 0
        self._pictured: set[int] = set()
        self._shown_state: tuple[int | None, PlayState, str] | None = None
        self._build()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.poll)

    def _build(self) -> None:
        self.previous_button = QPushButton(self.tr("◀ Previous"))
        self.previous_button.setToolTip(self.tr("Play the previous entry (Page Up)"))
        self.previous_button.clicked.connect(self.previous)
        self.next_button = QPushButton(self.tr("Next ▶"))
        self.next_button.setToolTip(self.tr("Play the next entry (Page Down)"))
        self.next_button.clicked.connect(self.next)
        self.restart_button = QPushButton(self.tr("Restart"))
        self.restart_button.setToolTip(self.tr("Play this entry again from the start (Ctrl+R)"))
        self.restart_button.clicked.connect(self.restart)
        self.title = QLabel(self.tr("No entry playing"))
        title_font = self.title.font()
        title_font.setPointSizeF(title_font.pointSizeF() * 1.3)
        title_font.setBold(True)
        self.title.setFont(title_font)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        bar = QHBoxLayout()
        bar.addWidget(self.previous_button)
        bar.addWidget(self.title, 1, Qt.AlignmentFlag.AlignCenter)
        bar.addWidget(self.restart_button)
        bar.addWidget(self.next_button)
        self.view = GameView(release_focus_key=Qt.Key.Key_Escape)
        self.view.installEventFilter(self)  # Page Up / Page Down are ours, not the game's
        self.view.release_focus_requested.connect(lambda: self.vote_panel.focus_first_empty())
        self.view.show_message(self.tr("Press “Play entries” (F5) to play every entry in turn."))
        self.vote_panel = VotePanel()
        self.vote_panel.vote_requested.connect(self.vote)
        self.vote_panel.voter_changed.connect(self._voter_changed)
        self.status = QLabel()
        self.status.setWordWrap(True)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.view)
        splitter.addWidget(self.vote_panel)
        splitter.setStretchFactor(0, 1)
        splitter.setSizes([720, 280])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.status)
        for keys, handler in (
            ((QKeySequence(Qt.Key.Key_PageDown),), self.next),
            ((QKeySequence(Qt.Key.Key_PageUp),), self.previous),
            ((QKeySequence("Ctrl+R"),), self.restart),
        ):
            action = QAction(self)
            action.setShortcuts(list(keys))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(handler)
            self.addAction(action)
        self._update_buttons()

    # -- what is played -------------------------------------------------------------------

    def set_entries(self, entries: list[Entry]) -> None:
        """The entries to play, in order; the one playing keeps playing if it is still there."""
        playing = self.current_entry()
        self.entries = list(entries)
        ids = [entry.id for entry in self.entries]
        self.index = ids.index(playing.id) if playing is not None and playing.id in ids else -1
        if playing is not None and self.index == -1:
            self.player.set_paused(True)
            self.view.set_source(None)
            self.view.clear_frame()
            self.view.show_message(self.tr("That entry was removed. Press Next to go on."))
        self._update_title()
        self._update_buttons()

    def reset(self) -> None:
        """Another jam is shown: stop the game and forget the entries."""
        self.entries = []
        self.stop()

    def stop(self) -> None:
        """Nothing plays any more (another jam, or the window closes): stop polling, pause the
        game, show the invitation to play. The entries stay."""
        self._timer.stop()
        self.player.set_paused(True)
        self.index = -1
        self.view.set_sink(None)
        self.view.set_source(None)
        self.view.clear_frame()
        self.view.show_message(self.tr("Press “Play entries” (F5) to play every entry in turn."))
        self.status.setText("")
        self._update_title()
        self._update_buttons()

    def current_entry(self) -> Entry | None:
        return self.entries[self.index] if 0 <= self.index < len(self.entries) else None

    def play_index(self, index: int) -> None:
        """Play the entry at `index` from the start."""
        if not 0 <= index < len(self.entries):
            return
        self.index = index
        entry = self.entries[index]
        self.view.set_sink(None)  # keys go nowhere until this entry shows its first frame
        self.view.set_source(None)
        self.view.clear_frame()
        self.view.show_message(self.tr("Loading “{title}”…").format(title=entry.title))
        self.player.play(entry)
        self._shown_state = None
        self._update_title()
        self._update_buttons()
        self._show_existing_vote()
        if self.isVisible():
            self._timer.start(POLL_MS)

    def play_from_start(self) -> None:
        """Play every entry in turn, from the first."""
        if not self.entries:
            self.view.show_message(
                self.tr("This jam has no entries yet: add some on the Entries tab.")
            )
            return
        self.play_index(0)
        self.view.setFocus()

    def next(self) -> None:
        if self.index + 1 < len(self.entries):
            self.play_index(self.index + 1)

    def previous(self) -> None:
        if self.index > 0:
            self.play_index(self.index - 1)

    def restart(self) -> None:
        if self.current_entry() is not None:
            self.play_index(self.index)

    def _update_title(self) -> None:
        entry = self.current_entry()
        if entry is None:
            self.title.setText(self.tr("No entry playing"))
            return
        self.title.setText(
            self.tr("{number} of {count}: {title} — by {author}").format(
                number=self.index + 1,
                count=len(self.entries),
                title=entry.title,
                author=entry.author,
            )
        )

    def _update_buttons(self) -> None:
        self.previous_button.setEnabled(self.index > 0)
        self.next_button.setEnabled(self.index + 1 < len(self.entries))
        self.restart_button.setEnabled(self.current_entry() is not None)
        self.vote_panel.setEnabled(self.current_entry() is not None)

    # -- the game ---------------------------------------------------------------------------

    def poll(self) -> None:
        """Every 16 ms while shown: the host's events become what the view and status say."""
        self.player.poll()
        status = self.player.status
        entry = self.current_entry()
        if entry is None or status.entry_id != entry.id:
            return
        state = (status.entry_id, status.state, status.message)
        if state != self._shown_state:
            self._shown_state = state
            self._show_state()
        if status.state is PlayState.RUNNING:
            self._maybe_take_picture(entry)

    def _show_state(self) -> None:
        status = self.player.status
        if status.state is PlayState.RUNNING:
            host = self.player.host
            self.view.set_source(host)
            self.view.set_sink(host)
            self._frames_at_start = self.view.frames_received
            self.view.show_message(None)
            self.status.setText(
                self.tr(
                    "Playing. Click the game (or Tab to it) to play; Esc comes back to the vote."
                )
            )
        elif status.state in (PlayState.FAILED, PlayState.OVER):
            self.view.show_message(status.message)
            self.status.setText(
                status.message
                if status.state is PlayState.OVER
                else self.tr(
                    "{message} — you can still vote, or press Page Down for the next entry."
                ).format(message=status.message)
            )

    def _maybe_take_picture(self, entry: Entry) -> None:
        if (
            entry.id in self._pictured
            or self.view.frames_received - self._frames_at_start < THUMBNAIL_AFTER_FRAMES
        ):
            return
        frame = self.player.host.latest_frame()
        picture = frame_picture(frame) if frame is not None else None
        if picture is not None:
            self._pictured.add(entry.id)
            self.thumbnail_captured.emit(entry.id, picture)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        navigation = (
            watched is self.view
            and event.type() in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress)
            and isinstance(event, QKeyEvent)
            and event.key() in _NAVIGATION_KEYS
            and not event.modifiers()
        )
        if not navigation:
            return super().eventFilter(watched, event)
        assert isinstance(event, QKeyEvent)
        if event.type() == QEvent.Type.KeyPress and not event.isAutoRepeat():
            (self.next if event.key() == Qt.Key.Key_PageDown else self.previous)()
        event.accept()
        return True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.player.started:
            self.player.set_paused(False)
            self._timer.start(POLL_MS)

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self._timer.stop()
        self.player.set_paused(True)  # no game runs where nobody can see it

    # -- voting -----------------------------------------------------------------------------

    def vote(self, voter: str, fun: int, theme: int, look: int) -> None:
        """Save the vote on the playing entry, then play the next one."""
        entry = self.current_entry()
        if entry is None:
            return
        try:
            self.jam_store.vote(entry.id, voter, fun, theme, look)
        except JamError as error:
            self.vote_panel.set_status(str(error))
            self.message.emit(str(error))
            return
        self.voted.emit(entry.id)
        saved = self.tr("Saved {voter}'s vote for “{title}”.").format(
            voter=voter, title=entry.title
        )
        if self.index + 1 < len(self.entries):
            self.play_index(self.index + 1)
            self.vote_panel.set_status(saved)
            self.vote_panel.focus_first_empty()
        else:
            self.vote_panel.set_status(saved + " " + self.tr("That was the last entry."))
            self.finished_round.emit(voter)

    def _show_existing_vote(self) -> None:
        entry = self.current_entry()
        voter = self.vote_panel.voter_name().casefold()
        existing = None
        if entry is not None and voter:
            try:
                votes = self.jam_store.votes(entry.jam_id)
            except JamError:
                votes = []
            existing = next(
                (v for v in votes if v.entry_id == entry.id and v.voter.casefold() == voter), None
            )
        self.vote_panel.show_vote(existing)

    def _voter_changed(self, voter: str) -> None:
        entry = self.current_entry()
        if entry is None or not voter:
            return
        try:
            votes = self.jam_store.votes(entry.jam_id)
        except JamError:
            return
        existing = next(
            (v for v in votes if v.entry_id == entry.id and v.voter.casefold() == voter.casefold()),
            None,
        )
        if existing is not None:
            self.vote_panel.show_vote(existing)
        else:  # stars already set stay: they are this voter's
            self.vote_panel.set_has_vote(False)

"""The studio's working parts behind the window: the game host, the model source, the make in flight.

Not a widget: the window shows what this object does and forwards what the user does.
Streams run on a worker thread; everything the window reads is polled on its timer, so
no per-token signal ever crosses threads.

The library follows the game that runs: a version that shows its first frame becomes its
game's head (a new game for a new lineage), a game made or opened counts a play, and about
a second after a version's first frame the current game gets a thumbnail of what it shows
(encoded on a worker thread, stored on the GUI thread).
"""

from __future__ import annotations

import logging
import sqlite3
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from sandbox.host import GameHost, HostEvent, RunnerSettings, RunnerStopped
from sandbox.protocol import FrameShown, GameError, Refused
from studio.library.games import Game, GameLibrary, LibraryError
from studio.library.store import VersionStore
from studio.library.thumbnails import png_from_bgrx
from studio.make_command import reply_source_for
from studio.pipeline.live import LiveMake, LiveOutcome, LiveStats, Verdict
from studio.pipeline.make import ReplySource
from studio.settings import ModelChoice, Paths

log = logging.getLogger(__name__)


THUMBNAIL_DELAY_MS = 1000
"""How long after a version's first frame its game's thumbnail is taken (past any title fade-in)."""

MAX_LINEAGE_STEPS = 1000
"""How far back `playable_lineage` follows a version's parents."""


@dataclass(frozen=True)
class ReadyTime:
    """How long the last game took from its last token to its first frame."""

    ready_ms: float


class StudioSession(QObject):
    """Owns the host, the library and the current make; thread-safe where it says so."""

    make_started = Signal(bool)  # is_repair: the code view starts a new stream
    # The complete code handed to the host, and the make it came from: the signal crosses
    # threads and may be delivered after the user stepped to another version.
    code_arrived = Signal(str, object)
    make_finished = Signal(object)  # LiveOutcome
    version_playing = Signal(int)  # a saved version was handed to the host
    game_opened = Signal(int)  # a game opened from the library shows its first frame (game id)
    game_changed = Signal(int)  # the current game is another one (game id)
    library_changed = Signal()  # games, titles, heads, play counts or thumbnails changed
    _thumbnail_encoded = Signal(int, object)  # worker → GUI thread: (game id, PNG bytes)

    def __init__(self, choice: ModelChoice, paths: Paths | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.paths = paths or Paths()
        self.host = GameHost(RunnerSettings(assets_dir=self.paths.asset_pack))
        self.host.start()  # a warm runner before the first prompt
        self.store = VersionStore(self.paths.library_file())
        self.library = GameLibrary(self.store)
        try:  # games made before the library kept games, or by `studio make`, join the gallery
            self.library.adopt_lineages()
        except sqlite3.Error as error:  # a busy or damaged file: the studio still opens
            log.warning("older versions were not added to the library: %s", error)
        self.current_game_id: int | None = None
        self._opening_game_id: int | None = None  # open_game asked; counted when it runs
        self._closed = False
        self._thumbnail_encoded.connect(self._store_thumbnail)
        self.choice = choice
        self.source: ReplySource = reply_source_for(choice)
        self._make: LiveMake | None = None
        self._worker: threading.Thread | None = None
        self.ready_ms: float | None = None
        self.last_code: str | None = None
        self.current_version_id: int | None = None
        self._pending_code: str | None = None  # handed to the host, verdict not yet in
        self._pending_version: int | None = None
        self._awaiting_verdict = False

    # -- model ------------------------------------------------------------------------

    def set_model_choice(self, choice: ModelChoice) -> None:
        """Use another endpoint (or offline) from the next prompt on."""
        self.cancel_make()
        self.choice = choice
        self.source = reply_source_for(choice)

    def warm_up(self) -> None:
        """Open the model connection now (the user started typing)."""
        client = getattr(self.source, "client", None)
        if client is not None:
            client.warm_up()

    # -- making -----------------------------------------------------------------------

    def make(self, description: str) -> None:
        """Start making a game; a make in flight is cancelled (the new prompt wins)."""
        self.cancel_make()
        self._start(self._live(description, self._play))

    def redirect(self, instruction: str) -> None:
        """A new instruction while code streams: stop at once and continue from the partial code."""
        from studio.pipeline.continuation import plan_continuation

        live = self._make
        if live is not None and self.making and live.base_code is not None and not live.code_started_playing:
            self.tweak(f"{live.description}. Also: {instruction}")  # both instructions, one tweak
            return
        if live is None or not self.making or live.code_started_playing:
            self.tweak(instruction) if self.last_code is not None else self.make(instruction)
            return
        partial = live.reply_so_far()
        self.cancel_make()
        style = getattr(self.source, "prefix_style", None)
        if style == "new_request":
            self.make(f"{live.description}. Also: {instruction}")
            return
        plan = plan_continuation(live.description, partial, instruction, style)
        self._start(self._live(f"{live.description}. Also: {instruction}", self._play, continuation=plan))

    def tweak(self, instruction: str) -> None:
        """Change the running game by instruction; its state is kept (hot swap)."""
        if self.last_code is None:
            self.make(instruction)
            return
        self.cancel_make()
        self._start(
            self._live(instruction, self._hot_swap, base_code=self.last_code, base_version_id=self.current_version_id)
        )

    def _version_started(self, version_id: int) -> None:
        # Worker thread, just before the code is played: it becomes current on its verdict.
        self._pending_version = version_id

    def play_version(self, code: str) -> None:
        """Run a stored version again (undo, redo, restore): no new version is saved."""
        self.cancel_make()
        self.last_code = code  # it ran before: no verdict to wait for
        self._awaiting_verdict = False
        self._run_on_host(code)

    def open_game(self, game_id: int) -> Game:
        """Run a library game from its head, fresh (it is another game: nothing carried over).

        It becomes current when it shows its first frame (versions and history go on from
        its head, and a play is counted); if it fails, the game playing now keeps playing.
        Raises LibraryError for an unknown or deleted game.
        """
        game = self.library.get(game_id)
        if game is None:
            raise LibraryError(f"No game {game_id} in the library: it may have been deleted.")
        code = self.library.code(game_id)
        self.cancel_make()
        self._pending_code, self._pending_version = code, game.head_version_id
        self._opening_game_id = game_id
        self._awaiting_verdict = True
        self.host.load_new(code, "game.py")
        return game

    def follow_version(self, version_id: int) -> None:
        """A stored version plays again (undo, redo, restore): its game is the current one."""
        game = self.library.game_of_version(version_id)
        if game is not None:
            self._make_current_game(game.id)

    @property
    def current_game(self) -> Game | None:
        """The game playing now, as the library has it (None before the first one runs)."""
        return self.library.get(self.current_game_id) if self.current_game_id is not None else None

    def playable_lineage(self, version_id: int) -> list[int]:
        """The versions that led to this one and ran (following parents), oldest first, itself last."""
        chain: list[int] = []
        seen: set[int] = set()
        version = self.store.get(version_id)
        while version is not None and version.id not in seen and len(seen) < MAX_LINEAGE_STEPS:
            seen.add(version.id)
            if version.id == version_id or (version.kind != "partial" and version.outcome in (None, "ok")):
                chain.append(version.id)
            version = self.store.get(version.parent_id) if version.parent_id is not None else None
        return chain[::-1]

    def _run_on_host(self, code: str) -> None:
        if self.host.runner_pid is None:
            self.host.load_new(code, "game.py")
        else:
            self.host.hot_swap(code, "game.py")

    def _hot_swap(self, code: str) -> None:
        self._pending_code = code
        self._awaiting_verdict = True
        self.host.hot_swap(code, "game.py")

    def _live(self, description: str, play: Callable[[str], None], **options: object) -> LiveMake:
        """A make wired to this session's source, library and signals."""
        live = LiveMake(
            description,
            self.source,
            self.store,
            play=play,
            on_stream_start=self.make_started.emit,
            on_version=self._version_started,
            **options,  # type: ignore[arg-type]
        )
        live.on_code = lambda code: self.code_arrived.emit(code, live)
        return live

    def is_current_make(self, make: object) -> bool:
        """Whether `make` is the make in flight (not cancelled, not replaced by a newer one)."""
        return make is not None and make is self._make

    def _start(self, live: LiveMake) -> None:
        self._make = live
        self.ready_ms = None
        worker = threading.Thread(target=self._run, args=(live,), name="studio-make", daemon=True)
        self._worker = worker
        worker.start()

    def _run(self, live: LiveMake) -> None:
        try:
            outcome = live.run()
        except Exception as error:  # noqa: BLE001 - a bug must not take the window down
            outcome = LiveOutcome(False, f"the make failed: {error}", None, None, 0)
        if self._make is live:
            self.make_finished.emit(outcome)

    def _play(self, code: str) -> None:
        self._pending_code = code
        self._awaiting_verdict = True
        self.host.load_new(code, "game.py")

    def cancel_make(self) -> None:
        """Stop the stream in flight, if any."""
        live, self._make = self._make, None
        if live is not None:
            live.cancel()

    def take_streamed_text(self) -> str:
        """Text streamed since the last call (GUI thread)."""
        return self._make.take_text() if self._make is not None else ""

    def stats(self) -> LiveStats | None:
        return self._make.stats() if self._make is not None else None

    @property
    def making(self) -> bool:
        return self._worker is not None and self._worker.is_alive() and self._make is not None

    # -- running code the user edited ---------------------------------------------------

    def run_code(self, code: str) -> None:
        """The user's own edit: a version, then a hot swap keeping the game's state."""
        self.cancel_make()
        version_id = self.store.add(
            "edit", "(edited by hand)", code, self.source.model, self.source.offline, self.current_version_id
        )
        self._pending_code, self._pending_version = code, version_id
        self._awaiting_verdict = True
        self._run_on_host(code)

    # -- host events --------------------------------------------------------------------

    def poll(self) -> list[HostEvent]:
        """Host events since the last call; the make in flight hears its verdict (GUI thread)."""
        events = self.host.poll_events()
        live = self._make
        for event in events:
            verdict = _verdict_of(event)
            if verdict is None or not self._awaiting_verdict:
                continue
            self._awaiting_verdict = False
            self._settle_pending(verdict.ok)
            if isinstance(event, FrameShown) and live is not None:
                last = live.stats().last_token_at
                if last is not None:
                    self.ready_ms = max(0.0, (time.perf_counter() - last) * 1000.0)
            if live is not None:
                live.give_verdict(verdict)
        return events

    def _settle_pending(self, runs: bool) -> None:
        """The code handed over runs (it becomes current) or was turned down (it is dropped);
        either way the next tweak changes the code that really runs."""
        code, version_id = self._pending_code, self._pending_version
        self._pending_code = self._pending_version = None
        opened, self._opening_game_id = self._opening_game_id, None
        if not runs or code is None:
            return
        self.last_code = code
        if version_id is not None:
            self.current_version_id = version_id
            self._follow_into_library(version_id, opened)
            self.version_playing.emit(version_id)

    def _follow_into_library(self, version_id: int, opened: int | None) -> None:
        """The version runs: its game's head moves on; a game made or opened counts a play."""
        try:
            game = self.library.record_version(version_id)
            if game.id != self.current_game_id or game.id == opened:
                self.library.count_play(game.id)
        except (LibraryError, sqlite3.Error) as error:  # the game plays on without the library
            log.warning("the library could not record version %s: %s", version_id, error)
            return
        if game.id == opened:
            self.game_opened.emit(game.id)
        self._make_current_game(game.id)
        self.library_changed.emit()
        QTimer.singleShot(THUMBNAIL_DELAY_MS, self, lambda: self._take_thumbnail(game.id, version_id))

    def _make_current_game(self, game_id: int) -> None:
        if game_id != self.current_game_id:
            self.current_game_id = game_id
            self.game_changed.emit(game_id)

    # -- thumbnails -----------------------------------------------------------------------

    def _take_thumbnail(self, game_id: int, version_id: int) -> None:
        """The game still shows this version: encode its newest frame on a worker thread."""
        if self._closed or self.current_game_id != game_id or self.current_version_id != version_id:
            return
        frame = self.host.latest_frame()
        if frame is None:
            return
        worker = threading.Thread(
            target=self._encode_thumbnail, args=(game_id, frame.width, frame.height, frame.pixels),
            name="studio-thumbnail", daemon=True,
        )
        worker.start()

    def _encode_thumbnail(self, game_id: int, width: int, height: int, pixels: bytes) -> None:
        try:
            png = png_from_bgrx(width, height, pixels)
        except (ValueError, OSError) as error:
            log.warning("no thumbnail for game %s: %s", game_id, error)
            return
        try:
            self._thumbnail_encoded.emit(game_id, png)
        except RuntimeError:  # the session was deleted meanwhile
            pass

    @Slot(int, object)
    def _store_thumbnail(self, game_id: int, png: bytes) -> None:
        if self._closed:
            return
        try:
            self.library.set_thumbnail(game_id, png)
        except (LibraryError, sqlite3.Error) as error:  # deleted meanwhile, or the disk is full
            log.warning("the thumbnail of game %s was not saved: %s", game_id, error)
            return
        self.library_changed.emit()

    def shutdown(self) -> None:
        """Stop everything: the stream, the runners, the library; returns within a second."""
        self._closed = True
        self.cancel_make()
        self.host.close()
        if self._worker is not None:
            self._worker.join(timeout=0.5)
        self.store.close()


def _verdict_of(event: HostEvent) -> Verdict | None:
    if isinstance(event, FrameShown):
        return Verdict(True, "ok", "playing")
    if isinstance(event, Refused):
        return Verdict(False, "refused", event.message, event.line)
    if isinstance(event, GameError) and event.phase in ("load", "start"):
        return Verdict(False, "error", event.message, event.line)
    if isinstance(event, RunnerStopped) and event.reason == "hang":
        return Verdict(False, "timeout", event.detail)
    return None

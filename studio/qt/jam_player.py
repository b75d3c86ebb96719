"""EntryPlayer: plays one jam entry after another in the sandbox and says how each one is doing.

Not a widget: it owns the GameHost (started on the first play, so opening the jam screen
costs no process) and turns the host's events into the playing entry's state. Entries are
strangers' code: they only ever run through sandbox.host.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from PySide6.QtCore import QObject

from sandbox.host import GameHost, HostEvent, RunnerSettings, RunnerStopped
from sandbox.protocol import FrameShown, GameError, GameOver, Refused
from studio.library.jams import Entry


class PlayState(Enum):
    IDLE = "idle"
    LOADING = "loading"
    RUNNING = "running"
    FAILED = "failed"
    OVER = "over"


@dataclass(frozen=True)
class EntryStatus:
    """What the playing entry is doing; `message` is one line for the user (empty when fine)."""

    entry_id: int | None
    state: PlayState
    message: str = ""


class EntryPlayer(QObject):
    """One sandboxed game at a time; `play` switches entries without waiting for anything."""

    def __init__(self, settings: RunnerSettings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self._host: GameHost | None = None
        self.status = EntryStatus(None, PlayState.IDLE)
        self.paused = False

    @property
    def host(self) -> GameHost:
        """The host, started on first use (and again on the first use after `close`)."""
        if self._host is None:
            self._host = GameHost(self.settings)
            self._host.start()
        return self._host

    @property
    def started(self) -> bool:
        """A host is running (an entry was played since the start or the last `close`)."""
        return self._host is not None

    def play(self, entry: Entry) -> None:
        """Start `entry` from scratch. The previous game is paused at once, so it cannot
        speak for the new one; it is dropped when the new one shows its first frame."""
        host = self.host
        self.poll()  # what the old game said is about the old game
        host.pause()
        self.paused = False
        self.status = EntryStatus(entry.id, PlayState.LOADING)
        host.load_new(entry.code, f"entry_{entry.id}.py")

    def set_paused(self, paused: bool) -> None:
        """Pause or resume the playing entry (nothing happens before the first play)."""
        if self._host is None or paused == self.paused:
            return
        self.paused = paused
        if paused:
            self._host.pause()
        elif self.status.state in (PlayState.RUNNING, PlayState.OVER):
            # Only a game that showed a frame is this entry's: while an entry loads (or
            # after it failed) the host's playing runner is still the previous entry.
            self._host.resume()

    def poll(self) -> list[HostEvent]:
        """Take the host's events since the last call and update `status`; never blocks."""
        if self._host is None:
            return []
        events = self._host.poll_events()
        for event in events:
            self._apply(event)
        return events

    def _apply(self, event: HostEvent) -> None:
        entry_id = self.status.entry_id
        if entry_id is None:
            return
        failed = None
        if isinstance(event, FrameShown):
            self.status = EntryStatus(entry_id, PlayState.RUNNING)
            if self.paused and self._host is not None:
                self._host.pause()  # it came up while nobody can see it
        elif isinstance(event, Refused):  # the message names the line
            failed = self.tr("Refused by the sandbox: {message}").format(message=event.message)
        elif isinstance(event, GameError):
            failed = self.tr("The game failed: {message}").format(message=event.message)
        elif isinstance(event, GameOver):
            self.status = EntryStatus(
                entry_id,
                PlayState.OVER,
                self.tr("Game over: {reason}. Ctrl+R plays again.").format(reason=event.reason),
            )
        elif isinstance(event, RunnerStopped) and event.reason not in ("closed", "exited"):
            failed = self.tr("The game was stopped: {detail}").format(detail=event.detail)
        if failed is not None:
            self.status = EntryStatus(entry_id, PlayState.FAILED, failed)

    def close(self) -> None:
        """Kill every runner at once (a hung game included); idempotent. A later `play`
        starts a new host (the window may be shown again)."""
        host, self._host = self._host, None
        self.status = EntryStatus(None, PlayState.IDLE)
        self.paused = False
        if host is not None:
            host.close()

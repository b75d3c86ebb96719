"""Parent-side handle on the game: keeps a runner warm, loads, hot-swaps, forwards input.

A new game goes to a spare runner that is already warm (pygame imported, process
confined), so the user never waits for a process to start; a hot swap goes to the
runner that is playing. Classic scripts reload by restart. A watchdog thread kills a
runner that stops beating. Nothing here blocks the caller, so a GUI thread may call it.
"""

from __future__ import annotations

import dataclasses
import queue
import threading
import time
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from types import TracebackType

from sandbox.frames import Frame
from sandbox.protocol import (
    Control,
    FrameShown,
    GameError,
    KeyInput,
    Loaded,
    LoadGame,
    MouseInput,
    Refused,
)
from sandbox.runner_process import HostEvent, RunnerProcess, RunnerSettings, RunnerStopped

WATCHDOG_PERIOD_S = 0.1


@dataclass(frozen=True)
class _Incoming:
    """A new game's runner, loading while the previous game keeps playing."""

    runner: RunnerProcess
    source: tuple[str, str]


class GameHost:
    """The game as the app sees it: one playing runner plus one warm spare."""

    def __init__(self, settings: RunnerSettings | None = None) -> None:
        self.settings = settings or RunnerSettings()
        self._lock = threading.RLock()
        self._current: RunnerProcess | None = None
        self._spare: RunnerProcess | None = None
        self._retired: list[RunnerProcess] = []
        self._frame_base = 0
        self._last_frame: Frame | None = None
        # The code running now, a hot swap not yet accepted, and the code before the
        # last accepted swap (a swap can still fail in its first frames).
        self._source: tuple[str, str] | None = None
        self._pending_source: tuple[str, str] | None = None
        self._previous_source: tuple[str, str] | None = None
        self._backlog: list[HostEvent] = []  # events wait_for() saw but did not want
        self._incoming: _Incoming | None = None  # a new game loading while the old one plays
        self._spare_started: Future[RunnerProcess] | None = None
        self._closed = threading.Event()
        # Runners die with the *thread* that started them (PR_SET_PDEATHSIG), so they are
        # all started from this one thread, which lives as long as the host.
        self._spawner = ThreadPoolExecutor(max_workers=1, thread_name_prefix="game-host-spawner")
        self._watchdog = threading.Thread(target=self._watch, name="game-host-watchdog", daemon=True)
        self._watchdog.start()

    # -- lifecycle --------------------------------------------------------------------

    def start(self) -> None:
        """Start a warm runner now, so the first game loads without waiting."""
        with self._lock:
            if self._spare is None and self._spare_started is None and not self._closed.is_set():
                self._spare_started = self._spawner.submit(RunnerProcess, self.settings)

    def close(self) -> None:
        """Stop every runner and release every resource; idempotent."""
        self._closed.set()
        with self._lock:
            self._collect_spare(wait=True)
            incoming = self._incoming.runner if self._incoming is not None else None
            runners = [r for r in (self._current, self._spare, incoming, *self._retired) if r is not None]
            self._current = self._spare = self._incoming = None
            self._retired = []
        for runner in runners:
            runner.close()
        self._spawner.shutdown(wait=False)

    def __enter__(self) -> GameHost:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None) -> None:
        self.close()

    # -- loading ----------------------------------------------------------------------

    def load_new(self, source: str, filename: str = "game.py", seed: int | None = None) -> None:
        """Start `source` as a new game in a warm runner.

        The game playing now stays on screen and keeps taking input until the new one
        shows its first frame; if the new one is refused or fails first, it is dropped
        and the old game simply goes on.
        """
        with self._lock:
            runner = self._take_spare()
            runner.send(LoadGame(source, filename, "new", seed))
            if self._incoming is not None:
                self._retire(self._incoming.runner, "replaced by a newer game")
            if self._current is None or not self._current.alive:
                self._source, self._pending_source = (source, filename), None
                self._make_current(runner)
                self._incoming = None
            else:
                self._incoming = _Incoming(runner, (source, filename))

    def hot_swap(self, source: str, filename: str = "game.py") -> None:
        """Replace the running code keeping its state (classic scripts restart instead)."""
        with self._lock:
            current = self._current
            if current is None or not current.alive or current.shape == "classic":
                self.load_new(source, filename)
                return
            self._pending_source = (source, filename)
            current.send(LoadGame(source, filename, "hot_swap", None))

    def restart(self) -> None:
        """Run the current code again from scratch, nothing carried over."""
        with self._lock:
            if self._source is not None:
                self.load_new(*self._source)

    # -- input and control ------------------------------------------------------------

    def send_key(self, down: bool, key: int, mod: int = 0, unicode: str = "", scancode: int = 0) -> None:
        """Forward a key press or release to the game."""
        self._send_current(KeyInput(down, key, mod, unicode[:8], scancode))

    def send_mouse(
        self, kind: str, x: int, y: int, button: int = 0, rel_x: int = 0, rel_y: int = 0,
        buttons: tuple[int, ...] = (0, 0, 0),
    ) -> None:
        """Forward a mouse event, in game pixels."""
        self._send_current(MouseInput(kind, x, y, button, rel_x, rel_y, tuple(buttons)))  # type: ignore[arg-type]

    def pause(self) -> None:
        self._send_current(Control("pause"))

    def resume(self) -> None:
        self._send_current(Control("resume"))

    def step(self) -> None:
        """Advance a paused game by one frame."""
        self._send_current(Control("step"))

    # -- output -----------------------------------------------------------------------

    def latest_frame(self, previous_number: int = -1) -> Frame | None:
        """The newest frame if newer than `previous_number`; numbers grow across runners."""
        with self._lock:
            incoming = self._incoming
        if incoming is not None and incoming.runner.first_frame_seen_at is not None:
            self._backlog.extend(self._drain_incoming(incoming))  # it takes over now
        with self._lock:
            runner, base = self._current, self._frame_base
        if runner is not None:
            frame = runner.latest_frame(max(-1, previous_number - base))
            if frame is not None:
                frame = dataclasses.replace(frame, number=frame.number + base)
                self._last_frame = frame
                return frame
        return None

    def poll_events(self) -> list[HostEvent]:
        """Messages from the playing runner (and a loading one) since the last call; never blocks."""
        with self._lock:
            runner = self._current
            incoming = self._incoming
        events, self._backlog = self._backlog, []
        if incoming is not None:
            events.extend(self._drain_incoming(incoming))
        if runner is not None:
            while True:
                try:
                    event = runner.messages.get_nowait()
                except queue.Empty:
                    break
                self._track_source(event)
                events.append(event)
        return events

    def _drain_incoming(self, incoming: _Incoming) -> list[HostEvent]:
        """Events of a game still loading; it takes over at its first frame, or is dropped."""
        events: list[HostEvent] = []
        while True:
            try:
                event = incoming.runner.messages.get_nowait()
            except queue.Empty:
                break
            events.append(event)
            failed = isinstance(event, (Refused, RunnerStopped)) or (
                isinstance(event, GameError) and event.phase in ("load", "start")
            )
            with self._lock:
                if self._incoming is not incoming:
                    break
                if isinstance(event, FrameShown):
                    self._source, self._pending_source = incoming.source, None
                    self._make_current(incoming.runner)
                    self._incoming = None
                elif failed:
                    self._retire(incoming.runner, "its game failed to start")
                    self._incoming = None
        return events

    def _track_source(self, event: HostEvent) -> None:
        """Keep `restart()` pointed at the code that is really running."""
        with self._lock:
            if isinstance(event, Loaded) and self._pending_source is not None:
                self._previous_source, self._source = self._source, self._pending_source
                self._pending_source = None
            elif isinstance(event, Refused) or (isinstance(event, GameError) and event.kept_previous):
                if self._pending_source is not None:
                    self._pending_source = None
                elif isinstance(event, GameError) and event.phase == "start" and self._previous_source:
                    self._source = self._previous_source

    def wait_for(self, kinds: tuple[type, ...], timeout_s: float) -> HostEvent | None:
        """Block until an event of one of `kinds` arrives (for scripts and tests)."""
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            events = self.poll_events()
            for index, event in enumerate(events):
                if isinstance(event, kinds):
                    self._backlog = events[index + 1 :] + self._backlog
                    return event
                self._backlog.append(event)
            time.sleep(0.002)
        return None

    def wait_warm(self, timeout_s: float = 20.0) -> bool:
        """Block until a spare runner is started, warm and confined (for scripts and tests)."""
        deadline = time.monotonic() + timeout_s
        self.start()
        while time.monotonic() < deadline:
            with self._lock:
                spare = self._spare
            if spare is not None and spare.ready is not None:
                return True
            time.sleep(0.005)
        return False

    @property
    def runner_pid(self) -> int | None:
        """The playing runner's process id (for tests and diagnostics)."""
        with self._lock:
            return self._current.pid if self._current is not None else None

    @property
    def confinement(self) -> tuple[str, str] | None:
        """(applied layers, warnings) of the playing runner, once it is ready."""
        with self._lock:
            ready = self._current.ready if self._current is not None else None
        return (ready.applied, ready.warnings) if ready is not None else None

    # -- internals --------------------------------------------------------------------

    def _send_current(self, command: KeyInput | MouseInput | Control) -> None:
        with self._lock:
            if self._current is not None:
                self._current.send(command)

    def _take_spare(self) -> RunnerProcess:
        self._collect_spare(wait=True)
        spare = self._spare
        self._spare = None
        if spare is None or not spare.alive:
            if spare is not None:
                self._retired.append(spare)
            spare = self._spawn()
        return spare

    def _make_current(self, runner: RunnerProcess) -> None:
        old = self._current
        if old is not None:
            self._frame_base = (self._last_frame.number if self._last_frame else self._frame_base) + 1
            self._retire(old, "replaced by a new game")
        self._current = runner

    def _retire(self, runner: RunnerProcess, why: str) -> None:
        runner.kill("closed", why)
        self._retired.append(runner)
        # The next spare starts once this game shows its first frame (see _watch):
        # warming it now would compete with the new game's load for the CPU.

    def _spawn(self) -> RunnerProcess:
        return self._spawner.submit(RunnerProcess, self.settings).result()

    def _collect_spare(self, wait: bool) -> None:
        started = self._spare_started
        if started is not None and (wait or started.done()):
            self._spare_started = None
            runner = started.result()
            if self._closed.is_set():
                runner.close()
            else:
                self._spare = runner

    def _keep_a_spare(self) -> None:
        """Start the next spare once the playing game is up (or gone)."""
        with self._lock:
            if self._closed.is_set():  # close() set it before taking the lock: no spare after it
                return
            self._collect_spare(wait=False)
            current = self._current
            settled = current is None or not current.alive or current.frames.frame_number() > 0
            late = current is not None and time.monotonic() - current.started_at > 2.0
            if self._spare is None and self._spare_started is None and (settled or late):
                self._spare_started = self._spawner.submit(RunnerProcess, self.settings)

    def _watch(self) -> None:
        while not self._closed.wait(WATCHDOG_PERIOD_S):
            now = time.monotonic()
            with self._lock:
                incoming = self._incoming.runner if self._incoming is not None else None
                runners = [r for r in (self._current, self._spare, incoming) if r is not None]
                retired, self._retired = self._retired, []
            for runner in runners:
                runner.check_heartbeat(now)
            for runner in retired:
                runner.close()
            if self._current is not None or self._spare is not None or self._spare_started is not None:
                self._keep_a_spare()


__all__ = ["GameHost", "HostEvent", "RunnerSettings", "RunnerStopped"]

"""The game contract in the runner: load a version, run its frames, hot swap with state kept."""

from __future__ import annotations

import linecache
import os
import random
import time
from collections import deque
from dataclasses import dataclass, field

import pygame

from sandbox import compiler, guards, hooks
from sandbox.channel import RunnerChannel
from sandbox.console import FIXED_DT_S, Console
from sandbox.facade.registry import ModuleResolver
from sandbox.failure import describe_failure
from sandbox.frame_publisher import FramePublisher
from sandbox.hot_swap import SwapResult, carry_state
from sandbox.protocol import (
    Caption,
    Configure,
    Control,
    FrameSampled,
    FrameShown,
    FrameTaken,
    GameError,
    GameOver,
    KeyInput,
    Loaded,
    LoadGame,
    MouseInput,
    Refused,
    ToRunner,
    is_sampled_frame,
)
from sandbox.scripted_input import KeyAction, ScriptedInput

PROBATION_FRAMES = 30  # errors this early make a hot swap fall back to the previous version
MAX_DT_S = 0.1
IDLE_WAIT_S = 0.05
DEFAULT_FPS = 60.0


@dataclass
class GameVersion:
    """One loaded version of the game's code and its module namespace."""

    number: int
    filename: str
    namespace: dict[str, object]
    load_started: float
    shape: str = "callback"
    hooks: dict[str, hooks.Hook] = field(default_factory=dict)
    title: str = ""
    fps: float = DEFAULT_FPS
    frames_run: int = 0
    crashed: bool = False


@dataclass(frozen=True)
class Fallback:
    """The version to return to if a hot-swapped version fails in its first frames."""

    version: GameVersion
    swap: SwapResult


class GameRuntime:
    """Serves host commands: loads games and runs their frames until the host goes away."""

    def __init__(
        self, channel: RunnerChannel, publisher: FramePublisher, console: Console, resolver: ModuleResolver
    ) -> None:
        self.channel = channel
        self.publisher = publisher
        self.console = console
        self.builtins = guards.make_builtins(resolver.resolve, self._print, console.files.open, resolver.stand_ins)
        self.current: GameVersion | None = None
        self.loading: GameVersion | None = None
        self.fallback: Fallback | None = None
        self.paused = False
        self.steps_pending = 0
        self.next_version = 1
        self.deferred: deque[ToRunner] = deque()
        self.scripted: ScriptedInput | None = None
        self.max_frames: int | None = None  # set in check runs only
        self.sample_every = 0
        self.next_frame_at = 0.0
        self.last_frame_at: float | None = None
        console.paced = True
        console.classic_frame = self._classic_frame
        console.pump_input = self._pump_from_game
        console.heartbeat = publisher.beat
        console.idle_tick = self._idle_tick
        self.input_ticks = 0
        console.output = channel.output
        console.caption_changed = self._caption_changed
        self.caption_sent = ""

    # -- the loop ---------------------------------------------------------------------

    def serve(self) -> None:
        """Run until the host closes the pipe or says quit."""
        while True:
            self._handle(self.channel.receive())
            while self.deferred:
                self._handle([self.deferred.popleft()])
            if self.channel.host_gone:
                os._exit(0)
            game = self.current
            if game is None or game.crashed or (self.paused and not self.steps_pending):
                self.publisher.beat()
                self.channel.wait(IDLE_WAIT_S)
                continue
            if self.console.paced and not self.steps_pending:
                wait = self.next_frame_at - time.perf_counter()
                if wait > 0.0005:
                    self.publisher.beat()
                    self.channel.wait(wait)
                    continue
            self.steps_pending = max(0, self.steps_pending - 1)
            self._callback_frame(game)

    def _handle(self, commands: list[ToRunner], from_game: bool = False) -> None:
        console = self.console
        for command in commands:
            if isinstance(command, KeyInput):
                console.key_event(command.down, command.key, command.mod, command.unicode, command.scancode)
            elif isinstance(command, MouseInput):
                console.mouse_event(command.action, (command.x, command.y), command.button, (command.rel_x, command.rel_y))
            elif isinstance(command, Control):
                self._control(command.action)
            elif isinstance(command, FrameTaken):
                pass  # only awaited in _hand_to_host; a late one means nothing
            elif from_game:
                self.deferred.append(command)  # never swap code in the middle of a frame
            elif isinstance(command, Configure):
                self._configure(command)
            elif isinstance(command, LoadGame):
                self._load(command)

    def _pump_from_game(self) -> None:
        self._handle(self.channel.receive(), from_game=True)

    def _control(self, action: str) -> None:
        if action == "quit":
            os._exit(0)
        self.paused = action in ("pause", "step")
        self.last_frame_at = None  # time spent paused is not game time
        if action == "step":
            self.steps_pending += 1

    def _configure(self, command: Configure) -> None:
        self.console.paced = command.paced
        self.scripted = ScriptedInput(command.scripted_input_seed) if command.scripted_input_seed is not None else None
        self.max_frames = command.max_frames
        self.sample_every = max(0, command.sample_every)

    # -- loading ----------------------------------------------------------------------

    def _load(self, command: LoadGame) -> None:
        started = time.perf_counter()
        if self.current is not None and self.current.shape == "classic" and not self.current.crashed:
            self.channel.send(GameError("a classic script reloads by restart in a new runner", None, "", "load", True))
            return
        try:
            compiled = compiler.compile_game(command.source, command.filename)
        except compiler.Refusal as refusal:
            self.channel.send(Refused(refusal.message, refusal.line))
            self._end_check_on_failure()
            return
        linecache.cache[command.filename] = (
            len(command.source), None, command.source.splitlines(True), command.filename
        )
        if command.seed is not None:
            random.seed(command.seed)
        previous = self.current if command.mode == "hot_swap" else None
        kept_previous = self.current is not None
        if previous is None:
            self._reset_console()
        version = GameVersion(self.next_version, command.filename, guards.make_globals(self.builtins, command.filename), started)
        self.next_version += 1
        screen_before = self.console.screen
        self.loading = version
        try:
            exec(compiled.code, version.namespace)  # noqa: S102 - compiled under the sandbox policy
        except SystemExit:
            self._game_over(version, "the game exited")
            return
        except BaseException as error:  # noqa: BLE001 - any failure of game code is reported
            self._fail(version, error, "load", kept_previous)
            return
        finally:
            self.loading = None
        if version.shape == "classic":
            self._game_over(version, "the game's loop ended")
            return
        version.hooks = hooks.find_hooks(version.namespace)
        if "update" not in version.hooks and "draw" not in version.hooks:
            self._fail_message(
                version,
                "the game defines no update(dt) or draw(screen) and has no loop of its own",
                kept_previous,
            )
            return
        swap = carry_state(previous.namespace, version.namespace, keep_new=self._is_screen) if previous else None
        self._prepare_callback_game(version, screen_before)
        self.fallback = Fallback(previous, swap) if previous is not None and swap is not None else None
        self.current = version
        self.next_frame_at = time.perf_counter()
        self.last_frame_at = None
        carried = ",".join(swap.carried) if swap else ""
        self.channel.send(Loaded(version.number, "callback", version.title, _ms_since(started), carried))
        for warning in hooks.near_miss_warnings(version.namespace):
            self.console.output(f"warning: {warning}\n")

    def _is_screen(self, value: object) -> bool:
        return value is self.console.screen

    def _reset_console(self) -> None:
        console = self.console
        console.events.clear()
        console.timers.clear()
        console.keys_down.clear()
        console.quit_called = False
        console.virtual_ms = 0.0
        console.started_at = time.perf_counter()

    def _prepare_callback_game(self, version: GameVersion, screen_before: pygame.Surface | None) -> None:
        namespace = version.namespace
        if self.console.screen is None or self.console.screen is screen_before:
            width, height = namespace.get("WIDTH"), namespace.get("HEIGHT")
            if isinstance(width, int) and isinstance(height, int):
                self.console.open_screen((width, height))
            elif self.console.screen is None:
                self.console.open_screen((0, 0))
        fps = namespace.get("FPS")
        version.fps = float(fps) if isinstance(fps, (int, float)) and 1 <= fps <= 240 else DEFAULT_FPS
        version.title = _title_of(namespace, version.filename, self.console.caption)

    # -- frames -----------------------------------------------------------------------

    def _callback_frame(self, game: GameVersion) -> None:
        console = self.console
        now = time.perf_counter()
        if console.paced:
            last = self.last_frame_at
            dt = 1.0 / game.fps if self.paused or last is None else min(MAX_DT_S, now - last)
            self.next_frame_at = max(self.next_frame_at + 1.0 / game.fps, now - MAX_DT_S)
        else:
            dt = 1.0 / game.fps
            console.advance_virtual_time(dt)
        self.last_frame_at = now
        self._feed_scripted_input()
        console.fire_timers()
        delivered = list(console.events)
        screen = console.screen
        console.in_callback_frame = True
        try:
            for event in delivered:
                hook = game.hooks.get(hooks.EVENT_HOOKS.get(event.type, ""))
                if hook is not None:
                    hook.call(*hooks.event_arguments(event))
            update = game.hooks.get("update")
            if update is not None:
                update.call(dt)
            draw = game.hooks.get("draw")
            if draw is not None:
                draw.call(screen)
        except SystemExit:
            self._game_over(game, "the game exited")
            return
        except BaseException as error:  # noqa: BLE001
            self._fail(game, error, "start" if game.frames_run < PROBATION_FRAMES else "running")
            return
        finally:
            console.in_callback_frame = False
        if delivered:
            handled = {id(event) for event in delivered}
            remaining = [event for event in console.events if id(event) not in handled]
            console.events.clear()
            console.events.extend(remaining)
        if console.quit_called:
            self._game_over(game, "the game called pygame.quit()")
            return
        self._frame_done(game, screen if screen is not None else console.screen)

    def _classic_frame(self) -> None:
        """A classic script called display.flip(): publish, take input, pace."""
        game = self.loading
        console = self.console
        if game is None:
            return
        if game.shape != "classic":
            game.shape = "classic"
            game.title = _title_of(game.namespace, game.filename, console.caption)
            self.current = game
            self.channel.send(Loaded(game.number, "classic", game.title, _ms_since(game.load_started), ""))
        if console.quit_called:
            self._game_over(game, "the game called pygame.quit()")  # ends the runner
        if not console.paced and console.virtual_ms == self.publisher.virtual_ms_at_last_frame:
            console.advance_virtual_time(FIXED_DT_S)  # the script has no clock.tick()
        if console.screen is not None:
            self._frame_done(game, console.screen)
        self._feed_scripted_input()
        console.fire_timers()
        self._pump_from_game()
        while self.paused and not self.steps_pending:
            self.publisher.beat()
            self.channel.wait(IDLE_WAIT_S)
            self._pump_from_game()
        self.steps_pending = max(0, self.steps_pending - 1)

    def _frame_done(self, game: GameVersion, screen: pygame.Surface | None) -> None:
        sampled = 0
        if screen is not None:
            number = self.publisher.frame_number + 1
            if self.max_frames is not None and is_sampled_frame(number, self.sample_every, self.max_frames):
                sampled = number
            must_show = self.console.paced or bool(sampled) or game.frames_run < PROBATION_FRAMES
            self.publisher.publish(screen, self.console.virtual_ms, must_show)
        game.frames_run += 1
        if game.frames_run == 1:
            self.channel.send(FrameShown(game.number, _ms_since(game.load_started)))
        if sampled:
            self._hand_to_host(sampled)
        if game.frames_run == PROBATION_FRAMES:
            self.fallback = None
        if self.max_frames is not None and game.frames_run >= self.max_frames:
            self._finish_check()

    def _hand_to_host(self, number: int) -> None:
        """Check runs: wait, beating, until the host has copied frame `number` out of frame memory.

        The host hashes and judges the frames itself; holding still until it has taken
        one is what makes the pixels it reads the pixels of that frame.
        """
        self.channel.send(FrameSampled(number))
        while True:
            taken = False
            for command in self.channel.receive():
                if not taken and isinstance(command, FrameTaken) and command.number == number:
                    taken = True
                else:
                    self._handle([command], from_game=True)
            if taken:
                return
            if self.channel.host_gone:
                os._exit(0)
            self.publisher.beat()
            self.channel.wait(IDLE_WAIT_S)

    def _idle_tick(self) -> None:
        """The game blocks in event.wait(): the scripted player keeps playing."""
        if self.scripted is not None and not self.console.paced:
            self.console.advance_virtual_time(FIXED_DT_S)
            self._feed_scripted_input()

    def _feed_scripted_input(self) -> None:
        if self.scripted is None:
            return
        self.input_ticks += 1
        size = self.console.screen.get_size() if self.console.screen is not None else (640, 480)
        for action in self.scripted.actions(self.input_ticks, size):
            if isinstance(action, KeyAction):
                self.console.key_event(action.down, action.key, 0, action.unicode, 0)
            else:
                self.console.mouse_event(action.kind, action.pos, action.button, action.rel)

    # -- endings ----------------------------------------------------------------------

    def _finish_check(self) -> None:
        # Nothing to report: the host counted and judged the frames it took.
        os._exit(0)

    def _end_check_on_failure(self) -> None:
        if self.max_frames is not None:
            os._exit(0)

    def _game_over(self, game: GameVersion, reason: str) -> None:
        self.channel.send(GameOver(reason))
        game.crashed = True
        if self.max_frames is not None:
            self._finish_check()
        if game.shape == "classic":
            os._exit(0)  # a script's process state is spent; the host starts a fresh runner

    def _fail(self, game: GameVersion, error: BaseException, phase: str, kept_previous: bool = False) -> None:
        failure = describe_failure(error, game.filename)
        self._report_failure(game, failure.message, failure.line, failure.traceback, phase, kept_previous)

    def _fail_message(self, game: GameVersion, message: str, kept_previous: bool) -> None:
        self._report_failure(game, message, None, "", "load", kept_previous)

    def _report_failure(
        self, game: GameVersion, message: str, line: int | None, trace: str, phase: str, kept_previous: bool
    ) -> None:
        fallback = self.fallback
        if phase == "start" and fallback is not None and game is self.current:
            fallback.swap.undo_class_moves()
            self.current = fallback.version
            self.fallback = None
            kept_previous = True
        elif phase != "load":
            game.crashed = True
        self.channel.send(GameError(message, line, trace, phase, kept_previous))  # type: ignore[arg-type]
        self._end_check_on_failure()
        if game.shape == "classic":
            os._exit(0)

    def _caption_changed(self, title: str) -> None:
        if title != self.caption_sent:
            self.caption_sent = title
            self.channel.send(Caption(title))

    def _print(self, *values: object, sep: object = " ", end: object = "\n", **ignored: object) -> None:
        self.console.output(str(sep).join(str(v) for v in values) + str(end))


def _ms_since(started: float) -> float:
    return (time.perf_counter() - started) * 1000.0


def _title_of(namespace: dict[str, object], filename: str, caption: str) -> str:
    doc = namespace.get("__doc__")
    if isinstance(doc, str) and doc.strip():
        return doc.strip().splitlines()[0][:120]
    if caption:
        return caption[:120]
    return os.path.splitext(os.path.basename(filename))[0][:120]

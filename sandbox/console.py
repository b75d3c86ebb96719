"""The game's virtual console: screen, input state, event queue, clock and timers.

The facade's pygame functions read and write this object instead of SDL's own state,
because input arrives from the host as messages (SDL's key and mouse arrays never see
posted events) and because a sandboxed game must not block, grab or go fullscreen.
The runtime owns one console per runner and wires its callbacks.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field

import sandbox.facade.pygame_import  # noqa: F401  # isort: skip - before pygame: numpy waits for games
import pygame

from sandbox.facade.memory_files import MemoryFiles

MAX_QUEUED_EVENTS = 4096
MAX_SLEEP_S = 5.0  # longer sleeps would only freeze the game; games never need them
MAX_TIMERS = 64
MOUSE_BUTTONS = 5
DEFAULT_SIZE = (640, 480)
FIXED_DT_S = 1 / 60
# How often a classic script may ask for something between two frames before the console
# concludes it is waiting (for a key, or for time to pass) rather than drawing a frame:
# one clock.tick() a frame is normal, so is one event.get(), and get_ticks() per sprite.
WAITING_AFTER_CALLS = {"sleep": 2, "poll": 8, "clock": 1000}


def _noop() -> None:
    return None


@dataclass
class Timer:
    """One `pygame.time.set_timer` entry, in console milliseconds."""

    event: pygame.event.Event
    interval_ms: int
    next_due_ms: float
    loops_left: int  # 0 = forever


@dataclass
class Console:
    """Per-runner device state shared by the facade and the runtime."""

    paced: bool = True
    max_size: tuple[int, int] = (1920, 1200)
    screen: pygame.Surface | None = None
    caption: str = ""
    events: deque[pygame.event.Event] = field(default_factory=lambda: deque(maxlen=MAX_QUEUED_EVENTS))
    blocked_types: set[int] = field(default_factory=set)
    keys_down: set[int] = field(default_factory=set)
    mods: int = 0
    mouse_pos: tuple[int, int] = (0, 0)
    mouse_rel: tuple[int, int] = (0, 0)
    mouse_buttons: list[bool] = field(default_factory=lambda: [False] * MOUSE_BUTTONS)
    timers: dict[int, Timer] = field(default_factory=dict)
    files: MemoryFiles = field(default_factory=MemoryFiles)
    quit_called: bool = False
    in_callback_frame: bool = False
    virtual_ms: float = 0.0
    started_at: float = field(default_factory=time.perf_counter)
    calls_since_frame: dict[str, int] = field(default_factory=dict)
    # Wired by the runtime: what a classic script's flip() does, how input is pulled
    # from the host, how the watchdog is told we are alive, where print() goes.
    classic_frame: Callable[[], None] = _noop
    pump_input: Callable[[], None] = _noop
    heartbeat: Callable[[], None] = _noop
    idle_tick: Callable[[], None] = _noop  # a game waits for input: feed scripted input
    output: Callable[[str], None] = lambda text: None
    caption_changed: Callable[[str], None] = lambda title: None

    # -- time -------------------------------------------------------------------------

    def now_ms(self) -> float:
        """Milliseconds since the game started: real when paced, virtual in checks."""
        if self.paced:
            return (time.perf_counter() - self.started_at) * 1000.0
        return self.virtual_ms

    def advance_virtual_time(self, dt_s: float) -> None:
        """Move the virtual clock on by one frame (unpaced runs only)."""
        self.virtual_ms += dt_s * 1000.0

    def sleep(self, seconds: float) -> None:
        """Sleep without starving the watchdog; free when unpaced."""
        if seconds > MAX_SLEEP_S:
            raise ValueError(
                f"sleeping {seconds:g} s would freeze the game; the sandbox allows at most {MAX_SLEEP_S:g} s"
            )
        if not self.paced:
            self.heartbeat()
            self.virtual_ms += max(0.0, seconds) * 1000.0
            self.game_waits("sleep")
            return
        deadline = time.perf_counter() + max(0.0, seconds)
        while True:
            self.heartbeat()
            left = deadline - time.perf_counter()
            if left <= 0:
                return
            time.sleep(min(left, 0.1))

    # -- classic scripts between frames -------------------------------------------------

    def busy(self) -> None:
        """Game code outside a frame is working in pygame (a long load, a script's loop).

        The watchdog hears from the runtime once a frame; a script that computes for
        seconds in pygame calls before its first frame, or waits in its own loop, is
        alive all the same. Inside update()/draw() a frame must end, so it stays silent.
        """
        if not self.in_callback_frame:
            self.heartbeat()

    def game_waits(self, kind: str) -> None:
        """A classic script asked for input ("poll"), the time ("clock") or a pause ("sleep").

        Asked more often than one frame needs, the script is waiting for something: in
        an unpaced check no real time passes and no key is pressed while it waits, so the
        console lets a frame's time pass and the scripted player act, as they would for a
        script that showed its frame. Counted, not timed, so checks stay reproducible.
        """
        if self.in_callback_frame:
            return
        self.heartbeat()
        count = self.calls_since_frame.get(kind, 0) + 1
        self.calls_since_frame[kind] = count
        if self.paced or count < WAITING_AFTER_CALLS[kind]:
            return
        before = self.virtual_ms
        self.idle_tick()  # the runtime's scripted player, where there is one
        if self.virtual_ms == before:
            self.advance_virtual_time(FIXED_DT_S)
        self.fire_timers()

    def show_classic_frame(self) -> None:
        """A classic script's flip(): the runtime publishes the screen."""
        self.calls_since_frame.clear()
        self.classic_frame()

    # -- events -----------------------------------------------------------------------

    def post(self, event: pygame.event.Event) -> bool:
        """Queue an event unless its type is blocked or the queue is full."""
        if event.type in self.blocked_types or len(self.events) >= MAX_QUEUED_EVENTS:
            return False
        self.events.append(event)
        return True

    def fire_timers(self) -> None:
        """Post every timer event that has come due."""
        if not self.timers:
            return
        now = self.now_ms()
        for event_type, timer in list(self.timers.items()):
            if now < timer.next_due_ms:
                continue
            self.post(timer.event)
            # Skip missed periods rather than flooding the queue after a stall.
            periods = max(1, int((now - timer.next_due_ms) // timer.interval_ms) + 1)
            timer.next_due_ms += periods * timer.interval_ms
            if timer.loops_left:
                timer.loops_left -= 1
                if timer.loops_left == 0:
                    del self.timers[event_type]

    def set_timer(self, event: pygame.event.Event, millis: int, loops: int) -> None:
        """Start, restart or (millis <= 0) stop a repeating timer."""
        if millis <= 0:
            self.timers.pop(event.type, None)
            return
        if event.type not in self.timers and len(self.timers) >= MAX_TIMERS:
            raise pygame.error("too many timers")
        self.timers[event.type] = Timer(event, int(millis), self.now_ms() + millis, max(0, loops))

    # -- input from the host ----------------------------------------------------------

    def key_event(self, down: bool, key: int, mod: int, unicode: str, scancode: int) -> None:
        """Apply a key press or release to the key state and queue its events."""
        self.mods = mod
        if down:
            self.keys_down.add(key)
            self.post(pygame.event.Event(pygame.KEYDOWN, key=key, mod=mod, unicode=unicode, scancode=scancode))
            if unicode and unicode.isprintable():
                self.post(pygame.event.Event(pygame.TEXTINPUT, text=unicode))
        else:
            self.keys_down.discard(key)
            self.post(pygame.event.Event(pygame.KEYUP, key=key, mod=mod, unicode="", scancode=scancode))

    def mouse_event(self, kind: str, pos: tuple[int, int], button: int, rel: tuple[int, int]) -> None:
        """Apply a mouse message to the pointer state and queue its events."""
        self.mouse_pos = self._clamp_to_screen(pos)
        if kind == "move":
            self.mouse_rel = (self.mouse_rel[0] + rel[0], self.mouse_rel[1] + rel[1])
            buttons = tuple(int(b) for b in self.mouse_buttons[:3])
            self.post(pygame.event.Event(pygame.MOUSEMOTION, pos=self.mouse_pos, rel=rel, buttons=buttons))
        elif kind in ("down", "up"):
            if 1 <= button <= MOUSE_BUTTONS:
                self.mouse_buttons[button - 1] = kind == "down"
            event_type = pygame.MOUSEBUTTONDOWN if kind == "down" else pygame.MOUSEBUTTONUP
            self.post(pygame.event.Event(event_type, pos=self.mouse_pos, button=button))
        elif kind == "wheel":
            self.post(pygame.event.Event(pygame.MOUSEWHEEL, x=rel[0], y=rel[1], flipped=False))

    def release_all_input(self) -> None:
        """Forget held keys and buttons (the window lost focus or a game restarted)."""
        for key in list(self.keys_down):
            self.key_event(False, key, 0, "", 0)
        self.mouse_buttons = [False] * MOUSE_BUTTONS

    def _clamp_to_screen(self, pos: tuple[int, int]) -> tuple[int, int]:
        width, height = self.screen.get_size() if self.screen is not None else DEFAULT_SIZE
        return (min(max(0, int(pos[0])), width - 1), min(max(0, int(pos[1])), height - 1))

    # -- screen -----------------------------------------------------------------------

    def open_screen(self, size: tuple[int, int]) -> pygame.Surface:
        """The game's screen surface, clamped to what the frame memory can carry."""
        width = int(size[0]) or DEFAULT_SIZE[0]
        height = int(size[1]) or DEFAULT_SIZE[1]
        width = min(max(1, width), self.max_size[0])
        height = min(max(1, height), self.max_size[1])
        if self.screen is None or self.screen.get_size() != (width, height):
            self.screen = pygame.Surface((width, height), 0, 32)
        return self.screen

"""pygame.display, event, key, mouse and time for a game, backed by the Console."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import pygame

from sandbox.console import Console
from sandbox.facade.namespace import FacadeNamespace, frozen_class, make_namespace
from sandbox.guards import checked_attribute_name

DESKTOP_SIZE = (1920, 1080)


@dataclass(frozen=True)
class DisplayInfo:
    """What `pygame.display.Info()` reports inside the sandbox."""

    current_w: int = DESKTOP_SIZE[0]
    current_h: int = DESKTOP_SIZE[1]
    bitsize: int = 32
    bytesize: int = 4
    hw: int = 0
    wm: int = 1
    video_mem: int = 0
    blit_hw: int = 0
    blit_sw: int = 0


class PressedKeys:
    """`key.get_pressed()` result: indexable by key code like pygame's ScancodeWrapper."""

    __slots__ = ("_down",)

    def __init__(self, down: frozenset[int]) -> None:
        self._down = down

    def __getitem__(self, key: int) -> bool:
        return key in self._down

    def __len__(self) -> int:
        return 512

    def __iter__(self):  # type: ignore[no-untyped-def]
        return (index in self._down for index in range(512))

    def __contains__(self, key: object) -> bool:
        return key in self._down


def _types_of(eventtype: int | Iterable[int] | None) -> frozenset[int] | None:
    if eventtype is None:
        return None
    if isinstance(eventtype, int):
        return frozenset((eventtype,))
    return frozenset(int(t) for t in eventtype)


def build_display(console: Console) -> FacadeNamespace:
    """`pygame.display`: set_mode hands out the game's own screen; flip publishes it."""

    def set_mode(size=(0, 0), flags=0, depth=0, display=0, vsync=0):  # noqa: ANN001, ANN202
        if flags & pygame.OPENGL:
            raise pygame.error("OpenGL is not available in the sandbox")
        return console.open_screen(tuple(size))

    def get_surface():  # noqa: ANN202
        return console.screen

    def flip() -> None:
        # Inside update()/draw() the runtime publishes the frame itself.
        if not console.in_callback_frame:
            console.show_classic_frame()

    def update(rectangle=None) -> None:  # noqa: ANN001
        flip()

    def set_caption(title, icontitle=None) -> None:  # noqa: ANN001
        console.caption = str(title)[:200]
        console.caption_changed(console.caption)

    def get_caption():  # noqa: ANN202
        return (console.caption, console.caption)

    def get_window_size():  # noqa: ANN202
        return console.screen.get_size() if console.screen is not None else (0, 0)

    def nothing(*args, **kwargs) -> None:  # noqa: ANN002, ANN003
        return None

    def yes(*args, **kwargs) -> bool:  # noqa: ANN002, ANN003
        return True

    def no(*args, **kwargs) -> bool:  # noqa: ANN002, ANN003
        return False

    return make_namespace(
        "pygame.display",
        {
            "set_mode": set_mode,
            "get_surface": get_surface,
            "flip": flip,
            "update": update,
            "set_caption": set_caption,
            "get_caption": get_caption,
            "get_window_size": get_window_size,
            "Info": DisplayInfo,
            "init": nothing,
            "quit": nothing,
            "set_icon": nothing,
            "set_gamma": no,
            "set_allow_screensaver": nothing,
            "get_init": yes,
            "get_active": yes,
            "iconify": no,
            "toggle_fullscreen": lambda: 0,
            "get_driver": lambda: "sandbox",
            "get_num_displays": lambda: 1,
            "get_desktop_sizes": lambda: [DESKTOP_SIZE],
            "list_modes": lambda *a, **k: [DESKTOP_SIZE, (1280, 720), (800, 600), (640, 480)],
            "mode_ok": lambda *a, **k: 32,
            "get_wm_info": lambda: {},
            "get_allow_screensaver": no,
        },
    )


class EventConstructor:
    """`pygame.event.Event(type, dict, **attributes)` whose attribute names follow the game's rules.

    A real Event takes any name: given "__array_interface__", numpy would read raw memory
    through it. `isinstance(x, pygame.event.Event)` still works.
    """

    __slots__ = ()

    def __call__(self, type: int, dict: Mapping[str, object] | None = None, /, **attributes: object) -> object:  # noqa: A002
        given = {**(dict or {}), **attributes}
        try:
            plain = {checked_attribute_name(name, store=True): value for name, value in given.items()}
        except AttributeError as refused:
            raise AttributeError(f"pygame.event.Event: {refused}") from None
        return pygame.event.Event(type, plain)

    def __instancecheck__(self, instance: object) -> bool:
        return isinstance(instance, pygame.event.EventType)


def build_event(console: Console) -> FacadeNamespace:
    """`pygame.event`: a bounded queue fed by the host's input, never by SDL."""
    event_constructor = EventConstructor()

    def pump() -> None:
        console.game_waits("poll")
        console.pump_input()

    def get(eventtype=None, pump=True, exclude=None):  # noqa: ANN001, ANN202
        console.game_waits("poll")
        if pump:
            console.pump_input()
        wanted = _types_of(eventtype)
        excluded = _types_of(exclude) or frozenset()
        taken, kept = [], []
        for event in console.events:
            if (wanted is None or event.type in wanted) and event.type not in excluded:
                taken.append(event)
            else:
                kept.append(event)
        console.events.clear()
        console.events.extend(kept)
        return taken

    def poll():  # noqa: ANN202
        console.game_waits("poll")
        console.pump_input()
        if console.events:
            return console.events.popleft()
        return pygame.event.Event(pygame.NOEVENT)

    def wait(timeout=0):  # noqa: ANN001, ANN202
        waited_ms = 0.0
        while not console.events:
            if timeout and waited_ms >= timeout:
                return pygame.event.Event(pygame.NOEVENT)
            console.sleep(0.005)
            waited_ms += 5.0
            console.idle_tick()
            console.fire_timers()
            console.pump_input()
        return console.events.popleft()

    def peek(eventtype=None, pump=True):  # noqa: ANN001, ANN202
        console.game_waits("poll")
        if pump:
            console.pump_input()
        wanted = _types_of(eventtype)
        if wanted is None:
            return bool(console.events)
        return any(event.type in wanted for event in console.events)

    def clear(eventtype=None, pump=True) -> None:  # noqa: ANN001
        if pump:
            console.pump_input()
        wanted = _types_of(eventtype)
        kept = [] if wanted is None else [e for e in console.events if e.type not in wanted]
        console.events.clear()
        console.events.extend(kept)

    def post(event) -> bool:  # noqa: ANN001
        if not isinstance(event, pygame.event.EventType):
            raise TypeError("post() expects a pygame.event.Event")
        return console.post(event)

    def set_blocked(eventtype) -> None:  # noqa: ANN001
        console.blocked_types |= _types_of(eventtype) or frozenset()

    def set_allowed(eventtype) -> None:  # noqa: ANN001
        if eventtype is None:
            console.blocked_types.clear()
        else:
            console.blocked_types -= _types_of(eventtype) or frozenset()

    def get_blocked(eventtype) -> bool:  # noqa: ANN001
        return bool((_types_of(eventtype) or frozenset()) & console.blocked_types)

    custom_types = iter(range(pygame.USEREVENT + 1, pygame.NUMEVENTS))

    def custom_type() -> int:
        try:
            return next(custom_types)
        except StopIteration:
            raise pygame.error("pygame.event.custom_type made too many event types") from None

    return make_namespace(
        "pygame.event",
        {
            "Event": event_constructor,
            "EventType": event_constructor,  # the same class as Event in pygame 2
            "event_name": pygame.event.event_name,
            "get": get,
            "poll": poll,
            "wait": wait,
            "peek": peek,
            "clear": clear,
            "post": post,
            "pump": pump,
            "set_blocked": set_blocked,
            "set_allowed": set_allowed,
            "get_blocked": get_blocked,
            "custom_type": custom_type,
            "set_grab": lambda grab: None,
            "get_grab": lambda: False,
            "set_keyboard_grab": lambda grab: None,
            "get_keyboard_grab": lambda: False,
        },
    )


def build_key(console: Console) -> FacadeNamespace:
    """`pygame.key`: the pressed keys the host forwarded."""
    repeat = [0, 0]

    def get_pressed() -> PressedKeys:
        return PressedKeys(frozenset(console.keys_down))

    def set_repeat(delay=0, interval=0) -> None:  # noqa: ANN001
        repeat[:] = [int(delay), int(interval)]

    def set_mods(mods) -> None:  # noqa: ANN001
        console.mods = int(mods)

    return make_namespace(
        "pygame.key",
        {
            "get_pressed": get_pressed,
            "get_mods": lambda: console.mods,
            "set_mods": set_mods,
            "name": pygame.key.name,
            "key_code": pygame.key.key_code,
            "set_repeat": set_repeat,
            "get_repeat": lambda: tuple(repeat),
            "get_focused": lambda: True,
            "start_text_input": lambda: None,
            "stop_text_input": lambda: None,
            "set_text_input_rect": lambda rect: None,
        },
    )


def build_mouse(console: Console) -> FacadeNamespace:
    """`pygame.mouse`: the pointer the host forwarded."""
    visible = [True]

    def get_pressed(num_buttons=3):  # noqa: ANN001, ANN202
        return tuple(console.mouse_buttons[: 5 if num_buttons == 5 else 3])

    def get_rel():  # noqa: ANN202
        rel, console.mouse_rel = console.mouse_rel, (0, 0)
        return rel

    def set_pos(*pos) -> None:  # noqa: ANN002
        point = pos[0] if len(pos) == 1 else pos
        console.mouse_pos = (int(point[0]), int(point[1]))

    def set_visible(value) -> int:  # noqa: ANN001
        was, visible[0] = visible[0], bool(value)
        return int(was)

    return make_namespace(
        "pygame.mouse",
        {
            "get_pos": lambda: console.mouse_pos,
            "get_pressed": get_pressed,
            "get_rel": get_rel,
            "set_pos": set_pos,
            "set_visible": set_visible,
            "get_visible": lambda: visible[0],
            "get_focused": lambda: True,
            "set_cursor": lambda *a, **k: None,
            "get_cursor": lambda: None,
            "set_system_cursor": lambda *a: None,
        },
    )


def _clock_class(console: Console) -> type:
    """`pygame.time.Clock` bound to `console` through a closure, not an attribute a
    game could read."""

    class Clock:
        """Paces a classic loop, or returns a fixed step when unpaced."""

        def __init__(self) -> None:
            self._last_ms = console.now_ms()
            self._frame_ms = 0.0
            self._fps_samples: list[float] = []

        def tick(self, framerate: float = 0) -> int:
            if framerate and framerate > 0:
                budget_ms = 1000.0 / min(float(framerate), 1000.0)
                spare_ms = budget_ms - (console.now_ms() - self._last_ms)
                if spare_ms > 0:
                    console.sleep(min(spare_ms, 1000.0) / 1000.0)
            now = console.now_ms()
            self._frame_ms = now - self._last_ms
            self._last_ms = now
            self._fps_samples = (self._fps_samples + [self._frame_ms])[-10:]
            return int(self._frame_ms)

        tick_busy_loop = tick

        def get_time(self) -> int:
            return int(self._frame_ms)

        def get_rawtime(self) -> int:
            return int(self._frame_ms)

        def get_fps(self) -> float:
            total = sum(self._fps_samples)
            return 1000.0 * len(self._fps_samples) / total if total > 0 else 0.0

    return frozen_class(Clock)


def build_time(console: Console) -> FacadeNamespace:
    """`pygame.time`: ticks, waits and timers on the console clock."""
    clock_class = _clock_class(console)

    def wait(milliseconds) -> int:  # noqa: ANN001
        console.sleep(max(0, int(milliseconds)) / 1000.0)
        return int(milliseconds)

    def get_ticks() -> int:
        console.game_waits("clock")
        return int(console.now_ms())

    def set_timer(event, millis, loops=0) -> None:  # noqa: ANN001
        if isinstance(event, int):
            event = pygame.event.Event(event)
        console.set_timer(event, int(millis), int(loops))

    return make_namespace(
        "pygame.time",
        {
            "Clock": clock_class,
            "get_ticks": get_ticks,
            "wait": wait,
            "delay": wait,
            "set_timer": set_timer,
        },
    )

"""The small runtime an exported game carries: Minigame Studio's game contract on plain pygame.

This file, player_assets.py and player_browser.py are joined into every export (after
the game's code and its assets; studio/export/script.py drops their docstrings and the
imports between them), so they import only the standard library and pygame, never
`studio` or `sandbox`, and keep to Python 3.8 syntax. The game plays the way the studio's
sandbox plays it (DESIGN.md section 3): callback games get `update(dt)`, `draw(screen)`
and the input hooks with only the parameters they name, at the game's FPS; classic
scripts run their own loop. Built-in sprites, sounds and fonts load by bare name from
the embedded ASSETS. `play()` is the desktop loop; `play_async()` is the same for the
browser (pygbag), where a frame must end with `await asyncio.sleep(0)`.

Outside the studio nothing is sandboxed: the game is an ordinary Python program.
MINIGAME_MAX_FRAMES=N quits cleanly after N frames and says so (for tests).
"""

from __future__ import annotations

import ast
import asyncio
import inspect
import linecache
import os
import sys
import time
import traceback
import types

os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
import pygame  # noqa: E402 - after the variable that quiets its greeting

from studio.export.player_assets import AssetPack, install_assets, open_audio  # noqa: E402 - joined, not imported, in an export
from studio.export.player_browser import awaiting_frames, next_frame, settle  # noqa: E402 - the same

HOOK_PARAMETERS = {
    "update": ("dt",),
    "draw": ("screen",),
    "on_key_down": ("key", "mod", "unicode"),
    "on_key_up": ("key", "mod"),
    "on_mouse_down": ("pos", "button"),
    "on_mouse_up": ("pos", "button"),
    "on_mouse_move": ("pos", "rel", "buttons"),
}
EVENT_HOOKS = {
    pygame.KEYDOWN: "on_key_down",
    pygame.KEYUP: "on_key_up",
    pygame.MOUSEBUTTONDOWN: "on_mouse_down",
    pygame.MOUSEBUTTONUP: "on_mouse_up",
    pygame.MOUSEMOTION: "on_mouse_move",
}
DEFAULT_SIZE = (640, 480)
DEFAULT_FPS = 60.0
MAX_DT_S = 0.1
MAX_FRAMES_VARIABLE = "MINIGAME_MAX_FRAMES"


class FrameLimitReached(SystemExit):
    """Raised from display.flip() once MINIGAME_MAX_FRAMES frames were shown."""


class GameContractError(Exception):
    """The game can be loaded but not played (no hooks and no loop of its own)."""


# -- hooks ------------------------------------------------------------------------------


class Hook:
    """One game function and the parameters it declares, by name (else by position)."""

    def __init__(self, name: str, function) -> None:  # noqa: ANN001
        self.name = name
        self.function = function
        known = HOOK_PARAMETERS[name]
        try:
            parameters = [
                p.name
                for p in inspect.signature(function).parameters.values()
                if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)
            ]
        except (TypeError, ValueError):
            parameters = list(known)
        if all(p in known for p in parameters):
            self.wanted = [known.index(p) for p in parameters]
        else:  # `def update(delta)`: the first ones, by position
            self.wanted = list(range(min(len(parameters), len(known))))

    def call(self, *values: object) -> object:
        """Call the hook with the values it asked for (a coroutine if the hook became async)."""
        return self.function(*[values[i] for i in self.wanted])


def find_hooks(namespace: dict) -> dict:
    """The hooks a game module defines."""
    return {
        name: Hook(name, namespace[name])
        for name in HOOK_PARAMETERS
        if callable(namespace.get(name))
    }


def event_arguments(event) -> tuple:  # noqa: ANN001
    """The values of an input event in HOOK_PARAMETERS order."""
    if event.type in (pygame.KEYDOWN, pygame.KEYUP):
        return (event.key, getattr(event, "mod", 0), getattr(event, "unicode", ""))
    if event.type == pygame.MOUSEMOTION:
        return (event.pos, event.rel, event.buttons)
    return (event.pos, event.button)


# -- the player -------------------------------------------------------------------------


class Player:
    """Runs one game: loads its code, then either its own loop or the callback loop."""

    def __init__(self, source: str, filename: str, title: str, max_frames: int | None) -> None:
        self.source = source
        self.filename = filename
        self.title = title
        self.max_frames = max_frames
        self.frames = 0
        self.in_callback_frame = False
        self.frame_events: list = []
        self.quit_requested = False
        self.namespace = {
            "__name__": "__main__",
            "__file__": filename,
            "__builtins__": __builtins__,
        }
        self.game_set_mode = False
        linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
        self._patch_display_and_events()

    def open_window(self, tree: ast.Module) -> None:
        """Open the window before the game's code runs, at its WIDTH x HEIGHT when the code
        says so plainly: images loaded at import time need a display to convert() to, as in
        the studio; a game that calls set_mode() itself resizes it."""
        size = _declared_size(tree) or DEFAULT_SIZE
        pygame.display.set_mode(size)

    def _patch_display_and_events(self) -> None:
        """Count frames, ignore a flip inside update()/draw() (the loop flips), and let a
        callback game's own event.get() see the frame's events, as in the studio."""
        real_flip, real_update, real_get, real_quit = (
            pygame.display.flip,
            pygame.display.update,
            pygame.event.get,
            pygame.quit,
        )
        real_set_mode = pygame.display.set_mode

        def set_mode(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
            self.game_set_mode = True
            return real_set_mode(*args, **kwargs)

        def shown(real):  # noqa: ANN001, ANN202
            def show(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
                if self.in_callback_frame:
                    return None
                result = real(*args, **kwargs)
                self.frame_shown()
                return result

            return show

        def get(eventtype=None, pump=True, exclude=None):  # noqa: ANN001, ANN202
            fresh = (
                real_get(eventtype, pump, exclude)
                if exclude is not None
                else real_get(eventtype, pump)
            )
            taken = []
            if self.in_callback_frame and self.frame_events:
                wanted = _types_of(eventtype)
                excluded = _types_of(exclude) or frozenset()
                kept = []
                for event in self.frame_events:
                    chosen = (wanted is None or event.type in wanted) and event.type not in excluded
                    (taken if chosen else kept).append(event)
                self.frame_events = kept
            events = taken + list(fresh)
            if any(event.type == pygame.QUIT for event in events):
                self.quit_requested = True
            return events

        def quit_game() -> None:
            if self.in_callback_frame:
                self.quit_requested = True  # the loop ends after this frame
            else:
                real_quit()

        pygame.display.flip = shown(real_flip)
        pygame.display.update = shown(real_update)
        pygame.display.set_mode = set_mode
        self.real_set_mode = real_set_mode
        pygame.event.get = get
        pygame.quit = quit_game
        self.real_flip = real_flip
        self.real_get = real_get
        self.real_quit = real_quit

    def frame_shown(self) -> None:
        self.frames += 1
        if self.max_frames is not None and self.frames >= self.max_frames:
            raise FrameLimitReached(0)

    # -- the two shapes -----------------------------------------------------------------

    def prepare(self) -> dict:
        """The hooks of a callback game after its module ran, and its screen."""
        hooks = find_hooks(self.namespace)
        if "update" not in hooks and "draw" not in hooks:
            raise GameContractError(
                "the game defines no update(dt) or draw(screen) and has no loop of its own"
            )
        if not self.game_set_mode or pygame.display.get_surface() is None:
            width, height = self.namespace.get("WIDTH"), self.namespace.get("HEIGHT")
            sized = (
                isinstance(width, int)
                and isinstance(height, int)
                and 0 < width <= 8192
                and 0 < height <= 8192
            )
            size = (width, height) if sized else DEFAULT_SIZE
            surface = pygame.display.get_surface()
            if surface is None or surface.get_size() != size:
                self.real_set_mode(size)
        fps = self.namespace.get("FPS")
        self.fps = float(fps) if isinstance(fps, (int, float)) and 1 <= fps <= 240 else DEFAULT_FPS
        self.clock = pygame.time.Clock()
        self.last_frame_at: float | None = None
        return hooks

    def frame_calls(self, hooks: dict) -> list:
        """Start a frame: the hook calls to make, in order (input hooks, update, draw)."""
        now = time.perf_counter()
        last = self.last_frame_at
        dt = 1.0 / self.fps if last is None else min(MAX_DT_S, now - last)
        self.last_frame_at = now
        events = self.real_get()
        if any(event.type == pygame.QUIT for event in events):
            self.quit_requested = True
        calls = []
        for event in events:
            hook = hooks.get(EVENT_HOOKS.get(event.type, ""))
            if hook is not None:
                calls.append((hook, event_arguments(event)))
        if "update" in hooks:
            calls.append((hooks["update"], (dt,)))
        if "draw" in hooks:
            calls.append((hooks["draw"], (pygame.display.get_surface(),)))
        self.frame_events = events
        self.in_callback_frame = True
        return calls

    def end_frame(self) -> bool:
        """Show the frame and pace it; False once the game should stop."""
        self.in_callback_frame = False
        self.frame_events = []
        if self.quit_requested:
            return False
        self.real_flip()
        self.clock.tick(self.fps)
        self.frame_shown()
        return True

    # -- desktop ------------------------------------------------------------------------

    def run(self) -> None:
        """Run the game until its window closes (blocking)."""
        tree = ast.parse(self.source, self.filename)
        self.open_window(tree)
        code = compile(tree, self.filename, "exec", dont_inherit=True)
        # The game is __main__ (dataclasses and pickle look classes up there).
        module = types.ModuleType("__main__")
        module.__dict__.update(self.namespace)
        self.namespace = module.__dict__
        sys.modules["__main__"] = module
        exec(code, self.namespace)  # noqa: S102 - this file is the game: it runs as a plain script
        if self.frames:
            return  # a classic script: its own loop has ended
        hooks = self.prepare()
        while True:
            try:
                for hook, values in self.frame_calls(hooks):
                    hook.call(*values)
            finally:
                self.in_callback_frame = False
            if not self.end_frame():
                return

    # -- browser ------------------------------------------------------------------------

    async def run_async(self) -> None:
        """The same, yielding to the browser after every frame (pygbag)."""
        tree = ast.parse(self.source, self.filename)
        self.open_window(tree)
        tree = awaiting_frames(tree)
        flags = ast.PyCF_ALLOW_TOP_LEVEL_AWAIT
        code = compile(tree, self.filename, "exec", flags=flags, dont_inherit=True)
        self.namespace["minigame_frame"] = next_frame
        self.namespace["minigame_await"] = settle
        result = eval(code, self.namespace)  # noqa: S307 - the game's own module, as run()
        if inspect.isawaitable(result):
            await result
        if self.frames:
            return
        hooks = self.prepare()
        while True:
            try:
                for hook, values in self.frame_calls(hooks):
                    await settle(hook.call(*values))
            finally:
                self.in_callback_frame = False
            if not self.end_frame():
                return
            await asyncio.sleep(0)


def _declared_size(tree: ast.Module) -> tuple | None:
    """(WIDTH, HEIGHT) when the module's top level assigns them whole numbers, or sums and
    products of earlier whole-number names."""
    values: dict = {}
    for node in tree.body:
        if not isinstance(node, ast.Assign) or len(node.targets) != 1:
            continue
        target, value = node.targets[0], node.value
        if isinstance(target, ast.Name):
            pairs = [(target, value)]
        elif (
            isinstance(target, ast.Tuple)
            and isinstance(value, ast.Tuple)
            and len(target.elts) == len(value.elts)
        ):
            pairs = list(zip(target.elts, value.elts))  # noqa: B905 - lengths checked; 3.8 has no strict=
        else:
            continue
        for name, expression in pairs:
            if isinstance(name, ast.Name):
                values[name.id] = _whole_number(expression, values)  # COLS * CELL works too
    width, height = values.get("WIDTH"), values.get("HEIGHT")
    if (
        isinstance(width, int)
        and isinstance(height, int)
        and 0 < width <= 8192
        and 0 < height <= 8192
    ):
        return (width, height)
    return None


def _whole_number(node: ast.AST, known: dict) -> int | None:
    if isinstance(node, ast.Constant) and type(node.value) is int:
        return node.value
    if isinstance(node, ast.Name):
        return known.get(node.id)
    if isinstance(node, ast.BinOp) and isinstance(
        node.op, (ast.Add, ast.Sub, ast.Mult, ast.FloorDiv)
    ):
        left, right = _whole_number(node.left, known), _whole_number(node.right, known)
        if left is None or right is None or (isinstance(node.op, ast.FloorDiv) and right == 0):
            return None
        if isinstance(node.op, ast.Add):
            return left + right
        if isinstance(node.op, ast.Sub):
            return left - right
        return left * right if isinstance(node.op, ast.Mult) else left // right
    return None


def _types_of(eventtype) -> frozenset | None:  # noqa: ANN001
    if eventtype is None:
        return None
    if isinstance(eventtype, int):
        return frozenset((eventtype,))
    return frozenset(int(t) for t in eventtype)


# -- entry points ---------------------------------------------------------------------------


def _max_frames() -> int | None:
    text = os.environ.get(MAX_FRAMES_VARIABLE, "").strip()
    if not text:
        return None
    try:
        value = int(text)
    except ValueError:
        print(
            f"minigame: ignoring {MAX_FRAMES_VARIABLE}={text!r}: not a whole number",
            file=sys.stderr,
        )
        return None
    return value if value > 0 else None


def _start(source: str, filename: str, title: str, assets: dict) -> Player:
    pygame.init()
    install_assets(AssetPack(assets), open_audio())
    if title:
        pygame.display.set_caption(title)
    return Player(source, filename, title, _max_frames())


def _finish(player: Player, outcome: BaseException | None) -> int:
    """Report how the game ended; the exit status."""
    status = 0
    if isinstance(outcome, FrameLimitReached):
        pass
    elif isinstance(outcome, GameContractError):
        print(f"minigame: {outcome}", file=sys.stderr)
        status = 1
    elif isinstance(outcome, SystemExit):
        code = outcome.code
        status = code if isinstance(code, int) else (0 if code is None else 1)
        if code is not None and not isinstance(code, int):
            print(code, file=sys.stderr)
    elif outcome is not None:
        traceback.print_exception(type(outcome), outcome, outcome.__traceback__)
        status = 1
    if player.max_frames is not None:
        how = "quit after" if isinstance(outcome, FrameLimitReached) else "the game ended after"
        print(f"minigame: {how} {player.frames} frames ({MAX_FRAMES_VARIABLE}={player.max_frames})")
    player.real_quit()
    return status


def play(source: str, filename: str, title: str, assets: dict) -> int:
    """Play the game in a desktop window; the exit status."""
    player = _start(source, filename, title, assets)
    try:
        player.run()
    except BaseException as outcome:  # noqa: BLE001 - every ending is reported the same way
        if isinstance(outcome, KeyboardInterrupt):
            outcome = SystemExit(130)
        return _finish(player, outcome)
    return _finish(player, None)


async def play_async(source: str, filename: str, title: str, assets: dict) -> int:
    """Play the game in the browser (pygbag) or under asyncio; the exit status."""
    player = _start(source, filename, title, assets)
    try:
        await player.run_async()
    except BaseException as outcome:  # noqa: BLE001
        if isinstance(outcome, KeyboardInterrupt):
            outcome = SystemExit(130)
        return _finish(player, outcome)
    return _finish(player, None)

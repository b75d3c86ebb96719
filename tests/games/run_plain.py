"""Run benign game files under plain CPython (no sandbox), headless, for a bounded time.

This is the reference for "the game itself is correct": every file in
tests/games/benign/ must pass here before it is used to judge the sandbox.

    python tests/games/run_plain.py FILE [FILE ...] [--frames 300] [--seed 1] [--paced]

* Callback games (module defines `update` and/or `draw`): the module is executed, then
  `update(dt)` / `draw(screen)` are called `--frames` times, with scripted random input
  delivered to whichever optional hooks exist (`on_key_down`, `on_key_up`,
  `on_mouse_down`, `on_mouse_up`, `on_mouse_move`). A hook gets only the parameters it
  names, as in the game contract (DESIGN.md section 3).
* Classic scripts (their own loop): the module is executed as `__main__` with
  `pygame.display.flip` and `pygame.display.update` wrapped so the run stops after
  `--frames` calls; random key and mouse events are posted between frames. A script
  that ends by itself earlier (returns or calls sys.exit(0) / sys.exit()) is fine.
* Unless --paced is given, `pygame.time.Clock` is replaced by a clock that never
  sleeps, so a 300-frame run takes well under a second.

One file: prints a JSON summary and exits 0 on success, 1 on failure (traceback on
stderr). Several files: each runs in its own subprocess; prints one line per file and
a total; exits 0 only if all pass. Never run hostile files with this: it has no sandbox.
"""

from __future__ import annotations

import argparse
import inspect
import json
import os
import random
import subprocess
import sys
import time
import traceback

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

HOOK_ARGS = {
    "update": ("dt",),
    "draw": ("screen",),
    "on_key_down": ("key", "mod", "unicode"),
    "on_key_up": ("key", "mod"),
    "on_mouse_down": ("pos", "button"),
    "on_mouse_up": ("pos", "button"),
    "on_mouse_move": ("pos", "rel", "buttons"),
}
KEYS_OF_INTEREST = (
    "K_LEFT", "K_RIGHT", "K_UP", "K_DOWN", "K_SPACE", "K_RETURN", "K_a", "K_d", "K_w",
    "K_s", "K_r", "K_p", "K_z", "K_x", "K_1", "K_2", "K_3", "K_e", "K_h", "K_o",
)


class FrameBudgetReached(SystemExit):
    """Raised from the wrapped display.flip/update once the frame budget is spent."""


class FastClock:
    """Stands in for pygame.time.Clock: same API, never sleeps."""

    real_clock_type = None  # set by run_one before pygame.time.Clock is replaced

    def __init__(self) -> None:
        self.real = FastClock.real_clock_type()

    def tick(self, framerate: float = 0) -> int:
        self.real.tick()
        return 16

    def tick_busy_loop(self, framerate: float = 0) -> int:
        return self.tick(framerate)

    def get_time(self) -> int:
        return 16

    def get_rawtime(self) -> int:
        return self.real.get_rawtime()

    def get_fps(self) -> float:
        return 60.0


def call_hook(fn, values: dict):
    """Call a hook with only the parameters it declares (by name, else by position)."""
    try:
        params = [
            p for p in inspect.signature(fn).parameters.values()
            if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)
        ]
    except (TypeError, ValueError):
        params = []
    names = list(values)
    if all(p.name in values and p.kind != p.POSITIONAL_ONLY for p in params):
        return fn(**{p.name: values[p.name] for p in params})
    return fn(*[values[n] for n in names[: len(params)]])


class InputScript:
    """Deterministic pseudo-random input: keys, clicks, motion."""

    def __init__(self, seed: int, size: tuple[int, int]) -> None:
        import pygame

        self.pg = pygame
        self.rng = random.Random(seed)
        self.size = size
        self.keys = [getattr(pygame, k) for k in KEYS_OF_INTEREST]
        self.held: list[int] = []
        self.pos = (size[0] // 2, size[1] // 2)

    def next_events(self) -> list[tuple[str, dict]]:
        rng, out = self.rng, []
        if rng.random() < 0.25:
            key = rng.choice(self.keys)
            name = self.pg.key.name(key)
            uni = name if len(name) == 1 else (" " if key == self.pg.K_SPACE else "")
            out.append(("on_key_down", {"key": key, "mod": 0, "unicode": uni}))
            self.held.append(key)
        if self.held and rng.random() < 0.3:
            out.append(("on_key_up", {"key": self.held.pop(0), "mod": 0}))
        if rng.random() < 0.3:
            new = (rng.randrange(self.size[0]), rng.randrange(self.size[1]))
            rel = (new[0] - self.pos[0], new[1] - self.pos[1])
            self.pos = new
            buttons = (1, 0, 0) if rng.random() < 0.2 else (0, 0, 0)
            out.append(("on_mouse_move", {"pos": new, "rel": rel, "buttons": buttons}))
        if rng.random() < 0.12:
            button = rng.choice((1, 1, 1, 3))
            out.append(("on_mouse_down", {"pos": self.pos, "button": button}))
            out.append(("on_mouse_up", {"pos": self.pos, "button": button}))
        return out

    def post(self) -> None:
        """Classic games: post the same kind of input as real pygame events."""
        pg = self.pg
        surface = pg.display.get_surface() if pg.display.get_init() else None
        if surface is not None:
            self.size = surface.get_size()
        for hook, v in self.next_events():
            if hook == "on_key_down":
                ev = pg.event.Event(pg.KEYDOWN, key=v["key"], mod=0, unicode=v["unicode"],
                                    scancode=0)
            elif hook == "on_key_up":
                ev = pg.event.Event(pg.KEYUP, key=v["key"], mod=0, unicode="", scancode=0)
            elif hook == "on_mouse_move":
                ev = pg.event.Event(pg.MOUSEMOTION, pos=v["pos"], rel=v["rel"],
                                    buttons=v["buttons"], touch=False)
            elif hook == "on_mouse_down":
                ev = pg.event.Event(pg.MOUSEBUTTONDOWN, pos=v["pos"], button=v["button"],
                                    touch=False)
            else:
                ev = pg.event.Event(pg.MOUSEBUTTONUP, pos=v["pos"], button=v["button"],
                                    touch=False)
            try:
                pg.event.post(ev)
            except pg.error:
                pass  # display already quit by the game


def run_one(path: str, frames: int, seed: int, paced: bool) -> dict:
    import pygame

    random.seed(seed)
    src = open(path, encoding="utf-8").read()
    code = compile(src, path, "exec", dont_inherit=True)  # not this file's __future__ flags
    state = {"frames": 0}
    script = InputScript(seed, (640, 480))
    real_flip, real_update = pygame.display.flip, pygame.display.update

    def counting(real):
        def wrapped(*args, **kwargs):
            result = real(*args, **kwargs)
            state["frames"] += 1
            if state["frames"] >= frames:
                raise FrameBudgetReached(0)
            script.post()
            return result
        return wrapped

    pygame.display.flip = counting(real_flip)
    pygame.display.update = counting(real_update)
    if not paced:
        FastClock.real_clock_type = pygame.time.Clock
        pygame.time.Clock = FastClock
    module = {"__name__": "__main__", "__file__": path, "__builtins__": __builtins__}
    sys.modules["__main__"] = type(sys)("__main__")  # dataclasses look the module up
    sys.modules["__main__"].__dict__.update(module)
    module = sys.modules["__main__"].__dict__
    ended = "budget"
    t0 = time.perf_counter()
    try:
        exec(code, module)
        ended = "returned"
    except FrameBudgetReached:
        ended = "budget"
    except SystemExit as exc:
        if exc.code not in (None, 0):
            raise
        ended = "sys.exit"
    if state["frames"]:
        return {"file": path, "shape": "classic", "frames": state["frames"], "ended": ended,
                "seconds": round(time.perf_counter() - t0, 3)}

    update, draw = module.get("update"), module.get("draw")
    if not (callable(update) or callable(draw)):
        raise RuntimeError("no frames: neither a display loop nor update/draw hooks")
    pygame.display.flip, pygame.display.update = real_flip, real_update
    if not pygame.get_init():
        pygame.init()
    screen = pygame.display.get_surface()
    if screen is None:
        size = (int(module.get("WIDTH", 640)), int(module.get("HEIGHT", 480)))
        screen = pygame.display.set_mode(size)
    script.size = screen.get_size()
    fps = module.get("FPS", 60) or 60
    for _ in range(frames):
        pygame.event.pump()
        for hook, values in script.next_events():
            fn = module.get(hook)
            if callable(fn):
                call_hook(fn, values)
        if callable(update):
            call_hook(update, {"dt": 1.0 / fps})
        if callable(draw):
            call_hook(draw, {"screen": screen})
        real_flip()
    return {"file": path, "shape": "callback", "frames": frames, "ended": "budget",
            "seconds": round(time.perf_counter() - t0, 3)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="+")
    ap.add_argument("--frames", type=int, default=300)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--paced", action="store_true", help="keep clock.tick's real sleeping")
    ap.add_argument("--timeout", type=float, default=60.0, help="per file, several files only")
    args = ap.parse_args(argv)

    if len(args.files) == 1:
        try:
            result = run_one(args.files[0], args.frames, args.seed, args.paced)
        except BaseException:
            traceback.print_exc()
            return 1
        print(json.dumps(result))
        return 0

    failed = 0
    for path in args.files:
        cmd = [sys.executable, os.path.abspath(__file__), path, "--frames", str(args.frames),
               "--seed", str(args.seed)] + (["--paced"] if args.paced else [])
        try:
            proc = subprocess.run(cmd, capture_output=True, text=True, timeout=args.timeout)
            ok = proc.returncode == 0
            detail = proc.stdout.strip() if ok else (proc.stderr.strip().splitlines() or ["?"])[-1]
        except subprocess.TimeoutExpired:
            ok, detail = False, f"timed out after {args.timeout}s"
        failed += not ok
        print(f"{'PASS' if ok else 'FAIL'} {path}: {detail}")
    print(f"{len(args.files) - failed}/{len(args.files)} passed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

"""No chain of attribute reads a game may write reaches a frame, code, module or metaclass."""

from __future__ import annotations

import collections
import types
from collections.abc import Callable
from typing import Any

from sandbox import policy
from sandbox.compiler import attribute_refusal
from sandbox.console import Console
from sandbox.facade.pygame_media import AssetPack
from sandbox.facade.registry import build_facade
from sandbox.guards import make_builtins

MAX_DEPTH = 5
MAX_ITEMS = 200  # of one container; enough for every table the facade holds
INTERNALS = (types.ModuleType, types.FrameType, types.CodeType, types.TracebackType, types.CellType)
SCALARS = (int, float, complex, str, bytes, bool, type(None))


def _reachable_internals(roots: dict[str, object]) -> list[str]:
    """Breadth-first over allowed attribute names and container items, without calling anything."""
    seen: set[int] = set()
    queue = collections.deque((path, value, 0) for path, value in roots.items())
    found: list[str] = []
    while queue:
        path, value, depth = queue.popleft()
        if id(value) in seen or isinstance(value, SCALARS):
            continue
        seen.add(id(value))
        if isinstance(value, INTERNALS):
            found.append(f"{path}: {type(value).__name__}")
            continue
        if isinstance(value, dict) and "__builtins__" in value:
            found.append(f"{path}: a module's globals")
            continue
        if isinstance(value, type) and issubclass(value, type):
            found.append(f"{path}: the metaclass {value.__name__}")
            continue
        if depth == MAX_DEPTH:
            continue
        if isinstance(value, dict):
            items = list(value.items())[:MAX_ITEMS]
            queue.extend((f"{path}[{key!r}]", item, depth + 1) for key, item in items)
        elif isinstance(value, (list, tuple, set, frozenset, collections.deque)):
            queue.extend((f"{path}[{i}]", item, depth + 1) for i, item in enumerate(list(value)[:MAX_ITEMS]))
        try:
            names = dir(value)
        except Exception:
            continue
        for name in names:
            if attribute_refusal(name, store=False) or name in policy.RUNTIME_CHECKED_ATTRIBUTES:
                continue
            try:
                attribute = getattr(value, name)
            except Exception:
                continue
            queue.append((f"{path}.{name}", attribute, depth + 1))
    return found


def test_attribute_chains_from_the_facade_and_builtins_reach_no_internals() -> None:
    console = Console()
    resolver = build_facade(console, AssetPack(None), b"", False, "game.py")
    roots: dict[str, object] = {name: resolver.resolve(name) for name in resolver.importable()}
    builtins = make_builtins(resolver.resolve, print, console.files.open)
    roots.update({name: value for name, value in builtins.items() if not name.startswith("_")})
    roots.update(_objects_the_helpers_hand_back(resolver.resolve))
    assert len(roots) > 100
    assert _reachable_internals(roots) == []


def _objects_the_helpers_hand_back(resolve: Callable[[str], Any]) -> dict[str, object]:
    """Instances a game makes with the facade: their attributes are reachable too."""
    dataclasses, functools = resolve("dataclasses"), resolve("functools")

    @dataclasses.dataclass
    class Point:
        x: int = 0

    try:
        resolve("json").loads("{")
    except ValueError as error:
        json_error = error
    return {
        "Queue()": resolve("queue").Queue(),
        "fields(Point)": dataclasses.fields(Point),
        "contextmanager()": resolve("contextlib").contextmanager(lambda: (yield))(),
        "Random()": resolve("random").Random(),
        "Enum()": resolve("enum").Enum("Color", "RED GREEN"),
        "SimpleNamespace()": resolve("types").SimpleNamespace(a=1),
        "lru_cache()": functools.lru_cache(lambda: 1),
        "cached_property()": functools.cached_property(lambda self: 1),
        "json error": json_error,
        "match": resolve("re").compile("a(b)").match("ab"),
        "attrgetter()": resolve("operator").attrgetter("x"),
        "wraps()": functools.wraps(print),
    }


def test_the_walk_finds_what_it_looks_for() -> None:
    """The check above could pass by walking nothing: it must see each kind of internal."""

    def generator() -> types.GeneratorType[int, None, None]:
        yield 1

    leaky = types.SimpleNamespace(
        deep=types.SimpleNamespace(module=types, items=[{"g": {"__builtins__": {}}}]),
        metaclass=type,
        _frame_holder=types.SimpleNamespace(running=generator()),
    )
    found = _reachable_internals({"leaky": leaky})
    assert "leaky.deep.module: module" in found
    assert "leaky.deep.items[0]['g']: a module's globals" in found
    assert "leaky.metaclass: the metaclass type" in found
    assert len(found) == 3  # gi_frame is a denied name, so the generator's frame stays unseen

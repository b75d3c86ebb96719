"""State carry-over for a hot swap: which module data survives into the new code.

Rules (DESIGN section 3): each lower_case module-level name whose old value is data
(not a function, class or module) and whose new initial value has the same type is
carried over; instances of a class the new code redefines are moved to the new class.
UPPER_CASE constants, functions and classes take the new code.
"""

from __future__ import annotations

import types
from collections import deque
from collections.abc import Callable, Mapping, MutableMapping
from dataclasses import dataclass

from sandbox.facade.namespace import FacadeNamespace

MAX_OBJECTS_WALKED = 200_000

_CODE_TYPES = (
    types.FunctionType,
    types.BuiltinFunctionType,
    types.MethodType,
    types.ModuleType,
    type,
    FacadeNamespace,
)


@dataclass(frozen=True)
class SwapResult:
    """What a hot swap kept, and how to take the class moves back."""

    carried: tuple[str, ...]
    reset: tuple[str, ...]
    moved: tuple[tuple[object, type], ...]  # (instance, its old class)

    def undo_class_moves(self) -> None:
        """Put moved instances back in their old classes (the new code failed)."""
        for instance, old_class in self.moved:
            try:
                instance.__class__ = old_class
            except TypeError:
                pass


def is_state_name(name: str) -> bool:
    """lower_case (or mixedCase) names are game state; UPPER_CASE are constants."""
    return not name.startswith("__") and not name.isupper()


def is_data(value: object) -> bool:
    """True for game data, False for code-like values that always take the new code."""
    return not isinstance(value, _CODE_TYPES)


def _game_classes(namespace: Mapping[str, object]) -> dict[str, type]:
    return {
        name: value
        for name, value in namespace.items()
        if isinstance(value, type) and value.__module__ == "__main__"
    }


def carry_state(
    old: Mapping[str, object],
    new: MutableMapping[str, object],
    keep_new: Callable[[object], bool] = lambda value: False,
) -> SwapResult:
    """Copy surviving state from `old` into `new` and move instances of redefined classes."""
    old_classes = _game_classes(old)
    new_classes = _game_classes(new)
    class_map = {
        old_cls: new_classes[name]
        for name, old_cls in old_classes.items()
        if name in new_classes and new_classes[name] is not old_cls
    }
    carried: list[str] = []
    reset: list[str] = []
    for name, old_value in old.items():
        if not is_state_name(name) or not is_data(old_value) or name not in new:
            continue
        new_value = new[name]
        if not is_data(new_value) or keep_new(old_value) or keep_new(new_value):
            continue
        old_type = type(old_value)
        if class_map.get(old_type, old_type) is type(new_value):
            new[name] = old_value
            carried.append(name)
        else:
            reset.append(name)
    moved = _move_instances([new[name] for name in carried], class_map) if class_map else ()
    return SwapResult(tuple(carried), tuple(reset), moved)


def _children(value: object) -> list[object]:
    if isinstance(value, (list, tuple, set, frozenset, deque)):
        return list(value)
    if isinstance(value, dict):
        return [*value.keys(), *value.values()]
    instance_dict = getattr(value, "__dict__", None)
    if isinstance(instance_dict, dict) and not isinstance(value, _CODE_TYPES):
        return list(instance_dict.values())
    return []


def _move_instances(roots: list[object], class_map: Mapping[type, type]) -> tuple[tuple[object, type], ...]:
    """Walk the carried data (bounded) and re-class instances of redefined classes."""
    moved: list[tuple[object, type]] = []
    seen: set[int] = set()
    pending = list(roots)
    while pending and len(seen) < MAX_OBJECTS_WALKED:
        value = pending.pop()
        if id(value) in seen or isinstance(value, (str, bytes, int, float, bool, type(None))):
            continue
        seen.add(id(value))
        new_class = class_map.get(type(value))
        if new_class is not None:
            old_class = type(value)
            try:
                value.__class__ = new_class
                moved.append((value, old_class))
            except TypeError:
                pass  # incompatible layouts (e.g. __slots__ changed): keep the old class
        pending.extend(_children(value))
    return tuple(moved)

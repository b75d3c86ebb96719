"""The game's hooks: which event calls which function, with only the parameters it names."""

from __future__ import annotations

import difflib
import inspect
from collections.abc import Callable, Mapping
from dataclasses import dataclass

import pygame

# hook name → the parameters it may declare, in the order they are passed positionally.
HOOK_PARAMETERS: dict[str, tuple[str, ...]] = {
    "update": ("dt",),
    "draw": ("screen",),
    "on_key_down": ("key", "mod", "unicode"),
    "on_key_up": ("key", "mod"),
    "on_mouse_down": ("pos", "button"),
    "on_mouse_up": ("pos", "button"),
    "on_mouse_move": ("pos", "rel", "buttons"),
}

EVENT_HOOKS: dict[int, str] = {
    pygame.KEYDOWN: "on_key_down",
    pygame.KEYUP: "on_key_up",
    pygame.MOUSEBUTTONDOWN: "on_mouse_down",
    pygame.MOUSEBUTTONUP: "on_mouse_up",
    pygame.MOUSEMOTION: "on_mouse_move",
}


@dataclass(frozen=True)
class Hook:
    """One game function and how to call it: `call(values)` passes what it declares."""

    name: str
    function: Callable[..., object]
    wanted: tuple[int, ...]  # indexes into HOOK_PARAMETERS[name]

    def call(self, *values: object) -> object:
        """Call the hook with the subset of `values` it declared."""
        return self.function(*[values[i] for i in self.wanted])


def _wanted_arguments(name: str, function: Callable[..., object]) -> tuple[int, ...]:
    known = HOOK_PARAMETERS[name]
    try:
        parameters = [
            p
            for p in inspect.signature(function).parameters.values()
            if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)
        ]
    except (TypeError, ValueError):
        return tuple(range(len(known)))
    if all(p.name in known for p in parameters):
        return tuple(known.index(p.name) for p in parameters)
    # Unknown names (`def update(delta)`): pass the first ones positionally.
    return tuple(range(min(len(parameters), len(known))))


def find_hooks(namespace: Mapping[str, object]) -> dict[str, Hook]:
    """The hooks a game module defines."""
    hooks: dict[str, Hook] = {}
    for name in HOOK_PARAMETERS:
        function = namespace.get(name)
        if callable(function):
            hooks[name] = Hook(name, function, _wanted_arguments(name, function))
    return hooks


def near_miss_warnings(namespace: Mapping[str, object]) -> list[str]:
    """Functions whose names look like a misspelt hook ("udpate" → "update")."""
    warnings = []
    for name, value in namespace.items():
        if not inspect.isfunction(value) or name in HOOK_PARAMETERS or name.startswith("_"):
            continue
        close = difflib.get_close_matches(name, HOOK_PARAMETERS, n=1, cutoff=0.8)
        if close and close[0] not in namespace:
            warnings.append(f"found {name}(), did you mean {close[0]}()?")
    return warnings


def event_arguments(event: pygame.event.Event) -> tuple[object, ...]:
    """The values of an input event in HOOK_PARAMETERS order."""
    if event.type in (pygame.KEYDOWN, pygame.KEYUP):
        return (event.key, getattr(event, "mod", 0), getattr(event, "unicode", ""))
    if event.type == pygame.MOUSEMOTION:
        return (event.pos, event.rel, event.buttons)
    return (event.pos, event.button)

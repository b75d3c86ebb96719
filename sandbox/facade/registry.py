"""Resolves the module names a game imports to the facade's namespaces."""

from __future__ import annotations

from collections.abc import Callable, Mapping

import pygame

from sandbox.console import Console
from sandbox.facade.namespace import FacadeNamespace
from sandbox.facade.numpy_facade import build_numpy
from sandbox.facade.pygame_facade import build_pygame
from sandbox.facade.pygame_media import AssetPack
from sandbox.facade.stdlib import build_stdlib

UNAVAILABLE_HINTS = {
    "pygame.scrap": "the clipboard (pygame.scrap) is not available in the sandbox",
    "pygame.freetype": "pygame.freetype is not available in the sandbox; use pygame.font",
    "asyncio": "asyncio is not available in the sandbox; write update(dt) and draw(screen) instead",
}


class ModuleResolver:
    """Maps dotted module names to namespaces; anything else is an ImportError.

    `lazy` modules are built on their first import: numpy costs ~100 ms to import, which
    only the games that use it should pay (a warm runner must stay quick to a first frame).
    """

    def __init__(
        self,
        top_level: Mapping[str, FacadeNamespace],
        lazy: Mapping[str, Callable[[], FacadeNamespace]] | None = None,
        stand_ins: Mapping[type, object] | None = None,
    ) -> None:
        self._top_level = dict(top_level)
        self._lazy = dict(lazy or {})
        # Library classes the facade replaces → what `type(instance)` gives a game instead.
        self.stand_ins: Mapping[type, object] = dict(stand_ins or {})

    def importable(self) -> list[str]:
        """Top-level module names a game may import."""
        names = [*self._top_level, *self._lazy]
        return sorted({name for name in names if not name.startswith("_") and "." not in name})

    def resolve(self, dotted: str) -> FacadeNamespace:
        """The namespace for `dotted` (e.g. "pygame.locals"), or a clear ImportError."""
        head, _, rest = dotted.partition(".")
        build = self._lazy.pop(head, None)
        if build is not None:
            self._top_level[head] = build()
        found: object = self._top_level.get(dotted) or self._top_level.get(head)
        if found is not None and rest and dotted not in self._top_level:
            for part in rest.split("."):
                found = getattr(found, part, None) if not part.startswith("_") else None
                if not isinstance(found, FacadeNamespace):
                    found = None
                    break
        if isinstance(found, FacadeNamespace):
            return found
        hint = UNAVAILABLE_HINTS.get(dotted) or UNAVAILABLE_HINTS.get(head)
        if hint is None:
            hint = (
                f"module {dotted!r} is not available in the sandbox; "
                f"games may import: {', '.join(self.importable())}"
            )
        raise ImportError(hint, name=dotted)


def build_facade(
    console: Console, assets: AssetPack, default_font: bytes, audio_ready: bool, game_file: str
) -> ModuleResolver:
    """Everything one runner's games may import, wired to its console.

    Imports nothing new, so it may run after lock-down; `preload_stdlib_for_numpy` runs at
    warm-up (numpy itself loads on a game's first import).
    """
    pygame_modules = build_pygame(console, assets, default_font, audio_ready)
    top_level = dict(build_stdlib(console, game_file))
    top_level["pygame"] = pygame_modules["pygame"]
    # pygame's events come from pygame itself; their class would build unchecked ones.
    stand_ins: dict[type, object] = {pygame.event.EventType: getattr(pygame_modules["pygame.event"], "Event")}  # noqa: B009
    return ModuleResolver(top_level, lazy={"numpy": build_numpy}, stand_ins=stand_ins)

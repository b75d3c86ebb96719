"""Built-in game-jam themes: a list to draw from when the organiser does not type one.

Short, open phrases in English that fit a tiny one-file pygame game made in an hour or a
weekend. The list is data; the jam screen may translate it later.
"""

from __future__ import annotations

import random
from collections.abc import Iterable

THEMES: tuple[str, ...] = (
    "One button",
    "Growing",
    "Only one life",
    "It's not a bug, it's a feature",
    "Small world",
    "Running out of time",
    "Gravity is optional",
    "Opposites attract",
    "Everything is connected",
    "The floor is lava",
    "Light and shadow",
    "Out of control",
    "Roles reversed",
    "Shrinking",
    "Loop",
    "Under pressure",
    "Two colours",
    "Hidden in plain sight",
    "Chain reaction",
    "You are the monster",
    "Balance",
    "Deeper and deeper",
    "Unstable",
    "Collect them all",
    "Spin",
    "Echoes",
    "Lost and found",
    "Weather",
    "Ten seconds",
    "Stack",
    "Magnetic",
    "Follow the leader",
    "Night shift",
    "Upside down",
    "Delivery",
    "Too many cooks",
    "Escape",
    "Harvest",
    "Rising tide",
    "Sacrifices must be made",
    "Bounce",
    "Mirror",
    "Swarm",
    "Last one standing",
    "Build and destroy",
    "Tiny robots",
    "Keep it alive",
    "Don't look back",
)
"""The built-in themes, each a short phrase (no duplicates)."""


def draw_theme(rng: random.Random, avoid: Iterable[str] = ()) -> str:
    """A theme picked by `rng`, not one of `avoid` (e.g. themes of earlier jams) while any
    other is left; pass a seeded Random for a repeatable draw."""
    avoided = {theme.casefold() for theme in avoid}
    fresh = [theme for theme in THEMES if theme.casefold() not in avoided]
    return rng.choice(fresh or list(THEMES))

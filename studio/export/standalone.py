"""Standalone export: one `.py` file that plays the game with plain `python` and pygame, no studio."""

from __future__ import annotations

import time
from pathlib import Path

from studio.export.script import DESKTOP, GameFile, game_script, one_line, referenced_assets


def standalone_header(game: GameFile, script_name: str, asset_names: list[str]) -> list[str]:
    """The comment at the top: what the file is, how to run it, and the warning."""
    assets = ", ".join(asset_names) if asset_names else "none"
    return [
        f"{one_line(game.title) or 'A minigame'}: a game made with Minigame Studio, exported as one standalone file.",
        "",
        "To play it you need Python 3.8 or newer and pygame:",
        "    pip install pygame",
        f"    python {script_name}",
        "",
        "WARNING: outside Minigame Studio this game is an ordinary Python program. It runs",
        "with full access to your computer (your files, the network, everything), like any",
        "script you download: the studio's sandbox does not protect you here. Only run it",
        "if you trust where it came from, or read its code first (GAME_SOURCE below).",
        "",
        f"Exported on {time.strftime('%Y-%m-%d')} from {one_line(game.filename, 80)}. Built-in assets embedded: {assets}.",
        "Set MINIGAME_MAX_FRAMES=N to quit after N frames (used by automated tests).",
    ]


def standalone_script(game: GameFile, pack_dir: Path, script_name: str = "game.py") -> str:
    """The text of the standalone file for a game, with the pack files it names embedded."""
    assets = referenced_assets(game.code, pack_dir)
    header = standalone_header(game, script_name, sorted(assets))
    return "#!/usr/bin/env python3\n" + game_script(game, assets, header, DESKTOP)

"""Sharing games as cartridges, for the gallery and `studio import` alike (no Qt).

Importing reads the file as hostile data (studio.library.cartridge checks everything) and
adds the game untrusted; nothing runs. A cartridge whose code is already a game in the
library is not added twice. Exporting takes the game's head code, title, author,
thumbnail and the docstring's controls line as the description.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

from sandbox.text import clean_game_text
from studio.library.cartridge import CARTRIDGE_SUFFIX, Cartridge, read_cartridge, write_cartridge
from studio.library.games import Game, GameLibrary

MAX_FILE_STEM = 60
"""Characters of a title kept in a suggested cartridge file name."""


@dataclass(frozen=True)
class Imported:
    """The game a cartridge became; `added` is False when the library already had its code."""

    game: Game
    added: bool


def import_cartridge(library: GameLibrary, path: Path) -> Imported:
    """Add the cartridge's game as an imported, untrusted game (unless its code is already
    a game in the library: that game is returned, and nothing is added).

    Raises CartridgeError (or OSError) for a file that is not a good cartridge, and
    LibraryError if the library refuses it; nothing is added then.
    """
    cartridge = read_cartridge(path)
    existing = library.game_with_code(cartridge.code)
    if existing is not None:
        return Imported(existing, added=False)
    game = library.add_game(
        cartridge.title, cartridge.code, author=cartridge.author, trusted=False, origin="imported",
        prompt=cartridge.description, model="cartridge", thumbnail_png=cartridge.thumbnail_png,
    )
    return Imported(game, added=True)


def export_cartridge(library: GameLibrary, game: Game, path: Path) -> None:
    """Write the game (its head version) as a cartridge at `path` (atomically)."""
    code = library.code(game.id)
    write_cartridge(path, Cartridge(
        title=game.title, code=code, author=game.author, description=controls_of(code),
        created_at=game.created_at, thumbnail_png=library.thumbnail(game.id),
    ))


def cartridge_file_name(title: str) -> str:
    """A file name made of the title (letters of any script kept; path characters not)."""
    cleaned = "".join(c if c.isalnum() or c in " -_" else " " for c in title)
    return ("-".join(cleaned.split())[:MAX_FILE_STEM] or "game") + CARTRIDGE_SUFFIX


def controls_of(code: str) -> str:
    """The docstring after its title sentence: the controls, as DESIGN section 3 asks."""
    try:
        docstring = ast.get_docstring(ast.parse(code)) or ""
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return ""
    first, _, rest = docstring.strip().partition("\n")
    _, _, after_title = first.partition(". ")
    return clean_game_text(" ".join(part.strip() for part in (after_title, rest) if part.strip()))

"""Writing a game out as a standalone script, a web folder or a cartridge, for the CLI and the gallery.

No printing and no Qt: `export_game` writes one export and returns the lines to tell the
user; anything that cannot be done raises ExportError with one line (or OSError from the
file system). Exports never overwrite: a file appears whole under a name that was free,
or not at all. Nothing here runs game code outside the sandbox (a cartridge's thumbnail
is captured by a sandboxed runner).
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

from sandbox.text import clean_game_text
from studio.export.script import GameFile, referenced_assets
from studio.export.standalone import standalone_script
from studio.export.web import app_name, write_web_build
from studio.files import atomic_file
from studio.library.cartridge import (
    CARTRIDGE_SUFFIX,
    MAX_DESCRIPTION_CHARS,
    Cartridge,
    CartridgeError,
    write_cartridge,
)
from studio.library.sharing import cartridge_file_name
from studio.settings import Paths

KINDS = ("standalone", "web", "cartridge")


class ExportError(Exception):
    """An export or import that cannot be done; the message is one line."""


class TargetExistsError(ExportError):
    """The export's file name was taken (perhaps meanwhile); nothing was overwritten."""

    def __init__(self, path: Path) -> None:
        super().__init__(f"{path} already exists: choose another name (nothing was overwritten)")
        self.path = path


@dataclass(frozen=True)
class SharedGame:
    """A game to export, from a .py file, a cartridge or the library."""

    code: str
    title: str
    filename: str
    author: str = ""
    description: str = ""
    created_at: float = 0.0
    thumbnail_png: bytes | None = None
    from_cartridge: bool = False


def description_of(code: str) -> str:
    """The docstring after its title sentence ("Snake. Arrows steer." → "Arrows steer.")."""
    try:
        docstring = ast.get_docstring(ast.parse(code)) or ""
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return ""
    lines = docstring.strip().splitlines()
    if not lines:
        return ""
    first = lines[0].split(". ", 1)
    rest = [first[1]] if len(first) == 2 else []
    text = "\n".join([*rest, *lines[1:]]).strip()
    return clean_game_text(text)[:MAX_DESCRIPTION_CHARS]


# -- where to write -----------------------------------------------------------------------


def title_stem(title: str) -> str:
    """A file name stem made of a game's title, as cartridges are named ("Space Race" → "Space-Race")."""
    return cartridge_file_name(title)[: -len(CARTRIDGE_SUFFIX)]


# -- exporting ----------------------------------------------------------------------------


def export_game(game: SharedGame, kind: str, target: Path, paths: Paths) -> list[str]:
    """Write the export; the lines to tell the user."""
    shown = f"“{game.title}”"
    source = GameFile(game.code, game.title, game.filename)
    if kind == "standalone":
        _write_new_file(
            target, standalone_script(source, paths.asset_pack, target.name), executable=True
        )
        count = len(referenced_assets(game.code, paths.asset_pack))
        assets = f", {count} built-in asset{'s' if count != 1 else ''} embedded" if count else ""
        return [
            f"exported {shown} as a standalone script: {target}{assets}; play it with `python {target.name}` "
            "(needs pygame). Outside the studio it runs with full access to your computer, like any script"
        ]
    if kind == "web":
        # The icon is the game's own picture; a .py file gets none (no runner for that).
        build = write_web_build(target, source, paths.asset_pack, game.thumbnail_png)
        return [
            f"exported {shown} for the web: {build.folder} (main.py for pygbag, and build/web/{app_name(build.folder)}.apk "
            "packed offline; `python main.py` plays it here)",
            build.next_step(),
        ]
    if kind != "cartridge":
        raise ExportError(f"unknown kind {kind!r}: use one of {', '.join(KINDS)}")
    thumbnail = game.thumbnail_png if game.from_cartridge else _thumbnail(game.code, paths)
    cartridge = Cartridge(
        game.title, game.code, game.author, game.description, game.created_at, thumbnail
    )
    try:
        write_cartridge(target, cartridge)
    except CartridgeError as error:
        raise ExportError(str(error)) from None
    size = target.stat().st_size
    picture = (
        "with a thumbnail"
        if thumbnail is not None
        else "no thumbnail: the game showed no frame in the sandbox"
    )
    return [
        f"exported {shown} as a cartridge: {target} ({max(1, round(size / 1000))} kB, {picture})"
    ]


def _thumbnail(code: str, paths: Paths) -> bytes | None:
    """A picture of the game, taken in the sandbox (never here)."""
    from studio.library.thumbnails import capture_thumbnail  # deferred: starts a runner process

    return capture_thumbnail(code, paths.asset_pack)


def _write_new_file(path: Path, text: str, executable: bool = False) -> None:
    """Write `text` to a new file atomically, never replacing one that appeared meanwhile."""
    try:
        with atomic_file(path, 0o755 if executable else 0o644, replace=False) as file:
            file.write(text.encode("utf-8"))
    except FileExistsError:
        raise TargetExistsError(path) from None

"""`studio export FILE --as standalone|web|cartridge [-o PATH]` and `studio import CARTRIDGE`, headless.

Exports never overwrite: without -o the output gets a free name next to FILE, and an
explicit -o that already exists is refused. Importing reads the cartridge as hostile data
and stores the game untrusted; nothing here runs game code outside the sandbox (the
cartridge's thumbnail is captured by a sandboxed runner).
"""

from __future__ import annotations

import ast
import os
import re
import sqlite3
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from sandbox.check import GameFileError, read_game_file
from studio.export.script import GameFile, one_line, referenced_assets
from studio.export.standalone import standalone_script
from studio.export.web import app_name, write_web_build
from studio.library.cartridge import (
    CARTRIDGE_SUFFIX,
    MAX_DESCRIPTION_CHARS,
    MAX_TITLE_CHARS,
    Cartridge,
    CartridgeError,
    read_cartridge,
    write_cartridge,
)
from studio.pipeline.titles import title_of
from studio.settings import Paths

KINDS = ("standalone", "web", "cartridge")


class ExportError(Exception):
    """An export or import that cannot be done; the message is one line."""


@dataclass(frozen=True)
class SharedGame:
    """A game to export, from a .py file or a cartridge."""

    code: str
    title: str
    filename: str
    author: str = ""
    description: str = ""
    created_at: float = 0.0
    thumbnail_png: bytes | None = None
    from_cartridge: bool = False


# -- reading the game ---------------------------------------------------------------------


def load_game(file: Path) -> SharedGame:
    """The game in a `.py` file or a `.minigame` cartridge, if it is Python at all;
    ExportError says what is wrong. Nothing is run."""
    if file.suffix.lower() == CARTRIDGE_SUFFIX:
        try:
            cartridge = read_cartridge(file)
        except CartridgeError as error:
            raise ExportError(str(error)) from None
        _check_syntax(cartridge.code, file)
        stem = _safe_stem(file.stem)
        return SharedGame(
            cartridge.code,
            cartridge.title,
            f"{stem}.py",
            cartridge.author,
            cartridge.description,
            cartridge.created_at,
            cartridge.thumbnail_png,
            from_cartridge=True,
        )
    try:
        code = read_game_file(file)
    except GameFileError as error:
        raise ExportError(str(error)) from None
    _check_syntax(code, file)
    title = (
        one_line(title_of(code, ""), MAX_TITLE_CHARS)
        or one_line(file.stem, MAX_TITLE_CHARS)
        or "Untitled game"
    )
    return SharedGame(
        code, title, file.name, description=description_of(code), created_at=time.time()
    )


def _check_syntax(code: str, file: Path) -> None:
    """Exporting code that cannot even be parsed would only share a crash."""
    try:
        ast.parse(code, file.name)
    except SyntaxError as error:
        raise ExportError(
            f"{file} is not valid Python (line {error.lineno}: {error.msg}); fix it before exporting"
        ) from None
    except (RecursionError, MemoryError, ValueError):
        raise ExportError(
            f"{file} is too deeply nested for Python to read; it cannot be exported"
        ) from None


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
    return "".join(c for c in text if c in "\n\t" or ord(c) >= 32 and not 0x7F <= ord(c) < 0xA0)[
        :MAX_DESCRIPTION_CHARS
    ]


def _safe_stem(stem: str) -> str:
    return re.sub(r"[^\w.-]+", "_", stem, flags=re.UNICODE).strip("._") or "game"


# -- where to write -----------------------------------------------------------------------


def default_output(file: Path, kind: str) -> Path:
    """A free name next to FILE: NAME_standalone.py, NAME_web/ or NAME.minigame (then _2, _3…)."""
    stem = _safe_stem(file.stem)
    folder = file.parent
    shapes = {
        "standalone": (f"{stem}_standalone", ".py"),
        "web": (f"{stem}_web", ""),
        "cartridge": (stem, CARTRIDGE_SUFFIX),
    }
    base, suffix = shapes[kind]
    candidate = folder / f"{base}{suffix}"
    number = 2
    while candidate.exists() or candidate.is_symlink():
        candidate = folder / f"{base}_{number}{suffix}"
        number += 1
    return candidate


def chosen_output(file: Path, kind: str, output: Path | None) -> Path:
    """Where to write: the default, or -o PATH unless it exists (an existing folder takes
    the default name inside it; the web export may also fill an empty folder)."""
    if output is None:
        return default_output(file, kind)
    if output.is_dir() and not output.is_symlink():
        if kind == "web":
            if any(output.iterdir()):
                raise ExportError(
                    f"{output} already exists and is not empty: choose another folder with -o (nothing was overwritten)"
                )
            return output
        return default_output(output / file.name, kind)
    if output.exists() or output.is_symlink():
        raise ExportError(
            f"{output} already exists: choose another name with -o, or remove it first (nothing was overwritten)"
        )
    if not output.parent.is_dir():
        raise ExportError(f"cannot write {output}: the folder {output.parent} does not exist")
    return output


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
        # The icon is a cartridge's own picture; a .py file gets none (no runner for that).
        build = write_web_build(target, source, paths.asset_pack, game.thumbnail_png)
        return [
            f"exported {shown} for the web: {build.folder} (main.py for pygbag, and build/web/{app_name(build.folder)}.apk "
            "packed offline; `python main.py` plays it here)",
            build.next_step(),
        ]
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
    descriptor, temporary = tempfile.mkstemp(
        prefix=f".{path.name}.", suffix=".tmp", dir=path.parent
    )
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8") as file:
            file.write(text)
        os.chmod(temporary, 0o755 if executable else 0o644)
        try:
            os.link(temporary, path)  # fails if the name was taken since we looked
        except FileExistsError:
            raise
        except OSError:  # a file system without hard links
            if path.exists():
                raise FileExistsError(path) from None
            os.replace(temporary, path)
    except FileExistsError:
        raise ExportError(
            f"{path} already exists: choose another name with -o (nothing was overwritten)"
        ) from None
    finally:
        Path(temporary).unlink(missing_ok=True)


def run_export(file: Path, kind: str, output: Path | None) -> int:
    """`studio export`: 0 and what was written, or 1 and one line on stderr."""
    if kind not in KINDS:
        print(
            f"studio export: unknown kind {kind!r}: use one of {', '.join(KINDS)}", file=sys.stderr
        )
        return 1
    try:
        game = load_game(file)
        target = chosen_output(file, kind, output)
        lines = export_game(game, kind, target, Paths())
    except ExportError as error:
        print(f"studio export: {error}", file=sys.stderr)
        return 1
    except OSError as error:
        where = error.filename or output or file
        print(f"studio export: cannot write {where}: {error.strerror or error}", file=sys.stderr)
        return 1
    for line in lines:
        print(line)
    return 0


# -- importing ----------------------------------------------------------------------------


def run_import(cartridge: Path, paths: Paths) -> int:
    """`studio import`: add a cartridge's game to the library, untrusted; never runs it."""
    from studio.library.games import GameLibrary, LibraryError
    from studio.library.sharing import import_cartridge
    from studio.library.store import VersionStore

    try:
        store = VersionStore(paths.library_file())
    except (sqlite3.Error, OSError) as error:
        print(f"studio import: cannot open the library {paths.library_file()}: {error}", file=sys.stderr)
        return 1
    try:
        imported = import_cartridge(GameLibrary(store), cartridge)
    except CartridgeError as error:
        print(f"studio import: {error}", file=sys.stderr)
        return 1
    except LibraryError as error:
        print(f"studio import: {cartridge}: {error}", file=sys.stderr)
        return 1
    except sqlite3.Error as error:
        print(f"studio import: cannot write to the library {paths.library_file()}: {error}", file=sys.stderr)
        return 1
    finally:
        store.close()
    game = imported.game
    if not imported.added:
        print(f"“{game.title}” is already in the library as game {game.id}; nothing was added")
        return 0
    by = f" by {game.author}" if game.author else ""
    print(
        f"imported “{game.title}”{by} as game {game.id} — untrusted: it runs only in the sandbox; "
        "open the gallery to keep it"
    )
    return 0

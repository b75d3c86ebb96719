"""`studio export FILE --as standalone|web|cartridge [-o PATH]` and `studio import CARTRIDGE`, headless.

Exports never overwrite: without -o the output gets a free name next to FILE, and an
explicit -o that already exists is refused. Importing reads the cartridge as hostile data
and stores the game untrusted; nothing here runs game code outside the sandbox (the
cartridge's thumbnail is captured by a sandboxed runner).
"""

from __future__ import annotations

import ast
import re
import sqlite3
import sys
import time
from pathlib import Path

from sandbox.check import GameFileError, read_game_file
from studio.export.exporting import (
    KINDS,
    ExportError,
    SharedGame,
    TargetExistsError,
    description_of,
    export_game,
)
from studio.export.script import one_line
from studio.files import free_path
from studio.library.cartridge import (
    CARTRIDGE_SUFFIX,
    MAX_TITLE_CHARS,
    CartridgeError,
    read_cartridge,
)
from studio.pipeline.titles import title_of
from studio.settings import Paths

# -- reading the game ---------------------------------------------------------------------


def _is_zip(file: Path) -> bool:
    try:
        with file.open("rb") as opened:
            return opened.read(4) == b"PK\x03\x04"
    except OSError:
        return False  # read_game_file says what is wrong with it


def load_game(file: Path) -> SharedGame:
    """The game in a `.py` file or a `.minigame` cartridge, if it is Python at all;
    ExportError says what is wrong. Nothing is run."""
    if file.suffix.lower() == CARTRIDGE_SUFFIX or _is_zip(file):  # also a renamed cartridge
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
    return free_path(folder, base, suffix)


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
    except TargetExistsError as error:
        print(
            f"studio export: {error.path} already exists: choose another name with -o (nothing was overwritten)",
            file=sys.stderr,
        )
        return 1
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

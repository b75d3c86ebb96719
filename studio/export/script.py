"""One exported Python file: a header, the game's code as a string, its assets, then the runtime.

Both exports are built here: the standalone script (`play`, a desktop loop) and the web
build's main.py (`play_async`, which pygbag needs). The game's code is kept verbatim and
readable in GAME_SOURCE; the asset-pack files it names are embedded as base64; the runtime
is studio/export/player*.py, joined into one piece.
"""

from __future__ import annotations

import ast
import base64
import unicodedata
from dataclasses import dataclass
from pathlib import Path

RUNTIME_DIR = Path(__file__).parent
RUNTIME_PARTS = ("player_assets.py", "player_browser.py", "player.py")
"""The exported runtime, in the order it is joined (player.py uses the other two)."""
ASSET_SUFFIXES = frozenset(
    {".png", ".jpg", ".jpeg", ".bmp", ".gif", ".wav", ".ogg", ".mp3", ".ttf", ".otf"}
)
MAX_ASSET_BYTES = 8 * 1024 * 1024  # as the sandbox's pack (sandbox/facade/pygame_media.py)
DESKTOP, BROWSER = "desktop", "browser"

_ENTRY = {
    DESKTOP: """

if __name__ == "__main__":
    sys.exit(play(GAME_SOURCE, GAME_FILE, GAME_TITLE, ASSETS))
""",
    # pygbag looks for a line starting with asyncio.run, and needs the loop to be async.
    BROWSER: '''

async def main() -> None:
    """pygbag's entry point: play the game, yielding to the browser after every frame."""
    status = await play_async(GAME_SOURCE, GAME_FILE, GAME_TITLE, ASSETS)
    if status and sys.platform != "emscripten":
        raise SystemExit(status)


asyncio.run(main())
''',
}


@dataclass(frozen=True)
class GameFile:
    """What an export is made of: the game's code and how it is named."""

    code: str
    title: str
    filename: str = "game.py"  # the name tracebacks show


def referenced_assets(code: str, pack_dir: Path) -> dict[str, bytes]:
    """The asset-pack files whose names appear in the code (any case), by file name."""
    lowered = code.lower()
    found: dict[str, bytes] = {}
    if not pack_dir.is_dir():
        return found
    for path in sorted(pack_dir.rglob("*")):
        name = path.name.lower()
        if path.suffix.lower() not in ASSET_SUFFIXES or not path.is_file() or name in found:
            continue
        if name in lowered and path.stat().st_size <= MAX_ASSET_BYTES:
            found[name] = path.read_bytes()
    return found


def one_line(text: str, limit: int = 120) -> str:
    """Text fit for a comment line: control characters become spaces, runs of space one."""
    cleaned = " ".join(
        "".join(" " if unicodedata.category(c)[0] == "C" else c for c in text).split()
    )
    return cleaned if len(cleaned) <= limit else cleaned[: limit - 1] + "…"


def source_literal(text: str) -> str:
    """A Python literal for `text` that keeps it readable: a raw triple-quoted string whose
    first character is a newline the reader drops (see GAME_SOURCE), else escaped."""
    value = "\n" + text
    for quote in ('"""', "'''"):
        raw_safe = "\r" not in value and not value.endswith((quote[0], "\\"))
        if quote not in value and raw_safe:
            literal = f"r{quote}{value}{quote}"
            if _reads_back(literal, value):
                return literal
    escaped = value.replace("\\", "\\\\").replace('"""', '\\"\\"\\"').replace("\r", "\\r")
    if escaped.endswith('"'):
        escaped = escaped[:-1] + '\\"'
    literal = f'"""{escaped}"""'
    return literal if _reads_back(literal, value) else repr(value)


def _reads_back(literal: str, value: str) -> bool:
    try:
        return ast.literal_eval(literal) == value
    except (SyntaxError, ValueError):
        return False


def assets_literal(assets: dict[str, bytes]) -> str:
    """The ASSETS dict: file name → base64 in 76-character lines."""
    if not assets:
        return "{}"
    lines = ["{"]
    for name, data in sorted(assets.items()):
        encoded = base64.encodebytes(data).decode("ascii")
        lines.append(f'    {name!r}: """\n{encoded}""",')
    lines.append("}")
    return "\n".join(lines)


def runtime_source() -> str:
    """The runtime's parts joined into one: without their docstrings, __future__ imports and
    imports of each other (in an export they share one module)."""
    return "\n\n".join(_runtime_part(RUNTIME_DIR / name) for name in RUNTIME_PARTS)


def _runtime_part(path: Path) -> str:
    source = path.read_text(encoding="utf-8")
    tree = ast.parse(source)
    lines = source.splitlines(keepends=True)
    drop: set[int] = set()
    for node in tree.body:
        is_docstring = (
            node is tree.body[0]
            and isinstance(node, ast.Expr)
            and isinstance(node.value, ast.Constant)
        )
        is_joined = isinstance(node, ast.ImportFrom) and (
            node.module == "__future__" or (node.module or "").startswith("studio.")
        )
        if is_docstring or is_joined:
            drop.update(range(node.lineno - 1, node.end_lineno or node.lineno))
    kept = "".join(line for index, line in enumerate(lines) if index not in drop).strip("\n")
    return f"# -- {path.name} --\n\n{kept}\n"


def game_script(game: GameFile, assets: dict[str, bytes], header: list[str], entry: str) -> str:
    """The whole exported file: `header` comment lines, the game, its assets, the runtime."""
    comment = "\n".join(f"# {line}".rstrip() for line in header)
    docstring = f"{one_line(game.title) or 'A minigame'}, exported from Minigame Studio."
    parts = [
        f"{comment}\n",
        f'"""{_docstring_safe(docstring)}"""\n',
        "from __future__ import annotations\n",
        "\n",
        f"GAME_TITLE = {one_line(game.title)!r}\n",
        f"GAME_FILE = {one_line(game.filename, 80)!r}\n",
        "# The game's code, exactly as it was in the studio (the first newline is not part of it).\n",
        f"GAME_SOURCE = {source_literal(game.code)}[1:]\n",
        "\n",
        "# Built-in sprites and sounds the game loads by name, base64-encoded.\n",
        f"ASSETS = {assets_literal(assets)}\n",
        "\n",
        "# " + "-" * 86 + "\n",
        "# The Minigame runtime: plays the game as Minigame Studio does (no sandbox here).\n",
        "# " + "-" * 86 + "\n",
        "\n",
        runtime_source(),
        _ENTRY[entry],
    ]
    return "".join(parts)


def _docstring_safe(text: str) -> str:
    return text.replace("\\", "/").replace('"', "'")

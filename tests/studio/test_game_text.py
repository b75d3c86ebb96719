"""Text from a game (its docstring title and controls, a cartridge's fields) reaches the
terminal, the library and the files the studio writes without control characters, and
every `--json` command prints strict JSON. Real processes, real SQLite."""

from __future__ import annotations

import json
import math
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from studio.export.exporting import description_of
from studio.json_output import finite_json, json_line
from studio.library.cartridge import Cartridge, cartridge_bytes, read_cartridge
from studio.library.games import GameLibrary
from studio.library.sharing import controls_of
from studio.library.store import VersionStore
from studio.pipeline.titles import title_of
from tests.studio.cli_runs import assert_no_traceback, run_studio

ROOT = Path(__file__).resolve().parents[2]
HOSTILE_GAME = ROOT / "tests" / "games" / "hostile" / "terminal_escapes.py"
CONTROLS = (
    {chr(c) for c in range(0x20) if chr(c) not in "\n\t"}
    | {chr(c) for c in range(0x7F, 0xA0)}
    | set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
)
ESCAPED_DOC = '"""Snake\x1b]0;EVIL\x07\x1b[2K\u202eekans\x9b2J. Arrows\x1b]52;c;RVZJTA==\x07 steer\u2066.\nR\x1b[1A restarts."""\n'
CODE = ESCAPED_DOC + "import pygame\n\ndef draw(screen):\n    screen.fill((0, 0, 0))\n"


def clean(text: str) -> bool:
    return not set(text) & CONTROLS


@pytest.fixture
def home(tmp_path: Path) -> Path:
    return tmp_path / "home"


@pytest.fixture
def library(home: Path) -> Iterator[GameLibrary]:
    store = VersionStore(home / "library.sqlite3")
    yield GameLibrary(store)
    store.close()


def test_titles_and_controls_from_a_docstring_are_clean() -> None:
    assert title_of(CODE) == "Snake]0;EVIL[2Kekans2J"
    assert controls_of(CODE) == "Arrows]52;c;RVZJTA== steer. R[1A restarts."
    assert description_of(CODE) == "Arrows]52;c;RVZJTA== steer.\nR[1A restarts."


def test_the_library_titles_a_hostile_game_cleanly(library: GameLibrary) -> None:
    game = library.add_game("", CODE)
    assert game.title == "Snake]0;EVIL[2Kekans2J"
    typed = library.add_game("Pong\u202egnop\u2066 \x1b[2Jx", CODE, author="Ann\u202ennA\x9b")
    assert (typed.title, typed.author) == ("Ponggnop [2Jx", "AnnnnA")
    hostile = library.add_game("", HOSTILE_GAME.read_text(encoding="utf-8"))
    assert hostile.title == "Escapes]0;EVIL-TITLE[2Keltit"
    assert all(clean(game.title) for game in library.games())


def test_a_shared_cartridge_is_imported_with_clean_text(
    tmp_path: Path, home: Path, library: GameLibrary
) -> None:
    shared = Cartridge(
        "Snake\u202eekans\u2069",
        CODE,
        "Mallory\u202eyrollaM",
        "eat\u2066 apples\u202e\nR restarts",
        1.0,
    )
    path = tmp_path / "shared.minigame"
    path.write_bytes(
        cartridge_bytes(shared)
    )  # the bytes keep the overrides: as a stranger sends them
    read = read_cartridge(path)
    assert (read.title, read.author, read.description) == (
        "Snakeekans",
        "MalloryyrollaM",
        "eat apples\nR restarts",
    )
    process = run_studio("import", tmp_path, path.name, home=home)
    assert_no_traceback(process)
    assert process.returncode == 0, process.stderr
    assert clean(process.stdout + process.stderr)
    assert "“Snakeekans” by MalloryyrollaM" in process.stdout
    [game] = library.games()
    assert (game.title, game.author) == ("Snakeekans", "MalloryyrollaM")
    version = library.store.get(game.head_version_id)
    assert version is not None and version.prompt == "eat apples\nR restarts"


def test_exporting_a_hostile_game_as_a_cartridge_writes_clean_text(
    tmp_path: Path, home: Path
) -> None:
    (tmp_path / "escapes.py").write_text(HOSTILE_GAME.read_text(encoding="utf-8"), encoding="utf-8")
    process = run_studio("export", tmp_path, "escapes.py", "--as", "cartridge", home=home)
    assert_no_traceback(process)
    assert process.returncode == 0, process.stderr
    assert clean(process.stdout + process.stderr)
    with zipfile.ZipFile(
        tmp_path / "escapes.minigame"
    ) as archive:  # the file as written, not as read
        meta = json.loads(archive.read("meta.json"))
    assert all(clean(meta[key]) for key in ("title", "author", "description"))
    assert meta["title"].startswith("Escapes]0;EVIL-TITLE") and meta["description"]
    assert read_cartridge(tmp_path / "escapes.minigame").title == meta["title"]


def _refuse_constant(name: str) -> object:
    raise AssertionError(f"{name} is not JSON")


def test_json_output_never_holds_nan_or_infinity() -> None:
    report = {
        "fps": math.inf,
        "ms": -math.inf,
        "rate": math.nan,
        "ok": 1.5,
        "n": 3,
        "none": None,
        "check": {"fps": math.nan, "frames": [math.inf, 2.0]},
        "pair": (math.nan, "x"),
    }
    line = json_line(report)
    data = json.loads(line, parse_constant=_refuse_constant)
    assert data["fps"] > 1e9 and data["ms"] < -1e9 and data["rate"] == 0.0 and data["ok"] == 1.5
    assert data["check"] == {"fps": 0.0, "frames": [data["fps"], 2.0]} and data["pair"] == [
        0.0,
        "x",
    ]
    assert "\n" not in line
    assert finite_json("NaN") == "NaN" and finite_json(True) is True

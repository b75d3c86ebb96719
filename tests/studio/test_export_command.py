"""`studio export` and `studio import` as a user runs them: real processes, real runners, real SQLite.

Importing a cartridge made from a hostile game stores it untrusted and runs nothing;
`studio check` on the stored code is contained. Bad inputs get one line on stderr.
"""

from __future__ import annotations

import io
import re
import subprocess
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image

from studio.export.exporting import description_of
from studio.export_command import chosen_output, default_output
from studio.library.cartridge import Cartridge, cartridge_bytes, read_cartridge
from studio.library.games import GameLibrary
from studio.library.store import VersionStore
from tests.sandbox.test_corpus import pwn_listener  # noqa: F401 - a fixture: a port attacks report to
from tests.studio.cli_runs import assert_no_traceback, one_json_object, run_studio

ROOT = Path(__file__).resolve().parents[2]
SNAKE = ROOT / "assets" / "examples" / "snake.py"
HOSTILE = ROOT / "tests" / "games" / "hostile"
PYTHON = ROOT / ".venv" / "bin" / "python"
MARKERS = "minigame-pwned-*"


@pytest.fixture
def home(tmp_path: Path) -> Path:
    return tmp_path / "home"


@pytest.fixture
def work(tmp_path: Path) -> Path:
    folder = tmp_path / "work"
    folder.mkdir()
    (folder / "snake.py").write_text(SNAKE.read_text(encoding="utf-8"), encoding="utf-8")
    return folder


@pytest.fixture
def library(home: Path) -> Iterator[GameLibrary]:
    store = VersionStore(home / "library.sqlite3")
    yield GameLibrary(store)
    store.close()


def png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (32, 24), (10, 200, 10)).save(buffer, "PNG")
    return buffer.getvalue()


def failed_with_one_line(process: subprocess.CompletedProcess[str], *words: str) -> str:
    assert process.returncode == 1, process.stdout + process.stderr
    assert_no_traceback(process)
    lines = process.stderr.strip().splitlines()
    assert len(lines) == 1, process.stderr
    for word in words:
        assert word in lines[0], lines[0]
    return lines[0]


# -- export -------------------------------------------------------------------------------


def test_export_a_cartridge_with_a_thumbnail_from_the_sandbox(work: Path, home: Path) -> None:
    process = run_studio("export", work, "snake.py", "--as", "cartridge", home=home)
    assert process.returncode == 0, process.stderr
    assert process.stdout.startswith("exported “Snake” as a cartridge: snake.minigame (")
    assert "with a thumbnail" in process.stdout
    cartridge = read_cartridge(work / "snake.minigame")
    assert cartridge.title == "Snake" and cartridge.code == SNAKE.read_text()
    assert cartridge.description == description_of(SNAKE.read_text()) != ""
    assert cartridge.thumbnail_png is not None
    with Image.open(io.BytesIO(cartridge.thumbnail_png)) as image:
        assert image.format == "PNG" and max(image.size) <= 256


def test_exports_never_overwrite(work: Path, home: Path) -> None:
    (work / "snake.minigame").write_bytes(b"mine")
    (work / "snake_standalone.py").write_text("mine")
    first = run_studio("export", work, "snake.py", "--as", "standalone", home=home)
    assert first.returncode == 0, first.stderr
    assert "snake_standalone_2.py" in first.stdout
    assert (work / "snake_standalone.py").read_text() == "mine"
    refused = run_studio(
        "export", work, "snake.py", "--as", "cartridge", "-o", "snake.minigame", home=home
    )
    failed_with_one_line(refused, "snake.minigame already exists", "nothing was overwritten")
    assert (work / "snake.minigame").read_bytes() == b"mine"
    (work / "full").mkdir()
    (work / "full" / "x").write_text("x")
    refused = run_studio("export", work, "snake.py", "--as", "web", "-o", "full", home=home)
    failed_with_one_line(refused, "not empty")


def test_default_and_chosen_outputs(tmp_path: Path) -> None:
    game = tmp_path / "My Game!.py"
    assert default_output(game, "standalone").name == "My_Game_standalone.py"
    assert default_output(game, "web").name == "My_Game_web"
    assert default_output(game, "cartridge").name == "My_Game.minigame"
    (tmp_path / "My_Game.minigame").write_bytes(b"")
    (tmp_path / "My_Game_2.minigame").write_bytes(b"")
    assert default_output(game, "cartridge").name == "My_Game_3.minigame"
    (tmp_path / "out").mkdir()
    assert (
        chosen_output(game, "cartridge", tmp_path / "out") == tmp_path / "out" / "My_Game.minigame"
    )
    assert chosen_output(game, "web", tmp_path / "out") == tmp_path / "out"
    assert chosen_output(game, "standalone", tmp_path / "new.py") == tmp_path / "new.py"


def test_export_from_a_cartridge_to_standalone_and_web(work: Path, home: Path) -> None:
    shared = Cartridge("Snake", SNAKE.read_text(), "Ann", "eat apples", 1.0, png())
    (work / "shared.minigame").write_bytes(cartridge_bytes(shared))
    standalone = run_studio(
        "export", work, "shared.minigame", "--as", "standalone", "-o", "play.py", home=home
    )
    assert standalone.returncode == 0, standalone.stderr
    assert "full access to your computer" in standalone.stdout
    web = run_studio("export", work, "shared.minigame", "--as", "web", home=home)
    assert web.returncode == 0, web.stderr
    lines = web.stdout.strip().splitlines()
    assert len(lines) == 2 and lines[0].startswith("exported “Snake” for the web: ")
    assert "pygbag --archive" in lines[1] and "pygame-web.github.io" in lines[1]
    folder = work / "shared_web"
    assert (folder / "favicon.png").read_bytes() == shared.thumbnail_png  # the cartridge's picture
    with zipfile.ZipFile(folder / "build" / "web" / "shared_web.apk") as apk:
        assert "assets/main.py" in apk.namelist()
    for script in (work / "play.py", folder / "main.py"):
        played = subprocess.run(
            [str(PYTHON), "-I", script.name],
            cwd=script.parent,
            capture_output=True,
            text=True,
            timeout=120,
            env={
                "SDL_VIDEODRIVER": "dummy",
                "SDL_AUDIODRIVER": "dummy",
                "MINIGAME_MAX_FRAMES": "30",
            },
        )
        assert played.returncode == 0, played.stderr
        assert "quit after 30 frames" in played.stdout


@pytest.mark.parametrize(
    ("setup", "args", "words"),
    [
        (None, ("missing.py", "--as", "web"), ("no such file",)),
        ("binary", ("binary.py", "--as", "standalone"), ("binary file",)),
        (
            "corrupt",
            ("corrupt.minigame", "--as", "standalone"),
            ("corrupt.minigame", "truncated or damaged"),
        ),
        ("text", ("text.minigame", "--as", "web"), ("not a Minigame cartridge",)),
        (
            None,
            ("snake.py", "--as", "standalone", "-o", "no/such/folder/x.py"),
            ("does not exist",),
        ),
        ("syntax", ("broken.py", "--as", "cartridge"), ("not valid Python (line 2",)),
        ("nested", ("nested.py", "--as", "web"), ("too deeply nested",)),
    ],
    ids=["missing", "binary", "corrupt-cartridge", "not-a-zip", "no-folder", "syntax", "nested"],
)
def test_bad_exports_say_what_is_wrong_in_one_line(
    work: Path, home: Path, setup: str | None, args: tuple[str, ...], words: tuple[str, ...]
) -> None:
    if setup == "binary":
        (work / "binary.py").write_bytes(b"\x00\x01\x02")
    elif setup == "corrupt":
        (work / "corrupt.minigame").write_bytes(
            cartridge_bytes(Cartridge("Snake", SNAKE.read_text()))[:-40]
        )
    elif setup == "text":
        (work / "text.minigame").write_text("hello")
    elif setup == "syntax":
        (work / "broken.py").write_text("import pygame\ndef update(dt)\n    pass\n")
    elif setup == "nested":
        (work / "nested.py").write_text((HOSTILE / "huge_expression_chain.py").read_text())
    before = sorted(p.name for p in work.iterdir())
    failed_with_one_line(run_studio("export", work, *args, home=home), *words)
    assert sorted(p.name for p in work.iterdir()) == before


def test_description_is_the_docstring_after_the_title() -> None:
    assert description_of('"""Snake. Arrows steer, R restarts."""') == "Arrows steer, R restarts."
    assert (
        description_of('"""Pong\n\nTwo paddles.\nW/S and arrows."""')
        == "Two paddles.\nW/S and arrows."
    )
    assert description_of("x = 1") == "" and description_of("def (") == ""


# -- import -------------------------------------------------------------------------------


def test_import_adds_the_game_untrusted(work: Path, home: Path, library: GameLibrary) -> None:
    shared = Cartridge("Snake", SNAKE.read_text(), "Ann", "a snake that eats apples", 5.0, png())
    (work / "snake.minigame").write_bytes(cartridge_bytes(shared))
    process = run_studio("import", work, "snake.minigame", home=home)
    assert process.returncode == 0, process.stderr
    match = re.fullmatch(
        r"imported “Snake” by Ann as game (\d+) — untrusted: it runs only in the sandbox; open the gallery to keep it\n",
        process.stdout,
    )
    assert match, process.stdout
    game = library.get(int(match.group(1)))
    assert game is not None
    assert (game.title, game.author, game.trusted, game.origin) == (
        "Snake",
        "Ann",
        False,
        "imported",
    )
    assert library.code(game.id) == SNAKE.read_text()
    assert library.thumbnail(game.id) == shared.thumbnail_png
    version = library.store.get(game.head_version_id)
    assert (
        version is not None
        and version.model == "cartridge"
        and version.prompt == "a snake that eats apples"
    )


def test_importing_the_same_cartridge_twice_adds_it_once(work: Path, home: Path, library: GameLibrary) -> None:
    (work / "snake.minigame").write_bytes(cartridge_bytes(Cartridge("Snake", SNAKE.read_text(), "Ann")))
    assert run_studio("import", work, "snake.minigame", home=home).returncode == 0
    again = run_studio("import", work, "snake.minigame", home=home)
    assert again.returncode == 0, again.stderr
    [game] = library.games()
    assert again.stdout == f"“Snake” is already in the library as game {game.id}; nothing was added\n"


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"", ("is empty",)),
        (b"PK\x03\x04" + bytes(100), ("truncated or damaged",)),
        (b"#!/bin/sh\nrm -rf ~\n", ("not a Minigame cartridge",)),
    ],
    ids=["empty", "truncated", "shell-script"],
)
def test_a_bad_cartridge_is_not_imported(
    work: Path, home: Path, library: GameLibrary, content: bytes, words: tuple[str, ...]
) -> None:
    (work / "bad.minigame").write_bytes(content)
    failed_with_one_line(
        run_studio("import", work, "bad.minigame", home=home), "bad.minigame", *words
    )
    assert library.games() == []


def test_import_of_a_missing_file(work: Path, home: Path) -> None:
    failed_with_one_line(run_studio("import", work, "nowhere.minigame", home=home), "no such file")


HOSTILE_GAMES = [
    "os_system.py",
    "subprocess_run.py",
    "socket_connect.py",
    "ctypes_libc_system.py",
    "import_builtins_module.py",
]


@pytest.mark.parametrize("name", HOSTILE_GAMES)
def test_a_hostile_cartridge_is_stored_untrusted_and_contained(
    name: str,
    work: Path,
    home: Path,
    library: GameLibrary,
    pwn_listener: list[bytes],  # noqa: F811 - the fixture
) -> None:
    source = HOSTILE / name
    code = source.read_text(encoding="utf-8")
    allowed = set(re.match(r"^# expect: ([a-z|]+) — ", code).group(1).split("|"))  # type: ignore[union-attr]
    assert "ok" not in allowed
    for marker in Path("/tmp").glob(MARKERS):
        marker.unlink()
    shared = Cartridge("Free game!", code, "stranger", "totally safe")
    (work / "free.minigame").write_bytes(cartridge_bytes(shared))

    imported = run_studio("import", work, "free.minigame", home=home)
    assert imported.returncode == 0, imported.stderr
    assert "untrusted" in imported.stdout
    assert list(Path("/tmp").glob(MARKERS)) == [] and pwn_listener == []  # importing ran nothing
    (game,) = library.games()
    assert game.trusted is False and game.origin == "imported"

    stored = work / "stored.py"
    stored.write_text(library.code(game.id), encoding="utf-8")
    checked = run_studio("check", work, "stored.py", "--json", "--frames", "60", home=home)
    result = one_json_object(checked.stdout)
    assert result["status"] in allowed and result["status"] != "ok", result
    assert checked.returncode == 1
    assert "PWNED" not in checked.stdout + checked.stderr
    assert list(Path("/tmp").glob(MARKERS)) == [], f"{name} wrote a marker file"
    assert pwn_listener == [], f"{name} reached the network"


def test_a_jam_pack_given_for_a_cartridge_says_what_it_is(work: Path, home: Path, library: GameLibrary) -> None:
    from studio.library.jam_pack import write_jam_pack
    from studio.library.jams import JamStore

    jams = JamStore(library.store)
    jam = jams.create_jam("Friday Jam", "Growing", 3600)
    jams.add_entry(jam.id, Cartridge("Snake", SNAKE.read_text(), "Ann"), "Ann")
    write_jam_pack(work / "friday.minijam", jams.get(jam.id), jams.entries(jam.id))
    for command, *args in (("import", "friday.minijam"), ("export", "friday.minijam", "--as", "standalone")):
        failed_with_one_line(run_studio(command, work, *args, home=home), "is a jam pack, not a cartridge")
    assert library.games() == []


def test_a_renamed_cartridge_still_exports(work: Path, home: Path) -> None:
    (work / "snake.zip").write_bytes(cartridge_bytes(Cartridge("Snake", SNAKE.read_text(), "Ann")))
    process = run_studio("export", work, "snake.zip", "--as", "standalone", home=home)
    assert process.returncode == 0, process.stderr
    assert "exported “Snake”" in process.stdout

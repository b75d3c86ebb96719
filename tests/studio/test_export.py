"""Standalone and web exports: the files run under plain Python (no studio, no sandbox) for 300 frames."""

from __future__ import annotations

import ast
import asyncio
import os
import re
import subprocess
import sys
import tarfile
import textwrap
import zipfile
from pathlib import Path

import pytest

from studio.export import player
from studio.export.script import (
    BROWSER,
    DESKTOP,
    GameFile,
    game_script,
    referenced_assets,
    source_literal,
)
from studio.export.standalone import standalone_script
from studio.export.web import app_name, pack_apk, web_main_script, write_web_build
from studio.pipeline.titles import title_of

ROOT = Path(__file__).resolve().parents[2]
PACK = ROOT / "assets" / "pack"
PYTHON = ROOT / ".venv" / "bin" / "python"
RUN_TIMEOUT_S = 120  # only turns a hang into a failure

# The export must not need the studio: both packages are made unimportable before it runs.
NO_STUDIO = (
    "import sys, runpy; sys.modules['studio'] = None; sys.modules['sandbox'] = None; "
    "script = sys.argv[1]; sys.argv = [script]; runpy.run_path(script, run_name='__main__')"
)
# The web build under asyncio, counting how often the game lets the event loop run.
COUNT_YIELDS = (
    "import asyncio, sys, runpy; sys.modules['studio'] = None; sys.modules['sandbox'] = None\n"
    "real_run, ticks = asyncio.run, [0]\n"
    "async def counting(main):\n"
    "    async def count():\n"
    "        while True:\n"
    "            ticks[0] += 1\n"
    "            await asyncio.sleep(0)\n"
    "    counter = asyncio.ensure_future(count())\n"
    "    try:\n"
    "        return await main\n"
    "    finally:\n"
    "        counter.cancel()\n"
    "        print(f'yields: {ticks[0]}')\n"
    "asyncio.run = lambda main: real_run(counting(main))\n"
    "script = sys.argv[1]; sys.argv = [script]; runpy.run_path(script, run_name='__main__')\n"
)
GAMES = [
    ROOT / "assets" / "examples" / "snake.py",
    ROOT / "assets" / "starters" / "breakout.py",
    ROOT / "assets" / "starters" / "dodger.py",  # sounds from the pack, by a name in a variable
    ROOT / "assets" / "starters" / "platformer.py",
    ROOT
    / "tests"
    / "games"
    / "benign"
    / "dodger.py",  # classic: main() under `if __name__ == "__main__"`
    ROOT / "tests" / "games" / "benign" / "space_shooter.py",  # classic: the loop is a method
    ROOT / "tests" / "games" / "benign" / "maze_runner.py",  # classic: the loop is at module level
    ROOT
    / "tests"
    / "games"
    / "benign"
    / "high_score_catcher.py",  # pack sprites and a sound; writes a file
    ROOT / "tests" / "games" / "benign" / "typing_tutor.py",  # from __future__ import annotations
]
FRAMES_DONE = re.compile(r"^minigame: quit after (\d+) frames", re.MULTILINE)


def game_file(path: Path) -> GameFile:
    code = path.read_text(encoding="utf-8")
    return GameFile(code, title_of(code, path.stem), path.name)


def environment(frames: int) -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("PYTHON", "MINIGAME"))
    }
    env.update(SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy", MINIGAME_MAX_FRAMES=str(frames))
    return env


def start(script: Path, frames: int, wrapper: str = NO_STUDIO) -> subprocess.Popen[str]:
    """Run an exported file with the venv's Python in isolated mode, in its own empty folder."""
    return subprocess.Popen(
        [str(PYTHON), "-I", "-c", wrapper, script.name],
        cwd=script.parent,
        env=environment(frames),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def finish(process: subprocess.Popen[str]) -> tuple[int, str, str]:
    try:
        out, err = process.communicate(timeout=RUN_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        process.kill()
        out, err = process.communicate()
    return process.returncode, out, err


def write_in_empty_folder(tmp_path: Path, name: str, text: str, file_name: str) -> Path:
    folder = tmp_path / name
    folder.mkdir()
    script = folder / file_name
    script.write_text(text, encoding="utf-8")
    return script


# -- the 300-frame runs -------------------------------------------------------------------


def test_standalone_and_web_exports_run_300_frames_without_the_studio(tmp_path: Path) -> None:
    runs = {}
    for path in GAMES:
        game = game_file(path)
        standalone = write_in_empty_folder(
            tmp_path, f"{path.parent.name}-{path.stem}", standalone_script(game, PACK), path.name
        )
        web = write_in_empty_folder(
            tmp_path,
            f"{path.parent.name}-{path.stem}-web",
            web_main_script(game, PACK, "x"),
            "main.py",
        )
        runs[(path.name, "standalone")] = start(standalone, 300)
        runs[(path.name, "web")] = start(web, 300, COUNT_YIELDS)
    failures = []
    for (name, kind), process in runs.items():
        status, out, err = finish(process)
        done = FRAMES_DONE.search(out)
        if status != 0 or done is None or done.group(1) != "300":
            failures.append(f"{kind} {name}: exit {status}, out {out[-300:]!r}, err {err[-800:]!r}")
        elif kind == "web":
            yields = int(re.search(r"yields: (\d+)", out).group(1))  # type: ignore[union-attr]
            if yields < 299:  # every frame but the last hands the browser its turn
                failures.append(f"web {name}: only {yields} yields to the event loop in 300 frames")
    assert failures == []


def test_the_standalone_file_says_what_it_is_and_warns() -> None:
    text = standalone_script(game_file(GAMES[0]), PACK, "snake.py")
    header = text.split('"""', 1)[0]
    assert text.startswith("#!/usr/bin/env python3\n# Snake: a game made with Minigame Studio")
    assert "pip install pygame" in header and "python snake.py" in header
    assert "WARNING" in header and "full access to your computer" in header
    assert "MINIGAME_MAX_FRAMES" in header
    imports = {
        alias.name.split(".")[0]
        for node in ast.walk(ast.parse(text))
        if isinstance(node, (ast.Import, ast.ImportFrom))
        for alias in (
            node.names if isinstance(node, ast.Import) else [ast.alias(node.module or "")]
        )
    }
    assert not imports & {"studio", "sandbox"}
    assert (
        ast.literal_eval(text.split("GAME_SOURCE = ", 1)[1].split("[1:]\n", 1)[0])[1:]
        == GAMES[0].read_text()
    )


def test_only_the_pack_files_a_game_names_are_embedded() -> None:
    catcher = (ROOT / "tests" / "games" / "benign" / "high_score_catcher.py").read_text()
    assert sorted(referenced_assets(catcher, PACK)) == ["coin.png", "coin.wav", "ship.png"]
    assert referenced_assets((ROOT / "assets" / "examples" / "snake.py").read_text(), PACK) == {}
    assert referenced_assets("x = 'SHIP.PNG'", PACK) == {
        "ship.png": (PACK / "sprites" / "ship.png").read_bytes()
    }
    assert referenced_assets("x = 1", PACK / "missing") == {}


# -- the runtime's behaviour, game by game ------------------------------------------------

HOOKS_GAME = '''
"""Hooks. Checks the game contract outside the studio."""
import pygame

WIDTH = 20 * 16
HEIGHT = WIDTH * 3 // 4
print("window", pygame.display.get_surface().get_size())
image = pygame.image.load("sprites/SHIP.png").convert_alpha()  # a display exists, names are bare
fonts = [pygame.font.Font(None, 20), pygame.font.Font("freesansbold.ttf", 12),
         pygame.font.Font("no-such-font.ttf", 12), pygame.font.Font("/no/such/folder/x.ttf", 12)]
sound = pygame.mixer.Sound("coin.ogg")  # pygbag renames wav to ogg in code; the pack still has coin.wav
frames = 0


def update(dt):
    global frames
    frames += 1
    if frames == 2:
        pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_a, mod=0, unicode="a"))
        pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=(3, 4), button=1))
    if frames > 2:  # the hooks get the key at the start of frame 3, then update() may read it too
        for event in pygame.event.get(pygame.KEYDOWN):
            print("update saw key", event.key)


def on_key_down(unicode, key):
    print("hook key", key, unicode)


def on_mouse_down(pos):
    print("hook mouse", pos)


def draw(screen):
    screen.fill((0, 0, 0))
    screen.blit(image, (0, 0))
    pygame.display.flip()  # the loop flips: this one is not a frame
'''


def run_source(
    tmp_path: Path, source: str, frames: int, entry: str = DESKTOP
) -> tuple[int, str, str]:
    game = GameFile(textwrap.dedent(source).lstrip(), "Test", "test_game.py")
    text = game_script(game, referenced_assets(game.code, PACK), ["test"], entry)
    name = f"run{len(list(tmp_path.iterdir()))}"
    script = write_in_empty_folder(tmp_path, name, text, "main.py")
    return finish(start(script, frames, NO_STUDIO))


@pytest.mark.parametrize("entry", [DESKTOP, BROWSER])
def test_hooks_get_the_parameters_they_name_and_assets_load_by_bare_name(
    tmp_path: Path, entry: str
) -> None:
    status, out, err = run_source(tmp_path, HOOKS_GAME, 10, entry)
    assert status == 0, err
    assert "window (320, 240)" in out
    assert "hook key 97 a" in out and "hook mouse (3, 4)" in out
    assert "update saw key 97" in out  # a callback game's own event.get() sees the frame's events
    assert "minigame: quit after 10 frames" in out


@pytest.mark.parametrize(
    ("source", "status", "expected"),
    [
        ("import pygame\nx = 1\n", 1, "minigame: the game defines no update(dt) or draw(screen)"),
        ("def update(dt):\n    raise ValueError('boom')\n", 1, 'test_game.py", line 2, in update'),
        ("import sys\ndef update(dt):\n    sys.exit(3)\n", 3, "the game ended after 0 frames"),
        ("import pygame\ndef update(dt):\n    pygame.quit()\n", 0, "the game ended after 0 frames"),
        (
            "import pygame\nn = 0\ndef update(dt):\n    global n\n    n += 1\n    if n == 4:\n"
            "        pygame.event.post(pygame.event.Event(pygame.QUIT))\n",
            0,
            "the game ended after 4 frames",
        ),
        (
            "import pygame\nscreen = pygame.display.set_mode((100, 50))\nfor _ in range(5):\n"
            "    pygame.display.flip()\n",
            0,
            "the game ended after 5 frames",
        ),
    ],
    ids=["no-hooks", "raises", "sys-exit", "pygame-quit", "window-closed", "classic-ends"],
)
def test_how_a_game_ends_is_reported(
    tmp_path: Path, source: str, status: int, expected: str
) -> None:
    code, out, err = run_source(tmp_path, source, 50)
    assert code == status, (out, err)
    assert expected in out + err


def test_a_classic_loop_yields_to_the_browser_after_every_flip(tmp_path: Path) -> None:
    source = """
        import pygame

        class Game:
            def __init__(self):
                self.screen = pygame.display.set_mode((64, 48))
                self.group = pygame.sprite.Group()

            def draw(self):
                self.group.draw(self.screen)  # same name as an async method: must still work
                pygame.display.update()

            def run(self):
                clock = pygame.time.Clock()
                while True:
                    pygame.event.get()
                    self.draw()
                    clock.tick(600)

        def main():
            Game().run()

        if __name__ == "__main__":
            main()
    """
    game = GameFile(textwrap.dedent(source).lstrip(), "Loop", "loop.py")
    script = write_in_empty_folder(
        tmp_path, "web", game_script(game, {}, ["test"], BROWSER), "main.py"
    )
    status, out, err = finish(start(script, 40, COUNT_YIELDS))
    assert status == 0, err
    assert "quit after 40 frames" in out
    assert int(re.search(r"yields: (\d+)", out).group(1)) >= 39  # type: ignore[union-attr]


def test_awaiting_frames_makes_only_frame_showing_functions_async() -> None:
    tree = player.awaiting_frames(
        ast.parse(
            textwrap.dedent("""
        import pygame
        def helper():
            return 1
        def show():
            pygame.display.flip()
        def loop():
            while True:
                show()
        def gen():
            yield pygame.display.flip()
        class Thing:
            def __init__(self):
                show()
        loop()
    """)
        )
    )
    kinds = {
        node.name: type(node).__name__
        for node in ast.walk(tree)
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
    }
    assert kinds == {
        "helper": "FunctionDef",
        "show": "AsyncFunctionDef",
        "loop": "AsyncFunctionDef",
        "gen": "FunctionDef",
        "__init__": "FunctionDef",
    }
    assert "await minigame_await(loop())" in ast.unparse(tree)
    assert "await minigame_frame(pygame.display.flip())" in ast.unparse(tree)


def test_settle_and_next_frame_pass_plain_values_through() -> None:
    assert asyncio.run(player.settle(5)) == 5
    assert asyncio.run(player.next_frame(None)) is None


def test_declared_size() -> None:
    def size(code: str) -> tuple[int, int] | None:
        return player._declared_size(ast.parse(textwrap.dedent(code)))

    assert size("WIDTH, HEIGHT = 480, 360") == (480, 360)
    assert size("CELL = 20\nCOLS = 32\nWIDTH = COLS * CELL\nHEIGHT = WIDTH // 2") == (640, 320)
    assert size("WIDTH = 640") is None
    assert size("WIDTH = int('5')\nHEIGHT = 4") is None
    assert size("WIDTH = 10 ** 9\nHEIGHT = 4") is None
    assert size("WIDTH = 9000\nHEIGHT = 4") is None


def test_the_asset_pack_finds_bare_names_and_renamed_sounds() -> None:
    pack = player.AssetPack({"coin.wav": "UklGRg==", "ship.png": "iVBORw=="})
    assert pack.find("assets/sprites/SHIP.png") == b"\x89PNG"
    assert pack.find("C:\\games\\coin.ogg") == b"RIFF"
    assert pack.find("coin.png") is None and pack.find(None) is None and pack.find(3) is None


@pytest.mark.parametrize(
    "text",
    [
        "plain",
        'ends with a quote"',
        "ends with a backslash\\",
        "has '''both''' and \"\"\"kinds\"\"\"",
        "windows\r\nlines",
        "tab\tand \\n escapes",
        "",
        "'",
        "日本語 θ Δt",
    ],
)
def test_source_literal_reads_back_exactly(text: str) -> None:
    assert ast.literal_eval(source_literal(text)) == "\n" + text


def test_game_code_stays_readable_in_the_export() -> None:
    code = (ROOT / "assets" / "examples" / "snake.py").read_text()
    literal = source_literal(code)
    assert literal.startswith('r"""\n') or literal.startswith("r'''\n")
    assert code.splitlines()[5] in literal


# -- the web build ------------------------------------------------------------------------


def test_the_web_build_is_a_pygbag_folder_packed_offline(tmp_path: Path) -> None:
    build = write_web_build(
        tmp_path / "Snake Web", game_file(GAMES[0]), PACK, icon_png=b"\x89PNG fake"
    )
    assert build.folder == tmp_path / "Snake Web" and build.apk.name == "snake.web.apk"
    assert sorted(p.name for p in build.folder.iterdir()) == ["build", "favicon.png", "main.py"]
    with zipfile.ZipFile(build.apk) as apk:
        assert apk.namelist() == ["assets/favicon.png", "assets/main.py"]
        assert apk.read("assets/main.py") == build.main_py.read_bytes()
    with tarfile.open(build.apk.with_suffix(".tar.gz")) as tarball:
        assert tarball.getnames() == ["assets/favicon.png", "assets/main.py"]
    main = build.main_py.read_text()
    assert main.rstrip().endswith("asyncio.run(main())")  # pygbag's entry point
    assert "python -m pygbag --archive" in main and "WARNING" in main
    assert (
        "pygbag --archive" in build.next_step()
        and "pygame-web.github.io/cdn/0.9.3/" in build.next_step()
    )
    assert [p.name for p in tmp_path.iterdir()] == ["Snake Web"]  # no staging folder left


def test_our_package_matches_what_pygbags_own_packer_makes(tmp_path: Path) -> None:
    build = write_web_build(
        tmp_path / "snake_web", game_file(GAMES[0]), PACK, icon_png=b"\x89PNG fake"
    )
    reference = tmp_path / "reference"
    reference.mkdir()
    packer = (
        "import asyncio, sys\nfrom pathlib import Path\n"
        "folder, out = Path(sys.argv[1]), Path(sys.argv[2])\nsys.argv = sys.argv[:1]\n"
        "import pygbag\nfrom pygbag import pack\n"
        "asyncio.run(pack.archive('snake_web.apk', folder, [], [], out))\n"
    )
    process = subprocess.run(
        [str(PYTHON), "-c", packer, str(build.folder), str(reference)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=RUN_TIMEOUT_S,
    )
    assert process.returncode == 0, process.stderr
    with zipfile.ZipFile(reference / "snake_web.apk") as theirs, zipfile.ZipFile(build.apk) as ours:
        assert sorted(theirs.namelist()) == sorted(ours.namelist())
        for name in theirs.namelist():
            assert theirs.read(name) == ours.read(name), name


def test_pack_apk_skips_what_pygbag_skips(tmp_path: Path) -> None:
    (tmp_path / "main.py").write_text("print(1)\n")
    (tmp_path / ".hidden").write_text("x")
    (tmp_path / "build").mkdir()
    (tmp_path / "build" / "old.apk").write_bytes(b"x")
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "level.txt").write_text("1")
    apk = pack_apk(tmp_path, tmp_path / "out", app_name(Path("My Game")))
    assert apk.name == "my.game.apk"
    with zipfile.ZipFile(apk) as archive:
        assert archive.namelist() == ["assets/data/level.txt", "assets/main.py"]


def test_a_failed_web_build_leaves_nothing_behind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import studio.export.web as web

    def broken(*args: object) -> Path:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(web, "pack_apk", broken)
    with pytest.raises(OSError):
        write_web_build(tmp_path / "out", game_file(GAMES[0]), PACK)
    assert list(tmp_path.iterdir()) == []


def test_main_py_runs_under_plain_python_too(tmp_path: Path) -> None:
    """`python main.py` in the folder plays the game here (the header says so)."""
    build = write_web_build(tmp_path / "web", game_file(GAMES[0]), PACK)
    process = subprocess.run(
        [sys.executable, "-I", "main.py"],
        cwd=build.folder,
        env=environment(5),
        capture_output=True,
        text=True,
        timeout=RUN_TIMEOUT_S,
    )
    assert process.returncode == 0, process.stderr
    assert "quit after 5 frames" in process.stdout


def test_the_exported_runtime_keeps_the_sandboxs_hook_table() -> None:
    """The exported runtime cannot import sandbox/, so its copy of the hook table is pinned here."""
    from sandbox import hooks
    from studio.export import player

    assert player.HOOK_PARAMETERS == hooks.HOOK_PARAMETERS
    assert player.EVENT_HOOKS == hooks.EVENT_HOOKS

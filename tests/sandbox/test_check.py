"""`studio check` as users and acceptance checks call it: a real subprocess, real runners."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.sandbox.fixtures.hosting import shm_names

pytestmark = pytest.mark.usefixtures("no_leaks")

REPO_ROOT = Path(__file__).resolve().parents[2]
KEYS = {
    "status": str,
    "message": str,
    "line": (int, type(None)),
    "frames": int,
    "fps": (float, int),
    "load_ms": (float, int),
    "first_frame_ms": (float, int),
    "blank": bool,
    "responds_to_input": bool,
}


def game(text: str) -> str:
    return textwrap.dedent(text).lstrip()


def _no_constants(name: str) -> object:
    raise AssertionError(f"{name} is not JSON")


def studio_check(target: Path, *options: str, json_output: bool = True) -> tuple[int, dict | None, str, str]:
    """Run `python -m studio check TARGET [--json] OPTIONS`; (exit code, JSON or None, stdout, stderr)."""
    env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy", QT_QPA_PLATFORM="offscreen")
    argv = [sys.executable, "-m", "studio", "check", str(target), *options]
    if json_output:
        argv.append("--json")
    shm_before = shm_names()
    proc = subprocess.run(argv, cwd=target.parent, env=env, capture_output=True, text=True, timeout=120)
    assert "Traceback" not in proc.stdout and "Traceback" not in proc.stderr, proc.stderr[-3000:]
    assert shm_names() - shm_before == set()
    result = None
    if json_output:
        lines = proc.stdout.splitlines()
        assert len(lines) == 1, proc.stdout
        result = json.loads(lines[0], parse_constant=_no_constants)  # no NaN or Infinity
        assert set(result) == set(KEYS), sorted(result)
        for key, kind in KEYS.items():
            assert isinstance(result[key], kind), (key, result[key])
        assert result["status"] in ("ok", "refused", "error", "timeout", "killed")
        assert "\n" not in result["message"]
        assert (proc.returncode == 0) == (result["status"] == "ok"), (proc.returncode, result)
    return proc.returncode, result, proc.stdout, proc.stderr


def write(tmp_path: Path, source: str | bytes, name: str = "game.py") -> Path:
    path = tmp_path / name
    if isinstance(source, bytes):
        path.write_bytes(source)
    else:
        path.write_text(source)
    return path


RESPONSIVE = game(
    """
    \"\"\"Arrows move a square.\"\"\"
    import pygame
    WIDTH, HEIGHT = 80, 60
    x = 40
    def update(dt):
        global x
        keys = pygame.key.get_pressed()
        if keys[pygame.K_LEFT] or keys[pygame.K_a]:
            x -= 1
        if keys[pygame.K_RIGHT] or keys[pygame.K_d] or keys[pygame.K_SPACE]:
            x += 1
        x = max(0, min(70, x))
    def draw(screen):
        screen.fill((20, 20, 40))
        pygame.draw.rect(screen, (250, 200, 0), (x, 25, 10, 10))
    """
)

IGNORES_INPUT = game(
    """
    \"\"\"A ball bounces by itself.\"\"\"
    import pygame
    WIDTH, HEIGHT = 80, 60
    t = 0
    def update(dt):
        global t
        t += 1
    def draw(screen):
        screen.fill((0, 30, 0))
        pygame.draw.circle(screen, (255, 255, 255), (t % 80, 30), 6)
    """
)


def test_good_game_that_responds_to_input(tmp_path: Path) -> None:
    code, result, _out, _err = studio_check(write(tmp_path, RESPONSIVE), "--frames", "240")
    assert code == 0
    assert result["status"] == "ok"
    assert result["frames"] == 240
    assert result["fps"] > 0
    assert result["line"] is None
    assert result["blank"] is False
    assert result["responds_to_input"] is True
    assert result["load_ms"] >= 0 and result["first_frame_ms"] >= 0


def test_good_game_that_ignores_input(tmp_path: Path) -> None:
    code, result, _out, _err = studio_check(write(tmp_path, IGNORES_INPUT), "--frames", "240")
    assert code == 0
    assert (result["status"], result["frames"], result["blank"], result["responds_to_input"]) == ("ok", 240, False, False)
    assert result["fps"] > 0


def test_game_that_only_fills_one_colour_is_blank(tmp_path: Path) -> None:
    source = game(
        """
        WIDTH, HEIGHT = 64, 48
        def draw(screen):
            screen.fill((30, 60, 90))
        """
    )
    code, result, _out, _err = studio_check(write(tmp_path, source), "--frames", "60")
    assert code == 0
    assert (result["status"], result["frames"], result["blank"]) == ("ok", 60, True)


def test_classic_script_that_ends_by_itself(tmp_path: Path) -> None:
    source = game(
        """
        import pygame
        pygame.init()
        screen = pygame.display.set_mode((50, 40))
        clock = pygame.time.Clock()
        for frame in range(50):
            for event in pygame.event.get():
                pass
            screen.fill((frame * 5, 0, 0))
            pygame.draw.line(screen, (255, 255, 255), (0, 0), (frame, 39))
            pygame.display.flip()
            clock.tick(60)
        pygame.quit()
        """
    )
    code, result, _out, _err = studio_check(write(tmp_path, source), "--frames", "200")
    assert code == 0
    assert result["status"] == "ok"
    assert result["frames"] == 50
    assert result["blank"] is False
    assert result["fps"] > 0


def test_refused_game(tmp_path: Path) -> None:
    source = "import pygame\nWIDTH = 10\nsecret = ().__class__\n"
    code, result, _out, _err = studio_check(write(tmp_path, source))
    assert code == 1
    assert result["status"] == "refused"
    assert result["line"] == 3
    assert result["message"]
    assert result["frames"] == 0


def test_game_raising_at_load(tmp_path: Path) -> None:
    source = "import pygame\n\nvalue = 1 / 0\n\ndef draw(screen):\n    pass\n"
    code, result, _out, _err = studio_check(write(tmp_path, source))
    assert code == 1
    assert (result["status"], result["line"], result["frames"]) == ("error", 3, 0)
    assert "ZeroDivisionError" in result["message"]


def test_game_raising_at_frame_ten(tmp_path: Path) -> None:
    source = game(
        """
        WIDTH, HEIGHT = 32, 32
        n = 0
        def update(dt):
            global n
            n += 1
            if n == 10:
                raise RuntimeError("frame ten")
        def draw(screen):
            screen.fill((n * 20, 0, 0))
        """
    )
    code, result, _out, _err = studio_check(write(tmp_path, source), "--frames", "100")
    assert code == 1
    assert result["status"] == "error"
    assert result["line"] == 7
    assert "frame ten" in result["message"]
    assert result["frames"] == 9  # frames 1..9 were shown; the tenth raised


# -- files that are not games -----------------------------------------------------------------


def _not_a_game(tmp_path: Path, kind: str) -> Path:
    if kind == "missing":
        return tmp_path / "missing.py"
    if kind == "directory":
        folder = tmp_path / "folder.py"
        folder.mkdir()
        return folder
    contents = {
        "empty": b"",
        "whitespace": b"\n   \n\t\n",
        "binary": b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)) * 4,
        "not_utf8": b"import pygame\nname = '\xe9t\xe9'\n",
        "five_mb": b"# " + b"x" * 78 + b"\n" + (b"x = 1\n" * (5 * 1024 * 1024 // 6)),
    }[kind]
    return write(tmp_path, contents, f"{kind}.py")


FILE_KINDS = ["missing", "directory", "empty", "whitespace", "binary", "not_utf8", "five_mb"]


@pytest.mark.parametrize("kind", FILE_KINDS)
def test_file_that_is_not_a_game_gives_one_line_json(tmp_path: Path, kind: str) -> None:
    code, result, _out, err = studio_check(_not_a_game(tmp_path, kind))
    assert code == 1
    assert result["status"] == "error"
    assert result["message"] and "\n" not in result["message"]
    assert (result["line"], result["frames"]) == (None, 0)
    assert err == ""


@pytest.mark.parametrize("kind", FILE_KINDS)
def test_file_that_is_not_a_game_gives_one_line_message(tmp_path: Path, kind: str) -> None:
    code, _result, out, err = studio_check(_not_a_game(tmp_path, kind), json_output=False)
    assert code == 1
    assert out == ""
    lines = err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), err


def test_text_output_for_a_good_game(tmp_path: Path) -> None:
    code, _result, out, err = studio_check(write(tmp_path, RESPONSIVE), "--frames", "30", json_output=False)
    assert code == 0
    assert out.startswith("ok: 30 frames") and len(out.splitlines()) == 1
    assert err == ""


# -- options ---------------------------------------------------------------------------------


@pytest.mark.parametrize("frames", [1, 37, 450])
def test_frames_option_is_honoured(tmp_path: Path, frames: int) -> None:
    code, result, _out, _err = studio_check(write(tmp_path, IGNORES_INPUT), "--frames", str(frames))
    assert code == 0
    assert result["frames"] == frames


ENDS_AT_RANDOM_FRAME = game(
    """
    import random
    import sys
    WIDTH, HEIGHT = 32, 32
    END = random.randint(20, 5000)
    n = 0
    def update(dt):
        global n
        n += 1
        if n >= END:
            sys.exit()
    def draw(screen):
        screen.fill((n % 256, 0, 0))
        screen.fill((0, 0, 255), (0, 0, 4, 4))
    """
)

ENDS_AT_SEVENTH_KEY = game(
    """
    import sys
    WIDTH, HEIGHT = 32, 32
    presses = []
    def on_key_down(key):
        presses.append(key)
        if len(presses) == 7:
            raise RuntimeError("seventh key " + str(presses))
    def draw(screen):
        screen.fill((len(presses) * 30, 0, 0))
        screen.fill((0, 0, 255), (0, 0, 4, 4))
    """
)


def _stable(result: dict) -> dict:
    """The result without its timings (which vary from run to run)."""
    return {key: value for key, value in result.items() if key not in ("fps", "load_ms", "first_frame_ms")}


@pytest.mark.parametrize("source", [ENDS_AT_RANDOM_FRAME, ENDS_AT_SEVENTH_KEY], ids=["random", "input"])
def test_seed_is_honoured(tmp_path: Path, source: str) -> None:
    path = write(tmp_path, source)
    runs = [studio_check(path, "--frames", "6000", "--seed", seed)[1] for seed in ("1", "1", "2")]
    assert _stable(runs[0]) == _stable(runs[1])
    assert _stable(runs[0]) != _stable(runs[2])
    if source is ENDS_AT_RANDOM_FRAME:
        assert runs[0]["status"] == "ok" and 20 <= runs[0]["frames"] <= 5000
    else:
        assert runs[0]["status"] == "error" and runs[0]["line"] == 7
        assert "seventh key" in runs[0]["message"]


def test_game_that_hangs_is_reported_as_timeout(tmp_path: Path) -> None:
    source = game(
        """
        WIDTH, HEIGHT = 32, 32
        n = 0
        def update(dt):
            global n
            n += 1
            while n > 5:
                pass
        def draw(screen):
            screen.fill((n, 0, 0))
        """
    )
    code, result, _out, _err = studio_check(write(tmp_path, source), "--frames", "100")
    assert code == 1
    assert result["status"] == "timeout"
    assert result["frames"] == 5
    assert result["message"]


# -- game text and numbers the terminal can trust ----------------------------------------------

ESCAPING_GAME = REPO_ROOT / "tests" / "games" / "hostile" / "terminal_escapes.py"
CONTROLS = (
    {chr(c) for c in range(0x20) if chr(c) not in "\n\t"}
    | {chr(c) for c in range(0x7F, 0xA0)}
    | set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
)


def test_escape_sequences_from_a_game_never_reach_the_terminal(tmp_path: Path) -> None:
    """Its docstring title, caption, prints and error message all carry terminal escapes."""
    path = write(tmp_path, ESCAPING_GAME.read_text(encoding="utf-8"))
    code, result, out, err = studio_check(path, "--frames", "60")
    assert not set(out + err) & CONTROLS, repr(out + err)
    assert json.loads(out, parse_constant=_no_constants) == result
    assert (result["status"], result["line"], result["frames"]) == ("error", 37, 4)
    assert result["message"].startswith("line 37: Boom: boom[2K[1Aok: 600 frames at 60 fps")
    code, _result, out, err = studio_check(path, "--frames", "60", json_output=False)
    assert code == 1 and out == ""
    assert not set(err) & CONTROLS, repr(err)
    [line] = err.splitlines()  # the faked "ok" never starts a line of its own
    assert line.startswith("error: line 37: Boom: boom[2K[1Aok: 600 frames")


def test_a_game_that_never_draws_is_blank(tmp_path: Path) -> None:
    for source in ("def update(dt):\n    pass\n", "import sys\nsys.exit()\n"):
        code, result, _out, _err = studio_check(write(tmp_path, source), "--frames", "30")
        assert code == 0 and result["status"] == "ok"
        assert result["blank"] is True, result


def test_json_is_strict_for_a_game_too_fast_to_time(tmp_path: Path) -> None:
    source = "WIDTH, HEIGHT = 1, 1\ndef draw(screen):\n    pass\n"
    for frames in ("1", "2"):
        _code, result, out, _err = studio_check(write(tmp_path, source), "--frames", frames)
        assert json.loads(out, parse_constant=_no_constants) == result
        assert result["frames"] == int(frames) and result["fps"] >= 0

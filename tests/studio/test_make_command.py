"""`studio make` as a user runs it: a real process, the fake model server in this process, real runners.

The environment comes from tests/conftest.py (no real keys, a failing keyring, a temporary
MINIGAME_STUDIO_HOME, NO_PROXY for 127.0.0.1); each test adds OPENAI_API_KEY for the fake
server when it wants a model. No assert on wall time.
"""

from __future__ import annotations

import math
import socket
import sqlite3
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from studio.make_command import default_file_name
from studio.pipeline.make import title_of
from studio.settings import Paths
from tests.fake_openai import DEFAULT_GAME_CODE, FakeOpenAI, Fault, Reply
from tests.studio.cli_runs import (
    MODEL,
    assert_no_traceback,
    one_json_object,
    run_studio,
    with_model,
)

REPORT_KEYS = {
    "status",
    "file",
    "ttft_ms",
    "stream_ms",
    "tokens",
    "tokens_per_s",
    "ready_ms",
    "repairs",
    "check",
}
CHECK_KEYS = {
    "status",
    "message",
    "line",
    "frames",
    "fps",
    "load_ms",
    "first_frame_ms",
    "blank",
    "responds_to_input",
}
BROKEN_GAME = DEFAULT_GAME_CODE.replace("import pygame\n", "import pygame\nimport socket\n", 1)


@pytest.fixture
def server() -> Iterator[FakeOpenAI]:
    with FakeOpenAI(tokens_per_s=math.inf) as fake:
        yield fake
        assert fake.errors == []


def studio_make(
    cwd: Path, *args: str, key: str | None = None, extra_env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run `studio make ARGS` in `cwd`; the key, when given, is OPENAI_API_KEY."""
    return run_studio("make", cwd, *args, key=key, extra_env=extra_env)


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def library_code(version_id: int) -> tuple[str, str] | None:
    """(kind, code) of a version in the library the subprocess used."""
    connection = sqlite3.connect(Paths().library_file())
    try:
        row = connection.execute(
            "SELECT kind, code FROM versions WHERE id = ?", (version_id,)
        ).fetchone()
    finally:
        connection.close()
    return None if row is None else (row[0], row[1])


# --- --json and the file ----------------------------------------------------------------------


def test_json_report_file_named_from_the_title_and_never_overwritten(
    server: FakeOpenAI, tmp_path: Path
) -> None:
    first = studio_make(
        tmp_path, *with_model(server, "a bouncing ball game", "--json"), key=server.api_key
    )
    assert first.returncode == 0, first.stderr
    assert_no_traceback(first)
    report = one_json_object(first.stdout)
    assert report.keys() >= REPORT_KEYS
    assert report["check"].keys() >= CHECK_KEYS
    assert report["status"] == "ok" and report["check"]["status"] == "ok"
    assert report["repairs"] == 0 and report["check"]["line"] is None
    assert report["check"]["frames"] > 0 and report["check"]["fps"] > 0
    assert report["check"]["blank"] is False
    for name in ("ttft_ms", "stream_ms", "tokens_per_s", "ready_ms"):
        assert isinstance(report[name], (int, float)) and report[name] >= 0, name
    assert report["ttft_ms"] > 0 and report["tokens"] > 0
    assert report["offline"] is False and report["model"] == MODEL

    written = Path(report["file"])
    assert written.parent == tmp_path
    assert written.name.startswith("bounce") and written.suffix == ".py"
    assert written.read_text(encoding="utf-8") == DEFAULT_GAME_CODE
    assert library_code(report["version_id"]) == ("make", DEFAULT_GAME_CODE)
    assert len(server.chat_requests) == 1

    # The same title again: a new name, the first file untouched.
    written.write_text("# my edits\n" + DEFAULT_GAME_CODE, encoding="utf-8")
    second = studio_make(
        tmp_path, *with_model(server, "a bouncing ball game", "--json"), key=server.api_key
    )
    assert second.returncode == 0, second.stderr
    again = one_json_object(second.stdout)
    assert again["status"] == "ok"
    assert again["file"] != report["file"]
    assert Path(again["file"]).parent == tmp_path and Path(again["file"]).name.startswith("bounce")
    assert Path(again["file"]).read_text(encoding="utf-8") == DEFAULT_GAME_CODE
    assert written.read_text(encoding="utf-8") == "# my edits\n" + DEFAULT_GAME_CODE


def test_an_explicit_output_is_replaced_only_with_force(server: FakeOpenAI, tmp_path: Path) -> None:
    target = tmp_path / "mine.py"
    target.write_text("# keep me\n", encoding="utf-8")

    refused = studio_make(
        tmp_path,
        *with_model(server, "a bouncing ball game", "-o", "mine.py", "--json"),
        key=server.api_key,
    )
    assert refused.returncode == 1
    assert_no_traceback(refused)
    report = one_json_object(refused.stdout)
    assert report["file"] is None
    assert "already exists" in report["message"] and "--force" in report["message"]
    assert target.read_text(encoding="utf-8") == "# keep me\n"
    assert library_code(report["version_id"]) == ("make", DEFAULT_GAME_CODE), (
        "the game is kept in the library"
    )

    forced = studio_make(
        tmp_path,
        *with_model(server, "a bouncing ball game", "-o", "mine.py", "--force"),
        key=server.api_key,
    )
    assert forced.returncode == 0, forced.stderr
    assert_no_traceback(forced)
    assert target.read_text(encoding="utf-8") == DEFAULT_GAME_CODE
    assert "mine.py" in forced.stdout
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mine.py"]


def test_a_refused_overwrite_is_reported_on_stderr(server: FakeOpenAI, tmp_path: Path) -> None:
    (tmp_path / "mine.py").write_text("# keep me\n", encoding="utf-8")
    process = studio_make(
        tmp_path, *with_model(server, "a bouncing ball game", "-o", "mine.py"), key=server.api_key
    )
    assert process.returncode == 1
    assert (tmp_path / "mine.py").read_text(encoding="utf-8") == "# keep me\n"
    assert "already exists" in process.stderr


# --- offline ----------------------------------------------------------------------------------


def test_offline_flag_works_with_no_server_at_all(tmp_path: Path) -> None:
    process = studio_make(
        tmp_path,
        "a red snake game",
        "--offline",
        "--json",
        extra_env={"MINIGAME_BASE_URL": f"http://127.0.0.1:{closed_port()}/v1"},
    )
    assert process.returncode == 0, process.stderr
    assert_no_traceback(process)
    report = one_json_object(process.stdout)
    assert report["status"] == "ok" and report["offline"] is True
    assert report["model"] == "offline starter kit" and report["repairs"] == 0
    written = Path(report["file"])
    assert written.name == "snake.py"
    assert "SNAKE_COLOR = (230, 60, 60)" in written.read_text(encoding="utf-8")


def test_no_key_and_no_base_url_works_offline_and_says_so(tmp_path: Path) -> None:
    process = studio_make(tmp_path, "pong for two players")
    assert process.returncode == 0, process.stderr
    assert_no_traceback(process)
    assert "offline" in process.stderr.lower() and "key" in process.stderr.lower()
    assert "offline starter kit" in process.stdout
    assert (tmp_path / "pong.py").is_file()


def test_no_key_in_json_mode_prints_only_the_report(tmp_path: Path) -> None:
    process = studio_make(tmp_path, "pong for two players", "--json")
    assert process.returncode == 0, process.stderr
    report = one_json_object(process.stdout)
    assert report["status"] == "ok" and report["offline"] is True
    assert "offline" not in process.stderr.lower(), process.stderr


# --- failures ---------------------------------------------------------------------------------


def test_exit_status_is_one_when_the_game_fails_its_check(
    server: FakeOpenAI, tmp_path: Path
) -> None:
    server.script(
        Reply(text=f"```python\n{BROKEN_GAME}```\n"), Reply(text=f"```python\n{BROKEN_GAME}```\n")
    )
    process = studio_make(
        tmp_path, *with_model(server, "a bouncing ball game", "--json"), key=server.api_key
    )
    assert process.returncode == 1
    assert_no_traceback(process)
    report = one_json_object(process.stdout)
    assert report["status"] == "refused" and report["check"]["status"] == "refused"
    assert report["check"]["line"] == 3 and report["repairs"] == 1
    assert len(server.chat_requests) == 2


def test_a_dead_endpoint_is_one_line_and_exit_one(tmp_path: Path) -> None:
    url = f"http://127.0.0.1:{closed_port()}/v1"
    process = studio_make(
        tmp_path, "a snake game", "--base-url", url, "--model", MODEL, key="sk-anything"
    )
    assert process.returncode == 1
    assert_no_traceback(process)
    lines = [line for line in process.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, process.stderr
    assert "cannot reach" in lines[0] and url in lines[0]
    assert list(tmp_path.iterdir()) == []


def test_a_missing_model_names_the_ones_offered(server: FakeOpenAI, tmp_path: Path) -> None:
    process = studio_make(
        tmp_path, "a snake game", "--base-url", server.base_url, key=server.api_key
    )
    assert process.returncode == 1
    assert_no_traceback(process)
    assert "--model" in process.stderr
    for model in server.models:
        assert model in process.stderr
    assert server.chat_requests == []
    assert list(tmp_path.iterdir()) == []


def test_a_broken_stream_writes_no_game_file(server: FakeOpenAI, tmp_path: Path) -> None:
    server.fail_next(Fault(drop_after_chunks=40))
    process = studio_make(
        tmp_path, *with_model(server, "a bouncing ball game", "--json"), key=server.api_key
    )
    assert process.returncode == 1
    report = one_json_object(process.stdout)
    assert report["status"] == "error" and "broke" in report["message"]
    assert library_code(report["version_id"])[0] == "partial"  # type: ignore[index]
    assert report["file"] is None and list(tmp_path.iterdir()) == []


# --- the default name -------------------------------------------------------------------------


def test_the_default_name_is_the_title_without_the_controls(tmp_path: Path) -> None:
    assert title_of(DEFAULT_GAME_CODE) == "Bounce"
    assert default_file_name(title_of(DEFAULT_GAME_CODE), tmp_path).name == "bounce.py"


def test_default_names_never_collide(tmp_path: Path) -> None:
    first = default_file_name("Space Invaders!", tmp_path)
    assert first.name == "space_invaders.py"
    first.write_text("x", encoding="utf-8")
    second = default_file_name("Space Invaders!", tmp_path)
    assert second.name == "space_invaders_2.py"
    assert default_file_name("", tmp_path).name == "game.py"
    assert default_file_name("../../etc/passwd", tmp_path).parent == tmp_path

"""Tweaks: edit blocks against the current code, one full rewrite when they fail, and
`studio tweak` as a user runs it (a real process, the fake model server in this process,
real runners for the check).

The pipeline tests call `tweak_code` with a real ModelSource (openai client, real HTTP)
on the fake server; the command tests run `python -m studio tweak`, each with its own
MINIGAME_STUDIO_HOME so that the library they read is the one the process wrote. No
assert on wall time.
"""

from __future__ import annotations

import math
import shutil
import sqlite3
import subprocess
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from studio.llm.client import ModelClient
from studio.llm.endpoint import Endpoint
from studio.pipeline.sources import ModelSource
from studio.pipeline.tweak import tweak_code
from studio.pipeline.tweak_prompts import TWEAK_SYSTEM_PROMPT
from studio.settings import Paths
from tests.fake_openai import FakeOpenAI, Fault, Reply
from tests.studio.cli_runs import (
    MODEL,
    assert_no_traceback,
    one_json_object,
    run_studio,
    with_model,
)

ROOT = Path(__file__).resolve().parents[2]


def _game(text: str) -> str:
    return textwrap.dedent(text).lstrip()


GAME = _game('''
    """Square. A square on a dark board."""
    import pygame

    WIDTH, HEIGHT = 160, 120
    COLOUR = (200, 0, 0)
    BACKGROUND = (10, 10, 20)
    count = 0


    def update(dt):
        global count
        count += 1


    def draw(screen):
        screen.fill(BACKGROUND)
        pygame.draw.rect(screen, COLOUR, (60, 40, 40, 40))
''')

BLUE_GAME = GAME.replace("COLOUR = (200, 0, 0)", "COLOUR = (0, 0, 200)")


def edit_block(search: str, replace: str) -> str:
    return f"<<<<<<< SEARCH\n{search}=======\n{replace}>>>>>>> REPLACE\n"


def fenced_reply(code: str) -> Reply:
    return Reply(text=f"```python\n{code}```\n")


# The reply a model gives for "make the square blue": prose and a fence around one block.
BLUE_EDIT = Reply(
    text="Here is the change:\n\n```python\n"
    + edit_block("COLOUR = (200, 0, 0)\n", "COLOUR = (0, 0, 200)\n")
    + "```\n"
)
# A SEARCH the code does not have: the model misremembered the colour.
MISMATCHED_EDIT = Reply(text=edit_block("COLOUR = (200, 10, 0)\n", "COLOUR = (0, 0, 200)\n"))


@pytest.fixture
def server() -> Iterator[FakeOpenAI]:
    with FakeOpenAI(tokens_per_s=math.inf) as fake:
        yield fake
        assert fake.errors == []


def model_source(server: FakeOpenAI, preset: str = "custom") -> ModelSource:
    client = ModelClient(Endpoint(server.base_url, MODEL, server.api_key, preset), timeout_s=30)
    return ModelSource(client, MODEL)


def answered(server: FakeOpenAI) -> list:
    """The chat requests the server really answered (not a 400 for a rejected parameter)."""
    return [r for r in server.wait_until_idle() if r.path.endswith("/chat/completions") and r.status == 200]


def all_text(request) -> str:  # noqa: ANN001
    return "\n".join(str(m.get("content")) for m in request.body["messages"])


# --- the pipeline: edit blocks, then one rewrite -----------------------------------------------


def test_an_edit_block_reply_changes_exactly_what_the_block_says(server: FakeOpenAI) -> None:
    server.script(BLUE_EDIT)
    streamed: list[str] = []
    tweaked = tweak_code(GAME, "make the square blue", model_source(server), on_text=streamed.append)

    assert tweaked.problem is None and not tweaked.rewrote
    assert tweaked.code == BLUE_GAME
    assert "".join(streamed) == BLUE_EDIT.text  # the user watched the reply stream
    assert tweaked.tokens > 0 and tweaked.edit_applied_at is not None
    [request] = answered(server)
    messages = request.body["messages"]
    assert messages[0] == {"role": "system", "content": TWEAK_SYSTEM_PROMPT}
    assert GAME.rstrip() in messages[-1]["content"] and "make the square blue" in messages[-1]["content"]
    assert request.prediction is None  # edit blocks are not predictable: no prediction sent


@pytest.mark.parametrize(
    ("preset", "predicted"),
    [("openai", True), ("cerebras", False), ("custom", True)],  # custom: unknown, so tried
)
def test_a_search_that_does_not_match_falls_back_to_one_rewrite(
    server: FakeOpenAI, preset: str, predicted: bool
) -> None:
    server.script(MISMATCHED_EDIT, fenced_reply(BLUE_GAME))
    tweaked = tweak_code(GAME, "make the square blue", model_source(server, preset))

    assert tweaked.problem is None and tweaked.rewrote
    assert tweaked.code == BLUE_GAME
    first, second = answered(server)
    assert first.prediction is None
    note = all_text(second)
    # The failure names the block, says it did not match, and shows the closest lines by number.
    assert "block 1's SEARCH did not match" in note
    assert "closest lines in the code are line 5" in note
    assert "5 | COLOUR = (200, 0, 0)" in note
    assert "`COLOUR = (200, 10, 0)`" in note  # the line the model got wrong, quoted
    assert "complete changed program" in note
    if predicted:
        assert second.prediction is not None and second.prediction["type"] == "content"
        assert GAME.strip() in second.prediction["content"]
    else:
        assert second.prediction is None


def test_the_custom_preset_still_works_when_the_endpoint_rejects_prediction(server: FakeOpenAI) -> None:
    server.fail_next(Fault(reject_param="prediction"))
    server.script(MISMATCHED_EDIT, fenced_reply(BLUE_GAME))
    tweaked = tweak_code(GAME, "make the square blue", model_source(server, "custom"))

    assert tweaked.problem is None and tweaked.rewrote and tweaked.code == BLUE_GAME
    first, second = answered(server)
    assert second.prediction is None and "did not match" in all_text(second)
    rejected = [r for r in server.chat_requests if r.status == 400]
    assert len(rejected) == 1 and rejected[0].prediction is not None  # tried once, then dropped


# Two identical lines, for a SEARCH that matches twice.
TWICE_GAME = GAME.replace(
    "    pygame.draw.rect(screen, COLOUR, (60, 40, 40, 40))\n",
    "    pygame.draw.rect(screen, COLOUR, (60, 40, 40, 40))\n"
    "    screen.set_at((0, 0), COLOUR)\n"
    "    screen.set_at((0, 0), COLOUR)\n",
)
# (reply, the problem the rewrite request must name)
BROKEN_BLOCKS = {
    "unterminated": (
        "<<<<<<< SEARCH\nCOLOUR = (200, 0, 0)\n=======\nCOLOUR = (0, 0, 200)\n",
        "block 1 starting at reply line 1 has no `>>>>>>> REPLACE`",
    ),
    "empty_search": (
        "<<<<<<< SEARCH\n=======\nCOLOUR = (0, 0, 200)\n>>>>>>> REPLACE\n",
        "block 1 has an empty SEARCH section",
    ),
    "search_matching_twice": (
        edit_block("    screen.set_at((0, 0), COLOUR)\n", "    screen.set_at((1, 1), COLOUR)\n"),
        "block 1's SEARCH matches 2 places (lines 18 and 19): add a line or two of context",
    ),
}


@pytest.mark.parametrize("case", sorted(BROKEN_BLOCKS))
def test_broken_edit_blocks_take_the_rewrite_path_with_the_problem_named(
    server: FakeOpenAI, case: str
) -> None:
    reply, problem = BROKEN_BLOCKS[case]
    base = TWICE_GAME if case == "search_matching_twice" else GAME
    rewritten = base.replace("COLOUR = (200, 0, 0)", "COLOUR = (0, 0, 200)")
    server.script(Reply(text=reply), fenced_reply(rewritten))
    tweaked = tweak_code(base, "make the square blue", model_source(server, "cerebras"))

    assert tweaked.problem is None and tweaked.rewrote
    assert tweaked.code == rewritten
    first, second = answered(server)
    assert problem in all_text(second), all_text(second)[-1500:]
    assert problem not in all_text(first)


def test_a_rewrite_without_code_is_a_clear_problem_not_a_crash(server: FakeOpenAI) -> None:
    server.script(MISMATCHED_EDIT, Reply(text="Sorry, I cannot help with that."))
    tweaked = tweak_code(GAME, "make the square blue", model_source(server, "cerebras"))
    assert tweaked.code is None and tweaked.rewrote
    assert tweaked.problem and "refusal" in tweaked.problem
    assert len(answered(server)) == 2  # one rewrite only, never a third request


# --- `studio tweak` ----------------------------------------------------------------------------


def studio_tweak(
    home: Path, *args: str, key: str | None = None, extra_env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run `studio tweak ARGS` with its library in `home`; the key, when given, is OPENAI_API_KEY."""
    return run_studio("tweak", home, *args, key=key, extra_env=extra_env, home=home)


def library(home: Path) -> list[tuple[int, int | None, str, str, str, str | None]]:
    """(id, parent_id, kind, prompt, code, outcome) of every version the process saved."""
    path = Paths().library_file({"MINIGAME_STUDIO_HOME": str(home)})
    connection = sqlite3.connect(path)
    try:
        return connection.execute(
            "SELECT id, parent_id, kind, prompt, code, outcome FROM versions ORDER BY id"
        ).fetchall()
    finally:
        connection.close()


@pytest.fixture
def game_file(tmp_path: Path) -> Path:
    path = tmp_path / "square.py"
    path.write_text(GAME, encoding="utf-8")
    return path


def test_studio_tweak_applies_edit_blocks_and_keeps_both_versions(
    server: FakeOpenAI, tmp_path: Path, game_file: Path
) -> None:
    server.script(BLUE_EDIT)
    process = studio_tweak(
        tmp_path, *with_model(server, str(game_file), "make the square blue", "--json"), key=server.api_key
    )
    assert process.returncode == 0, process.stderr
    assert_no_traceback(process)
    report = one_json_object(process.stdout)
    assert report["status"] == "ok" and report["check"]["status"] == "ok"
    assert report["rewrote"] is False and report["repairs"] == 0
    assert report["file"] == str(game_file)
    assert game_file.read_text(encoding="utf-8") == BLUE_GAME
    assert len(server.chat_requests) == 1

    base, tweak = library(tmp_path)
    assert base[2] == "edit" and base[4] == GAME and base[1] is None
    assert tweak[2] == "tweak" and tweak[1] == base[0]
    assert tweak[3] == "make the square blue" and tweak[4] == BLUE_GAME and tweak[5] == "ok"


def test_studio_tweak_rewrites_once_when_a_search_does_not_match(
    server: FakeOpenAI, tmp_path: Path, game_file: Path
) -> None:
    server.script(MISMATCHED_EDIT, fenced_reply(BLUE_GAME))
    process = studio_tweak(
        tmp_path, *with_model(server, str(game_file), "make the square blue", "--json"), key=server.api_key
    )
    assert process.returncode == 0, process.stderr
    report = one_json_object(process.stdout)
    assert report["status"] == "ok" and report["rewrote"] is True
    assert game_file.read_text(encoding="utf-8") == BLUE_GAME
    first, second = server.chat_requests
    assert "closest lines in the code are line 5" in all_text(second)
    assert second.prediction is not None and GAME.strip() in second.prediction["content"]  # custom: tried


BROKEN_UPDATE = GAME.replace("    count += 1\n", "    count += 1 / 0\n")


def test_a_tweak_that_breaks_the_game_gets_one_repair_and_the_file_stays_if_it_fails(
    server: FakeOpenAI, tmp_path: Path, game_file: Path
) -> None:
    breaking = edit_block("    count += 1\n", "    count += 1 / 0\n")
    server.script(Reply(text=breaking), fenced_reply(BROKEN_UPDATE))
    process = studio_tweak(
        tmp_path, *with_model(server, str(game_file), "count faster"), key=server.api_key
    )
    assert process.returncode == 1
    assert_no_traceback(process)
    assert game_file.read_text(encoding="utf-8") == GAME  # untouched
    lines = [line for line in process.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, process.stderr
    assert lines[0].startswith("error:") and "division by zero" in lines[0], lines
    assert "left unchanged" in lines[0]
    tweak_request, repair_request = server.chat_requests
    assert "division" in all_text(repair_request) and "1 / 0" in all_text(repair_request)

    kinds = [(row[2], row[5]) for row in library(tmp_path)]
    assert kinds == [("edit", None), ("tweak", None), ("repair", "error")]


def test_a_tweak_that_breaks_the_game_is_written_once_the_repair_works(
    server: FakeOpenAI, tmp_path: Path, game_file: Path
) -> None:
    breaking = edit_block("    count += 1\n", "    count += 1 / 0\n")
    fixed = GAME.replace("    count += 1\n", "    count += 2\n")
    server.script(Reply(text=breaking), fenced_reply(fixed))
    process = studio_tweak(
        tmp_path, *with_model(server, str(game_file), "count faster", "--json"), key=server.api_key
    )
    assert process.returncode == 0, process.stderr
    report = one_json_object(process.stdout)
    assert report["status"] == "ok" and report["repairs"] == 1
    assert game_file.read_text(encoding="utf-8") == fixed
    rows = library(tmp_path)
    assert [row[2] for row in rows] == ["edit", "tweak", "repair"]
    assert rows[2][1] == rows[1][0] and rows[1][1] == rows[0][0]


def test_offline_make_the_snake_blue_changes_only_tagged_lines(tmp_path: Path) -> None:
    snake = tmp_path / "snake.py"
    shutil.copyfile(ROOT / "assets" / "starters" / "snake.py", snake)
    original = snake.read_text(encoding="utf-8")
    process = studio_tweak(tmp_path, str(snake), "make the snake blue", "--offline", "--json")
    assert process.returncode == 0, process.stderr
    assert_no_traceback(process)
    report = one_json_object(process.stdout)
    assert report["status"] == "ok"
    changed = snake.read_text(encoding="utf-8")
    before, after = original.splitlines(), changed.splitlines()
    assert len(before) == len(after)
    differing = [(old, new) for old, new in zip(before, after, strict=True) if old != new]
    assert differing, "nothing changed"
    assert all("# tune:" in old for old, _ in differing), differing
    [color_line] = [new for _, new in differing if new.startswith("SNAKE_COLOR")]
    r, g, b = eval(color_line.split("=", 1)[1].split("#", 1)[0])  # noqa: S307 - our own literal
    assert b > max(r, g) + 60, color_line  # a blue
    assert "SNAKE_COLOR = (90, 220, 120)" in original


def test_offline_tweak_with_nothing_to_tune_says_why_and_leaves_the_file(tmp_path: Path, game_file: Path) -> None:
    process = studio_tweak(tmp_path, str(game_file), "add a scoreboard", "--offline")
    assert process.returncode == 1
    assert_no_traceback(process)
    assert "offline" in process.stderr
    assert game_file.read_text(encoding="utf-8") == GAME


def test_output_option_writes_elsewhere_and_leaves_the_file(
    server: FakeOpenAI, tmp_path: Path, game_file: Path
) -> None:
    server.script(BLUE_EDIT)
    target = tmp_path / "blue.py"
    process = studio_tweak(
        tmp_path,
        *with_model(server, str(game_file), "make the square blue", "-o", str(target)),
        key=server.api_key,
    )
    assert process.returncode == 0, process.stderr
    assert_no_traceback(process)
    assert target.read_text(encoding="utf-8") == BLUE_GAME
    assert game_file.read_text(encoding="utf-8") == GAME
    assert str(target) in process.stdout

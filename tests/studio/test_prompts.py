"""Prompts: the system prompt's contents and size, repair requests, problem one-liners."""

from __future__ import annotations

from pathlib import Path

from sandbox.check import check_source
from sandbox.policy import ALLOWED_MODULES
from sandbox.runner_process import RunnerSettings
from studio.pipeline.extract import extract_code
from studio.pipeline.prompts import (
    EXAMPLE_GAME,
    SYSTEM_PROMPT,
    asset_names,
    describe_problem,
    new_game_messages,
    numbered_excerpt,
    repair_messages,
    system_prompt,
)

CODE = "".join(f"line_{n} = {n}\n" for n in range(1, 21))


# --- The system prompt ------------------------------------------------------------------


def test_system_prompt_names_every_allowed_module() -> None:
    listed = SYSTEM_PROMPT.split("Import only: ", 1)[1].split(".\n", 1)[0].split(", ")
    assert sorted(listed) == sorted(ALLOWED_MODULES)


def test_system_prompt_teaches_the_hooks_and_their_parameters() -> None:
    for hook in [
        "update(dt)",
        "draw(screen)",
        "on_key_down(key, mod, unicode)",
        "on_key_up(key, mod)",
        "on_mouse_down(pos, button)",
        "on_mouse_up(pos, button)",
        "on_mouse_move(pos, rel, buttons)",
    ]:
        assert hook in SYSTEM_PROMPT, hook


def test_system_prompt_states_the_rules() -> None:
    for rule in [
        "UPPER_CASE",
        "lower_case",
        "WIDTH, HEIGHT",
        "FPS",
        '"Title. Controls."',
        "No file or network access",
        'no names starting with "__"',
        "pygame.draw",
        "R restarts",
        "300 lines",
        "exactly one ```python fenced block and no prose",
    ]:
        assert rule in SYSTEM_PROMPT, rule


def test_system_prompt_lists_the_built_in_assets_by_name() -> None:
    assert "ship.png" in SYSTEM_PROMPT and "coin.wav" in SYSTEM_PROMPT


def test_system_prompt_fits_its_budget() -> None:
    assert len(SYSTEM_PROMPT) <= 2_800  # ≈ 700 tokens: every token costs time to first token


def test_without_assets_the_prompt_says_there_are_none(tmp_path: Path) -> None:
    assert asset_names(tmp_path / "missing") == ()
    prompt = system_prompt(["pygame", "math"], asset_names(tmp_path))
    assert "There are no image or sound files." in prompt
    assert "Import only: math, pygame." in prompt


def test_asset_names_are_file_names_from_every_subfolder(tmp_path: Path) -> None:
    (tmp_path / "sprites").mkdir()
    (tmp_path / "sprites" / "ship.png").write_bytes(b"")
    (tmp_path / "boom.WAV").write_bytes(b"")
    (tmp_path / "README.md").write_text("not an asset")
    assert asset_names(tmp_path) == ("boom.WAV", "ship.png")


def test_the_example_is_the_one_python_block_of_the_prompt() -> None:
    assert extract_code(SYSTEM_PROMPT).code == EXAMPLE_GAME
    assert len(EXAMPLE_GAME.splitlines()) <= 50


def test_the_example_game_runs_in_the_sandbox(tmp_path: Path) -> None:
    settings = RunnerSettings(assets_dir=Path(__file__).parents[2] / "assets" / "pack")
    result = check_source(EXAMPLE_GAME, "example.py", frames=120, settings=settings, timeout_s=20)
    assert result.status == "ok", result.message
    assert not result.blank and result.responds_to_input


# --- Requests -----------------------------------------------------------------------------


def test_new_game_messages() -> None:
    assert new_game_messages("  a snake game with two players \n") == [
        {"role": "system", "content": SYSTEM_PROMPT},
        {"role": "user", "content": "Make this game: a snake game with two players"},
    ]


def test_numbered_excerpt_marks_the_line_with_five_lines_either_side() -> None:
    assert numbered_excerpt(CODE, 12) == (
        "   7 | line_7 = 7\n"
        "   8 | line_8 = 8\n"
        "   9 | line_9 = 9\n"
        "  10 | line_10 = 10\n"
        "  11 | line_11 = 11\n"
        "> 12 | line_12 = 12\n"
        "  13 | line_13 = 13\n"
        "  14 | line_14 = 14\n"
        "  15 | line_15 = 15\n"
        "  16 | line_16 = 16\n"
        "  17 | line_17 = 17"
    )


def test_numbered_excerpt_at_the_edges_and_outside_the_code() -> None:
    assert numbered_excerpt("a = 1\nb = 2\n", 1) == "> 1 | a = 1\n  2 | b = 2"
    assert numbered_excerpt("a = 1\n", 2) == ""
    assert numbered_excerpt("a = 1\n", 0) == ""


def test_repair_messages_carry_the_request_the_code_and_the_precise_problem() -> None:
    problem = "line 12: the game crashed: NameError: name 'speed' is not defined (`line_12 = 12`)"
    messages = repair_messages("a snake game", CODE, problem, 12)
    assert messages[:2] == new_game_messages("a snake game")
    assert messages[2] == {"role": "assistant", "content": f"```python\n{CODE}```"}
    assert messages[3]["role"] == "user"
    assert messages[3]["content"] == (
        "Your game failed in the sandbox:\n"
        f"{problem}\n\n"
        "The code around line 12 (> marks it):\n"
        f"{numbered_excerpt(CODE, 12)}\n\n"
        "Fix this problem and any like it. Reply with the complete corrected program "
        "in one ```python block and no prose."
    )
    assert len(messages) == 4


def test_repair_messages_add_the_line_when_the_problem_lacks_it() -> None:
    content = repair_messages("pong", CODE, "NameError: name 'x' is not defined", 3)[3]["content"]
    assert "line 3: NameError: name 'x' is not defined" in content
    assert "> 3 | line_3 = 3" in content


def test_repair_messages_without_a_line_have_no_excerpt() -> None:
    content = repair_messages("pong", CODE, "the game stopped responding", None)[3]["content"]
    assert "the game stopped responding" in content and " | " not in content


# --- Problems -----------------------------------------------------------------------------


def test_describe_problem_for_each_status() -> None:
    code = "import pygame\nspeed = 1 / 0\n"
    assert describe_problem("error", "line 2: ZeroDivisionError: division by zero", 2, code) == (
        "line 2: the game crashed: ZeroDivisionError: division by zero (`speed = 1 / 0`)"
    )
    assert describe_problem("refused", 'line 1: module "socket" is not allowed', 1, code) == (
        'line 1: the sandbox does not allow this: module "socket" is not allowed (`import pygame`)'
    )
    assert describe_problem("timeout", "no heartbeat for 2 s", None, code) == (
        "the game stopped responding (an endless loop, or far too slow): no heartbeat for 2 s"
    )
    assert describe_problem("killed", "memory limit", None, code).startswith(
        "the sandbox stopped the game"
    )


def test_describe_problem_is_one_bounded_line() -> None:
    problem = describe_problem("error", "Boom\n  at here\n" + "x" * 5000, 99, "a = 1\n")
    assert "\n" not in problem
    assert problem.startswith("line 99: the game crashed: Boom at here x")
    assert len(problem) < 500

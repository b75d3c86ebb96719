"""`studio check` believes only what the host observed (DESIGN section 4).

Real impostor runners (tests/sandbox/fixtures/impostor_runner.py) take the runner's
place through `RunnerSettings.runner_argv` and write what a game that broke the Python
layer could write: a forged verdict line, frames announced but never published, a frame
header that skips ahead or lies at the end, escape sequences in every text. Honest
impostors show that blank and the frame count are the host's own judgement of the pixels
and headers it read. Every result must also print as strict JSON.
"""

from __future__ import annotations

import json

import pytest

from sandbox.check import CheckResult, check_source
from sandbox.observed_run import SAMPLE_EVERY
from tests.sandbox.test_runner_protocol_abuse import impostor_settings

pytestmark = pytest.mark.usefixtures("no_leaks")

CONTROLS = set("\x1b\x07\r\x9b\u202e") | {chr(c) for c in range(0x20) if chr(c) not in "\n\t"}


def impostor_check(mode: str, frames: int = 40) -> CheckResult:
    settings = impostor_settings(mode, hang_timeout_s=2.0, startup_timeout_s=10.0)
    result = check_source(
        "def draw(screen):\n    pass\n", "game.py", frames=frames, settings=settings, timeout_s=20
    )
    assert_strict_json(result)
    assert 0 <= result.frames <= frames, result
    return result


def _refuse_constant(name: str) -> object:
    raise AssertionError(f"{name} in JSON output")


def assert_strict_json(result: CheckResult) -> dict:
    """The result prints as JSON any reader accepts: no NaN or Infinity, one clean line."""
    text = json.dumps(result.to_json(), allow_nan=False)
    data = json.loads(text, parse_constant=_refuse_constant)
    assert not set(data["message"]) & (CONTROLS | {"\n"}), data["message"]
    assert all(abs(data[key]) < 1e15 for key in ("frames", "fps", "load_ms", "first_frame_ms"))
    return data


@pytest.mark.parametrize(
    ("mode", "why"),
    [
        # The trial's line: 2**53 frames, no drawing, "blank": false.
        ("forged_verdict", "malformed message: unknown runner→host message kind 'check_report'"),
        (
            "verdict_in_game_over",
            "malformed message: game_over:",
        ),  # a clean end with verdict fields
        ("announces_unpublished_frame", "announced frame 1, which the frame memory does not hold"),
        ("skips_ahead", f"announced frame 9007199254740992 when frame {1 + SAMPLE_EVERY} was due"),
        ("announces_off_schedule", f"announced frame 5 when frame {1 + SAMPLE_EVERY} was due"),
        ("invalid_frame_header", "announced frame 1, which the frame memory does not hold"),  # 0x0
        (
            "header_lies_at_game_over",
            f"frame memory claims 9007199254740992 frames where 1 to {1 + SAMPLE_EVERY}",
        ),
    ],
)
def test_a_runner_that_lies_about_its_frames_is_killed_never_ok(mode: str, why: str) -> None:
    result = impostor_check(mode)
    assert result.status == "killed", result
    assert why in result.message, result.message  # killed for the lie, not for anything else
    assert result.frames <= 1
    assert result.fps == 0.0
    assert not result.responds_to_input


def test_a_game_that_never_draws_is_never_ok_and_not_blank() -> None:
    result = impostor_check("never_draws_then_ends")
    assert result.message == "the game exited", result
    assert (result.status, result.frames, result.blank, result.fps) == ("ok", 0, True, 0.0)


def test_blank_is_the_hosts_judgement_of_the_pixels_it_took() -> None:
    one_colour = impostor_check("honest_one_colour", frames=45)
    assert (one_colour.status, one_colour.frames, one_colour.blank) == ("ok", 45, True)
    drawing = impostor_check("honest_drawing", frames=45)
    assert (drawing.status, drawing.frames, drawing.blank) == ("ok", 45, False)
    assert drawing.fps > 0 and not drawing.responds_to_input  # same frames with and without input


def test_escape_sequences_in_runner_text_never_reach_the_result() -> None:
    result = impostor_check("hostile_text")
    assert result.status == "error" and result.line == 1
    assert result.message.startswith(
        "error ]0;EVIL-TITLE]52;c;RVZJTA==[2K[1Aok: 600 frames2JLIVE ok: 600"
    )
    assert not set(result.message) & CONTROLS


def test_every_result_field_is_finite_even_when_built_from_extreme_numbers() -> None:
    result = CheckResult(
        "ok", "a\x1b[2Kb\nc", None, 1, float("inf"), float("nan"), -float("inf"), False, False
    )
    data = assert_strict_json(result)
    assert data["message"] == "a[2Kb c"
    assert data["load_ms"] == 0.0 and data["fps"] > 0 > data["first_frame_ms"]

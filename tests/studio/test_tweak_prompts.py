"""Tweak prompts: the contract is reused, the edit-block format is taught, rewrites ask once."""

from __future__ import annotations

from studio.pipeline.edits import apply_edits, parse_edit_blocks
from studio.pipeline.extract import extract_code
from studio.pipeline.prompts import SYSTEM_PROMPT
from studio.pipeline.tweak_prompts import (
    EDIT_EXAMPLE,
    TWEAK_SYSTEM_PROMPT,
    fenced,
    game_contract,
    rewrite_messages,
    rewrite_prediction,
    tweak_messages,
)

CODE = '"""Dodge. Arrows move."""\nimport pygame\n\nPLAYER_COLOR = (90, 200, 255)\nx = 0\n'


def test_the_contract_comes_from_the_new_game_prompt_without_its_reply_format() -> None:
    contract = game_contract()
    assert contract.startswith("Contract:\n")
    assert "update(dt)" in contract and "Import only: " in contract
    assert "lower_case module variables hold all game state" in contract
    assert "Reply with" not in contract and "Example:" not in contract
    for line in contract.split("\n"):
        assert line in SYSTEM_PROMPT  # imported, not copied


def test_the_system_prompt_teaches_edit_blocks_and_keeping_state() -> None:
    assert game_contract() in TWEAK_SYSTEM_PROMPT
    assert "Change as little as possible" in TWEAK_SYSTEM_PROMPT
    assert "Keep the names and types of the lower_case state variables" in TWEAK_SYSTEM_PROMPT
    assert "copied exactly" in TWEAK_SYSTEM_PROMPT
    assert "one or more edit blocks and no prose" in TWEAK_SYSTEM_PROMPT
    assert "exactly one ```python" not in TWEAK_SYSTEM_PROMPT
    assert TWEAK_SYSTEM_PROMPT.rstrip().endswith(EDIT_EXAMPLE.rstrip())


def test_the_example_block_parses_and_applies() -> None:
    parsed = parse_edit_blocks(EDIT_EXAMPLE)
    assert parsed.problems == () and len(parsed.blocks) == 1
    outcome = apply_edits(CODE, parsed.blocks)
    assert outcome.code == CODE.replace("(90, 200, 255)", "(230, 60, 60)")


def test_tweak_messages_carry_the_code_plainly_then_the_instruction() -> None:
    system, user = tweak_messages(CODE, "  make the player red \n")
    assert system == {"role": "system", "content": TWEAK_SYSTEM_PROMPT}
    assert user["role"] == "user"
    assert (
        user["content"]
        == f"The current game:\n```python\n{CODE.rstrip()}\n```\n\nChange: make the player red"
    )
    assert extract_code(user["content"]).code == CODE


def test_code_with_backticks_gets_a_longer_fence() -> None:
    code = 'HELP = "press ``` to win"\n'
    assert fenced(code) == f"````python\n{code.rstrip()}\n````"
    assert extract_code(fenced(code)).code == code


def test_rewrite_messages_say_what_failed_and_ask_once_for_the_full_program() -> None:
    failures = (
        "1 edit block did not apply, so no block was applied:\n\nblock 1's SEARCH did not match"
    )
    messages = rewrite_messages(CODE, "make the player red", failures)
    tweak = tweak_messages(CODE, "make the player red")
    assert messages[0] == tweak[0]
    request = messages[1]["content"]
    assert request.startswith(tweak[1]["content"])  # same prefix: a prompt cache still helps
    assert failures in request
    assert "complete changed program in one ```python block" in request
    assert len(messages) == 2


def test_the_prediction_is_the_reply_a_small_rewrite_would_be() -> None:
    prediction = rewrite_prediction(CODE)
    assert prediction == f"```python\n{CODE.rstrip()}\n```\n"
    assert extract_code(prediction).code == CODE

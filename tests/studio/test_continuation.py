"""Interrupt and redirect: plans for each prefix style, cutting, joining, and a real cancel."""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable, Iterator

import pytest
from hypothesis import given
from hypothesis import strategies as st

from studio.llm.client import ModelClient
from studio.llm.endpoint import Endpoint
from studio.llm.events import ModelError, StreamEvent, TextDelta
from studio.pipeline.continuation import (
    CONTINUE_INSTRUCTION,
    ContinuationPlan,
    cut_to_parsable,
    join_continuation,
    partial_code,
    plan_continuation,
    regenerated_fraction,
)
from studio.pipeline.prompts import EXAMPLE_GAME, SYSTEM_PROMPT, new_game_messages
from tests.fake_openai import FakeOpenAI, Reply

DESCRIPTION = "a snake game"
INSTRUCTION = "make the snake blue"
BOTH = "Make this game: a snake game\nAlso: make the snake blue"
PARTIAL_REPLY = (
    "```python\n"
    '"""Snake. Arrows steer."""\n'
    "import pygame\n"
    "\n"
    "WIDTH, HEIGHT = 480, 480\n"
    "snake = [(5, 5)]\n"
    "\n"
    "def update(dt):\n"
    "    global snake\n"
    "    if snake:\n"
    "        head = sna"
)
PARTIAL_CODE = (
    '"""Snake. Arrows steer."""\n'
    "import pygame\n"
    "\n"
    "WIDTH, HEIGHT = 480, 480\n"
    "snake = [(5, 5)]\n"
    "\n"
    "def update(dt):\n"
    "    global snake\n"
)


def user_turns(plan: ContinuationPlan) -> list[str]:
    return [m["content"] for m in plan.messages if m["role"] == "user"]


# --- plans -------------------------------------------------------------------------------------


def test_prefix_style_marks_the_trailing_assistant_message() -> None:
    plan = plan_continuation(DESCRIPTION, PARTIAL_REPLY, INSTRUCTION, "prefix")
    assert plan.style == "prefix"
    assert plan.prefix == PARTIAL_CODE
    assert plan.extra_body is None
    assert plan.messages == [
        {"role": "system", "content": SYSTEM_PROMPT},
        {"role": "user", "content": BOTH},
        {"role": "assistant", "content": "```python\n" + PARTIAL_CODE, "prefix": True},
    ]


def test_continue_final_message_style_sends_the_body_flags() -> None:
    plan = plan_continuation(DESCRIPTION, PARTIAL_REPLY, INSTRUCTION, "continue_final_message")
    assert plan.style == "continue_final_message"
    assert plan.extra_body == {"continue_final_message": True, "add_generation_prompt": False}
    assert plan.prefix == PARTIAL_CODE
    assert plan.messages[1:] == [
        {"role": "user", "content": BOTH},
        {"role": "assistant", "content": "```python\n" + PARTIAL_CODE},
    ]


def test_trailing_assistant_style_is_a_plain_trailing_message() -> None:
    plan = plan_continuation(DESCRIPTION, PARTIAL_REPLY, INSTRUCTION, "trailing_assistant")
    assert plan.style == "trailing_assistant"
    assert plan.extra_body is None
    assert plan.messages[-1] == {"role": "assistant", "content": "```python\n" + PARTIAL_CODE}
    assert user_turns(plan) == [BOTH]


def test_unknown_support_asks_for_the_rest_in_a_new_turn() -> None:
    plan = plan_continuation(DESCRIPTION, PARTIAL_REPLY, INSTRUCTION, None)
    assert plan.style == "continuation_request"
    assert plan.extra_body is None
    assert plan.prefix == PARTIAL_CODE
    assert plan.messages == [
        {"role": "system", "content": SYSTEM_PROMPT},
        {"role": "user", "content": BOTH},
        {"role": "assistant", "content": "```python\n" + PARTIAL_CODE + "```"},
        {"role": "user", "content": CONTINUE_INSTRUCTION},
    ]
    assert "do not repeat earlier lines" in CONTINUE_INSTRUCTION


@pytest.mark.parametrize("style", ["prefix", "continue_final_message", "trailing_assistant", None])
def test_a_reply_without_a_fence_yet_is_a_plain_request_with_both(style: str | None) -> None:
    plan = plan_continuation(DESCRIPTION, "Sure! Here is a snake game", INSTRUCTION, style)
    assert plan == ContinuationPlan(
        [{"role": "system", "content": SYSTEM_PROMPT}, {"role": "user", "content": BOTH}],
        None,
        "",
        "new_request",
    )


def test_a_fence_with_no_whole_line_of_code_is_a_plain_request() -> None:
    plan = plan_continuation(DESCRIPTION, "```python\nimport pyg", INSTRUCTION, "prefix")
    assert (plan.style, plan.prefix, user_turns(plan)) == ("new_request", "", [BOTH])


def test_unfenced_python_is_continued_too() -> None:
    plan = plan_continuation(DESCRIPTION, "import pygame\nx = 1\ny =", INSTRUCTION, "prefix")
    assert (plan.style, plan.prefix) == ("prefix", "import pygame\nx = 1\n")


def test_an_unknown_style_name_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown prefix style 'suffix'"):
        plan_continuation(DESCRIPTION, PARTIAL_REPLY, INSTRUCTION, "suffix")


# --- cutting -----------------------------------------------------------------------------------


def test_a_half_written_line_is_dropped() -> None:
    assert partial_code("```python\nimport pygame\nx = 1\nscore = sc") == "import pygame\nx = 1\n"


def test_a_block_header_without_its_body_is_dropped() -> None:
    code = "x = 1\n\ndef update(dt):\n    x = 2\n    if x:\n"
    assert cut_to_parsable(code) == "x = 1\n\ndef update(dt):\n    x = 2\n"


def test_an_unclosed_bracket_is_dropped_with_its_lines() -> None:
    code = "x = 1\nCOLOURS = [\n    (1, 2, 3),\n    (4, 5, 6),\n"
    assert cut_to_parsable(code) == "x = 1\n"


def test_code_that_never_parses_is_kept_to_its_last_line_break() -> None:
    code = "x = = 1\n" * 3 + "y = 2"
    assert cut_to_parsable(code) == "x = = 1\n" * 3


# --- joining -----------------------------------------------------------------------------------

PREFIX = "import pygame\n\nWIDTH = 480\nHEIGHT = 640\nscore = 0\n"
REST = "speed = 3\n\ndef update(dt):\n    pass\n"
WHOLE = PREFIX + REST


def test_join_without_overlap() -> None:
    assert join_continuation(PREFIX, REST + "```\n") == WHOLE


def test_join_trims_a_three_line_overlap() -> None:
    repeated = "WIDTH = 480  \nHEIGHT = 640\nscore = 0\t\n"  # trailing whitespace differs
    assert join_continuation(PREFIX, repeated + REST + "```") == WHOLE


def test_join_uses_a_full_restart_alone() -> None:
    restart = "import pygame\n\nWIDTH = 400\nHEIGHT = 600\nscore = 0\n" + REST
    assert join_continuation(PREFIX, "```python\n" + restart + "```\n") == restart


def test_join_of_a_restart_with_a_new_docstring_uses_it_alone() -> None:
    prefix = '"""Snake. Arrows steer."""\nimport pygame\nx = 1\n'
    restart = '"""Snake. Arrows steer, P pauses."""\nimport pygame\nx = 1\ny = 2\n'
    assert join_continuation(prefix, restart) == restart


def test_join_of_a_repeat_of_the_whole_prefix() -> None:
    assert join_continuation(PREFIX, WHOLE) == WHOLE


def test_join_strips_the_fences_of_a_continuation_request_reply() -> None:
    reply = "Here is the rest:\n```python\nscore = 0\n" + REST + "```\nThe snake is blue now."
    assert join_continuation(PREFIX, reply) == WHOLE


def test_join_drops_prose_after_the_closing_fence() -> None:
    assert join_continuation(PREFIX, REST + "```\n\nThis makes the snake blue.") == WHOLE


def test_join_keeps_a_repeated_blank_line() -> None:
    assert join_continuation("x = 1\n\n", "\ny = 2\n") == "x = 1\n\n\ny = 2\n"


def test_join_with_crlf_line_ends() -> None:
    assert join_continuation(PREFIX, "score = 0\r\n" + REST.replace("\n", "\r\n")) == WHOLE


def test_join_onto_nothing_is_the_reply_code() -> None:
    assert join_continuation("", "```python\n" + WHOLE + "```") == WHOLE


# Distinct, non-blank lines (an overlap of repeated or blank lines cannot be told apart).
code_lines = st.lists(
    st.tuples(st.integers(0, 3), st.sampled_from(["x = 1", "f(a, b)", "return y", "if z:"])),
    min_size=1,
    max_size=30,
).map(lambda rows: [f"{'    ' * depth}{text}  # line {i}" for i, (depth, text) in enumerate(rows)])


@given(
    lines=code_lines,
    data=st.data(),
    fenced=st.booleans(),
    trailing_spaces=st.booleans(),
)
def test_join_gives_back_the_program_for_any_split_and_overlap(
    lines: list[str], data: st.DataObject, fenced: bool, trailing_spaces: bool
) -> None:
    split = data.draw(st.integers(0, len(lines)), label="split")
    overlap = data.draw(st.integers(0, split), label="overlap")
    prefix = "".join(line + "\n" for line in lines[:split])
    repeated = [line + (" " if trailing_spaces else "") for line in lines[split - overlap : split]]
    continuation = "".join(line + "\n" for line in repeated + lines[split:])
    if fenced:
        continuation = "```python\n" + continuation + "```\n"
    assert join_continuation(prefix, continuation) == "".join(line + "\n" for line in lines)


# --- measuring ---------------------------------------------------------------------------------


def test_regenerated_fraction_counts_what_the_prefix_did_not_hold() -> None:
    assert regenerated_fraction(PREFIX, WHOLE) == len(REST) / len(WHOLE)
    assert regenerated_fraction("", WHOLE) == 1.0
    assert regenerated_fraction(WHOLE, WHOLE) == 0.0
    assert regenerated_fraction("", "") == 0.0


# --- end to end: cancel a real stream, continue it ---------------------------------------------


@pytest.fixture
def server() -> Iterator[FakeOpenAI]:
    with FakeOpenAI(tokens_per_s=200) as fake:
        yield fake
        assert fake.errors == []


def wait_for(condition: Callable[[], bool], limit_s: float = 10.0) -> None:
    """Poll until `condition` holds (a liveness bound, not a timing assertion)."""
    deadline = time.monotonic() + limit_s
    while not condition():
        assert time.monotonic() < deadline, "condition never became true"
        time.sleep(0.005)


def text_of(events: list[StreamEvent]) -> str:
    return "".join(e.text for e in events if isinstance(e, TextDelta))


def test_interrupt_mid_stream_continues_from_the_partial_code(server: FakeOpenAI) -> None:
    endpoint = Endpoint(server.base_url, "fake-coder-1", server.api_key, "custom")
    with ModelClient(endpoint) as client:
        server.script(Reply(text="```python\n" + EXAMPLE_GAME + "```\n"))  # ~3 s at 200/s
        stream = client.stream_chat(new_game_messages(DESCRIPTION))
        events: list[StreamEvent] = []
        errors: list[ModelError] = []

        def read() -> None:
            try:
                events.extend(stream)
            except ModelError as error:
                errors.append(error)

        reader = threading.Thread(target=read, daemon=True)
        reader.start()
        wait_for(lambda: text_of(list(events)).count("\n") >= 15 or not reader.is_alive())
        stream.cancel()
        reader.join(timeout=10)
        assert not reader.is_alive() and [e.kind for e in errors] == ["cancelled"]
        (first,) = server.wait_until_idle(10)
        assert first.disconnected_early

        partial = errors[0].partial_text
        plan = plan_continuation(DESCRIPTION, partial, INSTRUCTION, "prefix")
        assert plan.style == "prefix" and plan.prefix
        assert EXAMPLE_GAME.startswith(plan.prefix)
        assert partial.removeprefix("```python\n").startswith(plan.prefix)
        assert len(plan.prefix) < len(EXAMPLE_GAME)

        repeated = "".join(plan.prefix.splitlines(keepends=True)[-2:])
        server.set_speed(tokens_per_s=math.inf)
        server.script(Reply(text=repeated + EXAMPLE_GAME[len(plan.prefix) :] + "```\n"))
        reply = text_of(list(client.stream_chat(plan.messages, extra_body=plan.extra_body)))

    final = join_continuation(plan.prefix, reply)
    assert final == EXAMPLE_GAME
    sent = server.chat_requests[-1]
    assert sent.assistant_prefix == "```python\n" + plan.prefix
    assert sent.body["messages"][1]["content"] == BOTH
    assert 0 < regenerated_fraction(plan.prefix, final) < 1

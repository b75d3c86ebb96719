"""Code extraction from streamed replies: literal replies, chunking fuzz, linear cost."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from studio.pipeline.extract import (
    CodeComplete,
    CodeExtractor,
    CodeGrowing,
    CodeStarted,
    ExtractEvent,
    ExtractResult,
    extract_code,
    looks_like_python,
)

GAME = "import pygame\n\nx = 1\n\n\ndef update(dt):\n    pass\n"


def feed_in_chunks(reply: str, size: int) -> tuple[list[ExtractEvent], ExtractResult]:
    extractor = CodeExtractor()
    events: list[ExtractEvent] = []
    for start in range(0, len(reply), size):
        events += extractor.feed(reply[start : start + size])
    return events, extractor.finish()


def completed(events: list[ExtractEvent]) -> list[str]:
    return [e.code for e in events if isinstance(e, CodeComplete)]


# --- Which code -----------------------------------------------------------------------------


def test_prose_around_a_python_block_is_ignored() -> None:
    reply = f"Sure! Here is your game:\n\n```python\n{GAME}```\n\nHave fun, press R to restart.\n"
    assert extract_code(reply) == ExtractResult(GAME, False, "python", None)


def test_code_completes_the_moment_the_closing_fence_line_ends() -> None:
    extractor = CodeExtractor()
    assert extractor.feed("Here:\n```python\n") == [CodeStarted()]
    assert extractor.feed(GAME) == [CodeGrowing(GAME)]
    assert extractor.feed("```") == []  # could still become "````" or "``` x"
    assert extractor.feed("\n") == [CodeComplete(GAME)]
    assert extractor.feed("More prose, ```python\nignored\n```\n") == []
    assert extractor.finish().code == GAME


def test_opening_fence_variants_are_recognised() -> None:
    for fence, close, language in [
        ("```python", "```", "python"),
        ("```py", "```", "py"),
        ("```Python", "```", "python"),
        ("```", "```", None),
        ("~~~python", "~~~", "python"),
        ("````python", "````", "python"),
        ("```python   ", "```   ", "python"),
        ("```{python}", "```", "python"),
        ("```python title=game.py", "```", "python"),
        ("   ```python", "   ```", "python"),
    ]:
        result = extract_code(f"{fence}\n{GAME}{close}\nafter\n")
        assert result == ExtractResult(GAME, False, language, None), fence


def test_a_fence_inside_a_line_of_code_does_not_close_the_block() -> None:
    code = 'import pygame\nHELP = "use ``` for code"\nx = 1  # ```\n    ```not a fence\n'
    assert extract_code(f"```python\n{code}```\n").code == code


def test_a_closing_fence_needs_at_least_as_many_characters_of_the_same_kind() -> None:
    code = "import pygame\n```\n~~~~~\n"
    assert extract_code(f"````python\n{code}````\n").code == code
    assert extract_code("~~~python\nimport pygame\n```\n~~~\n").code == "import pygame\n```\n"


def test_a_fence_indented_four_spaces_is_code_not_a_fence() -> None:
    code = "import pygame\n    ```\n"
    assert extract_code(f"```python\n{code}```\n").code == code


def test_a_block_indented_like_its_fence_loses_that_indentation() -> None:
    reply = "1. Save this:\n  ```python\n  import pygame\n\n  if x:\n      y = 1\n  ```\n"
    assert extract_code(reply).code == "import pygame\n\nif x:\n    y = 1\n"


def test_a_block_not_indented_like_its_fence_keeps_its_python_indentation() -> None:
    assert extract_code(f"   ```python\n{GAME}   ```\n").code == GAME


def test_crlf_and_a_byte_order_mark_are_normalised() -> None:
    reply = "\ufeffHi\r\n```python\r\nimport pygame\r\nx = 1\r\n```\r\n"
    assert extract_code(reply).code == "import pygame\nx = 1\n"


def test_the_first_game_like_python_block_wins_over_snippets_and_other_languages() -> None:
    reply = (
        "Install it:\n```bash\npip install pygame\n```\n"
        "A helper:\n```python\ndef clamp(v):\n    return v\n```\n"
        f"The game:\n```python\n{GAME}```\n"
        "And another:\n```python\nimport pygame\n```\n"
    )
    assert extract_code(reply).code == GAME


def test_without_a_game_like_block_the_longest_python_block_wins() -> None:
    reply = (
        "```python\nx = 1\n```\ntext\n```python\nlonger = 22\n```\n```\nlongest_of_all = 333\n```\n"
    )
    assert extract_code(reply) == ExtractResult("longer = 22\n", False, "python", None)


def test_an_untagged_block_is_used_when_there_is_no_python_block() -> None:
    assert extract_code(f"```\n{GAME}```\n") == ExtractResult(GAME, False, None, None)


def test_a_block_tagged_as_another_language_is_used_only_if_it_holds_python() -> None:
    assert extract_code(f"```text\n{GAME}```\n").code == GAME
    assert extract_code(f"```bash\n{GAME}```\n") == ExtractResult(GAME, False, "bash", None)


def test_a_markdown_block_wrapping_the_python_block_is_unwrapped() -> None:
    reply = f"````markdown\n```python\n{GAME}```\n````\n"
    assert extract_code(reply) == ExtractResult(GAME, False, "python", None)


def test_unfenced_python_is_the_whole_reply_complete_only_at_finish() -> None:
    for reply in [
        f'"""Snake. Arrows steer."""\n{GAME}',
        GAME,
        "from random import randint\nimport pygame\n",
        "# Dodge game\nimport pygame\n",
        "WIDTH, HEIGHT = 640, 480\n",
        "def update(dt):\n    pass\n",
        "class Ball:\n    pass\n",
    ]:
        extractor = CodeExtractor()
        events = extractor.feed(reply)
        assert events == []
        assert extractor.finish() == ExtractResult(reply, False, None, None)


def test_unfenced_prose_is_not_code() -> None:
    assert not looks_like_python("Here is a game about snakes.\nimport pygame\n")
    assert not looks_like_python("# Snake\n\nA classic game.\n")
    assert extract_code("Here is a game about snakes.").code is None


# --- Truncated and missing code -------------------------------------------------------------


def test_an_unclosed_fence_gives_the_partial_code_marked_truncated() -> None:
    events, result = feed_in_chunks("Here:\n```python\nimport pygame\nx = ", 4)
    assert completed(events) == []
    assert result == ExtractResult("import pygame\nx = \n", True, "python", None)


def test_a_closing_fence_glued_to_the_last_line_still_closes_the_block() -> None:
    result = extract_code("```python\nimport pygame\nmain()```")
    assert result == ExtractResult("import pygame\nmain()\n", False, "python", None)


def test_a_closing_fence_as_the_very_last_line_without_newline() -> None:
    events, result = feed_in_chunks(f"```python\n{GAME}```", 1)
    assert result == ExtractResult(GAME, False, "python", None)


def test_reasons_when_there_is_no_code() -> None:
    cases = {
        "": "the reply was empty",
        "Hello! What kind of game would you like?": "the reply contained no code",
        "I can't help with that.": "the reply looks like a refusal: 'I can't help with that'",
        "I’m sorry, but I cannot write that game.": (
            "the reply looks like a refusal: 'I’m sorry, but I cannot write that game'"
        ),
        "<!DOCTYPE html>\n<html><body><h1>502 Bad Gateway</h1></body></html>": (
            "the reply contains HTML, not Python"
        ),
        "Here:\n```javascript\nconst x = 1;\n```\n": "the code block is in javascript, not Python",
        "```js\nlet x = 1;\n```": "the code block is in javascript, not Python",
        "```html\n<canvas></canvas>\n```": "the code block is in html, not Python",
        "```python\n```\n": "the code block was empty",
        "```python\n": "the reply ended before any code",
        "```\n<div>hi</div>\n```\n": "the code block does not look like Python",
    }
    for reply, reason in cases.items():
        result = extract_code(reply)
        assert (result.code, result.reason) == (None, reason), reply


def test_a_long_refusal_is_quoted_shortened() -> None:
    reason = extract_code("I cannot " + "really " * 30 + "do that.").reason
    assert reason is not None and reason.endswith("…'") and len(reason) < 130


def test_feed_after_finish_is_an_error() -> None:
    extractor = CodeExtractor()
    extractor.finish()
    try:
        extractor.feed("x")
    except RuntimeError:
        return
    raise AssertionError("feed() after finish() was accepted")


# --- Streaming behaviour --------------------------------------------------------------------


def test_a_fence_split_one_character_per_chunk() -> None:
    reply = f"Intro\r\n```python\r\n{GAME.replace(chr(10), chr(13) + chr(10))}```\r\nOutro"
    events, result = feed_in_chunks(reply, 1)
    assert completed(events) == [GAME]
    assert events[0] == CodeStarted()
    assert result.code == GAME


def test_at_most_one_growing_event_per_feed_and_bounded_in_total() -> None:
    lines = "".join(
        f"value_{i} = {i}  # some comment to make the line longer\n" for i in range(3000)
    )
    code = "import pygame\n" + lines
    extractor = CodeExtractor()
    shown = 0
    growing = 0
    for start in range(0, len(code), 7):
        events = extractor.feed(("```python\n" if start == 0 else "") + code[start : start + 7])
        grows = [e for e in events if isinstance(e, CodeGrowing)]
        assert len(grows) <= 1
        growing += len(grows)
        shown += sum(len(e.code_so_far) for e in grows)
    assert growing > 50  # a live view still gets frequent updates
    assert shown < 10 * len(code)  # geometric steps: linear, not quadratic, in total


def test_feeding_a_large_reply_one_character_at_a_time() -> None:
    long_line = "x = '" + "a" * 100_000 + "'\n"
    reply = "```python\nimport pygame\n" + long_line + "b = 1\n" * 10_000 + "```\n"
    extractor = CodeExtractor()
    complete: list[ExtractEvent] = []
    for char in reply:
        complete += [e for e in extractor.feed(char) if isinstance(e, CodeComplete)]
    assert completed(complete) == [reply[len("```python\n") : -len("```\n")]]


# --- Fuzz: chunk boundaries never change the answer -----------------------------------------

PROSE = st.sampled_from(
    [
        "Here is the game.",
        "Sure! Use ```python``` blocks, like `x`.",
        "",
        "Notes: press R.",
        "I can't help with that.",
        "<html><body>oops</body></html>",
        "  ``",
    ]
)
CODE_LINES = st.sampled_from(
    [
        "import pygame",
        "import random",
        "WIDTH, HEIGHT = 640, 480",
        "score = 0",
        "def update(dt):",
        "    global score",
        "def draw(screen):",
        '    s = "``` inside"',
        "    ```not closing",
        "",
        "x = 1  # ~~~",
        "    pass",
    ]
)
FENCES = st.sampled_from(  # (opening line, closing fence)
    [
        ("```python", "```"),
        ("```py", "```"),
        ("```", "```"),
        ("~~~python", "~~~"),
        ("````python", "````"),
        ("```bash", "```"),
        ("```json", "```"),
        ("  ```Python  ", " ```"),
    ]
)


@st.composite
def replies(draw: st.DrawFn) -> str:
    """Prose and fenced blocks in any order, sometimes unfenced code, sometimes unclosed."""
    parts: list[str] = []
    if draw(st.booleans()) and draw(st.booleans()):
        parts += draw(st.lists(CODE_LINES, min_size=1, max_size=8))
    else:
        for _ in range(draw(st.integers(0, 4))):
            parts += draw(st.lists(PROSE, max_size=2))
            opening, closing = draw(FENCES)
            parts.append(opening)
            parts += draw(st.lists(CODE_LINES, max_size=8))
            if draw(st.integers(0, 5)):  # now and then the reply ends inside the block
                parts.append(closing + draw(st.sampled_from(["", "  ", "`"])))
    newline = draw(st.sampled_from(["\n", "\r\n"]))
    text = newline.join(parts) + draw(st.sampled_from(["", newline]))
    return ("\ufeff" if draw(st.booleans()) else "") + text


def run(reply: str, cuts: list[int]) -> tuple[list[ExtractEvent], ExtractResult]:
    extractor = CodeExtractor()
    events: list[ExtractEvent] = []
    previous = 0
    for cut in [*sorted(cuts), len(reply)]:
        events += extractor.feed(reply[previous:cut])
        previous = cut
    return events, extractor.finish()


def without_growth(events: list[ExtractEvent]) -> list[ExtractEvent]:
    return [e for e in events if not isinstance(e, CodeGrowing)]


@settings(max_examples=400, deadline=None)
@given(st.data())
def test_chunk_boundaries_do_not_change_the_result(data: st.DataObject) -> None:
    reply = data.draw(replies())
    cuts = data.draw(st.lists(st.integers(0, len(reply)), max_size=12))
    whole_events, whole = run(reply, [])
    chunked_events, chunked = run(reply, cuts)
    assert chunked == whole
    assert without_growth(chunked_events) == without_growth(whole_events)
    assert all("\r" not in e.code_so_far for e in chunked_events if isinstance(e, CodeGrowing))


@settings(max_examples=200, deadline=None)
@given(st.data())
def test_one_character_per_chunk_matches_one_chunk(data: st.DataObject) -> None:
    reply = data.draw(replies())
    assert run(reply, list(range(len(reply))))[1] == run(reply, [])[1]

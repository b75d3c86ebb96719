"""Edit blocks: parsing literal replies, applying with tolerance, precise failures, speed."""

from __future__ import annotations

import time
from pathlib import Path

from hypothesis import assume, given
from hypothesis import strategies as st

from studio.pipeline.edits import (
    EditBlock,
    EditFailure,
    apply_edits,
    describe_failures,
    parse_edit_blocks,
)

SNAKE = Path(__file__).resolve().parents[2] / "assets" / "starters" / "snake.py"

CODE = """\
import pygame

SPEED = 3
COLOR = (60, 170, 80)

x = 0


def update(dt):
    global x
    x += SPEED * dt


def draw(screen):
    screen.fill((0, 0, 0))
    pygame.draw.rect(screen, COLOR, (x, 10, 20, 20))
"""


def block(search: str, replace: str) -> EditBlock:
    return EditBlock(search, replace, 1)


# --- Parsing ---------------------------------------------------------------------------------


def test_one_block() -> None:
    reply = "<<<<<<< SEARCH\nSPEED = 3\n=======\nSPEED = 5\n>>>>>>> REPLACE\n"
    parsed = parse_edit_blocks(reply)
    assert parsed.blocks == (EditBlock("SPEED = 3\n", "SPEED = 5\n", 1),)
    assert parsed.problems == ()


def test_several_blocks_keep_their_order_and_reply_lines() -> None:
    reply = (
        "<<<<<<< SEARCH\n"
        "SPEED = 3\n"
        "=======\n"
        "SPEED = 5\n"
        ">>>>>>> REPLACE\n"
        "\n"
        "<<<<<<< SEARCH\n"
        "def draw(screen):\n"
        "    screen.fill((0, 0, 0))\n"
        "=======\n"
        "def draw(screen):\n"
        "    screen.fill((0, 0, 40))\n"
        ">>>>>>> REPLACE\n"
    )
    parsed = parse_edit_blocks(reply)
    assert [b.start_line for b in parsed.blocks] == [1, 7]
    assert parsed.blocks[1].search == "def draw(screen):\n    screen.fill((0, 0, 0))\n"
    assert parsed.blocks[1].replace == "def draw(screen):\n    screen.fill((0, 0, 40))\n"


def test_fences_file_names_and_prose_around_blocks_are_ignored() -> None:
    reply = (
        "Sure! Here is the change.\n"
        "\n"
        "game.py\n"
        "```python\n"
        "<<<<<<< SEARCH\n"
        "COLOR = (60, 170, 80)\n"
        "=======\n"
        "COLOR = (60, 80, 230)\n"
        ">>>>>>> REPLACE\n"
        "```\n"
        "That makes it blue.\n"
    )
    parsed = parse_edit_blocks(reply)
    assert parsed.blocks == (EditBlock("COLOR = (60, 170, 80)\n", "COLOR = (60, 80, 230)\n", 5),)
    assert parsed.problems == ()


def test_crlf_reply() -> None:
    reply = "<<<<<<< SEARCH\r\nSPEED = 3\r\n=======\r\nSPEED = 5\r\n>>>>>>> REPLACE\r\n"
    parsed = parse_edit_blocks(reply)
    assert parsed.blocks == (EditBlock("SPEED = 3\n", "SPEED = 5\n", 1),)


def test_miscounted_markers_are_tolerated() -> None:
    six = "<<<<<< SEARCH\nSPEED = 3\n======\nSPEED = 5\n>>>>>> REPLACE\n"
    eight = "<<<<<<<< SEARCH\nSPEED = 3\n========\nSPEED = 5\n>>>>>>>> REPLACE\n"
    for reply in (six, eight):
        assert parse_edit_blocks(reply).blocks == (EditBlock("SPEED = 3\n", "SPEED = 5\n", 1),)


def test_four_brackets_are_not_a_marker() -> None:
    parsed = parse_edit_blocks("<<<< SEARCH\nSPEED = 3\n====\nSPEED = 5\n>>>> REPLACE\n")
    assert parsed.blocks == ()


def test_unterminated_block_names_its_number_and_reply_line() -> None:
    reply = (
        "<<<<<<< SEARCH\nSPEED = 3\n=======\nSPEED = 5\n>>>>>>> REPLACE\n"
        "\n"
        "<<<<<<< SEARCH\nx = 0\n=======\nx = 1\n"
    )
    parsed = parse_edit_blocks(reply)
    assert len(parsed.blocks) == 1
    assert parsed.problems == ("block 2 starting at reply line 7 has no `>>>>>>> REPLACE`",)


def test_unterminated_block_before_the_next_one() -> None:
    reply = (
        "<<<<<<< SEARCH\nSPEED = 3\n=======\nSPEED = 5\n"
        "<<<<<<< SEARCH\nx = 0\n=======\nx = 1\n>>>>>>> REPLACE\n"
    )
    parsed = parse_edit_blocks(reply)
    assert parsed.blocks == (EditBlock("x = 0\n", "x = 1\n", 5),)
    assert parsed.problems == (
        "block 1 starting at reply line 1 has no `>>>>>>> REPLACE` before reply line 5",
    )


def test_missing_divider() -> None:
    parsed = parse_edit_blocks("<<<<<<< SEARCH\nSPEED = 3\nSPEED = 5\n>>>>>>> REPLACE\n")
    assert parsed.blocks == ()
    assert parsed.problems == (
        "block 1 starting at reply line 1 has no `=======` before its REPLACE",
    )


def test_reply_ending_inside_search() -> None:
    parsed = parse_edit_blocks("Here:\n<<<<<<< SEARCH\nSPEED = 3\n")
    assert parsed.problems == (
        "block 1 starting at reply line 2 has no `=======` and no `>>>>>>> REPLACE`",
    )


def test_empty_search_is_a_problem() -> None:
    parsed = parse_edit_blocks("<<<<<<< SEARCH\n=======\nSPEED = 5\n>>>>>>> REPLACE\n")
    assert parsed.blocks == ()
    assert parsed.problems == ("block 1 has an empty SEARCH section: say which lines to change",)


def test_stray_replace_and_second_divider() -> None:
    reply = (
        ">>>>>>> REPLACE\n"
        "<<<<<<< SEARCH\nSPEED = 3\n=======\nSPEED = 5\n=======\nSPEED = 6\n>>>>>>> REPLACE\n"
    )
    assert parse_edit_blocks(reply).problems == (
        "reply line 1 has a `>>>>>>> REPLACE` with no block open",
        "block 1 starting at reply line 2 has a second `=======` at reply line 6",
    )


def test_empty_replace_is_a_deletion() -> None:
    parsed = parse_edit_blocks("<<<<<<< SEARCH\nx = 0\n=======\n>>>>>>> REPLACE\n")
    assert parsed.blocks == (EditBlock("x = 0\n", "", 1),)
    assert parsed.problems == ()


# --- Applying --------------------------------------------------------------------------------


def test_exact_match() -> None:
    outcome = apply_edits(CODE, [block("SPEED = 3\n", "SPEED = 5\n")])
    assert outcome.code == CODE.replace("SPEED = 3", "SPEED = 5")
    assert (outcome.applied, outcome.failures) == (1, ())


def test_trailing_whitespace_is_tolerated() -> None:
    outcome = apply_edits(CODE, [block("SPEED = 3   \nCOLOR = (60, 170, 80)\t\n", "SPEED = 5\n")])
    assert outcome.code == CODE.replace("SPEED = 3\nCOLOR = (60, 170, 80)\n", "SPEED = 5\n")


def test_indentation_shift_reindents_the_replace() -> None:
    search = "global x\nx += SPEED * dt\n"  # the model dropped the function's indent
    replace = "global x\nif x < 600:\n    x += SPEED * dt\n"
    outcome = apply_edits(CODE, [block(search, replace)])
    assert outcome.code == CODE.replace(
        "    global x\n    x += SPEED * dt\n",
        "    global x\n    if x < 600:\n        x += SPEED * dt\n",
    )


def test_extra_indentation_in_search_is_removed_from_the_replace() -> None:
    search = "    SPEED = 3\n    COLOR = (60, 170, 80)\n"
    replace = "    SPEED = 4\n    COLOR = (1, 2, 3)\n"
    outcome = apply_edits(CODE, [block(search, replace)])
    assert outcome.code == CODE.replace(
        "SPEED = 3\nCOLOR = (60, 170, 80)\n", "SPEED = 4\nCOLOR = (1, 2, 3)\n"
    )


def test_blank_line_differences_are_tolerated() -> None:
    search = "COLOR = (60, 170, 80)\nx = 0\n"  # the code has a blank line between them
    outcome = apply_edits(CODE, [block(search, "COLOR = (1, 2, 3)\nx = 0\n")])
    assert outcome.code == CODE.replace(
        "COLOR = (60, 170, 80)\n\nx = 0\n", "COLOR = (1, 2, 3)\nx = 0\n"
    )


def test_search_matching_twice_names_both_lines() -> None:
    code = "a = 1\nb = 2\n\nc = 3\nb = 2\n"
    outcome = apply_edits(code, [block("b = 2\n", "b = 4\n")])
    assert outcome.code is None
    assert outcome.failures == (
        EditFailure(
            1,
            "ambiguous",
            "block 1's SEARCH matches 2 places (lines 2 and 5): add a line or two of context",
        ),
    )


def test_ambiguity_is_not_resolved_by_a_looser_pass() -> None:
    outcome = apply_edits("x = 1\n    x = 1\n", [block("x = 1\n", "x = 2\n")])
    assert outcome.code == "x = 2\n    x = 1\n"  # one exact match wins over an indented one
    outcome = apply_edits("    x = 1\n  x = 1\n", [block("x = 1\n", "x = 2\n")])
    assert outcome.failures[0].kind == "ambiguous"


def test_no_match_names_the_closest_lines_and_the_first_differing_line() -> None:
    search = "def draw(screen):\n    screen.fill((0, 0, 0))\n    pygame.draw.rect(screen, COLOUR, (x, 10, 20, 20))\n"
    outcome = apply_edits(CODE, [block(search, "pass\n")])
    assert outcome.code is None
    (failure,) = outcome.failures
    assert failure.kind == "no_match"
    assert failure.message == (
        "block 1's SEARCH did not match; the closest lines in the code are lines 14–16:\n"
        "  14 | def draw(screen):\n"
        "  15 |     screen.fill((0, 0, 0))\n"
        "> 16 |     pygame.draw.rect(screen, COLOR, (x, 10, 20, 20))\n"
        "the first line that differs is SEARCH line 3, "
        "`    pygame.draw.rect(screen, COLOUR, (x, 10, 20, 20))`; "
        "the code has `    pygame.draw.rect(screen, COLOR, (x, 10, 20, 20))` (line 16)"
    )


def test_no_match_with_nothing_alike() -> None:
    outcome = apply_edits(CODE, [block("class Enemy:\n    pass\n", "")])
    assert outcome.failures[0].message == (
        "block 1's SEARCH did not match, and no lines in the code look like it; "
        "its first line is `class Enemy:`: copy the lines to change exactly"
    )


def test_failure_line_numbers_are_those_of_the_original_code() -> None:
    blocks = [
        block("import pygame\n", "import random\nimport pygame\nimport math\n"),  # +2 lines
        block("SPEED = 3\nCOLOR = (60, 170, 8)\n", "SPEED = 4\n"),
    ]
    outcome = apply_edits(CODE, blocks)
    assert outcome.applied == 1
    assert "the closest lines in the code are lines 3–4:" in outcome.failures[0].message
    assert "(line 4)" in outcome.failures[0].message


def test_all_or_nothing_reports_every_failure() -> None:
    blocks = [
        block("SPEED = 3\n", "SPEED = 5\n"),
        block("SPEED = 9\n", "SPEED = 1\n"),
        block("", "x = 1\n"),
    ]
    outcome = apply_edits(CODE, blocks)
    assert outcome.code is None
    assert outcome.applied == 1
    assert [(f.block, f.kind) for f in outcome.failures] == [(2, "no_match"), (3, "empty")]
    text = describe_failures(outcome.failures)
    assert text.startswith("2 edit blocks did not apply, so no block was applied:\n\n")
    assert "block 2's SEARCH did not match" in text
    assert "block 3 has an empty SEARCH section: say which lines to change" in text
    assert describe_failures(()) == ""


def test_deletion() -> None:
    outcome = apply_edits(CODE, [block("x = 0\n\n", "")])
    assert outcome.code == CODE.replace("x = 0\n\n", "")


def test_later_blocks_see_earlier_edits() -> None:
    blocks = [block("SPEED = 3\n", "SPEED = 5\n"), block("SPEED = 5\n", "SPEED = 7\n")]
    assert apply_edits(CODE, blocks).code == CODE.replace("SPEED = 3", "SPEED = 7")


def test_code_without_a_final_newline_keeps_its_shape() -> None:
    assert apply_edits("a = 1\nb = 2", [block("b = 2\n", "b = 3\n")]).code == "a = 1\nb = 3"


def test_blue_snake() -> None:
    code = SNAKE.read_text()
    line = "SNAKE_COLOR = (90, 220, 120)  # tune: color"
    assert code.count(line + "\n") == 1
    reply = (
        "```python\n"
        "<<<<<<< SEARCH\n"
        f"{line}\n"
        "=======\n"
        "SNAKE_COLOR = (60, 80, 230)  # tune: color\n"
        ">>>>>>> REPLACE\n"
        "```\n"
    )
    parsed = parse_edit_blocks(reply)
    outcome = apply_edits(code, parsed.blocks)
    assert parsed.problems == () and outcome.failures == ()
    assert outcome.code == code.replace(line, "SNAKE_COLOR = (60, 80, 230)  # tune: color")


# --- Properties and speed --------------------------------------------------------------------

LINE = st.text(alphabet="abcxyz =()+:_\t", max_size=12)


@given(
    lines=st.lists(LINE, min_size=1, max_size=40),
    data=st.data(),
    replacement=st.lists(LINE, max_size=6),
)
def test_a_unique_range_applies_exactly_as_a_splice(
    lines: list[str], data: st.DataObject, replacement: list[str]
) -> None:
    start = data.draw(st.integers(0, len(lines) - 1))
    end = data.draw(st.integers(start + 1, len(lines)))
    window = lines[start:end]
    assume(any(line.strip() for line in window))
    size = len(window)
    assume(sum(lines[i : i + size] == window for i in range(len(lines) - size + 1)) == 1)
    code = "".join(line + "\n" for line in lines)
    edit = block("".join(line + "\n" for line in window), "".join(r + "\n" for r in replacement))
    outcome = apply_edits(code, [edit])
    spliced = lines[:start] + replacement + lines[end:]
    assert outcome.code == "".join(line + "\n" for line in spliced)
    assert outcome.applied == 1


def test_three_exact_blocks_on_a_300_line_game_take_well_under_a_millisecond() -> None:
    game = SNAKE.read_text()
    game += "".join(f"extra_{n} = {n}\n" for n in range(300 - game.count("\n")))
    assert game.count("\n") == 300
    blocks = [
        block("SNAKE_COLOR = (90, 220, 120)  # tune: color\n", "SNAKE_COLOR = (60, 80, 230)\n"),
        block("SPEED = 9  # tune: speed\n", "SPEED = 12\n"),
        block("extra_90 = 90\nextra_91 = 91\n", "extra_90 = 0\n"),
    ]
    timings = []
    for _ in range(30):
        began = time.perf_counter()
        outcome = apply_edits(game, blocks)
        timings.append(time.perf_counter() - began)
    assert outcome.applied == 3
    assert min(timings) < 0.0005, f"fastest apply took {min(timings) * 1000:.2f} ms"


def test_a_hostile_reply_parses_in_linear_time() -> None:
    reply = ("<" * 9 + " " * 5000 + "SEARC\n" + "=" * 5000 + "\n") * 200
    began = time.perf_counter()
    parsed = parse_edit_blocks(reply)
    assert time.perf_counter() - began < 0.5
    assert parsed.blocks == ()


def test_a_blank_code_line_is_called_blank() -> None:
    outcome = apply_edits("a = 1\n\nb = 2\n", [block("a = 1\nc = 9\nb = 2\n", "")])
    assert outcome.failures[0].message.endswith(
        "the first line that differs is SEARCH line 2, `c = 9`; the code has a blank line (line 2)"
    )

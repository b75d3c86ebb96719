"""sandbox.text: what is stripped from a game's text before anyone shows or stores it."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sandbox.text import clean_game_text

FORBIDDEN = (
    {chr(c) for c in range(0x20) if chr(c) not in "\n\t"}
    | {"\x7f"}
    | {chr(c) for c in range(0x80, 0xA0)}
    | {chr(c) for c in range(0x202A, 0x202F)}
    | {chr(c) for c in range(0x2066, 0x206A)}
)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("\x1b]0;pwned\x07title", "]0;pwnedtitle"),  # OSC: set the window title
        ("\x1b]52;c;ZXZpbA==\x07", "]52;c;ZXZpbA=="),  # OSC 52: write the clipboard
        ("error\x1b[2K\r\x1b[1Aok: 600 frames", "error[2K[1Aok: 600 frames"),  # erase, fake an ok
        ("\x9b2J\x9d0;t\x9c", "2J0;t"),  # 8-bit CSI, OSC and ST
        ("abc\u202edcba\u202c", "abcdcba"),  # right-to-left override
        ("\u2066\u2067\u2068x\u2069\u202a\u202b\u202d", "x"),  # isolates and embeddings
        ("bell\x07 null\x00 del\x7f back\x08", "bell null del back"),
    ],
)
def test_control_characters_are_removed(raw: str, expected: str) -> None:
    assert clean_game_text(raw) == expected


def test_lines_tabs_and_every_script_are_kept() -> None:
    text = "Score:\t12\nGame over — press R\néàü 中文 العربية עברית 🐍 ∑"
    assert clean_game_text(text) == text


def test_one_line_mode_turns_breaks_into_spaces() -> None:
    assert clean_game_text("a\nb\r\nc\td\u2028e\u2029f", keep_newlines=False) == "a b c d e f"


@given(st.text(), st.booleans())
def test_nothing_forbidden_survives_and_cleaning_is_idempotent(
    text: str, keep_newlines: bool
) -> None:
    cleaned = clean_game_text(text, keep_newlines)
    assert not set(cleaned) & FORBIDDEN
    if not keep_newlines:
        assert not set(cleaned) & set("\n\t\u2028\u2029")
    assert clean_game_text(cleaned, keep_newlines) == cleaned
    assert len(cleaned) <= len(text)


@given(st.text(alphabet=st.characters(blacklist_characters=sorted(FORBIDDEN))))
def test_clean_text_is_left_alone(text: str) -> None:
    assert clean_game_text(text) == text

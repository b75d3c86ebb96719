"""Strips control characters from text a game wrote, before a terminal, a window or a file sees it.

A game's error messages, prints, captions and titles are the attacker's words. Written
raw to a terminal, escape sequences set its title, write the clipboard (OSC 52) or erase
lines to fake an "ok"; direction overrides make a window show text reversed. What is
removed: C0 controls except newline and tab, DEL, C1 controls (``\\x9b`` is a one-byte
CSI), and the bidi embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069).
"""

from __future__ import annotations

import re

_CONTROLS = "\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069"
_UNSAFE = re.compile(f"[{_CONTROLS}]+")
# Where one line is wanted, breaks and tabs become spaces (removing them would glue words).
_LINE_BREAKS = re.compile("[\n\t\u2028\u2029]")


def clean_game_text(text: str, keep_newlines: bool = True) -> str:
    """`text` without control characters; with `keep_newlines` False, also on one line.

    Idempotent, and the identity on text that holds nothing to remove.
    """
    cleaned = _UNSAFE.sub("", text)
    return cleaned if keep_newlines else _LINE_BREAKS.sub(" ", cleaned)

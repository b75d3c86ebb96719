"""Splitting reply text into token-like pieces (about 4 characters each), as a model streams."""

from __future__ import annotations

import re

# Up to 3 leading whitespace characters glued to up to 4 others, or a run of whitespace.
# Every character of the text falls in exactly one piece, so "".join(pieces) == text.
_PIECE = re.compile(r"\s{0,3}\S{1,4}|\s{1,4}")


def split_into_tokens(text: str) -> list[str]:
    """The pieces the fake server streams for `text`, one content chunk each."""
    return _PIECE.findall(text)


def count_tokens(text: str) -> int:
    """How many pieces `text` streams as; used for usage figures."""
    return len(split_into_tokens(text))

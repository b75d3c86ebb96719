"""A game's title: the first sentence of its module docstring (DESIGN section 3)."""

from __future__ import annotations

import ast

from sandbox.text import clean_game_text


def title_of(code: str, fallback: str = "") -> str:
    """The docstring's first line up to its first sentence end ("Snake. Arrows steer." → "Snake").

    The code is untrusted, so the title comes without control characters.
    """
    try:
        docstring = ast.get_docstring(ast.parse(code))
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        docstring = None
    if not docstring or not docstring.strip():
        return fallback
    first_line = clean_game_text(docstring.strip().splitlines()[0], keep_newlines=False).strip()
    title = first_line.split(". ", 1)[0].rstrip(".").strip()
    return title or fallback

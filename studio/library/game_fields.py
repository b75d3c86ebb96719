"""What a game stores, checked and normalised: titles, search text, thumbnails and GIFs."""

from __future__ import annotations

import unicodedata

from sandbox.text import clean_game_text


class LibraryError(Exception):
    """A library call the library cannot do (unknown id, empty title...); one-line message."""


TITLE_MAX = 100
"""Characters a title may have."""
FALLBACK_TITLE_LENGTH = 40
"""Characters of the prompt used as a title when the code's docstring has none."""
UNTITLED = "Untitled game"
MAX_THUMBNAIL_BYTES = 4 * 1024 * 1024
MAX_GIF_BYTES = 64 * 1024 * 1024
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
GIF_SIGNATURES = (b"GIF87a", b"GIF89a")


def check_media(data: bytes, kind: str) -> None:
    """LibraryError unless `data` looks like the image `kind` stores, within its size."""
    if kind == "thumbnail":
        ok, limit, what = bytes(data[:8]) == PNG_SIGNATURE, MAX_THUMBNAIL_BYTES, "a PNG image"
    else:
        ok, limit, what = bytes(data[:6]) in GIF_SIGNATURES, MAX_GIF_BYTES, "a GIF animation"
    if not ok:
        raise LibraryError(f"The {kind} is not {what}: capture it again.")
    if len(data) > limit:
        raise LibraryError(
            f"The {kind} is {len(data):,} bytes, over the {limit:,}-byte limit: make it smaller."
        )


def fold(text: str) -> str:
    """Text as search compares it: compatibility forms (full-width letters) and case folded."""
    return unicodedata.normalize("NFKC", text).casefold()


def fold_or_empty(text: object) -> str:
    return fold(text) if isinstance(text, str) else ""


def one_line(text: str) -> str:
    """Control characters and direction overrides dropped, whitespace runs made one space, stripped."""
    text = clean_game_text(text, keep_newlines=False)
    return " ".join("".join(" " if unicodedata.category(c) == "Cc" else c for c in text).split())


def clean_title(title: str) -> str:
    """A title from code, a prompt or a cartridge: one line, cut to TITLE_MAX."""
    return cut(one_line(title), TITLE_MAX)


def required_title(title: str, shorten: bool = False) -> str:
    """A title the user typed, as one line; LibraryError if nothing is left, or if it is
    too long and not to be `shorten`ed."""
    cleaned = one_line(title)
    if not cleaned:
        raise LibraryError("A game's title cannot be empty: type a name for it.")
    if shorten:
        return cut(cleaned, TITLE_MAX)
    if len(cleaned) > TITLE_MAX:
        raise LibraryError(f"A game's title can have at most {TITLE_MAX} characters: shorten it.")
    return cleaned


def fallback_title(prompt: str) -> str:
    """The prompt, shortened to FALLBACK_TITLE_LENGTH, or UNTITLED."""
    return cut(clean_title(prompt), FALLBACK_TITLE_LENGTH) or UNTITLED


def cut(text: str, length: int) -> str:
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"

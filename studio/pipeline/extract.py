"""Finds the game's code in a model reply while it streams in, so it can run the moment it closes.

`CodeExtractor` reads the reply line by line (a partial last line waits for its end), so
a fence split across chunks, CRLF line ends or a byte-order mark change nothing, and
feeding N characters costs O(N) however they are chunked. Fences follow CommonMark:
an opening fence is up to 3 spaces, then 3+ backticks or tildes and an optional
language (the block loses the fence's indent if all its lines have it); a closing fence is a line of only the same character, at least as many,
indented up to 3 spaces, so a "```" inside a line of code never closes a block.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# --- Events and result -------------------------------------------------------------------


@dataclass(frozen=True)
class CodeStarted:
    """An opening fence of a Python or untagged block was read: code follows."""


@dataclass(frozen=True)
class CodeGrowing:
    """The block being read so far (complete lines only), for a live code view."""

    code_so_far: str


@dataclass(frozen=True)
class CodeComplete:
    """The chosen block's closing fence arrived: the code can go to the runner now."""

    code: str


ExtractEvent = CodeStarted | CodeGrowing | CodeComplete


@dataclass(frozen=True)
class ExtractResult:
    """The code found in a whole reply, or `reason`: one line saying why there is none.

    `truncated` means the reply ended inside the code block (the code is partial);
    `language` is the fence's language tag in lower case (None: untagged or unfenced).
    """

    code: str | None
    truncated: bool
    language: str | None
    reason: str | None


def extract_code(reply: str) -> ExtractResult:
    """The code in a complete reply (the same answer a streamed extraction gives)."""
    extractor = CodeExtractor()
    extractor.feed(reply)
    return extractor.finish()


# --- Fences --------------------------------------------------------------------------------

PYTHON, UNTAGGED, OTHER = 0, 1, 2  # block tiers, most preferred first

_PYTHON_TAGS = frozenset({"python", "py", "python3", "py3", "pygame"})
_UNTAGGED_TAGS = frozenset({"text", "txt", "plain", "plaintext", "code", "source"})
_LANGUAGE_NAMES = {
    "js": "javascript",
    "ts": "typescript",
    "sh": "shell",
    "md": "markdown",
    "htm": "html",
}
_MARKDOWN_TAGS = frozenset({"markdown", "md"})

_OPENING_FENCE = re.compile(r"( {0,3})(`{3,}|~{3,})(.*)")


@dataclass(frozen=True)
class _Fence:
    """An opening fence: what closes it, how far its content is indented, its language."""

    char: str
    size: int
    indent: int
    language: str | None

    @property
    def tier(self) -> int:
        return _tier(self.language)


@dataclass(frozen=True)
class _Block:
    """A fenced block read so far; `closed` is False when the reply ended inside it."""

    language: str | None
    tier: int
    code: str
    closed: bool


def _language_of(info: str) -> str | None:
    """`python`, from info strings such as "Python", "{python}", "language-python title=x"."""
    words = info.split()
    if not words:
        return None
    word = words[0].strip("{}.,:;").lower().removeprefix("language-")
    return _LANGUAGE_NAMES.get(word, word) or None


def _tier(language: str | None) -> int:
    if language is None or language in _UNTAGGED_TAGS:
        return UNTAGGED
    if language in _PYTHON_TAGS or language.endswith(".py"):
        return PYTHON
    return OTHER


def _opening_fence(line: str) -> _Fence | None:
    match = _OPENING_FENCE.fullmatch(line)
    if match is None:
        return None
    indent, fence, info = match.groups()
    if fence[0] == "`" and "`" in info:  # "```x```" is inline code, not a fence
        return None
    return _Fence(fence[0], len(fence), len(indent), _language_of(info))


def _is_closing_fence(line: str, fence: _Fence) -> bool:
    body = line.rstrip(" \t")
    stripped = body.lstrip(" ")
    return (
        len(body) - len(stripped) <= 3
        and len(stripped) >= fence.size
        and stripped == fence.char * len(stripped)
    )


def _unindent(lines: list[str], indent: int) -> str:
    """A block indented like its fence (inside a list item) loses that indentation.

    Only when every non-blank line has it: stripping part of a Python indent would
    change the program, so a block that is not indented as a whole is kept as is.
    """
    prefix = " " * indent
    if indent == 0 or not all(line.startswith(prefix) or not line.strip() for line in lines):
        return "".join(lines)
    return "".join(line[indent:] if line.strip() else "\n" for line in lines)


# --- What a text looks like ---------------------------------------------------------------

_PYTHON_START = re.compile(
    r"""(?x)
    \"\"\" | ''' | \# | @[A-Za-z_] | if\s+__name__
    | (?:import|from)\s+[A-Za-z_]
    | (?:async\s+)?def\s+[A-Za-z_] | class\s+[A-Za-z_]
    | [A-Za-z_]\w*(?:\.\w+|\[[^\]\n]*\])*(?:\s*,\s*[A-Za-z_]\w*)*\s*(?::[^=\n]+)?[-+*/|&]?=(?!=)
    """
)
_GAME_CODE = re.compile(
    r"^[ \t]*(?:import[ \t]+(?:[\w.]+[ \t]*,[ \t]*)*pygame\b|from[ \t]+pygame\b|def[ \t]+(?:update|draw)[ \t]*\()",
    re.MULTILINE,
)
_REFUSAL = re.compile(
    r"""(?ix)\b(?:
    I\s*(?:'|’)?\s*m\s+sorry | I\s+am\s+sorry | sorry,
    | I\s+(?:can(?:'|’)?t|cannot|can\s+not|won(?:'|’)t|will\s+not|am\s+unable|am\s+not\s+able)
    | I\s*(?:'|’)\s*m\s+(?:unable|not\s+able) | as\s+an\s+AI
    )"""
)
_HTML_STARTS = ("<!doctype", "<html", "<head", "<body", "<?xml")
_MAX_QUOTE = 80


def looks_like_python(text: str) -> bool:
    """True when the first non-blank line starts a Python statement.

    A first line starting with "#" could be a Markdown heading, so then some later
    line must be code that is not a comment.
    """
    lines = (line.strip() for line in text.split("\n"))
    significant = [line for line in lines if line]
    if not significant or not _PYTHON_START.match(significant[0]):
        return False
    if not significant[0].startswith("#"):
        return True
    return any(not line.startswith("#") and _PYTHON_START.match(line) for line in significant[1:])


def is_game_code(code: str) -> bool:
    """Python that imports pygame or defines `update`/`draw`: the game, not a snippet."""
    return _GAME_CODE.search(code) is not None


def _looks_like_html(text: str) -> bool:
    lowered = text.lstrip().lower()
    return lowered.startswith(_HTML_STARTS) or ("<html" in lowered and "</" in lowered)


def _refusal_quote(text: str) -> str | None:
    """The reply's first sentence when it reads as a refusal."""
    head = text.strip()[:400]
    if not _REFUSAL.search(head):
        return None
    sentence = re.split(r"[.!?\n]", head, maxsplit=1)[0].strip()
    if len(sentence) > _MAX_QUOTE:
        sentence = sentence[: _MAX_QUOTE - 1].rstrip() + "…"
    return sentence


# --- The extractor -------------------------------------------------------------------------


class CodeExtractor:
    """Feed a reply's text as it streams; events say when code starts, grows and completes.

    Which block is the game: the first Python or untagged block that imports pygame or
    defines `update`/`draw`, reported by `CodeComplete` the moment it closes. Otherwise
    `finish()` decides: the game-like or else the longest Python block, then untagged,
    then (if its content is Python) a block tagged as another language; with no fence
    at all, the whole reply when it looks like Python.
    """

    def __init__(self) -> None:
        self._started = False  # a byte-order mark is dropped only at the very start
        self._pending_cr = False  # a chunk ended in "\r": the next may start with "\n"
        self._line_parts: list[str] = []  # the last line, still without its end
        self._reply_parts: list[str] = []  # the normalised reply, for unfenced replies
        self._saw_fence = False
        self._fence: _Fence | None = None  # the block being read, if any
        self._block_lines: list[str] = []
        self._block_chars = 0
        self._shown_chars = 0  # size of the code in the last CodeGrowing
        self._blocks: list[_Block] = []  # closed blocks that were not chosen at once
        self._chosen: _Block | None = None
        self._result: ExtractResult | None = None

    def feed(self, text: str) -> list[ExtractEvent]:
        """Read the next piece of the reply; returns what happened, in order."""
        if self._result is not None:
            raise RuntimeError("feed() after finish()")
        text = self._normalise(text)
        if not text or self._chosen is not None:
            return []
        self._reply_parts.append(text)
        pieces = text.split("\n")
        if len(pieces) == 1:
            self._line_parts.append(text)
            return []
        events: list[ExtractEvent] = []
        self._line_parts.append(pieces[0])
        self._read_line("".join(self._line_parts), events)
        for line in pieces[1:-1]:
            if self._chosen is not None:
                break
            self._read_line(line, events)
        self._line_parts = [pieces[-1]] if pieces[-1] else []
        if self._should_show_growth():
            self._shown_chars = self._block_chars
            events.append(CodeGrowing("".join(self._block_lines)))
        return events

    def code_closing_now(self) -> str | None:
        """The block's code if the unfinished last line is already its closing fence.

        Models often end a reply with the closing fence and no newline; waiting for
        finish() would make the runner wait for the finish and usage chunks too. Changes
        nothing: the block closes for real when the line ends (or at finish()).
        """
        fence, tail = self._fence, "".join(self._line_parts)
        if self._chosen is not None or fence is None or fence.tier == OTHER or not tail:
            return None
        if not _is_closing_fence(tail, fence):
            return None
        code = self._current_block(closed=True).code
        return code if is_game_code(code) else None

    def finish(self) -> ExtractResult:
        """The reply ended: the code found, or why there is none. Safe to call twice."""
        if self._result is None:
            tail = "".join(self._line_parts)
            if tail and self._chosen is None:
                self._read_line(tail, [])  # its CodeComplete, if any, is in the result
            self._line_parts = []
            self._result = self._decide()
        return self._result

    # -- reading ---------------------------------------------------------------------------

    def _normalise(self, text: str) -> str:
        if not self._started and text:
            self._started = True
            text = text.removeprefix("\ufeff")
        if self._pending_cr:
            text = "\r" + text
            self._pending_cr = False
        if text.endswith("\r"):
            text = text[:-1]
            self._pending_cr = True
        return text.replace("\r\n", "\n").replace("\r", "\n")

    def _read_line(self, line: str, events: list[ExtractEvent]) -> None:
        fence = self._fence
        if fence is None:
            opening = _opening_fence(line)
            if opening is not None:
                self._open_block(opening, events)
        elif _is_closing_fence(line, fence):
            self._close_block(events)
        else:
            content = line + "\n"
            self._block_lines.append(content)
            self._block_chars += len(content)

    def _open_block(self, fence: _Fence, events: list[ExtractEvent]) -> None:
        self._saw_fence = True
        self._fence = fence
        self._block_lines = []
        self._block_chars = self._shown_chars = 0
        if fence.tier != OTHER:
            events.append(CodeStarted())

    def _close_block(self, events: list[ExtractEvent]) -> None:
        block = self._current_block(closed=True)
        self._fence = None
        self._block_lines = []
        self._block_chars = self._shown_chars = 0
        if block.tier != OTHER and is_game_code(block.code):
            self._chosen = block
            events.append(CodeComplete(block.code))
        else:
            self._blocks.append(block)

    def _current_block(self, closed: bool) -> _Block:
        assert self._fence is not None
        code = _unindent(self._block_lines, self._fence.indent)
        return _Block(self._fence.language, self._fence.tier, code, closed)

    def _should_show_growth(self) -> bool:
        """Linear in total: after the first lines, show again only when the code grew by 1/8."""
        if self._chosen is not None or self._fence is None or self._fence.tier == OTHER:
            return False
        grown = self._block_chars - self._shown_chars
        return grown > 0 and grown >= self._shown_chars // 8

    # -- deciding ----------------------------------------------------------------------------

    def _decide(self) -> ExtractResult:
        if self._chosen is not None:
            return ExtractResult(self._chosen.code, False, self._chosen.language, None)
        blocks = [_unwrap_markdown(block) for block in self._blocks]
        open_block = self._unfinished_block()
        if open_block is not None:
            blocks.append(open_block)
        picked = _pick_block(blocks)
        if picked is not None:
            return ExtractResult(picked.code, not picked.closed, picked.language, None)
        reply = "".join(self._reply_parts)
        if not self._saw_fence and looks_like_python(reply):
            return ExtractResult(reply.strip("\n").rstrip() + "\n", False, None, None)
        reason, language = _why_no_code(reply, blocks)
        return ExtractResult(None, open_block is not None, language, reason)

    def _unfinished_block(self) -> _Block | None:
        """The block the reply ended in; a fence glued to its last line still closes it."""
        if self._fence is None:
            return None
        block = self._current_block(closed=False)
        fence = self._fence.char * self._fence.size
        body = block.code.rstrip()
        if body.endswith(fence) and not body.endswith(fence + self._fence.char):
            return _Block(block.language, block.tier, body[: -len(fence)].rstrip() + "\n", True)
        return block


def _unwrap_markdown(block: _Block) -> _Block:
    """A ````markdown block wrapping the real ```python block: use the inner block."""
    if block.language not in _MARKDOWN_TAGS:
        return block
    inner = extract_code(block.code)
    if inner.code is None:
        return block
    closed = block.closed and not inner.truncated
    return _Block(inner.language, _tier(inner.language), inner.code, closed)


def _pick_block(blocks: list[_Block]) -> _Block | None:
    """Python blocks first, then untagged, then other tags with Python inside."""
    for tier in (PYTHON, UNTAGGED, OTHER):
        group = [b for b in blocks if b.tier == tier and _is_usable(b)]
        if group:
            games = [b for b in group if is_game_code(b.code)]
            return games[0] if games else max(group, key=lambda b: len(b.code))
    return None


def _is_usable(block: _Block) -> bool:
    if not block.code.strip():
        return False
    return block.tier == PYTHON or looks_like_python(block.code)


def _why_no_code(reply: str, blocks: list[_Block]) -> tuple[str, str | None]:
    """One line for the user and the model, and the language that was found instead."""
    if not reply.strip():
        return "the reply was empty", None
    others = [b for b in blocks if b.tier == OTHER and b.code.strip()]
    if others:
        language = others[0].language
        return f"the code block is in {language}, not Python", language
    if blocks and not any(b.code.strip() for b in blocks):
        unfinished = any(not b.closed for b in blocks)
        return (
            "the reply ended before any code" if unfinished else "the code block was empty"
        ), None
    if blocks:
        return "the code block does not look like Python", None
    if _looks_like_html(reply):
        return "the reply contains HTML, not Python", "html"
    quote = _refusal_quote(reply)
    if quote is not None:
        return f"the reply looks like a refusal: '{quote}'", None
    return "the reply contained no code", None

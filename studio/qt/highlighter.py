"""PythonHighlighter: colours Python source in a QTextDocument, one block (line) at a time."""

from __future__ import annotations

import builtins
import keyword
import re
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtGui import QColor, QFont, QSyntaxHighlighter, QTextCharFormat, QTextDocument

# Block states: what the end of a line leaves open for the next one.
NORMAL = 0
IN_SINGLE_TRIPLE = 1  # inside '''...
IN_DOUBLE_TRIPLE = 2  # inside """...
_DELIMITER_OF_STATE = {IN_SINGLE_TRIPLE: "'''", IN_DOUBLE_TRIPLE: '"""'}
_STATE_OF_DELIMITER = {delimiter: state for state, delimiter in _DELIMITER_OF_STATE.items()}

KEYWORDS = frozenset(keyword.kwlist)
"""Hard keywords only: soft ones (match, case, type, _) are ordinary names far more often."""

BUILTINS = frozenset(name for name in dir(builtins) if not name.startswith("_")) - KEYWORDS

# One left-to-right scan per line: whichever token starts first wins, so a `#` inside a
# string stays string and a keyword inside a comment stays comment.
_TOKEN = re.compile(
    r"""
    (?P<comment>\#.*)
    | (?P<triple>(?:[rRbBuUfF]{1,2})?(?:'''|\"\"\"))
    | (?P<string>(?:[rRbBuUfF]{1,2})?(?:'(?:[^'\\]|\\.)*'?|"(?:[^"\\]|\\.)*"?))
    | (?P<number>(?<![\w.])
        (?:0[xX][0-9a-fA-F_]+|0[bB][01_]+|0[oO][0-7_]+
          |(?:\d[\d_]*(?:\.[\d_]*)?|\.\d[\d_]*)(?:[eE][+-]?\d[\d_]*)?[jJ]?))
    | (?P<name>[^\W\d]\w*)
    """,
    re.VERBOSE,
)
_DECORATOR = re.compile(r"\s*(@[^\W\d][\w.]*)")


@dataclass(frozen=True)
class Theme:
    """Colours for a dark background (close to VS Code's Dark+, which most people know)."""

    keyword: str = "#569cd6"
    builtin: str = "#4ec9b0"
    string: str = "#ce9178"
    number: str = "#b5cea8"
    comment: str = "#6a9955"
    decorator: str = "#dcdcaa"
    function_name: str = "#dcdcaa"
    class_name: str = "#4ec9b0"
    self_name: str = "#9cdcfe"


DARK_THEME = Theme()


def _char_format(color: str, *, bold: bool = False, italic: bool = False) -> QTextCharFormat:
    text_format = QTextCharFormat()
    text_format.setForeground(QColor(color))
    if bold:
        text_format.setFontWeight(QFont.Weight.Bold)
    text_format.setFontItalic(italic)
    return text_format


def _utf16_converter(text: str) -> Callable[[int], int]:
    """Maps a Python index in `text` to Qt's UTF-16 index (they differ after an emoji)."""
    if text.isascii() or max(text) <= "\uffff":
        return lambda index: index
    offsets = [0]
    for character in text:
        offsets.append(offsets[-1] + (2 if ord(character) > 0xFFFF else 1))
    return offsets.__getitem__


def _closing_quote(text: str, delimiter: str, start: int) -> int:
    """Index just past the unescaped `delimiter` at or after `start`, or -1 if none."""
    position = text.find(delimiter, start)
    while position != -1:
        backslashes = 0
        while position - backslashes - 1 >= start and text[position - backslashes - 1] == "\\":
            backslashes += 1
        if backslashes % 2 == 0:
            return position + len(delimiter)
        position = text.find(delimiter, position + 1)
    return -1


class PythonHighlighter(QSyntaxHighlighter):
    """Keywords, builtins, strings (triple-quoted ones across lines), numbers, comments,
    decorators and the names after def/class.

    Qt calls `highlightBlock` only for lines that changed, and for the following lines
    only while the state they start in changes, so appending at the end of a long
    document re-colours just the last line or two.
    """

    def __init__(self, document: QTextDocument | None = None, theme: Theme = DARK_THEME) -> None:
        super().__init__(document)
        self._keyword = _char_format(theme.keyword, bold=True)
        self._builtin = _char_format(theme.builtin)
        self._string = _char_format(theme.string)
        self._number = _char_format(theme.number)
        self._comment = _char_format(theme.comment, italic=True)
        self._decorator = _char_format(theme.decorator)
        self._function_name = _char_format(theme.function_name, bold=True)
        self._class_name = _char_format(theme.class_name, bold=True)
        self._self_name = _char_format(theme.self_name, italic=True)

    def highlightBlock(self, text: str) -> None:
        utf16 = _utf16_converter(text)

        def paint(start: int, end: int, text_format: QTextCharFormat) -> None:
            self.setFormat(utf16(start), utf16(end) - utf16(start), text_format)

        self.setCurrentBlockState(NORMAL)
        position = 0
        open_delimiter = _DELIMITER_OF_STATE.get(self.previousBlockState())
        if open_delimiter is not None:
            position = self._continue_string(text, open_delimiter, 0, paint)
            if position < 0:
                return
        elif decorator := _DECORATOR.match(text):
            paint(decorator.start(1), decorator.end(1), self._decorator)
            position = decorator.end()

        defining: str | None = None  # "def" or "class" just seen: the next name is defined
        while (token := _TOKEN.search(text, position)) is not None:
            kind, start, end = token.lastgroup, token.start(), token.end()
            position = end
            if kind == "triple":
                position = self._continue_string(text, token.group()[-3:], start, paint, end)
                if position < 0:
                    return
            elif kind == "string":
                paint(start, end, self._string)
            elif kind == "comment":
                paint(start, end, self._comment)
                return
            elif kind == "number":
                paint(start, end, self._number)
            else:
                defining = self._paint_name(token.group(), start, end, text, defining, paint)

    def _continue_string(
        self,
        text: str,
        delimiter: str,
        start: int,
        paint: Callable[[int, int, QTextCharFormat], None],
        search_from: int | None = None,
    ) -> int:
        """Colour a triple-quoted string from `start`; where it ends, or -1 if it runs on."""
        end = _closing_quote(text, delimiter, start if search_from is None else search_from)
        if end < 0:
            paint(start, len(text), self._string)
            self.setCurrentBlockState(_STATE_OF_DELIMITER[delimiter])
            return -1
        paint(start, end, self._string)
        return end

    def _paint_name(
        self,
        name: str,
        start: int,
        end: int,
        text: str,
        defining: str | None,
        paint: Callable[[int, int, QTextCharFormat], None],
    ) -> str | None:
        """Colour one identifier; returns "def"/"class" when the next name is being defined."""
        if defining is not None:
            paint(start, end, self._class_name if defining == "class" else self._function_name)
            return None
        if name in KEYWORDS:
            paint(start, end, self._keyword)
            return name if name in ("def", "class") else None
        if start > 0 and text[start - 1] == ".":
            return None  # an attribute such as math.pow is not the builtin pow
        if name in BUILTINS:
            paint(start, end, self._builtin)
        elif name in ("self", "cls"):
            paint(start, end, self._self_name)
        return None

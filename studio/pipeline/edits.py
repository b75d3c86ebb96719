"""Aider-style edit blocks: read them from a tweak reply, then apply them to the game's code.

A reply holds any number of blocks, with prose, fences and file names around them ignored:

    <<<<<<< SEARCH
    lines copied from the current code
    =======
    what those lines become
    >>>>>>> REPLACE

`parse_edit_blocks` only reads the reply; `apply_edits` only changes code. Applying is
all-or-nothing, and each failure says precisely which lines did not match and which lines
of the code come closest, so one request to the model can put it right.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Literal

# Models miscount the angle brackets, so 5 to 9 of them are accepted.
_SEARCH = re.compile(r"[ \t]*<{5,9}[ \t]*SEARCH[ \t]*")
_DIVIDER = re.compile(r"[ \t]*={5,9}[ \t]*")
_REPLACE = re.compile(r"[ \t]*>{5,9}[ \t]*REPLACE[ \t]*")

CLOSEST_MIN_RATIO = 0.5  # below this, pointing at "the closest lines" would mislead
MAX_QUOTE = 100  # characters of one line quoted in a message


@dataclass(frozen=True)
class EditBlock:
    """One SEARCH/REPLACE pair; `start_line` is its `<<<<<<< SEARCH` line in the reply."""

    search: str
    replace: str
    start_line: int


@dataclass(frozen=True)
class EditParse:
    """The well-formed blocks of a reply, and one line per malformed one."""

    blocks: tuple[EditBlock, ...]
    problems: tuple[str, ...]


@dataclass(frozen=True)
class EditFailure:
    """A block that could not be applied; `block` is its 1-based position among the blocks."""

    block: int
    kind: Literal["empty", "ambiguous", "no_match"]
    message: str


@dataclass(frozen=True)
class EditOutcome:
    """The edited code, or None with every failure when any block did not apply."""

    code: str | None
    applied: int
    failures: tuple[EditFailure, ...]


# --- Parsing ---------------------------------------------------------------------------------


def parse_edit_blocks(reply: str) -> EditParse:
    """The edit blocks in a model's reply, and a precise line for each one that is malformed."""
    blocks: list[EditBlock] = []
    problems: list[str] = []
    number = start = 0  # broken blocks count too: the model numbers what it wrote
    section: Literal["search", "replace", "skip"] | None = None
    search: list[str] = []
    replace: list[str] = []
    for index, line in enumerate(_split_lines(reply), start=1):
        if _SEARCH.fullmatch(line):
            if section in ("search", "replace"):
                problems.append(_unfinished(number, start, section, f" before reply line {index}"))
            number, start, section, search, replace = number + 1, index, "search", [], []
        elif _REPLACE.fullmatch(line):
            if section == "search":
                problems.append(f"{_block_at(number, start)} has no `=======` before its REPLACE")
            elif section == "replace":
                if any(text.strip() for text in search):
                    blocks.append(EditBlock(_join(search), _join(replace), start))
                else:
                    problems.append(_empty_search(number))
            elif section is None:
                problems.append(f"reply line {index} has a `>>>>>>> REPLACE` with no block open")
            section = None
        elif section == "search":
            if _DIVIDER.fullmatch(line):
                section = "replace"
            else:
                search.append(line)
        elif section == "replace":
            if _DIVIDER.fullmatch(line):
                problems.append(
                    f"{_block_at(number, start)} has a second `=======` at reply line {index}"
                )
                section = "skip"
            else:
                replace.append(line)
    if section in ("search", "replace"):
        problems.append(_unfinished(number, start, section, ""))
    return EditParse(tuple(blocks), tuple(problems))


def _block_at(number: int, start: int) -> str:
    return f"block {number} starting at reply line {start}"


def _unfinished(number: int, start: int, section: str, where: str) -> str:
    missing = "`=======` and no `>>>>>>> REPLACE`" if section == "search" else "`>>>>>>> REPLACE`"
    return f"{_block_at(number, start)} has no {missing}{where}"


def _empty_search(number: int) -> str:
    return f"block {number} has an empty SEARCH section: say which lines to change"


def _split_lines(text: str) -> list[str]:
    """Lines without their ends (CRLF or CR alike); a final line end adds no empty line."""
    if not text:
        return []
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if lines[-1] == "":
        lines.pop()
    return lines


def _join(lines: Sequence[str]) -> str:
    return "".join(line + "\n" for line in lines)


# --- Finding where a block goes -----------------------------------------------------------


@dataclass(frozen=True)
class _Shift:
    """A uniform indentation difference: the code has `add` more, or `remove` less."""

    add: str = ""
    remove: str = ""


@dataclass(frozen=True)
class _Match:
    """Code lines [start, end) become `lines`."""

    start: int
    end: int
    lines: tuple[str, ...]


def _exact_matches(code: list[str], search: list[str], replace: list[str]) -> list[_Match]:
    size, first = len(search), search[0]
    return [
        _Match(i, i + size, tuple(replace))
        for i in range(len(code) - size + 1)
        if code[i] == first and code[i : i + size] == search
    ]


def _shifted_matches(code: list[str], search: list[str], replace: list[str]) -> list[_Match]:
    """Matches ignoring trailing whitespace and a uniform difference in indentation."""
    size, first = len(search), search[0].strip()
    matches = []
    for i in range(len(code) - size + 1):
        if code[i].strip() != first:
            continue
        shift = _indent_shift(code[i : i + size], search)
        if shift is not None:
            matches.append(_Match(i, i + size, _reindent(replace, shift)))
    return matches


def _blank_tolerant_matches(code: list[str], search: list[str], replace: list[str]) -> list[_Match]:
    """Matches on the non-blank lines alone, so extra or missing blank lines do not matter."""
    wanted = [line for line in search if line.strip()]
    kept = [i for i, line in enumerate(code) if line.strip()]
    kept_lines = [code[i] for i in kept]
    replacement = _trim_blank_edges(replace, search)
    size = len(wanted)
    matches = []
    for k in range(len(kept) - size + 1):
        shift = _indent_shift(kept_lines[k : k + size], wanted)
        if shift is not None:
            matches.append(_Match(kept[k], kept[k + size - 1] + 1, _reindent(replacement, shift)))
    return matches


_MATCHERS = (_exact_matches, _shifted_matches, _blank_tolerant_matches)


def _indent_shift(code: Sequence[str], search: Sequence[str]) -> _Shift | None:
    """The one indentation change that turns `search` into `code`, if there is one."""
    shift: _Shift | None = None
    for code_line, search_line in zip(code, search, strict=True):
        have, want = code_line.rstrip(), search_line.rstrip()
        if not have or not want:
            if have or want:
                return None
            continue
        body = have.lstrip()
        if body != want.lstrip():
            return None
        this = _shift_between(want[: len(want) - len(body)], have[: len(have) - len(body)])
        if this is None or (shift is not None and this != shift):
            return None
        shift = this
    return shift or _Shift()


def _shift_between(search_indent: str, code_indent: str) -> _Shift | None:
    if code_indent.endswith(search_indent):
        return _Shift(add=code_indent[: len(code_indent) - len(search_indent)])
    if search_indent.endswith(code_indent):
        return _Shift(remove=search_indent[: len(search_indent) - len(code_indent)])
    return None


def _reindent(lines: Sequence[str], shift: _Shift) -> tuple[str, ...]:
    if not shift.add and not shift.remove:
        return tuple(lines)
    return tuple(_reindent_line(line, shift) for line in lines)


def _reindent_line(line: str, shift: _Shift) -> str:
    if not line.strip():
        return line
    if shift.add:
        return shift.add + line
    return line.removeprefix(shift.remove) if line.startswith(shift.remove) else line.lstrip()


def _trim_blank_edges(replace: list[str], search: list[str]) -> list[str]:
    """Drop the blank lines the REPLACE only repeats from the SEARCH's ends."""
    lead = _count_blank(search)
    trail = _count_blank(reversed(search))
    start = min(lead, _count_blank(replace))
    end = len(replace) - min(trail, _count_blank(reversed(replace)))
    return replace[start : max(start, end)]


def _count_blank(lines: Iterable[str]) -> int:
    count = 0
    for line in lines:
        if line.strip():
            break
        count += 1
    return count


# --- Applying ------------------------------------------------------------------------------


def apply_edits(code: str, blocks: Iterable[EditBlock]) -> EditOutcome:
    """Apply the blocks in order, or none of them: each SEARCH must match exactly one place.

    A SEARCH is tried exactly, then ignoring trailing whitespace and a uniform indentation
    difference (the REPLACE is re-indented to suit), then ignoring blank lines as well.
    Failures name lines by their number in `code`, even after earlier blocks moved them.
    """
    lines = _split_lines(code)
    origins: list[int | None] = list(range(1, len(lines) + 1))  # None: an earlier block wrote it
    failures: list[EditFailure] = []
    applied = 0
    for number, block in enumerate(blocks, start=1):
        search, replace = _split_lines(block.search), _split_lines(block.replace)
        if not any(line.strip() for line in search):
            failures.append(EditFailure(number, "empty", _empty_search(number)))
            continue
        matches = _find(lines, search, replace)
        if len(matches) == 1:
            match = matches[0]
            lines[match.start : match.end] = match.lines
            origins[match.start : match.end] = [None] * len(match.lines)
            applied += 1
        elif matches:
            failures.append(_ambiguous(number, [m.start for m in matches], origins))
        else:
            failures.append(_no_match(number, search, lines, origins))
    if failures:
        return EditOutcome(None, applied, tuple(failures))
    ends_with_newline = code.endswith(("\n", "\r")) and bool(lines)
    return EditOutcome("\n".join(lines) + ("\n" if ends_with_newline else ""), applied, ())


def _find(code: list[str], search: list[str], replace: list[str]) -> list[_Match]:
    for matcher in _MATCHERS:
        matches = matcher(code, search, replace)
        if matches:
            return matches
    return []


def describe_failures(failures: Iterable[EditFailure]) -> str:
    """What went wrong with the edit blocks, for the model and the user; empty if nothing."""
    messages = [failure.message for failure in failures]
    if not messages:
        return ""
    count = "1 edit block" if len(messages) == 1 else f"{len(messages)} edit blocks"
    head = f"{count} did not apply, so no block was applied:"
    return "\n\n".join([head, *messages])


# --- Failure messages ----------------------------------------------------------------------


def _place(origins: Sequence[int | None], index: int) -> str:
    origin = origins[index]
    return str(origin) if origin is not None else "in new lines an earlier block wrote"


def _ambiguous(number: int, starts: list[int], origins: Sequence[int | None]) -> EditFailure:
    places = [_place(origins, start) for start in starts]
    listed = ", ".join(places[:-1]) + " and " + places[-1]
    message = (
        f"block {number}'s SEARCH matches {len(starts)} places (lines {listed}): "
        "add a line or two of context"
    )
    return EditFailure(number, "ambiguous", message)


def _no_match(
    number: int, search: list[str], code: list[str], origins: Sequence[int | None]
) -> EditFailure:
    start, ratio = _closest_window(code, search)
    if not code or ratio < CLOSEST_MIN_RATIO:
        message = (
            f"block {number}'s SEARCH did not match, and no lines in the code look like it; "
            f"its first line is `{_quote(_first_text(search))}`: copy the lines to change exactly"
        )
        return EditFailure(number, "no_match", message)
    window = code[start : start + len(search)]
    differ = _first_difference(window, search)
    numbers = [origins[start + i] for i in range(len(window))]
    known = [n for n in numbers if n is not None]
    span = f"lines {known[0]}–{known[-1]}" if known else "new lines an earlier block wrote"
    if len(known) == 1:
        span = f"line {known[0]}"
    width = len(str(max(known, default=0)))
    excerpt = "\n".join(
        f"{'>' if i == differ else ' '} {_label(n, width)} | {line}".rstrip()
        for i, (n, line) in enumerate(zip(numbers, window, strict=True))
    )
    message = (
        f"block {number}'s SEARCH did not match; the closest lines in the code are {span}:\n"
        f"{excerpt}\n{_difference_note(differ, window, search, numbers)}"
    )
    return EditFailure(number, "no_match", message)


def _label(number: int | None, width: int) -> str:
    return f"{number if number is not None else '+':>{width}}"


def _closest_window(code: list[str], search: list[str]) -> tuple[int, float]:
    """The start of the code window most like the SEARCH (difflib ratio), and that ratio."""
    matcher = SequenceMatcher(autojunk=False)
    matcher.set_seq2("\n".join(search))  # the sequence SequenceMatcher caches
    size = len(search)
    best_start, best_ratio = 0, -1.0
    for start in range(max(1, len(code) - size + 1)):
        matcher.set_seq1("\n".join(code[start : start + size]))
        if matcher.real_quick_ratio() <= best_ratio or matcher.quick_ratio() <= best_ratio:
            continue
        ratio = matcher.ratio()
        if ratio > best_ratio:
            best_start, best_ratio = start, ratio
    return best_start, best_ratio


def _first_difference(window: list[str], search: list[str]) -> int:
    """Index of the first SEARCH line that differs from the window's (text first, then indent)."""
    for same in (lambda a, b: a.strip() == b.strip(), lambda a, b: a.rstrip() == b.rstrip()):
        for i, (have, want) in enumerate(zip(window, search, strict=False)):
            if not same(have, want):
                return i
    return min(len(window), len(search))


def _difference_note(
    differ: int, window: list[str], search: list[str], numbers: list[int | None]
) -> str:
    if differ >= len(search):
        return "the code ends before the SEARCH's last lines"
    wanted = f"the first line that differs is SEARCH line {differ + 1}, `{_quote(search[differ])}`"
    if differ >= len(window):
        return f"{wanted}; the code ends before it"
    where = numbers[differ]
    at = f" (line {where})" if where is not None else ""
    if window[differ].strip() == search[differ].strip():
        return f"{wanted}; the code indents it differently{at}"
    have = f"`{_quote(window[differ])}`" if window[differ].strip() else "a blank line"
    return f"{wanted}; the code has {have}{at}"


def _first_text(lines: list[str]) -> str:
    return next(line for line in lines if line.strip())


def _quote(line: str) -> str:
    text = line.rstrip()
    return text if len(text) <= MAX_QUOTE else text[: MAX_QUOTE - 1] + "…"

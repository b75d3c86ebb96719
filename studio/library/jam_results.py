"""Jam results: entries ranked by their votes, and the table exported as Markdown or CSV.

An entry's score for fun, theme and look is the mean of its voters' stars; its overall
score is the mean of those three means. Entries are ranked best first; equal overall
scores (compared exactly, as fractions) share a rank, as in 1, 2, 2, 4. Entries nobody
voted for come last, unranked. Titles and author names are strangers' text: the exports
escape them (Markdown) and defuse spreadsheet formulas (CSV).
"""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # jams.py imports this module for JamStore.results
    from studio.library.jams import Entry, Jam, Vote

COLUMNS = ("rank", "title", "author", "fun", "theme", "look", "overall", "voters")
"""The CSV header, also the Markdown table's columns."""

NO_SCORE = "–"
"""What the Markdown table shows for an entry without votes."""

_MARKDOWN_SPECIALS = "\\`*_[]<>|#!~"
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class EntryResult:
    """One entry's place in the results; scores are None (and rank None) without votes."""

    entry: Entry
    voters: int
    fun: float | None
    theme: float | None
    look: float | None
    overall: float | None
    rank: int | None


def rank_entries(entries: Iterable[Entry], votes: Iterable[Vote]) -> list[EntryResult]:
    """The entries with their scores, best first, ties sharing a rank, unvoted ones last."""
    stars: dict[int, list[Vote]] = defaultdict(list)
    for vote in votes:
        stars[vote.entry_id].append(vote)
    scored: list[tuple[Fraction, Entry, tuple[Fraction, Fraction, Fraction]]] = []
    unvoted: list[Entry] = []
    for entry in entries:
        cast = stars.get(entry.id, [])
        if not cast:
            unvoted.append(entry)
            continue
        means = (
            Fraction(sum(v.fun for v in cast), len(cast)),
            Fraction(sum(v.theme for v in cast), len(cast)),
            Fraction(sum(v.look for v in cast), len(cast)),
        )
        scored.append((sum(means, Fraction(0)) / 3, entry, means))
    scored.sort(key=lambda item: (-item[0], item[1].title.casefold(), item[1].id))
    results: list[EntryResult] = []
    rank, previous = 0, None
    for position, (overall, entry, (fun, theme, look)) in enumerate(scored, start=1):
        if overall != previous:
            rank, previous = position, overall
        results.append(
            EntryResult(
                entry,
                len(stars[entry.id]),
                float(fun),
                float(theme),
                float(look),
                float(overall),
                rank,
            )
        )
    results.extend(EntryResult(entry, 0, None, None, None, None, None) for entry in unvoted)
    return results


def results_markdown(jam: Jam, results: Sequence[EntryResult]) -> str:
    """The results as a Markdown page: the jam's name, its theme and the ranked table."""
    lines = [
        f"# {_markdown_text(jam.name)}: results",
        "",
        f"Theme: **{_markdown_text(jam.theme)}** · {len(results)} "
        f"{'entry' if len(results) == 1 else 'entries'}",
        "",
        "| Rank | Title | Author | Fun | Theme | Look | Overall | Voters |",
        "| ---: | --- | --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for result in results:
        cells = [
            str(result.rank) if result.rank is not None else NO_SCORE,
            _markdown_text(result.entry.title),
            _markdown_text(result.entry.author),
            *(_score(value, 2) or NO_SCORE for value in _scores(result)),
            str(result.voters),
        ]
        lines.append("| " + " | ".join(cells) + " |")
    if not results:
        lines.append("| " + " | ".join([NO_SCORE] * len(COLUMNS)) + " |")
    return "\n".join(lines) + "\n"


def results_csv(jam: Jam, results: Sequence[EntryResult]) -> str:
    """The results as CSV text (header row, then one row per entry, best first; empty
    cells for an entry without votes). Write it as UTF-8; text cells that a spreadsheet
    would run as a formula start with a quote. The jam is not repeated in the rows."""
    out = io.StringIO(newline="")
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    for result in results:
        writer.writerow(
            [
                result.rank if result.rank is not None else "",
                _spreadsheet_text(result.entry.title),
                _spreadsheet_text(result.entry.author),
                *(_score(value, 3) for value in _scores(result)),
                result.voters,
            ]
        )
    return out.getvalue()


def _scores(result: EntryResult) -> tuple[float | None, ...]:
    return (result.fun, result.theme, result.look, result.overall)


def _score(value: float | None, decimals: int) -> str:
    return "" if value is None else f"{value:.{decimals}f}"


def _markdown_text(text: str) -> str:
    """Text shown literally in Markdown (one line; no markup, links, HTML or table breaks)."""
    flat = " ".join(text.split())
    return "".join("\\" + c if c in _MARKDOWN_SPECIALS else c for c in flat)


def _spreadsheet_text(text: str) -> str:
    """Text a spreadsheet shows as text, never evaluates (OWASP CSV injection advice)."""
    return "'" + text if text.startswith(_FORMULA_STARTS) else text

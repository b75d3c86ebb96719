"""The Markdown report of `studio eval --report`: summary, one row per prompt, a thumbnail grid.

Thumbnails are PNG files next to the report, in `<report stem>_files/NN.png`, linked
relatively so the folder can be moved or committed as it is.
"""

from __future__ import annotations

import html
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from studio.pipeline.eval_results import EvalSummary, PromptResult

GRID_COLUMNS = 4
GRID_IMAGE_WIDTH = 192


@dataclass(frozen=True)
class WrittenReport:
    """What was written: the Markdown file and the pictures beside it."""

    path: Path
    images: tuple[Path, ...]


def write_report(
    path: Path, results: Sequence[PromptResult], summary: EvalSummary
) -> WrittenReport:
    """Write the report and its pictures; raises OSError."""
    folder = path.parent / f"{path.stem}_files"
    width = max(2, len(str(summary.prompts)))
    images: dict[int, str] = {}
    written: list[Path] = []
    pictured = [r for r in results if r.thumbnail_png]
    if pictured:
        folder.mkdir(exist_ok=True)
    for result in pictured:
        assert result.thumbnail_png is not None
        image = folder / f"{result.index + 1:0{width}d}.png"
        image.write_bytes(result.thumbnail_png)
        written.append(image)
        images[result.index] = f"{quote(folder.name)}/{image.name}"
    path.write_text(report_markdown(results, summary, images), encoding="utf-8")
    return WrittenReport(path, tuple(written))


def report_markdown(
    results: Sequence[PromptResult], summary: EvalSummary, images: dict[int, str]
) -> str:
    """The report's text; `images` maps a result's index to its picture's relative link."""
    parts = [
        "# Minigame Studio eval\n",
        _heading_line(summary) + "\n",
        "## Summary\n",
        _summary_table(summary),
        "## Prompts\n",
        _prompt_table(results),
    ]
    if results:
        parts += ["## Thumbnails\n", _grid(results, images)]
    return "\n".join(parts)


def _heading_line(summary: EvalSummary) -> str:
    source = (
        "the offline starter kit"
        if summary.offline
        else f"`{_code(summary.model)}` at `{_code(summary.endpoint or '')}`"
    )
    finished = (
        f"{summary.finished} of {summary.prompts} prompts"
        if summary.interrupted
        else f"{summary.prompts} prompt{'s' * (summary.prompts != 1)}"
    )
    stopped = " (stopped by the user)" if summary.interrupted else ""
    when = time.strftime("%Y-%m-%d %H:%M", time.localtime())
    return f"{finished} made by {source}, {summary.jobs} at a time, on {when}{stopped}; {_duration(summary.wall_s)} in all."


def _summary_table(summary: EvalSummary) -> str:
    count = summary.finished
    rows = [
        ("ok", f"{summary.ok} of {count} ({percent(summary.ok_rate)})"),
        ("compiled", percent(summary.compiled_rate)),
        ("ran without error", percent(summary.ran_rate)),
        ("not blank", percent(summary.not_blank_rate)),
        ("responds to input", percent(summary.responds_rate)),
        ("repairs", str(summary.repairs)),
        ("median time to first token", milliseconds(summary.median_ttft_ms)),
        ("median tokens/s", per_second(summary.median_tokens_per_s)),
        ("median ready (last token → first frame)", milliseconds(summary.median_ready_ms)),
        (
            "median time to playable (request → first frame)",
            milliseconds(summary.median_time_to_playable_ms),
        ),
        (
            "statuses",
            ", ".join(f"{name} {n}" for name, n in sorted(summary.statuses.items())) or "–",
        ),
    ]
    lines = ["| measure | value |", "|---|---:|"]
    lines += [f"| {name} | {_cell(value)} |" for name, value in rows]
    return "\n".join(lines) + "\n"


def _prompt_table(results: Sequence[PromptResult]) -> str:
    lines = [
        "| # | prompt | status | game | first token | tokens/s | ready | playable | repairs |",
        "|---:|---|---|---|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        status = (
            r.status
            if r.status in ("ok", "no code") or r.status.startswith("model error")
            else f"{r.status}: {r.message}"
        )
        lines.append(
            f"| {r.index + 1} | {_cell(r.prompt)} | {_cell(status)} | {_cell(r.title or '–')} | "
            f"{milliseconds(r.ttft_ms)} | {per_second(r.tokens_per_s if r.tokens else None)} | "
            f"{milliseconds(r.ready_ms)} | {milliseconds(r.time_to_playable_ms)} | {r.repairs} |"
        )
    return "\n".join(lines) + "\n"


def _grid(results: Sequence[PromptResult], images: dict[int, str]) -> str:
    """An HTML table, GRID_COLUMNS pictures a row, each with its title and status under it."""
    lines = ["<table>"]
    for start in range(0, len(results), GRID_COLUMNS):
        lines.append("<tr>")
        for r in results[start : start + GRID_COLUMNS]:
            label = html.escape(f"{r.index + 1}. {r.title or r.prompt}")
            status = html.escape(r.status if len(r.status) <= 40 else r.status[:39] + "…")
            link = images.get(r.index)
            picture = (
                f'<img src="{html.escape(link)}" width="{GRID_IMAGE_WIDTH}" alt="{label}">'
                if link
                else "<em>no picture</em>"
            )
            lines.append(f'<td align="center">{picture}<br>{label}<br><code>{status}</code></td>')
        lines.append("</tr>")
    lines.append("</table>")
    return "\n".join(lines) + "\n"


def percent(rate: float) -> str:
    """0.875 → "87.5 %"."""
    return f"{rate * 100:.1f} %".replace(".0 %", " %")


def milliseconds(value: float | None) -> str:
    """A duration for people: "412 ms", "3.2 s", or "–" when unknown."""
    if value is None:
        return "–"
    return f"{value:,.0f} ms" if value < 10_000 else f"{value / 1000:,.1f} s"


def per_second(value: float | None) -> str:
    """Tokens a second, or "–"."""
    return "–" if value is None else f"{value:,.0f}"


def _duration(seconds: float) -> str:
    minutes, rest = divmod(round(seconds), 60)
    return f"{minutes} min {rest} s" if minutes else f"{seconds:.1f} s"


def _cell(text: str) -> str:
    """Text safe inside a Markdown table cell: no pipes, no markup, one line."""
    return html.escape(" ".join(text.split()), quote=False).replace("|", "\\|")


def _code(text: str) -> str:
    return text.replace("`", "'")

"""`studio eval`: make and check every prompt of a suite, show it as it goes, print the measurement.

The work is `studio.pipeline.evaluate.EvalRun`; this module reads the arguments, shows a
table that fills in with a progress bar (stderr is a terminal) or one plain line per
prompt (it is not), and prints the summary, the JSON object or the report.
"""

from __future__ import annotations

import json
import os
import sys
import time
import unicodedata
from pathlib import Path
from typing import Protocol

from sandbox.runner_process import RunnerSettings
from studio.json_output import print_json
from studio.pipeline.eval_report import milliseconds, per_second, percent, write_report
from studio.pipeline.eval_results import EvalSummary, PromptResult, summarize
from studio.pipeline.eval_suite import SuiteError, default_suite, read_suite
from studio.pipeline.evaluate import MAX_JOBS, EvalRun, EvalSettings, LiveJob, SharedModel
from studio.settings import ModelChoice, Paths

POLL_S = 0.2
BAR_CELLS = 20
ERASE_LINE = "\r\x1b[2K"


def run_eval(
    suite: Path | None,
    choice: ModelChoice,
    jobs: int,
    as_json: bool,
    report: Path | None,
    note: str | None = None,
) -> int:
    """Run the suite; 0 when it ran (whatever the games did), 1 when it could not, 130 on Ctrl+C.

    `note` (e.g. why the eval runs offline) is printed once the suite and report are known good.
    """
    paths = Paths()
    try:
        prompts = read_suite(suite if suite is not None else default_suite(paths))
    except SuiteError as error:
        print(f"studio: {error}", file=sys.stderr)
        return 1
    if report is not None and not report.parent.is_dir():
        print(
            f"studio: cannot write the report: the folder {report.parent} does not exist",
            file=sys.stderr,
        )
        return 1
    if note:
        print(f"studio: {note}", file=sys.stderr)
    if jobs > MAX_JOBS and not as_json:
        print(
            f"studio: running {MAX_JOBS} prompts at a time, the most --jobs allows "
            "(one client keeps at most that many connections)",
            file=sys.stderr,
        )
    shared = SharedModel(choice)
    settings = EvalSettings(
        RunnerSettings(assets_dir=paths.asset_pack), jobs=jobs, thumbnails=report is not None
    )
    run = EvalRun(prompts, shared.new_source, settings)
    display = _display(as_json, len(prompts))
    interrupted = False
    try:
        interrupted = _drive(run, display)
    finally:
        run.close()
        shared.close()
        display.done()
    if run.fatal:
        print(f"studio: {run.fatal}", file=sys.stderr)
        return 1
    summary = summarize(
        run.results(),
        len(prompts),
        run.wall_s,
        run.served_by or shared.model,
        shared.endpoint,
        shared.offline,
        run.jobs,
        interrupted,
    )
    wrote_report = _print_outcome(run.results(), summary, as_json, report)
    return 130 if interrupted else 0 if wrote_report else 1


def _print_outcome(
    results: tuple[PromptResult, ...], summary: EvalSummary, as_json: bool, report: Path | None
) -> bool:
    """Write the report (if asked), print the JSON object or the summary; False if the report failed."""
    written = None
    if report is not None:
        try:
            written = write_report(report, results, summary)
        except OSError as error:
            reason = error.strerror or error
            print(f"studio: cannot write the report {report}: {reason}", file=sys.stderr)
    if as_json:
        print_json({"results": [r.to_json() for r in results], "summary": summary.to_json()})
    else:
        print(describe_summary(summary))
        if written is not None:
            print(f"report: {written.path} ({len(written.images)} thumbnails)")
    return report is None or written is not None


def _drive(run: EvalRun, display: Display) -> bool:
    """Run to the end, showing results as they come; True if the user stopped it."""
    run.start()
    try:
        while not run.done:
            for result in run.wait(POLL_S):
                display.add(result)
            display.progress(run)
    except KeyboardInterrupt:
        display.stopping(run)
        run.stop()
        for result in run.wait(0):
            display.add(result)
        return True
    return False


# --- what the user sees while it runs ---------------------------------------------------------


class Display(Protocol):
    def add(self, result: PromptResult) -> None: ...
    def progress(self, run: EvalRun) -> None: ...
    def stopping(self, run: EvalRun) -> None: ...
    def done(self) -> None: ...


def _display(as_json: bool, total: int) -> Display:
    if sys.stderr.isatty():
        return LiveTable(total)
    return _Quiet() if as_json else PlainLines(total)


class _Quiet:
    """--json with no terminal: only the JSON object, at the end."""

    def add(self, result: PromptResult) -> None:
        pass

    def progress(self, run: EvalRun) -> None:
        pass

    def stopping(self, run: EvalRun) -> None:
        pass

    def done(self) -> None:
        pass


class PlainLines(_Quiet):
    """Not a terminal: one line on stdout per finished prompt."""

    def __init__(self, total: int) -> None:
        self.total = total

    def add(self, result: PromptResult) -> None:
        print(plain_line(result, self.total), flush=True)


class LiveTable:
    """A terminal (stderr): one table row per finished prompt, a progress bar redrawn below."""

    def __init__(self, total: int) -> None:
        self.total = total
        self.finished = 0
        self.ok = 0
        self.started_at = time.monotonic()
        self._write(f"{_table_header(_columns())}\n")

    def add(self, result: PromptResult) -> None:
        self.finished += 1
        self.ok += result.status == "ok"
        self._write(f"{ERASE_LINE}{table_row(result, _columns())}\n")

    def progress(self, run: EvalRun) -> None:
        self._write(ERASE_LINE + _fit(self._bar(run.live()), _columns() - 1, pad=False))

    def stopping(self, run: EvalRun) -> None:
        waiting = len(run.live())
        self._write(
            f"{ERASE_LINE}stopping: cancelling {waiting} prompt{'s' * (waiting != 1)} in flight…"
        )

    def done(self) -> None:
        self._write(ERASE_LINE)

    def _bar(self, live: tuple[LiveJob, ...]) -> str:
        filled = self.finished * BAR_CELLS // max(1, self.total)
        elapsed = int(time.monotonic() - self.started_at)
        running = ", ".join(f"#{job.index + 1} {_phase(job)}" for job in live)
        return (
            f"[{'█' * filled}{'░' * (BAR_CELLS - filled)}] {self.finished}/{self.total}  ok {self.ok}  "
            f"{elapsed // 60}:{elapsed % 60:02d}" + (f"  {running}" if running else "")
        )

    @staticmethod
    def _write(text: str) -> None:
        sys.stderr.write(text)
        sys.stderr.flush()


def _phase(job: LiveJob) -> str:
    if job.phase == "streaming":
        return f"{job.tokens:,} tok {job.tokens_per_s:,.0f}/s"
    return {
        "waiting": "waiting",
        "checking": "checking",
        "repairing": "repairing",
        "picture": "thumbnail",
    }.get(job.phase, job.phase)


def _columns() -> int:
    try:
        columns = os.get_terminal_size(sys.stderr.fileno()).columns
    except OSError:
        columns = 0
    return max(60, columns or 100)  # a pseudo-terminal may report 0


# --- lines and rows ---------------------------------------------------------------------------

_FIXED = "{:>3}  {:<11} {:>8} {:>7} {:>7} {:>8} {:>3}  "


def _table_header(columns: int) -> str:
    fixed = _FIXED.format("#", "status", "1st tok", "tok/s", "ready", "playable", "rep")
    return fixed + _fit("game · prompt", columns - _width(fixed) - 1, pad=False)


def table_row(result: PromptResult, columns: int) -> str:
    """One row of the live table, fitted to `columns` cells."""
    status = "model error" if result.status.startswith("model error") else result.status
    fixed = _FIXED.format(
        result.index + 1,
        _fit(status, 11, pad=False),
        milliseconds(result.ttft_ms),
        per_second(result.tokens_per_s if result.tokens else None),
        milliseconds(result.ready_ms),
        milliseconds(result.time_to_playable_ms),
        result.repairs,
    )
    what = f"{result.title} · {result.prompt}" if result.title else result.prompt
    return fixed + _fit(" ".join(what.split()), columns - _width(fixed) - 1, pad=False)


def plain_line(result: PromptResult, total: int) -> str:
    """One line per finished prompt when the output is not a terminal."""
    head = f"[{result.index + 1}/{total}] {result.status}"
    if result.status not in ("ok", "no code") and not result.status.startswith("model error"):
        head += f" ({result.message})"
    game = f" → {result.title}" if result.title else ""
    times = [
        f"first token {milliseconds(result.ttft_ms)}" if result.ttft_ms is not None else "",
        f"{result.tokens_per_s:,.0f} tokens/s" if result.tokens else "",
        f"ready {milliseconds(result.ready_ms)}" if result.ready_ms is not None else "",
        f"playable {milliseconds(result.time_to_playable_ms)}"
        if result.time_to_playable_ms is not None
        else "",
        f"{result.repairs} repair{'s' * (result.repairs != 1)}" if result.repairs else "",
    ]
    shown = ", ".join(t for t in times if t)
    return f"{head}: {json.dumps(result.prompt, ensure_ascii=False)}{game}" + (
        f" ({shown})" if shown else ""
    )


def describe_summary(summary: EvalSummary) -> str:
    """The summary for people: what ran where, the funnel, the medians."""
    source = (
        "the offline starter kit" if summary.offline else f"{summary.model} at {summary.endpoint}"
    )
    done = (
        f"{summary.finished} of {summary.prompts} prompts (stopped)"
        if summary.interrupted
        else f"{summary.prompts} prompt{'s' * (summary.prompts != 1)}"
    )
    minutes, seconds = divmod(round(summary.wall_s), 60)
    wall = f"{minutes} min {seconds} s" if minutes else f"{summary.wall_s:.1f} s"
    return (
        f"{done} with {source}, {summary.jobs} at a time: {summary.ok} ok ({percent(summary.ok_rate)}); "
        f"compiled {percent(summary.compiled_rate)}, ran {percent(summary.ran_rate)}, "
        f"not blank {percent(summary.not_blank_rate)}, responds to input {percent(summary.responds_rate)}; "
        f"{summary.repairs} repair{'s' * (summary.repairs != 1)}\n"
        f"medians: first token {milliseconds(summary.median_ttft_ms)}, "
        f"{per_second(summary.median_tokens_per_s)} tokens/s, ready {milliseconds(summary.median_ready_ms)}, "
        f"playable {milliseconds(summary.median_time_to_playable_ms)}; {wall} in all"
    )


def _width(text: str) -> int:
    """Terminal cells: East Asian wide characters take two."""
    return sum(
        2 if unicodedata.east_asian_width(c) in "WF" else 0 if unicodedata.combining(c) else 1
        for c in text
    )


def _fit(text: str, cells: int, pad: bool = True) -> str:
    """`text` cut (with …) to at most `cells` terminal cells, padded with spaces if asked."""
    if _width(text) > cells:
        kept, used = [], 0
        for char in text:
            size = _width(char)
            if used + size > cells - 1:
                break
            kept.append(char)
            used += size
        text = "".join(kept) + "…"
    return text + " " * (cells - _width(text)) if pad else text

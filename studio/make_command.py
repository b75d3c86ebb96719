"""`studio make "PROMPT"`: make a game headless, write it to a file, report how it went."""

from __future__ import annotations

import re
import sys
import time
from pathlib import Path

from sandbox.runner_process import RunnerSettings
from studio.files import free_path
from studio.json_output import print_json
from studio.library.store import VersionStore
from studio.pipeline.make import MakeProgress, MakeResult, ReplySource, make_game
from studio.pipeline.sources import model_choice, reply_source_for  # noqa: F401 - re-exported for the CLI
from studio.settings import ModelChoice, Paths

PROGRESS_INTERVAL_S = 0.1


def default_file_name(title: str, folder: Path) -> Path:
    """A free file name in `folder` derived from the game's title (never an existing file)."""
    stem = re.sub(r"[^\w]+", "_", title.lower(), flags=re.UNICODE).strip("_")[:40] or "game"
    return free_path(folder, stem, ".py")


class ProgressLine:
    """A live one-line progress report on stderr (tokens, tokens/s), at most 10 times a second."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled and sys.stderr.isatty()
        self._shown_at = 0.0

    def __call__(self, progress: MakeProgress) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if progress.phase == "streaming" and now - self._shown_at < PROGRESS_INTERVAL_S:
            return
        self._shown_at = now
        text = {
            "waiting": "waiting for the model…",
            "streaming": f"streaming: {progress.tokens} tokens, {progress.tokens_per_s:,.0f} tokens/s",
            "checking": f"checking the game ({progress.tokens} tokens)…",
            "repairing": "the game failed its check: asking the model for one repair…",
        }.get(progress.phase, progress.phase)
        sys.stderr.write(f"\r\x1b[2K{text}")
        sys.stderr.flush()

    def done(self) -> None:
        if self.enabled:
            sys.stderr.write("\r\x1b[2K")
            sys.stderr.flush()


def run_make(
    description: str, source: ReplySource, choice: ModelChoice, output: Path | None, force: bool, as_json: bool
) -> int:
    """Make the game, write it, print the report; the exit status is 0 only for "ok"."""
    paths = Paths()
    store = VersionStore(paths.library_file())
    progress = ProgressLine(enabled=not as_json)
    try:
        result = make_game(description, source, RunnerSettings(assets_dir=paths.asset_pack), store, progress)
    finally:
        progress.done()
        store.close()
    written, write_problem = _write(result, output, force)
    report = _report(result, written, choice)
    if write_problem:
        report["message"] = write_problem
    if as_json:
        print_json(report)
    else:
        ok = result.status == "ok" and not write_problem
        print(_describe(result, written, write_problem, choice), file=sys.stdout if ok else sys.stderr)
    return 0 if result.status == "ok" and not write_problem else 1


def _write(result: MakeResult, output: Path | None, force: bool) -> tuple[Path | None, str | None]:
    if result.code is None:
        return None, None
    target = output if output is not None else default_file_name(result.title, Path.cwd())
    try:
        with target.open("w" if force else "x", encoding="utf-8") as out:  # "x": never replace by accident
            out.write(result.code)
    except FileExistsError:
        return None, f"{target} already exists; use --force to replace it (the game is saved in the library)"
    except OSError as error:
        return None, f"cannot write {target}: {error.strerror or error}"
    return target, None


def _report(result: MakeResult, written: Path | None, choice: ModelChoice) -> dict[str, object]:
    def rounded(value: float | None) -> float | None:
        return None if value is None else round(value, 2)

    return {
        "status": result.status,
        "message": result.message,
        "file": str(written) if written else None,
        "title": result.title,
        "model": result.model,
        "offline": result.offline,
        "ttft_ms": rounded(result.ttft_ms),
        "stream_ms": rounded(result.stream_ms),
        "tokens": result.tokens,
        "tokens_per_s": rounded(result.tokens_per_s),
        "ready_ms": rounded(result.ready_ms),
        "repairs": result.repairs,
        "version_id": result.version_id,
        "check": result.check.to_json() if result.check else None,
    }


def _describe(result: MakeResult, written: Path | None, write_problem: str | None, choice: ModelChoice) -> str:
    where = f"{written}" if written else "(not written)"
    origin = "offline starter kit" if result.offline else result.model
    if result.status != "ok":
        return f"{result.status}: {result.message}" + (f" — {write_problem}" if write_problem else "")
    ready = f", ready {result.ready_ms:.0f} ms after the last token" if result.ready_ms is not None else ""
    first = f", first token {result.ttft_ms:.0f} ms" if result.ttft_ms is not None else ""
    return (
        f"made {result.title or 'a game'!r} → {where} ({origin}: {result.tokens} tokens in "
        f"{result.stream_ms / 1000:.1f} s{first}{ready}"
        f"{', 1 repair' if result.repairs else ''})" + (f"\n{write_problem}" if write_problem else "")
    )




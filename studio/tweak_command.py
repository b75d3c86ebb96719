"""`studio tweak FILE "INSTRUCTION"`: change a game headless, check it, write it back."""

from __future__ import annotations

import sys
from pathlib import Path

from sandbox.check import CheckResult, GameFileError, check_source, read_game_file
from sandbox.runner_process import RunnerSettings
from studio.json_output import print_json
from studio.library.store import VersionStore
from studio.pipeline import prompts
from studio.pipeline.extract import extract_code
from studio.pipeline.make import REPAIRABLE, ReplySource
from studio.pipeline.tweak import TweakedCode, tweak_code
from studio.settings import Paths


def run_tweak(file: Path, instruction: str, source: ReplySource, output: Path | None, as_json: bool) -> int:
    """Tweak `file`, check the result, write it (to `output`, or back to `file`); 0 only for ok."""
    try:
        original = read_game_file(file)
    except GameFileError as error:
        return _finish({"status": "error", "message": str(error)}, as_json)
    paths = Paths()
    store = VersionStore(paths.library_file())
    settings = RunnerSettings(assets_dir=paths.asset_pack)
    try:
        # The file as it was is kept first: nothing the user had is lost, whatever happens.
        base_id = store.add("edit", f"{file.name} before: {instruction}", original, source.model, source.offline)
        tweaked = tweak_code(original, instruction, source)
        if tweaked.code is None:
            return _finish(_report(tweaked, None, None, 0, "error", tweaked.problem or "no change"), as_json)
        code = tweaked.code
        version_id = store.add("tweak", instruction, code, source.model, source.offline, base_id)
        check = check_source(code, file.name, settings=settings)
        repairs = 0
        if check.status in REPAIRABLE and source.can_repair:
            repaired = _repair_once(instruction, code, check, source)
            if repaired is not None:
                repairs = 1
                version_id = store.add("repair", instruction, repaired, source.model, source.offline, version_id)
                code, check = repaired, check_source(repaired, file.name, settings=settings)
        store.record_outcome(version_id, check.status, {})
    finally:
        store.close()
    target = output or file
    written = None
    if check.status == "ok":
        target.write_text(code, encoding="utf-8")
        written = target
    message = check.message if check.status == "ok" else f"{check.message} (the file was left unchanged)"
    return _finish(_report(tweaked, written, check, repairs, check.status, message), as_json)


def _repair_once(instruction: str, code: str, check: CheckResult, source: ReplySource) -> str | None:
    problem = prompts.describe_problem(check.status, check.message, check.line, code)
    pieces = []
    try:
        asked = f"the game below, changed so that: {instruction}"  # a tweak, not a new game
        for event in source.stream(instruction, prompts.repair_messages(asked, code, problem, check.line)):
            text = getattr(event, "text", None)
            if isinstance(text, str):
                pieces.append(text)
    except Exception:  # noqa: BLE001 - a failed repair leaves the check's verdict standing
        return None
    return extract_code("".join(pieces)).code


def _report(
    tweaked: TweakedCode, written: Path | None, check: CheckResult | None, repairs: int, status: str, message: str
) -> dict[str, object]:
    return {
        "status": status,
        "message": message,
        "file": str(written) if written else None,
        "rewrote": tweaked.rewrote,
        "ttft_ms": None if tweaked.ttft_ms is None else round(tweaked.ttft_ms, 2),
        "stream_ms": round(tweaked.stream_ms, 2),
        "tokens": tweaked.tokens,
        "tokens_per_s": round(tweaked.tokens / (tweaked.stream_ms / 1000.0), 2) if tweaked.stream_ms > 0 else 0.0,
        "repairs": repairs,
        "check": check.to_json() if check else None,
    }


def _finish(report: dict[str, object], as_json: bool) -> int:
    if as_json:
        report.setdefault("file", None)
        print_json(report)
    elif report["status"] == "ok":
        print(f"tweaked → {report['file']} ({report['tokens']} tokens{', rewrote the program' if report.get('rewrote') else ''})")
    else:
        print(f"{report['status']}: {report['message']}", file=sys.stderr)
    return 0 if report["status"] == "ok" else 1

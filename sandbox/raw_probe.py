"""`python -m sandbox.raw_probe FILE [--json]`: plain Python inside the isolated, confined runner.

FILE runs unrestricted (real modules, no compile policy, no facade) in a runner that is
isolated and confined exactly as game runners are: the test of the operating-system
layers on their own. It prints what the code printed (bounded) and how it ended:
`{"status": "ok"|"error"|"killed"|"timeout", "output": "..."}`.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import queue
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from sandbox.protocol import GameError, LoadGame, Log, Output, Ready
from sandbox.runner_process import RunnerProcess, RunnerSettings, RunnerStopped
from sandbox.text import clean_game_text

MAX_OUTPUT_CHARS = 64 * 1024
DEFAULT_TIMEOUT_S = 20.0


@dataclass(frozen=True)
class ProbeResult:
    """How the probe ended, what it printed, and which confinement it ran under."""

    status: str  # ok | error | killed | timeout
    output: str
    message: str = ""
    layers: str = ""
    warnings: str = ""

    def to_json(self) -> dict[str, str]:
        return dataclasses.asdict(self)


def run_probe(source: str, filename: str = "probe.py", settings: RunnerSettings | None = None,
              timeout_s: float = DEFAULT_TIMEOUT_S) -> ProbeResult:
    """Run `source` as plain Python in a fully confined runner and collect what happened."""
    settings = settings or RunnerSettings()
    settings = dataclasses.replace(settings, runner_argv=(*settings.runner_argv, "--raw-probe"))
    runner = RunnerProcess(settings)
    output: list[str] = []
    size = 0
    message = ""
    status = "timeout"
    ready: Ready | None = None
    try:
        deadline = time.monotonic() + settings.startup_timeout_s + timeout_s
        if runner.wait_ready(settings.startup_timeout_s):
            ready = runner.ready
            runner.send(LoadGame(source, filename, "new", None))
        while time.monotonic() < deadline:
            try:
                event = runner.messages.get(timeout=0.05)
            except queue.Empty:
                continue
            if isinstance(event, (Output, Log)) and size < MAX_OUTPUT_CHARS:
                text = event.text if isinstance(event, Output) else event.text + "\n"
                output.append(text[: MAX_OUTPUT_CHARS - size])
                size += len(output[-1])
            elif isinstance(event, GameError):
                message = event.message
            elif isinstance(event, RunnerStopped):
                if event.reason == "exited":
                    status = "error" if message else "ok"
                elif event.reason == "crashed" and event.returncode == 1 and message:
                    status = "error"
                else:
                    status, message = "killed", message or event.detail
                break
        else:
            message = f"the probe did not finish within {timeout_s:.0f} s"
    finally:
        runner.close()
    layers = ready.applied if ready else ""
    warnings = ready.warnings if ready else ""
    return ProbeResult(status, clean_game_text("".join(output)), clean_game_text(message), layers,
                       clean_game_text(warnings))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m sandbox.raw_probe", description=__doc__.splitlines()[0])
    parser.add_argument("file", type=Path)
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT_S, help="seconds the code may run")
    parser.add_argument("--no-namespaces", action="store_true", help="run without bubblewrap (to compare)")
    args = parser.parse_args(argv)
    try:
        source = args.file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        print(f"raw_probe: cannot read {args.file}: {error}", file=sys.stderr)
        return 2
    settings = RunnerSettings(namespaces=not args.no_namespaces)
    result = run_probe(source, args.file.name, settings, args.timeout)
    if args.json:
        print(json.dumps(result.to_json(), allow_nan=False))
    else:
        sys.stdout.write(result.output)
        print(f"-- {result.status}" + (f": {result.message}" if result.message else ""))
        print(f"-- layers: {result.layers or 'none'}")
        for warning in filter(None, result.warnings.splitlines()):
            print(f"-- warning: {warning}")
    return 0 if result.status == "ok" else 1


if __name__ == "__main__":
    sys.exit(main())

"""Run the wild corpus through `studio check` (and optionally plain pygame) and print a table.

    python tests/games/wild_report.py [FILE ...] [--frames 300] [--seed 0] [--plain] [--jobs 1]

Without FILEs it takes every game in tests/games/wild/. For each game it runs the real
command line, `python -m studio check FILE --json --frames N --seed S`, and prints one
row: file, status, frames, fps and the exact message. The failures are then grouped by
cause (the message with its line number taken out), so one fix can be matched to every
game it unblocks. `--plain` adds a column from tests/games/run_plain.py, the reference
run without a sandbox: a game that fails there is a bug in the corpus, not in the sandbox.
Each plain run works on a copy of the game in a fresh temporary folder, so high-score
files the games write (next to `__file__` or in the working folder) land there.

Exits 0 when every game is "ok" under `studio check`, 1 otherwise.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

GAMES = Path(__file__).resolve().parent
WILD = GAMES / "wild"
REPO = GAMES.parent.parent
RUN_PLAIN = GAMES / "run_plain.py"
HEADLESS = {"SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy", "QT_QPA_PLATFORM": "offscreen",
            "PYGAME_HIDE_SUPPORT_PROMPT": "1"}
LINE_PREFIX = re.compile(r"^line \d+: ")


@dataclass(frozen=True)
class Row:
    """One game's results."""

    name: str
    status: str
    frames: int
    fps: float
    message: str
    plain: str  # "PASS", "FAIL: <last line>", or "" when not run


def studio_check(path: Path, frames: int, seed: int, timeout_s: float) -> dict:
    """The JSON object `studio check --json` printed, or a made-up one saying why there was none."""
    argv = [sys.executable, "-m", "studio", "check", str(path), "--json", "--frames", str(frames), "--seed", str(seed)]
    try:
        proc = subprocess.run(argv, cwd=REPO, env=dict(os.environ, **HEADLESS), capture_output=True, text=True,
                              timeout=timeout_s)
    except subprocess.TimeoutExpired:
        return {"status": "harness", "message": f"studio check did not finish in {timeout_s:g} s", "frames": 0, "fps": 0}
    lines = proc.stdout.strip().splitlines()
    try:
        return json.loads(lines[-1])
    except (IndexError, ValueError):
        tail = (proc.stderr.strip().splitlines() or ["no output"])[-1]
        return {"status": "harness", "message": f"no JSON from studio check (exit {proc.returncode}): {tail}",
                "frames": 0, "fps": 0}


def plain_run(path: Path, frames: int, seed: int, timeout_s: float) -> str:
    """run_plain.py on a copy of the game in a temporary folder: "PASS" or "FAIL: <reason>"."""
    with tempfile.TemporaryDirectory(prefix="wild-plain-") as folder:
        copy = Path(folder) / path.name
        shutil.copyfile(path, copy)
        argv = [sys.executable, str(RUN_PLAIN), str(copy), "--frames", str(frames), "--seed", str(seed)]
        try:
            proc = subprocess.run(argv, cwd=folder, env=dict(os.environ, **HEADLESS), capture_output=True, text=True,
                                  timeout=timeout_s)
        except subprocess.TimeoutExpired:
            return f"FAIL: timed out after {timeout_s:g} s"
    if proc.returncode == 0:
        return "PASS"
    return "FAIL: " + (proc.stderr.strip().splitlines() or ["?"])[-1]


def measure(path: Path, args: argparse.Namespace) -> Row:
    result = studio_check(path, args.frames, args.seed, args.timeout)
    plain = plain_run(path, args.frames, args.seed + 1, args.timeout) if args.plain else ""
    return Row(path.name, str(result.get("status")), int(result.get("frames", 0)), float(result.get("fps", 0.0)),
               str(result.get("message", "")), plain)


def print_table(rows: list[Row], with_plain: bool) -> None:
    width = max(len(row.name) for row in rows)
    header = f"{'file':<{width}}  {'status':<8} {'frames':>6} {'fps':>8}  " + ("plain  " if with_plain else "") + "message"
    print(header)
    print("-" * len(header))
    for row in rows:
        plain = f"{row.plain[:5]:<5}  " if with_plain else ""
        print(f"{row.name:<{width}}  {row.status:<8} {row.frames:>6} {row.fps:>8.1f}  {plain}{row.message}")


def print_failures(rows: list[Row]) -> None:
    """Failures grouped by cause: the same message once its line number is removed."""
    groups: dict[str, list[Row]] = defaultdict(list)
    for row in rows:
        if row.status != "ok":
            groups[f"{row.status}: {LINE_PREFIX.sub('', row.message)}"].append(row)
    for cause, members in sorted(groups.items(), key=lambda item: -len(item[1])):
        print(f"\n{len(members)} x {cause}")
        for row in members:
            print(f"    {row.name}: {row.message}")
    plain_failures = [row for row in rows if row.plain.startswith("FAIL")]
    for row in plain_failures:
        print(f"\nCORPUS BUG (fails in plain pygame): {row.name}: {row.plain}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--frames", type=int, default=300)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--plain", action="store_true", help="also run each game under run_plain.py")
    parser.add_argument("--jobs", type=int, default=1, help="games checked at once (each check uses two runners)")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds per game and per run")
    args = parser.parse_args(argv)

    files = [path.resolve() for path in args.files] or sorted(WILD.glob("*.py"))
    with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        rows = list(pool.map(lambda path: measure(path, args), files))
    print_table(rows, args.plain)
    ok = sum(row.status == "ok" for row in rows)
    print(f"\n{ok}/{len(rows)} ok under studio check --frames {args.frames} --seed {args.seed}")
    if args.plain:
        print(f"{sum(row.plain == 'PASS' for row in rows)}/{len(rows)} pass in plain pygame (run_plain.py)")
    print_failures(rows)
    return 0 if ok == len(rows) else 1


if __name__ == "__main__":
    sys.exit(main())

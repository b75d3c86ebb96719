"""Run every benchmark and write benchmarks/results/latest.md (also printed).

Usage: .venv/bin/python benchmarks/run.py [--quick] [--only NAME ...] [--readme]

`--readme` also puts the figures that have a target, with the date and the machine, into
README.md between its benchmark-table markers, so the README quotes this run and no other.

Each benchmark runs in its own fresh python process (so Qt, pygame and leftover threads
of one cannot disturb another) and hands its figures back as one JSON line.
"""

from __future__ import annotations

import argparse
import datetime
import json
import math
import os
import platform
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from figures import HEADLESS_ENVIRONMENT, Figure, progress

BENCHMARKS_DIR = Path(__file__).resolve().parent
RESULTS_FILE = BENCHMARKS_DIR / "results" / "latest.md"
README_FILE = BENCHMARKS_DIR.parent / "README.md"
README_START = "<!-- benchmark-table:start (written by benchmarks/run.py --readme) -->"
README_END = "<!-- benchmark-table:end -->"
BENCHMARKS = ("sandbox_overhead.py", "publish_cost.py", "load_latency.py", "frame_path.py")
BENCHMARKS += ("model_path.py",)  # the model client and make_game against the fake server
BENCHMARKS += ("stream_view.py",)  # streaming code into the code view: latency and stalls
BENCHMARKS += ("startup.py",)  # window shown and first offline frame from a cold process
BENCHMARKS += ("tweak_path.py",)  # live tweaks: hot swap to first frame, tweak/interrupt tokens
BENCHMARKS += ("voice.py",)  # offline speech-to-text: latency, key-word hits and WER vs plain LM
BENCHMARKS += ("push_to_talk.py",)  # push-to-talk: key release -> tweak request at the fake server
BENCHMARKS += ("gif_capture.py",)  # F9: writing the last 8 s of play as a GIF; recording cost per frame
BENCHMARK_TIMEOUT_S = 300


def run_benchmark(script: str, quick: bool) -> list[Figure]:
    """Run one benchmark script in a subprocess and parse its figures; a benchmark that
    fails or hangs becomes one row saying so, and the others still run."""
    command = [sys.executable, str(BENCHMARKS_DIR / script), "--json"] + (["--quick"] if quick else [])
    try:
        finished = subprocess.run(
            command, stdout=subprocess.PIPE, text=True, timeout=BENCHMARK_TIMEOUT_S,
            env={**os.environ, **HEADLESS_ENVIRONMENT},
        )
    except subprocess.TimeoutExpired:
        return [_failed(script, f"gave no figures within {BENCHMARK_TIMEOUT_S} s")]
    lines = finished.stdout.strip().splitlines()
    if finished.returncode != 0 or not lines:
        return [_failed(script, f"failed with status {finished.returncode} (run it alone to see why)")]
    return [Figure(**fields) for fields in json.loads(lines[-1])]


def _failed(script: str, why: str) -> Figure:
    nan = float("nan")
    return Figure(f"{script}: FAILED", nan, nan, "", "(none)", nan, None, why)


def cpu_model() -> str:
    """The CPU's model name from /proc/cpuinfo, or the platform's guess."""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.lower().startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _number(value: float) -> str:
    if math.isnan(value):
        return "-"
    return f"{value:.3g}" if abs(value) < 100 else f"{value:.0f}"


def _met(figure: Figure) -> str:
    return {True: "yes", False: "**no**", None: ""}[figure.met]


def markdown_report(figures: Sequence[Figure], quick: bool, elapsed_s: float) -> str:
    """The results table with the date and the machine it ran on."""
    now = datetime.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z")
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    lines = [
        "# Benchmark results",
        "",
        f"- date: {now}",
        f"- machine: {platform.machine()}, {cpu_model()}, {os.cpu_count()} cores",
        f"- python {platform.python_version()}; run {'--quick' if quick else 'full'} "
        f"in {elapsed_s:.0f} s; 1-minute load average at the end {load:.2f}",
        "- medians over interleaved repetitions; ratio = how many times costlier the subject "
        "is than the baseline (subject/baseline for ms, baseline/subject for fps)",
        "",
        "| benchmark | subject median | baseline median | ratio | target | met | unit |",
        "|---|---:|---:|---:|---|---|---|",
    ]
    for figure in figures:
        lines.append(
            f"| {figure.benchmark} | {_number(figure.subject)} | {_number(figure.baseline)} | "
            f"{_number(figure.ratio)} | {figure.target} | {_met(figure)} | {figure.unit} |"
        )
    lines += ["", "## Notes (spread of the repetitions, what the baseline is)", ""]
    lines += [f"- {figure.benchmark}: {figure.note}" for figure in figures if figure.note]
    return "\n".join(lines) + "\n"


def readme_table(report: str) -> str:
    """The report's header lines and the rows of figures that have a target."""
    lines = report.splitlines()
    header = [line for line in lines if line.startswith("- date:") or line.startswith("- machine:")]
    table_start = next(index for index, line in enumerate(lines) if line.startswith("| benchmark"))
    rows = [line for line in lines[table_start + 2:] if line.startswith("|") and "(context" not in line]
    return "\n".join([*header, "", *lines[table_start:table_start + 2], *rows])


def update_readme(report: str, readme: Path = README_FILE) -> None:
    """Replace the README's benchmark table (between its markers) with this run's."""
    text = readme.read_text(encoding="utf-8")
    if README_START not in text or README_END not in text:
        raise SystemExit(f"{readme} has no benchmark-table markers; add {README_START!r} and {README_END!r}")
    before, rest = text.split(README_START, 1)
    after = rest.split(README_END, 1)[1]
    readme.write_text(f"{before}{README_START}\n{readme_table(report)}\n{README_END}{after}", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer frames and repetitions")
    parser.add_argument("--only", nargs="+", metavar="NAME", help="run only these benchmarks (e.g. model_path)")
    parser.add_argument("--readme", action="store_true", help="also write the table into README.md")
    options = parser.parse_args()
    scripts = BENCHMARKS
    if options.only:
        wanted = {name.removesuffix(".py") for name in options.only}
        unknown = wanted - {script.removesuffix(".py") for script in BENCHMARKS}
        if unknown:
            raise SystemExit(f"no such benchmark: {', '.join(sorted(unknown))}; choose from {', '.join(BENCHMARKS)}")
        scripts = tuple(script for script in BENCHMARKS if script.removesuffix(".py") in wanted)
    started = time.monotonic()
    figures: list[Figure] = []
    for script in scripts:
        progress(f"running {script} ...")
        figures.extend(run_benchmark(script, options.quick))
    report = markdown_report(figures, options.quick, time.monotonic() - started)
    if not options.only:  # latest.md always holds a whole run
        RESULTS_FILE.parent.mkdir(parents=True, exist_ok=True)
        RESULTS_FILE.write_text(report)
    if options.readme:
        update_readme(report)
    print(report)


if __name__ == "__main__":
    main()

"""Run every benchmark and write benchmarks/results/latest.md (also printed).

Usage: .venv/bin/python benchmarks/run.py [--quick]

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
BENCHMARKS = ("sandbox_overhead.py", "publish_cost.py", "load_latency.py", "frame_path.py")
BENCHMARKS += ("model_path.py",)  # the model client and make_game against the fake server
BENCHMARKS += ("stream_view.py",)  # streaming code into the code view: latency and stalls
BENCHMARKS += ("startup.py",)  # window shown and first offline frame from a cold process
BENCHMARKS += ("tweak_path.py",)  # live tweaks: hot swap to first frame, tweak/interrupt tokens
BENCHMARKS += ("voice.py",)  # offline speech-to-text: latency, key-word hits and WER vs plain LM
BENCHMARKS += ("push_to_talk.py",)  # push-to-talk: key release -> tweak request at the fake server
BENCHMARK_TIMEOUT_S = 300


def run_benchmark(script: str, quick: bool) -> list[Figure]:
    """Run one benchmark script in a subprocess and parse its figures."""
    command = [sys.executable, str(BENCHMARKS_DIR / script), "--json"] + (["--quick"] if quick else [])
    finished = subprocess.run(
        command, stdout=subprocess.PIPE, text=True, timeout=BENCHMARK_TIMEOUT_S,
        env={**os.environ, **HEADLESS_ENVIRONMENT},
    )
    if finished.returncode != 0:
        raise RuntimeError(f"{script} failed with status {finished.returncode}")
    lines = finished.stdout.strip().splitlines()
    return [Figure(**fields) for fields in json.loads(lines[-1])]


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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer frames and repetitions")
    options = parser.parse_args()
    started = time.monotonic()
    figures: list[Figure] = []
    for script in BENCHMARKS:
        progress(f"running {script} ...")
        figures.extend(run_benchmark(script, options.quick))
    report = markdown_report(figures, options.quick, time.monotonic() - started)
    RESULTS_FILE.parent.mkdir(parents=True, exist_ok=True)
    RESULTS_FILE.write_text(report)
    print(report)


if __name__ == "__main__":
    main()

"""Streaming code into the CodeView: display latency, event-loop stalls, GUI time in inserts.

Usage: .venv/bin/python benchmarks/stream_view.py [--quick] [--json]

A real `studio.qt.code_view.CodeView` (offscreen Qt, shown at 800x600, Python
highlighting on) is fed `assets/starters/platformer.py` (300 lines) as 4-character
tokens at 1,000, 3,000 and 10,000 tokens/s. The producer is a thread that emits one Qt
signal per token, delivered to the GUI thread as a queued call: the way the window feeds
the view from the model stream. It wakes every 0.5 ms and emits every token due by then.

Subject: the view as built: `append_stream` per token, one insert per 16 ms flush.
Baseline, in the same run and interleaved with it: the same view inserting every token
as it arrives (`append_stream` + `flush_stream` per token): the known-bad design.

- display latency: from the producer emitting a token to the end of the insert that
  put it in the document (painting follows in the same event-loop pass). p95 per run.
- stalls: a 1 ms `QTimer` watchdog on the GUI thread records its ticks while streaming;
  the longest gap between ticks is the longest time the window could not react.
- GUI time in inserts: the sum of `CodeView.flush_stream` times (insert, re-highlight,
  layout; not painting) per stream.
"""

from __future__ import annotations

import statistics
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from figures import (
    Figure,
    median,
    progress,
    ratio,
    run_from_command_line,
    spread,
    use_headless_environment,
)

if TYPE_CHECKING:
    from studio.qt.code_view import CodeView

GAME_FILE = Path(__file__).resolve().parents[1] / "assets" / "starters" / "platformer.py"
TOKEN_CHARS = 4
RATES = (1_000, 3_000, 10_000)
VIEW_WIDTH, VIEW_HEIGHT = 800, 600
LATENCY_TARGET_MS = 20.0
STALL_TARGET_MS = 10.0
PRODUCER_WAKE_S = 0.0005
WATCHDOG_MS = 1
RUN_TIMEOUT_S = 60.0


def percentile(values: list[float], fraction: float) -> float:
    """The value below which `fraction` of `values` lie (nearest rank)."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


@dataclass
class Run:
    """What one stream of the whole file produced."""

    latency_ms: list[float]
    longest_gap_ms: float
    p95_gap_ms: float
    flush_ms_total: float
    flushes: int
    seconds: float


@dataclass
class Samples:
    """Runs per (variant, rate)."""

    runs: dict[tuple[str, int], list[Run]] = field(default_factory=dict)

    def add(self, variant: str, rate: int, run: Run) -> None:
        self.runs.setdefault((variant, rate), []).append(run)

    def per_run(self, variant: str, rate: int, what: str) -> list[float]:
        runs = self.runs.get((variant, rate), [])
        if what == "latency_median":
            return [statistics.median(run.latency_ms) for run in runs]
        if what == "latency_p95":
            return [percentile(run.latency_ms, 0.95) for run in runs]
        return [float(getattr(run, what)) for run in runs]


def split_tokens(text: str) -> list[str]:
    return [text[start : start + TOKEN_CHARS] for start in range(0, len(text), TOKEN_CHARS)]


def stream_once(view: CodeView, tokens: list[str], rate: int, batched: bool) -> Run:
    """Stream `tokens` into `view` from a producer thread at `rate` tokens/s."""
    from PySide6.QtCore import QEventLoop, QObject, Qt, QTimer, Signal

    class Feed(QObject):
        token = Signal(str, float)
        finished = Signal()

    feed = Feed()
    emitted_at: list[float] = []
    token_ends: list[int] = []  # cumulative characters after each token
    flushed: list[tuple[float, int]] = []
    ticks: list[float] = []
    loop = QEventLoop()
    total_chars = sum(len(token) for token in tokens)

    def on_token(text: str, sent_at: float) -> None:
        emitted_at.append(sent_at)
        token_ends.append((token_ends[-1] if token_ends else 0) + len(text))
        view.append_stream(text)
        if not batched:
            view.flush_stream()

    def on_flushed(chars: int) -> None:
        flushed.append((time.perf_counter(), chars))
        if chars >= total_chars:
            loop.quit()

    # Queued explicitly: the feed lives on this thread but emits from the producer's.
    feed.token.connect(on_token, Qt.ConnectionType.QueuedConnection)
    view.stream_flushed.connect(on_flushed)
    watchdog = QTimer()
    watchdog.setTimerType(Qt.TimerType.PreciseTimer)
    watchdog.setInterval(WATCHDOG_MS)
    watchdog.timeout.connect(lambda: ticks.append(time.perf_counter()))

    def produce() -> None:
        started = time.perf_counter()
        sent = 0
        while sent < len(tokens):
            due = min(len(tokens), int((time.perf_counter() - started) * rate) + 1)
            while sent < due:
                feed.token.emit(tokens[sent], time.perf_counter())
                sent += 1
            time.sleep(PRODUCER_WAKE_S)
        feed.finished.emit()

    view.begin_stream()
    producer = threading.Thread(target=produce, name="token-producer")
    give_up = QTimer()  # a timer object, not singleShot: it must not quit a later loop
    give_up.setSingleShot(True)
    give_up.timeout.connect(loop.quit)
    give_up.start(int(RUN_TIMEOUT_S * 1000))
    started = time.perf_counter()
    watchdog.start()
    producer.start()
    loop.exec()
    watchdog.stop()
    give_up.stop()
    seconds = time.perf_counter() - started
    producer.join()
    view.end_stream()
    view.stream_flushed.disconnect(on_flushed)
    if view.code() != "".join(tokens):
        raise RuntimeError("the streamed text differs from the file")

    # Tokens are flushed in order: walk both lists once.
    latencies: list[float] = []
    index = 0
    for flushed_at, chars in flushed:
        while index < len(token_ends) and token_ends[index] <= chars:
            latencies.append((flushed_at - emitted_at[index]) * 1000.0)
            index += 1
    gaps = [(later - earlier) * 1000.0 for earlier, later in zip(ticks, ticks[1:], strict=False)]
    return Run(
        latency_ms=latencies,
        longest_gap_ms=max(gaps, default=float("nan")),
        p95_gap_ms=percentile(gaps, 0.95),
        flush_ms_total=view.flush_ms_total,
        flushes=view.flushes,
        seconds=seconds,
    )


def measure(quick: bool = False) -> list[Figure]:
    """Interleaved batched / per-token streams of platformer.py at each rate."""
    use_headless_environment()
    from PySide6.QtWidgets import QApplication

    from studio.qt.code_view import CodeView

    app = QApplication.instance() or QApplication([])
    view = CodeView()
    view.resize(VIEW_WIDTH, VIEW_HEIGHT)
    view.show()
    app.processEvents()
    tokens = split_tokens(GAME_FILE.read_text())
    stream_once(view, tokens[:300], 10_000, batched=True)  # warm up fonts and caches
    repetitions = 2 if quick else 5
    samples = Samples()
    for repetition in range(repetitions):
        for rate in RATES:
            variants = ["batched", "per-token"]
            if repetition % 2:
                variants.reverse()
            for variant in variants:
                samples.add(variant, rate, stream_once(view, tokens, rate, variant == "batched"))
        progress(f"stream_view: repetition {repetition + 1}/{repetitions} done")
    view.close()
    app.processEvents()
    return figures(samples, len(tokens))


def figures(samples: Samples, token_count: int) -> list[Figure]:
    result = []
    for rate in RATES:
        def of(variant: str, what: str, rate: int = rate) -> list[float]:
            return samples.per_run(variant, rate, what)

        latency, latency_base = median(of("batched", "latency_p95")), median(
            of("per-token", "latency_p95")
        )
        stall, stall_base = median(of("batched", "longest_gap_ms")), median(
            of("per-token", "longest_gap_ms")
        )
        flush_ms, flush_base = median(of("batched", "flush_ms_total")), median(
            of("per-token", "flush_ms_total")
        )
        label = f"{rate:,} tokens/s"
        result += [
            Figure(
                benchmark=f"stream view: display latency p95 at {label}",
                subject=latency, baseline=latency_base, unit="ms",
                target=f"<= {LATENCY_TARGET_MS:g} ms", ratio=ratio(latency, latency_base),
                met=latency <= LATENCY_TARGET_MS,
                note=(f"token emitted -> inserted; batched median "
                      f"{median(of('batched', 'latency_median')):.3g} ms, p95 "
                      f"{spread(of('batched', 'latency_p95'))}; baseline = per-token inserts, "
                      f"median {median(of('per-token', 'latency_median')):.3g} ms"),
            ),
            Figure(
                benchmark=f"stream view: longest event-loop stall at {label}",
                subject=stall, baseline=stall_base, unit="ms",
                target=f"<= {STALL_TARGET_MS:g} ms", ratio=ratio(stall, stall_base),
                met=stall <= STALL_TARGET_MS,
                note=(f"longest gap of a 1 ms watchdog timer, {spread(of('batched', 'longest_gap_ms'))}; "
                      f"p95 gap {median(of('batched', 'p95_gap_ms')):.3g} ms vs "
                      f"{median(of('per-token', 'p95_gap_ms')):.3g} ms per-token; baseline = "
                      f"per-token inserts, {spread(of('per-token', 'longest_gap_ms'))}"),
            ),
            Figure(
                benchmark=f"stream view: GUI time in inserts per stream at {label}",
                subject=flush_ms, baseline=flush_base, unit="ms", target="(context)",
                ratio=ratio(flush_ms, flush_base),
                note=(f"{token_count} tokens; {median(of('batched', 'flushes')):.0f} inserts "
                      f"batched vs {median(of('per-token', 'flushes')):.0f} per-token; stream "
                      f"took {median(of('batched', 'seconds')):.2f} s vs "
                      f"{median(of('per-token', 'seconds')):.2f} s"),
            ),
        ]
    return result


def main() -> None:
    run_from_command_line(__doc__, measure)


if __name__ == "__main__":
    main()

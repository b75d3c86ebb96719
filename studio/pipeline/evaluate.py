"""Measure an endpoint at making games: every prompt of a suite made, checked and timed.

`studio eval` runs here without printing: an EvalRun makes the suite's games on a thread
pool, `jobs` at a time, every prompt with its own ReplySource over one shared client (so
with one job every request travels on one kept-alive connection), and hands back
frozen PromptResults as they finish. The command decides how to show them.

Games are not saved in the library: an eval of 40 prompts is a measurement, not 40 games
the user asked for. An endpoint that cannot be used at all (unreachable, refusing the
key, no such model) stops the run with one line instead of failing every prompt.
"""

from __future__ import annotations

import logging
import queue
import statistics
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path

from sandbox.check import CheckResult
from sandbox.runner_process import RunnerSettings
from studio.llm.events import ModelError, StreamStarted
from studio.pipeline.make import (
    CHECK_FRAMES,
    MakeProgress,
    MakeResult,
    Messages,
    ReplySource,
    make_game,
)
from studio.pipeline.sources import ModelSource, OfflineSource, reply_source_for
from studio.settings import ModelChoice, Paths

MAX_SUITE_BYTES = 1_000_000
MAX_PROMPT_CHARS = 2_000
MAX_JOBS = 8  # the model client's connection pool: more would queue for a connection
FATAL_KINDS = ("unreachable", "auth", "bad_request")  # before any reply: the endpoint is unusable
CHECK_TIMEOUT_S = 30.0

log = logging.getLogger(__name__)


class SuiteError(Exception):
    """A suite file that cannot be used; the message is one line."""


def default_suite(paths: Paths) -> Path:
    """The built-in suite: assets/eval/prompts.txt."""
    return paths.assets / "eval" / "prompts.txt"


def read_suite(path: Path) -> tuple[str, ...]:
    """The suite's prompts, one a line (blank lines and `#` comments skipped); SuiteError."""
    if not path.exists():
        raise SuiteError(f"no such suite file: {path}")
    if path.is_dir():
        raise SuiteError(f"{path} is a folder; a suite is a text file with one description a line")
    try:
        size = path.stat().st_size
        if size > MAX_SUITE_BYTES:
            raise SuiteError(f"{path} is {size / 1e6:.1f} MB; a suite may be at most 1 MB")
        data = path.read_bytes()
    except OSError as error:
        raise SuiteError(f"cannot read {path}: {error.strerror or error}") from None
    if b"\x00" in data:
        raise SuiteError(f"{path} is a binary file; a suite is UTF-8 text, one description a line")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise SuiteError(
            f"{path} is not UTF-8 text (byte {data[error.start]:#04x} at offset {error.start}); "
            "save it as UTF-8"
        ) from None
    prompts = tuple(
        line.strip()
        for line in text.splitlines()
        if line.strip() and not line.strip().startswith("#")
    )
    if not prompts:
        raise SuiteError(
            f"{path} has no prompts: write one game description a line (lines starting with # are comments)"
        )
    too_long = next((n for n, p in enumerate(prompts, 1) if len(p) > MAX_PROMPT_CHARS), None)
    if too_long is not None:
        raise SuiteError(
            f"prompt {too_long} of {path} is over {MAX_PROMPT_CHARS:,} characters; one short description a line"
        )
    return prompts


# --- results ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class PromptResult:
    """How one prompt went: the game's funnel (compiled → ran → drew → reacted) and its times."""

    index: int  # position in the suite, from 0
    prompt: str
    status: str  # "ok" | the check's status | "no code" | "model error: ..." | "error"
    message: str
    title: str
    compiled: bool
    ran: bool
    blank: bool
    responds_to_input: bool
    repairs: int
    ttft_ms: float | None
    tokens: int
    tokens_per_s: float
    stream_ms: float
    ready_ms: float | None  # last token → first frame (DESIGN section 6)
    time_to_playable_ms: float | None  # request sent → first frame of the game that passed
    check: CheckResult | None
    thumbnail_png: bytes | None = field(default=None, repr=False, compare=False)

    def to_json(self) -> dict[str, object]:
        """The object `studio eval --json` lists (no thumbnail)."""
        return {
            "prompt": self.prompt,
            "status": self.status,
            "message": self.message,
            "title": self.title,
            "compiled": self.compiled,
            "ran": self.ran,
            "blank": self.blank,
            "responds_to_input": self.responds_to_input,
            "repairs": self.repairs,
            "ttft_ms": _rounded(self.ttft_ms),
            "tokens": self.tokens,
            "tokens_per_s": _rounded(self.tokens_per_s),
            "stream_ms": _rounded(self.stream_ms),
            "ready_ms": _rounded(self.ready_ms),
            "time_to_playable_ms": _rounded(self.time_to_playable_ms),
            "check": self.check.to_json() if self.check else None,
        }


@dataclass(frozen=True)
class EvalSummary:
    """The whole run in a few figures: rates over the prompts that finished, medians, totals."""

    prompts: int  # in the suite
    finished: int
    ok: int
    ok_rate: float
    compiled_rate: float
    ran_rate: float
    not_blank_rate: float
    responds_rate: float
    repairs: int
    median_ttft_ms: float | None
    median_tokens_per_s: float | None
    median_ready_ms: float | None
    median_time_to_playable_ms: float | None
    wall_s: float
    model: str
    endpoint: str | None
    offline: bool
    jobs: int
    interrupted: bool
    # "ok", "refused", "model error"... → how many
    statuses: dict[str, int] = field(default_factory=dict)

    def to_json(self) -> dict[str, object]:
        """The `summary` object of `studio eval --json`."""
        return {
            "prompts": self.prompts,
            "finished": self.finished,
            "ok": self.ok,
            "ok_rate": round(self.ok_rate, 4),
            "compiled_rate": round(self.compiled_rate, 4),
            "ran_rate": round(self.ran_rate, 4),
            "not_blank_rate": round(self.not_blank_rate, 4),
            "responds_rate": round(self.responds_rate, 4),
            "repairs": self.repairs,
            "median_ttft_ms": _rounded(self.median_ttft_ms),
            "median_tokens_per_s": _rounded(self.median_tokens_per_s),
            "median_ready_ms": _rounded(self.median_ready_ms),
            "median_time_to_playable_ms": _rounded(self.median_time_to_playable_ms),
            "wall_s": round(self.wall_s, 2),
            "model": self.model,
            "endpoint": self.endpoint,
            "offline": self.offline,
            "jobs": self.jobs,
            "interrupted": self.interrupted,
            "statuses": dict(self.statuses),
        }


def summarize(
    results: Sequence[PromptResult],
    prompts: int,
    wall_s: float,
    model: str,
    endpoint: str | None,
    offline: bool,
    jobs: int,
    interrupted: bool = False,
) -> EvalSummary:
    """Rates and medians of the finished results."""
    count = len(results)

    def rate(flags: Iterator[bool]) -> float:
        return sum(flags) / count if count else 0.0

    statuses: dict[str, int] = {}
    for result in results:
        kind = "model error" if result.status.startswith("model error") else result.status
        statuses[kind] = statuses.get(kind, 0) + 1
    return EvalSummary(
        prompts=prompts,
        finished=count,
        ok=sum(r.status == "ok" for r in results),
        ok_rate=rate(r.status == "ok" for r in results),
        compiled_rate=rate(r.compiled for r in results),
        ran_rate=rate(r.ran for r in results),
        not_blank_rate=rate(r.ran and not r.blank for r in results),
        responds_rate=rate(r.responds_to_input for r in results),
        repairs=sum(r.repairs for r in results),
        median_ttft_ms=_median(r.ttft_ms for r in results),
        median_tokens_per_s=_median(
            r.tokens_per_s for r in results if r.tokens > 0 and r.tokens_per_s > 0
        ),
        median_ready_ms=_median(r.ready_ms for r in results),
        median_time_to_playable_ms=_median(r.time_to_playable_ms for r in results),
        wall_s=wall_s,
        model=model,
        endpoint=endpoint,
        offline=offline,
        jobs=jobs,
        interrupted=interrupted,
        statuses=statuses,
    )


def _median(values: Iterator[float | None]) -> float | None:
    present = [v for v in values if v is not None]
    return statistics.median(present) if present else None


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 2)


# --- where replies come from ------------------------------------------------------------------


class SharedModel:
    """One warmed client (or the offline kit); each prompt gets its own source over it.

    A ModelSource or OfflineSource keeps one "reply in flight" slot for cancel(), so
    prompts made at once each need their own; the ModelClient under them is shared (it is
    safe across threads, and its pool keeps the connections warm between prompts).
    """

    def __init__(self, choice: ModelChoice) -> None:
        self.endpoint = None if choice.offline else choice.base_url
        self._base = reply_source_for(choice)

    @property
    def model(self) -> str:
        return self._base.model

    @property
    def offline(self) -> bool:
        return self._base.offline

    def new_source(self) -> ReplySource:
        """A source for one prompt, over the shared client or kit."""
        base = self._base
        if isinstance(base, ModelSource):
            return ModelSource(base.client, base.model)
        if isinstance(base, OfflineSource):
            return OfflineSource(base.kit, base.tokens_per_s)
        return base

    def close(self) -> None:
        """Close the client's connections."""
        if isinstance(self._base, ModelSource):
            self._base.client.close()


class _WatchedSource:
    """A prompt's ReplySource that remembers when each reply started and how it failed."""

    def __init__(
        self, inner: ReplySource, reached: threading.Event, stopping: threading.Event
    ) -> None:
        self.inner = inner
        self.model = inner.model
        self.offline = inner.offline
        self.can_repair = inner.can_repair
        self.started_at: list[float] = []  # StreamStarted.at of each reply
        self.served_by: str | None = None  # the model the endpoint says it used
        self.error: ModelError | None = None  # of the latest reply
        self._reached = reached
        self._stopping = stopping

    def stream(
        self,
        description: str,
        messages: Messages,
        prediction: str | None = None,
        extra_body: dict | None = None,
    ) -> Iterator[object]:
        self.error = None
        if self._stopping.is_set():  # the run stopped before this reply was asked for
            self.error = ModelError("cancelled", "the request was cancelled")
            raise self.error
        events = self.inner.stream(description, messages, prediction, extra_body)
        try:
            for event in events:
                if isinstance(event, StreamStarted):
                    self.started_at.append(event.at)
                    self.served_by = event.model
                    self._reached.set()
                yield event
        except ModelError as error:
            self.error = error
            raise
        finally:
            close = getattr(events, "close", None)
            if close is not None:
                close()  # a generator abandoned early releases its reply now, not at collection

    def cancel(self) -> None:
        self.inner.cancel()


# --- the run ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class EvalSettings:
    """How the games of a run are made and checked."""

    runner_settings: RunnerSettings
    jobs: int = 1
    check_frames: int = CHECK_FRAMES
    check_timeout_s: float = CHECK_TIMEOUT_S
    thumbnails: bool = False  # only for a report: it runs every game once more


@dataclass(frozen=True)
class LiveJob:
    """A prompt being made right now, for a progress line."""

    index: int
    phase: str  # "waiting", "streaming", "checking", "repairing", "picture"
    tokens: int
    tokens_per_s: float


class EvalRun:
    """Makes and checks every prompt, `jobs` at a time; results come back as they finish.

    start(), then poll wait() until `done`; stop() cancels what is in flight (from the
    thread that polls, e.g. on Ctrl+C); close() always.
    """

    def __init__(
        self, prompts: Sequence[str], new_source: Callable[[], ReplySource], settings: EvalSettings
    ) -> None:
        self.prompts = tuple(prompts)
        self.settings = settings
        self.jobs = max(1, min(settings.jobs, MAX_JOBS))
        self._new_source = new_source
        self._finished: queue.Queue[PromptResult] = queue.Queue()
        self._results: dict[int, PromptResult] = {}
        self._lock = threading.Lock()
        self._live: dict[int, tuple[_WatchedSource, LiveJob]] = {}
        self._stopping = threading.Event()
        self._reached = threading.Event()  # some reply started: the endpoint works
        self._fatal: str | None = None
        self._served_by: str | None = None
        self._pool: ThreadPoolExecutor | None = None
        self._futures: list[Future[None]] = []
        self._started_at: float | None = None
        self._ended_at: float | None = None

    # --- driving it -----------------------------------------------------------------------

    def start(self) -> None:
        """Submit every prompt; returns at once."""
        self._started_at = time.perf_counter()
        self._pool = ThreadPoolExecutor(max_workers=self.jobs, thread_name_prefix="eval")
        self._futures = [
            self._pool.submit(self._evaluate, i, p) for i, p in enumerate(self.prompts)
        ]

    def wait(self, timeout_s: float) -> list[PromptResult]:
        """Results finished since the last call (waits up to `timeout_s` for the first)."""
        arrived: list[PromptResult] = []
        try:
            arrived.append(self._finished.get(timeout=timeout_s))
            while True:
                arrived.append(self._finished.get_nowait())
        except queue.Empty:
            pass
        with self._lock:
            for result in arrived:
                self._results[result.index] = result
        if self.done and self._ended_at is None:
            self._ended_at = time.perf_counter()
        return arrived

    @property
    def done(self) -> bool:
        """Every prompt finished (or the run stopped and its workers ended)."""
        return all(f.done() for f in self._futures) and self._finished.empty()

    @property
    def fatal(self) -> str | None:
        """Why the endpoint cannot be used at all (one line), if so; the run stopped."""
        with self._lock:
            return self._fatal

    def live(self) -> tuple[LiveJob, ...]:
        """The prompts in flight, in suite order."""
        with self._lock:
            return tuple(
                job for _, job in sorted(self._live.values(), key=lambda item: item[1].index)
            )

    def results(self) -> tuple[PromptResult, ...]:
        """The finished results, in suite order."""
        with self._lock:
            return tuple(self._results[i] for i in sorted(self._results))

    @property
    def served_by(self) -> str | None:
        """The model the endpoint named in its replies (it may differ from the one asked for)."""
        with self._lock:
            return self._served_by

    @property
    def wall_s(self) -> float:
        """Seconds from start() to the last result (or to now, while running)."""
        if self._started_at is None:
            return 0.0
        return (self._ended_at or time.perf_counter()) - self._started_at

    def stop(self) -> None:
        """Cancel the streams in flight, skip the prompts not started, wait for the workers.

        A check already running finishes (it has its own timeout); wait(0) then returns
        what finished meanwhile.
        """
        self._halt()
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
        self._ended_at = self._ended_at or time.perf_counter()

    def close(self) -> None:
        """Stop if still running; idempotent."""
        if not all(f.done() for f in self._futures):
            self._halt()
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)

    def _halt(self) -> None:
        self._stopping.set()
        with self._lock:
            in_flight = [source for source, _ in self._live.values()]
        for source in in_flight:
            source.cancel()

    # --- one prompt (a worker thread) -------------------------------------------------------

    def _evaluate(self, index: int, prompt: str) -> None:
        if self._stopping.is_set():
            return
        source = _WatchedSource(self._new_source(), self._reached, self._stopping)
        self._show(index, source, LiveJob(index, "waiting", 0, 0.0))
        try:
            result = self._make(index, prompt, source)
        except Exception as error:  # a bug or the machine (no runner could start): keep going
            log.info("making prompt %d failed", index + 1, exc_info=True)
            result = _failed(index, prompt, f"the studio failed: {error}")
        finally:
            with self._lock:
                self._live.pop(index, None)
        if result is not None:
            self._finished.put(result)

    def _make(self, index: int, prompt: str, source: _WatchedSource) -> PromptResult | None:
        settings = self.settings

        def on_progress(progress: MakeProgress) -> None:
            if self._stopping.is_set():
                source.cancel()  # started just as the run stopped, after _halt() looked
            self._show(
                index,
                source,
                LiveJob(index, progress.phase, progress.tokens, progress.tokens_per_s),
            )

        made = make_game(
            prompt,
            source,
            settings.runner_settings,
            None,
            on_progress,
            settings.check_frames,
            settings.check_timeout_s,
        )
        error = source.error
        if self._stopping.is_set() and error is not None and error.kind == "cancelled":
            return None  # stopped by the user: not a measurement
        if error is not None and error.kind in FATAL_KINDS and not self._reached.is_set():
            with self._lock:
                self._fatal = self._fatal or error.message
            self._halt()
            return None
        with self._lock:
            self._served_by = self._served_by or source.served_by
        result = _result(index, prompt, made, source)
        drew = made.code is not None and made.check is not None and made.check.frames > 0
        if settings.thumbnails and drew and made.code and not self._stopping.is_set():
            self._show(index, source, LiveJob(index, "picture", made.tokens, made.tokens_per_s))
            assets = settings.runner_settings.assets_dir or Paths().asset_pack
            result = _with_thumbnail(result, made.code, assets)
        return result

    def _show(self, index: int, source: _WatchedSource, job: LiveJob) -> None:
        with self._lock:
            self._live[index] = (source, job)


def _result(index: int, prompt: str, made: MakeResult, source: _WatchedSource) -> PromptResult:
    """The measurement of one make: status, funnel and times."""
    check = made.check
    final = made.attempts[-1] if made.attempts else None
    if check is not None:
        status, message = check.status, made.message
    elif source.error is not None:
        status, message = f"model error: {source.error.message}", made.message
    else:
        status, message = "no code", made.message
    ran = check is not None and check.status == "ok"
    playable: float | None = None
    if (
        ran
        and final is not None
        and final.ttft_ms is not None
        and final.ready_ms is not None
        and source.started_at
    ):
        # Request sent → first frame of the game that passed, repairs included.
        before_final_ms = (source.started_at[-1] - source.started_at[0]) * 1000.0
        playable = before_final_ms + final.ttft_ms + final.stream_ms + final.ready_ms
    return PromptResult(
        index=index,
        prompt=prompt,
        status=status,
        message=message,
        title=made.title,
        compiled=check is not None and check.status != "refused",
        ran=ran,
        blank=bool(check and check.blank),
        responds_to_input=ran and bool(check and check.responds_to_input),
        repairs=made.repairs,
        ttft_ms=made.ttft_ms,
        tokens=made.tokens,
        tokens_per_s=made.tokens_per_s,
        stream_ms=made.stream_ms,
        ready_ms=made.ready_ms,
        time_to_playable_ms=playable,
        check=check,
    )


def _failed(index: int, prompt: str, message: str) -> PromptResult:
    return PromptResult(
        index,
        prompt,
        "error",
        message,
        "",
        False,
        False,
        False,
        False,
        0,
        None,
        0,
        0.0,
        0.0,
        None,
        None,
        None,
    )


def _with_thumbnail(result: PromptResult, code: str, assets_dir: Path) -> PromptResult:
    """The result with a picture of its game, taken in the sandbox (None if it fails)."""
    from studio.library.thumbnails import capture_thumbnail  # Pillow: only for a report

    try:
        png = capture_thumbnail(code, assets_dir)
    except Exception:  # a picture is a nicety; the measurement stands without it
        log.info("no thumbnail for prompt %d", result.index + 1, exc_info=True)
        png = None
    return replace(result, thumbnail_png=png)

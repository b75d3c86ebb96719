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
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path

from sandbox.runner_process import RunnerSettings
from studio.llm.events import ModelError, StreamStarted
from studio.pipeline.eval_results import PromptResult
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

MAX_JOBS = 8  # the model client's connection pool: more would queue for a connection
FATAL_KINDS = ("unreachable", "auth", "bad_request")  # before any reply: the endpoint is unusable
CHECK_TIMEOUT_S = 30.0

log = logging.getLogger(__name__)


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

"""Make a game from a sentence: stream the reply, run the code the moment it is complete, repair once.

The path of one sentence (DESIGN section 1) without a window: warm check runners are
started before the request is sent; the extractor spots the closing fence and the code
goes to them at once, while the rest of the stream (the fence line, the usage chunk) is
still arriving; a refusal or an early error goes back to the model once, with the line
and the code around it. Every program is saved as a version before it runs.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Protocol

from sandbox.check import CheckResult, PreparedCheck
from sandbox.runner_process import RunnerSettings
from studio.library.store import VersionStore
from studio.llm.events import ModelError, StreamFinished, StreamStarted, TextDelta
from studio.pipeline import prompts
from studio.pipeline.extract import CodeComplete, CodeExtractor
from studio.pipeline.titles import title_of

CHECK_FRAMES = 600
MAX_REPAIRS = 1
REPAIRABLE = ("refused", "error", "timeout", "killed")  # an endless loop is a common slip

Messages = list[dict[str, str]]


class ReplySource(Protocol):
    """Where replies come from: a model (`sources.ModelSource`) or the offline starter kit."""

    model: str
    offline: bool
    can_repair: bool  # the offline kit's games need no repair and cannot take one

    def stream(self, description: str, messages: Messages) -> Iterator[object]:
        """Events (studio.llm.events) of one reply; may raise ModelError."""
        ...

    def cancel(self) -> None:
        """Stop the reply in flight, if any (from any thread)."""
        ...


@dataclass(frozen=True)
class MakeProgress:
    """Shown while a game is made: what is happening and how fast tokens arrive."""

    phase: str  # "waiting", "streaming", "checking", "repairing"
    tokens: int
    tokens_per_s: float


@dataclass(frozen=True)
class Attempt:
    """One reply and what its code did in the check."""

    code: str | None
    version_id: int | None
    check: CheckResult | None
    problem: str | None  # one line: why the code could not be used
    ttft_ms: float | None
    stream_ms: float
    tokens: int
    ready_ms: float | None


@dataclass(frozen=True)
class MakeResult:
    """Everything `studio make --json` reports (DESIGN section 6)."""

    status: str  # the final check status, or "error" when no code arrived
    message: str
    code: str | None
    title: str
    model: str
    offline: bool
    ttft_ms: float | None  # None when no token arrived
    stream_ms: float
    tokens: int
    tokens_per_s: float
    ready_ms: float | None
    repairs: int
    check: CheckResult | None
    version_id: int | None
    attempts: tuple[Attempt, ...] = field(default=())


class _Tokens:
    """Counts streamed tokens: the usage chunk when sent, else ~4 characters a token."""

    def __init__(self) -> None:
        self.characters = 0
        self.reported: int | None = None
        self.first_at: float | None = None
        self.last_at: float | None = None

    def add(self, delta: TextDelta) -> None:
        self.characters += len(delta.text)
        if self.first_at is None:
            self.first_at = delta.at
        self.last_at = delta.at

    @property
    def count(self) -> int:
        return self.reported if self.reported is not None else (self.characters + 3) // 4

    def per_second(self) -> float:
        if self.first_at is None or self.last_at is None or self.last_at <= self.first_at:
            return 0.0
        return self.count / (self.last_at - self.first_at)


def make_game(
    description: str,
    source: ReplySource,
    runner_settings: RunnerSettings,
    store: VersionStore | None = None,
    on_progress: Callable[[MakeProgress], None] = lambda progress: None,
    check_frames: int = CHECK_FRAMES,
    check_timeout_s: float = 30.0,
) -> MakeResult:
    """Stream a game for `description`, check it, repair it once if needed."""
    messages = prompts.new_game_messages(description)
    attempts: list[Attempt] = []
    parent_id: int | None = None
    while True:
        kind = "make" if not attempts else "repair"
        attempt = _attempt(
            description, messages, kind, parent_id, source, runner_settings, store,
            on_progress, check_frames, check_timeout_s,
        )
        attempts.append(attempt)
        parent_id = attempt.version_id or parent_id
        repairable = attempt.code is not None and attempt.check is not None and attempt.check.status in REPAIRABLE
        if not (repairable and source.can_repair and len(attempts) <= MAX_REPAIRS):
            return _result(attempts, source)
        assert attempt.code is not None and attempt.check is not None
        on_progress(MakeProgress("repairing", 0, 0.0))
        problem = prompts.describe_problem(
            attempt.check.status, attempt.check.message, attempt.check.line, attempt.code
        )
        messages = prompts.repair_messages(description, attempt.code, problem, attempt.check.line)


def _attempt(
    description: str,
    messages: Messages,
    kind: str,
    parent_id: int | None,
    source: ReplySource,
    runner_settings: RunnerSettings,
    store: VersionStore | None,
    on_progress: Callable[[MakeProgress], None],
    check_frames: int,
    check_timeout_s: float,
) -> Attempt:
    check = PreparedCheck(runner_settings, baseline_later=True)  # warms up while the model thinks
    try:
        return _stream_and_check(
            description, messages, kind, parent_id, source, check, store, on_progress,
            check_frames, check_timeout_s,
        )
    finally:
        check.close()


def _stream_and_check(
    description: str,
    messages: Messages,
    kind: str,
    parent_id: int | None,
    source: ReplySource,
    check: PreparedCheck,
    store: VersionStore | None,
    on_progress: Callable[[MakeProgress], None],
    check_frames: int,
    check_timeout_s: float,
) -> Attempt:
    extractor = CodeExtractor()
    tokens = _Tokens()
    sent_at = time.perf_counter()
    code: str | None = None
    version_id: int | None = None
    problem: str | None = None
    on_progress(MakeProgress("waiting", 0, 0.0))
    try:
        for event in source.stream(description, messages):
            if isinstance(event, StreamStarted):
                sent_at = event.at
            elif isinstance(event, TextDelta):
                tokens.add(event)
                completed = [e.code for e in extractor.feed(event.text) if isinstance(e, CodeComplete)]
                if code is None:
                    code = completed[0] if completed else extractor.code_closing_now()
                    if code is not None:
                        version_id = _save(store, kind, description, code, source, parent_id)
                        check.start(code, "game.py", check_frames)  # before the stream ends
                on_progress(MakeProgress("streaming", tokens.count, tokens.per_second()))
            elif isinstance(event, StreamFinished):
                tokens.reported = event.completion_tokens
    except ModelError as error:
        problem = error.message
    ended_at = tokens.last_at or time.perf_counter()
    if code is None:
        result = extractor.finish()
        if result.code and problem is None:
            code = result.code  # unfenced, or a fence the reply never closed
            version_id = _save(store, kind, description, code, source, parent_id)
            check.start(code, "game.py", check_frames)
        elif result.code:
            # The stream broke: keep what arrived as a version, but do not run half a program.
            version_id = _save(store, "partial", description, result.code, source, parent_id)
            return Attempt(result.code, version_id, None, problem, *_times(tokens, sent_at, ended_at), None)
        else:
            problem = problem or result.reason or "the reply contained no code"
    ttft_ms, stream_ms, token_count = _times(tokens, sent_at, ended_at)
    if code is None:
        return Attempt(None, None, None, problem, ttft_ms, stream_ms, token_count, None)
    on_progress(MakeProgress("checking", tokens.count, tokens.per_second()))
    verdict = check.finish(check_timeout_s)
    first_frame_at = check.first_frame_seen_at
    ready_ms = max(0.0, (first_frame_at - ended_at) * 1000.0) if first_frame_at is not None else None
    if store is not None and version_id is not None:
        timings = {"ttft_ms": ttft_ms, "stream_ms": stream_ms, "ready_ms": ready_ms, "tokens": float(token_count)}
        store.record_outcome(version_id, verdict.status, {k: v for k, v in timings.items() if v is not None})
    return Attempt(code, version_id, verdict, problem, ttft_ms, stream_ms, token_count, ready_ms)


def _times(tokens: _Tokens, sent_at: float, ended_at: float) -> tuple[float | None, float, int]:
    """(ttft_ms, stream_ms, tokens) of one reply; no time to first token without a token."""
    if tokens.first_at is None or tokens.last_at is None:
        return None, 0.0, tokens.count
    return (tokens.first_at - sent_at) * 1000.0, (tokens.last_at - tokens.first_at) * 1000.0, tokens.count


def _save(
    store: VersionStore | None, kind: str, description: str, code: str, source: ReplySource, parent_id: int | None
) -> int | None:
    if store is None:
        return None
    return store.add(kind, description, code, source.model, source.offline, parent_id)


def _result(attempts: list[Attempt], source: ReplySource) -> MakeResult:
    final = attempts[-1]
    first = attempts[0]
    tokens = sum(a.tokens for a in attempts)
    stream_ms = sum(a.stream_ms for a in attempts)
    # Only code that went through the check is the game; a stream that broke left a
    # partial version in the library, which is not written anywhere.
    code = next((a.code for a in reversed(attempts) if a.code is not None and a.check is not None), None)
    if final.check is not None:
        status, message = final.check.status, final.check.message
    else:
        status, message = "error", final.problem or "no code arrived"
        if final.code is not None and final.version_id is not None:
            message += f" (the partial code is kept as version {final.version_id})"
    return MakeResult(
        status=status,
        message=message,
        code=code,
        title=title_of(code) if code else "",
        model=source.model,
        offline=source.offline,
        ttft_ms=first.ttft_ms,
        stream_ms=stream_ms,
        tokens=tokens,
        tokens_per_s=tokens / (stream_ms / 1000.0) if stream_ms > 0 else 0.0,
        ready_ms=final.ready_ms,
        repairs=len(attempts) - 1,
        check=final.check,
        version_id=final.version_id,
        attempts=tuple(attempts),
    )

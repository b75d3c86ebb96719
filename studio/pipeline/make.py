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

    def stream(
        self, description: str, messages: Messages, prediction: str | None = None, extra_body: dict | None = None
    ) -> Iterator[object]:
        """Events (studio.llm.events) of one reply; may raise ModelError.

        `prediction`: text the reply will mostly repeat (Predicted Outputs), where supported;
        `extra_body`: endpoint-specific fields (e.g. vLLM's continue_final_message).
        """
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
    job = _Job(description, source, runner_settings, store, on_progress, check_frames, check_timeout_s)
    messages = prompts.new_game_messages(description)
    attempts: list[Attempt] = []
    parent_id: int | None = None
    while True:
        attempt = job.attempt(messages, "make" if not attempts else "repair", parent_id)
        attempts.append(attempt)
        parent_id = attempt.version_id or parent_id
        code, check = attempt.code, attempt.check
        if code is None or check is None or check.status not in REPAIRABLE:
            return _result(attempts, source)
        if not source.can_repair or len(attempts) > MAX_REPAIRS:
            return _result(attempts, source)
        on_progress(MakeProgress("repairing", 0, 0.0))
        problem = prompts.describe_problem(check.status, check.message, check.line, code)
        messages = prompts.repair_messages(description, code, problem, check.line)


@dataclass(frozen=True)
class _Job:
    """What stays the same across the attempts of one make."""

    description: str
    source: ReplySource
    runner_settings: RunnerSettings
    store: VersionStore | None
    on_progress: Callable[[MakeProgress], None]
    check_frames: int
    check_timeout_s: float

    def attempt(self, messages: Messages, kind: str, parent_id: int | None) -> Attempt:
        """One reply: stream it, hand its code to warm runners at once, wait for the verdict."""
        check = PreparedCheck(self.runner_settings, baseline_later=True)  # warms up while the model thinks
        try:
            return self._stream_and_check(messages, kind, parent_id, check)
        finally:
            check.close()

    def _stream_and_check(self, messages: Messages, kind: str, parent_id: int | None, check: PreparedCheck) -> Attempt:
        extractor = CodeExtractor()
        tokens = _Tokens()
        sent_at = time.perf_counter()
        code: str | None = None
        version_id: int | None = None
        problem: str | None = None
        self.on_progress(MakeProgress("waiting", 0, 0.0))
        try:
            for event in self.source.stream(self.description, messages):
                if isinstance(event, StreamStarted):
                    sent_at = event.at
                elif isinstance(event, TextDelta):
                    tokens.add(event)
                    completed = [e.code for e in extractor.feed(event.text) if isinstance(e, CodeComplete)]
                    if code is None:
                        code = completed[0] if completed else extractor.code_closing_now()
                        if code is not None:
                            version_id = self._save(kind, code, parent_id)
                            check.start(code, "game.py", self.check_frames)  # before the stream ends
                    self.on_progress(MakeProgress("streaming", tokens.count, tokens.per_second()))
                elif isinstance(event, StreamFinished):
                    tokens.reported = event.completion_tokens
        except ModelError as error:
            problem = error.message
        ended_at = tokens.last_at or time.perf_counter()
        ttft_ms, stream_ms, token_count = _times(tokens, sent_at, ended_at)
        if code is None:
            result = extractor.finish()
            if result.code and problem is not None:
                # The stream broke: keep what arrived as a version, but do not run half a program.
                partial_id = self._save("partial", result.code, parent_id)
                return Attempt(result.code, partial_id, None, problem, ttft_ms, stream_ms, token_count, None)
            if not result.code:
                problem = problem or result.reason or "the reply contained no code"
                return Attempt(None, None, None, problem, ttft_ms, stream_ms, token_count, None)
            code = result.code  # unfenced, or a fence the reply never closed
            version_id = self._save(kind, code, parent_id)
            check.start(code, "game.py", self.check_frames)
        self.on_progress(MakeProgress("checking", tokens.count, tokens.per_second()))
        verdict = check.finish(self.check_timeout_s)
        first_frame_at = check.first_frame_seen_at
        ready_ms = max(0.0, (first_frame_at - ended_at) * 1000.0) if first_frame_at is not None else None
        if self.store is not None and version_id is not None:
            timings = {"ttft_ms": ttft_ms, "stream_ms": stream_ms, "ready_ms": ready_ms, "tokens": float(token_count)}
            self.store.record_outcome(version_id, verdict.status, {k: v for k, v in timings.items() if v is not None})
        return Attempt(code, version_id, verdict, problem, ttft_ms, stream_ms, token_count, ready_ms)

    def _save(self, kind: str, code: str, parent_id: int | None) -> int | None:
        """Keep the program as a version before it runs."""
        if self.store is None:
            return None
        return self.store.add(kind, self.description, code, self.source.model, self.source.offline, parent_id)


def _times(tokens: _Tokens, sent_at: float, ended_at: float) -> tuple[float | None, float, int]:
    """(ttft_ms, stream_ms, tokens) of one reply; no time to first token without a token."""
    if tokens.first_at is None or tokens.last_at is None:
        return None, 0.0, tokens.count
    return (tokens.first_at - sent_at) * 1000.0, (tokens.last_at - tokens.first_at) * 1000.0, tokens.count


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

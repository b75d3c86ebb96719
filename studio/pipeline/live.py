"""Make a game straight into the running studio: stream, play at the closing fence, repair once.

The window's counterpart of `make.make_game`: instead of a headless check, the code goes
to the studio's game host the moment it is complete, and the host's verdict (first
frame, refusal, early error) decides whether to ask the model for one repair. Runs on a
worker thread; the window feeds verdicts in and takes streamed text out. No Qt here.
"""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from studio.library.store import VersionStore
from studio.llm.events import ModelError, StreamFinished, StreamStarted, TextDelta
from studio.pipeline import prompts
from studio.pipeline.continuation import ContinuationPlan, join_continuation
from studio.pipeline.extract import CodeComplete, CodeExtractor
from studio.pipeline.make import MAX_REPAIRS, ReplySource

VERDICT_TIMEOUT_S = 20.0


@dataclass(frozen=True)
class Verdict:
    """What the host said about the code it was given."""

    ok: bool
    status: str  # "ok", "refused", "error", "timeout", "killed"
    message: str
    line: int | None = None


@dataclass(frozen=True)
class LiveStats:
    """Figures for the status bar, updated as the reply streams."""

    ttft_ms: float | None
    tokens: int
    tokens_per_s: float
    last_token_at: float | None  # perf_counter; the window measures ready_ms from it
    repairs: int


@dataclass(frozen=True)
class LiveOutcome:
    """How one live make ended."""

    ok: bool
    message: str
    code: str | None
    version_id: int | None
    repairs: int


class LiveMake:
    """One description made into the studio's host; `run()` blocks (use a worker thread)."""

    def __init__(
        self,
        description: str,
        source: ReplySource,
        store: VersionStore | None,
        play: Callable[[str], None],
        on_stream_start: Callable[[bool], None] = lambda is_repair: None,
        on_code: Callable[[str], None] = lambda code: None,
        base_code: str | None = None,
        continuation: ContinuationPlan | None = None,
        base_version_id: int | None = None,
        on_version: Callable[[int], None] = lambda version_id: None,
    ) -> None:
        """With `base_code`, `description` is a tweak of that running code, not a new game;
        with `continuation`, the first reply continues an interrupted one."""
        self.description = description
        self.base_code = base_code
        self.continuation = continuation
        self.base_version_id = base_version_id  # the running version a tweak changes
        self.on_version = on_version  # a saved version starts running
        self.source = source
        self.store = store
        self.play = play  # hands complete code to the host (thread-safe)
        self.on_stream_start = on_stream_start
        self.on_code = on_code
        self._text = queue.SimpleQueue[str]()
        self._verdicts = queue.SimpleQueue[Verdict]()
        self._cancelled = threading.Event()
        self._reply: list[str] = []  # the current reply so far, for an interrupt to continue from
        self._played = False
        self._stats = LiveStats(None, 0, 0.0, None, 0)
        self._lock = threading.Lock()

    # -- the window's side ------------------------------------------------------------

    def take_text(self) -> str:
        """Everything streamed since the last call (the code view batches it)."""
        pieces = []
        while True:
            try:
                pieces.append(self._text.get_nowait())
            except queue.Empty:
                return "".join(pieces)

    def reply_so_far(self) -> str:
        """The reply streamed so far (an interrupt continues from its partial code)."""
        return "".join(self._reply)

    @property
    def code_started_playing(self) -> bool:
        """True once code was handed to the host (an interrupt then starts a tweak instead)."""
        return self._played

    def stats(self) -> LiveStats:
        with self._lock:
            return self._stats

    def give_verdict(self, verdict: Verdict) -> None:
        """The host's answer about the code last played."""
        self._verdicts.put(verdict)

    def cancel(self) -> None:
        """Stop the stream at once (a new prompt, or the window closing)."""
        self._cancelled.set()
        self.source.cancel()

    # -- the worker's side ------------------------------------------------------------

    def run(self) -> LiveOutcome:
        """Stream, play, and repair at most once."""
        messages = prompts.new_game_messages(self.description)
        parent_id: int | None = None
        repairs = 0
        if self.base_code is not None:
            first = self._tweak(self.base_code)
            if first is None or isinstance(first, str):
                return LiveOutcome(False, first or "cancelled", None, None, 0)
            tweaked, tweak_id = first
            parent_id = tweak_id
            verdict = self._wait_for_verdict()
            if verdict.ok or not self.source.can_repair or self._cancelled.is_set():
                return LiveOutcome(verdict.ok, verdict.message, tweaked, tweak_id, 0)
            repairs = 1
            problem_text = prompts.describe_problem(verdict.status, verdict.message, verdict.line, tweaked)
            asked = f"the game below, changed so that: {self.description}"  # a tweak, not a new game
            messages = prompts.repair_messages(asked, tweaked, problem_text, verdict.line)
        plan = self.continuation
        if plan is not None and plan.style != "new_request":
            messages = plan.messages
        while True:
            self.on_stream_start(repairs > 0)
            if plan is not None and plan.style != "new_request" and repairs == 0:
                code, version_id, problem = self._continue(plan)
            else:
                code, version_id, problem = self._stream(messages, "make" if repairs == 0 else "repair", parent_id)
            if self._cancelled.is_set():
                return LiveOutcome(False, "cancelled", code, version_id or parent_id, repairs)
            if code is None:
                return LiveOutcome(False, problem or "the reply contained no code", None, parent_id, repairs)
            parent_id = version_id or parent_id
            verdict = self._wait_for_verdict()
            if self.store is not None and version_id is not None:
                self.store.record_outcome(version_id, verdict.status, {})
            if verdict.ok:
                return LiveOutcome(True, "playing", code, version_id, repairs)
            if repairs >= MAX_REPAIRS or not self.source.can_repair or self._cancelled.is_set():
                return LiveOutcome(False, verdict.message, code, version_id, repairs)
            repairs += 1
            with self._lock:
                self._stats = LiveStats(None, 0, 0.0, None, repairs)
            problem_text = prompts.describe_problem(verdict.status, verdict.message, verdict.line, code)
            messages = prompts.repair_messages(self.description, code, problem_text, verdict.line)

    def _stream(
        self, messages: list[dict[str, str]], kind: str, parent_id: int | None
    ) -> tuple[str | None, int | None, str | None]:
        """(code, its version id, why there is none) of one streamed reply."""
        self._reply = []
        extractor = CodeExtractor()
        version_id: int | None = None
        sent_at = time.perf_counter()
        first_at: float | None = None
        characters = 0
        reported: int | None = None
        code: str | None = None
        try:
            for event in self.source.stream(self.description, messages):
                if isinstance(event, StreamStarted):
                    sent_at = event.at
                elif isinstance(event, TextDelta):
                    self._text.put(event.text)
                    self._reply.append(event.text)
                    first_at = first_at or event.at
                    characters += len(event.text)
                    self._update_stats(sent_at, first_at, event.at, reported or (characters + 3) // 4)
                    completed = [e.code for e in extractor.feed(event.text) if isinstance(e, CodeComplete)]
                    if code is None:
                        code = completed[0] if completed else extractor.code_closing_now()
                        if code is not None:
                            version_id = self._hand_over(kind, code, parent_id)  # before the stream ends
                elif isinstance(event, StreamFinished):
                    reported = event.completion_tokens
        except ModelError as error:
            if code is None:
                return None, None, error.message
        if code is None:
            result = extractor.finish()
            if result.code is None:
                return None, None, result.reason
            code = result.code
            version_id = self._hand_over(kind, code, parent_id)
        return code, version_id, None

    def _continue(self, plan: ContinuationPlan) -> tuple[str | None, int | None, str | None]:
        """Stream the rest of an interrupted reply and join it to what had arrived."""
        self._text.put(plan.prefix)  # the code view starts again from the kept code
        pieces: list[str] = []
        try:
            for event in self.source.stream(self.description, plan.messages, extra_body=plan.extra_body):
                if isinstance(event, TextDelta):
                    pieces.append(event.text)
                    self._text.put(event.text)
        except ModelError as error:
            return None, None, error.message
        if self._cancelled.is_set():
            return None, None, "cancelled"
        code = join_continuation(plan.prefix, "".join(pieces))
        return code, self._hand_over("make", code, None), None

    def _tweak(self, base_code: str) -> tuple[str, int | None] | str | None:
        """Edit blocks against the running code; (code, version) played, or why not."""
        from studio.pipeline.tweak import tweak_code  # imports the edit-block parser lazily

        self.on_stream_start(False)
        tweaked = tweak_code(base_code, self.description, self.source, on_text=self._text.put)
        with self._lock:
            self._stats = LiveStats(tweaked.ttft_ms, tweaked.tokens, 0.0, time.perf_counter(), 0)
        if self._cancelled.is_set():
            return None
        if tweaked.code is None:
            return tweaked.problem or "the tweak produced no code"
        return tweaked.code, self._hand_over("tweak", tweaked.code, self.base_version_id)

    def _hand_over(self, kind: str, code: str, parent_id: int | None) -> int | None:
        """Save the code as a version, then play it (unless a newer prompt cancelled this make)."""
        version_id = self._save(kind, code, parent_id)
        if not self._cancelled.is_set():
            self._played = True
            if version_id is not None:
                self.on_version(version_id)  # before play: the verdict may come at once
            self.on_code(code)
            self.play(code)
        return version_id

    def _update_stats(self, sent_at: float, first_at: float, now: float, tokens: int) -> None:
        rate = tokens / (now - first_at) if now > first_at else 0.0
        with self._lock:
            self._stats = LiveStats((first_at - sent_at) * 1000.0, tokens, rate, now, self._stats.repairs)

    def _wait_for_verdict(self) -> Verdict:
        deadline = time.monotonic() + VERDICT_TIMEOUT_S
        while not self._cancelled.is_set():
            try:
                return self._verdicts.get(timeout=min(0.1, max(0.0, deadline - time.monotonic())))
            except queue.Empty:
                if time.monotonic() >= deadline:
                    return Verdict(False, "timeout", "the game did not show a frame in time")
        return Verdict(False, "cancelled", "cancelled")

    def _save(self, kind: str, code: str, parent_id: int | None) -> int | None:
        if self.store is None:
            return None
        return self.store.add(kind, self.description, code, self.source.model, self.source.offline, parent_id)

"""Change a game by instruction: the model answers with edit blocks; a full rewrite only if they fail.

Used by `studio tweak` (then checked headless) and by the window (then hot-swapped into
the running game, its state kept). Streams the reply, applies the blocks exactly or
with whitespace tolerance, and when a block does not apply asks once for the whole
program, sending the current code as a Predicted Output where the endpoint takes one.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from studio.llm.events import ModelError, StreamFinished, StreamStarted, TextDelta
from studio.pipeline.edits import apply_edits, describe_failures, parse_edit_blocks
from studio.pipeline.extract import extract_code
from studio.pipeline.make import ReplySource
from studio.pipeline.tweak_prompts import rewrite_messages, rewrite_prediction, tweak_messages


@dataclass(frozen=True)
class TweakedCode:
    """The changed program, or why there is none, and what it cost."""

    code: str | None
    problem: str | None
    rewrote: bool  # the edit blocks failed and the model rewrote the program
    tokens: int  # output tokens of every reply this tweak needed
    ttft_ms: float | None
    stream_ms: float
    edit_applied_at: float | None  # perf_counter when the new code was ready


@dataclass
class _Reply:
    text: str = ""
    tokens: int | None = None
    sent_at: float = 0.0
    first_at: float | None = None
    last_at: float | None = None
    problem: str | None = None

    @property
    def token_count(self) -> int:
        return self.tokens if self.tokens is not None else (len(self.text) + 3) // 4


def tweak_code(
    code: str,
    instruction: str,
    source: ReplySource,
    on_text: Callable[[str], None] = lambda text: None,
) -> TweakedCode:
    """Ask for edit blocks against `code`; fall back to one full rewrite if they do not apply."""
    if source.offline:
        return _tweak_offline(code, instruction)
    first = _stream(source, instruction, tweak_messages(code, instruction), on_text)
    replies = [first]
    new_code: str | None = None
    rewrote = False
    problem = first.problem
    if problem is None:
        parsed = parse_edit_blocks(first.text)
        outcome = apply_edits(code, parsed.blocks) if parsed.blocks else None
        if outcome is not None and outcome.code is not None and not parsed.problems:
            new_code = outcome.code
        else:
            if parsed.problems:
                why = "; ".join(parsed.problems)
            elif outcome is not None:
                why = describe_failures(outcome.failures)
            else:
                why = "the reply contained no edit blocks"
            rewrote = True
            messages = rewrite_messages(code, instruction, why)
            second = _stream(source, instruction, messages, on_text, prediction=rewrite_prediction(code))
            replies.append(second)
            problem = second.problem
            if problem is None:
                extracted = extract_code(second.text)
                new_code = extracted.code
                problem = None if new_code else (extracted.reason or "the rewrite contained no code")
    applied_at = time.perf_counter() if new_code is not None else None
    return TweakedCode(
        code=new_code,
        problem=problem,
        rewrote=rewrote,
        tokens=sum(r.token_count for r in replies),
        ttft_ms=(first.first_at - first.sent_at) * 1000.0 if first.first_at is not None else None,
        stream_ms=sum(((r.last_at or 0.0) - (r.first_at or 0.0)) * 1000.0 for r in replies if r.first_at),
        edit_applied_at=applied_at,
    )


def _stream(
    source: ReplySource,
    instruction: str,
    messages: list[dict[str, str]],
    on_text: Callable[[str], None],
    prediction: str | None = None,
) -> _Reply:
    reply = _Reply(sent_at=time.perf_counter())
    pieces: list[str] = []
    try:
        for event in source.stream(instruction, messages, prediction):
            if isinstance(event, StreamStarted):
                reply.sent_at = event.at
            elif isinstance(event, TextDelta):
                pieces.append(event.text)
                on_text(event.text)
                reply.first_at = reply.first_at or event.at
                reply.last_at = event.at
            elif isinstance(event, StreamFinished):
                reply.tokens = event.completion_tokens
    except ModelError as error:
        reply.problem = error.message
    reply.text = "".join(pieces)
    return reply


def _tweak_offline(code: str, instruction: str) -> TweakedCode:
    """Without a model, the starter kit's tuning words still work: colours, speed, size..."""
    from studio.pipeline.tuning import read_tuning, tune

    tuned, changes = tune(code, read_tuning(instruction))
    if not changes:
        problem = (
            "offline, a tweak can change only what the starter games expose: colours, speed, "
            "size, counts, gravity, two players and lives (no model is configured)"
        )
        return TweakedCode(None, problem, False, 0, None, 0.0, None)
    return TweakedCode(tuned, None, False, 0, None, 0.0, time.perf_counter())

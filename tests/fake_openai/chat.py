"""Answering POST /v1/chat/completions: faults first, then a paced stream or a whole reply."""

from __future__ import annotations

import math
import time
import uuid
from dataclasses import dataclass
from typing import Any

from tests.fake_openai.connection import ClientConnection
from tests.fake_openai.records import Fault, Reply
from tests.fake_openai.state import ServerState, Speed
from tests.fake_openai.tokens import count_tokens, split_into_tokens
from tests.fake_openai.wire import (
    DONE_EVENT,
    ChunkWriter,
    chat_completion,
    error_body,
    html_error_page,
    status_error,
)

# At high rates the server wakes at most once a millisecond and sends every piece that is
# due in one write (one HTTP chunk): it keeps up with 10,000 tokens/s and leaves the CPU
# (and the GIL: it runs in the test's process) to the client being measured.
MIN_WAIT_S = 0.001
# A cap on one write, so that even unpaced a client sees a steady flow.
MAX_EVENTS_PER_WRITE = 256


@dataclass(frozen=True)
class PlannedReply:
    """What will be sent for one chat request, and how fast."""

    pieces: tuple[str, ...]
    finish_reason: str
    tokens_per_s: float
    first_token_delay_s: float
    prompt_tokens: int

    @property
    def text(self) -> str:
        return "".join(self.pieces)

    @property
    def seconds_per_token(self) -> float:
        return 0.0 if math.isinf(self.tokens_per_s) else 1.0 / self.tokens_per_s


def plan_reply(reply: Reply, body: dict[str, Any], speed: Speed) -> PlannedReply:
    """Cut the reply to `max_tokens` / `max_completion_tokens` and settle its pacing."""
    pieces = split_into_tokens(reply.text)
    finish_reason = reply.finish_reason or "stop"
    limits = [body.get(k) for k in ("max_tokens", "max_completion_tokens")]
    limit = min((v for v in limits if isinstance(v, int) and v > 0), default=None)
    if limit is not None and len(pieces) > limit:
        pieces = pieces[:limit]
        finish_reason = reply.finish_reason or "length"
    return PlannedReply(
        pieces=tuple(pieces),
        finish_reason=finish_reason,
        tokens_per_s=reply.tokens_per_s or speed.tokens_per_s,
        first_token_delay_s=(
            speed.first_token_delay_s
            if reply.first_token_delay_s is None
            else reply.first_token_delay_s
        ),
        prompt_tokens=_prompt_tokens(body.get("messages")),
    )


def _prompt_tokens(messages: object) -> int:
    if not isinstance(messages, list):
        return 0
    total = 0
    for message in messages:
        content = message.get("content") if isinstance(message, dict) else None
        if isinstance(content, str):
            total += count_tokens(content)
        elif isinstance(content, list):
            texts = [p.get("text", "") for p in content if isinstance(p, dict)]
            total += sum(count_tokens(t) for t in texts if isinstance(t, str))
        total += 4  # role and framing, roughly as OpenAI counts them
    return total


def answer_chat(connection: ClientConnection, state: ServerState, index: int, body: object) -> None:
    """Answer one chat request and record how it went (the handler has checked the key)."""
    if not isinstance(body, dict):
        message = "We could not parse the JSON body of your request."
        _send_error(connection, state, index, 400, error_body(message, "invalid_request_error"))
        return
    for required in ("model", "messages"):
        if required not in body:
            error = error_body(
                f"Missing required parameter: '{required}'.",
                "invalid_request_error",
                code="missing_required_parameter",
                param=required,
            )
            _send_error(connection, state, index, 400, error)
            return
    model = str(body["model"])
    rejected = state.rejected_param_fault(body)
    if rejected is not None:
        _send_fault(connection, state, index, rejected, model)
        return
    if not state.accept_any_model and model not in state.models:
        message = f"The model `{model}` does not exist or you do not have access to it."
        error = error_body(message, "invalid_request_error", code="model_not_found")
        _send_error(connection, state, index, 404, error)
        return
    fault = state.take_fault()
    if fault is not None and fault.http_status is not None:
        _send_fault(connection, state, index, fault, model)
        return
    plan = plan_reply(state.next_reply(), body, state.speed)
    drop_after = fault.drop_after_chunks if fault is not None else None
    stream = body.get("stream") is True
    state.update_request(index, stream=stream, reply_text=plan.text, fault=fault)
    if stream:
        include_usage = _wants_usage(body)
        _stream_reply(connection, state, index, plan, model, include_usage, drop_after)
    else:
        _send_whole_reply(connection, state, index, plan, model, drop_after)


def _wants_usage(body: dict[str, Any]) -> bool:
    options = body.get("stream_options")
    return isinstance(options, dict) and options.get("include_usage") is True


def _new_completion_id() -> str:
    return "chatcmpl-" + uuid.uuid4().hex[:24]


def _send_error(
    connection: ClientConnection, state: ServerState, index: int, status: int, error: dict
) -> None:
    connection.send_json(status, error)
    _finish(connection, state, index, status=status)


def _send_fault(
    connection: ClientConnection, state: ServerState, index: int, fault: Fault, model: str
) -> None:
    status = fault.http_status or 500
    headers: list[tuple[str, str]] = []
    if status == 429 or fault.retry_after_s is not None:
        headers.append(("Retry-After", f"{fault.retry_after_s or 0:g}"))
    if fault.html_error:
        connection.send_body(status, "text/html", html_error_page(status), headers)
    elif fault.reject_param is not None:
        message = f"Unrecognized request argument supplied: {fault.reject_param}"
        connection.send_json(status, error_body(message, "invalid_request_error"), headers)
    else:
        connection.send_json(status, status_error(status, model), headers)
    _finish(connection, state, index, status=status, fault=fault)


def _send_whole_reply(
    connection: ClientConnection,
    state: ServerState,
    index: int,
    plan: PlannedReply,
    model: str,
    drop_after: int | None,
) -> None:
    tokens = len(plan.pieces) if drop_after is None else min(drop_after, len(plan.pieces))
    status = None
    if connection.wait(plan.first_token_delay_s + tokens * plan.seconds_per_token):
        if drop_after is not None:
            connection.drop()
        else:
            status = 200
            completion = chat_completion(
                _new_completion_id(),
                int(time.time()),
                model,
                plan.text,
                plan.finish_reason,
                plan.prompt_tokens,
                len(plan.pieces),
            )
            if connection.send_json(200, completion):
                sent_at = time.perf_counter()
                state.update_request(index, first_chunk_sent_at=sent_at, last_chunk_sent_at=sent_at)
    _finish(connection, state, index, status=status)


def _stream_reply(
    connection: ClientConnection,
    state: ServerState,
    index: int,
    plan: PlannedReply,
    model: str,
    include_usage: bool,
    drop_after: int | None,
) -> None:
    """Role chunk, content chunks paced by deadline, finish chunk, usage chunk, [DONE]."""
    writer = ChunkWriter(_new_completion_id(), int(time.time()), model, include_usage)
    state.update_request(index, status=200)
    if not (connection.start_event_stream() and connection.send_chunk(writer.role_event())):
        _finish(connection, state, index)
        return
    if plan.first_token_delay_s > 0:
        connection.wait(plan.first_token_delay_s)
    pieces = plan.pieces
    stop_at = len(pieces) if drop_after is None else min(drop_after, len(pieces))
    interval = plan.seconds_per_token
    start = time.perf_counter()
    sent = 0
    first_sent_at: float | None = None
    last_sent_at: float | None = None
    while sent < stop_at and not connection.gone:
        now = time.perf_counter()
        due = stop_at if interval == 0 else min(stop_at, int((now - start) / interval) + 1)
        due = min(due, sent + MAX_EVENTS_PER_WRITE)
        if due > sent:
            if not connection.send_chunk(writer.content_events(pieces[sent:due])):
                break
            sent = due
            last_sent_at = time.perf_counter()
            if first_sent_at is None:
                first_sent_at = last_sent_at
                state.update_request(index, first_chunk_sent_at=first_sent_at)
        else:
            connection.wait(max(MIN_WAIT_S, start + sent * interval - now))
    if drop_after is not None and not connection.gone:
        connection.drop()
    elif not connection.gone:
        ending = [writer.finish_event(plan.finish_reason)]
        if include_usage:
            ending.append(writer.usage_event(plan.prompt_tokens, len(pieces)))
        ending.append(DONE_EVENT)
        # Separate writes, like a real server: the body's end comes after [DONE].
        if all(connection.send_chunk(event) for event in ending):
            connection.end_chunked_body()
    _finish(
        connection,
        state,
        index,
        chunks_sent=sent,
        first_chunk_sent_at=first_sent_at,
        last_chunk_sent_at=last_sent_at,
    )


def _finish(connection: ClientConnection, state: ServerState, index: int, **changes: Any) -> None:
    state.update_request(
        index, finished_at=time.perf_counter(), disconnected_early=connection.gone, **changes
    )

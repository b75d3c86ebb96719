"""What a streamed reply is made of, whoever produced it (a model or the offline kit).

This module never imports openai: the pipeline and the offline starter kit share these
types with the model client.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True)
class StreamStarted:
    """The request was accepted; `at` is `time.perf_counter()` when it was sent."""

    model: str
    offline: bool
    at: float


@dataclass(frozen=True)
class TextDelta:
    """A piece of the reply's text, with the time it arrived."""

    text: str
    at: float


@dataclass(frozen=True)
class StreamFinished:
    """The reply ended normally; token counts come from the usage chunk when sent."""

    finish_reason: str | None
    prompt_tokens: int | None
    completion_tokens: int | None
    at: float


StreamEvent = StreamStarted | TextDelta | StreamFinished


class ModelError(Exception):
    """A model request failed; `message` is one line a user understands.

    `kind` is one of: "auth", "unreachable", "rate_limited", "server", "bad_request",
    "bad_reply", "broken_stream", "cancelled", "too_long".
    """

    def __init__(self, kind: str, message: str, partial_text: str = "") -> None:
        super().__init__(message)
        self.kind = kind
        self.message = message
        self.partial_text = partial_text  # what arrived before a stream broke


class ReplyStream(Protocol):
    """A streamed reply: iterate for events (may raise ModelError); cancel from any thread."""

    def __iter__(self) -> Iterator[StreamEvent]: ...

    def cancel(self) -> None: ...

    def close(self) -> None: ...

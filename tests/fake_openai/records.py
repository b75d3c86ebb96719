"""What a test tells the fake server to do (Reply, Fault) and what it saw (RecordedRequest)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Reply:
    """One scripted chat reply; unset pacing options fall back to the server's speed."""

    text: str
    tokens_per_s: float | None = None
    first_token_delay_s: float | None = None
    finish_reason: str | None = None  # None: "stop", or "length" when max_tokens cut it


@dataclass(frozen=True)
class Fault:
    """A failure for the next `count` chat requests (or, with `reject_param`, until cleared).

    Transcription requests have their own queue (`FakeOpenAI.fail_next_transcription`);
    there a drop closes the connection before answering and `reject_param` is not allowed.

    - `status` alone: that HTTP status with an OpenAI-shaped JSON error, before any streaming
      (429 always carries `Retry-After`, `retry_after_s` or 0).
    - `drop_after_chunks=K`: stream K content chunks, then close the TCP connection without
      ending the body (no `[DONE]`, no terminating chunk).
    - `reject_param="name"`: 400 "Unrecognized request argument supplied: name" whenever that
      key is in the request body; persistent until `FakeOpenAI.clear_faults()`.
    - `html_error=True`: an HTML error page (status defaults to 502), like a proxy sends.
    """

    status: int | None = None
    count: int = 1
    drop_after_chunks: int | None = None
    reject_param: str | None = None
    html_error: bool = False
    retry_after_s: float | None = None

    def __post_init__(self) -> None:
        if self.count < 1:
            raise ValueError("Fault.count must be at least 1")
        if self.drop_after_chunks is not None and self.drop_after_chunks < 0:
            raise ValueError("Fault.drop_after_chunks must be 0 or more")
        if (
            self.status is None
            and self.drop_after_chunks is None
            and self.reject_param is None
            and not self.html_error
        ):
            raise ValueError("a Fault needs status, drop_after_chunks, reject_param or html_error")

    @property
    def http_status(self) -> int | None:
        """The status code this fault answers with, or None when it streams (a drop)."""
        if self.status is not None:
            return self.status
        if self.html_error:
            return 502
        if self.reject_param is not None:
            return 400
        return None


@dataclass(frozen=True)
class UploadedFile:
    """A file sent in a multipart/form-data request (the audio of a transcription)."""

    field: str  # the form field's name ("file")
    filename: str | None
    content_type: str | None
    size: int  # bytes
    sha256: str  # hex digest of the content, to compare with what the client meant to send


@dataclass(frozen=True)
class RecordedRequest:
    """One HTTP request the server received, and how answering it went.

    Times are `time.perf_counter()` values (same clock as the test process). Header names
    are lower-case. `chunks_sent` counts content chunks (not the role, finish or usage
    chunks). `first_chunk_sent_at` / `last_chunk_sent_at` are when the first / last content
    chunk was written to the socket (for a non-streamed reply: when the body was written).
    `finished_at` is None while the server is still answering. For a multipart request
    (an audio transcription) `body` holds the form's text fields and `upload` the file.
    """

    method: str
    path: str
    headers: dict[str, str]
    body: Any
    connection_id: int
    received_at: float
    status: int | None = None
    stream: bool = False
    reply_text: str | None = None
    fault: Fault | None = None
    chunks_sent: int = 0
    first_chunk_sent_at: float | None = None
    last_chunk_sent_at: float | None = None
    finished_at: float | None = None
    disconnected_early: bool = False
    upload: UploadedFile | None = None

    @property
    def prediction(self) -> Any:
        """The Predicted Outputs parameter (`prediction`) if the request had one."""
        return self.body.get("prediction") if isinstance(self.body, dict) else None

    @property
    def assistant_prefix(self) -> str | None:
        """The partial reply the client asked the model to continue, if any.

        That is the last message's content when it is an assistant message marked
        `prefix: true` (Mistral/DeepSeek style) or the body has `continue_final_message: true`
        (vLLM style).
        """
        if not isinstance(self.body, dict):
            return None
        messages = self.body.get("messages")
        if not messages or not isinstance(messages[-1], dict):
            return None
        last = messages[-1]
        marked = last.get("prefix") is True or self.body.get("continue_final_message") is True
        if last.get("role") == "assistant" and marked:
            content = last.get("content")
            return content if isinstance(content, str) else None
        return None

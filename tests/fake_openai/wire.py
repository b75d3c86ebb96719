"""The bytes the fake server sends: OpenAI-shaped chunks, SSE framing, errors, chunked encoding."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property
from http import HTTPStatus

SYSTEM_FINGERPRINT = "fp_fake"


def html_error_page(status: int) -> bytes:
    """An error page like the one a reverse proxy (nginx) sends instead of JSON."""
    title = f"{status} {HTTPStatus(status).phrase}"
    return (
        f"<html>\r\n<head><title>{title}</title></head>\r\n<body>\r\n"
        f"<center><h1>{title}</h1></center>\r\n<hr><center>nginx</center>\r\n"
        "</body>\r\n</html>\r\n"
    ).encode()


def http_chunk(payload: bytes) -> bytes:
    """One piece of a `Transfer-Encoding: chunked` body (never empty: that ends the body)."""
    return b"%x\r\n%s\r\n" % (len(payload), payload)


END_OF_CHUNKED_BODY = b"0\r\n\r\n"
DONE_EVENT = b"data: [DONE]\n\n"


def sse_event(data: dict[str, object]) -> bytes:
    """A Server-Sent Event carrying one JSON object, as OpenAI frames it."""
    return b"data: " + json.dumps(data, separators=(",", ":")).encode() + b"\n\n"


@dataclass(frozen=True)
class ChunkWriter:
    """Builds the `chat.completion.chunk` events of one streamed reply."""

    completion_id: str
    created: int
    model: str
    include_usage: bool

    def _chunk(self, choices: list[dict[str, object]]) -> dict[str, object]:
        chunk: dict[str, object] = {
            "id": self.completion_id,
            "object": "chat.completion.chunk",
            "created": self.created,
            "model": self.model,
            "system_fingerprint": SYSTEM_FINGERPRINT,
            "choices": choices,
        }
        if self.include_usage:
            chunk["usage"] = None
        return chunk

    def role_event(self) -> bytes:
        """The first event: the assistant role with empty content."""
        delta = {"role": "assistant", "content": "", "refusal": None}
        return sse_event(
            self._chunk([{"index": 0, "delta": delta, "logprobs": None, "finish_reason": None}])
        )

    def content_events(self, pieces: Iterable[str]) -> bytes:
        """Content events for consecutive pieces, concatenated (one write, one HTTP chunk)."""
        head, tail = self._content_template
        return b"".join(head + json.dumps(piece).encode() + tail for piece in pieces)

    @cached_property
    def _content_template(self) -> tuple[bytes, bytes]:
        marker = "\x00MARKER\x00"
        choice = {"index": 0, "delta": {"content": marker}, "logprobs": None, "finish_reason": None}
        text = json.dumps(self._chunk([choice]), separators=(",", ":"))
        head, tail = text.split(json.dumps(marker))
        return b"data: " + head.encode(), tail.encode() + b"\n\n"

    def finish_event(self, finish_reason: str) -> bytes:
        """The event with an empty delta and the finish reason."""
        choice = {"index": 0, "delta": {}, "logprobs": None, "finish_reason": finish_reason}
        return sse_event(self._chunk([choice]))

    def usage_event(self, prompt_tokens: int, completion_tokens: int) -> bytes:
        """The extra event sent when `stream_options.include_usage` was asked for."""
        chunk = self._chunk([])
        chunk["usage"] = usage(prompt_tokens, completion_tokens)
        return sse_event(chunk)


def usage(prompt_tokens: int, completion_tokens: int) -> dict[str, int]:
    """OpenAI's usage object."""
    return {
        "prompt_tokens": prompt_tokens,
        "completion_tokens": completion_tokens,
        "total_tokens": prompt_tokens + completion_tokens,
    }


def chat_completion(
    completion_id: str,
    created: int,
    model: str,
    text: str,
    finish_reason: str,
    prompt_tokens: int,
    completion_tokens: int,
) -> dict[str, object]:
    """A whole, non-streamed `chat.completion` object."""
    message = {"role": "assistant", "content": text, "refusal": None}
    return {
        "id": completion_id,
        "object": "chat.completion",
        "created": created,
        "model": model,
        "system_fingerprint": SYSTEM_FINGERPRINT,
        "choices": [
            {"index": 0, "message": message, "logprobs": None, "finish_reason": finish_reason}
        ],
        "usage": usage(prompt_tokens, completion_tokens),
    }


def error_body(message: str, kind: str, code: str | None = None, param: str | None = None) -> dict:
    """OpenAI's JSON error shape: {"error": {"message", "type", "param", "code"}}."""
    return {"error": {"message": message, "type": kind, "param": param, "code": code}}


def invalid_key_error(key: str | None) -> dict:
    """The 401 body for a wrong or missing key."""
    if not key:
        message = (
            "You didn't provide an API key. You need to provide your API key in an "
            "Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY)."
        )
        return error_body(message, "invalid_request_error")
    shown = key[:3] + "*" * 4 + key[-4:] if len(key) > 8 else key
    message = (
        f"Incorrect API key provided: {shown}. You can find your API key at "
        "https://platform.openai.com/account/api-keys."
    )
    return error_body(message, "invalid_request_error", code="invalid_api_key")


def status_error(status: int, model: str | None) -> dict:
    """The JSON body for a fault status (429, 500, 503, ...)."""
    if status == 429:
        message = (
            f"Rate limit reached for {model or 'this model'} on tokens per min (TPM). "
            "Please try again in 0s."
        )
        return error_body(message, "tokens", code="rate_limit_exceeded")
    if status >= 500:
        message = "The server had an error while processing your request. Sorry about that!"
        return error_body(message, "server_error")
    return error_body(f"The request failed with status {status}.", "invalid_request_error")

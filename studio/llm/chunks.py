"""Reading OpenAI's streamed `chat.completion.chunk` events (SSE) incrementally, cheaply."""

from __future__ import annotations

import json
from typing import Any

from studio.llm.errors import one_line
from studio.llm.events import ModelError

MAX_LINE_BYTES = 4 * 1024 * 1024  # one SSE line; a real chunk is a few hundred bytes
DONE = b"[DONE]"


class ChunkParser:
    """Feed raw body bytes; get the reply text they complete. Plain json, no models per chunk.

    Events may be split across reads or packed many to a read; lines end in LF or CRLF.
    `done` turns True at `data: [DONE]`; anything after it is ignored.
    """

    def __init__(self) -> None:
        self.done = False
        self.finish_reason: str | None = None
        self.prompt_tokens: int | None = None
        self.completion_tokens: int | None = None
        self._pending = b""  # an unfinished line
        self._data: list[bytes] = []  # data lines of the event being read

    def feed(self, chunk: bytes) -> str:
        """The text of the events `chunk` completes; raises ModelError on a malformed event."""
        if self.done:
            return ""
        if self._pending:
            chunk = self._pending + chunk
        lines = chunk.split(b"\n")
        self._pending = lines.pop()
        if len(self._pending) > MAX_LINE_BYTES:
            raise ModelError("bad_reply", "the endpoint sent a stream line over 4 MB")
        texts: list[str] = []
        for line in lines:
            if line.endswith(b"\r"):
                line = line[:-1]
            if line.startswith(b"data:"):
                self._data.append(line[6:] if line[5:6] == b" " else line[5:])
            elif not line and self._data:  # a blank line ends an event
                data = self._data[0] if len(self._data) == 1 else b"\n".join(self._data)
                self._data = []
                if data == DONE:
                    self.done = True
                    break
                text = self._read_event(data)
                if text:
                    texts.append(text)
            # other fields (event:, id:, retry:) and ": comments" carry nothing we use
        return texts[0] if len(texts) == 1 else "".join(texts)

    def finish(self) -> str:
        """At the end of the body: an event left without its blank line still counts."""
        if self._pending:
            self.feed(b"\n")
        if self._data and not self.done:
            return self.feed(b"\n")
        return ""

    def _read_event(self, data: bytes) -> str:
        try:
            event = json.loads(data)
        except ValueError:
            shown = one_line(data[:60].decode("utf-8", errors="replace"))
            message = f"the endpoint sent an event that is not JSON: {shown}"
            raise ModelError("bad_reply", message) from None
        if not isinstance(event, dict):
            raise ModelError("bad_reply", "the endpoint sent an event that is not a JSON object")
        if event.get("error"):
            raise ModelError("server", "the endpoint reported an error: " + _message(event))
        text = ""
        choices = event.get("choices")
        if choices and isinstance(choices, list) and isinstance(choices[0], dict):
            choice = choices[0]
            delta = choice.get("delta")
            if isinstance(delta, dict):
                content = delta.get("content")
                if isinstance(content, str):
                    text = content
            reason = choice.get("finish_reason")
            if isinstance(reason, str):
                self.finish_reason = reason
        usage = event.get("usage")
        if isinstance(usage, dict):
            self.prompt_tokens = _count(usage.get("prompt_tokens"))
            self.completion_tokens = _count(usage.get("completion_tokens"))
        return text


def whole_reply(body: bytes) -> tuple[str, str | None, int | None, int | None]:
    """Text, finish reason and token counts of a non-streamed `chat.completion` body."""
    try:
        reply = json.loads(body)
    except ValueError:
        raise ModelError("bad_reply", "the endpoint's answer is not JSON") from None
    if not isinstance(reply, dict):
        raise ModelError("bad_reply", "the endpoint's answer is not a JSON object")
    if reply.get("error"):
        raise ModelError("server", "the endpoint reported an error: " + _message(reply))
    choices = reply.get("choices")
    choice = choices[0] if isinstance(choices, list) and choices else None
    message = choice.get("message") if isinstance(choice, dict) else None
    content = message.get("content") if isinstance(message, dict) else None
    if not isinstance(content, str):
        raise ModelError("bad_reply", "the endpoint's answer has no message text")
    reason = choice.get("finish_reason") if isinstance(choice, dict) else None
    usage = reply.get("usage")
    usage = usage if isinstance(usage, dict) else {}
    return (
        content,
        reason if isinstance(reason, str) else None,
        _count(usage.get("prompt_tokens")),
        _count(usage.get("completion_tokens")),
    )


def _message(body: dict[str, Any]) -> str:
    error = body.get("error")
    message = error.get("message") if isinstance(error, dict) else error
    return one_line(str(message)) if message else "no details"


def _count(value: object) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None

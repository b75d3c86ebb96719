"""One streamed chat reply over HTTP: events out, cancellable from any thread, connection kept.

Why we read the body ourselves instead of iterating the SDK's `openai.Stream`: the sync
`Stream.__stream__` (openai/_streaming.py) `break`s at `data: [DONE]` and its `finally`
calls `response.close()` before the chunked body's last chunk (`0\\r\\n\\r\\n`) is read. In
httpcore2 (`_sync/http11.py`, `HTTP11Connection._response_closed`) a connection goes back
to the pool only when h11 has seen the whole response (`their_state is h11.DONE`);
otherwise it calls `self.close()` and the socket is gone, so every streamed request opened
a new connection (a new TLS handshake against a real endpoint). The async `AsyncStream`
drains after [DONE]; the sync one does not. Here, after [DONE], we read on to the end of
the body (bounded in bytes and time), which leaves the connection idle in the pool.

Iteration raises ModelError("cancelled", ..., partial_text) after `cancel()` or `close()`;
it never ends silently without a StreamFinished.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import httpx2

from studio.llm.chunks import ChunkParser, whole_reply
from studio.llm.errors import describe_network_error, html_excerpt
from studio.llm.events import (
    ModelError,
    StreamEvent,
    StreamFinished,
    StreamStarted,
    TextDelta,
)

DRAIN_MAX_BYTES = 64 * 1024  # after [DONE]; more than this and the connection is dropped
DRAIN_MAX_S = 0.5  # a server that keeps the body open after [DONE] loses the connection
_READ_ERRORS = (httpx2.HTTPError, httpx2.StreamError, OSError)


@dataclass(frozen=True)
class OpenedReply:
    """An accepted request: headers read, body not yet; `sent_at` is when it was sent."""

    response: httpx2.Response
    model: str
    sent_at: float


class _DroppedBeforeText(Exception):
    """The connection broke before any text arrived, so asking again loses nothing."""


class HttpReplyStream:
    """A ReplyStream reading one HTTP response; the request is sent on first iteration."""

    def __init__(
        self,
        open_reply: Callable[[threading.Event], OpenedReply],
        *,
        max_reply_chars: int,
        timeout_s: float,
    ) -> None:
        self._open_reply = open_reply
        self._max_reply_chars = max_reply_chars
        self._timeout_s = timeout_s
        self._cancelled = threading.Event()
        self._reading = threading.Lock()  # held while this stream's thread reads the socket
        self._response: httpx2.Response | None = None
        self._done = False  # the reply was read (or failed) and its connection released
        self._events = self._run()

    def __iter__(self) -> Iterator[StreamEvent]:
        return self._events

    def __enter__(self) -> HttpReplyStream:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def cancel(self) -> None:
        """Stop now, from any thread: the socket is shut so the server sees the disconnect."""
        if self._done:
            # Finished: its connection is back in the pool, serving the next request.
            return
        self._cancelled.set()
        response = self._response
        if response is None:
            return  # not accepted yet: the reading thread closes it when the headers arrive
        _shut_down_socket(response)  # also wakes a read blocked in another thread
        if self._reading.acquire(blocking=False):
            try:
                response.close()
            finally:
                self._reading.release()

    def close(self) -> None:
        """Release the request and its connection; same as cancel() while streaming."""
        self.cancel()

    # --- the reading thread ----------------------------------------------------------------

    def _run(self) -> Iterator[StreamEvent]:
        opened = self._open()
        try:
            yield StreamStarted(model=opened.model, offline=False, at=opened.sent_at)
            try:
                yield from self._read(opened.response)
            except _DroppedBeforeText:
                self._release(opened.response)
                opened = self._open()  # once: a stale keep-alive connection, a restart
                try:
                    yield from self._read(opened.response)
                except _DroppedBeforeText as error:
                    raise ModelError("broken_stream", str(error)) from None
        finally:
            self._release(opened.response)
            self._done = True

    def _open(self) -> OpenedReply:
        if self._cancelled.is_set():
            raise ModelError("cancelled", "the request was cancelled")
        opened = self._open_reply(self._cancelled)
        with self._reading:
            self._response = opened.response
            if self._cancelled.is_set():
                opened.response.close()
                raise ModelError("cancelled", "the request was cancelled")
        return opened

    def _release(self, response: httpx2.Response) -> None:
        with self._reading:
            response.close()

    def _read(self, response: httpx2.Response) -> Iterator[StreamEvent]:
        content_type = response.headers.get("content-type", "").lower()
        if "json" in content_type:  # the server ignored stream=True: one whole answer
            yield from self._read_whole(response)
        elif "html" in content_type:
            page = html_excerpt(self._read_bounded(response).decode("utf-8", errors="replace"))
            raise ModelError("bad_reply", f"the endpoint answered with a web page: {page}")
        else:
            yield from self._read_events(response)

    def _read_events(self, response: httpx2.Response) -> Iterator[StreamEvent]:
        parser = ChunkParser()
        chunks = response.iter_bytes()
        received: list[str] = []
        size = 0
        arrived_at = time.perf_counter()
        while not parser.done:
            chunk = self._next_chunk(chunks, received)
            arrived_at = time.perf_counter()
            try:
                text = parser.feed(chunk) if chunk is not None else parser.finish()
            except ModelError as error:
                _shut_down_socket(response)
                raise ModelError(error.kind, error.message, "".join(received)) from None
            if text:
                received.append(text)
                size += len(text)
                if size > self._max_reply_chars:
                    _shut_down_socket(response)
                    limit = f"{self._max_reply_chars:,}"
                    message = f"the reply passed {limit} characters, so it was stopped"
                    raise ModelError("too_long", message, "".join(received))
                yield TextDelta(text, arrived_at)
            if chunk is None:
                break
        if parser.done:
            self._drain(response, chunks)
        elif parser.finish_reason is None:
            if not received:
                raise _DroppedBeforeText("the reply ended before any text arrived")
            message = "the reply stopped before it was complete (no [DONE])"
            raise ModelError("broken_stream", message, "".join(received))
        yield StreamFinished(
            finish_reason=parser.finish_reason,
            prompt_tokens=parser.prompt_tokens,
            completion_tokens=parser.completion_tokens,
            at=arrived_at,
        )

    def _next_chunk(self, chunks: Iterator[bytes], received: list[str]) -> bytes | None:
        """The next piece of the body, None at its end; turns read failures into ModelErrors."""
        with self._reading:
            if self._cancelled.is_set():
                raise ModelError("cancelled", "the request was cancelled", "".join(received))
            try:
                return next(chunks, None)
            except _READ_ERRORS as error:
                if self._cancelled.is_set():
                    raise ModelError(
                        "cancelled", "the request was cancelled", "".join(received)
                    ) from None
                if isinstance(error, httpx2.ReadTimeout):
                    why = f"the endpoint sent nothing for {self._timeout_s:g} s"
                else:
                    why = describe_network_error(error)
                if not received:
                    raise _DroppedBeforeText(f"the reply broke before any text: {why}") from None
                raise ModelError(
                    "broken_stream", f"the reply broke off: {why}", "".join(received)
                ) from None

    def _drain(self, response: httpx2.Response, chunks: Iterator[bytes]) -> None:
        """Read past [DONE] to the end of the body so the connection can be reused."""
        watchdog = threading.Timer(DRAIN_MAX_S, _shut_down_socket, args=(response,))
        watchdog.daemon = True
        watchdog.start()
        drained = 0
        try:
            with self._reading:
                for chunk in chunks:
                    drained += len(chunk)
                    if drained > DRAIN_MAX_BYTES or self._cancelled.is_set():
                        break
        except _READ_ERRORS:
            pass  # the reply is complete; only the connection is lost
        finally:
            watchdog.cancel()

    def _read_whole(self, response: httpx2.Response) -> Iterator[StreamEvent]:
        body = self._read_bounded(response)
        arrived_at = time.perf_counter()
        text, finish_reason, prompt_tokens, completion_tokens = whole_reply(body)
        if len(text) > self._max_reply_chars:
            limit = f"{self._max_reply_chars:,}"
            message = f"the reply passed {limit} characters, so it was stopped"
            raise ModelError("too_long", message, text[: self._max_reply_chars])
        if text:
            yield TextDelta(text, arrived_at)
        yield StreamFinished(finish_reason, prompt_tokens, completion_tokens, arrived_at)

    def _read_bounded(self, response: httpx2.Response) -> bytes:
        limit = self._max_reply_chars * 4 + 65_536  # UTF-8 and JSON escapes
        parts: list[bytes] = []
        size = 0
        chunks = response.iter_bytes()
        while (chunk := self._next_chunk(chunks, [])) is not None:
            parts.append(chunk)
            size += len(chunk)
            if size > limit:
                _shut_down_socket(response)
                raise ModelError(
                    "too_long", "the endpoint's answer is too large, so it was stopped"
                )
        return b"".join(parts)


def _shut_down_socket(response: httpx2.Response) -> None:
    """Shut the response's socket both ways: any blocked read returns, the server sees EOF."""
    stream = response.extensions.get("network_stream")
    sock = stream.get_extra_info("socket") if stream is not None else None
    if isinstance(sock, socket.socket):
        try:
            # The plain-socket method, also for TLS: SSLSocket.shutdown drops its SSL object,
            # which another thread may be reading through at this moment.
            socket.socket.shutdown(sock, socket.SHUT_RDWR)
        except OSError:
            pass  # already closed

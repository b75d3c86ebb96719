"""Writing one answer to a client's socket, and noticing when the client has gone away."""

from __future__ import annotations

import json
import select
import socket
import time
from collections.abc import Sequence
from email.utils import formatdate
from http import HTTPStatus
from typing import BinaryIO

from tests.fake_openai.wire import END_OF_CHUNKED_BODY, http_chunk


class ClientConnection:
    """The client side of a request being answered. Methods return False once it is gone."""

    def __init__(self, sock: socket.socket, output: BinaryIO, request_id: str) -> None:
        self._sock = sock
        self._output = output
        self._request_id = request_id
        self.gone = False  # the client closed or reset the connection
        self.dropped = False  # we closed it on purpose (a Fault)

    @property
    def usable(self) -> bool:
        """Whether the connection can carry another request afterwards."""
        return not (self.gone or self.dropped)

    def send(self, data: bytes) -> bool:
        if self.gone:
            return False
        try:
            self._output.write(data)
        except OSError:  # broken pipe, reset: the client is gone
            self.gone = True
        return not self.gone

    def start_response(self, status: int, headers: Sequence[tuple[str, str]]) -> bool:
        """Status line and headers (plus the usual Date, Server and x-request-id)."""
        lines = [f"HTTP/1.1 {status} {HTTPStatus(status).phrase}"]
        lines.append(f"Date: {formatdate(usegmt=True)}")
        lines.append("Server: fake-openai")
        lines.append(f"x-request-id: {self._request_id}")
        lines += [f"{name}: {value}" for name, value in headers]
        return self.send(("\r\n".join(lines) + "\r\n\r\n").encode("latin-1"))

    def send_body(
        self, status: int, content_type: str, body: bytes, headers: Sequence[tuple[str, str]] = ()
    ) -> bool:
        """A whole response with Content-Length; the connection stays open."""
        all_headers = [
            ("Content-Type", content_type),
            ("Content-Length", str(len(body))),
            ("Connection", "keep-alive"),
            *headers,
        ]
        return self.start_response(status, all_headers) and self.send(body)

    def send_json(self, status: int, data: object, headers: Sequence[tuple[str, str]] = ()) -> bool:
        return self.send_body(status, "application/json", json.dumps(data).encode(), headers)

    def start_event_stream(self) -> bool:
        """Headers of a streamed (SSE, chunked) response."""
        headers = [
            ("Content-Type", "text/event-stream; charset=utf-8"),
            ("Transfer-Encoding", "chunked"),
            ("Connection", "keep-alive"),
            ("Cache-Control", "no-cache"),
        ]
        return self.start_response(200, headers)

    def send_chunk(self, payload: bytes) -> bool:
        """One HTTP chunk of a streamed body."""
        return self.send(http_chunk(payload))

    def end_chunked_body(self) -> bool:
        return self.send(END_OF_CHUNKED_BODY)

    def wait(self, seconds: float) -> bool:
        """Sleep up to `seconds`, returning False early if the client closes the connection."""
        deadline = time.perf_counter() + seconds
        while not self.gone:
            remaining = deadline - time.perf_counter()
            if remaining <= 0:
                return True
            try:
                readable, _, _ = select.select([self._sock], [], [], remaining)
                if not readable:
                    continue  # timed out (re-check: select may wake a hair early)
                if not self._sock.recv(1, socket.MSG_PEEK):
                    self.gone = True  # orderly close (EOF)
                    break
            except OSError:  # broken pipe, reset: the client is gone
                self.gone = True
                break
            # The client sent more bytes (a pipelined request): nothing to learn, just wait.
            time.sleep(max(0.0, deadline - time.perf_counter()))
            return True
        return False

    def drop(self) -> None:
        """Close the connection abruptly, mid-body (a Fault)."""
        self.dropped = True
        try:
            self._sock.shutdown(socket.SHUT_WR)
        except OSError:
            pass

"""The HTTP side of the fake server: one handler per TCP connection, keep-alive, routing, auth."""

from __future__ import annotations

import json
import socket
import socketserver
import time
import traceback
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, BinaryIO, cast

from tests.fake_openai.chat import answer_chat
from tests.fake_openai.connection import ClientConnection
from tests.fake_openai.multipart import FormData, is_multipart, parse_form
from tests.fake_openai.records import RecordedRequest
from tests.fake_openai.state import ServerState
from tests.fake_openai.transcription import answer_transcription, uploaded_file
from tests.fake_openai.wire import error_body, invalid_key_error


class FakeHTTPServer(ThreadingHTTPServer):
    """A threaded HTTP server bound to 127.0.0.1 on a free port, carrying one ServerState."""

    daemon_threads = True
    request_queue_size = 128

    def __init__(self, state: ServerState) -> None:
        self.state = state
        super().__init__(("127.0.0.1", 0), OpenAIRequestHandler)

    def server_bind(self) -> None:
        # HTTPServer.server_bind calls socket.getfqdn(), a DNS lookup; skip it.
        socketserver.TCPServer.server_bind(self)
        host, port = self.server_address[:2]
        self.server_name = str(host)
        self.server_port = int(port)

    def handle_error(self, request: Any, client_address: Any) -> None:
        """Keep unexpected errors for the test to see (`FakeOpenAI.errors`); print nothing."""
        self.state.record_error(traceback.format_exc())


class OpenAIRequestHandler(BaseHTTPRequestHandler):
    """Serves every request of one TCP connection, in order, until either side closes it."""

    protocol_version = "HTTP/1.1"
    server: FakeHTTPServer

    def setup(self) -> None:
        super().setup()
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.connection_id = self.server.state.open_connection(self.connection)
        self.received_at = time.perf_counter()

    def handle(self) -> None:
        try:
            super().handle()
        except OSError:
            pass  # the client reset the connection between requests: nothing to report

    def finish(self) -> None:
        self.server.state.close_connection(self.connection_id)
        try:
            super().finish()
        except OSError:
            pass

    def parse_request(self) -> bool:
        self.received_at = time.perf_counter()  # the request line has just arrived
        return super().parse_request()

    def log_message(self, format: str, *args: Any) -> None:
        """Silence the per-request log lines on stderr."""

    def do_GET(self) -> None:
        self._serve()

    def do_POST(self) -> None:
        self._serve()

    def do_DELETE(self) -> None:
        self._serve()

    def _serve(self) -> None:
        state = self.server.state
        raw_body = self._read_body()
        content_type = self.headers.get("Content-Type")
        form = parse_form(content_type or "", raw_body) if is_multipart(content_type) else None
        body = dict(form.fields) if form is not None else _parse_json(raw_body)
        record = RecordedRequest(
            method=self.command,
            path=self.path,
            headers={name.lower(): value for name, value in self.headers.items()},
            body=body,
            connection_id=self.connection_id,
            received_at=self.received_at,
            upload=uploaded_file(form),
        )
        index = state.begin_request(record)
        connection = ClientConnection(
            self.connection, cast(BinaryIO, self.wfile), "req_" + uuid.uuid4().hex
        )
        try:
            self._route(connection, index, body, form)
        finally:
            if not connection.usable:
                self.close_connection = True
            if not state.is_finished(index):
                state.update_request(
                    index, finished_at=time.perf_counter(), disconnected_early=connection.gone
                )

    def _route(
        self, connection: ClientConnection, index: int, body: object, form: FormData | None
    ) -> None:
        state = self.server.state
        key = _bearer_key(self.headers.get("Authorization"))
        if key != state.api_key:
            self._answer(connection, index, 401, invalid_key_error(key))
            return
        path = self.path.split("?", 1)[0].rstrip("/")
        if self.command == "POST" and path == "/v1/chat/completions":
            answer_chat(connection, state, index, body)
        elif self.command == "POST" and path == "/v1/audio/transcriptions" and state.audio_api:
            answer_transcription(connection, state, index, form)
        elif self.command == "GET" and path == "/v1/models":
            models = [_model_object(model_id) for model_id in state.models]
            self._answer(connection, index, 200, {"object": "list", "data": models})
        elif self.command == "GET" and path.startswith("/v1/models/"):
            model_id = path.removeprefix("/v1/models/")
            if model_id in state.models:
                self._answer(connection, index, 200, _model_object(model_id))
            else:
                message = f"The model '{model_id}' does not exist"
                error = error_body(message, "invalid_request_error", code="model_not_found")
                self._answer(connection, index, 404, error)
        else:
            message = f"Invalid URL ({self.command} {self.path})"
            self._answer(connection, index, 404, error_body(message, "invalid_request_error"))

    def _answer(self, connection: ClientConnection, index: int, status: int, data: object) -> None:
        sent = connection.send_json(status, data)
        now = time.perf_counter()
        self.server.state.update_request(
            index,
            status=status,
            first_chunk_sent_at=now if sent else None,
            last_chunk_sent_at=now if sent else None,
            finished_at=now,
            disconnected_early=connection.gone,
        )

    def _read_body(self) -> bytes:
        if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
            return self._read_chunked_body()
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length > 0 else b""

    def _read_chunked_body(self) -> bytes:
        parts: list[bytes] = []
        while True:
            size = int(self.rfile.readline().split(b";", 1)[0].strip() or b"0", 16)
            if size == 0:
                while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                    pass  # trailers
                return b"".join(parts)
            parts.append(self.rfile.read(size))
            self.rfile.readline()


def _parse_json(raw: bytes) -> Any:
    if not raw:
        return None
    try:
        return json.loads(raw)
    except (UnicodeDecodeError, json.JSONDecodeError):
        return None


def _bearer_key(authorization: str | None) -> str | None:
    if not authorization or not authorization.startswith("Bearer "):
        return None
    return authorization.removeprefix("Bearer ").strip() or None


def _model_object(model_id: str) -> dict[str, object]:
    return {"id": model_id, "object": "model", "created": 0, "owned_by": "fake"}

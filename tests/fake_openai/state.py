"""What one fake server knows: its settings, the script, pending faults and the recordings."""

from __future__ import annotations

import dataclasses
import socket
import threading
from collections import deque
from dataclasses import dataclass
from typing import Any

from tests.fake_openai.default_game import DEFAULT_REPLY_TEXT, DEFAULT_TRANSCRIPT
from tests.fake_openai.records import Fault, RecordedRequest, Reply


@dataclass(frozen=True)
class Speed:
    """How fast replies stream: tokens per second (inf: no pacing) and first-token delay."""

    tokens_per_s: float
    first_token_delay_s: float

    def __post_init__(self) -> None:
        if not self.tokens_per_s > 0:
            raise ValueError("tokens_per_s must be positive (use math.inf for no pacing)")
        if self.first_token_delay_s < 0:
            raise ValueError("first_token_delay_s must be 0 or more")


class ServerState:
    """Shared between the test thread and the request threads; every access takes the lock."""

    def __init__(
        self,
        *,
        api_key: str,
        models: list[str],
        accept_any_model: bool,
        speed: Speed,
        transcription_models: list[str] | None = None,
        audio_api: bool = True,
    ) -> None:
        self.api_key = api_key
        self.models = list(models)
        self.accept_any_model = accept_any_model
        self.transcription_models = list(transcription_models or [])
        self._audio_api = audio_api
        self._transcripts: deque[str] = deque()
        self._transcription_faults: deque[tuple[Fault, int]] = deque()
        self._lock = threading.Lock()
        self._changed = threading.Condition(self._lock)
        self._speed = speed
        self._script: deque[Reply] = deque()
        self._faults: deque[tuple[Fault, int]] = deque()  # (fault, requests it still applies to)
        self._rejected_params: dict[str, Fault] = {}
        self._requests: list[RecordedRequest] = []
        # Open connections: id -> (socket, the thread serving it).
        self._connections: dict[int, tuple[socket.socket, threading.Thread]] = {}
        self._stopping = False
        self._connections_opened = 0
        self._errors: list[str] = []

    # --- settings changed by the test -----------------------------------------------------

    @property
    def speed(self) -> Speed:
        with self._lock:
            return self._speed

    def set_speed(self, tokens_per_s: float | None, first_token_delay_s: float | None) -> None:
        with self._lock:
            self._speed = Speed(
                self._speed.tokens_per_s if tokens_per_s is None else tokens_per_s,
                self._speed.first_token_delay_s
                if first_token_delay_s is None
                else first_token_delay_s,
            )

    def add_replies(self, replies: tuple[Reply, ...]) -> None:
        with self._lock:
            self._script.extend(replies)

    def add_fault(self, fault: Fault) -> None:
        with self._lock:
            if fault.reject_param is not None:
                self._rejected_params[fault.reject_param] = fault
            else:
                self._faults.append((fault, fault.count))

    def clear_faults(self) -> None:
        with self._lock:
            self._faults.clear()
            self._rejected_params.clear()
            self._transcription_faults.clear()

    @property
    def audio_api(self) -> bool:
        with self._lock:
            return self._audio_api

    @audio_api.setter
    def audio_api(self, offered: bool) -> None:
        with self._lock:
            self._audio_api = offered

    def add_transcripts(self, texts: tuple[str, ...]) -> None:
        with self._lock:
            self._transcripts.extend(texts)

    def add_transcription_fault(self, fault: Fault) -> None:
        if fault.reject_param is not None:
            raise ValueError("reject_param is for chat requests, not transcriptions")
        with self._lock:
            self._transcription_faults.append((fault, fault.count))

    # --- decisions for one chat request ----------------------------------------------------

    def next_reply(self) -> Reply:
        """The next scripted reply, or the default game once the script has run out."""
        with self._lock:
            return self._script.popleft() if self._script else Reply(text=DEFAULT_REPLY_TEXT)

    def rejected_param_fault(self, body: dict[str, Any]) -> Fault | None:
        """The persistent fault for a rejected parameter the body contains, if any."""
        with self._lock:
            for name, fault in self._rejected_params.items():
                if name in body:
                    return fault
            return None

    def take_fault(self) -> Fault | None:
        """The fault this chat request gets, counting it against the fault's `count`."""
        with self._lock:
            return _take_fault(self._faults)

    # --- decisions for one transcription request ------------------------------------------

    def next_transcript(self) -> str:
        """The next scripted transcript, or the default one once the script has run out."""
        with self._lock:
            return self._transcripts.popleft() if self._transcripts else DEFAULT_TRANSCRIPT

    def take_transcription_fault(self) -> Fault | None:
        """The fault this transcription request gets, counting it against its `count`."""
        with self._lock:
            return _take_fault(self._transcription_faults)

    # --- connections -------------------------------------------------------------------------

    def open_connection(self, connection: socket.socket) -> int:
        """Register a newly accepted TCP connection; returns its id (1, 2, ...)."""
        with self._lock:
            self._connections_opened += 1
            connection_id = self._connections_opened
            if self._stopping:
                _shut_down(connection)  # accepted while stopping: the handler ends at once
            else:
                self._connections[connection_id] = (connection, threading.current_thread())
            return connection_id

    def close_connection(self, connection_id: int) -> None:
        with self._lock:
            self._connections.pop(connection_id, None)

    @property
    def connections_opened(self) -> int:
        with self._lock:
            return self._connections_opened

    def shut_down_connections(self) -> list[threading.Thread]:
        """Unblock every connection thread (idle keep-alive reads, paced streams)."""
        with self._lock:
            self._stopping = True
            open_now = list(self._connections.values())
        for connection, _ in open_now:
            _shut_down(connection)
        return [thread for _, thread in open_now]

    # --- recordings ---------------------------------------------------------------------------

    def begin_request(self, record: RecordedRequest) -> int:
        """Store a new recording; returns its index for later updates."""
        with self._lock:
            self._requests.append(record)
            return len(self._requests) - 1

    def update_request(self, index: int, **changes: Any) -> None:
        with self._changed:
            self._requests[index] = dataclasses.replace(self._requests[index], **changes)
            self._changed.notify_all()

    def is_finished(self, index: int) -> bool:
        with self._lock:
            return self._requests[index].finished_at is not None

    @property
    def requests(self) -> list[RecordedRequest]:
        with self._lock:
            return list(self._requests)

    def wait_until_idle(self, timeout_s: float) -> bool:
        """Wait until every request received so far has finished; False on timeout."""
        with self._changed:
            return self._changed.wait_for(
                lambda: all(r.finished_at is not None for r in self._requests), timeout_s
            )

    def record_error(self, description: str) -> None:
        with self._lock:
            self._errors.append(description)

    @property
    def errors(self) -> list[str]:
        with self._lock:
            return list(self._errors)


def _take_fault(queue: deque[tuple[Fault, int]]) -> Fault | None:
    """Pop the first fault of a queue, putting it back while it applies to more requests."""
    if not queue:
        return None
    fault, remaining = queue.popleft()
    if remaining > 1:
        queue.appendleft((fault, remaining - 1))
    return fault


def _shut_down(connection: socket.socket) -> None:
    try:
        connection.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass  # already closed by the client

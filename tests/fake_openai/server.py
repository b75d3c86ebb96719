"""FakeOpenAI: a local OpenAI-compatible server (real HTTP and SSE) running in a background thread."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from types import TracebackType

from tests.fake_openai.handler import FakeHTTPServer
from tests.fake_openai.records import Fault, RecordedRequest, Reply
from tests.fake_openai.state import ServerState, Speed
from tests.fake_openai.transcription import DEFAULT_TRANSCRIPTION_MODELS

DEFAULT_MODELS = ("fake-coder-1", "fake-coder-mini")


class FakeOpenAI:
    """Serves /v1/models, /v1/chat/completions and /v1/audio/transcriptions on 127.0.0.1.

    Use it as a context manager. Every instance is independent (its own port, script, faults
    and recordings). `tokens_per_s=math.inf` streams as fast as the socket allows.
    Transcriptions accept `transcription_models` (not listed by /v1/models) and answer the
    scripted texts after `first_token_delay_s`; `audio_api=False` makes the route a 404,
    as on servers that only do chat (Ollama, llama.cpp).
    """

    def __init__(
        self,
        *,
        tokens_per_s: float = 3000.0,
        first_token_delay_s: float = 0.0,
        api_key: str = "sk-fake",
        models: Sequence[str] = DEFAULT_MODELS,
        accept_any_model: bool = False,
        transcription_models: Sequence[str] = DEFAULT_TRANSCRIPTION_MODELS,
        audio_api: bool = True,
    ) -> None:
        self._state = ServerState(
            api_key=api_key,
            models=list(models),
            accept_any_model=accept_any_model,
            speed=Speed(tokens_per_s, first_token_delay_s),
            transcription_models=list(transcription_models),
            audio_api=audio_api,
        )
        self._http: FakeHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # --- lifecycle -----------------------------------------------------------------------

    def start(self) -> FakeOpenAI:
        """Bind a free port and serve in a background thread (`with` does this for you)."""
        if self._http is not None:
            raise RuntimeError("FakeOpenAI is already running")
        self._http = FakeHTTPServer(self._state)
        self._thread = threading.Thread(
            target=self._http.serve_forever,
            kwargs={"poll_interval": 0.05},
            name=f"fake-openai:{self.port}",
            daemon=True,
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop accepting, close every open connection and wait for the request threads."""
        if self._http is None or self._thread is None:
            return
        self._http.shutdown()
        for thread in self._state.shut_down_connections():
            thread.join(timeout=5)
        self._http.server_close()
        self._thread.join(timeout=5)
        self._http = None
        self._thread = None

    def __enter__(self) -> FakeOpenAI:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()

    # --- where and how to connect --------------------------------------------------------

    @property
    def port(self) -> int:
        if self._http is None:
            raise RuntimeError("FakeOpenAI is not running")
        return self._http.server_port

    @property
    def base_url(self) -> str:
        """For `openai.OpenAI(base_url=...)`: "http://127.0.0.1:PORT/v1"."""
        return f"http://127.0.0.1:{self.port}/v1"

    @property
    def api_key(self) -> str:
        """The only key accepted; any other gets a 401 with OpenAI's JSON error."""
        return self._state.api_key

    @property
    def models(self) -> list[str]:
        """The model ids GET /v1/models lists (and the only ones chat accepts by default)."""
        return list(self._state.models)

    # --- what it will do -----------------------------------------------------------------

    def script(self, *replies: Reply) -> None:
        """Queue replies for the next chat requests, in order (then the default game)."""
        self._state.add_replies(replies)

    def fail_next(self, fault: Fault) -> None:
        """Queue a fault for the next chat requests (`reject_param` ones last until cleared)."""
        self._state.add_fault(fault)

    def clear_faults(self) -> None:
        """Forget queued faults (chat and transcription) and rejected parameters."""
        self._state.clear_faults()

    def script_transcription(self, *texts: str) -> None:
        """Queue texts for the next transcriptions, in order (then "make the snake blue")."""
        self._state.add_transcripts(texts)

    def fail_next_transcription(self, fault: Fault) -> None:
        """Queue a fault for the next transcription requests (chat requests are unaffected).

        `status` and `html_error` answer as for chat; `drop_after_chunks` (any value) closes
        the connection without answering; `reject_param` raises ValueError.
        """
        self._state.add_transcription_fault(fault)

    @property
    def audio_api(self) -> bool:
        """Whether POST /v1/audio/transcriptions exists; set False for a 404 like chat-only servers."""
        return self._state.audio_api

    @audio_api.setter
    def audio_api(self, offered: bool) -> None:
        self._state.audio_api = offered

    @property
    def transcription_models(self) -> list[str]:
        """The model ids transcriptions accept (unless `accept_any_model`)."""
        return list(self._state.transcription_models)

    def set_speed(
        self, *, tokens_per_s: float | None = None, first_token_delay_s: float | None = None
    ) -> None:
        """Change pacing for later requests; None leaves a setting as it was."""
        self._state.set_speed(tokens_per_s, first_token_delay_s)

    @property
    def tokens_per_s(self) -> float:
        return self._state.speed.tokens_per_s

    @property
    def first_token_delay_s(self) -> float:
        return self._state.speed.first_token_delay_s

    # --- what it saw ---------------------------------------------------------------------

    @property
    def requests(self) -> list[RecordedRequest]:
        """Every request received so far, oldest first (a snapshot)."""
        return self._state.requests

    @property
    def chat_requests(self) -> list[RecordedRequest]:
        """The chat completion requests among `requests`."""
        return [r for r in self.requests if r.path.rstrip("/").endswith("/chat/completions")]

    @property
    def transcription_requests(self) -> list[RecordedRequest]:
        """The audio transcription requests among `requests`."""
        return [r for r in self.requests if r.path.rstrip("/").endswith("/audio/transcriptions")]

    @property
    def connections_opened(self) -> int:
        """TCP connections accepted so far."""
        return self._state.connections_opened

    @property
    def errors(self) -> list[str]:
        """Tracebacks of unexpected server-side errors (a bug in the fake); normally empty."""
        return self._state.errors

    def wait_until_idle(self, timeout_s: float = 10.0) -> list[RecordedRequest]:
        """Wait until every request received so far is finished (e.g. a disconnect noticed).

        Returns the requests; raises TimeoutError if some are still being answered.
        """
        if not self._state.wait_until_idle(timeout_s):
            raise TimeoutError(f"fake server still answering after {timeout_s} s")
        return self.requests


__all__ = ["DEFAULT_MODELS", "FakeOpenAI"]

"""The one long-lived model client per endpoint: warm-up, model list, streamed chat requests.

Thread use: one ModelClient may be shared by threads; each ReplyStream is iterated by one
thread and may be cancelled from any other. Parameters the endpoint rejected are remembered
per ModelClient (not per process), so a new client for the same endpoint tries them again.
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import httpx2
import openai

from studio.llm.endpoint import Endpoint
from studio.llm.errors import request_error, server_message, status_error
from studio.llm.events import ModelError, ReplyStream
from studio.llm.reply_stream import HttpReplyStream, OpenedReply
from studio.llm.retry import RetryPolicy, is_retryable, retry_after_s

KEEPALIVE_S = 300.0  # a user who pauses for a few minutes keeps the warm connection
RECENTLY_USED_S = 10.0  # warm_up() does nothing if a request finished this recently
WARM_UP_WAIT_S = 1.0  # a request waits this long for a warm-up already connecting
MAX_REPLY_CHARS = 200_000
NO_KEY = "no-key"  # local servers ignore the key, but the SDK and h11 need a header value

# Parameters we may send that an endpoint is free to reject; dropped (remembered) on a 400
# that names them. max_tokens is replaced by max_completion_tokens (newer OpenAI models).
OPTIONAL_PARAMS = ("stream_options", "prediction", "temperature", "max_tokens")


@dataclass(frozen=True)
class ChatRequest:
    """What the caller asked for; the client decides which optional parameters to send."""

    messages: Sequence[Mapping[str, Any]]
    max_tokens: int
    temperature: float | None
    prediction: str | None
    extra_body: Mapping[str, Any] | None


class ModelClient:
    """Talks to one OpenAI-compatible endpoint over one pool of kept-alive connections."""

    def __init__(
        self,
        endpoint: Endpoint,
        *,
        timeout_s: float = 60.0,
        retry: RetryPolicy | None = None,
        max_reply_chars: int = MAX_REPLY_CHARS,
    ) -> None:
        self.endpoint = endpoint
        self._timeout_s = timeout_s
        self._retry = retry or RetryPolicy()
        self._max_reply_chars = max_reply_chars
        # HTTP/1.1 only: one stream at a time gains nothing from HTTP/2, and cancel() shuts
        # the socket, which on HTTP/2 would also end any other stream sharing it.
        self._http = httpx2.Client(
            timeout=httpx2.Timeout(timeout_s, connect=min(10.0, timeout_s)),
            limits=httpx2.Limits(
                max_connections=8, max_keepalive_connections=4, keepalive_expiry=KEEPALIVE_S
            ),
            http1=True,
            http2=False,
            follow_redirects=True,
        )
        self._openai = openai.OpenAI(
            base_url=endpoint.base_url,
            api_key=endpoint.api_key or NO_KEY,
            max_retries=0,  # ours are cancellable and capped; the SDK's sleep regardless
            timeout=httpx2.Timeout(timeout_s, connect=min(10.0, timeout_s)),
            http_client=self._http,
        )
        self._lock = threading.Lock()
        self._rejected: set[str] = set()
        self._listed_models: list[str] | None = None
        self._warm_up_done: threading.Event | None = None
        self._last_used_at = float("-inf")

    def __enter__(self) -> ModelClient:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        """Close every pooled connection."""
        self._openai.close()

    @property
    def rejected_params(self) -> frozenset[str]:
        """Optional parameters this endpoint refused; they are no longer sent."""
        with self._lock:
            return frozenset(self._rejected)

    # --- warm-up ------------------------------------------------------------------------------

    def warm_up(self) -> None:
        """Open the connection now, in the background, so the next request skips the handshake.

        Cheap to call on every keystroke: it does nothing while a warm-up runs or when the
        connection was used in the last few seconds.
        """
        with self._lock:
            running = self._warm_up_done is not None and not self._warm_up_done.is_set()
            if running or time.monotonic() - self._last_used_at < RECENTLY_USED_S:
                return
            done = threading.Event()
            self._warm_up_done = done
        thread = threading.Thread(
            target=self._warm, args=(done,), name="model-warm-up", daemon=True
        )
        thread.start()

    def wait_until_warm(self, timeout_s: float) -> bool:
        """Wait for a running warm-up to finish; True when none is running any more."""
        with self._lock:
            done = self._warm_up_done
        return done is None or done.wait(timeout_s)

    def _warm(self, done: threading.Event) -> None:
        try:
            # GET /models: every compatible server has it, and reading it to the end leaves
            # the connection (and its TLS session) idle in the pool for the real request.
            response = self._http.get(
                f"{self.endpoint.base_url}/models",
                headers={"Authorization": f"Bearer {self.endpoint.api_key or NO_KEY}"},
            )
            if response.status_code == 200:
                with self._lock:
                    self._listed_models = _model_ids(response)
            self._mark_used()
        except Exception:  # a warm-up is a hint; the real request reports the problem
            pass
        finally:
            done.set()

    def _mark_used(self) -> None:
        with self._lock:
            self._last_used_at = time.monotonic()

    # --- models -------------------------------------------------------------------------------

    def list_models(self) -> list[str]:
        """The model ids the endpoint offers, sorted; raises ModelError."""
        try:
            page = self._openai.models.list()
            models = sorted(model.id for model in page.data)
        except openai.APIStatusError as error:
            raise status_error(error.response, self.endpoint.base_url) from None
        except openai.APIConnectionError as error:
            raise request_error(error, self.endpoint.base_url, self._timeout_s) from None
        except (openai.APIError, ValueError) as error:
            raise ModelError("bad_reply", f"the model list is not valid: {error}") from None
        self._mark_used()
        with self._lock:
            self._listed_models = models
        return models

    def _model_name(self) -> str:
        if self.endpoint.model:
            return self.endpoint.model
        with self._lock:
            models = self._listed_models
        if models is None:
            models = self.list_models()
        if len(models) == 1:
            return models[0]
        offered = ", ".join(models[:8]) + (", ..." if len(models) > 8 else "")
        raise ModelError("bad_request", f"choose a model (--model); the endpoint offers: {offered}")

    # --- chat ---------------------------------------------------------------------------------

    def stream_chat(
        self,
        messages: Sequence[Mapping[str, Any]],
        *,
        max_tokens: int = 8000,
        temperature: float | None = None,
        prediction: str | None = None,
        extra_body: Mapping[str, Any] | None = None,
    ) -> ReplyStream:
        """A streamed reply; the request is sent when iteration starts (errors: ModelError).

        Events: StreamStarted (its `at` is when the first attempt was sent, so retries count
        in the time to first token), TextDeltas (one per network read, however many chunks
        it held), StreamFinished. After `cancel()`/`close()` iteration raises
        ModelError("cancelled", partial_text=...). `prediction` is the expected text for
        Predicted Outputs. `extra_body` is sent as is (never dropped on a 400: it may change
        what the reply means).
        """
        request = ChatRequest(messages, max_tokens, temperature, prediction, extra_body)
        return HttpReplyStream(
            lambda cancelled: self._open_reply(request, cancelled),
            max_reply_chars=self._max_reply_chars,
            timeout_s=self._timeout_s,
        )

    def _open_reply(self, request: ChatRequest, cancelled: threading.Event) -> OpenedReply:
        """Send the request until it is accepted: rejected options dropped, 429/5xx retried."""
        self.wait_until_warm(WARM_UP_WAIT_S)  # its connection is the one we want
        model = self._model_name()
        sent_at = time.perf_counter()
        retries = 0
        waited_s = 0.0
        reconnected = False
        while True:
            params = self._params(request, model)
            try:
                response = self._send(params, request.extra_body)
            except openai.APIStatusError as error:
                rejected = _rejected_param(error, params)
                if rejected is not None:
                    with self._lock:
                        self._rejected.add(rejected)
                    continue
                delay = self._retry_delay(error, retries, waited_s)
                if delay is None:
                    raise status_error(error.response, self.endpoint.base_url) from None
                if cancelled.wait(delay):
                    raise ModelError("cancelled", "the request was cancelled") from None
                retries += 1
                waited_s += delay
                continue
            except openai.APIConnectionError as error:
                # Once, at once: a kept-alive connection the server had just closed.
                if reconnected or isinstance(error, openai.APITimeoutError):
                    raise request_error(error, self.endpoint.base_url, self._timeout_s) from None
                reconnected = True
                continue
            self._mark_used()
            return OpenedReply(response=response, model=model, sent_at=sent_at)

    def _retry_delay(
        self, error: openai.APIStatusError, retries: int, waited_s: float
    ) -> float | None:
        """Seconds to wait before trying again, or None to give up."""
        if not is_retryable(error.status_code) or retries + 1 >= self._retry.attempts:
            return None
        asked = retry_after_s(error.response.headers)
        delay = self._retry.delay_before_retry(retries + 1, asked)
        if waited_s + delay > self._retry.max_total_wait_s:
            return None
        return delay

    def _params(self, request: ChatRequest, model: str) -> dict[str, Any]:
        with self._lock:
            rejected = set(self._rejected)
        params: dict[str, Any] = {"model": model, "messages": request.messages, "stream": True}
        if "max_tokens" not in rejected:
            params["max_tokens"] = request.max_tokens
        elif "max_completion_tokens" not in rejected:
            params["max_completion_tokens"] = request.max_tokens
        wants_usage = self.endpoint.features.include_usage is not False
        if wants_usage and "stream_options" not in rejected:
            params["stream_options"] = {"include_usage": True}
        if request.temperature is not None and "temperature" not in rejected:
            params["temperature"] = request.temperature
        if request.prediction is not None and "prediction" not in rejected:
            params["prediction"] = {"type": "content", "content": request.prediction}
        return params

    def _send(
        self, params: dict[str, Any], extra_body: Mapping[str, Any] | None
    ) -> httpx2.Response:
        """POST the request and return once the headers are in (the body still unread)."""
        create: Any = self._openai.chat.completions.with_streaming_response.create
        # Entering the context manager sends the request and raises for a non-2xx status;
        # the HttpReplyStream closes the response, so the manager itself is not kept.
        accepted = create(**params, extra_body=dict(extra_body) if extra_body else None)
        response: httpx2.Response = accepted.__enter__().http_response
        return response


def _rejected_param(error: openai.APIStatusError, params: Mapping[str, Any]) -> str | None:
    """The optional parameter a 400/422 answer names, if we sent one."""
    if error.status_code not in (400, 422):
        return None
    sent = [name for name in (*OPTIONAL_PARAMS, "max_completion_tokens") if name in params]
    body = error.body if isinstance(error.body, dict) else {}
    named = body.get("param")
    if isinstance(named, str) and named in sent:
        return named
    said = server_message(error.response)
    for name in sent:
        if re.search(rf"\b{re.escape(name)}\b", said):
            return name
    return None


def _model_ids(response: httpx2.Response) -> list[str] | None:
    try:
        body = response.json()
    except ValueError:
        return None
    data = body.get("data") if isinstance(body, dict) else None
    if not isinstance(data, list):
        return None
    return sorted(m["id"] for m in data if isinstance(m, dict) and isinstance(m.get("id"), str))

"""Speech to text through the configured endpoint's audio API (POST /audio/transcriptions).

`transcribe_audio` sends one WAV recording and returns its text; `EndpointTranscriber`
keeps one client (and its kept-alive connection) for repeated push-to-talk use. Every
failure is a `ModelError` with one line for the user; an offline choice, an empty or an
over-large recording are refused before anything is sent.
"""

from __future__ import annotations

import json
import math
import re
from typing import Any

import httpx2
import openai

from studio.llm.client import NO_KEY
from studio.llm.errors import (
    html_excerpt,
    looks_like_html,
    one_line,
    request_error,
    server_message,
    status_error,
)
from studio.llm.events import ModelError
from studio.settings import ModelChoice

# whisper-1 and the gpt-4o-*-transcribe models are announced for shutdown in February 2027.
DEFAULT_TRANSCRIPTION_MODEL = "gpt-transcribe"
MAX_UPLOAD_BYTES = 25 * 1024 * 1024  # OpenAI refuses larger files ("25 MB")
UPLOAD_NAME = "speech.wav"
UPLOAD_TYPE = "audio/wav"

OFFLINE_MESSAGE = "no endpoint is configured (offline): use the offline engine"
NO_AUDIO_API = "the endpoint has no audio transcription API"
# Statuses meaning "this server has no such route": not found, method not allowed, not
# implemented.
NO_ROUTE_STATUSES = frozenset({404, 405, 501})
# A 400 (or a 200 carrying an error, as LM Studio sends) that says the model or the route
# does not exist: OpenAI's "The model `x` does not exist", vLLM's "The model does not
# support Transcriptions API", LM Studio's "Unexpected endpoint or method".
_MISSING_MODEL_OR_ROUTE = re.compile(
    r"model_not_found"
    r"|\bmodel\b[^.]*\b(does not exist|not found|does not support|is not supported)"
    r"|\b(unknown|invalid|no such) model\b"
    r"|unexpected endpoint|invalid url|no such route|unknown (url|route|endpoint)",
    re.IGNORECASE,
)


class EndpointTranscriber:
    """One client for one endpoint's audio API, reused by every `transcribe` call.

    The choice's `model` is its chat model and is not used: `model` here names the
    transcription model (gpt-transcribe unless given).

    The underlying HTTP client is thread-safe, so one transcriber may serve several threads;
    call `close()` (or use it as a context manager) when done.
    """

    def __init__(
        self,
        choice: ModelChoice,
        *,
        model: str | None = None,
        language: str | None = None,
        timeout_s: float = 30.0,
    ) -> None:
        """Raises ModelError when the choice is offline (no endpoint to send audio to)."""
        if choice.offline or not choice.base_url:
            raise ModelError("bad_request", OFFLINE_MESSAGE)
        self.base_url = choice.base_url.rstrip("/")
        self.model = model or DEFAULT_TRANSCRIPTION_MODEL
        self.language = language
        self._timeout_s = timeout_s
        timeout = httpx2.Timeout(timeout_s, connect=min(10.0, timeout_s))
        self._openai = openai.OpenAI(
            base_url=self.base_url,
            api_key=choice.api_key or NO_KEY,
            max_retries=0,  # a push-to-talk user would rather hear about a failure at once
            timeout=timeout,
        )

    def __enter__(self) -> EndpointTranscriber:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the pooled connections."""
        self._openai.close()

    def transcribe(self, wav_bytes: bytes) -> str:
        """The text spoken in a WAV recording (stripped; "" when nothing was heard).

        Raises ModelError: "too_long" for a file over 25 MB and "bad_request" for an empty
        one (neither is sent), "auth", "unreachable", "rate_limited", "server",
        "bad_request" (no audio API, unknown model) or "bad_reply".
        """
        _check_size(wav_bytes)
        reconnected = False
        while True:
            try:
                response = self._send(wav_bytes)
            except openai.APIStatusError as error:
                raise transcription_status_error(error.response, self.base_url) from None
            except openai.APIConnectionError as error:
                # Once, at once: a kept-alive connection the server had closed while idle.
                if reconnected or isinstance(error, openai.APITimeoutError):
                    raise request_error(error, self.base_url, self._timeout_s) from None
                reconnected = True
                continue
            return transcript_from_response(response)

    def _send(self, wav_bytes: bytes) -> httpx2.Response:
        """POST the recording; the raw answer, so that any body shape can be read."""
        options: dict[str, Any] = {}
        if self.language:
            options["language"] = self.language
        raw = self._openai.audio.transcriptions.with_raw_response.create(
            file=(UPLOAD_NAME, wav_bytes, UPLOAD_TYPE), model=self.model, **options
        )
        response: httpx2.Response = raw.http_response
        return response


def transcribe_audio(
    choice: ModelChoice,
    wav_bytes: bytes,
    model: str | None = None,
    language: str | None = None,
    timeout_s: float = 30.0,
) -> str:
    """The text spoken in a WAV recording, from the endpoint of `choice` (one request).

    `model` defaults to gpt-transcribe; `language` is an ISO-639-1 hint ("en"). Raises
    ModelError as `EndpointTranscriber.transcribe` does, and for an offline choice.
    """
    if choice.offline or not choice.base_url:
        raise ModelError("bad_request", OFFLINE_MESSAGE)
    _check_size(wav_bytes)  # before a client is even made
    with EndpointTranscriber(
        choice, model=model, language=language, timeout_s=timeout_s
    ) as transcriber:
        return transcriber.transcribe(wav_bytes)


def transcription_status_error(response: httpx2.Response, base_url: str) -> ModelError:
    """A ModelError for a non-2xx answer; "no audio transcription API" when that is the cause."""
    status = response.status_code
    if status in NO_ROUTE_STATUSES or (status == 400 and _says_missing(response)):
        return no_audio_api_error(response)
    if status == 413:  # a proxy in front of the endpoint may allow less than 25 MB
        said = server_message(response)
        return ModelError(
            "too_long", f"the endpoint refused the recording as too large (413): {said}"
        )
    return status_error(response, base_url)


def no_audio_api_error(response: httpx2.Response) -> ModelError:
    """The error for an endpoint without (this model on) an audio transcription API."""
    said = server_message(response)
    return ModelError("bad_request", f"{NO_AUDIO_API} ({response.status_code}: {said})")


def transcript_from_response(response: httpx2.Response) -> str:
    """The text of a 2xx answer: OpenAI's `{"text": ...}` or a plain-text body.

    Raises ModelError("bad_reply") for an HTML page or JSON without text, and the
    no-audio-API error for a 200 that carries an "unexpected endpoint" error (LM Studio).
    """
    body = response.read().decode(response.encoding or "utf-8", errors="replace")
    if looks_like_html(response, body):
        excerpt = html_excerpt(body)
        raise ModelError("bad_reply", f"the endpoint answered with a web page: {excerpt}")
    content_type = response.headers.get("content-type", "").lower()
    if "json" not in content_type and not body.lstrip().startswith("{"):
        return body.strip()  # response_format "text", or a server that only speaks text
    try:
        data = json.loads(body)
    except ValueError:
        shown = one_line(body, 80)
        raise ModelError("bad_reply", f"the transcription is not valid JSON: {shown}") from None
    text = data.get("text") if isinstance(data, dict) else None
    if isinstance(text, str):
        return text.strip()
    error = data.get("error") if isinstance(data, dict) else None
    if error is not None and _MISSING_MODEL_OR_ROUTE.search(json.dumps(error)):
        raise no_audio_api_error(response)
    shown = one_line(json.dumps(error) if error is not None else body, 80)
    raise ModelError("bad_reply", f"the endpoint's answer has no transcription text: {shown}")


def _says_missing(response: httpx2.Response) -> bool:
    """Whether a 400 says the model or the route does not exist (message or error code)."""
    said = server_message(response)  # reads the body
    return bool(
        _MISSING_MODEL_OR_ROUTE.search(said) or _MISSING_MODEL_OR_ROUTE.search(response.text)
    )


def _check_size(wav_bytes: bytes) -> None:
    if not wav_bytes:
        raise ModelError("bad_request", "the recording is empty: nothing was sent")
    if len(wav_bytes) > MAX_UPLOAD_BYTES:
        size_mb = math.ceil(len(wav_bytes) / (1024 * 1024) * 10) / 10  # never "25.0 MB"
        raise ModelError(
            "too_long",
            f"the recording is too large to send ({size_mb:.1f} MB; the limit is 25 MB): "
            "record a shorter command",
        )

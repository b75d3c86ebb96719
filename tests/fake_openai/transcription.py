"""Answering POST /v1/audio/transcriptions: a multipart upload in, `{"text": ...}` out."""

from __future__ import annotations

import hashlib
import io
import math
import time
import wave
from typing import Any

from tests.fake_openai.connection import ClientConnection
from tests.fake_openai.multipart import FormData
from tests.fake_openai.records import Fault, UploadedFile
from tests.fake_openai.state import ServerState
from tests.fake_openai.wire import error_body, html_error_page, status_error

DEFAULT_TRANSCRIPTION_MODELS = (
    "gpt-transcribe",
    "gpt-4o-transcribe",
    "gpt-4o-mini-transcribe",
    "whisper-1",
)
JSON_FORMATS = ("json", "verbose_json")
TEXT_FORMATS = ("text",)  # srt and vtt are refused, as gpt-*-transcribe models do
MAX_FILE_BYTES = 25 * 1024 * 1024  # OpenAI's upload limit


def uploaded_file(form: FormData | None) -> UploadedFile | None:
    """What the recording keeps of the uploaded audio: name, type, size and digest."""
    sent = form.file("file") if form is not None else None
    if sent is None:
        return None
    return UploadedFile(
        field=sent.field,
        filename=sent.filename,
        content_type=sent.content_type,
        size=len(sent.content),
        sha256=hashlib.sha256(sent.content).hexdigest(),
    )


def answer_transcription(
    connection: ClientConnection, state: ServerState, index: int, form: FormData | None
) -> None:
    """Answer one transcription (the handler has checked the key and that the API is on).

    Validation like OpenAI's, then any queued fault, then the scripted text after the
    server's first-token delay.
    """
    if form is None:
        message = "Could not parse multipart form"
        _send_error(connection, state, index, 400, error_body(message, "invalid_request_error"))
        return
    for required in ("file", "model"):
        present = form.file(required) is not None if required == "file" else required in form.fields
        if not present:
            error = error_body(
                f"Missing required parameter: '{required}'.",
                "invalid_request_error",
                code="missing_required_parameter",
                param=required,
            )
            _send_error(connection, state, index, 400, error)
            return
    refusal = _invalid(form, state)
    if refusal is not None:
        status, body = refusal
        _send_error(connection, state, index, status, body)
        return
    model = form.fields["model"]
    fault = state.take_transcription_fault()
    if fault is not None:
        _send_fault(connection, state, index, fault, model)
        return
    text = state.next_transcript()
    state.update_request(index, reply_text=text)
    if not connection.wait(state.speed.first_token_delay_s):
        _finish(connection, state, index)
        return
    audio = form.file("file")
    seconds = _wav_duration_s(audio.content) if audio is not None else None
    response_format = form.fields.get("response_format", "json")
    state.update_request(index, status=200)  # before the client can read the answer
    if response_format in TEXT_FORMATS:
        sent = connection.send_body(200, "text/plain; charset=utf-8", (text + "\n").encode())
    else:
        sent = connection.send_json(200, _transcription(text, response_format, form, seconds))
    now = time.perf_counter()
    _finish(
        connection,
        state,
        index,
        first_chunk_sent_at=now if sent else None,
        last_chunk_sent_at=now if sent else None,
    )


def _invalid(form: FormData, state: ServerState) -> tuple[int, dict] | None:
    """A (status, error body) for a request OpenAI would refuse, or None."""
    model = form.fields["model"]
    if not state.accept_any_model and model not in state.transcription_models:
        message = f"The model `{model}` does not exist or you do not have access to it."
        return 400, error_body(message, "invalid_request_error", code="model_not_found")
    audio = form.file("file")
    if audio is not None and len(audio.content) > MAX_FILE_BYTES:
        message = f"Maximum content size limit ({MAX_FILE_BYTES}) exceeded ({len(audio.content)} bytes read)"
        return 413, error_body(message, "server_error")
    response_format = form.fields.get("response_format", "json")
    if response_format not in (*JSON_FORMATS, *TEXT_FORMATS):
        message = f"response_format '{response_format}' is not compatible with model '{model}'."
        error = error_body(
            message, "invalid_request_error", code="unsupported_value", param="response_format"
        )
        return 400, error
    return None


def _transcription(
    text: str, response_format: str, form: FormData, seconds: float | None
) -> dict[str, Any]:
    usage = {"type": "duration", "seconds": math.ceil(seconds or 0)}
    if response_format != "verbose_json":
        return {"text": text, "usage": usage}
    return {
        "task": "transcribe",
        "language": form.fields.get("language", "english"),
        "duration": seconds or 0.0,
        "text": text,
        "segments": [],
        "usage": usage,
    }


def _wav_duration_s(data: bytes) -> float | None:
    try:
        with wave.open(io.BytesIO(data)) as recording:
            return recording.getnframes() / recording.getframerate()
    except (wave.Error, EOFError, ZeroDivisionError):
        return None


def _send_error(
    connection: ClientConnection, state: ServerState, index: int, status: int, error: dict
) -> None:
    connection.send_json(status, error)
    _finish(connection, state, index, status=status)


def _send_fault(
    connection: ClientConnection, state: ServerState, index: int, fault: Fault, model: str
) -> None:
    status = fault.http_status
    if status is None:  # a drop: close the connection without answering
        connection.drop()
        _finish(connection, state, index, fault=fault)
        return
    headers: list[tuple[str, str]] = []
    if status == 429 or fault.retry_after_s is not None:
        headers.append(("Retry-After", f"{fault.retry_after_s or 0:g}"))
    if fault.html_error:
        connection.send_body(status, "text/html", html_error_page(status), headers)
    else:
        connection.send_json(status, status_error(status, model), headers)
    _finish(connection, state, index, status=status, fault=fault)


def _finish(connection: ClientConnection, state: ServerState, index: int, **changes: Any) -> None:
    state.update_request(
        index, finished_at=time.perf_counter(), disconnected_early=connection.gone, **changes
    )

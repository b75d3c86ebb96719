"""Endpoint transcription against the fake OpenAI server, with the real openai client."""

from __future__ import annotations

import hashlib
import io
import math
import socket
import wave
from collections.abc import Iterator

import httpx2
import pytest

from studio.llm.events import ModelError
from studio.llm.transcription import (
    DEFAULT_TRANSCRIPTION_MODEL,
    MAX_UPLOAD_BYTES,
    EndpointTranscriber,
    transcribe_audio,
    transcript_from_response,
)
from studio.settings import ModelChoice
from tests.fake_openai import FakeOpenAI, Fault

OFFLINE = ModelChoice(True, "offline (--offline): games come from the built-in starter kit")


@pytest.fixture(autouse=True)
def no_proxy_for_localhost(monkeypatch: pytest.MonkeyPatch) -> None:
    """An HTTP(S)_PROXY in the environment must not capture requests to 127.0.0.1."""
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    monkeypatch.setenv("no_proxy", "127.0.0.1,localhost")


@pytest.fixture
def server() -> Iterator[FakeOpenAI]:
    with FakeOpenAI(tokens_per_s=math.inf) as fake:
        yield fake
        fake.wait_until_idle()
        assert fake.errors == []


def choice_for(server: FakeOpenAI, api_key: str | None = None) -> ModelChoice:
    return ModelChoice(
        offline=False,
        reason=f"custom at {server.base_url}",
        base_url=server.base_url,
        model="fake-coder-1",  # the chat model; transcription uses its own
        api_key=api_key or server.api_key,
    )


def wav_recording(seconds: float = 1.0, rate: int = 16_000) -> bytes:
    """A mono 16-bit WAV: a 440 Hz tone."""
    frames = bytearray()
    for i in range(int(seconds * rate)):
        sample = int(8000 * math.sin(2 * math.pi * 440 * i / rate))
        frames += sample.to_bytes(2, "little", signed=True)
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as recording:
        recording.setnchannels(1)
        recording.setsampwidth(2)
        recording.setframerate(rate)
        recording.writeframes(bytes(frames))
    return buffer.getvalue()


def failure(call: object, *args: object, **kwargs: object) -> ModelError:
    with pytest.raises(ModelError) as caught:
        call(*args, **kwargs)  # type: ignore[operator]
    return caught.value


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


# --- success ----------------------------------------------------------------------------------


def test_returns_the_scripted_text_and_sends_the_wav(server: FakeOpenAI) -> None:
    server.script_transcription("make the snake faster")
    audio = wav_recording()
    assert transcribe_audio(choice_for(server), audio) == "make the snake faster"
    (request,) = server.wait_until_idle()
    assert request.status == 200
    assert request.body == {"model": DEFAULT_TRANSCRIPTION_MODEL}  # no language unless given
    assert DEFAULT_TRANSCRIPTION_MODEL == "gpt-transcribe"
    assert request.upload is not None
    assert request.upload.filename == "speech.wav"
    assert request.upload.content_type == "audio/wav"
    assert request.upload.size == len(audio)
    assert request.upload.sha256 == hashlib.sha256(audio).hexdigest()
    assert request.headers["authorization"] == f"Bearer {server.api_key}"


def test_model_and_language_can_be_chosen(server: FakeOpenAI) -> None:
    text = transcribe_audio(
        choice_for(server), wav_recording(0.2), model="whisper-1", language="fr"
    )
    assert text == "make the snake blue"  # the fake's default transcript
    (request,) = server.wait_until_idle()
    assert request.body == {"model": "whisper-1", "language": "fr"}


def test_one_transcriber_reuses_its_connection(server: FakeOpenAI) -> None:
    server.script_transcription("bigger", "slower", "restart")
    with EndpointTranscriber(choice_for(server)) as transcriber:
        texts = [transcriber.transcribe(wav_recording(0.2)) for _ in range(3)]
    assert texts == ["bigger", "slower", "restart"]
    assert len({r.connection_id for r in server.wait_until_idle()}) == 1
    assert server.connections_opened == 1


def test_a_plain_text_answer_is_read_as_the_transcript() -> None:
    # response_format="text", or a compatible server that only answers text.
    response = httpx2.Response(
        200, headers={"content-type": "text/plain; charset=utf-8"}, content=b"jump higher\n"
    )
    assert transcript_from_response(response) == "jump higher"
    as_json = httpx2.Response(200, json={"text": " make it red ", "usage": {"seconds": 1}})
    assert transcript_from_response(as_json) == "make it red"


# --- refused before sending -------------------------------------------------------------------


def test_an_offline_choice_sends_nothing(server: FakeOpenAI) -> None:
    error = failure(transcribe_audio, OFFLINE, wav_recording(0.1))
    assert error.message == "no endpoint is configured (offline): use the offline engine"
    error = failure(EndpointTranscriber, OFFLINE)
    assert "offline" in error.message
    assert server.requests == []


def test_a_recording_over_25_mb_is_refused_without_a_request(server: FakeOpenAI) -> None:
    too_big = b"RIFF" + bytes(MAX_UPLOAD_BYTES)
    error = failure(transcribe_audio, choice_for(server), too_big)
    assert error.kind == "too_long"
    assert error.message == (
        "the recording is too large to send (25.1 MB; the limit is 25 MB): record a shorter command"
    )
    with EndpointTranscriber(choice_for(server)) as transcriber:
        assert failure(transcriber.transcribe, too_big).kind == "too_long"
    assert server.requests == []


def test_an_empty_recording_is_refused_without_a_request(server: FakeOpenAI) -> None:
    assert "empty" in failure(transcribe_audio, choice_for(server), b"").message
    assert server.requests == []


# --- what the endpoint did wrong ----------------------------------------------------------------


def test_a_wrong_key_is_an_auth_error(server: FakeOpenAI) -> None:
    error = failure(transcribe_audio, choice_for(server, api_key="sk-wrong"), wav_recording(0.1))
    assert error.kind == "auth"
    assert error.message.startswith("the endpoint refused the API key (401)")
    assert "\n" not in error.message


def test_an_endpoint_without_an_audio_api(server: FakeOpenAI) -> None:
    server.audio_api = False
    error = failure(transcribe_audio, choice_for(server), wav_recording(0.1))
    assert error.kind == "bad_request"
    assert error.message.startswith("the endpoint has no audio transcription API (404: ")
    assert "\n" not in error.message


def test_an_unknown_transcription_model_counts_as_no_audio_api(server: FakeOpenAI) -> None:
    error = failure(transcribe_audio, choice_for(server), wav_recording(0.1), model="fake-coder-1")
    assert error.message.startswith("the endpoint has no audio transcription API (400: ")
    assert "fake-coder-1" in error.message


def test_a_200_carrying_an_unexpected_endpoint_error_is_no_audio_api() -> None:
    # LM Studio answers unknown routes like this.
    said = {"error": "Unexpected endpoint or method. (POST /v1/audio/transcriptions)"}
    error = failure(transcript_from_response, httpx2.Response(200, json=said))
    assert error.message.startswith("the endpoint has no audio transcription API")


def test_a_closed_port_is_unreachable() -> None:
    url = f"http://127.0.0.1:{closed_port()}/v1"
    choice = ModelChoice(False, "custom", base_url=url, api_key="sk-any")
    error = failure(transcribe_audio, choice, wav_recording(0.1))
    assert error.kind == "unreachable"
    assert error.message == f"cannot reach {url}: connection refused"


def test_an_html_error_page_is_one_short_line(server: FakeOpenAI) -> None:
    server.fail_next_transcription(Fault(html_error=True))
    error = failure(transcribe_audio, choice_for(server), wav_recording(0.1))
    assert error.kind == "server"
    assert error.message == "the endpoint failed (502): an HTML page: 502 Bad Gateway"


def test_a_rate_limit_and_a_server_error(server: FakeOpenAI) -> None:
    server.fail_next_transcription(Fault(status=429))
    server.fail_next_transcription(Fault(status=500))
    assert failure(transcribe_audio, choice_for(server), wav_recording(0.1)).kind == "rate_limited"
    assert failure(transcribe_audio, choice_for(server), wav_recording(0.1)).kind == "server"
    assert transcribe_audio(choice_for(server), wav_recording(0.1)) == "make the snake blue"


def test_a_413_from_a_proxy_is_too_long(server: FakeOpenAI) -> None:
    server.fail_next_transcription(Fault(status=413))
    error = failure(transcribe_audio, choice_for(server), wav_recording(0.1))
    assert error.kind == "too_long"
    assert error.message.startswith("the endpoint refused the recording as too large (413)")


def test_a_slow_endpoint_times_out(server: FakeOpenAI) -> None:
    server.set_speed(first_token_delay_s=5)
    error = failure(transcribe_audio, choice_for(server), wav_recording(0.1), timeout_s=0.3)
    assert error.kind == "unreachable"
    assert error.message == f"{server.base_url} did not answer within 0.3 s"
    server.set_speed(first_token_delay_s=0)


def test_a_dropped_connection_is_tried_once_more(server: FakeOpenAI) -> None:
    server.fail_next_transcription(Fault(drop_after_chunks=0))
    assert transcribe_audio(choice_for(server), wav_recording(0.1)) == "make the snake blue"
    server.fail_next_transcription(Fault(drop_after_chunks=0, count=2))
    error = failure(transcribe_audio, choice_for(server), wav_recording(0.1))
    assert error.kind == "unreachable"
    assert error.message.startswith(f"cannot reach {server.base_url}: ")

"""The fake OpenAI server, driven by the real `openai` client and by raw HTTP."""

from __future__ import annotations

import hashlib
import http.client
import io
import json
import math
import socket
import wave
from collections.abc import Iterator
from typing import Any

import openai
import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.fake_openai import (
    DEFAULT_REPLY_TEXT,
    DEFAULT_TRANSCRIPT,
    FakeOpenAI,
    Fault,
    Reply,
    UploadedFile,
    count_tokens,
    split_into_tokens,
)

MESSAGES = [{"role": "user", "content": "make a snake game"}]
GAME_REPLY = (
    '```python\n"""Dot."""\nimport pygame\n\ndef draw(screen):\n    screen.fill((0, 0, 0))\n```\n'
)


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


@pytest.fixture
def client(server: FakeOpenAI) -> Iterator[openai.OpenAI]:
    with openai.OpenAI(base_url=server.base_url, api_key=server.api_key, timeout=20) as made:
        yield made


def stream_chat(client: openai.OpenAI, **options: object) -> openai.Stream:
    return client.chat.completions.create(
        model="fake-coder-1", messages=MESSAGES, stream=True, **options
    )


def raw_connection(server: FakeOpenAI) -> http.client.HTTPConnection:
    return http.client.HTTPConnection("127.0.0.1", server.port, timeout=20)


def raw_chat(
    connection: http.client.HTTPConnection, server: FakeOpenAI, **body: object
) -> http.client.HTTPResponse:
    payload = {"model": "fake-coder-1", "messages": MESSAGES, **body}
    headers = {"Authorization": f"Bearer {server.api_key}", "Content-Type": "application/json"}
    connection.request("POST", "/v1/chat/completions", json.dumps(payload), headers)
    return connection.getresponse()


# --- streaming like the real API ---------------------------------------------------------


def test_stream_yields_role_chunk_text_finish_reason_and_usage(
    server: FakeOpenAI, client: openai.OpenAI
) -> None:
    server.script(Reply(text=GAME_REPLY))
    chunks = list(stream_chat(client, stream_options={"include_usage": True}))

    first = chunks[0]
    assert first.object == "chat.completion.chunk"
    assert first.model == "fake-coder-1"
    assert first.choices[0].delta.role == "assistant"
    assert first.choices[0].delta.content == ""
    with_choices = [c for c in chunks if c.choices]
    text = "".join(c.choices[0].delta.content or "" for c in with_choices)
    assert text == GAME_REPLY
    assert [c.choices[0].finish_reason for c in with_choices][-1] == "stop"
    assert all(c.choices[0].finish_reason is None for c in with_choices[:-1])
    usage_chunk = chunks[-1]
    assert usage_chunk.choices == []
    assert usage_chunk.usage is not None
    assert usage_chunk.usage.completion_tokens == count_tokens(GAME_REPLY)
    assert usage_chunk.usage.total_tokens == (
        usage_chunk.usage.prompt_tokens + usage_chunk.usage.completion_tokens
    )
    assert len({c.id for c in chunks}) == 1

    (request,) = server.wait_until_idle()
    assert request.stream and request.status == 200
    assert request.chunks_sent == len(split_into_tokens(GAME_REPLY))
    assert request.body["stream_options"] == {"include_usage": True}
    assert request.headers["authorization"] == f"Bearer {server.api_key}"
    assert not request.disconnected_early
    assert request.received_at <= request.first_chunk_sent_at <= request.last_chunk_sent_at
    assert request.last_chunk_sent_at <= request.finished_at


def test_no_usage_chunk_unless_asked(server: FakeOpenAI, client: openai.OpenAI) -> None:
    server.script(Reply(text="short"))
    chunks = list(stream_chat(client))
    assert all(c.choices for c in chunks)
    assert all(c.usage is None for c in chunks)


def test_raw_stream_is_openai_sse_ending_with_done(server: FakeOpenAI) -> None:
    server.script(Reply(text="ab cd"))
    connection = raw_connection(server)
    response = raw_chat(connection, server, stream=True, stream_options={"include_usage": True})
    assert response.status == 200
    assert response.getheader("Content-Type").startswith("text/event-stream")
    assert response.getheader("Transfer-Encoding") == "chunked"
    events = response.read().decode().split("\n\n")
    assert events[-1] == ""
    assert events[-2] == "data: [DONE]"
    payloads = [json.loads(e.removeprefix("data: ")) for e in events[:-2]]
    assert all(e.startswith("data: ") for e in events[:-1])
    assert payloads[0]["choices"][0]["delta"] == {
        "role": "assistant",
        "content": "",
        "refusal": None,
    }
    assert [p["choices"][0]["delta"]["content"] for p in payloads[1:-2]] == ["ab", " cd"]
    assert payloads[-2]["choices"][0] == {
        "index": 0,
        "delta": {},
        "logprobs": None,
        "finish_reason": "stop",
    }
    usage = payloads[-1]["usage"]
    assert payloads[-1]["choices"] == []
    assert usage["completion_tokens"] == 2 and usage["prompt_tokens"] > 0
    assert usage["total_tokens"] == usage["prompt_tokens"] + usage["completion_tokens"]
    for payload in payloads:
        assert payload["object"] == "chat.completion.chunk"
        assert payload["model"] == "fake-coder-1"
        assert isinstance(payload["created"], int)
        assert payload["id"].startswith("chatcmpl-")
    connection.close()


def test_max_tokens_cuts_the_reply_with_finish_reason_length(
    server: FakeOpenAI, client: openai.OpenAI
) -> None:
    server.script(Reply(text="one two six ten"))
    chunks = list(stream_chat(client, max_tokens=3))
    text = "".join(c.choices[0].delta.content or "" for c in chunks)
    assert text == "one two six"
    assert chunks[-1].choices[0].finish_reason == "length"


def test_reply_options_override_finish_reason(server: FakeOpenAI, client: openai.OpenAI) -> None:
    server.script(Reply(text="x", finish_reason="content_filter", tokens_per_s=50_000))
    chunks = list(stream_chat(client))
    assert chunks[-1].choices[0].finish_reason == "content_filter"


def test_the_script_runs_in_order_then_the_default_game(
    server: FakeOpenAI, client: openai.OpenAI
) -> None:
    server.script(Reply(text="first"), Reply(text="second"))
    texts = [
        "".join(c.choices[0].delta.content or "" for c in stream_chat(client)) for _ in range(3)
    ]
    assert texts == ["first", "second", DEFAULT_REPLY_TEXT]
    assert DEFAULT_REPLY_TEXT.startswith("```python\n") and DEFAULT_REPLY_TEXT.count("```") == 2


def test_non_streamed_request_gets_a_chat_completion(
    server: FakeOpenAI, client: openai.OpenAI
) -> None:
    server.script(Reply(text=GAME_REPLY))
    completion = client.chat.completions.create(model="fake-coder-mini", messages=MESSAGES)
    assert completion.object == "chat.completion"
    assert completion.model == "fake-coder-mini"
    assert completion.choices[0].message.role == "assistant"
    assert completion.choices[0].message.content == GAME_REPLY
    assert completion.choices[0].finish_reason == "stop"
    assert completion.usage is not None
    assert completion.usage.completion_tokens == count_tokens(GAME_REPLY)
    assert not server.wait_until_idle()[0].stream


def test_first_token_delay_holds_back_content_not_the_role_chunk(server: FakeOpenAI) -> None:
    server.set_speed(first_token_delay_s=0.2)
    assert server.first_token_delay_s == 0.2
    server.script(Reply(text="hi"), Reply(text="hi", first_token_delay_s=0.0))
    with openai.OpenAI(base_url=server.base_url, api_key=server.api_key) as client:
        list(stream_chat(client))
        list(stream_chat(client))
    delayed, immediate = server.wait_until_idle()
    # The server's own clock: content went out no earlier than the delay (a lower bound only).
    assert delayed.first_chunk_sent_at >= delayed.received_at + 0.2
    assert immediate.first_chunk_sent_at is not None


def test_prediction_and_assistant_prefix_are_recorded(
    server: FakeOpenAI, client: openai.OpenAI
) -> None:
    prediction = {"type": "content", "content": "old code"}
    partial = [*MESSAGES, {"role": "assistant", "content": "```python\nimport", "prefix": True}]
    list(stream_chat(client, prediction=prediction))
    list(
        client.chat.completions.create(
            model="fake-coder-1",
            messages=partial,
            stream=True,
            extra_body={"continue_final_message": True},
        )
    )
    predicted, continued = server.wait_until_idle()
    assert predicted.prediction == prediction
    assert predicted.assistant_prefix is None
    assert continued.assistant_prefix == "```python\nimport"
    assert continued.body["continue_final_message"] is True


# --- models and auth ---------------------------------------------------------------------------


def test_models_list_returns_the_served_ids(server: FakeOpenAI, client: openai.OpenAI) -> None:
    models = list(client.models.list())
    assert [m.id for m in models] == server.models == ["fake-coder-1", "fake-coder-mini"]
    assert all(m.object == "model" and m.owned_by == "fake" for m in models)
    assert client.models.retrieve("fake-coder-mini").id == "fake-coder-mini"


def test_custom_models_and_unknown_model(client: openai.OpenAI, server: FakeOpenAI) -> None:
    with pytest.raises(openai.NotFoundError) as caught:
        client.chat.completions.create(model="gpt-nope", messages=MESSAGES)
    assert caught.value.code == "model_not_found"
    with FakeOpenAI(models=["m1"], accept_any_model=True) as other:
        other_client = openai.OpenAI(base_url=other.base_url, api_key=other.api_key)
        assert [m.id for m in other_client.models.list()] == ["m1"]
        other.script(Reply(text="ok"))
        reply = other_client.chat.completions.create(model="anything", messages=MESSAGES)
        assert reply.choices[0].message.content == "ok"


def test_wrong_key_raises_authentication_error(server: FakeOpenAI) -> None:
    with openai.OpenAI(base_url=server.base_url, api_key="sk-wrong-key-1234") as client:
        with pytest.raises(openai.AuthenticationError) as caught:
            list(stream_chat(client))
        with pytest.raises(openai.AuthenticationError):
            client.models.list()
    assert caught.value.status_code == 401
    assert caught.value.code == "invalid_api_key"
    assert "Incorrect API key provided" in caught.value.message
    assert [r.status for r in server.wait_until_idle()] == [401, 401]


def test_missing_key_gets_openai_shaped_401(server: FakeOpenAI) -> None:
    connection = raw_connection(server)
    connection.request("GET", "/v1/models")
    response = connection.getresponse()
    error = json.loads(response.read())["error"]
    assert response.status == 401
    assert set(error) == {"message", "type", "param", "code"}
    assert error["type"] == "invalid_request_error"
    connection.close()


# --- faults ----------------------------------------------------------------------------------


def test_429_twice_then_success_with_the_clients_own_retries(
    server: FakeOpenAI, client: openai.OpenAI
) -> None:
    server.fail_next(Fault(status=429, count=2, retry_after_s=0.01))
    server.script(Reply(text="made it"))
    chunks = list(stream_chat(client))
    assert "".join(c.choices[0].delta.content or "" for c in chunks) == "made it"
    requests = server.wait_until_idle()
    assert [r.status for r in requests] == [429, 429, 200]
    assert [r.headers["x-stainless-retry-count"] for r in requests] == ["0", "1", "2"]
    assert requests[0].fault == Fault(status=429, count=2, retry_after_s=0.01)


def test_429_carries_retry_after_zero_and_a_rate_limit_error(server: FakeOpenAI) -> None:
    server.fail_next(Fault(status=429))
    connection = raw_connection(server)
    response = raw_chat(connection, server, stream=True)
    assert response.status == 429
    assert response.getheader("Retry-After") == "0"
    assert json.loads(response.read())["error"]["code"] == "rate_limit_exceeded"
    assert raw_chat(connection, server).status == 200  # same connection, next request
    connection.close()


def test_500_raises_after_retries_run_out(server: FakeOpenAI) -> None:
    server.fail_next(Fault(status=500))
    with openai.OpenAI(base_url=server.base_url, api_key=server.api_key, max_retries=0) as client:
        with pytest.raises(openai.InternalServerError):
            client.chat.completions.create(model="fake-coder-1", messages=MESSAGES)
        assert client.chat.completions.create(model="fake-coder-1", messages=MESSAGES).choices


def test_html_error_page(server: FakeOpenAI) -> None:
    server.fail_next(Fault(html_error=True))
    with (
        openai.OpenAI(base_url=server.base_url, api_key=server.api_key, max_retries=0) as client,
        pytest.raises(openai.InternalServerError) as caught,
    ):
        list(stream_chat(client))
    assert caught.value.status_code == 502
    assert caught.value.response.headers["content-type"] == "text/html"
    assert "<html>" in caught.value.response.text


def test_rejected_param_is_refused_until_cleared(server: FakeOpenAI, client: openai.OpenAI) -> None:
    server.fail_next(Fault(status=400, reject_param="stream_options"))
    for _ in range(2):
        with pytest.raises(openai.BadRequestError) as caught:
            list(stream_chat(client, stream_options={"include_usage": True}))
        assert caught.value.message.endswith(
            "Unrecognized request argument supplied: stream_options"
        )
    assert list(stream_chat(client))  # without the parameter it works
    server.clear_faults()
    assert list(stream_chat(client, stream_options={"include_usage": True}))
    assert [r.status for r in server.wait_until_idle()] == [400, 400, 200, 200]


def test_dropped_stream_raises_in_the_client_after_some_content(
    server: FakeOpenAI, client: openai.OpenAI
) -> None:
    server.fail_next(Fault(drop_after_chunks=5))
    server.script(Reply(text="word " * 50))
    received: list[str] = []
    with pytest.raises(openai.APIConnectionError):
        for chunk in stream_chat(client):
            received.append(chunk.choices[0].delta.content or "")
    assert "".join(received) == "".join(split_into_tokens("word " * 50)[:5])
    (request,) = server.wait_until_idle()
    assert request.chunks_sent == 5
    assert request.fault == Fault(drop_after_chunks=5)
    assert not request.disconnected_early
    # The next request works (on a new connection).
    assert "".join(c.choices[0].delta.content or "" for c in stream_chat(client))


def test_fault_validation() -> None:
    with pytest.raises(ValueError):
        Fault()
    with pytest.raises(ValueError):
        Fault(status=500, count=0)


# --- disconnects, connections and keep-alive --------------------------------------------------


def test_client_closing_the_stream_early_is_recorded(server: FakeOpenAI) -> None:
    server.set_speed(tokens_per_s=500)
    server.script(Reply(text="token " * 5000))
    with openai.OpenAI(base_url=server.base_url, api_key=server.api_key) as client:
        stream = stream_chat(client)
        for _, _chunk in zip(range(4), stream, strict=False):
            pass
        stream.close()
    (request,) = server.wait_until_idle()
    assert request.disconnected_early
    assert 0 < request.chunks_sent < 5000
    assert request.finished_at is not None


def test_closing_a_streaming_response_early_is_recorded(
    server: FakeOpenAI, client: openai.OpenAI
) -> None:
    server.set_speed(tokens_per_s=500, first_token_delay_s=30)
    with client.chat.completions.with_streaming_response.create(
        model="fake-coder-1", messages=MESSAGES, stream=True
    ) as response:
        next(response.iter_lines())  # the role chunk; content is 30 s away
    (request,) = server.wait_until_idle()  # noticed while waiting, not after 30 s
    assert request.disconnected_early
    assert request.chunks_sent == 0


def test_consecutive_requests_from_one_client_share_a_connection(
    server: FakeOpenAI, client: openai.OpenAI
) -> None:
    client.chat.completions.create(model="fake-coder-1", messages=MESSAGES)
    client.chat.completions.create(model="fake-coder-1", messages=MESSAGES)
    client.models.list()
    first, second, third = server.wait_until_idle()
    assert first.connection_id == second.connection_id == third.connection_id
    assert server.connections_opened == 1


def test_connection_stays_alive_after_a_stream_read_to_its_end(server: FakeOpenAI) -> None:
    server.script(Reply(text="streamed"), Reply(text="again"))
    connection = raw_connection(server)
    streamed = raw_chat(connection, server, stream=True)
    body = streamed.read()  # to the end of the chunked body, past [DONE]
    assert body.endswith(b"data: [DONE]\n\n")
    assert not streamed.will_close
    second = raw_chat(connection, server, stream=True)
    assert b'"content":"agai"' in second.read()
    models = connection.request(
        "GET", "/v1/models", headers={"Authorization": f"Bearer {server.api_key}"}
    )
    assert models is None and connection.getresponse().status == 200
    connection.close()
    requests = server.wait_until_idle()
    assert len({r.connection_id for r in requests}) == 1
    assert server.connections_opened == 1


def test_stop_closes_idle_keep_alive_connections() -> None:
    fake = FakeOpenAI().start()
    idle = socket.create_connection(("127.0.0.1", fake.port))
    connection = raw_connection(fake)
    assert raw_chat(connection, fake).status == 200
    fake.stop()  # returns although both connections are open and idle
    assert idle.recv(1) == b""
    idle.close()
    connection.close()
    assert fake.errors == []


# --- speed --------------------------------------------------------------------------------------


def test_30000_tokens_at_10000_tokens_per_second_arrive_intact(server: FakeOpenAI) -> None:
    text = "".join(f"x{i % 997:03d}" for i in range(30_000))  # 30,000 four-character pieces
    assert count_tokens(text) == 30_000
    server.set_speed(tokens_per_s=10_000)
    server.script(Reply(text=text))
    with openai.OpenAI(base_url=server.base_url, api_key=server.api_key) as client:
        chunks = list(stream_chat(client, stream_options={"include_usage": True}))
    received = "".join(c.choices[0].delta.content or "" for c in chunks if c.choices)
    assert received == text
    assert chunks[-1].usage.completion_tokens == 30_000
    (request,) = server.wait_until_idle()
    assert request.chunks_sent == 30_000
    assert not request.disconnected_early


# --- token pieces ------------------------------------------------------------------------------


@given(st.text())
def test_token_pieces_rebuild_the_text(text: str) -> None:
    pieces = split_into_tokens(text)
    assert "".join(pieces) == text
    assert all(0 < len(piece) <= 7 for piece in pieces)


# --- audio transcriptions ------------------------------------------------------------------------


def wav_recording(seconds: float = 1.0, rate: int = 16_000) -> bytes:
    """A mono 16-bit WAV of a 440 Hz tone whose bytes include CR and LF (a multipart test)."""
    frames = bytearray()
    for i in range(int(seconds * rate)):
        sample = int(8000 * math.sin(2 * math.pi * 440 * i / rate))
        frames += sample.to_bytes(2, "little", signed=True)
    frames += b"\r\n--\r\n\r\n"  # must come back byte for byte
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as recording:
        recording.setnchannels(1)
        recording.setsampwidth(2)
        recording.setframerate(rate)
        recording.writeframes(bytes(frames))
    return buffer.getvalue()


def transcribe(client: openai.OpenAI, audio: bytes, **options: Any) -> Any:
    return client.audio.transcriptions.create(
        file=("speech.wav", audio, "audio/wav"), model="gpt-transcribe", **options
    )


def test_transcription_answers_the_default_text_and_records_the_upload(
    server: FakeOpenAI, client: openai.OpenAI
) -> None:
    audio = wav_recording()
    result = transcribe(client, audio, language="en")
    assert result.text == DEFAULT_TRANSCRIPT == "make the snake blue"
    (request,) = server.wait_until_idle()
    assert request.path == "/v1/audio/transcriptions"
    assert request.status == 200
    assert request.body == {"model": "gpt-transcribe", "language": "en"}
    assert request.upload == UploadedFile(
        field="file",
        filename="speech.wav",
        content_type="audio/wav",
        size=len(audio),
        sha256=hashlib.sha256(audio).hexdigest(),
    )
    assert request.reply_text == "make the snake blue"
    assert server.transcription_requests == [request]
    assert server.chat_requests == []


def test_scripted_transcripts_run_in_order_then_the_default(
    server: FakeOpenAI, client: openai.OpenAI
) -> None:
    server.script_transcription("make the snake faster", "restart")
    texts = [transcribe(client, wav_recording(0.1)).text for _ in range(3)]
    assert texts == ["make the snake faster", "restart", "make the snake blue"]


def test_transcription_formats_text_json_and_verbose_json(
    server: FakeOpenAI, client: openai.OpenAI
) -> None:
    server.script_transcription("jump higher", "jump higher", "jump higher")
    assert transcribe(client, wav_recording(), response_format="text") == "jump higher\n"
    as_json = transcribe(client, wav_recording(), response_format="json")
    assert as_json.text == "jump higher"
    verbose = transcribe(client, wav_recording(2.0), response_format="verbose_json")
    assert verbose.text == "jump higher"
    assert verbose.duration == pytest.approx(2.0, abs=0.01)
    with pytest.raises(openai.BadRequestError) as caught:
        transcribe(client, wav_recording(), response_format="srt")
    assert caught.value.body["param"] == "response_format"  # type: ignore[index]


def test_transcription_refuses_an_unknown_model_and_a_missing_file(
    server: FakeOpenAI, client: openai.OpenAI
) -> None:
    with pytest.raises(openai.BadRequestError) as caught:
        client.audio.transcriptions.create(
            file=("speech.wav", wav_recording(0.1), "audio/wav"), model="fake-coder-1"
        )
    assert caught.value.code == "model_not_found"
    assert "`fake-coder-1` does not exist" in caught.value.message
    connection = raw_connection(server)
    boundary = "x-boundary"
    form = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="model"\r\n\r\n'
        f"gpt-transcribe\r\n--{boundary}--\r\n"
    )
    headers = {
        "Authorization": f"Bearer {server.api_key}",
        "Content-Type": f"multipart/form-data; boundary={boundary}",
    }
    connection.request("POST", "/v1/audio/transcriptions", form.encode(), headers)
    response = connection.getresponse()
    assert response.status == 400
    assert json.loads(response.read())["error"]["param"] == "file"
    connection.close()


def test_transcription_needs_the_key(server: FakeOpenAI) -> None:
    with (
        openai.OpenAI(base_url=server.base_url, api_key="sk-wrong", max_retries=0) as client,
        pytest.raises(openai.AuthenticationError),
    ):
        transcribe(client, wav_recording(0.1))


def test_without_an_audio_api_the_route_is_a_404(server: FakeOpenAI, client: openai.OpenAI) -> None:
    server.audio_api = False
    with pytest.raises(openai.NotFoundError) as caught:
        transcribe(client, wav_recording(0.1))
    assert "Invalid URL (POST /v1/audio/transcriptions)" in caught.value.message
    server.audio_api = True
    assert transcribe(client, wav_recording(0.1)).text == "make the snake blue"


def test_transcription_faults_leave_chat_alone(server: FakeOpenAI) -> None:
    server.fail_next_transcription(Fault(status=503, count=2))
    server.fail_next_transcription(Fault(html_error=True))
    with openai.OpenAI(base_url=server.base_url, api_key=server.api_key, max_retries=0) as client:
        assert client.chat.completions.create(model="fake-coder-1", messages=MESSAGES).choices
        for status in (503, 503, 502):
            with pytest.raises(openai.APIStatusError) as caught:
                transcribe(client, wav_recording(0.1))
            assert caught.value.status_code == status
        assert caught.value.response.headers["content-type"] == "text/html"
        assert transcribe(client, wav_recording(0.1)).text == "make the snake blue"
    statuses = [r.status for r in server.wait_until_idle()]
    assert statuses == [200, 503, 503, 502, 200]


def test_a_dropped_transcription_is_a_connection_error(server: FakeOpenAI) -> None:
    server.fail_next_transcription(Fault(drop_after_chunks=0))
    with (
        openai.OpenAI(base_url=server.base_url, api_key=server.api_key, max_retries=0) as client,
        pytest.raises(openai.APIConnectionError),
    ):
        transcribe(client, wav_recording(0.1))
    with pytest.raises(ValueError):
        server.fail_next_transcription(Fault(status=400, reject_param="language"))


def test_an_upload_over_25_mb_is_refused(server: FakeOpenAI, client: openai.OpenAI) -> None:
    too_big = b"RIFF" + bytes(25 * 1024 * 1024)
    with pytest.raises(openai.APIStatusError) as caught:
        transcribe(client, too_big)
    assert caught.value.status_code == 413
    (request,) = server.wait_until_idle()
    assert request.upload is not None and request.upload.size == len(too_big)

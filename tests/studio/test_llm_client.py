"""The model client against the fake OpenAI server: streaming, reuse, retries, errors, keys."""

from __future__ import annotations

import json
import math
import socket
import threading
import time
from collections.abc import Callable, Iterator

import keyring
import pytest
from hypothesis import given
from hypothesis import strategies as st
from keyring.backend import KeyringBackend

from studio.llm.chunks import ChunkParser
from studio.llm.client import ModelClient
from studio.llm.endpoint import Endpoint, endpoint_for
from studio.llm.events import ModelError, StreamEvent, StreamFinished, StreamStarted, TextDelta
from studio.llm.keys import KEYRING_SERVICE, find_key, store_key
from studio.llm.presets import PRESETS, preset_named
from studio.llm.retry import RetryPolicy
from tests.fake_openai import FakeOpenAI, Fault, Reply, split_into_tokens

KEY_VARIABLES = ("OPENAI_API_KEY", "CEREBRAS_API_KEY", "GROQ_API_KEY")
FAST_RETRIES = RetryPolicy(attempts=4, first_delay_s=0.01, max_delay_s=0.05, max_total_wait_s=2)
HELLO = [{"role": "user", "content": "make snake"}]


@pytest.fixture(autouse=True)
def no_real_keys(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in KEY_VARIABLES:
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def server() -> Iterator[FakeOpenAI]:
    with FakeOpenAI(tokens_per_s=math.inf) as fake:
        yield fake
        assert fake.errors == []


def make_client(server: FakeOpenAI, **changes: object) -> ModelClient:
    endpoint = Endpoint(
        base_url=str(changes.pop("base_url", server.base_url)),
        model=changes.pop("model", "fake-coder-1"),  # type: ignore[arg-type]
        api_key=changes.pop("api_key", server.api_key),  # type: ignore[arg-type]
        preset="custom",
    )
    return ModelClient(endpoint, retry=FAST_RETRIES, **changes)  # type: ignore[arg-type]


@pytest.fixture
def client(server: FakeOpenAI) -> Iterator[ModelClient]:
    with make_client(server) as model_client:
        yield model_client


def text_of(events: list[StreamEvent]) -> str:
    return "".join(e.text for e in events if isinstance(e, TextDelta))


def failure(stream: object) -> ModelError:
    with pytest.raises(ModelError) as caught:
        list(stream)  # type: ignore[call-overload]
    return caught.value


# --- streaming ------------------------------------------------------------------------------


def test_streams_text_then_usage(server: FakeOpenAI, client: ModelClient) -> None:
    server.script(Reply(text="```python\nprint('hi')\n```"))
    events = list(client.stream_chat(HELLO, max_tokens=100))
    assert isinstance(events[0], StreamStarted) and events[0].model == "fake-coder-1"
    assert not events[0].offline
    assert text_of(events) == "```python\nprint('hi')\n```"
    finished = events[-1]
    assert isinstance(finished, StreamFinished)
    assert finished.finish_reason == "stop"
    assert finished.completion_tokens == len(split_into_tokens("```python\nprint('hi')\n```"))
    assert finished.prompt_tokens and finished.prompt_tokens > 0
    assert events[0].at <= events[1].at <= finished.at
    body = server.chat_requests[0].body
    assert body["stream"] is True and body["stream_options"] == {"include_usage": True}
    assert body["max_tokens"] == 100 and "temperature" not in body


def test_sends_prediction_and_extra_body(server: FakeOpenAI, client: ModelClient) -> None:
    list(client.stream_chat(HELLO, prediction="old code", extra_body={"seed": 7}, temperature=0))
    body = server.chat_requests[0].body
    assert body["prediction"] == {"type": "content", "content": "old code"}
    assert body["seed"] == 7 and body["temperature"] == 0


def test_consecutive_requests_share_one_connection(server: FakeOpenAI, client: ModelClient) -> None:
    for n in range(4):
        server.script(Reply(text=f"reply number {n} " * 20))
        assert text_of(list(client.stream_chat(HELLO))) == f"reply number {n} " * 20
    assert client.list_models()
    assert {r.connection_id for r in server.requests} == {1}
    assert server.connections_opened == 1


def test_warm_up_opens_the_connection_the_first_request_uses(server: FakeOpenAI) -> None:
    with make_client(server) as model_client:
        model_client.warm_up()
        model_client.warm_up()  # a second call while warming does nothing
        assert model_client.wait_until_warm(10)
        assert server.connections_opened == 1
        assert [r.path for r in server.requests] == ["/v1/models"]
        list(model_client.stream_chat(HELLO))
        model_client.warm_up()  # just used: nothing to do
    assert server.connections_opened == 1
    assert [r.connection_id for r in server.requests] == [1, 1]


def test_without_a_model_the_only_listed_one_is_used() -> None:
    with FakeOpenAI(tokens_per_s=math.inf, models=["solo-model"]) as fake:
        with make_client(fake, model=None) as model_client:
            events = list(model_client.stream_chat(HELLO))
        assert isinstance(events[0], StreamStarted) and events[0].model == "solo-model"


def test_without_a_model_and_several_listed_it_asks_for_one(server: FakeOpenAI) -> None:
    with make_client(server, model=None) as model_client:
        error = failure(model_client.stream_chat(HELLO))
    assert error.kind == "bad_request" and "fake-coder-mini" in error.message


def test_list_models(client: ModelClient, server: FakeOpenAI) -> None:
    assert client.list_models() == sorted(server.models)


# --- optional parameters ----------------------------------------------------------------------


def test_rejected_stream_options_is_dropped_and_remembered(
    server: FakeOpenAI, client: ModelClient
) -> None:
    server.fail_next(Fault(reject_param="stream_options"))
    server.script(Reply(text="first"), Reply(text="second"))
    events = list(client.stream_chat(HELLO))
    assert text_of(events) == "first"
    finished = events[-1]
    assert isinstance(finished, StreamFinished) and finished.completion_tokens is None
    assert client.rejected_params == {"stream_options"}
    assert text_of(list(client.stream_chat(HELLO))) == "second"
    sent = ["stream_options" in r.body for r in server.chat_requests]
    assert sent == [True, False, False]  # rejected once, then never sent again
    assert [r.status for r in server.chat_requests] == [400, 200, 200]


def test_rejected_max_tokens_becomes_max_completion_tokens(
    server: FakeOpenAI, client: ModelClient
) -> None:
    server.fail_next(Fault(reject_param="max_tokens"))
    list(client.stream_chat(HELLO, max_tokens=321))
    body = server.chat_requests[-1].body
    assert "max_tokens" not in body and body["max_completion_tokens"] == 321


def test_rejected_prediction_is_dropped(server: FakeOpenAI, client: ModelClient) -> None:
    server.fail_next(Fault(reject_param="prediction"))
    server.script(Reply(text="new code"))
    assert text_of(list(client.stream_chat(HELLO, prediction="old"))) == "new code"
    assert client.rejected_params == {"prediction"}


def test_a_400_about_something_else_is_reported(server: FakeOpenAI) -> None:
    with make_client(server, model="no-such-model") as model_client:
        error = failure(model_client.stream_chat(HELLO))
    assert error.kind == "bad_request" and "no-such-model" in error.message
    assert len(server.chat_requests) == 1


# --- retries ------------------------------------------------------------------------------------


def test_429_twice_then_success(server: FakeOpenAI, client: ModelClient) -> None:
    server.fail_next(Fault(status=429, count=2))
    server.script(Reply(text="made it"))
    assert text_of(list(client.stream_chat(HELLO))) == "made it"
    assert [r.status for r in server.chat_requests] == [429, 429, 200]
    assert {r.connection_id for r in server.requests} == {1}  # error bodies read, so kept


def test_500_then_success(server: FakeOpenAI, client: ModelClient) -> None:
    server.fail_next(Fault(status=500))
    server.script(Reply(text="made it"))
    assert text_of(list(client.stream_chat(HELLO))) == "made it"
    assert [r.status for r in server.chat_requests] == [500, 200]


def test_rate_limited_after_a_few_attempts(server: FakeOpenAI) -> None:
    server.fail_next(Fault(status=429, count=10))
    with make_client(server) as model_client:
        error = failure(model_client.stream_chat(HELLO))
    assert error.kind == "rate_limited" and "429" in error.message
    assert len(server.chat_requests) == FAST_RETRIES.attempts


def test_a_retry_after_past_the_wait_cap_is_not_waited_for(server: FakeOpenAI) -> None:
    server.fail_next(Fault(status=503, retry_after_s=60))
    with make_client(server) as model_client:
        error = failure(model_client.stream_chat(HELLO))
    assert error.kind == "server" and "503" in error.message
    assert len(server.chat_requests) == 1


def test_drop_before_any_text_is_asked_again(server: FakeOpenAI, client: ModelClient) -> None:
    server.fail_next(Fault(drop_after_chunks=0))
    server.script(Reply(text="lost"), Reply(text="second try"))
    events = list(client.stream_chat(HELLO))
    assert text_of(events) == "second try"
    assert sum(isinstance(e, StreamStarted) for e in events) == 1


# --- broken, cancelled, too long -------------------------------------------------------------


def test_broken_stream_keeps_the_partial_text(server: FakeOpenAI, client: ModelClient) -> None:
    text = "def update(dt):\n    player.x += speed * dt\n" * 5
    server.fail_next(Fault(drop_after_chunks=5))
    server.script(Reply(text=text))
    error = failure(client.stream_chat(HELLO))
    assert error.kind == "broken_stream"
    assert error.partial_text == "".join(split_into_tokens(text)[:5])
    assert "\n" not in error.message


def read_in_thread(stream: object) -> tuple[threading.Thread, list[StreamEvent], list[ModelError]]:
    events: list[StreamEvent] = []
    errors: list[ModelError] = []

    def read() -> None:
        try:
            for event in stream:  # type: ignore[attr-defined]
                events.append(event)
        except ModelError as error:
            errors.append(error)

    thread = threading.Thread(target=read, daemon=True)
    thread.start()
    return thread, events, errors


def wait_for(condition: Callable[[], bool], limit_s: float = 10.0) -> None:
    """Poll until `condition` holds (a liveness bound, not a timing assertion)."""
    deadline = time.monotonic() + limit_s
    while not condition():
        assert time.monotonic() < deadline, "condition never became true"
        time.sleep(0.005)


def test_cancel_mid_stream_disconnects_at_once(server: FakeOpenAI, client: ModelClient) -> None:
    server.set_speed(tokens_per_s=40)
    server.script(Reply(text="word " * 2000))  # ~50 s at this speed
    stream = client.stream_chat(HELLO)
    thread, events, errors = read_in_thread(stream)
    wait_for(lambda: any(isinstance(e, TextDelta) for e in events) or not thread.is_alive())
    stream.cancel()
    thread.join(timeout=10)
    assert not thread.is_alive()
    assert [e.kind for e in errors] == ["cancelled"]
    assert errors[0].partial_text == text_of(events)
    (request,) = server.wait_until_idle(10)
    assert request.disconnected_early
    assert request.chunks_sent < 2000


def test_cancel_while_waiting_for_the_first_token(server: FakeOpenAI, client: ModelClient) -> None:
    server.set_speed(first_token_delay_s=60)
    stream = client.stream_chat(HELLO)
    thread, events, errors = read_in_thread(stream)
    wait_for(lambda: bool(events) or not thread.is_alive())  # StreamStarted: headers are in
    stream.cancel()
    thread.join(timeout=10)
    assert not thread.is_alive() and [e.kind for e in errors] == ["cancelled"]
    assert server.wait_until_idle(10)[0].disconnected_early


def test_cancel_before_iterating_sends_nothing(server: FakeOpenAI, client: ModelClient) -> None:
    stream = client.stream_chat(HELLO)
    stream.close()
    assert failure(stream).kind == "cancelled"
    assert server.chat_requests == []


def test_breaking_out_early_then_close_frees_the_connection(
    server: FakeOpenAI, client: ModelClient
) -> None:
    server.set_speed(tokens_per_s=200)
    stream = client.stream_chat(HELLO)
    for event in stream:
        if isinstance(event, TextDelta):
            break
    stream.close()
    assert server.wait_until_idle(10)[0].disconnected_early
    server.set_speed(tokens_per_s=math.inf)
    assert text_of(list(client.stream_chat(HELLO)))  # a new connection, working


def test_too_long_reply_is_stopped(server: FakeOpenAI) -> None:
    server.set_speed(tokens_per_s=2000)
    server.script(Reply(text="x = 1\n" * 5000))
    with make_client(server, max_reply_chars=500) as model_client:
        error = failure(model_client.stream_chat(HELLO))
    assert error.kind == "too_long"
    assert 500 < len(error.partial_text) < 30000
    assert server.wait_until_idle(10)[0].disconnected_early


# --- errors -------------------------------------------------------------------------------------


def test_wrong_key_is_auth(server: FakeOpenAI) -> None:
    with make_client(server, api_key="sk-wrong") as model_client:
        error = failure(model_client.stream_chat(HELLO))
        assert error.kind == "auth"
        assert error.message.startswith("the endpoint refused the API key (401)")
        with pytest.raises(ModelError) as listing:
            model_client.list_models()
        assert listing.value.kind == "auth"


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_closed_port_is_unreachable(server: FakeOpenAI) -> None:
    url = f"http://127.0.0.1:{closed_port()}/v1"
    with make_client(server, base_url=url) as model_client:
        error = failure(model_client.stream_chat(HELLO))
        assert error.kind == "unreachable"
        assert url in error.message and "refused" in error.message
        model_client.warm_up()  # fails quietly in the background
        assert model_client.wait_until_warm(10)
        with pytest.raises(ModelError) as listing:
            model_client.list_models()
        assert listing.value.kind == "unreachable"


def test_html_error_page_is_a_short_server_error(server: FakeOpenAI, client: ModelClient) -> None:
    server.fail_next(Fault(html_error=True, count=10))
    error = failure(client.stream_chat(HELLO))
    assert error.kind == "server"
    assert "502" in error.message and "Bad Gateway" in error.message
    assert "<" not in error.message and "\n" not in error.message
    assert len(error.message) < 160


def test_html_error_page_once_is_retried(server: FakeOpenAI, client: ModelClient) -> None:
    server.fail_next(Fault(html_error=True))
    assert text_of(list(client.stream_chat(HELLO)))


# --- the event parser -------------------------------------------------------------------------


def sse(*payloads: str) -> bytes:
    return b"".join(b"data: " + p.encode() + b"\n\n" for p in payloads)


def content(text: str) -> str:
    return json.dumps({"choices": [{"index": 0, "delta": {"content": text}}]})


STREAM = (
    b": keep-alive comment\n\n"
    + sse(
        '{"choices":[{"index":0,"delta":{"role":"assistant","content":""}}]}',
        content("héllo "),
        content("wörld\r\n```"),
        '{"choices":[{"index":0,"delta":{},"finish_reason":"stop"}]}',
        '{"choices":[],"usage":{"prompt_tokens":3,"completion_tokens":2}}',
        "[DONE]",
    )
    + b"trailing junk after done\n\n"
)


@given(st.lists(st.integers(min_value=1, max_value=len(STREAM) - 1), unique=True))
def test_parser_gives_the_same_text_for_any_chunking(cuts: list[int]) -> None:
    edges = [0, *sorted(cuts), len(STREAM)]
    parser = ChunkParser()
    text = "".join(parser.feed(STREAM[a:b]) for a, b in zip(edges, edges[1:], strict=False))
    assert text == "héllo wörld\r\n```"
    assert parser.done and parser.finish_reason == "stop"
    assert (parser.prompt_tokens, parser.completion_tokens) == (3, 2)


def test_parser_handles_crlf_and_multiline_data() -> None:
    parser = ChunkParser()
    raw = b'data: {"choices":[{"delta":\r\ndata: {"content":"a"}}]}\r\n\r\ndata: [DONE]\r\n\r\n'
    assert parser.feed(raw) == "a" and parser.done


@pytest.mark.parametrize(
    ("raw", "kind"),
    [
        (b"data: not json\n\n", "bad_reply"),
        (b"data: [1, 2]\n\n", "bad_reply"),
        (b'data: {"error": {"message": "overloaded"}}\n\n', "server"),
    ],
)
def test_parser_rejects_malformed_events(raw: bytes, kind: str) -> None:
    with pytest.raises(ModelError) as caught:
        ChunkParser().feed(raw)
    assert caught.value.kind == kind


# --- presets, endpoints and keys ----------------------------------------------------------------


class MemoryKeyring(KeyringBackend):
    """A keyring that keeps passwords in a dict, for tests."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.saved: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.saved.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.saved[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.saved.pop((service, username), None)


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    before = keyring.get_keyring()
    memory = MemoryKeyring()
    keyring.set_keyring(memory)
    yield memory
    keyring.set_keyring(before)


def test_presets_cover_the_known_services() -> None:
    assert {
        "openai",
        "cerebras",
        "groq",
        "ollama",
        "lmstudio",
        "llamacpp",
        "vllm",
        "custom",
    } <= set(PRESETS)
    assert preset_named("groq").base_url == "https://api.groq.com/openai/v1"
    assert preset_named("vllm").features.prefix_style == "continue_final_message"
    with pytest.raises(ValueError, match="known: openai"):
        preset_named("nope")


def test_the_presets_own_variable_is_used_and_never_another_providers(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-openai")
    monkeypatch.setenv("CEREBRAS_API_KEY", "csk-cerebras")
    assert find_key(preset_named("cerebras")).key == "csk-cerebras"
    assert find_key(preset_named("openai")).source == "env:OPENAI_API_KEY"
    assert find_key(preset_named("custom")).key == "sk-openai"
    groq = find_key(preset_named("groq"))  # OPENAI_API_KEY is not a Groq key
    assert groq.key is None and "GROQ_API_KEY" in groq.reason


def test_environment_beats_the_keyring(
    monkeypatch: pytest.MonkeyPatch, memory_keyring: MemoryKeyring
) -> None:
    store_key(preset_named("groq"), "gsk-stored")
    assert memory_keyring.saved == {(KEYRING_SERVICE, "groq"): "gsk-stored"}
    assert find_key(preset_named("groq")).key == "gsk-stored"
    monkeypatch.setenv("GROQ_API_KEY", "gsk-env")
    assert find_key(preset_named("groq")).key == "gsk-env"


def test_keyring_fallback_fills_the_endpoint(memory_keyring: MemoryKeyring) -> None:
    memory_keyring.set_password(KEYRING_SERVICE, "cerebras", "csk-stored")
    endpoint, lookup = endpoint_for("cerebras", model="llama-4")
    assert endpoint.api_key == "csk-stored" and lookup.source == "keyring"
    assert endpoint.base_url == "https://api.cerebras.ai/v1"
    assert "csk-stored" not in repr(endpoint)


def test_an_unavailable_keyring_means_no_key_with_a_reason() -> None:
    from keyring.backends import fail

    lookup = find_key(preset_named("openai"), keyring_backend=fail.Keyring())
    assert lookup.key is None and "keyring is unavailable" in lookup.reason
    with pytest.raises(RuntimeError, match="could not save"):
        store_key(preset_named("openai"), "sk-x", keyring_backend=fail.Keyring())


def test_local_presets_need_no_key_and_custom_needs_a_url(server: FakeOpenAI) -> None:
    endpoint, lookup = endpoint_for("ollama", base_url=server.base_url + "/")
    assert endpoint.api_key is None and endpoint.base_url == server.base_url
    assert not preset_named("ollama").needs_key
    with pytest.raises(ValueError, match="base URL"):
        endpoint_for("custom")

"""The model path against the fake server: time to first token the app adds, ready_ms, throughput.

Usage: .venv/bin/python benchmarks/model_path.py [--quick] [--json]

One in-process `tests.fake_openai.FakeOpenAI` (real HTTP and SSE on 127.0.0.1) records,
for every request, when its request line arrived (`received_at`) and when its first and
last content chunks were written (`first_chunk_sent_at`, `last_chunk_sent_at`), on the
same `time.perf_counter()` clock as this process. Every figure subtracts or uses those
server times, so what is left is what the client side adds. The server shares this
process (and its GIL) with the client, for the subject and the baseline alike.

1. Time to first token added by the app, at 1,000 and 3,000 tokens/s: client time from
   just before `ModelClient.stream_chat()` to the moment the first `TextDelta` reaches
   the consumer, minus the server's time from `received_at` to `first_chunk_sent_at`.
   Subject: a warm `ModelClient` (warmed up once, connection open and reused). Baseline:
   a stdlib `http.client` connection kept alive, the same request body, the same SSE and
   JSON parsing up to the first content, the same subtraction. Context: a new
   `ModelClient` per request (constructor + connect + request) against a new
   `http.client` connection per request.
2. ready_ms for a ~300-line game (assets/starters/platformer.py in a ```python fence,
   streamed at 1,000 and 3,000 tokens/s): `make_game` with a `ModelSource` on a warm
   client, as `studio make` runs it; its `MakeResult.ready_ms` (last token -> first frame
   at the host). Context: the check's own `load_ms` and `first_frame_ms`. Baseline: plain
   `compile()` + exec + one update/draw of the same code in this process.
3. Client throughput: a ~30,000-token reply at 10,000 tokens/s; lag = when the last text
   reached the consumer minus the server's `last_chunk_sent_at`. And unpaced
   (`math.inf` tokens/s): content chunks per second from sending the request to the last
   text. Baseline: a stdlib `http.client` reader doing the same SSE + JSON parsing.

Nothing here asserts on time.
"""

from __future__ import annotations

import http.client
import json
import math
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from figures import (
    Figure,
    median,
    milliseconds,
    progress,
    ratio,
    run_from_command_line,
    spread,
    start_headless_pygame,
)

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))  # for tests.fake_openai (the project install has no tests)

GAME_PATH = REPO / "assets" / "starters" / "platformer.py"
MODEL = "fake-coder-1"
MESSAGES = [{"role": "user", "content": "make a platformer"}]
SPEEDS = (1000.0, 3000.0)  # tokens/s for figures 1 and 2
TTFT_TARGET_MS = 3.0
READY_TARGET_MS = 25.0
SHORT_REPLY = "```python\nprint('hello')\n```"  # figure 1: only the first token matters
THROUGHPUT_TOKENS_PER_S = 10_000.0
THROUGHPUT_TARGET = 10_000.0  # chunks/s
CHECK_FRAMES = 30  # enough for a verdict; ready_ms does not depend on it
MAX_TOKENS = 100_000


# --- the stdlib baseline client ------------------------------------------------------------


@dataclass
class RawTimes:
    """When the first and last text reached the reader, and how many content events."""

    first_text_at: float | None = None
    last_text_at: float | None = None
    content_events: int = 0


def request_body(max_tokens: int) -> bytes:
    """The JSON body the app sends for MESSAGES (same optional parameters)."""
    return json.dumps({
        "model": MODEL,
        "messages": MESSAGES,
        "stream": True,
        "max_tokens": max_tokens,
        "stream_options": {"include_usage": True},
    }).encode()


def raw_stream(connection: http.client.HTTPConnection, api_key: str, body: bytes) -> RawTimes:
    """POST with http.client, parse SSE + JSON as it arrives, read the body to its end."""
    headers = {"Authorization": f"Bearer {api_key}", "Content-Type": "application/json"}
    connection.request("POST", "/v1/chat/completions", body, headers)
    response = connection.getresponse()
    times = RawTimes()
    pending = b""
    done = False
    while chunk := response.read1(65536):
        if done:
            continue  # past [DONE]: read on to the end of the body, keeping the connection
        events = (pending + chunk).split(b"\n\n")
        pending = events.pop()
        for event in events:
            if not event.startswith(b"data: "):
                continue
            data = event[6:]
            if data == b"[DONE]":
                done = True
                break
            choices = json.loads(data).get("choices")
            text = choices[0]["delta"].get("content") if choices else None
            if text:
                now = time.perf_counter()
                if times.first_text_at is None:
                    times.first_text_at = now
                times.last_text_at = now
                times.content_events += 1
    return times


# --- samples -------------------------------------------------------------------------------


@dataclass
class TtftSamples:
    """Milliseconds the client side added to the time to first token, per repetition."""

    warm_app: list[float] = field(default_factory=list)
    warm_raw: list[float] = field(default_factory=list)
    new_app: list[float] = field(default_factory=list)
    new_raw: list[float] = field(default_factory=list)
    constructor: list[float] = field(default_factory=list)
    sent_to_delta: list[float] = field(default_factory=list)  # StreamStarted.at -> TextDelta.at
    app_out: list[float] = field(default_factory=list)  # before stream_chat -> server received_at
    app_in: list[float] = field(default_factory=list)  # first_chunk_sent_at -> TextDelta at consumer
    raw_out: list[float] = field(default_factory=list)
    raw_in: list[float] = field(default_factory=list)
    warm_connections: set[int] = field(default_factory=set)
    warm_requests: int = 0


@dataclass
class ReadySamples:
    """make_game on a warm client, per repetition."""

    ready_ms: list[float] = field(default_factory=list)
    load_ms: list[float] = field(default_factory=list)
    first_frame_ms: list[float] = field(default_factory=list)
    server_last_to_frame: list[float] = field(default_factory=list)
    handoff: list[float] = field(default_factory=list)  # last TextDelta.at -> code handed over
    start_call: list[float] = field(default_factory=list)  # PreparedCheck.start() itself
    outside_runner: list[float] = field(default_factory=list)  # ready_ms - first_frame_ms
    statuses: list[str] = field(default_factory=list)
    runners_not_ready: int = 0


@dataclass
class ThroughputSamples:
    lag_app: list[float] = field(default_factory=list)
    lag_raw: list[float] = field(default_factory=list)
    rate_app: list[float] = field(default_factory=list)
    rate_raw: list[float] = field(default_factory=list)
    deltas_per_reply: list[int] = field(default_factory=list)



def _server_first_chunk_s(server: Any) -> float:
    """The server's own time from receiving the last request to sending its first content."""
    record = server.wait_until_idle()[-1]
    return record.first_chunk_sent_at - record.received_at


def _out_and_in(server: Any, started: float, first_at: float) -> tuple[float, float]:
    """(request out: start -> server's received_at, reply in: first chunk sent -> text), ms."""
    record = server.requests[-1]
    return milliseconds(record.received_at - started), milliseconds(first_at - record.first_chunk_sent_at)


# --- figure 1: time to first token ---------------------------------------------------------


def _app_first_delta(client: Any, max_tokens: int) -> tuple[float, float, float]:
    """(started, first TextDelta at the consumer, StreamStarted.at -> TextDelta.at in s)."""
    from studio.llm.events import StreamStarted, TextDelta

    first_at = None
    sent_at = arrived_at = 0.0
    started = time.perf_counter()
    for event in client.stream_chat(MESSAGES, max_tokens=max_tokens):
        if isinstance(event, StreamStarted):
            sent_at = event.at
        elif isinstance(event, TextDelta) and first_at is None:
            first_at = time.perf_counter()
            arrived_at = event.at
    assert first_at is not None, "no text arrived"
    return started, first_at, arrived_at - sent_at


def time_warm_app(server: Any, client: Any, speed: float, samples: TtftSamples) -> None:
    from tests.fake_openai import Reply

    server.script(Reply(text=SHORT_REPLY, tokens_per_s=speed))
    started, first_at, sent_to_delta = _app_first_delta(client, 100)
    server_s = _server_first_chunk_s(server)
    samples.warm_app.append(milliseconds(first_at - started - server_s))
    samples.sent_to_delta.append(milliseconds(sent_to_delta - server_s))
    out, into = _out_and_in(server, started, first_at)
    samples.app_out.append(out)
    samples.app_in.append(into)
    samples.warm_connections.add(server.requests[-1].connection_id)
    samples.warm_requests += 1


def time_warm_raw(server: Any, connection: http.client.HTTPConnection, speed: float,
                  samples: TtftSamples) -> None:
    from tests.fake_openai import Reply

    server.script(Reply(text=SHORT_REPLY, tokens_per_s=speed))
    body = request_body(100)
    started = time.perf_counter()
    times = raw_stream(connection, server.api_key, body)
    assert times.first_text_at is not None
    samples.warm_raw.append(milliseconds(times.first_text_at - started - _server_first_chunk_s(server)))
    out, into = _out_and_in(server, started, times.first_text_at)
    samples.raw_out.append(out)
    samples.raw_in.append(into)


def time_new_app(server: Any, speed: float, samples: TtftSamples) -> None:
    from studio.llm.client import ModelClient
    from studio.llm.endpoint import Endpoint
    from tests.fake_openai import Reply

    server.script(Reply(text=SHORT_REPLY, tokens_per_s=speed))
    started = time.perf_counter()
    client = ModelClient(Endpoint(server.base_url, MODEL, server.api_key, "custom"))
    built = time.perf_counter()
    try:
        _, first_at, _ = _app_first_delta(client, 100)
    finally:
        client.close()
    samples.new_app.append(milliseconds(first_at - started - _server_first_chunk_s(server)))
    samples.constructor.append(milliseconds(built - started))


def time_new_raw(server: Any, speed: float, samples: TtftSamples) -> None:
    from tests.fake_openai import Reply

    server.script(Reply(text=SHORT_REPLY, tokens_per_s=speed))
    body = request_body(100)
    started = time.perf_counter()
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
    try:
        times = raw_stream(connection, server.api_key, body)
    finally:
        connection.close()
    assert times.first_text_at is not None
    samples.new_raw.append(milliseconds(times.first_text_at - started - _server_first_chunk_s(server)))


def measure_ttft(server: Any, client: Any, speed: float, repetitions: int) -> TtftSamples:
    samples = TtftSamples()
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
    try:
        raw_stream(connection, server.api_key, request_body(100))  # open it, like warm_up()
        steps = [
            lambda: time_warm_app(server, client, speed, samples),
            lambda: time_warm_raw(server, connection, speed, samples),
            lambda: time_new_app(server, speed, samples),
            lambda: time_new_raw(server, speed, samples),
        ]
        for repetition in range(repetitions):
            for step in steps if repetition % 2 == 0 else reversed(steps):
                step()
    finally:
        connection.close()
    return samples


# --- figure 2: ready_ms through make_game --------------------------------------------------


def _recording_check_class(log: dict[str, object]) -> type:
    """PreparedCheck that also notes when the code was handed over and if its runner was warm.

    Observation only: it calls the real methods unchanged.
    """
    from sandbox.check import PreparedCheck

    class RecordingCheck(PreparedCheck):
        def start(self, *args: Any, **kwargs: Any) -> None:
            log["started_at"] = time.perf_counter()
            log["runner_ready"] = self._played.runner.ready is not None
            super().start(*args, **kwargs)
            log["start_returned_at"] = time.perf_counter()

        def finish(self, *args: Any, **kwargs: Any) -> Any:
            verdict = super().finish(*args, **kwargs)
            log["first_frame_seen_at"] = self.first_frame_seen_at
            return verdict

    return RecordingCheck


class _LastDeltaSource:
    """Wraps the ModelSource to note the last TextDelta.at (what make_game calls the last token)."""

    def __init__(self, source: Any, log: dict[str, object]) -> None:
        self._source = source
        self._log = log
        self.model = source.model
        self.offline = source.offline
        self.can_repair = source.can_repair

    def stream(self, description: str, messages: Any) -> Iterator[object]:
        from studio.llm.events import TextDelta

        for event in self._source.stream(description, messages):
            if isinstance(event, TextDelta):
                self._log["last_delta_at"] = event.at
            yield event

    def cancel(self) -> None:
        self._source.cancel()


def time_make_game(server: Any, source: Any, settings: Any, reply_text: str, speed: float,
                   samples: ReadySamples) -> None:
    import studio.pipeline.make as make
    from tests.fake_openai import Reply

    log: dict[str, object] = {}
    real_check = make.PreparedCheck
    make.PreparedCheck = _recording_check_class(log)  # type: ignore[misc,assignment]
    try:
        server.script(Reply(text=reply_text, tokens_per_s=speed))
        result = make.make_game("a platformer", _LastDeltaSource(source, log), settings,
                                check_frames=CHECK_FRAMES)
    finally:
        make.PreparedCheck = real_check  # type: ignore[misc]
    record = server.wait_until_idle()[-1]
    samples.statuses.append(result.status)
    if result.repairs:
        samples.statuses.append(f"repaired {result.repairs}")
    if result.ready_ms is not None:
        samples.ready_ms.append(result.ready_ms)
    if result.check is not None:
        samples.load_ms.append(result.check.load_ms)
        samples.first_frame_ms.append(result.check.first_frame_ms)
    seen_at = log.get("first_frame_seen_at")
    if isinstance(seen_at, float) and record.last_chunk_sent_at is not None:
        samples.server_last_to_frame.append(milliseconds(seen_at - record.last_chunk_sent_at))
    handed, last_delta = log.get("started_at"), log.get("last_delta_at")
    if isinstance(handed, float) and isinstance(last_delta, float):
        samples.handoff.append(milliseconds(handed - last_delta))
    returned = log.get("start_returned_at")
    if isinstance(handed, float) and isinstance(returned, float):
        samples.start_call.append(milliseconds(returned - handed))
    if result.ready_ms is not None and result.check is not None:
        samples.outside_runner.append(result.ready_ms - result.check.first_frame_ms)
    if not log.get("runner_ready", True):
        samples.runners_not_ready += 1


def time_compile_game(source_code: str, compile_only: list[float]) -> None:
    """The sandbox's compile policy alone in this process (parse, check, transform, compile)."""
    from sandbox.compiler import compile_game

    started = time.perf_counter()
    compile_game(source_code, "game.py")
    compile_only.append(milliseconds(time.perf_counter() - started))


def time_plain_in_process(source_code: str, plain: list[float], plain_exec: list[float]) -> None:
    """compile() + exec (+ one update and draw) of the same code here: no sandbox, no pipe."""
    import pygame

    started = time.perf_counter()
    namespace: dict[str, object] = {"__name__": "game"}
    exec(compile(source_code, "game.py", "exec", dont_inherit=True), namespace)  # noqa: S102
    executed = time.perf_counter()
    screen = pygame.Surface((namespace["WIDTH"], namespace["HEIGHT"]), 0, 32)  # type: ignore[arg-type]
    namespace["update"](1 / 60)  # type: ignore[operator]
    namespace["draw"](screen)  # type: ignore[operator]
    done = time.perf_counter()
    plain.append(milliseconds(done - started))
    plain_exec.append(milliseconds(executed - started))


# --- figure 3: throughput ------------------------------------------------------------------


def _long_reply(tokens: int) -> str:
    from tests.fake_openai import count_tokens

    game = GAME_PATH.read_text()
    copies = max(1, round(tokens / count_tokens(game)))
    return "```python\n" + game * copies + "```"


def time_app_stream(server: Any, client: Any, text: str, speed: float,
                    samples: ThroughputSamples, paced: bool) -> None:
    from studio.llm.events import TextDelta
    from tests.fake_openai import Reply

    server.script(Reply(text=text, tokens_per_s=speed))
    deltas = 0
    last_at = 0.0
    started = time.perf_counter()
    for event in client.stream_chat(MESSAGES, max_tokens=MAX_TOKENS):
        if isinstance(event, TextDelta):
            last_at = time.perf_counter()
            deltas += 1
    record = server.wait_until_idle()[-1]
    if paced:
        samples.lag_app.append(milliseconds(last_at - record.last_chunk_sent_at))
        samples.deltas_per_reply.append(deltas)
    else:
        samples.rate_app.append(record.chunks_sent / (last_at - started))


def time_raw_stream(server: Any, connection: http.client.HTTPConnection, text: str,
                    speed: float, samples: ThroughputSamples, paced: bool) -> None:
    from tests.fake_openai import Reply

    server.script(Reply(text=text, tokens_per_s=speed))
    body = request_body(MAX_TOKENS)
    started = time.perf_counter()
    times = raw_stream(connection, server.api_key, body)
    record = server.wait_until_idle()[-1]
    assert times.last_text_at is not None and times.content_events == record.chunks_sent
    if paced:
        samples.lag_raw.append(milliseconds(times.last_text_at - record.last_chunk_sent_at))
    else:
        samples.rate_raw.append(record.chunks_sent / (times.last_text_at - started))


def measure_throughput(server: Any, client: Any, tokens: int, paced_repetitions: int,
                       unpaced_repetitions: int) -> ThroughputSamples:
    samples = ThroughputSamples()
    text = _long_reply(tokens)
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
    try:
        raw_stream(connection, server.api_key, request_body(100))
        for repetitions, speed, paced in ((unpaced_repetitions, math.inf, False),
                                          (paced_repetitions, THROUGHPUT_TOKENS_PER_S, True)):
            steps = [
                lambda speed=speed, paced=paced: time_app_stream(
                    server, client, text, speed, samples, paced
                ),
                lambda speed=speed, paced=paced: time_raw_stream(
                    server, connection, text, speed, samples, paced
                ),
            ]
            for repetition in range(repetitions):
                for step in steps if repetition % 2 == 0 else reversed(steps):
                    step()
                progress(f"model_path: throughput ({'paced' if paced else 'unpaced'}) "
                         f"repetition {repetition + 1}/{repetitions} done")
    finally:
        connection.close()
    return samples


# --- the whole run -------------------------------------------------------------------------


def measure(quick: bool = False) -> list[Figure]:
    start_headless_pygame()  # before the studio's modules load pygame
    from sandbox.runner_process import RunnerSettings
    from studio.llm.client import ModelClient
    from studio.llm.endpoint import Endpoint
    from studio.pipeline.sources import ModelSource
    from studio.settings import Paths
    from tests.fake_openai import FakeOpenAI, count_tokens

    game = GAME_PATH.read_text()
    reply_text = "```python\n" + game + "```"  # ends like a model's reply: no newline after
    ttft_repetitions = 8 if quick else 25
    ready_repetitions = 2 if quick else 5
    paced_repetitions = 2 if quick else 3
    unpaced_repetitions = 3 if quick else 5
    throughput_tokens = 10_000 if quick else 30_000
    settings = RunnerSettings(assets_dir=Paths().asset_pack)
    figures: list[Figure] = []
    with FakeOpenAI(tokens_per_s=SPEEDS[0]) as server:
        client = ModelClient(Endpoint(server.base_url, MODEL, server.api_key, "custom"))
        try:
            client.warm_up()
            client.wait_until_warm(5.0)
            for _ in range(2):  # first-use costs (lazy imports, SDK caches) are not per request
                _app_first_delta(client, 100)
            server.wait_until_idle()
            ttft = {}
            for speed in SPEEDS:
                ttft[speed] = measure_ttft(server, client, speed, ttft_repetitions)
                progress(f"model_path: time to first token at {speed:g} tokens/s done")
            ready = {speed: ReadySamples() for speed in SPEEDS}
            plain: list[float] = []
            plain_exec: list[float] = []
            compile_only: list[float] = []
            source = ModelSource(client, MODEL)
            for repetition in range(ready_repetitions):
                order = SPEEDS if repetition % 2 == 0 else tuple(reversed(SPEEDS))
                for speed in order:
                    time_make_game(server, source, settings, reply_text, speed, ready[speed])
                    time_plain_in_process(game, plain, plain_exec)
                    time_compile_game(game, compile_only)
                progress(f"model_path: make_game repetition {repetition + 1}/{ready_repetitions} done")
            throughput = measure_throughput(
                server, client, throughput_tokens, paced_repetitions, unpaced_repetitions
            )
            if server.errors:
                raise RuntimeError("the fake server failed:\n" + "\n".join(server.errors))
        finally:
            client.close()
    for speed in SPEEDS:
        figures += _ttft_figures(speed, ttft[speed])
    for speed in SPEEDS:
        figures += _ready_figures(
            speed, ready[speed], plain, plain_exec, compile_only, count_tokens(reply_text)
        )
    figures += _throughput_figures(throughput, count_tokens(_long_reply(throughput_tokens)))
    return figures


def _figure(name: str, values: list[float], baseline_values: list[float], unit: str,
            target: str, met: bool | None, note: str, rate: bool = False) -> Figure:
    subject, baseline = median(values), median(baseline_values)
    return Figure(
        benchmark=name, subject=subject, baseline=baseline, unit=unit, target=target,
        ratio=ratio(baseline, subject) if rate else ratio(subject, baseline), met=met,
        note=f"{spread(values)}; {note}, {spread(baseline_values)}",
    )


def _ttft_figures(speed: float, samples: TtftSamples) -> list[Figure]:
    at = f"{speed:g} tokens/s"
    warm = median(samples.warm_app)
    return [
        _figure(
            f"model path, {at}: time to first token added by the app, warm client",
            samples.warm_app, samples.warm_raw, "ms", f"<= {TTFT_TARGET_MS:g} ms median",
            warm <= TTFT_TARGET_MS,
            f"{samples.warm_requests} requests on {len(samples.warm_connections)} connection(s); "
            f"StreamStarted.at -> first TextDelta.at minus the server's time: "
            f"{median(samples.sent_to_delta):.3g} ms median; request out (before stream_chat -> "
            f"server has the request line) {median(samples.app_out):.3g} ms vs raw "
            f"{median(samples.raw_out):.3g} ms, reply in (server wrote the first content -> "
            f"the consumer has it) {median(samples.app_in):.3g} ms vs raw "
            f"{median(samples.raw_in):.3g} ms; "
            "baseline = stdlib http.client on a kept-alive connection, same body, same subtraction",
        ),
        _figure(
            f"model path, {at}: time to first token added, new client per request",
            samples.new_app, samples.new_raw, "ms", "(context)", None,
            f"of which the ModelClient constructor: {median(samples.constructor):.3g} ms median "
            f"({spread(samples.constructor)}); baseline = a new stdlib http.client connection "
            "per request",
        ),
    ]


def _ready_figures(speed: float, samples: ReadySamples, plain: list[float],
                   plain_exec: list[float], compile_only: list[float],
                   tokens: int) -> list[Figure]:
    at = f"{speed:g} tokens/s"
    statuses = ", ".join(sorted(set(samples.statuses))) or "none"
    ready = median(samples.ready_ms)
    return [
        _figure(
            f"model path, {at}: ready_ms (last token -> first frame), ~300-line game",
            samples.ready_ms, plain, "ms", f"<= {READY_TARGET_MS:g} ms median",
            ready <= READY_TARGET_MS,
            f"platformer.py, {tokens} tokens; check status: {statuses}; "
            f"server's last content chunk sent -> first frame at the host: "
            f"{median(samples.server_last_to_frame):.3g} ms median "
            f"({spread(samples.server_last_to_frame)}); last TextDelta -> code handed to "
            f"the runners: {median(samples.handoff):.3g} ms median "
            f"({spread(samples.handoff)}); PreparedCheck.start() call itself: "
            f"{median(samples.start_call):.3g} ms median; ready_ms - first_frame_ms (time "
            f"outside the runner's own clock): {median(samples.outside_runner):.3g} ms median; "
            f"played runner not yet warm at hand-over: "
            f"{samples.runners_not_ready}; baseline = plain compile+exec+update/draw in-process",
        ),
        _figure(
            f"model path, {at}: check's load_ms (runner compile + exec)",
            samples.load_ms, compile_only, "ms", "(context)", None,
            f"plain compile()+exec in-process: {median(plain_exec):.3g} ms median "
            f"({spread(plain_exec)}); baseline = the sandbox's compile_game alone in-process",
        ),
        _figure(
            f"model path, {at}: check's first_frame_ms (runner, until first frame published)",
            samples.first_frame_ms, plain, "ms", "(context)", None,
            "baseline = plain compile+exec+update/draw in-process",
        ),
    ]


def _throughput_figures(samples: ThroughputSamples, tokens: int) -> list[Figure]:
    rate = median(samples.rate_app)
    deltas = median([float(d) for d in samples.deltas_per_reply])
    return [
        _figure(
            f"model path: client lag behind a {THROUGHPUT_TOKENS_PER_S:,.0f} tokens/s stream "
            "(last text at the consumer - server's last chunk)",
            samples.lag_app, samples.lag_raw, "ms", "(context: keeps up if small)", None,
            f"{tokens} tokens, one content chunk each, arriving as {deltas:.0f} TextDeltas; "
            "baseline = stdlib http.client reader with the same SSE + JSON parsing",
        ),
        _figure(
            "model path: client throughput, unpaced stream (content chunks/s)",
            samples.rate_app, samples.rate_raw, "chunks/s",
            f">= {THROUGHPUT_TARGET:,.0f} chunks/s", rate >= THROUGHPUT_TARGET,
            f"{tokens} tokens from sending the request to the last text at the consumer; "
            "the fake server writes up to 256 chunks per write and shares the process; "
            "baseline = stdlib http.client reader with the same SSE + JSON parsing",
            rate=True,
        ),
    ]


def main() -> None:
    run_from_command_line(__doc__, measure)


if __name__ == "__main__":
    main()

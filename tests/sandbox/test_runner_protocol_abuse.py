"""The host treats everything from the runner as hostile (DESIGN section 4).

Real impostor processes (tests/sandbox/fixtures/impostor_runner.py), started through
`RunnerSettings.runner_argv`, break the protocol, flood, forge and scribble over the
frame memory; the host must stop them, stay bounded and keep working. Hypothesis then
feeds the same parsing code garbage directly.
"""

from __future__ import annotations

import json
import os
import queue
import struct
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sandbox import frames, protocol
from sandbox.host import GameHost
from sandbox.protocol import Log, ProtocolError
from sandbox.runner_process import MAX_QUEUED_MESSAGES, RunnerProcess, RunnerSettings, RunnerStopped
from tests.sandbox.fixtures.hosting import Watcher, alive, wait_dead

IMPOSTOR = Path(__file__).resolve().parent / "fixtures" / "impostor_runner.py"
MARKER = "EVIL-PAYLOAD-MARKER"
WAIT_S = 15.0


def impostor_settings(mode: str, **overrides: object) -> RunnerSettings:
    values: dict[str, object] = dict(
        runner_argv=("-I", str(IMPOSTOR), "sandbox.runner-impostor", mode),
        extra_view_paths=(str(IMPOSTOR),),  # the runner's view shows only what it is given
        max_width=64,
        max_height=64,
        hang_timeout_s=1.0,
        startup_timeout_s=3.0,
    )
    values.update(overrides)
    return RunnerSettings(**values)  # type: ignore[arg-type]


@pytest.fixture
def start_impostor(no_leaks: None) -> Iterator:  # noqa: ANN001
    runners: list[RunnerProcess] = []

    def start(mode: str, **overrides: object) -> RunnerProcess:
        runner = RunnerProcess(impostor_settings(mode, **overrides))
        runners.append(runner)
        return runner

    yield start
    for runner in runners:
        runner.close()
        assert not alive(runner.pid)


def stopped_event(runner: RunnerProcess, timeout_s: float = WAIT_S, watchdog: bool = False) -> RunnerStopped:
    """Wait for the RunnerStopped the host reports (running the watchdog check if asked)."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if watchdog:
            runner.check_heartbeat(time.monotonic())
        try:
            message = runner.messages.get(timeout=0.02)
        except queue.Empty:
            continue
        if isinstance(message, RunnerStopped):
            return message
    raise AssertionError(f"the host never stopped runner {runner.pid} (alive: {alive(runner.pid)})")


# -- protocol violations: the host kills the runner and says why, without echoing it ---------

VIOLATIONS = [
    "garbage",
    "endless_line",
    "empty_lines",
    "unknown_kind",
    "host_message_kind",
    "extra_field",
    "wrong_type",
    "bool_as_int",
    "lone_surrogate",
    "not_finite",
    "huge_number",
    "deep_nesting",
    "duplicate_key",
    "bad_literal",
    "oversized_string",
]


@pytest.mark.parametrize("mode", VIOLATIONS)
def test_protocol_violation_kills_the_runner(start_impostor, mode: str) -> None:  # noqa: ANN001
    runner = start_impostor(mode)
    stopped = stopped_event(runner)
    assert stopped.reason == "protocol", stopped
    assert MARKER not in stopped.detail  # the runner's bytes are never echoed back
    assert len(stopped.detail) < 500
    assert wait_dead(runner.pid)
    assert not runner.alive
    assert runner.stopped is stopped
    runner.send(protocol.Control("pause"))  # harmless once stopped


def test_forged_pid_is_not_believed(start_impostor) -> None:  # noqa: ANN001
    runner = start_impostor("forged_pid")
    assert runner.wait_ready(WAIT_S)
    assert runner.ready is not None and runner.ready.pid == 1
    assert runner.pid == runner.process.pid != 1
    runner.close()
    assert wait_dead(runner.process.pid)
    assert alive(1)


def test_output_flood_stays_bounded(start_impostor) -> None:  # noqa: ANN001
    runner = start_impostor("output_flood")
    assert runner.wait_ready(WAIT_S)
    deadline = time.monotonic() + WAIT_S
    while runner.messages.qsize() < MAX_QUEUED_MESSAGES and time.monotonic() < deadline:
        time.sleep(0.01)
    assert runner.messages.qsize() >= MAX_QUEUED_MESSAGES, "the flood never filled the queue"
    # Keep reading the flood for a while: nobody drains the queue, yet it must not grow.
    for _ in range(20):
        time.sleep(0.02)
        assert runner.messages.qsize() <= MAX_QUEUED_MESSAGES
        runner.check_heartbeat(time.monotonic())
    assert runner.alive  # flooding is allowed, just dropped
    runner.close()
    assert wait_dead(runner.pid)


def test_flood_of_other_messages_stays_bounded(start_impostor) -> None:  # noqa: ANN001
    runner = start_impostor("caption_flood")
    assert runner.wait_ready(WAIT_S)
    deadline = time.monotonic() + 5
    while runner.messages.qsize() <= MAX_QUEUED_MESSAGES and runner.alive and time.monotonic() < deadline:
        time.sleep(0.01)
    # Either the flood is dropped (queue at its bound) or the runner is stopped for it.
    assert runner.messages.qsize() <= MAX_QUEUED_MESSAGES + 1 or not runner.alive


def test_frame_header_chaos_never_breaks_the_reader(start_impostor) -> None:  # noqa: ANN001
    runner = start_impostor("header_chaos")
    assert runner.wait_ready(WAIT_S)
    capacity = 64 * 64 * 4
    previous = -1
    seen = 0
    for attempt in range(5000):
        asked = -1 if attempt % 2 else previous
        frame = runner.latest_frame(asked)
        if frame is not None:
            assert frame.number > asked
            assert 1 <= frame.width <= frames.MAX_WIDTH and 1 <= frame.height <= frames.MAX_HEIGHT
            assert len(frame.pixels) == frame.width * frame.height * 4 <= capacity
            previous = min(frame.number, 2**62)
            seen += 1
        runner.frames.heartbeat()
        runner.frames.frame_number()
        if attempt % 50 == 0:
            time.sleep(0.001)
    assert seen > 0, "the reader never accepted a frame: the test exercised nothing"
    runner.check_heartbeat(time.monotonic())
    assert runner.alive


def test_frame_memory_cannot_be_resized_or_resealed_by_the_runner(start_impostor) -> None:  # noqa: ANN001
    runner = start_impostor("resize_memory")
    deadline = time.monotonic() + WAIT_S
    log = None
    while log is None and time.monotonic() < deadline:
        try:
            message = runner.messages.get(timeout=0.05)
        except queue.Empty:
            continue
        if isinstance(message, Log):
            log = message
    assert log is not None, "the impostor did not report"
    assert all(":refused:" in result for result in log.text.split()), log.text
    # The header claims the largest square frame the mapping holds: reading it is safe.
    frame = runner.latest_frame()
    assert frame is not None and len(frame.pixels) <= 64 * 64 * 4
    assert len(frame.pixels) == frame.width * frame.height * 4


def test_runner_that_closes_its_pipe_but_keeps_running_is_killed(start_impostor) -> None:  # noqa: ANN001
    runner = start_impostor("closes_pipe")
    stopped = stopped_event(runner, timeout_s=20)
    assert stopped.reason == "hang"
    assert wait_dead(runner.pid)


def test_stderr_flood_then_crash_is_reported_briefly(start_impostor) -> None:  # noqa: ANN001
    runner = start_impostor("stderr_flood_then_exit")
    stopped = stopped_event(runner)
    assert (stopped.reason, stopped.returncode) == ("crashed", 3)
    assert "status 3" in stopped.detail
    # Not asserted: that the detail ends with "last words". RunnerProcess._on_exit reads
    # the stderr tail without waiting for the stderr thread to drain the pipe, so under
    # load it quotes an older line (a race; see the report).
    assert len(stopped.detail) < 500
    assert len(runner.stderr_tail()) <= 4096


def test_runner_that_never_gets_ready_is_stopped(start_impostor) -> None:  # noqa: ANN001
    runner = start_impostor("never_ready", startup_timeout_s=1.0)
    stopped = stopped_event(runner, watchdog=True)
    assert stopped.reason == "hang"
    assert runner.ready is None
    assert wait_dead(runner.pid)


def test_runner_that_stops_beating_is_stopped(start_impostor) -> None:  # noqa: ANN001
    runner = start_impostor("silent_after_ready")
    assert runner.wait_ready(WAIT_S)
    stopped = stopped_event(runner, watchdog=True)
    assert stopped.reason == "hang"
    assert wait_dead(runner.pid)


def test_game_host_survives_a_hostile_runner(no_leaks: None) -> None:
    with GameHost(impostor_settings("garbage_after_load")) as host:
        host.start()
        watch = Watcher(host)
        for _attempt in range(2):
            host.load_new("def draw(screen):\n    pass\n")
            first_pid = host.runner_pid
            stopped = watch.event(RunnerStopped)
            assert stopped.reason == "protocol"
            assert MARKER not in stopped.detail
            assert wait_dead(first_pid)
        # Controls and input for a stopped runner are ignored, not errors.
        host.pause()
        host.send_key(True, 32)
        assert host.latest_frame() is None


# -- the same parsing code, fed garbage directly ----------------------------------------------

_FIELD_VALUES = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=20), st.lists(st.integers(), max_size=4),
)
_KINDS = st.sampled_from([cls.kind for cls in protocol.FROM_RUNNER_MESSAGES + protocol.TO_RUNNER_MESSAGES] + ["", "x"])
_FIELD_NAMES = st.sampled_from(
    sorted({f for cls in protocol.FROM_RUNNER_MESSAGES for f in cls.__dataclass_fields__} | {"evil"})
)
_MESSAGE_LIKE = st.builds(
    lambda kind, extra: json.dumps({"kind": kind, **extra}).encode(),
    _KINDS,
    st.dictionaries(_FIELD_NAMES, _FIELD_VALUES, max_size=7),
)
_LINES = st.one_of(st.binary(max_size=300), _MESSAGE_LIKE)


@settings(max_examples=300, deadline=None)
@given(st.lists(_LINES, max_size=8), st.lists(st.integers(min_value=0, max_value=4000), max_size=6), st.booleans())
def test_line_reader_and_decoder_raise_only_protocol_errors(
    lines: list[bytes], cuts: list[int], newline_at_end: bool
) -> None:
    stream = b"\n".join(lines) + (b"\n" if newline_at_end else b"")
    reader = protocol.LineReader(256)
    points = sorted({0, len(stream), *(c % (len(stream) + 1) for c in cuts)})
    for start, end in zip(points, points[1:], strict=False):
        try:
            complete = reader.feed(stream[start:end])
        except ProtocolError:
            return  # a line over the bound: the stream is refused as a whole
        for line in complete:
            try:
                message = protocol.decode_from_runner(line)
            except ProtocolError:
                continue
            assert isinstance(message, protocol.FROM_RUNNER_MESSAGES)
            # Whatever decodes is a valid message: it encodes back and decodes the same.
            assert protocol.decode_from_runner(protocol.encode(message)) == message


_U32 = st.one_of(st.integers(0, 5), st.integers(60, 70), st.just(4096), st.integers(0, 2**32 - 1))
_U64 = st.one_of(st.integers(0, 5), st.integers(0, 2**64 - 1), st.just(64 * 64 * 4), st.just(2**63))


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.one_of(
        st.binary(min_size=frames.FRAME_HEADER_SIZE, max_size=frames.FRAME_HEADER_SIZE),
        st.builds(
            lambda seq, number, w, h, beat, capacity: struct.pack(
                "<4sIQQIIQQ16s", b"MGFR", 1, seq, number, w, h, beat, capacity, b""
            ),
            _U64, _U64, _U32, _U32, _U64, _U64,
        ),
    ),
    st.integers(-1, 2**64),
)
def test_frame_reader_never_raises_on_a_hostile_header(header: bytes, previous: int) -> None:
    fd, host_view = frames.create_frame_memory(64, 64)
    try:
        runner_view = frames.open_frame_memory(fd)  # a second mapping, as the runner has
        runner_view[: frames.FRAME_HEADER_SIZE] = header
        reader = frames.FrameReader(host_view)
        frame = reader.read(previous)
        reader.heartbeat()
        reader.frame_number()
        if frame is not None:
            assert frame.number > previous
            assert len(frame.pixels) == frame.width * frame.height * 4
            assert len(frame.pixels) <= len(host_view) - frames.FRAME_HEADER_SIZE
        runner_view.close()
    finally:
        host_view.close()
        os.close(fd)

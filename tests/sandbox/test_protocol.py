"""Tests for the host/runner messages and their strict JSON-lines codec."""

import dataclasses
import json
import os
import types
import typing
from typing import Annotated, Literal, get_args, get_origin, get_type_hints

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sandbox.protocol import (
    FROM_RUNNER_MESSAGES,
    MAX_ABS_INT,
    MAX_FROM_RUNNER_LINE_BYTES,
    MAX_SOURCE_CHARS,
    MAX_STR_CHARS,
    MAX_TO_RUNNER_LINE_BYTES,
    MAX_TUPLE_ITEMS,
    TO_RUNNER_MESSAGES,
    Caption,
    Configure,
    Control,
    FrameSampled,
    FrameTaken,
    GameError,
    GameOver,
    KeyInput,
    LineReader,
    Loaded,
    LoadGame,
    MaxChars,
    MouseInput,
    Output,
    ProtocolError,
    Ready,
    decode_from_runner,
    decode_to_runner,
    encode,
    is_sampled_frame,
    next_sampled_frame,
)
from sandbox.text import clean_game_text

ALL_MESSAGES = TO_RUNNER_MESSAGES + FROM_RUNNER_MESSAGES


def as_object(msg: object) -> dict[str, object]:
    return json.loads(encode(msg))  # type: ignore[arg-type]


def line_of(obj: object) -> bytes:
    return json.dumps(obj).encode()


KEY_DICT = {"kind": "key_input", "down": True, "key": 97, "mod": 0, "unicode": "a", "scancode": 4}


# ---------------------------------------------------------------------------
# Strategies derived from each message's type hints, so every message is covered.


def strategy_for_hint(hint: object, max_chars: int = 40) -> st.SearchStrategy[object]:
    origin = get_origin(hint)
    if origin is Annotated:
        return strategy_for_hint(get_args(hint)[0], max_chars)
    if hint is bool:
        return st.booleans()
    if hint is int:
        return st.integers(-MAX_ABS_INT, MAX_ABS_INT)
    if hint is float:
        return st.floats(allow_nan=False, allow_infinity=False)
    if hint is str:
        return st.text(max_size=max_chars)
    if origin is Literal:
        return st.sampled_from(get_args(hint))
    if origin is tuple:
        return st.lists(st.integers(-MAX_ABS_INT, MAX_ABS_INT), max_size=20).map(tuple)
    if origin is typing.Union or origin is types.UnionType:
        (inner,) = [arg for arg in get_args(hint) if arg is not type(None)]
        return st.none() | strategy_for_hint(inner, max_chars)
    raise AssertionError(f"no strategy for {hint!r}")


def strategy_for_message(cls: type) -> st.SearchStrategy[object]:
    hints = get_type_hints(cls, include_extras=True)
    return st.builds(
        cls, **{f.name: strategy_for_hint(hints[f.name]) for f in dataclasses.fields(cls)}
    )


to_runner_messages = st.one_of([strategy_for_message(cls) for cls in TO_RUNNER_MESSAGES])
from_runner_messages = st.one_of([strategy_for_message(cls) for cls in FROM_RUNNER_MESSAGES])

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=5) | st.dictionaries(st.text(max_size=10), children, max_size=5)
    ),
    max_leaves=20,
)


# ---------------------------------------------------------------------------
# Shape of the message classes


def test_every_message_is_a_frozen_slotted_dataclass_with_a_unique_kind() -> None:
    kinds = [cls.kind for cls in ALL_MESSAGES]
    assert len(set(kinds)) == len(kinds)
    for cls in ALL_MESSAGES:
        params = cls.__dataclass_params__
        assert params.frozen and hasattr(cls, "__slots__"), cls


def test_round_trip_examples() -> None:
    examples_to_runner = [
        LoadGame("import pygame\n", "snake.py", "hot_swap", None),
        LoadGame("x = 'é ✓ 🐍'\n", "ü.py", "new", 42),
        Configure(False, 7, 600, 30),
        FrameTaken(11),
        KeyInput(True, 97, 0, "a", 4),
        MouseInput("wheel", 10, -3, 0, 0, 1, (1, 0, 0)),
        Control("step"),
    ]
    for msg in examples_to_runner:
        line = encode(msg)
        assert line.endswith(b"\n") and line.count(b"\n") == 1
        assert decode_to_runner(line) == msg
    examples_from_runner = [
        Ready(1234, "rlimits,seccomp", "landlock unavailable\nuid unchanged", 81.5),
        Loaded(3, "callback", "Snake", 12.25, "snake,score"),
        GameError("ZeroDivisionError: division by zero", 12, "Traceback...", "start", True),
        FrameSampled(21),
    ]
    for msg in examples_from_runner:
        assert decode_from_runner(encode(msg)) == msg


def test_ints_are_accepted_for_float_fields() -> None:
    obj = as_object(Ready(1, "", "", 2.0))
    obj["warmup_ms"] = 2
    msg = decode_from_runner(line_of(obj))
    assert isinstance(msg, Ready) and type(msg.warmup_ms) is float and msg.warmup_ms == 2.0


def test_trailing_newline_is_optional() -> None:
    assert decode_to_runner(encode(Control("pause")).rstrip(b"\n")) == Control("pause")


@settings(deadline=None)
@given(to_runner_messages)
def test_any_valid_to_runner_message_round_trips(msg: object) -> None:
    assert decode_to_runner(encode(msg)) == msg  # type: ignore[arg-type]


def cleaned(msg: object) -> object:
    """`msg` as the host decodes it: every str field without control characters."""
    hints = get_type_hints(type(msg), include_extras=True)
    changes = {}
    for field in dataclasses.fields(msg):  # type: ignore[arg-type]
        value = getattr(msg, field.name)
        if isinstance(value, str):
            one_line = any(type(m).__name__ == "OneLine" for m in getattr(hints[field.name], "__metadata__", ()))
            changes[field.name] = clean_game_text(value, keep_newlines=not one_line)
    return dataclasses.replace(msg, **changes)  # type: ignore[type-var]


@settings(deadline=None)
@given(from_runner_messages)
def test_any_valid_from_runner_message_round_trips(msg: object) -> None:
    assert decode_from_runner(encode(msg)) == cleaned(msg)  # type: ignore[arg-type]


# ---------------------------------------------------------------------------
# Rejections


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("down", 1),  # int is not bool
        ("key", True),  # bool is not int
        ("key", 97.0),  # float is not int
        ("key", MAX_ABS_INT + 1),
        ("key", -MAX_ABS_INT - 1),
        ("key", None),
        ("key", "97"),
        ("unicode", 5),
        ("unicode", ["a"]),
        ("unicode", "x" * (MAX_STR_CHARS + 1)),
    ],
)
def test_wrong_field_values_are_refused(field: str, value: object) -> None:
    with pytest.raises(ProtocolError):
        decode_to_runner(line_of({**KEY_DICT, field: value}))


@pytest.mark.parametrize(
    "line",
    [
        b"",
        b"\n",
        b"[]",
        b'"key_input"',
        b"null",
        b"{}",
        b'{"kind": 5}',
        b'{"kind": ["key_input"]}',
        b'{"kind": "no_such_kind"}',
        b'{"kind": "ready", "pid": 1, "applied": "", "warnings": "", "warmup_ms": 1.0}',
        b"\xff\xfe{}",
        b'{"kind": "control", "action": "pause"} trailing',
        b'{"kind": "control", "action": "pause", "action": "quit"}',
        b'{"kind": "control", "action": "pause", "extra": 1}',
        b'{"kind": "control"}',
        b'{"kind": "control", "action": "explode"}',
        b'{"kind": "control", "action": null}',
        b'{"kind": "control", "action": "pause"}\n\n',
        b'{"kind": "control", "kind": "control", "action": "pause"}',
        b"[" * 100_000,
        b'{"kind": "key_input", "down": true, "key": ' + b"9" * 5000 + b"}",
    ],
)
def test_malformed_to_runner_lines_are_refused(line: bytes) -> None:
    with pytest.raises(ProtocolError):
        decode_to_runner(line)


@pytest.mark.parametrize("number", [b"NaN", b"Infinity", b"-Infinity", b"1e400", b"-1e400"])
def test_non_finite_floats_are_refused(number: bytes) -> None:
    line = b'{"kind": "frame_shown", "version": 1, "first_frame_ms": ' + number + b"}"
    with pytest.raises(ProtocolError):
        decode_from_runner(line)


def test_lone_surrogates_are_refused() -> None:
    line = b'{"kind": "caption", "title": "\\ud800"}'
    with pytest.raises(ProtocolError):
        decode_from_runner(line)
    with pytest.raises(ProtocolError):
        encode(Ready(1, "\ud800", "", 1.0))


def test_messages_are_only_accepted_in_their_direction() -> None:
    with pytest.raises(ProtocolError):
        decode_from_runner(encode(Control("quit")))
    with pytest.raises(ProtocolError):
        decode_to_runner(encode(Ready(1, "", "", 1.0)))


def test_tuple_fields_are_bounded_and_int_only() -> None:
    mouse = as_object(MouseInput("move", 1, 2, 0, 0, 0, (0, 0, 0)))
    for buttons in ([True], [1.5], ["1"], [[1]], [MAX_ABS_INT + 1], [0] * (MAX_TUPLE_ITEMS + 1)):
        with pytest.raises(ProtocolError):
            decode_to_runner(line_of({**mouse, "buttons": buttons}))
    at_limit = decode_to_runner(line_of({**mouse, "buttons": [7] * MAX_TUPLE_ITEMS}))
    assert isinstance(at_limit, MouseInput) and at_limit.buttons == (7,) * MAX_TUPLE_ITEMS


def test_game_source_has_its_own_larger_bound() -> None:
    big_source = "#" * MAX_SOURCE_CHARS
    assert len(big_source) > MAX_STR_CHARS
    msg = LoadGame(big_source, "big.py", "new", None)
    assert decode_to_runner(encode(msg)) == msg
    with pytest.raises(ProtocolError):
        encode(LoadGame(big_source + "#", "big.py", "new", None))
    with pytest.raises(ProtocolError):
        encode(LoadGame("", "f" * (MAX_STR_CHARS + 1), "new", None))


def test_lines_over_the_direction_bound_are_refused_before_parsing() -> None:
    with pytest.raises(ProtocolError, match="longer"):
        decode_from_runner(b" " * (MAX_FROM_RUNNER_LINE_BYTES + 1))
    with pytest.raises(ProtocolError, match="longer"):
        decode_to_runner(b" " * (MAX_TO_RUNNER_LINE_BYTES + 1))
    # Each field is within its own bound, but together they pass the line bound.
    big = GameError("é" * MAX_STR_CHARS, None, "é" * MAX_STR_CHARS, "running", False)
    with pytest.raises(ProtocolError):
        encode(big)


def test_encode_refuses_ill_typed_messages() -> None:
    for bad in (
        KeyInput(1, 97, 0, "a", 4),  # type: ignore[arg-type]
        KeyInput(True, 97.5, 0, "a", 4),  # type: ignore[arg-type]
        Control("explode"),  # type: ignore[arg-type]
        Ready(1, "", "", float("nan")),
        MouseInput("move", 0, 0, 0, 0, 0, [1, 2]),  # type: ignore[arg-type]
        "not a message",
    ):
        with pytest.raises(ProtocolError):
            encode(bad)  # type: ignore[arg-type]


def test_a_custom_bound_is_read_from_annotated() -> None:
    hints = get_type_hints(LoadGame, include_extras=True)
    assert MaxChars(MAX_SOURCE_CHARS) in hints["source"].__metadata__


# ---------------------------------------------------------------------------
# Fuzzing: whatever the bytes, the only failure is ProtocolError.


def decode_both_ways(line: bytes) -> None:
    for decode, classes in (
        (decode_to_runner, TO_RUNNER_MESSAGES),
        (decode_from_runner, FROM_RUNNER_MESSAGES),
    ):
        try:
            msg = decode(line)
        except ProtocolError:
            continue
        assert isinstance(msg, classes)
        assert decode(encode(msg)) == msg  # what decodes also re-encodes


@settings(deadline=None, max_examples=500)
@given(st.binary(max_size=300))
def test_fuzz_random_bytes(line: bytes) -> None:
    decode_both_ways(line)


@settings(deadline=None, max_examples=500)
@given(json_values)
def test_fuzz_random_json(value: object) -> None:
    decode_both_ways(json.dumps(value).encode())


@st.composite
def mutated_valid_lines(draw: st.DrawFn) -> bytes:
    msg = draw(st.one_of(to_runner_messages, from_runner_messages))
    obj = json.loads(encode(msg))
    names = sorted(obj)
    mutation = draw(st.sampled_from(["replace", "delete", "add", "kind", "bytes"]))
    if mutation == "replace":
        obj[draw(st.sampled_from(names))] = draw(json_values)
    elif mutation == "delete":
        del obj[draw(st.sampled_from(names))]
    elif mutation == "add":
        obj[draw(st.text(max_size=10))] = draw(json_values)
    elif mutation == "kind":
        obj["kind"] = draw(st.sampled_from([cls.kind for cls in ALL_MESSAGES]))
    line = json.dumps(obj, ensure_ascii=draw(st.booleans())).encode("utf-8", "surrogatepass")
    if mutation == "bytes" and line:
        position = draw(st.integers(0, len(line) - 1))
        line = line[:position] + draw(st.binary(max_size=4)) + line[position + 1 :]
    return line


@settings(deadline=None, max_examples=1000)
@given(mutated_valid_lines())
def test_fuzz_mutated_valid_messages(line: bytes) -> None:
    decode_both_ways(line)


# ---------------------------------------------------------------------------
# LineReader


def test_line_reader_joins_chunks_and_splits_lines() -> None:
    reader = LineReader(max_line_bytes=100)
    assert reader.feed(b'{"a"') == []
    assert reader.pending_bytes == 4
    assert reader.feed(b":1}\nsecond\nthi") == [b'{"a":1}', b"second"]
    assert reader.feed(b"rd\n\n") == [b"third", b""]
    assert reader.pending_bytes == 0


def test_line_reader_allows_a_line_exactly_at_the_bound() -> None:
    reader = LineReader(max_line_bytes=10)
    assert reader.feed(b"x" * 6) == []
    assert reader.feed(b"x" * 4 + b"\n") == [b"x" * 10]


def test_line_reader_stops_a_flood_without_newlines() -> None:
    reader = LineReader(max_line_bytes=1000)
    reader.feed(b"x" * 600)
    with pytest.raises(ProtocolError):
        reader.feed(b"x" * 600)
    assert reader.pending_bytes == 0  # the flood was not kept
    with pytest.raises(ProtocolError):
        reader.feed(b"ok\n")  # framing is lost for good


def test_line_reader_refuses_an_overlong_complete_line() -> None:
    reader = LineReader(max_line_bytes=5)
    with pytest.raises(ProtocolError):
        reader.feed(b"123456\n")


@settings(deadline=None)
@given(
    st.lists(st.binary(max_size=30).map(lambda b: b.replace(b"\n", b"")), max_size=10),
    st.lists(st.integers(0, 400), max_size=10),
)
def test_line_reader_any_chunking_gives_the_same_lines(lines: list[bytes], cuts: list[int]) -> None:
    stream = b"".join(line + b"\n" for line in lines)
    reader = LineReader(max_line_bytes=30)
    got: list[bytes] = []
    start = 0
    for cut in sorted({min(cut, len(stream)) for cut in cuts}) + [len(stream)]:
        got += reader.feed(stream[start:cut])
        start = cut
    assert got == lines


def test_line_reader_reads_a_non_blocking_pipe_until_eof() -> None:
    read_fd, write_fd = os.pipe()
    try:
        os.set_blocking(read_fd, False)
        reader = LineReader(MAX_FROM_RUNNER_LINE_BYTES)
        assert reader.read_from(read_fd) == []  # nothing yet: no exception
        os.write(write_fd, encode(Ready(7, "", "", 1.0)) + encode(Control("quit"))[:5])
        (line,) = reader.read_from(read_fd)
        assert decode_from_runner(line) == Ready(7, "", "", 1.0)
        os.close(write_fd)
        write_fd = -1
        assert reader.read_from(read_fd) == []
        assert reader.at_eof and reader.pending_bytes == 5
    finally:
        os.close(read_fd)
        if write_fd >= 0:
            os.close(write_fd)


# ---------------------------------------------------------------------------
# Verdicts are the host's: a runner line claiming one is a protocol error.

VERDICT_CLAIMS = [
    # The forged line of the trial: the old check report, believed as it stood.
    {"kind": "check_report", "frames": 9007199254740992, "elapsed_s": 1e-300, "hashes": [1, 2], "blank": False},
    {"kind": "verdict", "status": "ok", "frames": 600, "fps": 60.0, "blank": False, "responds_to_input": True},
    {"kind": "check_result", "status": "ok", "message": "", "line": None, "frames": 600, "fps": 60.0,
     "load_ms": 1.0, "first_frame_ms": 1.0, "blank": False, "responds_to_input": True},
    {"kind": "game_over", "reason": "done", "status": "ok"},
    {"kind": "game_over", "reason": "done", "frames": 600},
    {"kind": "frame_sampled", "number": 1, "blank": False},
    {"kind": "frame_sampled", "number": 600, "hash": 12345},
    {"kind": "frame_shown", "version": 1, "first_frame_ms": 1.0, "fps": 1e308},
]


@pytest.mark.parametrize("claim", VERDICT_CLAIMS, ids=lambda claim: str(sorted(claim))[:60])
def test_a_runner_line_claiming_a_verdict_is_a_protocol_error(claim: dict) -> None:
    with pytest.raises(ProtocolError):
        decode_from_runner(line_of(claim))


def test_lockstep_messages_go_one_way_each() -> None:
    assert decode_from_runner(encode(FrameSampled(11))) == FrameSampled(11)
    assert decode_to_runner(encode(FrameTaken(11))) == FrameTaken(11)
    with pytest.raises(ProtocolError):
        decode_to_runner(encode(FrameSampled(11)))
    with pytest.raises(ProtocolError):
        decode_from_runner(encode(FrameTaken(11)))


@settings(deadline=None)
@given(st.integers(0, 40), st.integers(1, 400))
def test_next_sampled_frame_walks_exactly_the_sampled_frames(sample_every: int, max_frames: int) -> None:
    walked = []
    number = next_sampled_frame(0, sample_every, max_frames)
    while number is not None:
        walked.append(number)
        number = next_sampled_frame(number, sample_every, max_frames)
    expected = [n for n in range(1, max_frames + 1) if is_sampled_frame(n, sample_every, max_frames)]
    assert walked == expected
    assert walked[0] == 1 and walked[-1] == max_frames
    if sample_every:
        assert all(b - a <= sample_every for a, b in zip(walked, walked[1:], strict=False))
    assert not is_sampled_frame(0, sample_every, max_frames)
    assert not is_sampled_frame(max_frames + 1, sample_every, max_frames)


# ---------------------------------------------------------------------------
# Game text is cleaned when decoded, never when going to the runner.

ESCAPES = "\x1b]0;owned\x07\x1b]52;c;ZWNobyBwd25lZA==\x07\x1b[2K\x1b[1A\r\x9b2J\x90q\x9c\u202eko\u202c\u2066x\u2069"


def test_escape_sequences_in_runner_text_lose_their_control_characters() -> None:
    raw = {"kind": "output", "text": "line one\n\tline two " + ESCAPES + " ok\x7f\x00"}
    decoded = decode_from_runner(line_of(raw))
    assert isinstance(decoded, Output)
    assert decoded.text == "line one\n\tline two ]0;owned]52;c;ZWNobyBwd25lZA==[2K[1A2Jqkox ok"
    error = decode_from_runner(encode(GameError("boom" + ESCAPES, 3, "Traceback\n  line 3" + ESCAPES, "running", False)))
    assert isinstance(error, GameError)
    controls = set("\x1b\x07\r\x9b\x90\x9c\u202e\u202c\u2066\u2069")
    assert not set(error.message + error.traceback) & controls
    assert error.message.startswith("boom]0;owned") and "\n" in error.traceback


@pytest.mark.parametrize(
    "msg",
    [
        Caption("Title\nok: 600 frames\x1b[1A"),
        Loaded(1, "callback", "Snake\r\n\u2028ok\t" + ESCAPES, 1.0, "a,\nb"),
        GameOver("the game exited\nok: 600 frames" + ESCAPES),
        Ready(1, "rlimits\n" + ESCAPES, "first\nsecond", 1.0),
    ],
    ids=["caption", "loaded", "game_over", "ready"],
)
def test_titles_and_reasons_decode_to_one_clean_line(msg: object) -> None:
    decoded = decode_from_runner(encode(msg))  # type: ignore[arg-type]
    one_line_fields = {"title", "reason", "carried", "applied"}
    for field in dataclasses.fields(decoded):  # type: ignore[arg-type]
        value = getattr(decoded, field.name)
        if isinstance(value, str):
            assert "\x1b" not in value and "\x9b" not in value and "\u202e" not in value and "\r" not in value
            if field.name in one_line_fields:
                assert "\n" not in value and "\u2028" not in value and "\t" not in value, (field.name, value)
    if isinstance(decoded, Ready):
        assert decoded.warnings == "first\nsecond"  # multi-line fields keep their lines


def test_raw_control_bytes_inside_a_json_string_are_refused() -> None:
    # JSON forbids unescaped C0 characters in strings; the strict decoder refuses the line.
    with pytest.raises(ProtocolError):
        decode_from_runner(b'{"kind": "output", "text": "a\x1b[2Jb"}')
    # C1 and bidi characters are valid raw UTF-8 in JSON: they are cleaned, not refused.
    line = '{"kind": "caption", "title": "a\u009b2Jb\u202ec"}'.encode()
    assert decode_from_runner(line) == Caption("a2Jbc")


def test_game_source_sent_to_the_runner_keeps_every_character() -> None:
    source = "s = '\x1b[2J\x0c\x9b\u202e'\r\n# é\t🐍\n"
    assert decode_to_runner(encode(LoadGame(source, "g.py", "new", None))) == LoadGame(source, "g.py", "new", None)

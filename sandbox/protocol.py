"""Typed messages between host and runner, and their strict JSON-lines codec.

Wire format: one JSON object per line, ``{"kind": "...", ...fields}`` then ``b"\\n"``,
UTF-8. The runner executes untrusted game code, so the host must treat every byte it
sends as hostile: decoding checks the line size, the kind, the exact field set and
each value's exact type and bound, and any violation raises ``ProtocolError``
(never another exception type).

The codec is generic: each message class's field checkers are derived once, at import
time, from its dataclass fields and type hints. Supported field types are ``bool``,
``int``, ``float``, ``str`` (optionally ``Annotated[str, MaxChars(n)]``),
``Literal[...]`` of strings, ``tuple[int, ...]`` and ``X | None`` of those.

Strings from the runner are the game's words: decoding strips their control characters
(sandbox.text), so no caller ever holds raw game text. Verdicts are not the runner's to
give: no message carries frame counts, hashes or "blank", and a line claiming one is an
unknown kind, a protocol error. In a check run the runner hands sampled frames over in
lockstep (``FrameSampled`` / ``FrameTaken``) and the host judges what it copied itself.
"""

import json
import math
import os
import types
from collections.abc import Callable, Iterable
from dataclasses import dataclass, fields
from typing import (
    Annotated,
    ClassVar,
    Literal,
    Union,
    get_args,
    get_origin,
    get_type_hints,
)

from sandbox.text import clean_game_text

# Line bounds exclude the terminating newline. The host→runner direction carries game
# source, so it is larger; the runner→host direction is the hostile one and stays small.
MAX_TO_RUNNER_LINE_BYTES = 4 * 1024 * 1024
MAX_FROM_RUNNER_LINE_BYTES = 256 * 1024

MAX_STR_CHARS = 64 * 1024  # default bound of a str field, in characters
MAX_SOURCE_CHARS = 2 * 1024 * 1024  # bound of LoadGame.source, in characters
MAX_TUPLE_ITEMS = 4096
MAX_ABS_INT = 2**53  # ints must lie in [-2**53, 2**53]: exact in every JSON reader


class ProtocolError(Exception):
    """A line that breaks the protocol: malformed, oversized, unknown or ill-typed."""


@dataclass(frozen=True, slots=True)
class MaxChars:
    """``Annotated`` marker: the most characters a str field may hold."""

    limit: int


@dataclass(frozen=True, slots=True)
class OneLine:
    """``Annotated`` marker: a runner→host str field shown on one line (breaks become spaces)."""


# ---------------------------------------------------------------------------
# Host → runner


@dataclass(frozen=True, slots=True)
class LoadGame:
    """Run this game source: as a new game, a hot swap of the current one, or a restart."""

    kind: ClassVar[str] = "load_game"
    source: Annotated[str, MaxChars(MAX_SOURCE_CHARS)]
    filename: str
    mode: Literal["new", "hot_swap", "restart"]
    seed: int | None


@dataclass(frozen=True, slots=True)
class Configure:
    """Check mode settings: unpaced, scripted random input, frame limit, sampling schedule.

    With ``max_frames`` set, the runner hands the frames ``is_sampled_frame`` names to the
    host and waits for each to be taken; it ends after frame ``max_frames``.
    """

    kind: ClassVar[str] = "configure"
    paced: bool
    scripted_input_seed: int | None
    max_frames: int | None
    sample_every: int


@dataclass(frozen=True, slots=True)
class FrameTaken:
    """The host copied sampled frame ``number`` out of frame memory: the runner may go on."""

    kind: ClassVar[str] = "frame_taken"
    number: int


def is_sampled_frame(number: int, sample_every: int, max_frames: int) -> bool:
    """Is frame ``number`` of a check run handed to the host? The first, the last, and
    every ``sample_every``-th after the first (none in between when it is 0)."""
    if number == 1 or number == max_frames:
        return 1 <= number <= max_frames
    return sample_every > 0 and 1 < number < max_frames and (number - 1) % sample_every == 0


def next_sampled_frame(after: int, sample_every: int, max_frames: int) -> int | None:
    """The first sampled frame numbered above ``after``; None once ``max_frames`` is passed."""
    if after >= max_frames:
        return None
    if after < 1:
        return 1
    if sample_every <= 0:
        return max_frames
    return min(after + sample_every - (after - 1) % sample_every, max_frames)


@dataclass(frozen=True, slots=True)
class KeyInput:
    """A key pressed (down=True) or released in the host window."""

    kind: ClassVar[str] = "key_input"
    down: bool
    key: int
    mod: int
    unicode: str
    scancode: int


@dataclass(frozen=True, slots=True)
class MouseInput:
    """A mouse event in the host window, in game-surface coordinates.

    The event type is called ``action`` because ``kind`` names the message on the wire.
    """

    kind: ClassVar[str] = "mouse_input"
    action: Literal["down", "up", "move", "wheel"]
    x: int
    y: int
    button: int
    rel_x: int
    rel_y: int
    buttons: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class Control:
    """Pause, resume, advance one frame while paused, or quit the runner."""

    kind: ClassVar[str] = "control"
    action: Literal["pause", "resume", "step", "quit"]


ToRunner = LoadGame | Configure | FrameTaken | KeyInput | MouseInput | Control
TO_RUNNER_MESSAGES: tuple[type, ...] = (LoadGame, Configure, FrameTaken, KeyInput, MouseInput, Control)


# ---------------------------------------------------------------------------
# Runner → host


@dataclass(frozen=True, slots=True)
class Ready:
    """The runner is warm and confined; ``applied`` is comma-separated, ``warnings`` one per line."""

    kind: ClassVar[str] = "ready"
    pid: int
    applied: Annotated[str, OneLine()]
    warnings: str
    warmup_ms: float


@dataclass(frozen=True, slots=True)
class Loaded:
    """A game version is loaded; ``carried`` is the comma-separated state a hot swap kept."""

    kind: ClassVar[str] = "loaded"
    version: int
    shape: Literal["callback", "classic"]
    title: Annotated[str, OneLine()]
    load_ms: float
    carried: Annotated[str, OneLine()]


@dataclass(frozen=True, slots=True)
class FrameShown:
    """The first frame of a version was published (sent once per version)."""

    kind: ClassVar[str] = "frame_shown"
    version: int
    first_frame_ms: float


@dataclass(frozen=True, slots=True)
class Refused:
    """The compile policy refused the source."""

    kind: ClassVar[str] = "refused"
    message: str
    line: int | None


@dataclass(frozen=True, slots=True)
class GameError:
    """The game raised; ``kept_previous`` says whether the previous version still runs."""

    kind: ClassVar[str] = "game_error"
    message: str
    line: int | None
    traceback: str
    phase: Literal["load", "start", "running"]
    kept_previous: bool


@dataclass(frozen=True, slots=True)
class Output:
    """Text the game printed (the runner splits or truncates it to the field bound)."""

    kind: ClassVar[str] = "output"
    text: str


@dataclass(frozen=True, slots=True)
class Caption:
    """The game set its window title."""

    kind: ClassVar[str] = "caption"
    title: Annotated[str, OneLine()]


@dataclass(frozen=True, slots=True)
class GameOver:
    """The game ended cleanly: script ended, sys.exit, pygame.quit or window closed."""

    kind: ClassVar[str] = "game_over"
    reason: Annotated[str, OneLine()]


@dataclass(frozen=True, slots=True)
class FrameSampled:
    """Check runs: sampled frame ``number`` is in frame memory; the runner waits for FrameTaken.

    A claim the host verifies against the frame memory, never a count it believes.
    """

    kind: ClassVar[str] = "frame_sampled"
    number: int


@dataclass(frozen=True, slots=True)
class Log:
    """A diagnostic line from the runner itself (not from the game)."""

    kind: ClassVar[str] = "log"
    level: Literal["info", "warning"]
    text: str


FromRunner = (
    Ready
    | Loaded
    | FrameShown
    | Refused
    | GameError
    | Output
    | Caption
    | GameOver
    | FrameSampled
    | Log
)
FROM_RUNNER_MESSAGES: tuple[type, ...] = (
    Ready,
    Loaded,
    FrameShown,
    Refused,
    GameError,
    Output,
    Caption,
    GameOver,
    FrameSampled,
    Log,
)


# ---------------------------------------------------------------------------
# Field checkers: each takes a JSON value and returns the field value or raises.

Checker = Callable[[object], object]


def _type_name(value: object) -> str:
    # Only the type is reported, never the value: it may be huge or crafted.
    return "null" if value is None else type(value).__name__


def _bool_checker(where: str) -> Checker:
    def check(value: object) -> object:
        if type(value) is bool:
            return value
        raise ProtocolError(f"{where}: expected bool, got {_type_name(value)}")

    return check


def _int_checker(where: str) -> Checker:
    def check(value: object) -> object:
        # type() rather than isinstance(): bool is a subclass of int but not an int here.
        if type(value) is int:
            if -MAX_ABS_INT <= value <= MAX_ABS_INT:
                return value
            raise ProtocolError(f"{where}: int out of range")
        raise ProtocolError(f"{where}: expected int, got {_type_name(value)}")

    return check


def _float_checker(where: str) -> Checker:
    def check(value: object) -> object:
        if type(value) is float:
            if math.isfinite(value):
                return value
            raise ProtocolError(f"{where}: float is not finite")
        if type(value) is int:  # JSON writes 3.0 as 3 in some encoders
            if -MAX_ABS_INT <= value <= MAX_ABS_INT:
                return float(value)
            raise ProtocolError(f"{where}: number out of range")
        raise ProtocolError(f"{where}: expected float, got {_type_name(value)}")

    return check


def _str_checker(where: str, max_chars: int, cleaned: bool, keep_newlines: bool) -> Checker:
    def check(value: object) -> object:
        if type(value) is not str:
            raise ProtocolError(f"{where}: expected str, got {_type_name(value)}")
        if len(value) > max_chars:
            raise ProtocolError(f"{where}: longer than {max_chars} characters")
        if not value.isascii():
            # JSON "\ud800" escapes decode to lone surrogates, which cannot be
            # re-encoded as UTF-8 and would break whoever displays or stores them.
            try:
                value.encode("utf-8")
            except UnicodeEncodeError:
                raise ProtocolError(f"{where}: lone surrogate in string") from None
        return clean_game_text(value, keep_newlines) if cleaned else value

    return check


def _literal_checker(where: str, allowed: frozenset[str]) -> Checker:
    def check(value: object) -> object:
        if type(value) is str and value in allowed:
            return value
        raise ProtocolError(f"{where}: not one of {sorted(allowed)}")

    return check


def _int_tuple_checker(where: str, array_type: type) -> Checker:
    def check(value: object) -> object:
        if type(value) is not array_type or not isinstance(value, (list, tuple)):
            raise ProtocolError(f"{where}: expected array, got {_type_name(value)}")
        if len(value) > MAX_TUPLE_ITEMS:
            raise ProtocolError(f"{where}: more than {MAX_TUPLE_ITEMS} items")
        for item in value:
            if type(item) is not int or not -MAX_ABS_INT <= item <= MAX_ABS_INT:
                raise ProtocolError(f"{where}: items must be ints within ±2**53")
        return tuple(value)

    return check


def _optional_checker(inner: Checker) -> Checker:
    def check(value: object) -> object:
        return None if value is None else inner(value)

    return check


def _checker_for(
    hint: object,
    where: str,
    array_type: type,
    clean_text: bool = False,
    max_chars: int = MAX_STR_CHARS,
    one_line: bool = False,
) -> Checker:
    """Build the checker for one field's type hint (a TypeError here is a bug in a message).

    ``array_type`` is what a ``tuple[int, ...]`` field holds on input: ``list`` when
    decoding JSON, ``tuple`` when encoding a message. ``clean_text``: strings come from
    the runner and lose their control characters (on one line where marked ``OneLine``).
    """
    origin = get_origin(hint)
    if origin is Annotated:
        base, *metadata = get_args(hint)
        for marker in metadata:
            if isinstance(marker, MaxChars):
                max_chars = marker.limit
            elif isinstance(marker, OneLine):
                one_line = True
        return _checker_for(base, where, array_type, clean_text, max_chars, one_line)
    if hint is bool:
        return _bool_checker(where)
    if hint is int:
        return _int_checker(where)
    if hint is float:
        return _float_checker(where)
    if hint is str:
        return _str_checker(where, max_chars, clean_text, keep_newlines=not one_line)
    if origin is Literal:
        allowed = get_args(hint)
        if not all(type(option) is str for option in allowed):
            raise TypeError(f"{where}: Literal options must be str")
        return _literal_checker(where, frozenset(allowed))
    if origin is tuple and get_args(hint) == (int, ...):
        return _int_tuple_checker(where, array_type)
    if origin is Union or origin is types.UnionType:
        options = get_args(hint)
        present = [option for option in options if option is not type(None)]
        if len(options) == 2 and len(present) == 1:
            inner = _checker_for(present[0], where, array_type, clean_text, max_chars, one_line)
            return _optional_checker(inner)
    raise TypeError(f"{where}: unsupported field type {hint!r}")


# ---------------------------------------------------------------------------
# Per-class specs, computed once.


@dataclass(frozen=True, slots=True)
class _MessageSpec:
    """What the codec needs to know about one message class."""

    cls: type
    kind: str
    names: tuple[str, ...]
    decode_checkers: tuple[Checker, ...]
    encode_checkers: tuple[Checker, ...]
    key_set: frozenset[str]  # the exact keys of the JSON object, "kind" included
    max_line_bytes: int


@dataclass(frozen=True, slots=True)
class _Direction:
    """The messages one side may send, and the largest line it may send."""

    name: str
    max_line_bytes: int
    specs_by_kind: dict[str, _MessageSpec]


def _spec_for(cls: type, max_line_bytes: int, clean_text: bool) -> _MessageSpec:
    kind = cls.__dict__.get("kind")
    if type(kind) is not str:
        raise TypeError(f"{cls.__name__} needs a `kind: ClassVar[str]`")
    hints = get_type_hints(cls, include_extras=True)
    names = tuple(field.name for field in fields(cls))
    if "kind" in names:
        raise TypeError(f"{cls.__name__}: a field may not be called 'kind'")
    decode_checkers = tuple(
        _checker_for(hints[name], f"{kind}.{name}", list, clean_text) for name in names
    )
    encode_checkers = tuple(_checker_for(hints[name], f"{kind}.{name}", tuple) for name in names)
    return _MessageSpec(
        cls=cls,
        kind=kind,
        names=names,
        decode_checkers=decode_checkers,
        encode_checkers=encode_checkers,
        key_set=frozenset(names) | {"kind"},
        max_line_bytes=max_line_bytes,
    )


def _direction(
    name: str, max_line_bytes: int, classes: Iterable[type], clean_text: bool
) -> _Direction:
    specs = [_spec_for(cls, max_line_bytes, clean_text) for cls in classes]
    return _Direction(name, max_line_bytes, {spec.kind: spec for spec in specs})


# Game source going to the runner keeps every character; game text coming back does not.
_TO_RUNNER = _direction("host→runner", MAX_TO_RUNNER_LINE_BYTES, TO_RUNNER_MESSAGES, False)
_FROM_RUNNER = _direction(
    "runner→host", MAX_FROM_RUNNER_LINE_BYTES, FROM_RUNNER_MESSAGES, clean_text=True
)
_SPECS_BY_CLASS: dict[type, _MessageSpec] = {
    spec.cls: spec
    for direction in (_TO_RUNNER, _FROM_RUNNER)
    for spec in direction.specs_by_kind.values()
}
if len(_SPECS_BY_CLASS) != len(_TO_RUNNER.specs_by_kind) + len(_FROM_RUNNER.specs_by_kind):
    raise TypeError("message kinds must be unique across both directions")


# ---------------------------------------------------------------------------
# Codec

_ENCODER = json.JSONEncoder(ensure_ascii=False, allow_nan=False, separators=(",", ":"))


def _reject_duplicate_keys(pairs: list[tuple[str, object]]) -> dict[str, object]:
    # json keeps the last duplicate silently; two readers could then disagree on a value.
    obj = dict(pairs)
    if len(obj) != len(pairs):
        raise ProtocolError("duplicate key in JSON object")
    return obj


def _reject_constant(name: str) -> object:
    raise ProtocolError(f"non-finite number {name} is not allowed")


_DECODER = json.JSONDecoder(
    object_pairs_hook=_reject_duplicate_keys, parse_constant=_reject_constant
)


def encode(msg: ToRunner | FromRunner) -> bytes:
    """One message as one line of UTF-8 JSON ending in b"\\n"; ProtocolError if it is invalid.

    The same checks as decoding run here, so a line that encodes always decodes.
    """
    spec = _SPECS_BY_CLASS.get(type(msg))
    if spec is None:
        raise ProtocolError(f"not a protocol message: {_type_name(msg)}")
    obj: dict[str, object] = {"kind": spec.kind}
    for name, check in zip(spec.names, spec.encode_checkers, strict=True):
        obj[name] = check(getattr(msg, name))
    line = _ENCODER.encode(obj).encode("utf-8")
    if len(line) > spec.max_line_bytes:
        raise ProtocolError(f"{spec.kind}: encoded line longer than {spec.max_line_bytes} bytes")
    return line + b"\n"


def _decode(line: bytes, direction: _Direction) -> object:
    if line.endswith(b"\n"):
        line = line[:-1]
    if len(line) > direction.max_line_bytes:
        raise ProtocolError(f"{direction.name} line longer than {direction.max_line_bytes} bytes")
    if b"\n" in line:
        raise ProtocolError(f"{direction.name} line holds more than one line")
    try:
        obj = _DECODER.decode(line.decode("utf-8"))
    except ProtocolError:
        raise
    except (ValueError, RecursionError) as error:
        # ValueError covers bad UTF-8, bad JSON and ints too long to parse.
        raise ProtocolError(
            f"{direction.name} line is not valid JSON: {type(error).__name__}"
        ) from None
    if type(obj) is not dict:
        raise ProtocolError(f"{direction.name} line is not a JSON object")
    kind = obj.get("kind")
    if type(kind) is not str:
        raise ProtocolError(f"{direction.name} message has no string 'kind'")
    spec = direction.specs_by_kind.get(kind)
    if spec is None:
        raise ProtocolError(f"unknown {direction.name} message kind {kind[:40]!r}")
    if obj.keys() != spec.key_set:
        missing = sorted(spec.key_set - obj.keys())
        extra = len(obj.keys() - spec.key_set)
        raise ProtocolError(f"{kind}: missing fields {missing}, {extra} unknown field(s)")
    values = [
        check(obj[name]) for name, check in zip(spec.names, spec.decode_checkers, strict=True)
    ]
    return spec.cls(*values)


def decode_to_runner(line: bytes) -> ToRunner:
    """Parse one host→runner line (trailing newline optional); ProtocolError if invalid."""
    return _decode(line, _TO_RUNNER)  # type: ignore[return-value]


def decode_from_runner(line: bytes) -> FromRunner:
    """Parse one runner→host line (trailing newline optional); ProtocolError if invalid.

    Its strings come back without control characters (``sandbox.text.clean_game_text``).
    """
    return _decode(line, _FROM_RUNNER)  # type: ignore[return-value]


# ---------------------------------------------------------------------------
# Framing


class LineReader:
    """Splits a byte stream into lines, never buffering more than one line's bound.

    A flood without newlines raises ProtocolError as soon as the partial line passes
    ``max_line_bytes`` instead of growing memory. After an error the stream's framing
    is lost, so every later call raises too.
    """

    def __init__(self, max_line_bytes: int) -> None:
        self.max_line_bytes = max_line_bytes
        self._partial = bytearray()
        self._broken = False
        self._at_eof = False

    @property
    def at_eof(self) -> bool:
        """True once ``read_from`` saw the writer close its end."""
        return self._at_eof

    @property
    def pending_bytes(self) -> int:
        """Bytes of an unfinished line held in the buffer."""
        return len(self._partial)

    def _too_long(self) -> ProtocolError:
        self._broken = True
        self._partial.clear()
        return ProtocolError(f"line longer than {self.max_line_bytes} bytes")

    def feed(self, chunk: bytes) -> list[bytes]:
        """Add a chunk; return the complete lines it finished, without their newlines."""
        if self._broken:
            raise ProtocolError("stream already broke the protocol")
        lines: list[bytes] = []
        start = 0
        while (newline := chunk.find(b"\n", start)) >= 0:
            # Only the new chunk is searched, so a long line arriving in many chunks
            # costs linear time, not quadratic.
            if len(self._partial) + (newline - start) > self.max_line_bytes:
                raise self._too_long()
            if self._partial:
                self._partial += chunk[start:newline]
                lines.append(bytes(self._partial))
                self._partial.clear()
            else:
                lines.append(bytes(chunk[start:newline]))
            start = newline + 1
        if len(self._partial) + (len(chunk) - start) > self.max_line_bytes:
            raise self._too_long()
        self._partial += chunk[start:]
        return lines

    def read_from(self, fd: int, chunk_size: int = 65536) -> list[bytes]:
        """Do one ``os.read`` on ``fd`` (blocking or not) and return the lines it completed.

        Returns [] when a non-blocking fd has nothing to read, and sets ``at_eof`` when
        the writer has closed. One read per call keeps a flooding writer from starving
        the caller's event loop.
        """
        try:
            chunk = os.read(fd, chunk_size)
        except (BlockingIOError, InterruptedError):
            return []
        if not chunk:
            self._at_eof = True
            return []
        return self.feed(chunk)

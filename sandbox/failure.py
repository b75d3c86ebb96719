"""Turns an exception raised by game code into a message, a line and a short traceback."""

from __future__ import annotations

import traceback
from dataclasses import dataclass

MAX_MESSAGE_CHARS = 2000
MAX_TRACE_FRAMES = 8


@dataclass(frozen=True)
class Failure:
    """What the user (and the model) is told about a game's exception."""

    message: str
    line: int | None
    traceback: str


def _safe_str(error: BaseException) -> str:
    try:
        text = str(error)
    except BaseException:  # noqa: BLE001 - a game's __str__ may itself raise
        text = "(the error could not be described)"
    return text[:MAX_MESSAGE_CHARS]


def describe_failure(error: BaseException, game_file: str) -> Failure:
    """Message with the game's own line, ignoring frames of the sandbox itself."""
    try:
        frames = [f for f in traceback.extract_tb(error.__traceback__) if f.filename == game_file]
    except BaseException:  # noqa: BLE001 - e.g. MemoryError while walking the traceback
        frames = []
    line = frames[-1].lineno if frames else getattr(error, "lineno", None)
    text = _safe_str(error)
    kind = type(error).__name__
    message = f"{kind}: {text}" if text else kind
    if line is not None:
        message = f"line {line}: {message}"
    trace_lines = [
        f'  line {f.lineno}, in {f.name}\n    {(f.line or "").strip()}' for f in frames[-MAX_TRACE_FRAMES:]
    ]
    trace = "Traceback (game code, most recent call last):\n" + "\n".join(trace_lines) if trace_lines else ""
    return Failure(message, line if isinstance(line, int) else None, trace + ("\n" if trace else "") + f"{kind}: {text}")

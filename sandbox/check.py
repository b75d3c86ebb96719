"""Headless smoke test of one game (`studio check`): does it load, run, draw and react?

The game runs unpaced in a confined runner with seeded random input; a second runner
plays the same game with no input, and comparing the frames the host took from each
tells whether the game responds to input. Both run at once (the machine has two cores).
Every verdict comes from what the host observed (sandbox.observed_run), and every text
in the result is cleaned of control characters and fits on one line.
"""

from __future__ import annotations

import math
import threading
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from sandbox.observed_run import ObservedRun
from sandbox.protocol import GameError, Refused
from sandbox.runner_process import RunnerProcess, RunnerSettings, RunnerStopped
from sandbox.text import clean_game_text

MAX_GAME_BYTES = 1_000_000
COMPARISON_FRAMES = 300
DEFAULT_TIMEOUT_S = 30.0
BASELINE_GRACE_S = 2.0
MAX_MESSAGE_CHARS = 2000
MAX_REPORTED_NUMBER = 1e12  # no real timing or rate comes near; keeps every number plain JSON


@dataclass(frozen=True)
class CheckResult:
    """The JSON object `studio check --json` prints (DESIGN section 6)."""

    status: str  # ok | refused | error | timeout | killed
    message: str
    line: int | None
    frames: int
    fps: float
    load_ms: float
    first_frame_ms: float
    blank: bool
    responds_to_input: bool

    def __post_init__(self) -> None:
        # The message quotes the game (its errors, its exit reason, a crash's last words):
        # whoever prints or stores a result gets one line with no control characters.
        message = clean_game_text(str(self.message), keep_newlines=False)
        if len(message) > MAX_MESSAGE_CHARS:
            message = message[: MAX_MESSAGE_CHARS - 1] + "…"
        object.__setattr__(self, "message", message)

    def to_json(self) -> dict[str, object]:
        """Plain JSON types, numbers rounded for reading and always finite."""
        data = asdict(self)
        for name in ("fps", "load_ms", "first_frame_ms"):
            data[name] = round(finite(data[name]), 2)
        return data


def finite(value: object) -> float:
    """`value` as a float JSON can carry: NaN and non-numbers become 0, the rest is clamped."""
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError, OverflowError):
        return 0.0
    if math.isnan(number):
        return 0.0
    return min(max(number, -MAX_REPORTED_NUMBER), MAX_REPORTED_NUMBER)


class GameFileError(Exception):
    """A game file that cannot be checked at all; the message is one line."""


def read_game_file(path: Path) -> str:
    """The file's text, or a GameFileError saying in one line what is wrong with it."""
    if not path.exists():
        raise GameFileError(f"no such file: {path}")
    if path.is_dir():
        raise GameFileError(f"{path} is a folder, not a game file")
    try:
        size = path.stat().st_size
        if size > MAX_GAME_BYTES:
            raise GameFileError(f"{path} is {size / 1e6:.1f} MB; a game file may be at most {MAX_GAME_BYTES / 1e6:.0f} MB")
        data = path.read_bytes()
    except OSError as error:
        raise GameFileError(f"cannot read {path}: {error.strerror or error}") from None
    if not data.strip():
        raise GameFileError(f"{path} is empty")
    if b"\x00" in data:
        raise GameFileError(f"{path} is a binary file, not Python source")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise GameFileError(f"{path} is not UTF-8 text (byte {data[error.start]:#04x} at offset {error.start})") from None
    return text


class PreparedCheck:
    """Two warm runners waiting for a game: start them early, hand them the code later.

    `studio make` starts one while the model is still streaming, so the code goes to a
    warm runner the moment it is complete. Each run is watched by its own thread from
    `start` on: a check run waits for the host at every sampled frame.
    """

    def __init__(self, settings: RunnerSettings | None = None, baseline_later: bool = False) -> None:
        """`baseline_later`: start the no-input runner only after the game's first frame,
        so that on a small machine its warm-up competes neither with the model's stream
        nor with the game's load."""
        self._settings = settings or RunnerSettings()
        self._played = ObservedRun(RunnerProcess(self._settings))
        self._baseline = None if baseline_later else ObservedRun(RunnerProcess(self._settings))
        self._game: tuple[str, str, int, int] | None = None  # waiting for a later baseline
        self._stop = threading.Event()
        self._watchers: list[threading.Thread] = []

    def wait_ready(self) -> None:
        """Block until both runners are warm (so neither's start-up disturbs timings)."""
        for run in (self._played, self._baseline):
            if run is not None:
                run.runner.wait_ready()

    def start(self, source: str, filename: str, frames: int = 600, seed: int = 0) -> None:
        """Hand the game to the runners; returns at once."""
        self._run(self._played, source, filename, frames, seed, seed)
        if self._baseline is not None:
            self._run(self._baseline, source, filename, min(frames, COMPARISON_FRAMES), None, seed)
        else:
            self._game = (source, filename, min(frames, COMPARISON_FRAMES), seed)

    @property
    def first_frame_seen_at(self) -> float | None:
        """When the host learnt of the game's first frame (time.perf_counter)."""
        return self._played.runner.first_frame_seen_at

    def finish(self, timeout_s: float = DEFAULT_TIMEOUT_S) -> CheckResult:
        """Wait for the verdict (at most `timeout_s`), then stop both runners."""
        played = self._played
        try:
            deadline = time.monotonic() + timeout_s
            while not played.done.wait(0.005) and time.monotonic() < deadline:
                self._start_a_later_baseline()
            baseline = self._start_a_later_baseline(now=True)
            if played.ended_cleanly:
                baseline.done.wait(BASELINE_GRACE_S)
            self._stop_watching()
            timed_out = not played.done.is_set()
            for run in (played, baseline):
                run.settle()
            return _result(played, baseline, timed_out, timeout_s)
        finally:
            self.close()

    def _run(
        self, run: ObservedRun, source: str, filename: str, frames: int, input_seed: int | None, seed: int
    ) -> None:
        run.start(source, filename, frames, input_seed, seed)
        watcher = threading.Thread(target=run.watch, args=(self._stop,), name=f"check-{run.runner.pid}", daemon=True)
        self._watchers.append(watcher)
        watcher.start()

    def _start_a_later_baseline(self, now: bool = False) -> ObservedRun:
        """Start the no-input runner once the game shows its first frame (or now)."""
        if self._baseline is None and (now or self._played.runner.first_frame_seen_at is not None):
            self._baseline = ObservedRun(RunnerProcess(self._settings))
            if self._game is not None:
                source, filename, frames, seed = self._game
                self._run(self._baseline, source, filename, frames, None, seed)
        assert self._baseline is not None or not now
        return self._baseline  # type: ignore[return-value]

    def _stop_watching(self) -> None:
        self._stop.set()
        for watcher in self._watchers:
            watcher.join()

    def close(self) -> None:
        """Stop both runners and their watchers; idempotent."""
        self._stop_watching()
        self._played.runner.close()
        if self._baseline is not None:
            self._baseline.runner.close()


def check_source(
    source: str,
    filename: str = "game.py",
    frames: int = 600,
    seed: int = 0,
    settings: RunnerSettings | None = None,
    timeout_s: float = DEFAULT_TIMEOUT_S,
) -> CheckResult:
    """Run the game headless for `frames` frames and describe how it went."""
    check = PreparedCheck(settings)
    try:
        check.wait_ready()
        check.start(source, filename, frames, seed)
        return check.finish(timeout_s)
    finally:
        check.close()


def _result(played: ObservedRun, baseline: ObservedRun, timed_out: bool, timeout_s: float) -> CheckResult:
    """The verdict, from what the host observed of both runs."""
    frames, blank = played.frames, played.blank
    load_ms, first_frame_ms = played.load_ms(), played.first_frame_ms()
    if played.broken is not None:
        return _result_of("killed", played.broken, None, played, blank=blank)
    if played.ended_cleanly:
        message = played.over.reason if played.over else f"ran {frames} frames"
        return CheckResult(
            "ok", message, None, frames, played.fps(), load_ms, first_frame_ms, blank, _responds(played, baseline)
        )
    failure = played.failure
    if isinstance(failure, Refused):
        return CheckResult("refused", failure.message, failure.line, 0, 0.0, 0.0, 0.0, blank, False)
    if isinstance(failure, GameError):
        return _result_of("error", failure.message, failure.line, played, blank)
    if isinstance(failure, RunnerStopped):
        status = "timeout" if failure.reason == "hang" else "killed" if failure.reason in ("crashed", "protocol") else "error"
        return _result_of(status, failure.detail, None, played, blank)
    assert timed_out
    return CheckResult(
        "timeout", f"the game ran only {frames} frames in {timeout_s:.0f} s",
        None, frames, frames / timeout_s, load_ms, first_frame_ms, blank, False,
    )


def _result_of(status: str, message: str, line: int | None, played: ObservedRun, blank: bool) -> CheckResult:
    return CheckResult(
        status, message, line, played.frames, 0.0, played.load_ms(), played.first_frame_ms(), blank, False
    )


def _responds(played: ObservedRun, baseline: ObservedRun) -> bool:
    """True if the frames taken with input differ from the frames taken without."""
    if baseline.broken is not None:
        return False  # a lying baseline proves nothing
    if not baseline.ended_cleanly:
        return baseline.failure is not None  # it failed or hung without input but not with it
    with_input, without = played.hashes(), baseline.hashes()
    if any(with_input[number] != without[number] for number in with_input.keys() & without.keys()):
        return True
    return played.frames < baseline.frames  # input ended the game early

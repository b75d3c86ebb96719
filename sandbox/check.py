"""Headless smoke test of one game (`studio check`): does it load, run, draw and react?

The game runs unpaced in a confined runner with seeded random input; a second runner
plays the same game with no input, and comparing sampled frame hashes tells whether
the game responds to input. Both run at once (the machine has two cores).
"""

from __future__ import annotations

import time
from dataclasses import asdict, dataclass
from pathlib import Path

from sandbox.protocol import (
    CheckReport,
    Configure,
    FrameShown,
    GameError,
    GameOver,
    Loaded,
    LoadGame,
    Refused,
)
from sandbox.runner_process import RunnerProcess, RunnerSettings, RunnerStopped

MAX_GAME_BYTES = 1_000_000
SAMPLE_EVERY = 10
COMPARISON_FRAMES = 300
DEFAULT_TIMEOUT_S = 30.0


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

    def to_json(self) -> dict[str, object]:
        """Plain JSON types, numbers rounded for reading."""
        data = asdict(self)
        for name in ("fps", "load_ms", "first_frame_ms"):
            data[name] = round(float(data[name]), 2)
        return data


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


@dataclass
class _Run:
    """What one runner reported during a check."""

    runner: RunnerProcess
    report: CheckReport | None = None
    failure: Refused | GameError | RunnerStopped | None = None
    over: GameOver | None = None
    loaded: Loaded | None = None
    shown: FrameShown | None = None

    @property
    def finished(self) -> bool:
        return self.report is not None or self.failure is not None

    def collect(self) -> None:
        while not self.runner.messages.empty():
            message = self.runner.messages.get_nowait()
            if isinstance(message, CheckReport):
                self.report = message
            elif isinstance(message, (Refused, GameError)):
                self.failure = self.failure or message
            elif isinstance(message, RunnerStopped):
                if not self.finished:
                    self.failure = message
            elif isinstance(message, GameOver):
                self.over = message
            elif isinstance(message, Loaded):
                self.loaded = message
            elif isinstance(message, FrameShown):
                self.shown = message


class PreparedCheck:
    """Two warm runners waiting for a game: start them early, hand them the code later.

    `studio make` starts one while the model is still streaming, so the code goes to a
    warm runner the moment it is complete.
    """

    def __init__(self, settings: RunnerSettings | None = None, baseline_later: bool = False) -> None:
        """`baseline_later`: start the no-input runner only after the game's first frame,
        so that on a small machine its warm-up competes neither with the model's stream
        nor with the game's load."""
        self._settings = settings or RunnerSettings()
        self._played = _Run(RunnerProcess(self._settings))
        self._baseline = None if baseline_later else _Run(RunnerProcess(self._settings))
        self._game: tuple[str, str, int, int] | None = None  # waiting for a later baseline

    def wait_ready(self) -> None:
        """Block until both runners are warm (so neither's start-up disturbs timings)."""
        for run in (self._played, self._baseline):
            if run is not None:
                run.runner.wait_ready()

    def start(self, source: str, filename: str, frames: int = 600, seed: int = 0) -> None:
        """Hand the game to the runners; returns at once."""
        _load(self._played, source, filename, frames, seed, seed)
        if self._baseline is not None:
            _load(self._baseline, source, filename, min(frames, COMPARISON_FRAMES), None, seed)
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
            while time.monotonic() < deadline and not played.finished:
                self._start_a_later_baseline()
                _watch(played, *([self._baseline] if self._baseline else []))
            timed_out = not played.finished
            baseline = self._start_a_later_baseline(now=True)
            grace = time.monotonic() + 2.0
            while time.monotonic() < grace and not baseline.finished and played.report is not None:
                _watch(played, baseline)
            return _result(played, baseline, timed_out, timeout_s)
        finally:
            self.close()

    def _start_a_later_baseline(self, now: bool = False) -> _Run:
        """Start the no-input runner once the game shows its first frame (or now)."""
        if self._baseline is None and (now or self._played.runner.first_frame_seen_at is not None):
            self._baseline = _Run(RunnerProcess(self._settings))
            if self._game is not None:
                source, filename, frames, seed = self._game
                _load(self._baseline, source, filename, frames, None, seed)
        assert self._baseline is not None or not now
        return self._baseline  # type: ignore[return-value]

    def close(self) -> None:
        """Stop both runners; idempotent."""
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


def _load(run: _Run, source: str, filename: str, frames: int, input_seed: int | None, seed: int) -> None:
    run.runner.send(Configure(False, input_seed, max(1, frames), SAMPLE_EVERY))
    run.runner.send(LoadGame(source, filename, "new", seed))


def _watch(*runs: _Run) -> None:
    now = time.monotonic()
    for run in runs:
        run.runner.check_heartbeat(now)
        run.collect()
    time.sleep(0.002)


def _result(played: _Run, baseline: _Run, timed_out: bool, timeout_s: float) -> CheckResult:
    load_ms = played.loaded.load_ms if played.loaded else 0.0
    first_frame_ms = played.shown.first_frame_ms if played.shown else 0.0
    report = played.report
    if report is not None:
        fps = report.frames / report.elapsed_s if report.elapsed_s > 0 else 0.0
        message = played.over.reason if played.over else f"ran {report.frames} frames"
        return CheckResult(
            "ok", message, None, report.frames, fps, load_ms, first_frame_ms, report.blank,
            _responds(report, baseline),
        )
    frames_shown = played.runner.frames.frame_number()
    failure = played.failure
    if isinstance(failure, Refused):
        return CheckResult("refused", failure.message, failure.line, 0, 0.0, 0.0, 0.0, True, False)
    if isinstance(failure, GameError):
        return CheckResult("error", failure.message, failure.line, frames_shown, 0.0, load_ms, first_frame_ms, False, False)
    if isinstance(failure, RunnerStopped):
        status = "timeout" if failure.reason == "hang" else "killed" if failure.reason in ("crashed", "protocol") else "error"
        return CheckResult(status, failure.detail, None, frames_shown, 0.0, load_ms, first_frame_ms, False, False)
    assert timed_out
    return CheckResult(
        "timeout", f"the game ran only {frames_shown} frames in {timeout_s:.0f} s",
        None, frames_shown, frames_shown / timeout_s, load_ms, first_frame_ms, False, False,
    )


def _responds(played: CheckReport, baseline: _Run) -> bool:
    """True if the frames with input differ from the frames without."""
    if baseline.report is None:
        return baseline.failure is not None  # it failed or hung without input but not with it
    common = min(len(played.hashes), len(baseline.report.hashes))
    if played.hashes[:common] != baseline.report.hashes[:common]:
        return True
    return played.frames < baseline.report.frames  # input ended the game early

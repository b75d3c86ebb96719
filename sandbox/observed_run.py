"""A headless check run as the host saw it: frames it copied, hashed and counted itself.

The runner's word counts for nothing (DESIGN section 4). In a check run the runner
announces each sampled frame (``FrameSampled``) and holds still until the host has
copied it out of frame memory (``FrameTaken``), so a few dozen round trips give the host
the pixels of known frames. The host checks that the frame memory holds exactly the
frame the schedule (``protocol.is_sampled_frame``) makes due next, hashes and judges the
pixels it copied, counts frames by headers it validated and times them by its own clock.
A runner that announces a frame it never published, skips ahead, or ends with a frame
count that does not add up is killed as a protocol breaker.
"""

from __future__ import annotations

import math
import queue
import threading
import time
import zlib
from dataclasses import dataclass

from sandbox.frames import Frame
from sandbox.protocol import (
    Configure,
    FrameSampled,
    FrameShown,
    FrameTaken,
    GameError,
    GameOver,
    Loaded,
    LoadGame,
    Refused,
    next_sampled_frame,
)
from sandbox.runner_process import HostEvent, RunnerProcess, RunnerStopped

# Frames between the ones handed over: 600 frames make 31 round trips, each costing the
# runner about a millisecond on a busy two-core machine (what hashing cost it before).
SAMPLE_EVERY = 20
WATCH_POLL_S = 0.05  # how often the watchdog looks while no message arrives


@dataclass(frozen=True)
class TakenFrame:
    """One sampled frame the host copied: its number, its pixels' CRC-32, when (perf_counter)."""

    number: int
    crc: int
    taken_at: float


def is_one_colour(pixels: bytes) -> bool:
    """True when every 4-byte pixel equals the first (an empty frame is one colour too)."""
    return pixels == pixels[:4] * (len(pixels) // 4)


class ObservedRun:
    """One runner playing one game headless for at most `max_frames` frames, watched by the host.

    One thread calls `watch`; read the results once it has returned.
    """

    def __init__(self, runner: RunnerProcess) -> None:
        self.runner = runner
        self.max_frames = 0
        self.sample_every = SAMPLE_EVERY
        self.taken: list[TakenFrame] = []
        self.last_frame: Frame | None = None  # the copy of the last frame taken
        self._all_one_colour = True
        self.frames = 0  # frames the host counted: the last frame taken, or a validated header
        self.loaded: Loaded | None = None
        self.shown: FrameShown | None = None
        self.over: GameOver | None = None
        self.failure: Refused | GameError | RunnerStopped | None = None
        self.broken: str | None = None  # why the host stopped believing the runner
        self.started_at: float | None = None  # perf_counter when the game was sent
        self.loaded_at: float | None = None
        self.shown_at: float | None = None
        self.ended_at: float | None = None
        self.done = threading.Event()

    # -- running --------------------------------------------------------------------------

    def start(
        self,
        source: str,
        filename: str,
        max_frames: int,
        input_seed: int | None,
        seed: int | None,
        sample_every: int = SAMPLE_EVERY,
    ) -> None:
        """Send the game: unpaced, scripted input from `input_seed` (None: no input)."""
        self.max_frames = max(1, max_frames)
        self.sample_every = max(0, sample_every)
        self.runner.send(Configure(False, input_seed, self.max_frames, self.sample_every))
        self.runner.send(LoadGame(source, filename, "new", seed))
        self.started_at = time.perf_counter()

    def watch(self, stop: threading.Event, deadline: float = math.inf) -> None:
        """Take the runner's messages until the run ends, `stop` is set or `deadline` (monotonic) passes."""
        runner = self.runner
        while not self.done.is_set() and not stop.is_set():
            now = time.monotonic()
            if now >= deadline:
                return
            runner.check_heartbeat(now)
            try:
                message = runner.messages.get(timeout=min(WATCH_POLL_S, deadline - now))
            except queue.Empty:
                continue
            self._take(message)

    def settle(self) -> None:
        """The run was cut short (deadline or stop): count its frames as they stand now."""
        if not self.done.is_set():
            self._count_frames()
            self.ended_at = self.ended_at or time.perf_counter()

    # -- what was observed ----------------------------------------------------------------

    @property
    def ran_to_the_end(self) -> bool:
        """The host took frame `max_frames` itself."""
        return self.broken is None and bool(self.taken) and self.taken[-1].number == self.max_frames

    @property
    def ended_cleanly(self) -> bool:
        """All frames ran, or the game ended itself (sys.exit, pygame.quit, its loop ended)."""
        return (
            self.broken is None
            and self.failure is None
            and (self.ran_to_the_end or self.over is not None)
        )

    @property
    def blank(self) -> bool:
        """No frame taken showed more than one colour (true when none was taken at all)."""
        return self._all_one_colour

    def hashes(self) -> dict[int, int]:
        """CRC-32 of each frame taken, by frame number."""
        return {frame.number: frame.crc for frame in self.taken}

    def fps(self) -> float:
        """Frames counted after the first one taken, over the host's own time since taking it."""
        if not self.taken or self.broken is not None:
            return 0.0
        first = self.taken[0]
        end = self.taken[-1].taken_at if self.ran_to_the_end else self.ended_at
        if end is None or end <= first.taken_at or self.frames <= first.number:
            return 0.0
        return (self.frames - first.number) / (end - first.taken_at)

    def load_ms(self) -> float:
        """The runner's load time, never more than the host saw pass before it heard of it."""
        if self.loaded is None:
            return 0.0
        return _within(self.loaded.load_ms, self.started_at, self.loaded_at)

    def first_frame_ms(self) -> float:
        """The runner's time to first frame, bounded the same way."""
        if self.shown is None:
            return 0.0
        return _within(self.shown.first_frame_ms, self.started_at, self.shown_at)

    # -- messages -------------------------------------------------------------------------

    def _take(self, message: HostEvent) -> None:
        now = time.perf_counter()
        if isinstance(message, FrameSampled):
            self._take_frame(message.number, now)
        elif isinstance(message, Loaded):
            self.loaded, self.loaded_at = self.loaded or message, self.loaded_at or now
        elif isinstance(message, FrameShown):
            self.shown, self.shown_at = self.shown or message, self.shown_at or now
        elif isinstance(message, GameOver):
            self.over = message
            self._end(now)
        elif isinstance(message, (Refused, GameError, RunnerStopped)):
            self.failure = message
            self._end(now)

    def _take_frame(self, number: int, now: float) -> None:
        due = next_sampled_frame(self.frames, self.sample_every, self.max_frames)
        if number != due:
            self._break(f"it announced frame {number} when frame {due} was due")
            return
        frame = self.runner.frames.read()
        if frame is None or frame.number != number:
            self._break(f"it announced frame {number}, which the frame memory does not hold")
            return
        self.runner.send(FrameTaken(number))  # copied: the runner goes on while we hash
        self.taken.append(TakenFrame(number, zlib.crc32(frame.pixels), now))
        if self._all_one_colour:  # one frame that draws is enough to know
            self._all_one_colour = is_one_colour(frame.pixels)
        self.frames = number
        self.last_frame = frame
        if number == self.max_frames:
            self.ended_at = now
            self.done.set()

    def _end(self, now: float) -> None:
        self.ended_at = now
        self._count_frames()
        self.done.set()

    def _count_frames(self) -> None:
        """Take the header's frame count if the lockstep allows it: between the last frame
        taken and the next one due (published, perhaps, but not yet announced)."""
        if self.broken is not None:
            return
        shown = self.runner.frames.frame_number()
        due = next_sampled_frame(self.frames, self.sample_every, self.max_frames) or self.frames
        if not self.frames <= shown <= due:
            self._break(
                f"its frame memory claims {shown} frames where {self.frames} to {due} are possible"
            )
            return
        self.frames = shown

    def _break(self, why: str) -> None:
        self.broken = f"the runner broke the check protocol: {why}"
        self.runner.kill("protocol", self.broken)
        self.ended_at = self.ended_at or time.perf_counter()
        self.done.set()


def _within(runner_ms: float, sent_at: float | None, heard_at: float | None) -> float:
    """A duration the runner reported, clamped to [0, what the host saw pass]."""
    if sent_at is None or heard_at is None:
        return 0.0
    return min(max(0.0, runner_ms), max(0.0, (heard_at - sent_at) * 1000.0))

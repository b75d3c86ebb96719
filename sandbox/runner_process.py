"""One runner child process seen from the host: start, talk, read frames, watch, kill.

Everything the runner sends is hostile: lines are bounded and strictly decoded, frame
headers are checked against our own mapping, and a runner that breaks the protocol
or misses its heartbeat is killed. No call here blocks the caller: commands go
through a writer thread, messages arrive through a reader thread into a queue.
"""

from __future__ import annotations

import dataclasses
import logging
import os
import queue
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path

from sandbox import frames, isolate, protocol
from sandbox.frames import Frame
from sandbox.protocol import FromRunner, Output, Ready, ToRunner
from sandbox.text import clean_game_text

LOG = logging.getLogger("sandbox.confinement")  # under "sandbox": silent unless configured
MAX_QUEUED_MESSAGES = 10_000
STDERR_TAIL_BYTES = 4096
DROPPABLE_WHEN_FLOODED = (Output, protocol.Log, protocol.Caption, protocol.FrameShown)
# bubblewrap exits with 128 + N when the runner inside was ended by signal N.
SIGNAL_EXIT_BASE = 128


@dataclass(frozen=True)
class RunnerSettings:
    """How runners are started and watched."""

    assets_dir: Path | None = None
    max_width: int = 1920
    max_height: int = 1200
    hang_timeout_s: float = 3.0
    startup_timeout_s: float = 20.0
    memory_limit_mb: int = 2048
    # What the child runs, after the interpreter; tests substitute misbehaving runners.
    runner_argv: tuple[str, ...] = ("-I", "-m", "sandbox.runner")
    # Namespace isolation (bubblewrap) where this machine allows it; False only to compare.
    namespaces: bool = True
    # More host paths the runner's view shows read-only (a substitute runner's own file).
    extra_view_paths: tuple[str, ...] = ()


@dataclass(frozen=True)
class RunnerStopped:
    """A runner process ended: `reason` is exited, crashed, hang, protocol or closed."""

    reason: str
    detail: str
    returncode: int | None


HostEvent = FromRunner | RunnerStopped


def runner_environment(home: str) -> dict[str, str]:
    """A scrubbed environment: no keys, no display, no sound server, SDL without signal handlers."""
    return {
        "SDL_VIDEODRIVER": "dummy",
        # The runner reaches no sound server (no sockets); SDL's dummy device keeps mixers working.
        "SDL_AUDIODRIVER": "dummy",
        "SDL_NO_SIGNAL_HANDLERS": "1",
        "PYGAME_HIDE_SUPPORT_PROMPT": "1",
        # Math libraries start one thread per core unless told; a game needs none of them.
        "OPENBLAS_NUM_THREADS": "1",
        "OMP_NUM_THREADS": "1",
        "PATH": "/usr/bin:/bin",
        "HOME": home,
        "LANG": "C.UTF-8",
    }


def runner_command(settings: RunnerSettings, isolation: isolate.Isolation) -> list[str]:
    """The runner's command line: inside bubblewrap where it works, else the bare interpreter."""
    options = [
        "--assets", str(settings.assets_dir or ""),
        "--memory-limit-mb", str(settings.memory_limit_mb),
        "--max-width", str(settings.max_width),
        "--max-height", str(settings.max_height),
    ]
    if isolation.bwrap is None:
        return [sys.executable, *settings.runner_argv, *options, "--parent-pid", str(os.getpid())]
    assets = str(settings.assets_dir) if settings.assets_dir else None
    view = isolate.plan_view(assets, settings.extra_view_paths)
    readable = [option for path in view.readable_paths for option in ("--readable", path)]
    # Inside, the host is not in the runner's pid namespace: bubblewrap ties their lives.
    return [
        *isolate.bwrap_command(isolation.bwrap, view, as_root=os.geteuid() == 0),
        view.interpreter, "-B", *settings.runner_argv, *options, *readable,
    ]


@dataclass
class _Watch:
    last_beat: int = -1
    last_change: float = field(default_factory=time.monotonic)


class RunnerProcess:
    """Handle on one `sandbox.runner` child."""

    def __init__(self, settings: RunnerSettings) -> None:
        self.settings = settings
        self.ready: Ready | None = None
        self.stopped: RunnerStopped | None = None
        self.shape = "callback"
        self.first_frame_seen_at: float | None = None  # perf_counter when FrameShown arrived
        self.messages: queue.Queue[HostEvent] = queue.Queue()
        self._dropped_output = 0
        # Commands not yet written; the caller writes directly when this is empty, so a
        # key press never waits for the writer thread to be scheduled.
        self._unsent: deque[memoryview] = deque()
        self._unsent_ready = threading.Condition()
        self._stderr_tail: deque[bytes] = deque(maxlen=64)
        self._watch = _Watch()
        self._lock = threading.Lock()
        self.isolation = (
            isolate.find_isolation() if settings.namespaces
            else isolate.Isolation(None, "namespace isolation is switched off for this runner")
        )
        self._workdir = tempfile.mkdtemp(prefix="minigame-runner-")
        frame_fd, self._memory = frames.create_frame_memory(settings.max_width, settings.max_height)
        self.frames = frames.FrameReader(self._memory)
        command_read, self._command_write = os.pipe()
        os.set_blocking(self._command_write, False)
        self._event_read, event_write = os.pipe()
        pipes = ["--command-fd", str(command_read), "--event-fd", str(event_write), "--frame-fd", str(frame_fd)]
        command = runner_command(self.settings, self.isolation)
        inside_home = isolate.PRIVATE_TMP if self.isolation.available else self._workdir
        try:
            self.process = subprocess.Popen(
                [*command, *pipes],
                pass_fds=(command_read, event_write, frame_fd),
                env=runner_environment(inside_home),
                cwd=self._workdir,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
                start_new_session=True,  # Ctrl+C in a terminal reaches the host only
            )
        finally:
            for fd in (command_read, event_write, frame_fd):
                os.close(fd)
        self.started_at = time.monotonic()
        self._stderr_thread = threading.Thread(target=self._drain_stderr, name=f"runner-{self.pid}-stderr", daemon=True)
        self._stderr_thread.start()
        self._reader_thread = threading.Thread(target=self._read_messages, name=f"runner-{self.pid}-reader", daemon=True)
        self._reader_thread.start()
        threading.Thread(target=self._write_commands, name=f"runner-{self.pid}-writer", daemon=True).start()

    # -- state ------------------------------------------------------------------------

    @property
    def pid(self) -> int:
        return self.process.pid

    @property
    def alive(self) -> bool:
        return self.stopped is None and self.process.poll() is None

    def stderr_tail(self) -> str:
        """The last bytes the runner wrote to stderr (for diagnosing crashes), without control characters."""
        return clean_game_text(b"".join(self._stderr_tail)[-STDERR_TAIL_BYTES:].decode("utf-8", "replace"))

    def wait_ready(self, timeout_s: float | None = None) -> bool:
        """Block until the runner is warm and confined (or has died)."""
        deadline = time.monotonic() + (timeout_s if timeout_s is not None else self.settings.startup_timeout_s)
        while self.ready is None and self.stopped is None and time.monotonic() < deadline:
            time.sleep(0.005)
        return self.ready is not None and self.stopped is None

    # -- talking ----------------------------------------------------------------------

    def send(self, command: ToRunner) -> None:
        """Write a command now if the pipe takes it; never blocks, even if the runner is stuck."""
        if self.stopped is not None:
            return
        data = memoryview(protocol.encode(command))
        with self._unsent_ready:
            if not self._unsent:
                data = data[self._write_some(data) :]
            if data:
                self._unsent.append(data)
                self._unsent_ready.notify()

    def _write_some(self, data: memoryview) -> int:
        """Bytes of `data` the pipe accepted without blocking (0 if full or closed)."""
        try:
            return os.write(self._command_write, data)
        except (BlockingIOError, BrokenPipeError, OSError):
            return 0

    def latest_frame(self, previous_number: int = -1) -> Frame | None:
        """The newest complete frame, if newer than `previous_number`."""
        return self.frames.read(previous_number)

    # -- watching ---------------------------------------------------------------------

    def check_heartbeat(self, now: float) -> None:
        """Kill the runner if it stopped beating (an endless loop or a stuck C call)."""
        if self.stopped is not None:
            return
        if self.ready is None:
            if now - self.started_at > self.settings.startup_timeout_s:
                self.kill("hang", f"the runner did not start within {self.settings.startup_timeout_s:.0f} s")
            return
        beat = self.frames.heartbeat()
        if beat != self._watch.last_beat:
            self._watch.last_beat = beat
            self._watch.last_change = now
        elif now - self._watch.last_change > self.settings.hang_timeout_s:
            self.kill(
                "hang",
                f"the game stopped responding for {self.settings.hang_timeout_s:.1f} s "
                "(an endless loop or a very long computation) and was stopped",
            )

    def kill(self, reason: str, detail: str) -> None:
        """Stop the runner now and record why (the first reason wins)."""
        with self._lock:
            if self.stopped is None:
                self.stopped = RunnerStopped(reason, detail, None)
                self.messages.put(self.stopped)
        if self.process.poll() is None:
            try:
                self.process.send_signal(signal.SIGKILL)
            except ProcessLookupError:
                pass

    def close(self) -> None:
        """Kill the runner, reap it and release every resource; idempotent."""
        self.kill("closed", "closed by the host")
        with self._unsent_ready:
            self._unsent_ready.notify()
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            pass
        if threading.current_thread() is not self._reader_thread:
            self._reader_thread.join(timeout=5)  # it closes the event pipe once the runner is gone
        for fd_name in ("_command_write",):
            fd = getattr(self, fd_name, -1)
            if fd >= 0:
                try:
                    os.close(fd)
                except OSError:
                    pass
                setattr(self, fd_name, -1)
        shutil.rmtree(self._workdir, ignore_errors=True)

    # -- threads ----------------------------------------------------------------------

    def _read_messages(self) -> None:
        reader = protocol.LineReader(protocol.MAX_FROM_RUNNER_LINE_BYTES)
        try:
            while True:
                try:
                    lines = reader.read_from(self._event_read)
                except protocol.ProtocolError as error:
                    self.kill("protocol", f"the runner broke the protocol: {error}")
                    return
                if reader.at_eof:
                    break
                for line in lines:
                    try:
                        message = protocol.decode_from_runner(line)
                    except protocol.ProtocolError as error:
                        self.kill("protocol", f"the runner sent a malformed message: {error}")
                        return
                    self._accept(message)
        finally:
            os.close(self._event_read)
            self._on_exit()

    def _accept(self, message: FromRunner) -> None:
        if isinstance(message, Ready):
            if self.isolation.available:
                message = dataclasses.replace(message, applied=",".join(filter(None, ("namespaces", message.applied))))
            else:
                warnings = "\n".join(filter(None, (f"namespaces: {self.isolation.reason}", message.warnings)))
                message = dataclasses.replace(message, warnings=warnings)
            self.ready = message
            LOG.info("runner %d confined: %s", self.pid, message.applied or "no layers")
            for warning in filter(None, message.warnings.splitlines()):
                LOG.warning("runner %d: %s", self.pid, warning)
            return
        if isinstance(message, protocol.Loaded):
            self.shape = message.shape
        elif isinstance(message, protocol.FrameShown) and self.first_frame_seen_at is None:
            self.first_frame_seen_at = time.perf_counter()
        if self.messages.qsize() >= MAX_QUEUED_MESSAGES:
            if isinstance(message, DROPPABLE_WHEN_FLOODED):
                self._dropped_output += 1  # chatter nobody has read yet
            else:
                self.kill("protocol", "the runner flooded the host with messages")
            return
        self.messages.put(message)

    def _on_exit(self) -> None:
        try:
            returncode = self.process.wait(timeout=5)
            self._stderr_thread.join(timeout=1)  # so the crash report quotes its last words
        except subprocess.TimeoutExpired:
            self.kill("hang", "the runner closed its pipe but did not exit")
            return
        with self._lock:
            if self.stopped is not None:
                return
            if returncode == 0:
                self.stopped = RunnerStopped("exited", "the runner exited", 0)
            else:
                if self.isolation.available and returncode > SIGNAL_EXIT_BASE:
                    returncode = SIGNAL_EXIT_BASE - returncode  # as if we had reaped the runner itself
                self.stopped = RunnerStopped("crashed", _describe_exit(returncode, self.stderr_tail()), returncode)
            self.messages.put(self.stopped)

    def _write_commands(self) -> None:
        """Finish writing what the pipe could not take at once (e.g. a large game source)."""
        while self.stopped is None:
            with self._unsent_ready:
                while not self._unsent and self.stopped is None:
                    self._unsent_ready.wait(0.5)
                if self.stopped is not None:
                    return
                head = self._unsent[0]
                written = self._write_some(head)
                if written == len(head):
                    self._unsent.popleft()
                elif written:
                    self._unsent[0] = head[written:]
            if not written:
                select.select([], [self._command_write], [], 0.05)

    def _drain_stderr(self) -> None:
        stream = self.process.stderr
        if stream is None:
            return
        for chunk in iter(lambda: stream.read1(4096), b""):  # type: ignore[attr-defined]
            self._stderr_tail.append(chunk)
        stream.close()


def _describe_exit(returncode: int, stderr_tail: str) -> str:
    if returncode < 0:
        number = -returncode
        try:
            name = signal.Signals(number).name
        except ValueError:
            name = f"signal {number}"
        why = {
            "SIGKILL": "killed (out of memory or a resource limit)",
            "SIGSYS": "stopped by the sandbox for a forbidden system call",
            "SIGSEGV": "crashed (segmentation fault)",
            "SIGXCPU": "stopped for using too much CPU time",
            "SIGXFSZ": "stopped for trying to write a file",
            "SIGABRT": "aborted",
        }.get(name, f"ended by {name}")
        return f"the game process was {why}"
    last_line = stderr_tail.strip().splitlines()[-1:] or [""]
    return f"the runner exited with status {returncode}" + (f": {last_line[0][:300]}" if last_line[0] else "")

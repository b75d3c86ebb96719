"""The runner's end of the pipes: read host commands without blocking, send messages."""

from __future__ import annotations

import os
import select
import time

from sandbox import protocol
from sandbox.protocol import FromRunner, Log, Output, ToRunner

OUTPUT_BYTES_PER_SECOND = 32 * 1024
MAX_OUTPUT_CHUNK = 8 * 1024


class RunnerChannel:
    """Commands in on one fd, messages out on another; the game's prints are rate-limited."""

    def __init__(self, command_fd: int, event_fd: int) -> None:
        os.set_blocking(command_fd, False)
        self._command_fd = command_fd
        self._event_fd = event_fd
        self._reader = protocol.LineReader(protocol.MAX_TO_RUNNER_LINE_BYTES)
        self._output_window_start = time.monotonic()
        self._output_budget = OUTPUT_BYTES_PER_SECOND
        self._output_dropped = 0

    @property
    def host_gone(self) -> bool:
        """The host closed the command pipe: the runner should exit."""
        return self._reader.at_eof

    def wait(self, timeout_s: float) -> None:
        """Block until a command may be readable or `timeout_s` passes."""
        select.select([self._command_fd], [], [], timeout_s)

    def receive(self) -> list[ToRunner]:
        """Every complete command available now; never blocks."""
        commands: list[ToRunner] = []
        while True:
            lines = self._reader.read_from(self._command_fd)
            if not lines:
                return commands
            commands.extend(protocol.decode_to_runner(line) for line in lines)

    def send(self, message: FromRunner) -> None:
        """Write one message; blocks only if the host stops reading."""
        data = protocol.encode(message)
        view = memoryview(data)
        while view:
            try:
                written = os.write(self._event_fd, view)
            except BrokenPipeError:
                os._exit(0)  # the host is gone; nothing left to do
            view = view[written:]

    def output(self, text: str) -> None:
        """Forward the game's printed text, dropping what exceeds the per-second budget."""
        now = time.monotonic()
        if now - self._output_window_start >= 1.0:
            if self._output_dropped:
                self.send(Log("warning", f"the game printed too much: {self._output_dropped} characters dropped"))
            self._output_window_start = now
            self._output_budget = OUTPUT_BYTES_PER_SECOND
            self._output_dropped = 0
        if len(text) > self._output_budget:
            self._output_dropped += len(text) - self._output_budget
            text = text[: self._output_budget]
        if not text:
            return
        self._output_budget -= len(text)
        for start in range(0, len(text), MAX_OUTPUT_CHUNK):
            self.send(Output(text[start : start + MAX_OUTPUT_CHUNK]))

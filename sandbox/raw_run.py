"""The runner's raw-probe mode: run one file as plain, unrestricted Python, after lock-down.

Only `python -m sandbox.raw_probe` starts a runner in this mode. No compile policy, no
facade: the real `os`, `ctypes` and `socket`. What stops the code is the boundary
itself (namespaces, seccomp, Landlock, rlimits), which is what the probe tests.
"""

from __future__ import annotations

import io
import os
import sys
import threading
import traceback

from sandbox.channel import RunnerChannel
from sandbox.protocol import GameError, LoadGame

WAIT_FOR_SOURCE_S = 0.05


class _ChannelText(io.TextIOBase):
    """A stdout that sends what it is given to the host; safe to share between threads."""

    def __init__(self, channel: RunnerChannel, lock: threading.Lock) -> None:
        self._channel = channel
        self._lock = lock

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        with self._lock:
            self._channel.output(str(text))
        return len(text)


def serve_raw(channel: RunnerChannel) -> None:
    """Wait for one LoadGame, run its source as `__main__`, report an exception, then exit."""
    source = filename = None
    while source is None:
        if channel.host_gone:
            os._exit(0)
        for command in channel.receive():
            if isinstance(command, LoadGame):
                source, filename = command.source, command.filename
                break
        else:
            channel.wait(WAIT_FOR_SOURCE_S)
    lock = threading.Lock()
    sys.stdout = sys.stderr = _ChannelText(channel, lock)
    status = 0
    try:
        code = compile(source, filename or "probe.py", "exec")
        exec(code, {"__name__": "__main__", "__file__": filename})  # noqa: S102 - the point of the probe
    except SystemExit as stop:
        status = stop.code if isinstance(stop.code, int) else 0
    except BaseException as error:  # report, whatever it was
        with lock:
            channel.send(GameError(f"{type(error).__name__}: {error}"[:2000], None,
                                   "".join(traceback.format_exception(error))[-8000:], "running", False))
        status = 1
    sys.stdout.flush()
    # Threads the probe left running end with the process.
    os._exit(status)

"""Stand-in for the host: holds a secret in its own environment and starts a runner without it.

Usage: host_stub.py wait|orphan COMMAND...
  wait    run COMMAND and exit with its status
  orphan  start COMMAND, pass on its stdout up to the line saying it is locked down, then exit
          at once, leaving it orphaned
Fds named in STUB_PASS_FDS (comma-separated) are passed on to COMMAND.
"""

from __future__ import annotations

import os
import subprocess
import sys


def main(argv: list[str]) -> int:
    how, command = argv[0], argv[1:]
    runner_env = {key: value for key, value in os.environ.items() if key != "OPENAI_API_KEY"}
    pass_fds = tuple(int(fd) for fd in os.environ.get("STUB_PASS_FDS", "").split(",") if fd)
    if how == "wait":
        return subprocess.run(command, env=runner_env, pass_fds=pass_fds).returncode
    runner = subprocess.Popen(command, env=runner_env, pass_fds=pass_fds, stdout=subprocess.PIPE)
    assert runner.stdout is not None
    for line in runner.stdout:
        sys.stdout.buffer.write(line)
        if b'"fact": "locked"' in line:
            break
    sys.stdout.flush()
    os._exit(0)  # no waiting, no cleanup: the runner must die of its parent-death signal


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

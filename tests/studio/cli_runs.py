"""Running `studio` commands as subprocesses in tests, and reading what they print."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.fake_openai import FakeOpenAI

MODEL = "fake-coder-1"
RUN_TIMEOUT_S = 90  # only turns a hang into a failure


def run_studio(
    command: str, cwd: Path, *args: str, key: str | None = None,
    extra_env: dict[str, str] | None = None, home: Path | None = None,
) -> subprocess.CompletedProcess[str]:
    """Run `studio COMMAND ARGS` in `cwd`; the key, when given, is OPENAI_API_KEY."""
    env = dict(os.environ)
    env.pop("OPENAI_API_KEY", None)
    if home is not None:
        env["MINIGAME_STUDIO_HOME"] = str(home)
    if key is not None:
        env["OPENAI_API_KEY"] = key
    env.update(extra_env or {})
    return subprocess.run(
        [sys.executable, "-m", "studio", command, *args],
        cwd=cwd, env=env, capture_output=True, text=True, timeout=RUN_TIMEOUT_S,
    )


def with_model(server: FakeOpenAI, *args: str) -> tuple[str, ...]:
    """ARGS plus the options that point a command at the fake server."""
    return (*args, "--base-url", server.base_url, "--model", MODEL)


def _refuse_constant(name: str) -> object:
    raise AssertionError(f"{name} is not JSON, yet a --json command printed it")


def one_json_object(stdout: str) -> dict:
    """stdout holds exactly one JSON object (one line of strict JSON: no NaN or Infinity)."""
    lines = stdout.splitlines()
    assert len(lines) == 1, f"expected one line of JSON, got: {stdout!r}"
    report = json.loads(lines[0], parse_constant=_refuse_constant)
    assert isinstance(report, dict)
    return report


def assert_no_traceback(process: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in process.stderr and "Traceback" not in process.stdout, process.stderr

"""Shared test setup: headless Qt and SDL, and checks that nothing leaks."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
# Tests never reach a real model or the user's own keys, settings or library.
for _name in ("OPENAI_API_KEY", "CEREBRAS_API_KEY", "GROQ_API_KEY", "MINIGAME_BASE_URL",
              "MINIGAME_MODEL", "MINIGAME_PROVIDER"):
    os.environ.pop(_name, None)
os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
os.environ["NO_PROXY"] = "127.0.0.1,localhost"  # the fake model server must never go via a proxy
os.environ["MINIGAME_STUDIO_HOME"] = __import__("tempfile").mkdtemp(prefix="minigame-test-home-")

from collections.abc import Iterator  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from sandbox.runner_process import RunnerSettings  # noqa: E402
from tests.sandbox.fixtures.hosting import runner_pids, shm_names  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
GAMES = ROOT / "tests" / "games"
BENCH_GAMES = ROOT.parent / "shared" / "bench_games"


@pytest.fixture
def runner_settings() -> RunnerSettings:
    """Runner settings with the bundled asset pack and a short hang timeout."""
    return RunnerSettings(assets_dir=ROOT / "assets" / "pack", hang_timeout_s=2.0)


@pytest.fixture
def no_leaks() -> Iterator[None]:
    """Fail the test if it leaves a runner process or a shared-memory segment behind."""
    before = shm_names()
    yield
    import time

    deadline = time.monotonic() + 5
    while runner_pids(os.getpid()) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert runner_pids(os.getpid()) == set(), "runner processes left behind"
    assert shm_names() - before == set(), "shared-memory segments left behind"

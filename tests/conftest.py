"""Shared test setup: headless Qt and SDL, and checks that nothing leaks."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

from collections.abc import Iterator  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from sandbox.runner_process import RunnerSettings  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
GAMES = ROOT / "tests" / "games"
BENCH_GAMES = ROOT.parent / "shared" / "bench_games"


def runner_children() -> list[int]:
    """Process ids of live (non-zombie) children of this test process that are runners."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            cmdline = (entry / "cmdline").read_bytes()
        except OSError:
            continue
        fields = stat.rsplit(")", 1)[1].split()
        state, parent = fields[0], int(fields[1])
        if parent == os.getpid() and state != "Z" and b"sandbox.runner" in cmdline:
            found.append(int(entry.name))
    return found


def shm_segments() -> set[str]:
    """Named shared-memory segments (runners must never leave any)."""
    shm = Path("/dev/shm")
    return {p.name for p in shm.iterdir()} if shm.is_dir() else set()


@pytest.fixture
def runner_settings() -> RunnerSettings:
    """Runner settings with the bundled asset pack and a short hang timeout."""
    return RunnerSettings(assets_dir=ROOT / "assets" / "pack", hang_timeout_s=2.0)


@pytest.fixture
def no_leaks() -> Iterator[None]:
    """Fail the test if it leaves a runner process or a shared-memory segment behind."""
    before = shm_segments()
    yield
    import time

    deadline = time.monotonic() + 5
    while runner_children() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert runner_children() == [], "runner processes left behind"
    assert shm_segments() - before == set(), "shared-memory segments left behind"

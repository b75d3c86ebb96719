"""Every benign game runs unchanged; every hostile game is contained (tests/games/)."""

from __future__ import annotations

import dataclasses
import re
import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from sandbox.check import check_source, read_game_file
from sandbox.runner_process import RunnerSettings
from tests.conftest import GAMES

BENIGN = sorted((GAMES / "benign").glob("*.py"))
HOSTILE = sorted((GAMES / "hostile").glob("*.py"))
EXPECT = re.compile(r"^# expect: ([a-z|]+) — (.*)$")
MARKERS = "minigame-pwned-*"


def _expected(path: Path) -> tuple[set[str], str]:
    first_line = path.read_text(encoding="utf-8").splitlines()[0]
    match = EXPECT.match(first_line)
    assert match, f"{path.name}: first line must be '# expect: <statuses> — <attack>'"
    return set(match.group(1).split("|")), match.group(2)


@pytest.fixture
def corpus_settings(runner_settings: RunnerSettings) -> RunnerSettings:
    return dataclasses.replace(runner_settings, hang_timeout_s=1.5)


@pytest.fixture
def pwn_listener(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[bytes]]:
    """A TCP port an attack would report to; whatever arrives is a breach."""
    received: list[bytes] = []
    server = socket.socket()
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        server.bind(("127.0.0.1", 9))  # the attacks' default port (they cannot read PWN_PORT)
    except OSError:
        server.bind(("127.0.0.1", 0))
    server.listen()
    server.settimeout(0.2)
    monkeypatch.setenv("PWN_PORT", str(server.getsockname()[1]))
    monkeypatch.setenv("OPENAI_API_KEY", "sk-canary-should-never-leak")
    stop = threading.Event()

    def accept() -> None:
        while not stop.is_set():
            try:
                connection, _ = server.accept()
            except OSError:
                continue
            received.append(connection.recv(1024) or b"(connected)")
            connection.close()

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield received
    stop.set()
    thread.join()
    server.close()


@pytest.mark.parametrize("game", BENIGN, ids=lambda p: p.stem)
def test_benign_game_runs_unchanged(game: Path, corpus_settings: RunnerSettings, no_leaks: None) -> None:
    result = check_source(read_game_file(game), game.name, frames=90, settings=corpus_settings, timeout_s=20)
    assert result.status == "ok", f"{game.name}: {result.message}"
    assert result.frames > 0 and result.fps > 0


@pytest.mark.parametrize("game", HOSTILE, ids=lambda p: p.stem)
def test_hostile_game_is_contained(
    game: Path, corpus_settings: RunnerSettings, pwn_listener: list[bytes], tmp_path: Path, no_leaks: None
) -> None:
    allowed, attack = _expected(game)
    marker_dir = Path("/tmp")
    for marker in marker_dir.glob(MARKERS):
        marker.unlink()
    result = check_source(read_game_file(game), game.name, frames=60, settings=corpus_settings, timeout_s=8)
    assert result.status in allowed, f"{game.name} ({attack}): {result.status}: {result.message}"
    assert "PWNED" not in result.message, f"{game.name} broke out: {result.message}"
    assert list(marker_dir.glob(MARKERS)) == [], f"{game.name} wrote a marker file"
    assert pwn_listener == [], f"{game.name} reached the network: {pwn_listener}"


def test_the_next_game_runs_after_the_attacks(corpus_settings: RunnerSettings, no_leaks: None) -> None:
    """A hostile run leaves nothing that could disturb the next game."""
    for name in ("loop_in_update.py", "memory_list_bomb.py", "print_flood.py"):
        check_source(read_game_file(GAMES / "hostile" / name), name, frames=30, settings=corpus_settings, timeout_s=8)
    result = check_source(read_game_file(BENIGN[0]), BENIGN[0].name, frames=30, settings=corpus_settings)
    assert result.status == "ok", result.message


def test_policy_and_facade_offer_the_same_modules() -> None:
    from sandbox import policy
    from sandbox.console import Console
    from sandbox.facade.pygame_media import AssetPack
    from sandbox.facade.registry import build_facade

    resolver = build_facade(Console(), AssetPack(None), b"", False, "game.py")
    assert set(resolver.importable()) == set(policy.ALLOWED_MODULES)

"""Fixtures for tests that drive a real GameHost."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from sandbox.host import GameHost
from sandbox.runner_process import RunnerSettings
from tests.sandbox.fixtures.hosting import Watcher


@pytest.fixture
def host(runner_settings: RunnerSettings) -> Iterator[GameHost]:
    with GameHost(runner_settings) as game_host:
        game_host.start()
        yield game_host


@pytest.fixture
def watch(host: GameHost) -> Watcher:
    return Watcher(host)

"""Fixtures shared by the studio tests: a library file of the test's own, and the studio window."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from studio.library.games import GameLibrary
from studio.library.jams import JamStore
from studio.library.store import VersionStore
from studio.qt.main_window import StudioWindow
from studio.qt.session import StudioSession
from studio.settings import ModelChoice


@pytest.fixture
def open_window(qtbot, tmp_path, no_leaks) -> Iterator[Callable[..., StudioWindow]]:  # noqa: ANN001
    """Opens StudioWindows on real sessions; closes them (and their runners) afterwards."""
    opened: list[StudioWindow] = []

    def open_one(choice: ModelChoice) -> StudioWindow:
        session = StudioSession(choice)
        qsettings = QSettings(str(tmp_path / "studio.ini"), QSettings.Format.IniFormat)
        window = StudioWindow(session, qsettings=qsettings)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        opened.append(window)
        return window

    yield open_one
    for window in opened:
        window.close()
        window.session.shutdown()


@pytest.fixture
def store(tmp_path: Path) -> Iterator[VersionStore]:
    """A real SQLite library file in a folder of this test's own (the folder is created)."""
    versions = VersionStore(tmp_path / "library" / "lib.sqlite3")
    yield versions
    versions.close()


@pytest.fixture
def library(store: VersionStore) -> GameLibrary:
    """The games over `store`."""
    return GameLibrary(store)


@pytest.fixture
def jams(store: VersionStore) -> JamStore:
    """The jams over `store`."""
    return JamStore(store)

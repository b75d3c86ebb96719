"""Fixtures for tests that open the studio window."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QSettings

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

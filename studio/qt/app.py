"""Start the studio window: the Qt application, translations, the session, Ctrl+C handling."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

from studio.library.cartridge import CARTRIDGE_SUFFIX
from studio.qt.main_window import StudioWindow
from studio.qt.session import StudioSession
from studio.qt.window_parts import quit_on_signals
from studio.settings import ModelChoice


def run_studio(choice: ModelChoice, prompt: str | None = None) -> int:
    """Open the window (and start making `prompt`, if given); returns the exit status."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Minigame Studio")
    app.setOrganizationName("Minigame Studio")
    install_translator(app)
    session = StudioSession(choice)
    window = StudioWindow(session)
    window.show()
    if prompt and is_cartridge_file(prompt):  # `studio friend.minigame`, e.g. a double-click
        window.open_shared_file(Path(prompt))
    elif prompt:
        window.prompt.setText(prompt)
        window.make_from_prompt()
    keepalive = quit_on_signals(window.close)  # noqa: F841 - must live while Qt runs
    try:
        return app.exec()
    finally:
        session.shutdown()


def is_cartridge_file(argument: str) -> bool:
    """True when `studio ARGUMENT` names a .minigame file rather than describing a game."""
    path = Path(argument)
    return path.suffix.lower() == CARTRIDGE_SUFFIX and path.is_file()


def install_translator(app: QApplication) -> None:
    """Simplified Chinese when the system (or the settings) ask for it; English otherwise."""
    try:
        from studio.qt.translations import install
    except ImportError:
        return
    install(app)

"""Pieces the studio's windows share: toolbar actions with shortcuts, quitting on signals, dropped cartridges."""

from __future__ import annotations

import signal
from collections.abc import Callable, Iterable
from pathlib import Path

from PySide6.QtCore import QMimeData, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QToolBar

from studio.library.cartridge import CARTRIDGE_SUFFIX

ActionSpec = tuple[str, str, Callable[[], object]]  # (text, shortcut, handler)


def add_game_actions(window: QMainWindow, toolbar: QToolBar, specs: Iterable[ActionSpec]) -> list[QAction]:
    """Toolbar actions whose shortcuts work anywhere in the window (Ctrl keys: plain keys
    belong to the game)."""
    actions = []
    for text, shortcut, handler in specs:
        action = QAction(text, window)
        keys = QKeySequence(shortcut)
        action.setShortcut(keys)
        action.setToolTip(f"{text} ({keys.toString(QKeySequence.SequenceFormat.NativeText)})")
        action.triggered.connect(handler)
        toolbar.addAction(action)
        window.addAction(action)
        actions.append(action)
    return actions


def quit_on_signals(close: Callable[[], object]) -> QTimer:
    """Make Ctrl+C and SIGTERM call `close`; keep the returned timer alive while Qt runs.

    Python runs signal handlers only between bytecodes, so the timer gives it a chance
    while Qt's event loop has control.
    """
    for number in (signal.SIGINT, signal.SIGTERM):
        signal.signal(number, lambda *args: close())
    keepalive = QTimer()
    keepalive.timeout.connect(lambda: None)
    keepalive.start(200)
    return keepalive


def dropped_cartridges(mime: QMimeData) -> list[Path]:
    """The local .minigame files among dropped URLs, in the order dropped."""
    return [
        Path(url.toLocalFile()) for url in mime.urls()
        if url.isLocalFile() and url.toLocalFile().lower().endswith(CARTRIDGE_SUFFIX)
    ]

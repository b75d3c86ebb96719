"""The bare play window against a real runner: frames arrive, input reaches the game, errors show."""

from __future__ import annotations

import pytest

from sandbox.host import GameHost
from studio.qt.play_window import PlayWindow

pytest.importorskip("pytestqt")

KEY_COLOUR_GAME = '''
"""Key colour. Any key turns the screen green."""
import pygame
WIDTH, HEIGHT = 160, 120
pressed = False
def on_key_down(key):
    global pressed
    pressed = True
def draw(screen):
    screen.fill((0, 200, 0) if pressed else (200, 0, 0))
'''

BROKEN_GAME = '''
import pygame
def update(dt):
    raise ValueError("boom")
def draw(screen):
    screen.fill((0, 0, 0))
'''


def _centre_bgr(frame) -> tuple[int, int, int]:  # noqa: ANN001
    offset = ((frame.height // 2) * frame.width + frame.width // 2) * 4
    return tuple(frame.pixels[offset : offset + 3])


@pytest.fixture
def window(qtbot, runner_settings, no_leaks):  # noqa: ANN001, ANN201
    host = GameHost(runner_settings)
    host.start()
    created: list[PlayWindow] = []

    def open_window(source: str) -> PlayWindow:
        play = PlayWindow(host, source, "game.py")
        qtbot.addWidget(play)
        play.show()
        created.append(play)
        return play

    yield open_window
    for play in created:
        play.close()
    host.close()


def test_frames_arrive_and_a_key_changes_them(qtbot, window) -> None:  # noqa: ANN001
    from PySide6.QtCore import Qt

    play = window(KEY_COLOUR_GAME)
    qtbot.waitUntil(lambda: play.view.frames_received > 0, timeout=15000)
    frame = play.host.latest_frame()
    assert frame is not None and _centre_bgr(frame) == (0, 0, 200)
    play.view.setFocus()
    qtbot.keyClick(play.view, Qt.Key_Space)

    def turned_green() -> bool:
        latest = play.host.latest_frame()
        return latest is not None and _centre_bgr(latest) == (0, 200, 0)

    qtbot.waitUntil(turned_green, timeout=10000)


def test_a_game_error_is_shown_in_the_window(qtbot, window) -> None:  # noqa: ANN001
    play = window(BROKEN_GAME)
    qtbot.waitUntil(lambda: play.last_error is not None, timeout=15000)
    assert "boom" in play.last_error
    assert "line 4" in play.last_error
    assert play.view.message == play.last_error


def test_a_refusal_and_a_hang_are_reported_and_the_window_stays(qtbot, window) -> None:  # noqa: ANN001
    play = window("import socket\n")
    qtbot.waitUntil(lambda: play.last_error is not None, timeout=15000)
    assert "Refused" in play.last_error and "socket" in play.last_error

    play.last_error = None
    play.host.load_new("def update(dt):\n    while True:\n        pass\ndef draw(screen):\n    pass\n")
    qtbot.waitUntil(lambda: play.last_error is not None, timeout=20000)
    assert "stopped responding" in play.last_error
    assert play.isVisible()
    qtbot.waitUntil(lambda: play.sandbox_label.text() != "", timeout=5000)

"""The studio window's F9 GIF capture (kept with the game in the library) and its Ctrl+J jam screen.

Real window, real sandboxed runner, offline starter kit, a fresh data folder per test.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pytest

pytest.importorskip("pytestqt")

from PIL import Image  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402

from studio.qt.main_window import StudioWindow  # noqa: E402
from studio.settings import ModelChoice  # noqa: E402

WAIT_MS = 20_000  # a deadline, not a speed requirement
OFFLINE = ModelChoice(True, "offline")


@pytest.fixture(autouse=True)
def fresh_data_folder(tmp_path, monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.setenv("MINIGAME_STUDIO_HOME", str(tmp_path / "home"))


def _make(qtbot, window: StudioWindow, prompt: str) -> None:  # noqa: ANN001
    window.prompt.setFocus()
    qtbot.keyClicks(window.prompt, prompt)
    qtbot.keyClick(window.prompt, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.session.current_game_id is not None, timeout=WAIT_MS)


def test_f9_while_playing_saves_a_gif_that_the_gallery_shows(
    qtbot, open_window: Callable[[ModelChoice], StudioWindow]  # noqa: ANN001
) -> None:
    window = open_window(OFFLINE)
    _make(qtbot, window, "a snake game")
    qtbot.waitUntil(lambda: window.capture.recorder.frame_count >= 5, timeout=WAIT_MS)
    window.game_view.setFocus()
    with qtbot.waitSignal(window.capture.saved, timeout=WAIT_MS) as saved:
        qtbot.keyClick(window.game_view, Qt.Key.Key_F9)
    info = saved.args[0]
    game = window.session.current_game
    assert game is not None and game.has_gif
    gif = window.session.library.gif(game.id)
    assert gif == info.path.read_bytes()
    with Image.open(io.BytesIO(gif)) as image:
        assert image.n_frames == info.frames >= 1
        assert image.size == (info.width, info.height) and info.width <= 320
    assert info.path.parent == window.session.paths.data_dir() / "captures"
    assert "Saved the last" in window.statusBar().currentMessage()


def test_f9_before_any_game_says_what_to_do_and_saves_nothing(
    qtbot, open_window: Callable[[ModelChoice], StudioWindow]  # noqa: ANN001
) -> None:
    window = open_window(OFFLINE)
    with qtbot.waitSignal(window.capture.failed, timeout=WAIT_MS):
        window.capture.action.trigger()
    assert "Nothing to capture yet" in window.statusBar().currentMessage()
    assert not (window.session.paths.data_dir() / "captures").exists() or not any(
        (window.session.paths.data_dir() / "captures").iterdir()
    )


def test_a_new_game_starts_a_new_recording(
    qtbot, open_window: Callable[[ModelChoice], StudioWindow]  # noqa: ANN001
) -> None:
    window = open_window(OFFLINE)
    _make(qtbot, window, "a snake game")
    first = window.session.current_game_id
    qtbot.waitUntil(lambda: window.capture.recorder.frame_count >= 5, timeout=WAIT_MS)
    counts_when_the_game_changed: list[int] = []
    # Connected after the window's own slot, so this runs right after it.
    window.session.game_changed.connect(lambda _id: counts_when_the_game_changed.append(window.capture.recorder.frame_count))
    window.new_game_action.setChecked(True)
    window.prompt.clear()
    _make(qtbot, window, "breakout with bricks")
    qtbot.waitUntil(lambda: window.session.current_game_id != first, timeout=WAIT_MS)
    assert counts_when_the_game_changed and counts_when_the_game_changed[0] == 0


def test_ctrl_j_opens_the_jam_screen_and_submits_the_game_in_the_studio(
    qtbot, open_window: Callable[[ModelChoice], StudioWindow]  # noqa: ANN001
) -> None:
    window = open_window(OFFLINE)
    _make(qtbot, window, "a snake game")
    window.activateWindow()
    window.prompt.setFocus()
    qtbot.keyClick(window.prompt, Qt.Key.Key_J, Qt.KeyboardModifier.ControlModifier)
    jam = window.jam
    assert jam is not None
    qtbot.waitUntil(jam.isVisible, timeout=WAIT_MS)
    title, code = window._current_title_and_code() or ("", "")
    assert code == window.session.last_code and title == window.session.current_game.title
    window.close()
    assert not jam.isVisible()  # the jam screen goes with the studio window


def test_a_running_jam_counts_down_in_the_status_bar(
    qtbot, open_window: Callable[[ModelChoice], StudioWindow]  # noqa: ANN001
) -> None:
    import time

    from studio.library.jams import JamStore

    window = open_window(OFFLINE)
    assert not window.jam_countdown.isVisibleTo(window)  # no jam: nothing shown
    jams = JamStore(window.session.store)
    over = jams.create_jam("Last Week", "Growing", 3600, now=time.time() - 7200)
    jams.start(over.id, now=time.time() - 7200)
    jam = jams.create_jam("Friday Jam", "Under pressure", 2 * 3600)
    jams.start(jam.id)
    window.show_jam_countdown()
    assert window.jam_countdown.isVisibleTo(window)
    text = window.jam_countdown.text()
    assert text.startswith("⏱ Friday Jam: 1:59:") or text == "⏱ Friday Jam: 2:00:00"
    with qtbot.waitSignal(window.jam_countdown.clicked, timeout=WAIT_MS):
        window.jam_countdown.click()
    assert window.jam is not None and window.jam.isVisible()
    jams.delete_jam(jam.id)  # only the finished jam is left: the countdown goes away
    window.show_jam_countdown()
    assert not window.jam_countdown.isVisibleTo(window)


def test_a_cartridge_dropped_on_the_window_is_imported_untrusted_and_played(
    qtbot, open_window: Callable[[ModelChoice], StudioWindow], tmp_path  # noqa: ANN001
) -> None:
    from PySide6.QtCore import QMimeData, QPointF, QUrl
    from PySide6.QtGui import QDropEvent

    from studio.library.cartridge import Cartridge, write_cartridge

    code = (Path(__file__).resolve().parents[2] / "assets" / "examples" / "snake.py").read_text()
    path = tmp_path / "friend.minigame"
    write_cartridge(path, Cartridge("Snake", code, author="Ann"))
    window = open_window(OFFLINE)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(tmp_path / "notes.txt")), QUrl.fromLocalFile(str(path))])
    drop = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton,
                      Qt.KeyboardModifier.NoModifier)
    window.dropEvent(drop)
    qtbot.waitUntil(lambda: window.session.current_game is not None, timeout=WAIT_MS)
    game = window.session.current_game
    assert (game.title, game.author, game.trusted, game.origin) == ("Snake", "Ann", False, "imported")
    qtbot.waitUntil(lambda: window.game_view.frames_received > 0, timeout=WAIT_MS)
    assert window.untrusted_banner.isVisibleTo(window)
    window.dropEvent(drop)  # the same file again: opened, not added twice
    assert len(window.session.library.games()) == 1


def test_a_broken_cartridge_dropped_on_the_window_says_why_and_adds_nothing(
    qtbot, open_window: Callable[[ModelChoice], StudioWindow], tmp_path  # noqa: ANN001
) -> None:
    path = tmp_path / "broken.minigame"
    path.write_bytes(b"PK\x03\x04" + bytes(50))
    window = open_window(OFFLINE)
    window.open_shared_file(path)
    assert window.errors.count() == 1 and "truncated or damaged" in window.errors.item(0).text()
    assert window.session.library.games() == []


def test_studio_given_a_cartridge_file_opens_it_instead_of_making_a_game_of_its_name(tmp_path) -> None:  # noqa: ANN001
    from studio.qt.app import is_cartridge_file

    path = tmp_path / "friend.minigame"
    path.write_bytes(b"PK")
    assert is_cartridge_file(str(path))
    assert not is_cartridge_file(str(tmp_path / "missing.minigame"))  # then it is a prompt
    assert not is_cartridge_file("a snake game")

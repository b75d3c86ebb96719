"""The studio window driven like a user drives it: real StudioSession, real runners, real
openai client against the fake model server (tests/fake_openai), offscreen Qt.

Every wait has a generous deadline that only turns a hang into a failure; no test asserts
on how long anything took, except a loose bound on closing the window (< 5 s, the issue
asks for one second: the measured time is printed).
"""

from __future__ import annotations

import textwrap
import time
from collections.abc import Callable, Iterator

import pytest

pytest.importorskip("pytestqt")

from PySide6.QtCore import QSettings, Qt, QTimer  # noqa: E402
from PySide6.QtGui import QAction, QColor, QTextCursor  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from sandbox.frames import Frame  # noqa: E402
from studio.qt.main_window import StudioWindow  # noqa: E402
from studio.settings import ModelChoice  # noqa: E402
from tests.fake_openai import DEFAULT_GAME_CODE, FakeOpenAI, Reply  # noqa: E402

WAIT_MS = 20_000  # a deadline, not a speed requirement
MODEL = "fake-coder-1"


def _game(text: str) -> str:
    return textwrap.dedent(text).lstrip()


def _reply(code: str, **pacing: float) -> Reply:
    return Reply(text=f"Here is your game.\n\n```python\n{code}```\n", **pacing)


KEY_GAME = _game('''
    """Key Colour. Any key turns the screen green."""
    import pygame
    WIDTH, HEIGHT = 160, 120
    pressed = False
    def on_key_down(key):
        global pressed
        pressed = True
    def draw(screen):
        screen.fill((0, 200, 0) if pressed else (200, 0, 0))
''')

COUNTER_GAME = _game('''
    """Counter. A counter that keeps counting."""
    import pygame
    WIDTH, HEIGHT = 160, 120
    COLOUR = (200, 0, 0)
    count = 0
    def update(dt):
        global count
        count += 1
    def draw(screen):
        screen.fill(COLOUR)
        pygame.draw.rect(screen, (0, count // 256 % 256, count % 256), (0, 0, 8, 8))
''')

BROKEN_GAME = _game('''
    """Broken. Asks for a socket."""
    import pygame
    import socket
    def draw(screen):
        screen.fill((0, 0, 0))
''')
BROKEN_LINE = 3

HANGING_GAME = _game('''
    """Hang. Stops answering after a few frames."""
    import pygame
    frames = 0
    def update(dt):
        global frames
        frames += 1
        if frames > 20:
            while True:
                pass
    def draw(screen):
        screen.fill((30, 60, 90))
''')


# -- helpers ------------------------------------------------------------------------------


def _rgb(frame: Frame, x: int, y: int) -> tuple[int, int, int]:
    """(R, G, B) of a frame pixel; frames hold B,G,R,X bytes."""
    offset = (y * frame.width + x) * 4
    b, g, r = frame.pixels[offset : offset + 3]
    return (r, g, b)


def _latest(window: StudioWindow) -> Frame | None:
    """The playing game's newest frame; None only if there is none for a while (a read
    racing the runner's write can come back empty, so it is tried again)."""
    deadline = time.monotonic() + 2.0
    while True:
        frame = window.session.host.latest_frame()
        if frame is not None or time.monotonic() > deadline:
            return frame
        time.sleep(0.005)


def _centre(window: StudioWindow) -> tuple[int, int, int] | None:
    frame = _latest(window)
    return None if frame is None else _rgb(frame, frame.width // 2, frame.height // 2)


def _count(window: StudioWindow) -> int | None:
    """COUNTER_GAME's counter, read from its corner patch."""
    frame = _latest(window)
    if frame is None:
        return None
    _, g, b = _rgb(frame, 2, 2)
    return g * 256 + b


def _painted_centre(window: StudioWindow) -> QColor:
    """The colour the game view really painted in its middle."""
    view = window.game_view
    return view.grab().toImage().pixelColor(view.width() // 2, view.height() // 2)


def _action(window: StudioWindow, shortcut: str) -> QAction:
    for action in window.actions():
        if action.shortcut().toString() == shortcut:
            return action
    raise AssertionError(f"no action with shortcut {shortcut}")


def _type_and_enter(qtbot, window: StudioWindow, text: str, new_game: bool = True) -> None:  # noqa: ANN001
    """Type a prompt and press Enter; by default as a new game (Ctrl+N), not a tweak."""
    window.prompt.setFocus()
    window.prompt.selectAll()
    qtbot.keyClicks(window.prompt, text)
    if new_game and (window.session.last_code is not None or window.session.making):
        qtbot.keyClick(window.prompt, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
        assert window.new_game_action.isChecked()
    qtbot.keyClick(window.prompt, Qt.Key.Key_Return)


def _wait_for_game(qtbot, window: StudioWindow) -> None:  # noqa: ANN001
    qtbot.waitUntil(lambda: window.game_view.frames_received > 0, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: window.game_view.message is None, timeout=WAIT_MS)


def _run_in_code_view(qtbot, window: StudioWindow, code: str) -> None:  # noqa: ANN001
    """Put `code` in the code view as the user's text and press Ctrl+Enter there."""
    view = window.code_view
    view.setFocus()
    view.selectAll()
    view.insertPlainText(code)  # an edit, as typing or pasting is
    qtbot.keyClick(view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)


# -- fixtures -----------------------------------------------------------------------------


@pytest.fixture
def server() -> Iterator[FakeOpenAI]:
    with FakeOpenAI(tokens_per_s=3000) as fake:
        yield fake




def online(server: FakeOpenAI) -> ModelChoice:
    return ModelChoice(False, "test", "custom", server.base_url, MODEL, server.api_key)


OFFLINE = ModelChoice(True, "offline")


# -- making a game from the prompt --------------------------------------------------------


def test_enter_makes_a_game_code_streams_frames_arrive_figures_show(qtbot, open_window, server) -> None:  # noqa: ANN001
    server.script(_reply(KEY_GAME))
    window = open_window(online(server))
    assert window.focusWidget() is window.prompt  # the prompt has focus at start

    _type_and_enter(qtbot, window, "a screen that turns green")

    _wait_for_game(qtbot, window)
    qtbot.waitUntil(lambda: window.code_view.code() == KEY_GAME, timeout=WAIT_MS)
    assert _centre(window) == (200, 0, 0)
    qtbot.waitUntil(lambda: _painted_centre(window) == QColor(200, 0, 0), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: "ready" in window.figures.text(), timeout=WAIT_MS)
    figures = window.figures.text()
    assert "first token" in figures and "tokens/s" in figures and "ready" in figures
    assert "Key Colour" in window.windowTitle()
    assert window.model_label.text() == f"Model: {MODEL}"
    [request] = server.chat_requests
    assert "turns green" in str(request.body["messages"])
    assert window.errors.count() == 0


def test_keys_on_the_focused_game_view_reach_the_game_and_esc_returns_to_the_prompt(
    qtbot, open_window, server  # noqa: ANN001
) -> None:
    server.script(_reply(KEY_GAME))
    window = open_window(online(server))
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=WAIT_MS)
    _type_and_enter(qtbot, window, "key colour")
    _wait_for_game(qtbot, window)
    assert _centre(window) == (200, 0, 0)

    # A click gives the game view focus; keys then go where the focus is.
    qtbot.mouseClick(window.game_view, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(window.game_view.hasFocus, timeout=WAIT_MS)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: _centre(window) == (0, 200, 0), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: _painted_centre(window) == QColor(0, 200, 0), timeout=WAIT_MS)
    assert window.prompt.text() == "key colour"  # the key did not land in the prompt

    qtbot.keyClick(window.game_view, Qt.Key.Key_Escape)
    qtbot.waitUntil(window.prompt.hasFocus, timeout=WAIT_MS)


def test_the_first_keystroke_warms_the_connection_so_enter_pays_no_handshake(
    qtbot, open_window, server  # noqa: ANN001
) -> None:
    window = open_window(online(server))
    # The session already warms the connection when it is built (reply_source_for);
    # let that finish, so what follows is what the user's keystrokes and Enter do.
    assert window.session.source.client.wait_until_warm(10)
    qtbot.waitUntil(lambda: server.connections_opened == 1, timeout=WAIT_MS)

    window.prompt.setFocus()
    qtbot.keyClick(window.prompt, Qt.Key.Key_B)  # the first keystroke: warm_up() again, a no-op
    qtbot.keyClicks(window.prompt, "ouncing ball")
    assert server.connections_opened == 1  # before Enter
    qtbot.keyClick(window.prompt, Qt.Key.Key_Return)
    _wait_for_game(qtbot, window)
    [request] = server.chat_requests
    assert server.connections_opened == 1
    assert request.connection_id == 1  # the chat request went on the warmed connection


def test_the_first_keystroke_warms_a_cold_client(qtbot, open_window, server) -> None:  # noqa: ANN001
    """What the keystroke itself does: a source whose client never connected gets warm."""
    from studio.llm.client import ModelClient
    from studio.llm.endpoint import Endpoint
    from studio.pipeline.sources import ModelSource

    window = open_window(OFFLINE)
    client = ModelClient(Endpoint(server.base_url, MODEL, server.api_key, "custom"))
    window.session.source = ModelSource(client, MODEL)  # cold: not warmed, as set_model_choice would
    try:
        assert server.connections_opened == 0
        window.prompt.setFocus()
        qtbot.keyClick(window.prompt, Qt.Key.Key_S)
        qtbot.waitUntil(lambda: [r.path for r in server.requests] == ["/v1/models"], timeout=WAIT_MS)
        assert server.connections_opened == 1
        qtbot.keyClicks(window.prompt, "nake")
        qtbot.keyClick(window.prompt, Qt.Key.Key_Return)
        _wait_for_game(qtbot, window)
        [request] = server.chat_requests
        assert request.connection_id == 1 and server.connections_opened == 1
    finally:
        window.session.cancel_make()


# -- editing the code ----------------------------------------------------------------------


def test_ctrl_enter_hot_swaps_the_edit_and_keeps_the_state(qtbot, open_window, server) -> None:  # noqa: ANN001
    server.script(_reply(COUNTER_GAME))
    window = open_window(online(server))
    _type_and_enter(qtbot, window, "a counter")
    _wait_for_game(qtbot, window)
    qtbot.waitUntil(lambda: window.code_view.code() == COUNTER_GAME, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: (_count(window) or 0) >= 30, timeout=WAIT_MS)
    runner = window.session.host.runner_pid
    assert _centre(window) == (200, 0, 0)

    # Edit the constant in the code view like a user: select it, type over it.
    view = window.code_view
    view.setFocus()
    start = view.code().index("(200, 0, 0)")
    cursor = view.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(start + len("(200, 0, 0)"), QTextCursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)
    qtbot.keyClicks(view, "(0, 0, 200)")
    assert view.edited
    counted_before_swap = _count(window)
    assert counted_before_swap is not None
    qtbot.keyClick(view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    qtbot.waitUntil(lambda: _centre(window) == (0, 0, 200), timeout=WAIT_MS)
    # Same runner, and the counter went on from where it was instead of starting over.
    assert window.session.host.runner_pid == runner
    assert (_count(window) or 0) >= counted_before_swap
    later = _count(window) or 0
    qtbot.waitUntil(lambda: (_count(window) or 0) > later, timeout=WAIT_MS)
    assert window.session.last_code is not None and "(0, 0, 200)" in window.session.last_code
    assert window.errors.count() == 0


def test_a_broken_reply_and_its_broken_repair_show_errors_while_the_old_game_runs(
    qtbot, open_window, server  # noqa: ANN001
) -> None:
    window = open_window(online(server))
    _type_and_enter(qtbot, window, "a bouncing ball")  # the server's default game
    _wait_for_game(qtbot, window)
    qtbot.waitUntil(lambda: not window.session.making, timeout=WAIT_MS)
    playing = window.session.host.runner_pid

    server.script(_reply(BROKEN_GAME), _reply(BROKEN_GAME))
    _type_and_enter(qtbot, window, "a game that needs the network")
    qtbot.waitUntil(lambda: len(server.chat_requests) == 3, timeout=WAIT_MS)  # make, then one repair
    qtbot.waitUntil(lambda: not window.session.making, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: window.errors.count() >= 3, timeout=WAIT_MS)  # two refusals, the outcome
    texts = [window.errors.item(i).text() for i in range(window.errors.count())]
    refusals = [t for t in texts if "Refused" in t]
    assert len(refusals) == 2, texts
    assert all(f"line {BROKEN_LINE}" in t and "socket" in t for t in refusals), texts
    repair = server.chat_requests[2].body["messages"]
    assert "socket" in str(repair)  # the repair request carried the problem

    # The previous game is still the one playing, and it keeps making new frames.
    assert window.session.host.runner_pid == playing
    received = window.game_view.frames_received
    frame = _latest(window)
    assert frame is not None
    qtbot.waitUntil(lambda: window.game_view.frames_received > received + 10, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: (_latest(window) or frame).number > frame.number, timeout=WAIT_MS)
    assert window.game_view.message is None

    # Clicking an error highlights its line in the code view (which shows the broken code).
    assert window.code_view.code() == BROKEN_GAME
    assert window.code_view.highlighted_line is None
    item = next(window.errors.item(i) for i in range(window.errors.count()) if "Refused" in window.errors.item(i).text())
    rect = window.errors.visualItemRect(item)
    qtbot.mouseClick(window.errors.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.code_view.highlighted_line == BROKEN_LINE
    assert window.code_view.textCursor().blockNumber() + 1 == BROKEN_LINE


def test_an_edit_that_fails_is_reported_and_the_game_keeps_running(qtbot, open_window) -> None:  # noqa: ANN001
    window = open_window(OFFLINE)
    _run_in_code_view(qtbot, window, COUNTER_GAME)
    _wait_for_game(qtbot, window)
    playing = window.session.host.runner_pid

    _run_in_code_view(qtbot, window, BROKEN_GAME)
    qtbot.waitUntil(lambda: window.errors.count() >= 1, timeout=WAIT_MS)
    assert f"line {BROKEN_LINE}" in window.errors.item(0).text()
    assert window.session.host.runner_pid == playing
    before = _count(window) or 0
    qtbot.waitUntil(lambda: (_count(window) or 0) > before, timeout=WAIT_MS)
    assert _centre(window) == (200, 0, 0)


# -- a new prompt while streaming ---------------------------------------------------------


def test_a_new_prompt_while_streaming_cancels_the_stream_and_the_new_game_arrives(
    qtbot, open_window, server  # noqa: ANN001
) -> None:
    server.script(_reply(KEY_GAME, tokens_per_s=20))  # about 6 s of streaming
    window = open_window(online(server))
    _type_and_enter(qtbot, window, "a slow game")
    qtbot.waitUntil(lambda: len(window.code_view.code()) > 10, timeout=WAIT_MS)
    assert window.code_view.streaming and window.session.making

    _type_and_enter(qtbot, window, "a bouncing ball")  # the default game, at full speed
    _wait_for_game(qtbot, window)
    qtbot.waitUntil(lambda: window.code_view.code() == DEFAULT_GAME_CODE, timeout=WAIT_MS)
    server.wait_until_idle()
    first, second = server.chat_requests
    assert first.disconnected_early and first.chunks_sent < len(KEY_GAME) // 4
    assert not second.disconnected_early
    assert "Bounce" in window.windowTitle()
    assert window.errors.count() == 0
    qtbot.wait(300)  # a late piece of the cancelled stream must not land in the view
    assert window.code_view.code() == DEFAULT_GAME_CODE


# -- game controls --------------------------------------------------------------------------


def test_pause_step_resume_and_restart(qtbot, open_window) -> None:  # noqa: ANN001
    window = open_window(OFFLINE)
    _run_in_code_view(qtbot, window, COUNTER_GAME)
    _wait_for_game(qtbot, window)
    qtbot.waitUntil(lambda: (_count(window) or 0) > 5, timeout=WAIT_MS)

    _action(window, "Ctrl+P").trigger()
    assert window.paused

    def settled() -> bool:  # the counter stops once the pause has reached the runner
        before = _count(window)
        qtbot.wait(150)
        return _count(window) == before

    qtbot.waitUntil(settled, timeout=WAIT_MS)
    paused_at = _count(window)
    assert paused_at is not None
    qtbot.wait(200)
    assert _count(window) == paused_at

    _action(window, "Ctrl+.").trigger()
    qtbot.waitUntil(lambda: _count(window) == paused_at + 1, timeout=WAIT_MS)
    _action(window, "Ctrl+.").trigger()
    qtbot.waitUntil(lambda: _count(window) == paused_at + 2, timeout=WAIT_MS)
    qtbot.wait(200)
    assert _count(window) == paused_at + 2  # a step is one frame, then paused again

    _action(window, "Ctrl+P").trigger()
    assert not window.paused
    qtbot.waitUntil(lambda: (_count(window) or 0) > paused_at + 30, timeout=WAIT_MS)

    before_restart = _count(window) or 0
    _action(window, "Ctrl+R").trigger()
    qtbot.waitUntil(lambda: (_count(window) or before_restart) < before_restart, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: (_count(window) or 0) > 3, timeout=WAIT_MS)  # and it runs again
    assert _centre(window) == (200, 0, 0)


def test_the_control_shortcuts_work_from_the_game_view(qtbot, open_window) -> None:  # noqa: ANN001
    window = open_window(OFFLINE)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=WAIT_MS)
    _run_in_code_view(qtbot, window, COUNTER_GAME)
    _wait_for_game(qtbot, window)
    window.game_view.setFocus()
    qtbot.waitUntil(window.game_view.hasFocus, timeout=WAIT_MS)
    qtbot.keyClick(window.game_view, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert window.paused
    qtbot.keyClick(window.game_view, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert not window.paused
    qtbot.keyClick(window.game_view, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(window.prompt.hasFocus, timeout=WAIT_MS)


# -- settings -------------------------------------------------------------------------------


def _run_settings_dialog(qtbot, window: StudioWindow, fill: Callable[[object], None]) -> dict:  # noqa: ANN001
    """Open Settings… from the toolbar action, let `fill` edit it, press OK."""
    from studio.qt.settings_dialog import SettingsDialog

    seen: dict = {}

    def drive() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, SettingsDialog):
            QTimer.singleShot(20, drive)
            return
        seen["before"] = dialog.settings()
        fill(dialog)
        qtbot.mouseClick(
            dialog.buttons.button(dialog.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton
        )

    QTimer.singleShot(0, drive)
    _action(window, "Ctrl+,").trigger()  # exec(): returns when the dialog closes
    return seen


def test_settings_round_trip_through_the_dialog(qtbot, open_window, server, monkeypatch, tmp_path) -> None:  # noqa: ANN001
    from studio.qt.studio_settings import load_settings

    monkeypatch.setenv("OPENAI_API_KEY", server.api_key)  # the custom preset's key variable
    window = open_window(OFFLINE)
    assert window.model_label.text() == "Offline — built-in starter kit"

    def choose_fake_server(dialog) -> None:  # noqa: ANN001
        dialog.preset_combo.setCurrentIndex(dialog.preset_combo.findData("custom"))
        dialog.base_url_edit.clear()
        qtbot.keyClicks(dialog.base_url_edit, server.base_url)
        dialog.model_combo.setEditText(MODEL)
        dialog.offline_check.setChecked(False)

    _run_settings_dialog(qtbot, window, choose_fake_server)
    stored = load_settings(QSettings(str(tmp_path / "studio.ini"), QSettings.Format.IniFormat))
    assert (stored.preset, stored.base_url, stored.model, stored.offline) == ("custom", server.base_url, MODEL, False)
    assert server.api_key not in (tmp_path / "studio.ini").read_text()  # keys never go to the file
    assert not window.session.choice.offline
    assert window.session.choice.base_url == server.base_url
    assert window.model_label.text() == f"Model: {MODEL}"

    # The chosen endpoint makes the next game.
    server.script(_reply(KEY_GAME))
    _type_and_enter(qtbot, window, "green on a key")
    _wait_for_game(qtbot, window)
    assert len(server.chat_requests) == 1 and window.code_view.code() == KEY_GAME

    # The dialog opens on what was saved; ticking offline goes back to the starter kit.
    def go_offline(dialog) -> None:  # noqa: ANN001
        dialog.offline_check.setChecked(True)

    seen = _run_settings_dialog(qtbot, window, go_offline)
    assert (seen["before"].preset, seen["before"].base_url, seen["before"].model) == ("custom", server.base_url, MODEL)
    assert window.session.choice.offline
    assert window.model_label.text() == "Offline — built-in starter kit"
    assert load_settings(QSettings(str(tmp_path / "studio.ini"), QSettings.Format.IniFormat)).offline


def test_an_offline_prompt_makes_a_starter_game(qtbot, open_window) -> None:  # noqa: ANN001
    window = open_window(OFFLINE)
    assert window.model_label.text() == "Offline — built-in starter kit"
    _type_and_enter(qtbot, window, "snake")
    _wait_for_game(qtbot, window)
    qtbot.waitUntil(lambda: not window.code_view.streaming and "pygame" in window.code_view.code(), timeout=WAIT_MS)
    assert window.errors.count() == 0


# -- closing ----------------------------------------------------------------------------------


def _close_and_time(window: StudioWindow) -> float:
    started = time.monotonic()
    window.close()
    return time.monotonic() - started


def test_closing_while_streaming_returns_at_once_and_leaves_no_runner(qtbot, open_window) -> None:  # noqa: ANN001
    with FakeOpenAI(tokens_per_s=200) as slow:
        window = open_window(online(slow))
        _type_and_enter(qtbot, window, "a slow stream")
        qtbot.waitUntil(lambda: len(window.code_view.code()) > 10, timeout=WAIT_MS)
        assert window.session.making

        elapsed = _close_and_time(window)
        print(f"\nclose while streaming: {elapsed * 1000:.0f} ms")
        assert elapsed < 5.0  # the issue asks for one second; this only catches a hang
        assert window.session.host.runner_pid is None
        [request] = slow.wait_until_idle()[-1:]
        assert request.disconnected_early
    # no_leaks (through open_window) checks that no runner process is left.


def test_closing_while_a_game_hangs_returns_at_once_and_leaves_no_runner(qtbot, open_window) -> None:  # noqa: ANN001
    window = open_window(OFFLINE)
    _run_in_code_view(qtbot, window, HANGING_GAME)
    _wait_for_game(qtbot, window)
    runner = window.session.host.runner_pid
    frame = _latest(window)
    assert runner is not None and frame is not None

    def hung() -> bool:  # no new frame for a while: the game is stuck in its loop
        before = _latest(window)
        qtbot.wait(200)
        after = _latest(window)
        return before is not None and after is not None and after.number == before.number

    qtbot.waitUntil(hung, timeout=WAIT_MS)
    elapsed = _close_and_time(window)
    print(f"\nclose while a game hangs: {elapsed * 1000:.0f} ms")
    assert elapsed < 5.0
    assert window.session.host.runner_pid is None


def test_every_new_prompt_cancels_the_stream_before_it(qtbot, open_window) -> None:  # noqa: ANN001
    """Prompt after prompt while streaming: each stream but the last must be cut off.

    The race this catches happened in about half of the prompt pairs here, so 12 rounds
    make a miss very unlikely.
    """
    with FakeOpenAI(tokens_per_s=100) as slow:  # the default game: about 5 s of streaming
        window = open_window(online(slow))
        for round_number in range(12):
            _type_and_enter(qtbot, window, f"game number {round_number}")
            qtbot.waitUntil(lambda n=round_number: len(slow.chat_requests) == n + 1, timeout=WAIT_MS)
            qtbot.waitUntil(lambda: len(window.code_view.code()) > 10, timeout=WAIT_MS)
        window.session.cancel_make()
        requests = slow.wait_until_idle(30)
        chats = [r for r in requests if r.path.endswith("/chat/completions")]
        assert len(chats) == 12
        finished = [i for i, r in enumerate(chats[:-1]) if not r.disconnected_early]
        assert finished == [], f"streams not cancelled by the next prompt: {finished}"

"""Push-to-talk in the real window: spoken words become a tweak request, Esc cancels one."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("pytestqt")

from PySide6.QtCore import Qt  # noqa: E402

from studio.qt.voice_control import FileAudioSource  # noqa: E402
from studio.settings import ModelChoice  # noqa: E402
from tests.fake_openai import FakeOpenAI, Reply  # noqa: E402
from tests.studio.spoken import BLOB_GAME, ESPEAK, NO_ESPEAK, speak  # noqa: E402

MODEL = "fake-coder-1"
WAIT_MS = 20000


def speech(folder: Path, words: str) -> Path:
    """A WAV of `words` (what the microphone would have heard)."""
    if ESPEAK is None:
        pytest.skip(NO_ESPEAK)
    return speak(words, folder / "speech.wav")


@pytest.fixture
def server() -> Iterator[FakeOpenAI]:
    with FakeOpenAI(tokens_per_s=5000) as fake:
        yield fake


def _window_with_a_game(qtbot, open_window, server: FakeOpenAI):  # noqa: ANN001, ANN202
    server.script(Reply(text=f"```python\n{BLOB_GAME}```\n"))
    window = open_window(ModelChoice(False, "test", "custom", server.base_url, MODEL, server.api_key))
    window.prompt.setText("a green blob")
    window.make_from_prompt()
    qtbot.waitUntil(lambda: window.session.last_code is not None, timeout=WAIT_MS)
    return window


def test_holding_f1_turns_speech_into_a_tweak_request(qtbot, open_window, server, tmp_path) -> None:  # noqa: ANN001
    window = _window_with_a_game(qtbot, open_window, server)
    window.voice.source = FileAudioSource(speech(tmp_path, "make the snake blue"))
    server.script(Reply(text="<<<<<<< SEARCH\nBLOB_COLOR = (60, 200, 60)\n=======\nBLOB_COLOR = (60, 60, 230)\n>>>>>>> REPLACE\n"))
    requests_before = len(server.chat_requests)
    window.game_view.setFocus()
    qtbot.keyPress(window.game_view, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: window.voice.listening, timeout=WAIT_MS)
    qtbot.keyRelease(window.game_view, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: len(server.chat_requests) > requests_before, timeout=WAIT_MS)
    sent = server.chat_requests[-1].body["messages"][-1]["content"].lower()
    assert "blue" in sent  # the spoken key word reached the tweak request
    assert "blue" in window.prompt.text().lower()


def test_esc_cancels_a_heard_command_before_it_is_sent(qtbot, open_window, server, tmp_path) -> None:  # noqa: ANN001
    window = _window_with_a_game(qtbot, open_window, server)
    window.voice.source = FileAudioSource(speech(tmp_path, "make the ball faster"))
    requests_before = len(server.chat_requests)
    window.voice.press()
    window.voice.release()
    qtbot.waitUntil(lambda: window.voice.pending_text is not None, timeout=WAIT_MS)
    qtbot.keyClick(window.game_view, Qt.Key.Key_Escape)
    assert window.voice.pending_text is None
    qtbot.wait(2000)  # longer than the send delay
    assert len(server.chat_requests) == requests_before


def test_no_microphone_is_a_clear_message(qtbot, open_window, server) -> None:  # noqa: ANN001
    from studio.qt.voice_control import MicrophoneSource

    window = _window_with_a_game(qtbot, open_window, server)
    window.voice.source = MicrophoneSource()
    problems: list[str] = []
    window.voice.problem.connect(problems.append)
    window.voice.press()
    if not window.voice.listening:  # this machine has no sound input
        assert problems and ("microphone" in problems[0] or "QtMultimedia" in problems[0])
    else:
        window.voice.release()

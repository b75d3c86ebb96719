"""Voice settings: the push-to-talk key and the transcription engine, stored, edited and used."""

from __future__ import annotations

import dataclasses
import math
import struct
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("pytestqt")

from PySide6.QtCore import QSettings, Qt  # noqa: E402
from PySide6.QtGui import QStandardItemModel  # noqa: E402

from studio.qt.settings_dialog import SettingsDialog  # noqa: E402
from studio.qt.studio_settings import (  # noqa: E402
    StoredSettings,
    load_settings,
    save_settings,
)
from studio.qt.voice_control import SAMPLE_RATE, FileAudioSource, _wav_bytes  # noqa: E402
from studio.settings import ModelChoice  # noqa: E402
from tests.fake_openai import FakeOpenAI  # noqa: E402

WAIT_MS = 20000
MODEL = "fake-coder-1"


def tone(folder: Path, seconds: float = 1.0) -> Path:
    """A WAV of a 440 Hz tone: loud enough to count as speech for the endpoint engine."""
    count = int(SAMPLE_RATE * seconds)
    pcm = struct.pack(
        f"<{count}h", *(int(8000 * math.sin(2 * math.pi * 440 * i / SAMPLE_RATE)) for i in range(count))
    )
    path = folder / "tone.wav"
    path.write_bytes(_wav_bytes(pcm))
    return path


def ini(path: Path) -> QSettings:
    return QSettings(str(path), QSettings.Format.IniFormat)


def store(path: Path, **changes: object) -> None:
    save_settings(ini(path), dataclasses.replace(StoredSettings(), **changes))  # type: ignore[arg-type]


@pytest.fixture
def server() -> Iterator[FakeOpenAI]:
    with FakeOpenAI(tokens_per_s=5000) as fake:
        yield fake


def _choice(server: FakeOpenAI) -> ModelChoice:
    return ModelChoice(False, "test", "custom", server.base_url, MODEL, server.api_key)


# -- stored -------------------------------------------------------------------------------


def test_voice_settings_round_trip(tmp_path: Path) -> None:
    store(tmp_path / "s.ini", voice_key="F7", voice_engine="endpoint", language="en")
    loaded = load_settings(ini(tmp_path / "s.ini"))
    assert (loaded.voice_key, loaded.voice_engine, loaded.language) == ("F7", "endpoint", "en")


def test_an_older_file_without_voice_settings_gets_the_defaults(tmp_path: Path) -> None:
    path = tmp_path / "old.ini"
    path.write_text("[endpoint]\npreset=openai\nmodel=gpt-x\n\n[interface]\nlanguage=en\n")
    loaded = load_settings(ini(path))
    assert loaded.model == "gpt-x"
    assert (loaded.voice_key, loaded.voice_engine) == ("F1", "offline")


def test_unknown_voice_settings_fall_back_to_the_defaults(tmp_path: Path) -> None:
    path = tmp_path / "odd.ini"
    path.write_text("[voice]\nkey=Space\nengine=telepathy\n")
    loaded = load_settings(ini(path))
    assert (loaded.voice_key, loaded.voice_engine) == ("F1", "offline")


# -- the dialog ---------------------------------------------------------------------------


def _open_dialog(qtbot, path: Path, environ: dict[str, str]) -> SettingsDialog:  # noqa: ANN001
    dialog = SettingsDialog(ini(path), environ=environ)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _endpoint_item(dialog: SettingsDialog):  # noqa: ANN202
    model = dialog.voice_engine_combo.model()
    assert isinstance(model, QStandardItemModel)
    return model.item(dialog.voice_engine_combo.findData("endpoint"))


def test_the_dialog_shows_and_saves_the_voice_settings(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    path = tmp_path / "s.ini"
    store(path, voice_key="F3", voice_engine="endpoint")
    dialog = _open_dialog(qtbot, path, {"OPENAI_API_KEY": "sk-test"})
    assert dialog.voice_key_combo.currentData() == "F3"
    assert dialog.voice_engine_combo.currentData() == "endpoint"
    assert _endpoint_item(dialog).isEnabled()

    dialog.voice_key_combo.setCurrentIndex(dialog.voice_key_combo.findData("ScrollLock"))
    dialog.voice_engine_combo.setCurrentIndex(dialog.voice_engine_combo.findData("offline"))
    saved: list[object] = []
    dialog.saved.connect(saved.append)
    dialog.accept()
    loaded = load_settings(ini(path))
    assert (loaded.voice_key, loaded.voice_engine) == ("ScrollLock", "offline")
    assert saved == [loaded]


def test_offline_the_endpoint_engine_is_greyed_out_with_a_reason(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    path = tmp_path / "s.ini"
    store(path, voice_engine="endpoint", offline=True)
    dialog = _open_dialog(qtbot, path, {"OPENAI_API_KEY": "sk-test"})
    item = _endpoint_item(dialog)
    assert not item.isEnabled()
    assert "offline" in item.toolTip()
    assert dialog.voice_engine_combo.currentData() == "offline"

    dialog.offline_check.setChecked(False)  # an endpoint again: the engine is offered
    assert item.isEnabled()
    assert item.toolTip() == ""


# -- the window ---------------------------------------------------------------------------


def test_the_stored_key_is_the_push_to_talk_key(qtbot, open_window, tmp_path: Path) -> None:  # noqa: ANN001
    store(tmp_path / "studio.ini", voice_key="F4")  # the file open_window's window reads
    window = open_window(ModelChoice(False, "test", "custom", "http://127.0.0.1:9/v1", MODEL, "k"))
    assert window.voice.key_name == "F4"
    silence = tmp_path / "silence.wav"
    silence.write_bytes(_wav_bytes(b"\0\0" * SAMPLE_RATE))
    window.voice.source = FileAudioSource(silence)
    problems: list[str] = []
    window.voice.problem.connect(problems.append)
    window.game_view.setFocus()

    qtbot.keyPress(window.game_view, Qt.Key.Key_F1)
    qtbot.keyRelease(window.game_view, Qt.Key.Key_F1)
    qtbot.wait(50)
    assert not window.voice.listening and not problems  # F1 is the game's again

    qtbot.keyPress(window.game_view, Qt.Key.Key_F4)
    qtbot.waitUntil(lambda: window.voice.listening, timeout=WAIT_MS)
    assert "F4" in window.figures.text()
    qtbot.keyRelease(window.game_view, Qt.Key.Key_F4)
    assert not window.voice.listening
    qtbot.waitUntil(lambda: bool(problems), timeout=WAIT_MS)  # silence: nothing to send
    assert "silent" in problems[0]


def test_the_endpoint_engine_sends_the_recording_to_the_audio_api(
    qtbot, open_window, server: FakeOpenAI, tmp_path: Path  # noqa: ANN001
) -> None:
    store(tmp_path / "studio.ini", voice_engine="endpoint")
    server.script_transcription("make the snake blue")
    window = open_window(_choice(server))
    assert window.voice.engine == "endpoint"
    window.voice.source = FileAudioSource(tone(tmp_path))
    window.voice.press()
    window.voice.release()
    qtbot.waitUntil(lambda: window.prompt.text() == "make the snake blue", timeout=WAIT_MS)
    window.voice.cancel()  # the text landed; no game needs making here
    (request,) = server.transcription_requests
    assert request.path.endswith("/v1/audio/transcriptions")
    assert request.upload is not None and request.upload.size > 0
    assert request.body.get("model") == "gpt-transcribe"
    assert server.chat_requests == []
    assert window.voice._endpoint is not None  # one transcriber kept for the next command
    window.close()
    assert window.voice._endpoint is None  # closing the window closed its connections


def test_an_endpoint_without_an_audio_api_is_a_clear_problem(
    qtbot, open_window, server: FakeOpenAI, tmp_path: Path  # noqa: ANN001
) -> None:
    store(tmp_path / "studio.ini", voice_engine="endpoint")
    server.audio_api = False
    window = open_window(_choice(server))
    window.voice.source = FileAudioSource(tone(tmp_path))
    problems: list[str] = []
    window.voice.problem.connect(problems.append)
    window.voice.press()
    window.voice.release()
    qtbot.waitUntil(lambda: bool(problems), timeout=WAIT_MS)
    assert "no audio transcription API" in problems[0]
    assert "\n" not in problems[0]
    assert "no audio transcription API" in window.figures.text()
    assert window.voice.pending_text is None and window.prompt.text() == ""
    assert server.chat_requests == []


def test_settings_saved_in_the_dialog_reach_the_voice(
    qtbot, open_window, monkeypatch: pytest.MonkeyPatch  # noqa: ANN001
) -> None:
    import keyring

    from tests.studio.test_settings_dialog import MemoryKeyring

    before = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())  # open_settings reads the system keyring otherwise
    try:
        window = open_window(ModelChoice(False, "test", "custom", "http://127.0.0.1:9/v1", MODEL, "k"))
        assert (window.voice.key_name, window.voice.engine) == ("F1", "offline")

        def choose_pause_and_save(dialog: SettingsDialog) -> int:  # the user, in place of exec()
            dialog.voice_key_combo.setCurrentIndex(dialog.voice_key_combo.findData("Pause"))
            dialog.accept()
            return 1

        monkeypatch.setattr(SettingsDialog, "exec", choose_pause_and_save)
        window.open_settings()
    finally:
        keyring.set_keyring(before)
    assert (window.voice.key_name, window.voice.key) == ("Pause", Qt.Key.Key_Pause)
    assert load_settings(window.qsettings).voice_key == "Pause"


def test_keys_other_windows_use_are_not_offered_for_push_to_talk() -> None:
    from studio.qt.studio_settings import VOICE_KEYS

    assert "F2" not in VOICE_KEYS  # gallery: rename
    assert "F9" not in VOICE_KEYS  # GIF capture
    assert {"F1", "F12", "ScrollLock"} <= set(VOICE_KEYS)

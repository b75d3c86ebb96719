"""Settings: QSettings round trip, the model they choose, the dialog, keys and model listing."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from keyring.backend import KeyringBackend
from PySide6.QtCore import QSettings, QTimer

from studio.llm.keys import KEYRING_SERVICE
from studio.llm.presets import PRESETS
from studio.qt.settings_dialog import SettingsDialog
from studio.qt.studio_settings import (
    StoredSettings,
    load_settings,
    model_choice_from,
    save_settings,
    shown_settings,
)
from tests.fake_openai import FakeOpenAI

pytest.importorskip("pytestqt")

SECRET = "sk-test-secret-never-in-the-ini-0123456789"


class MemoryKeyring(KeyringBackend):
    """A keyring that keeps passwords in a dict."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.passwords: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.passwords.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.passwords[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.passwords.pop((service, username), None)


@pytest.fixture
def ini_file(tmp_path: Path) -> Path:
    return tmp_path / "s.ini"


@pytest.fixture
def qsettings(ini_file: Path) -> QSettings:
    return QSettings(str(ini_file), QSettings.Format.IniFormat)


@pytest.fixture
def open_dialog(qtbot, qsettings):  # noqa: ANN001, ANN201
    """Opens a SettingsDialog on the temp ini file with an empty environment."""

    def open_one(environ: dict[str, str] | None = None, keyring_backend=None) -> SettingsDialog:  # noqa: ANN001
        dialog = SettingsDialog(
            qsettings, environ={} if environ is None else environ, keyring_backend=keyring_backend
        )
        qtbot.addWidget(dialog)
        dialog.show()
        return dialog

    return open_one


@pytest.fixture
def silent_port() -> Iterator[int]:
    """A port that accepts connections and never answers (closed at the end of the test)."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    yield listener.getsockname()[1]
    listener.close()


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _choose_preset(dialog: SettingsDialog, name: str) -> None:
    dialog.preset_combo.setCurrentIndex(dialog.preset_combo.findData(name))


def _use_custom_url(dialog: SettingsDialog, url: str) -> None:
    _choose_preset(dialog, "custom")
    dialog.base_url_edit.setText(url)


# -- persistence ---------------------------------------------------------------------------


def test_a_fresh_file_gives_the_defaults(qsettings: QSettings) -> None:
    assert load_settings(qsettings) == StoredSettings()


def test_save_then_load_gives_the_same_settings(qsettings: QSettings, ini_file: Path) -> None:
    stored = StoredSettings(
        preset="groq",
        base_url="https://api.groq.com/openai/v1",
        model="meta-llama/llama-4, scout",  # a slash and a comma survive the ini format
        offline=True,
        language="zh_CN",
    )
    save_settings(qsettings, stored)
    assert load_settings(QSettings(str(ini_file), QSettings.Format.IniFormat)) == stored


def test_unknown_stored_values_fall_back(qsettings: QSettings) -> None:
    qsettings.setValue("endpoint/preset", "no-such-provider")
    qsettings.setValue("endpoint/base_url", "http://example.test/v1")
    qsettings.setValue("interface/language", "klingon")
    loaded = load_settings(qsettings)
    assert (loaded.preset, loaded.base_url, loaded.language) == (
        "custom",
        "http://example.test/v1",
        "system",
    )


def test_shown_settings_fill_the_preset_url_or_take_the_environment() -> None:
    assert shown_settings(StoredSettings(preset="groq"), {}).base_url == PRESETS["groq"].base_url
    environ = {"MINIGAME_BASE_URL": "http://127.0.0.1:9/v1", "MINIGAME_MODEL": "m"}
    shown = shown_settings(StoredSettings(), environ)
    assert (shown.preset, shown.base_url, shown.model) == ("custom", "http://127.0.0.1:9/v1", "m")
    explicit = StoredSettings(preset="ollama", base_url="http://localhost:11434/v1")
    assert shown_settings(explicit, environ) == explicit


# -- which model the settings choose ------------------------------------------------------


def test_offline_when_offline_is_ticked() -> None:
    stored = StoredSettings(preset="custom", base_url="http://127.0.0.1:1/v1", offline=True)
    choice = model_choice_from(stored, {"OPENAI_API_KEY": "sk-env"})
    assert choice.offline
    assert "ticked in the settings" in choice.reason


def test_offline_with_a_reason_without_a_key_for_a_remote_preset() -> None:
    stored = StoredSettings(preset="groq", base_url=PRESETS["groq"].base_url)
    choice = model_choice_from(stored, {"OPENAI_API_KEY": "sk-not-for-groq"})
    assert choice.offline
    assert "no API key for groq" in choice.reason and "GROQ_API_KEY" in choice.reason


def test_online_for_a_local_server_without_a_key() -> None:
    with FakeOpenAI() as server:
        url = server.base_url
        stored = StoredSettings(preset="custom", base_url=url, model="fake-coder-1")
        choice = model_choice_from(stored, {})
    assert not choice.offline
    assert (choice.base_url, choice.model, choice.api_key) == (url, "fake-coder-1", None)


def test_the_dialogs_choice_wins_over_the_environment_except_for_keys() -> None:
    keyring = MemoryKeyring()
    keyring.set_password(KEYRING_SERVICE, "groq", "gsk-from-keyring")
    environ = {
        "MINIGAME_PROVIDER": "ollama",
        "MINIGAME_BASE_URL": "http://localhost:11434/v1",
        "MINIGAME_MODEL": "llama3",
        "GROQ_API_KEY": "gsk-from-env",
    }
    stored = StoredSettings(preset="groq", base_url=PRESETS["groq"].base_url, model="qwen")
    choice = model_choice_from(stored, environ, keyring)
    assert (choice.preset, choice.base_url, choice.model) == (
        "groq",
        PRESETS["groq"].base_url,
        "qwen",
    )
    assert choice.api_key == "gsk-from-env"
    without_env_key = {k: v for k, v in environ.items() if k != "GROQ_API_KEY"}
    assert model_choice_from(stored, without_env_key, keyring).api_key == "gsk-from-keyring"
    # Nothing chosen in the dialog: the environment decides, as on the command line.
    unchosen = model_choice_from(StoredSettings(), environ, keyring)
    assert (unchosen.offline, unchosen.preset, unchosen.base_url, unchosen.model) == (
        False,
        "ollama",
        "http://localhost:11434/v1",
        "llama3",
    )


# -- the dialog ----------------------------------------------------------------------------


def test_choosing_a_preset_fills_its_url(open_dialog) -> None:  # noqa: ANN001
    dialog = open_dialog()
    _choose_preset(dialog, "groq")
    assert dialog.base_url_edit.text() == PRESETS["groq"].base_url
    assert dialog.base_url_edit.isReadOnly()
    _choose_preset(dialog, "ollama")
    assert dialog.settings().base_url == "http://localhost:11434/v1"
    _choose_preset(dialog, "custom")
    assert not dialog.base_url_edit.isReadOnly()


def test_with_no_endpoint_the_dialog_says_it_runs_offline_and_why(open_dialog) -> None:  # noqa: ANN001
    dialog = open_dialog()
    text = dialog.mode_label.text()
    assert "runs offline" in text and "no API key for openai" in text
    dialog.offline_check.setChecked(True)
    assert "ticked in the settings" in dialog.mode_label.text()


def test_ok_saves_the_settings_and_the_key_only_in_the_keyring(
    open_dialog, qsettings: QSettings, ini_file: Path
) -> None:  # noqa: ANN001
    keyring = MemoryKeyring()
    dialog = open_dialog(keyring_backend=keyring)
    saved: list[StoredSettings] = []
    dialog.saved.connect(saved.append)
    _choose_preset(dialog, "cerebras")
    dialog.model_combo.setEditText("gpt-oss-120b")
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("zh_CN"))
    dialog.key_edit.setText(SECRET)
    assert "cerebras at" in dialog.mode_label.text()  # the typed key counts before saving
    dialog.accept()
    assert dialog.result() == SettingsDialog.DialogCode.Accepted
    expected = StoredSettings(
        "cerebras", PRESETS["cerebras"].base_url, "gpt-oss-120b", False, "zh_CN"
    )
    assert saved == [expected]
    assert load_settings(qsettings) == expected
    assert keyring.passwords == {(KEYRING_SERVICE, "cerebras"): SECRET}
    assert SECRET.encode() not in ini_file.read_bytes()
    assert b"sk-" not in ini_file.read_bytes()
    # The key round-trips through the keyring: a new dialog and model_choice_from find it.
    again = open_dialog(keyring_backend=keyring)
    assert again.key_edit.placeholderText() == "stored in the system keyring"
    assert again.key_edit.text() == ""
    assert model_choice_from(expected, {}, keyring).api_key == SECRET


def test_a_failing_keyring_says_so_and_still_saves_the_rest(
    open_dialog, qsettings: QSettings, ini_file: Path
) -> None:  # noqa: ANN001
    dialog = open_dialog()  # tests/conftest.py sets keyring's failing backend
    _choose_preset(dialog, "groq")
    dialog.offline_check.setChecked(True)
    dialog.key_edit.setText(SECRET)
    dialog.accept()
    assert dialog.isVisible()  # stays open so the message can be read
    message = dialog.key_message.text()
    assert "The key was not saved" in message and "GROQ_API_KEY" in message
    assert "other settings are saved" in message
    loaded = load_settings(qsettings)
    assert (loaded.preset, loaded.offline) == ("groq", True)
    assert SECRET.encode() not in ini_file.read_bytes()


def test_the_key_placeholder_says_where_the_key_comes_from(open_dialog) -> None:  # noqa: ANN001
    assert open_dialog().key_edit.placeholderText() == "none"
    from_env = open_dialog(environ={"OPENAI_API_KEY": "sk-env"})
    assert from_env.key_edit.placeholderText() == "from OPENAI_API_KEY"
    _choose_preset(from_env, "groq")  # OPENAI_API_KEY is never sent to another provider
    assert from_env.key_edit.placeholderText() == "none"
    assert from_env.key_edit.echoMode() == from_env.key_edit.EchoMode.Password


def test_refresh_lists_the_servers_models_without_blocking(qtbot, open_dialog) -> None:  # noqa: ANN001
    dialog = open_dialog()
    ticks = 0

    def tick() -> None:
        nonlocal ticks
        ticks += 1

    timer = QTimer()
    timer.setInterval(1)
    timer.timeout.connect(tick)
    with FakeOpenAI(models=("zeta-coder", "alpha-coder", "mid-coder")) as server:
        _use_custom_url(dialog, server.base_url)
        dialog.key_edit.setText(server.api_key)  # the typed key is used before it is saved
        timer.start()
        dialog.refresh_button.click()
        # The click returned before the list arrived: the work is off the GUI thread.
        assert dialog.model_status.text() == "Listing models…"
        assert dialog.model_combo.count() == 0 and not dialog.refresh_button.isEnabled()
        ticks_at_click = ticks
        qtbot.waitUntil(lambda: dialog.model_combo.count() == 3, timeout=15_000)
        timer.stop()
    listed = [dialog.model_combo.itemText(i) for i in range(dialog.model_combo.count())]
    assert listed == ["alpha-coder", "mid-coder", "zeta-coder"]
    assert dialog.model_combo.currentText() == "alpha-coder"
    assert ticks - ticks_at_click > 0  # the event loop kept running while listing
    assert "3 model" in dialog.model_status.text()
    assert dialog.refresh_button.isEnabled()


def test_refresh_against_a_closed_port_shows_one_error_line(qtbot, open_dialog) -> None:  # noqa: ANN001
    url = f"http://127.0.0.1:{_closed_port()}/v1"
    dialog = open_dialog()
    _use_custom_url(dialog, url)
    dialog.refresh_button.click()
    qtbot.waitUntil(lambda: "cannot reach" in dialog.model_status.text(), timeout=15_000)
    text = dialog.model_status.text()
    assert f"cannot reach {url}" in text and "\n" not in text
    assert dialog.refresh_button.isEnabled()


def test_closing_the_dialog_while_listing_does_not_crash(
    qtbot, qsettings: QSettings, silent_port: int
) -> None:  # noqa: ANN001
    dialog = SettingsDialog(qsettings, environ={}, listing_timeout_s=2.0)
    dialog.show()
    _use_custom_url(dialog, f"http://127.0.0.1:{silent_port}/v1")
    dialog.refresh_button.click()
    assert dialog.is_listing
    qtbot.wait(50)
    dialog.reject()
    assert not dialog.is_listing
    dialog.deleteLater()
    qtbot.wait(50)  # the dialog is gone; its listing thread is still waiting on the socket
    deadline = time.monotonic() + 10
    while any(t.name == "list-models" for t in threading.enumerate()):
        assert time.monotonic() < deadline, "the listing thread never ended"
        qtbot.wait(50)

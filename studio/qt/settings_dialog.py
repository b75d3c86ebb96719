"""SettingsDialog: the model endpoint, its key, offline mode, the interface language and voice.

Listing an endpoint's models is network work, so it runs in a plain daemon thread that touches
no Qt object: it fills a Future, and a timer on the dialog collects the answer. Closing the
dialog mid-listing just drops the answer, so nothing can reach a deleted widget.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Mapping
from concurrent.futures import Future
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from studio.llm.keys import KeyLookup, find_key, store_key
from studio.llm.presets import PRESETS, Preset
from studio.qt.studio_settings import (
    VOICE_KEYS,
    StoredSettings,
    load_settings,
    resolve_model_choice,
    save_settings,
    shown_settings,
)
from studio.settings import ModelChoice

LISTING_POLL_MS = 25
"""How often the dialog looks for the model list a worker thread is fetching."""

LISTING_TIMEOUT_S = 10.0
"""A model list that takes longer than this is reported as a failure."""


@dataclass(frozen=True)
class ModelListRequest:
    """Which endpoint to ask for its models, with the key to send (None for local servers)."""

    base_url: str
    api_key: str | None
    preset: str


def start_model_listing(request: ModelListRequest, timeout_s: float) -> Future[list[str]]:
    """List the endpoint's models in a daemon thread; the Future holds the ids or a ModelError."""
    outcome: Future[list[str]] = Future()
    outcome.set_running_or_notify_cancel()
    thread = threading.Thread(
        target=_list_models, args=(request, timeout_s, outcome), name="list-models", daemon=True
    )
    thread.start()
    return outcome


def _list_models(request: ModelListRequest, timeout_s: float, outcome: Future[list[str]]) -> None:
    try:
        # Imported here: the openai package takes a while to import, and only Refresh needs it.
        from studio.llm.client import ModelClient
        from studio.llm.endpoint import Endpoint

        endpoint = Endpoint(request.base_url.rstrip("/"), None, request.api_key, request.preset)
        with ModelClient(endpoint, timeout_s=timeout_s) as client:
            outcome.set_result(client.list_models())
    except BaseException as error:  # every failure, ModelError or not, goes to the dialog
        outcome.set_exception(error)


class MessageLine(QLabel):
    """A word-wrapped message under a field; it takes no room while empty."""

    def __init__(self) -> None:
        super().__init__()
        self.setWordWrap(True)
        self.setVisible(False)

    def setText(self, text: str) -> None:  # noqa: N802 - Qt's name
        super().setText(text)
        self.setVisible(bool(text))

    def clear(self) -> None:
        self.setText("")


class SettingsDialog(QDialog):
    """Edits StoredSettings; OK saves them to `qsettings` and a typed key to the OS keyring.

    If the keyring refuses the key, the other settings are still saved, the dialog stays open
    and says why. `environ` and `keyring_backend` default to the process's environment and the
    system keyring (tests pass their own).
    """

    saved = Signal(object)
    """Emitted with the StoredSettings each time they are written."""

    def __init__(
        self,
        qsettings: QSettings,
        parent: QWidget | None = None,
        *,
        environ: Mapping[str, str] | None = None,
        keyring_backend: Any = None,
        listing_timeout_s: float = LISTING_TIMEOUT_S,
    ) -> None:
        super().__init__(parent)
        self._qsettings = qsettings
        self._environ: Mapping[str, str] = os.environ if environ is None else environ
        self._keyring_backend = keyring_backend
        self._listing_timeout_s = listing_timeout_s
        self._listing: Future[list[str]] | None = None
        self._listing_request: ModelListRequest | None = None
        self._key_lookup = KeyLookup(key=None, source="none")
        self._custom_url = ""  # what the user typed for "custom", kept while other presets show
        self._current_preset = ""

        self.setWindowTitle(self.tr("Settings — Minigame Studio"))
        self._build()
        self._listing_timer = QTimer(self)
        self._listing_timer.setInterval(LISTING_POLL_MS)
        self._listing_timer.timeout.connect(self._collect_listing)
        self._show(shown_settings(load_settings(qsettings), self._environ))

    # -- layout -----------------------------------------------------------------------

    def _build(self) -> None:
        self.preset_combo = QComboBox()
        for preset in PRESETS.values():
            self.preset_combo.addItem(self._preset_label(preset), preset.name)
        self.base_url_edit = QLineEdit()
        self.base_url_edit.setPlaceholderText(self.tr("for example http://localhost:11434/v1"))
        self.model_combo = QComboBox()
        self.model_combo.setEditable(True)
        if (model_line := self.model_combo.lineEdit()) is not None:
            model_line.setPlaceholderText(self.tr("the endpoint's only model"))
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.setToolTip(self.tr("List the models this endpoint offers"))
        self.model_status = MessageLine()
        self.key_edit = QLineEdit()
        self.key_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.key_message = MessageLine()
        self.offline_check = QCheckBox(self.tr("Offline (built-in starter kit)"))
        self.language_combo = QComboBox()
        for code, label in (
            ("system", self.tr("System")),
            ("en", self.tr("English")),
            ("zh_CN", self.tr("简体中文")),
        ):
            self.language_combo.addItem(label, code)
        self.mode_label = QLabel()
        self.mode_label.setWordWrap(True)
        self.voice_key_combo = QComboBox()
        for name in VOICE_KEYS:
            self.voice_key_combo.addItem(name, name)  # key names, as printed on keyboards
        self.voice_key_combo.setToolTip(self.tr("Hold this key to talk while you play"))
        self.voice_engine_combo = QComboBox()
        self.voice_engine_combo.addItem(self.tr("Offline (English, pocketsphinx)"), "offline")
        self.voice_engine_combo.addItem(self.tr("The endpoint's audio API"), "endpoint")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )

        model_row = QHBoxLayout()
        model_row.addWidget(self.model_combo, 1)
        model_row.addWidget(self.refresh_button)
        form = QFormLayout()
        form.addRow(self.tr("Provider"), self.preset_combo)
        form.addRow(self.tr("Base URL"), self.base_url_edit)
        form.addRow(self.tr("Model"), model_row)
        form.addRow("", self.model_status)
        form.addRow(self.tr("API key"), self.key_edit)
        form.addRow("", self.key_message)
        form.addRow("", self.offline_check)
        form.addRow(self.tr("Language"), self.language_combo)
        voice_form = QFormLayout()
        voice_form.addRow(self.tr("Push-to-talk key"), self.voice_key_combo)
        voice_form.addRow(self.tr("Transcription"), self.voice_engine_combo)
        voice_group = QGroupBox(self.tr("Voice"))
        voice_group.setLayout(voice_form)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.mode_label)
        layout.addWidget(voice_group)
        layout.addWidget(self.buttons)
        self.resize(560, self.sizeHint().height())

        self.preset_combo.currentIndexChanged.connect(self._preset_chosen)
        self.base_url_edit.textEdited.connect(self._base_url_edited)
        self.refresh_button.clicked.connect(self.refresh_models)
        self.key_edit.textChanged.connect(self._update_mode_label)
        self.offline_check.toggled.connect(self._update_mode_label)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    def _preset_label(self, preset: Preset) -> str:
        return self.tr(preset.label)  # product names mostly; "Custom ..." is translated

    def _show(self, settings: StoredSettings) -> None:
        if settings.preset == "custom":
            self._custom_url = settings.base_url
        self._select(self.preset_combo, settings.preset)
        self._preset_chosen()
        self.base_url_edit.setText(settings.base_url)
        self.model_combo.setEditText(settings.model)
        self.offline_check.setChecked(settings.offline)
        self._select(self.language_combo, settings.language)
        self._select(self.voice_key_combo, settings.voice_key)
        self._select(self.voice_engine_combo, settings.voice_engine)
        self._update_mode_label()

    @staticmethod
    def _select(combo: QComboBox, data: str) -> None:
        index = combo.findData(data)
        combo.setCurrentIndex(max(index, 0))

    # -- what the user does -----------------------------------------------------------

    def settings(self) -> StoredSettings:
        """The settings as the dialog shows them now (the key is not part of them)."""
        return StoredSettings(
            preset=self._preset().name,
            base_url=self.base_url_edit.text().strip(),
            model=self.model_combo.currentText().strip(),
            offline=self.offline_check.isChecked(),
            language=str(self.language_combo.currentData()),
            voice_key=str(self.voice_key_combo.currentData()),
            voice_engine=str(self.voice_engine_combo.currentData()),
        )

    def model_choice(self) -> ModelChoice:
        """What the studio would use with these settings and the key typed here."""
        shown = self._preset().name

        def key_for(name: str) -> str | None:
            if name == shown:
                return self._key_to_use()
            preset = PRESETS.get(name)  # the environment names another provider
            return None if preset is None else self._find_key(preset).key

        return resolve_model_choice(self.settings(), key_for, self._environ)

    def refresh_models(self) -> None:
        """List the endpoint's models in a worker thread; the dialog stays responsive."""
        base_url = self.base_url_edit.text().strip()
        if not base_url:
            self.model_status.setText(self.tr("Enter a base URL first."))
            return
        self._listing_request = ModelListRequest(base_url, self._key_to_use(), self._preset().name)
        self._listing = start_model_listing(self._listing_request, self._listing_timeout_s)
        self.refresh_button.setEnabled(False)
        self.model_status.setText(self.tr("Listing models…"))
        self._listing_timer.start()

    @property
    def is_listing(self) -> bool:
        """Whether a model list is being fetched."""
        return self._listing is not None

    def accept(self) -> None:
        """Save the settings, then the typed key; stay open (saying why) if the key fails."""
        settings = self.settings()
        try:
            save_settings(self._qsettings, settings)
        except OSError as error:
            self.key_message.setText(
                self.tr("The settings were not saved: {reason}").format(reason=error)
            )
            return
        self.saved.emit(settings)
        key = self.key_edit.text().strip()
        if key:
            preset = self._preset()
            try:
                store_key(preset, key, self._keyring_backend)
            except RuntimeError as error:
                self._show_key_problem(preset, str(error))
                return
            self.key_edit.clear()
            self._look_up_key()
        super().accept()

    def done(self, result: int) -> None:
        """Closing drops a model list still being fetched (its thread ends on its own)."""
        self._stop_listing()
        super().done(result)

    # -- reactions --------------------------------------------------------------------

    def _preset(self) -> Preset:
        return PRESETS.get(str(self.preset_combo.currentData()), PRESETS["custom"])

    def _preset_chosen(self) -> None:
        preset = self._preset()
        if preset.name == self._current_preset:
            return
        changed_by_user = bool(self._current_preset)
        self._current_preset = preset.name
        custom = preset.name == "custom"
        if custom:
            self.base_url_edit.setText(self._custom_url or self.base_url_edit.text())
        else:
            self.base_url_edit.setText(preset.base_url)
        self.base_url_edit.setReadOnly(not custom)
        if changed_by_user:  # another endpoint: its models differ
            self._stop_listing()
            self.model_combo.clear()
            self.model_combo.setEditText("")
            self.model_status.clear()
        self.key_message.clear()
        self._look_up_key()

    def _base_url_edited(self, text: str) -> None:
        if self._preset().name == "custom":
            self._custom_url = text
        self._update_mode_label()

    def _look_up_key(self) -> None:
        """Say in the key field's placeholder where the current key comes from."""
        self._key_lookup = self._find_key(self._preset())
        source = self._key_lookup.source
        if source.startswith("env:"):
            text = self.tr("from {variable}").format(variable=source.removeprefix("env:"))
        elif source == "keyring":
            text = self.tr("stored in the system keyring")
        else:
            text = self.tr("none")
        self.key_edit.setPlaceholderText(text)
        self._update_mode_label()

    def _key_to_use(self) -> str | None:
        """The shown preset's key: the environment's, else the one typed here, else the stored."""
        if self._key_lookup.source.startswith("env:"):
            return self._key_lookup.key
        return self.key_edit.text().strip() or self._key_lookup.key

    def _find_key(self, preset: Preset) -> KeyLookup:
        return find_key(preset, self._environ, self._keyring_backend)

    def _update_mode_label(self) -> None:
        choice = self.model_choice()
        self._offer_endpoint_engine(not choice.offline)
        if choice.offline:
            reason = choice.reason.removeprefix("offline: ")
            self.mode_label.setText(
                self.tr("The studio runs offline: {reason}").format(reason=reason)
            )
        else:
            self.mode_label.setText(
                self.tr("The studio uses {endpoint}.").format(endpoint=choice.reason)
            )

    def _offer_endpoint_engine(self, offered: bool) -> None:
        """The endpoint engine needs an endpoint: offline, it is greyed out and not chosen."""
        index = self.voice_engine_combo.findData("endpoint")
        model = self.voice_engine_combo.model()
        item = model.item(index) if isinstance(model, QStandardItemModel) else None
        if item is None:
            return
        item.setEnabled(offered)
        tooltip = "" if offered else self.tr(
            "The studio runs offline: there is no endpoint to send the speech to"
        )
        self.voice_engine_combo.setItemData(index, tooltip, Qt.ItemDataRole.ToolTipRole)
        if not offered and self.voice_engine_combo.currentIndex() == index:
            self._select(self.voice_engine_combo, "offline")

    def _show_key_problem(self, preset: Preset, reason: str) -> None:
        variable = next(iter(preset.key_variables), None)
        if variable:
            advice = self.tr("Set {variable} in the environment instead, or try again.").format(
                variable=variable
            )
        else:
            advice = self.tr("Try again, or leave the key empty.")
        self.key_message.setText(
            self.tr(
                "The key was not saved ({reason}). The other settings are saved. {advice}"
            ).format(reason=reason, advice=advice)
        )

    def _collect_listing(self) -> None:
        listing, request = self._listing, self._listing_request
        if listing is None or request is None:
            self._listing_timer.stop()
            return
        if not listing.done():
            return
        self._stop_listing()
        error = listing.exception()
        if error is not None:
            self.model_status.setText(
                self.tr("Could not list models: {reason}").format(reason=error)
            )
            return
        if request.base_url != self.base_url_edit.text().strip():
            self.model_status.clear()  # the list is for an endpoint no longer shown
            return
        self._fill_models(listing.result())

    def _fill_models(self, models: list[str]) -> None:
        typed = self.model_combo.currentText().strip()
        self.model_combo.clear()
        self.model_combo.addItems(models)
        if typed:
            self.model_combo.setEditText(typed)
        elif models:
            self.model_combo.setCurrentIndex(0)
        if models:
            self.model_status.setText(self.tr("%n model(s) listed", "", len(models)))
        else:
            self.model_status.setText(self.tr("The endpoint lists no models; type one."))

    def _stop_listing(self) -> None:
        self._listing_timer.stop()
        self._listing = None
        self._listing_request = None
        self.refresh_button.setEnabled(True)

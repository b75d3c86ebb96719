"""The settings the studio window keeps between runs (QSettings), and the model they choose.

What is stored: provider preset, base URL, model, offline mode, interface language, and the
push-to-talk key and transcription engine.
The API key is never stored here: it lives in the environment or the OS keyring
(`studio.llm.keys`), and `save_settings` has no way to write one.

Which wins when the settings and the environment disagree:
- A base URL saved from the settings dialog is the user's explicit choice: its preset, base
  URL and model win over MINIGAME_PROVIDER, MINIGAME_BASE_URL and MINIGAME_MODEL. (The dialog
  always saves a base URL for a named preset, so a preset chosen there is always explicit.)
- An empty stored base URL means nothing was chosen in the dialog: the environment decides,
  exactly as on the command line (`studio.settings.choose_model`).
- An empty stored model lets MINIGAME_MODEL fill in; with neither, the endpoint's only model.
- "Offline" ticked in the settings always means offline.
- Keys are the exception: a key in the environment (OPENAI_API_KEY, GROQ_API_KEY, ...) wins
  over the one stored in the keyring, as everywhere else in the studio.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QSettings

from studio.llm.keys import find_key
from studio.llm.presets import PRESETS
from studio.settings import KeyFinder, ModelChoice, choose_model

ORGANIZATION = "Minigame Studio"
APPLICATION = "Minigame Studio"

LANGUAGES = ("system", "en", "zh_CN")
"""Interface languages: "system" follows the desktop's locale."""

RESERVED_F_KEYS = (2, 9)
"""F2 renames in the gallery and F9 saves a GIF: never offered for push-to-talk, whose
app-wide key filter would take them first."""
VOICE_KEYS = (*(f"F{number}" for number in range(1, 13) if number not in RESERVED_F_KEYS), "ScrollLock", "Pause")
"""Push-to-talk keys games rarely use; the names are Qt's (Qt.Key.Key_<name>)."""

VOICE_ENGINES = ("offline", "endpoint")
"""How push-to-talk speech becomes text: pocketsphinx here, or the endpoint's audio API."""

DEFAULT_PRESET = "openai"  # what `choose_model` assumes when nothing names a provider

_PRESET_KEY = "endpoint/preset"
_BASE_URL_KEY = "endpoint/base_url"
_MODEL_KEY = "endpoint/model"
_OFFLINE_KEY = "endpoint/offline"
_LANGUAGE_KEY = "interface/language"
_VOICE_KEY_KEY = "voice/key"
_VOICE_ENGINE_KEY = "voice/engine"


@dataclass(frozen=True)
class StoredSettings:
    """What the settings dialog edits and QSettings keeps; never a key."""

    preset: str = DEFAULT_PRESET  # a name from studio.llm.presets.PRESETS
    base_url: str = ""  # "" means "not chosen in the dialog": the environment decides
    model: str = ""  # "" means MINIGAME_MODEL, else the endpoint's only model
    offline: bool = False  # always use the built-in starter kit
    language: str = "system"  # one of LANGUAGES
    voice_key: str = "F1"  # one of VOICE_KEYS: hold it to talk
    voice_engine: str = "offline"  # one of VOICE_ENGINES


def studio_qsettings() -> QSettings:
    """The user's own settings store for the studio (organisation and application named)."""
    return QSettings(ORGANIZATION, APPLICATION)


def load_settings(qsettings: QSettings) -> StoredSettings:
    """The stored settings; missing or unusable entries get their defaults."""
    default = StoredSettings()
    preset = _text(qsettings.value(_PRESET_KEY, default.preset)) or default.preset
    if preset not in PRESETS:  # a hand-edited file or a newer version's preset
        preset = "custom"
    language = _text(qsettings.value(_LANGUAGE_KEY, default.language))
    voice_key = _text(qsettings.value(_VOICE_KEY_KEY, default.voice_key))
    voice_engine = _text(qsettings.value(_VOICE_ENGINE_KEY, default.voice_engine))
    return StoredSettings(
        preset=preset,
        base_url=_text(qsettings.value(_BASE_URL_KEY, default.base_url)),
        model=_text(qsettings.value(_MODEL_KEY, default.model)),
        offline=_flag(qsettings.value(_OFFLINE_KEY, default.offline)),
        language=language if language in LANGUAGES else default.language,
        voice_key=voice_key if voice_key in VOICE_KEYS else default.voice_key,
        voice_engine=voice_engine if voice_engine in VOICE_ENGINES else default.voice_engine,
    )


def save_settings(qsettings: QSettings, settings: StoredSettings) -> None:
    """Write the settings and flush them to disk; raises OSError when they could not be."""
    qsettings.setValue(_PRESET_KEY, settings.preset)
    qsettings.setValue(_BASE_URL_KEY, settings.base_url)
    qsettings.setValue(_MODEL_KEY, settings.model)
    qsettings.setValue(_OFFLINE_KEY, settings.offline)
    qsettings.setValue(_LANGUAGE_KEY, settings.language)
    qsettings.setValue(_VOICE_KEY_KEY, settings.voice_key)
    qsettings.setValue(_VOICE_ENGINE_KEY, settings.voice_engine)
    qsettings.sync()
    if qsettings.status() != QSettings.Status.NoError:
        raise OSError(f"could not write the settings to {qsettings.fileName()}")


def shown_settings(
    stored: StoredSettings, environ: Mapping[str, str] | None = None
) -> StoredSettings:
    """What the dialog shows first: the stored choice, or else the environment's.

    With nothing chosen in the dialog yet, MINIGAME_PROVIDER / MINIGAME_BASE_URL /
    MINIGAME_MODEL fill the fields, so pressing OK keeps what the command line would use.
    A named preset's base URL is always filled in.
    """
    env = os.environ if environ is None else environ
    preset, base_url, model = stored.preset, stored.base_url, stored.model
    if not base_url:
        base_url = env.get("MINIGAME_BASE_URL", "").strip()
        named = env.get("MINIGAME_PROVIDER", "").strip()
        if named in PRESETS:
            preset = named
        elif base_url:
            preset = "custom"
        model = model or env.get("MINIGAME_MODEL", "").strip()
    if not base_url:
        base_url = PRESETS[preset].base_url
    return dataclasses.replace(stored, preset=preset, base_url=base_url, model=model)


def model_choice_from(
    settings: StoredSettings,
    environ: Mapping[str, str] | None = None,
    keyring_backend: Any = None,
) -> ModelChoice:
    """The endpoint these settings choose, or offline with the reason (see the module doc).

    The key comes from the preset's environment variables, then the OS keyring
    (`keyring_backend`, default the system's).
    """
    env = os.environ if environ is None else environ

    def key_for(name: str) -> str | None:
        preset = PRESETS.get(name)
        return None if preset is None else find_key(preset, env, keyring_backend).key

    return resolve_model_choice(settings, key_for, env)


def resolve_model_choice(
    settings: StoredSettings, find_key: KeyFinder, environ: Mapping[str, str]
) -> ModelChoice:
    """`model_choice_from` with the key lookup given (the dialog adds the key being typed)."""
    presets = {name: preset.base_url for name, preset in PRESETS.items() if preset.base_url}
    if settings.offline:
        return ModelChoice(
            True, "offline (ticked in the settings): games come from the built-in starter kit"
        )
    if settings.base_url:  # the dialog's explicit choice wins over MINIGAME_*
        environ = {**environ, "MINIGAME_PROVIDER": settings.preset}
    return choose_model(
        settings.base_url or None, settings.model or None, False, find_key, presets, environ
    )


def _text(value: object) -> str:
    return value.strip() if isinstance(value, str) else ""


def _flag(value: object) -> bool:
    """QSettings gives bools back as "true"/"false" from an ini file."""
    if isinstance(value, str):
        return value.strip().lower() in ("true", "1", "yes")
    return value is True

"""Where an endpoint's API key comes from: the environment first, then the OS keyring.

Lookup order for a preset: each of its `key_variables` in the environment (for example
CEREBRAS_API_KEY; "openai" and "custom" read OPENAI_API_KEY), then the keyring entry
(service "minigame-studio", username = the preset name). A key is never read from a file in
the project, and one provider's variable is never sent to another provider: the "cerebras"
preset does not fall back to OPENAI_API_KEY. A keyring that is missing or broken (common on
a headless machine) means "no key", with the reason said, never a crash.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from studio.llm.presets import Preset

KEYRING_SERVICE = "minigame-studio"


@dataclass(frozen=True)
class KeyLookup:
    """The key found for a preset (or None), where it came from, and why not when missing."""

    key: str | None
    source: str  # "env:NAME", "keyring" or "none"
    reason: str = ""  # one line for the user when key is None


def find_key(
    preset: Preset, environ: Mapping[str, str] | None = None, keyring_backend: Any = None
) -> KeyLookup:
    """Look up the key for `preset`: its environment variables, then the keyring."""
    env = os.environ if environ is None else environ
    for variable in preset.key_variables:
        value = env.get(variable, "").strip()
        if value:
            return KeyLookup(key=value, source=f"env:{variable}")
    stored, problem = _read_keyring(preset.name, keyring_backend)
    if stored:
        return KeyLookup(key=stored, source="keyring")
    where = " or ".join(preset.key_variables) or "no environment variable"
    if problem:
        reason = f"no key for {preset.name}: {where} is unset and the keyring {problem}"
    else:
        reason = f"no key for {preset.name}: {where} is unset and the keyring has none"
    return KeyLookup(key=None, source="none", reason=reason)


def store_key(preset: Preset, key: str, keyring_backend: Any = None) -> None:
    """Save `key` for `preset` in the OS keyring; raises RuntimeError with a one-line reason."""
    try:
        backend = keyring_backend or _default_keyring()
        backend.set_password(KEYRING_SERVICE, preset.name, key)
    except Exception as error:  # keyring backends raise many unrelated types
        raise RuntimeError(f"could not save the key in the keyring: {_one_line(error)}") from None


def _read_keyring(username: str, keyring_backend: Any) -> tuple[str | None, str]:
    """The stored key (or None) and, when the keyring could not be asked, why."""
    try:
        backend = keyring_backend or _default_keyring()
        value = backend.get_password(KEYRING_SERVICE, username)
    except Exception as error:  # no backend, locked, D-Bus missing, ...
        return None, f"is unavailable ({_one_line(error)})"
    return (value.strip() or None) if isinstance(value, str) else None, ""


def _default_keyring() -> Any:
    # Imported on first use: keyring scans its plugins at import, which costs start-up time.
    import keyring

    return keyring.get_keyring()


def _one_line(error: BaseException) -> str:
    text = " ".join(str(error).split()) or type(error).__name__
    return text[:160]

"""Where the studio finds its files and which model it talks to; no Qt.

The model endpoint comes from the command line first, then the environment
(`MINIGAME_BASE_URL`, `MINIGAME_MODEL`, `MINIGAME_PROVIDER`), then the preset's key in
the environment or the OS keyring. With none of them the studio works offline with
its starter kit. Keys are never read from or written to a file in the project.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

import platformdirs

PROJECT_ROOT = Path(__file__).resolve().parent.parent
ASSETS_DIR = PROJECT_ROOT / "assets"
HOME_VARIABLE = "MINIGAME_STUDIO_HOME"  # overrides the data folder (tests, portable installs)


@dataclass(frozen=True)
class Paths:
    """Folders the studio reads from and writes to."""

    assets: Path = ASSETS_DIR

    @property
    def asset_pack(self) -> Path:
        """Built-in sprites, sounds and fonts games may load by name."""
        return self.assets / "pack"

    @property
    def examples(self) -> Path:
        """Bundled example games."""
        return self.assets / "examples"

    @property
    def starters(self) -> Path:
        """The offline starter kit's games."""
        return self.assets / "starters"

    @property
    def default_game(self) -> Path:
        """The game `studio` opens until the studio window exists."""
        return self.examples / "snake.py"

    @staticmethod
    def data_dir(environ: Mapping[str, str] = os.environ) -> Path:
        """The user's data folder: the library database lives here."""
        override = environ.get(HOME_VARIABLE)
        return Path(override) if override else Path(platformdirs.user_data_dir("minigame-studio"))

    def library_file(self, environ: Mapping[str, str] = os.environ) -> Path:
        """The SQLite file holding every version."""
        return self.data_dir(environ) / "library.sqlite3"


@dataclass(frozen=True)
class ModelChoice:
    """Which endpoint to use, or why the studio works offline."""

    offline: bool
    reason: str  # one line for the user: why offline, or which endpoint
    preset: str = "custom"
    base_url: str | None = None
    model: str | None = None
    api_key: str | None = None


KeyFinder = Callable[[str], str | None]  # preset name → key (environment, then keyring)


def choose_model(
    base_url: str | None,
    model: str | None,
    offline: bool,
    find_key: KeyFinder,
    presets: Mapping[str, str],
    environ: Mapping[str, str] = os.environ,
) -> ModelChoice:
    """Resolve flags, environment and stored keys into one ModelChoice.

    `presets` maps preset names to their base URLs; `find_key(preset)` looks a key up.
    """
    if offline:
        return ModelChoice(True, "offline (--offline): games come from the built-in starter kit")
    model = model or environ.get("MINIGAME_MODEL") or None
    url = base_url or environ.get("MINIGAME_BASE_URL") or None
    preset = environ.get("MINIGAME_PROVIDER", "custom" if url else "openai")
    if url is None:
        url = presets.get(preset)
        if url is None:
            return ModelChoice(True, f"offline: unknown provider {preset!r} in MINIGAME_PROVIDER")
    key = find_key(preset)
    if key is None and not _is_local(url):
        variables = dict.fromkeys([f"{preset.upper()}_API_KEY", "OPENAI_API_KEY"])  # no doubles
        return ModelChoice(
            True,
            f"offline: no API key for {preset} (set {' or '.join(variables)}, or store one in the "
            "settings); games come from the built-in starter kit",
        )
    return ModelChoice(False, f"{preset} at {url}", preset, url, model, key)


def _is_local(url: str) -> bool:
    """Local servers (Ollama, LM Studio, llama.cpp, vLLM, tests) need no key."""
    host = url.split("://", 1)[-1].split("/", 1)[0].split(":", 1)[0]
    return host in ("localhost", "127.0.0.1", "::1", "[::1]")

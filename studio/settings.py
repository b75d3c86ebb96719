"""Where the studio finds its files, and how its runners are configured; no Qt."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
ASSETS_DIR = PROJECT_ROOT / "assets"


@dataclass(frozen=True)
class Paths:
    """Folders the studio reads from."""

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
    def default_game(self) -> Path:
        """The game `studio` opens until the studio window exists."""
        return self.examples / "snake.py"

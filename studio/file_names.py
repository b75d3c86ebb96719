"""Free file names: every file the studio writes gets a name nothing is called yet."""

from __future__ import annotations

from pathlib import Path


def free_path(folder: Path, base: str, suffix: str, separator: str = "_") -> Path:
    """FOLDER/BASE+SUFFIX, or the first of BASE_2, BASE_3… (with `separator`) that nothing
    is called yet; a dangling symbolic link counts as taken, so nothing is written through it."""
    candidate = folder / f"{base}{suffix}"
    number = 2
    while candidate.exists() or candidate.is_symlink():
        candidate = folder / f"{base}{separator}{number}{suffix}"
        number += 1
    return candidate

"""Writing files safely: a name nothing is called yet, and files that appear whole or not at all."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO


def free_path(folder: Path, base: str, suffix: str, separator: str = "_") -> Path:
    """FOLDER/BASE+SUFFIX, or the first of BASE_2, BASE_3… (with `separator`) that nothing
    is called yet; a dangling symbolic link counts as taken, so nothing is written through it."""
    candidate = folder / f"{base}{suffix}"
    number = 2
    while candidate.exists() or candidate.is_symlink():
        candidate = folder / f"{base}{separator}{number}{suffix}"
        number += 1
    return candidate


@contextmanager
def atomic_file(
    path: Path, mode: int = 0o644, *, replace: bool = True, temporary_suffix: str = ".tmp"
) -> Iterator[BinaryIO]:
    """A binary file to write that appears at `path` complete or not at all: it is written
    beside it, flushed to disk, given `mode`, then renamed over `path`. With replace=False
    it is linked in instead, and FileExistsError says the name was taken meanwhile. On any
    error the temporary file is removed and `path` is left as it was."""
    descriptor, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=temporary_suffix, dir=path.parent)
    try:
        with os.fdopen(descriptor, "wb") as file:
            yield file
            file.flush()
            os.fsync(file.fileno())
        os.chmod(temporary, mode)  # mkstemp's file is private
        if replace:
            os.replace(temporary, path)
        else:
            _link_new(temporary, path)
    finally:
        Path(temporary).unlink(missing_ok=True)


def _link_new(temporary: str, path: Path) -> None:
    try:
        os.link(temporary, path)  # fails if the name was taken since it was chosen
    except FileExistsError:
        raise
    except OSError:  # a file system without hard links
        if path.exists() or path.is_symlink():
            raise FileExistsError(path) from None
        os.replace(temporary, path)

"""`open()` for games: files live in the runner's memory, never on disk.

Games written by models and hobbyists often keep a high score in a file. Here such a
file exists only for the life of the runner: writes are kept in memory (bounded),
reads find what this game wrote earlier, and anything else is FileNotFoundError, as
on a fresh machine. Nothing touches the disk.
"""

from __future__ import annotations

import errno
import io
from dataclasses import dataclass, field

MAX_FILES = 64
MAX_FILE_BYTES = 1024 * 1024
READ_MODES = frozenset({"r", "rt", "rb", "r+", "rb+", "r+b"})
WRITE_MODES = frozenset({"w", "wt", "wb", "w+", "wb+", "w+b", "x", "xb", "a", "at", "ab", "a+", "ab+"})


def _key(path: object) -> str:
    if not isinstance(path, str):
        raise TypeError("open() takes a file name (str) in games")
    name = path.replace("\\", "/")
    while name.startswith("./"):
        name = name[2:]
    return name


class _KeptOnClose:
    """Mixin for in-memory file objects whose content goes into MemoryFiles on close."""

    _files: MemoryFiles
    _key: str
    closed: bool

    def keep_in(self, files: MemoryFiles, key: str, append: bool) -> None:
        self._files, self._key = files, key
        if append:
            self.seek(0, io.SEEK_END)  # type: ignore[attr-defined]

    def content(self) -> bytes:
        raise NotImplementedError

    def close(self) -> None:
        if not self.closed:
            self._files.store(self._key, self.content())
        super().close()  # type: ignore[misc]


class _MemoryText(_KeptOnClose, io.StringIO):
    def content(self) -> bytes:
        return self.getvalue().encode("utf-8")


class _MemoryBinary(_KeptOnClose, io.BytesIO):
    def content(self) -> bytes:
        return self.getvalue()


@dataclass
class MemoryFiles:
    """The files one runner's games have written."""

    contents: dict[str, bytes] = field(default_factory=dict)

    def exists(self, path: object) -> bool:
        """True if the game wrote a file of this name."""
        return isinstance(path, str) and _key(path) in self.contents

    def store(self, key: str, data: bytes) -> None:
        """Keep a closed file's content, within the limits."""
        if len(data) > MAX_FILE_BYTES:
            raise OSError(errno.EFBIG, f"files in games are limited to {MAX_FILE_BYTES // 1024} KB", key)
        if key not in self.contents and len(self.contents) >= MAX_FILES:
            raise OSError(errno.ENOSPC, f"games may keep at most {MAX_FILES} files", key)
        self.contents[key] = data

    def open(self, file: object, mode: str = "r", buffering: int = -1, encoding: str | None = None,
             errors: str | None = None, newline: str | None = None) -> io.IOBase:
        """The `open()` builtin a game gets."""
        key = _key(file)
        if mode not in READ_MODES and mode not in WRITE_MODES:
            raise ValueError(f"invalid mode: {mode!r}")
        binary = "b" in mode
        if mode in READ_MODES:
            if key not in self.contents:
                raise FileNotFoundError(errno.ENOENT, "No such file or directory", key)
            initial = self.contents[key]
        elif mode.startswith("x") and key in self.contents:
            raise FileExistsError(errno.EEXIST, "File exists", key)
        else:
            initial = self.contents.get(key, b"") if mode.startswith("a") else b""
        opened: _MemoryBinary | _MemoryText
        if binary:
            opened = _MemoryBinary(initial)
        else:
            opened = _MemoryText(initial.decode(encoding or "utf-8", errors or "strict"))
        opened.keep_in(self, key, append=mode.startswith("a"))
        return opened

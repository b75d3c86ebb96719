"""Games' open(): files live in memory, reads find only what the game wrote."""

from __future__ import annotations

import pytest

from sandbox.facade.memory_files import MAX_FILE_BYTES, MAX_FILES, MemoryFiles


def test_a_written_file_can_be_read_back() -> None:
    files = MemoryFiles()
    with files.open("scores/high.txt", "w") as out:
        out.write("42\n")
    with files.open("./scores/high.txt") as back:
        assert back.read() == "42\n"
    assert files.exists("scores/high.txt")


def test_binary_and_append_modes() -> None:
    files = MemoryFiles()
    with files.open("log.bin", "wb") as out:
        out.write(b"ab")
    with files.open("log.bin", "ab") as out:
        out.write(b"cd")
    with files.open("log.bin", "rb") as back:
        assert back.read() == b"abcd"


def test_unknown_files_are_missing_as_on_a_fresh_machine() -> None:
    files = MemoryFiles()
    with pytest.raises(FileNotFoundError):
        files.open("/etc/passwd")
    with pytest.raises(FileNotFoundError):
        files.open("highscore.txt", "r")
    assert not files.exists("/etc/passwd")


def test_bad_modes_names_and_sizes_are_refused() -> None:
    files = MemoryFiles()
    with pytest.raises(ValueError):
        files.open("x", "q")
    with pytest.raises(TypeError):
        files.open(3)  # type: ignore[arg-type]
    with pytest.raises(OSError), files.open("big", "wb") as out:
        out.write(b"x" * (MAX_FILE_BYTES + 1))
    for index in range(MAX_FILES):
        files.open(f"f{index}", "w").close()
    with pytest.raises(OSError):
        files.open("one-too-many", "w").close()
    with pytest.raises(FileExistsError):
        files.open("f0", "x")

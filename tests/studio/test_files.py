"""studio/files.py: free names, and files that appear whole or not at all."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from studio.files import atomic_file, free_path


def test_free_path_skips_taken_names_and_dangling_links(tmp_path: Path) -> None:
    assert free_path(tmp_path, "snake", ".py") == tmp_path / "snake.py"
    (tmp_path / "snake.py").write_text("x")
    (tmp_path / "snake_2.py").symlink_to(tmp_path / "nowhere")  # dangling: still taken
    assert free_path(tmp_path, "snake", ".py") == tmp_path / "snake_3.py"
    assert free_path(tmp_path, "snake", ".py", separator="-") == tmp_path / "snake-2.py"


def test_an_atomic_file_appears_whole_with_its_mode(tmp_path: Path) -> None:
    path = tmp_path / "game.minigame"
    path.write_bytes(b"old")
    with atomic_file(path) as file:
        file.write(b"new")
        assert path.read_bytes() == b"old"  # nothing visible until it is complete
    assert path.read_bytes() == b"new" and (path.stat().st_mode & 0o777) == 0o644
    assert [p.name for p in tmp_path.iterdir()] == ["game.minigame"]


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path: Path) -> None:
    path = tmp_path / "pack.minijam"
    path.write_bytes(b"old")
    with pytest.raises(RuntimeError), atomic_file(path) as file:
        file.write(b"half")
        raise RuntimeError("disk full")
    assert path.read_bytes() == b"old" and [p.name for p in tmp_path.iterdir()] == ["pack.minijam"]


def test_replace_false_never_overwrites(tmp_path: Path) -> None:
    path = tmp_path / "game.py"
    with atomic_file(path, 0o755, replace=False) as file:
        file.write(b"print(1)\n")
    assert os.access(path, os.X_OK)
    with pytest.raises(FileExistsError), atomic_file(path, replace=False) as file:
        file.write(b"print(2)\n")
    assert path.read_bytes() == b"print(1)\n" and [p.name for p in tmp_path.iterdir()] == ["game.py"]

"""Without bubblewrap the studio says so plainly, and games still run with the other layers."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.conftest import GAMES
from tests.studio.cli_runs import one_json_object, run_studio


def _path_without_bwrap(tmp_path: Path) -> str:
    """A PATH holding what the runner's warm-up uses, but no bwrap."""
    tools = tmp_path / "bin"
    tools.mkdir()
    for name in ("fc-list", "true"):
        for folder in os.environ.get("PATH", "/usr/bin:/bin").split(os.pathsep):
            if os.path.exists(os.path.join(folder, name)):
                os.symlink(os.path.join(folder, name), tools / name)
                break
    return str(tools)


def test_studio_check_without_bwrap_warns_on_stderr_and_still_checks(tmp_path: Path) -> None:
    game = GAMES / "benign" / "snake.py"
    process = run_studio(
        "check", tmp_path, str(game), "--json", "--frames", "30",
        extra_env={"PATH": _path_without_bwrap(tmp_path)}, home=tmp_path / "home",
    )
    assert "games run without namespace isolation" in process.stderr
    assert "bubblewrap" in process.stderr
    assert one_json_object(process.stdout)["status"] == "ok", process.stderr


def test_studio_check_with_bwrap_says_nothing_about_isolation(tmp_path: Path) -> None:
    from sandbox.isolate import find_isolation

    if not find_isolation().available:
        pytest.skip("this machine cannot isolate runners: the test above covers what the user sees")
    process = run_studio("check", tmp_path, str(GAMES / "benign" / "snake.py"), "--json", "--frames", "30",
                         home=tmp_path / "home")
    assert "namespace isolation" not in process.stderr
    assert one_json_object(process.stdout)["status"] == "ok", process.stderr

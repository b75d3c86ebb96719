"""Third-party-style games run unchanged under `studio check`: at least 61 of the 63 (issue 12, point 6).

The games in tests/games/wild/ were written the way LLMs and hobbyists write pygame games
(see its README). Each is checked the way `studio check` checks it: same runner settings,
a fresh pair of runners per game, seeded random input.
"""

from __future__ import annotations

import ast
import dataclasses
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from sandbox.check import CheckResult, check_source, read_game_file
from sandbox.runner_process import RunnerSettings
from tests.conftest import GAMES

WILD = sorted((GAMES / "wild").glob("*.py"))
CORPUS_SIZE = 63
REQUIRED_OK = 61
FRAMES = 120
CHECKS_AT_ONCE = 2  # each check already runs two runners; more would only queue on two cores


def _ran_unchanged(result: CheckResult) -> bool:
    """ok and actually showed something (a clean early exit is ok too)."""
    return result.status == "ok" and result.frames > 0 and not result.blank


@pytest.fixture
def check_settings(runner_settings: RunnerSettings) -> RunnerSettings:
    """The settings `studio check` uses: the bundled asset pack and the default watchdog."""
    return dataclasses.replace(runner_settings, hang_timeout_s=RunnerSettings().hang_timeout_s)


def test_the_corpus_is_complete_and_each_file_is_a_titled_game() -> None:
    assert len(WILD) == CORPUS_SIZE, [path.name for path in WILD]
    for path in WILD:
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=path.name)
        title = (ast.get_docstring(tree) or "").splitlines()
        assert title and title[0].strip(), f"{path.name}: the docstring's first line must be the title"
        imported = {alias.name.split(".")[0] for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
        assert "pygame" in imported, f"{path.name} never imports pygame"


@pytest.mark.timeout(600)
def test_at_least_61_of_63_wild_games_run_unchanged(check_settings: RunnerSettings, no_leaks: None) -> None:
    def check(path: Path) -> CheckResult:
        return check_source(read_game_file(path), path.name, frames=FRAMES, settings=check_settings)

    with ThreadPoolExecutor(max_workers=CHECKS_AT_ONCE) as pool:
        results = dict(zip((path.name for path in WILD), pool.map(check, WILD), strict=True))
    failures = {name: result for name, result in results.items() if not _ran_unchanged(result)}
    listing = "\n".join(
        f"  {name}: {result.status}: {result.message}" + (" (but only blank frames)" if result.status == "ok" else "")
        for name, result in sorted(failures.items())
    )
    ok = len(results) - len(failures)
    assert ok >= REQUIRED_OK, f"{ok}/{len(results)} wild games ran unchanged (need {REQUIRED_OK}); failures:\n{listing}"

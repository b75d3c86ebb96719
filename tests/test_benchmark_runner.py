"""benchmarks/run.py: one command for every figure; a broken benchmark is a row, and --readme quotes the run."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

BENCHMARKS_DIR = Path(__file__).resolve().parents[1] / "benchmarks"


@pytest.fixture(scope="module")
def run_module() -> ModuleType:
    sys.path.insert(0, str(BENCHMARKS_DIR))  # run.py imports its sibling figures.py
    try:
        spec = importlib.util.spec_from_file_location("benchmark_run", BENCHMARKS_DIR / "run.py")
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module
    finally:
        sys.path.remove(str(BENCHMARKS_DIR))


def test_every_listed_benchmark_exists(run_module: ModuleType) -> None:
    for script in run_module.BENCHMARKS:
        assert (BENCHMARKS_DIR / script).is_file(), script


def test_a_benchmark_that_fails_becomes_a_row_and_the_report_still_renders(
    run_module: ModuleType, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    broken = tmp_path / "broken.py"
    broken.write_text("raise SystemExit(3)\n")
    monkeypatch.setattr(run_module, "BENCHMARKS_DIR", tmp_path)
    figures = run_module.run_benchmark("broken.py", quick=True)
    assert len(figures) == 1 and "FAILED" in figures[0].benchmark and "status 3" in figures[0].note
    report = run_module.markdown_report(figures, quick=True, elapsed_s=1.0)
    assert "broken.py: FAILED" in report and "- machine:" in report


def test_readme_gets_the_targeted_rows_with_date_and_machine(run_module: ModuleType, tmp_path: Path) -> None:
    Figure = run_module.Figure
    figures = [
        Figure("load latency", 12.0, 3.0, "ms", "<= 20 ms", 4.0, True, "spread"),
        Figure("raw copy", 0.03, float("nan"), "ms", "(context)", float("nan")),
    ]
    report = run_module.markdown_report(figures, quick=False, elapsed_s=10.0)
    readme = tmp_path / "README.md"
    readme.write_text(f"# R\n\nbefore\n{run_module.README_START}\nold table\n{run_module.README_END}\nafter\n")
    run_module.update_readme(report, readme)
    text = readme.read_text()
    assert "old table" not in text and "before" in text and "after" in text
    block = text.split(run_module.README_START)[1].split(run_module.README_END)[0]
    assert "- date:" in block and "- machine:" in block
    assert "| load latency | 12 | 3 | 4 | <= 20 ms | yes | ms |" in block
    assert "raw copy" not in block  # context rows stay in benchmarks/results/latest.md


def test_readme_without_markers_is_refused_not_overwritten(run_module: ModuleType, tmp_path: Path) -> None:
    readme = tmp_path / "README.md"
    readme.write_text("# R\n")
    with pytest.raises(SystemExit, match="markers"):
        run_module.update_readme("- date: x\n| benchmark |\n|---|\n", readme)
    assert readme.read_text() == "# R\n"

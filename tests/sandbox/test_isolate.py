"""The runner's bubblewrap view: what it shows, and saying plainly when it is unavailable."""

from __future__ import annotations

import dataclasses
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from sandbox import isolate
from sandbox.check import check_source
from sandbox.protocol import Ready
from sandbox.runner_process import RunnerProcess, RunnerSettings
from tests.conftest import GAMES

needs_namespaces = pytest.mark.skipif(not isolate.find_isolation().available, reason=isolate.find_isolation().reason)


def test_the_view_shows_the_interpreter_packages_and_assets_only(tmp_path) -> None:  # noqa: ANN001
    assets = tmp_path / "pack"
    assets.mkdir()
    view = isolate.plan_view(str(assets))
    inside = {target for _source, target in (*view.binds, *view.packages)}
    assert view.interpreter in inside
    assert str(assets) in inside
    names = {os.path.basename(target) for _source, target in view.packages}
    assert {"sandbox", "pygame", "RestrictedPython"} <= names
    assert all(os.path.dirname(target) == view.site_packages for _source, target in view.packages)
    # Nothing of the user's or the project's beyond the packages: no home, no checkout, no /etc.
    home = os.path.expanduser("~")
    assert not any(target == home or target.startswith(home + "/") for target in inside if home != "/root")
    project = os.path.dirname(os.path.dirname(os.path.abspath(isolate.__file__)))
    assert not any(target in (project, os.path.join(project, "tests")) for target in inside)
    assert {target for target in inside if target.startswith("/etc")} <= {
        "/etc/fonts", "/etc/ld.so.cache"
    }


def test_bwrap_command_gives_every_namespace_and_a_read_only_root() -> None:
    view = isolate.plan_view()
    as_user = isolate.bwrap_command("/usr/bin/bwrap", view, as_root=False)
    for option in ("--unshare-user", "--unshare-pid", "--unshare-net", "--unshare-ipc", "--unshare-uts",
                   "--die-with-parent", "--new-session"):
        assert option in as_user
    assert as_user[-1] == "--" and "--remount-ro" in as_user
    as_root = isolate.bwrap_command("/usr/bin/bwrap", view, as_root=True)
    assert "--unshare-user" not in as_root  # root drops to an unprivileged uid inside instead
    assert as_root[as_root.index("--cap-drop") + 1] == "ALL"


def test_a_missing_bwrap_is_reported_in_one_plain_line() -> None:
    isolation = isolate.find_isolation("no-such-bwrap-here")
    assert not isolation.available
    assert "bubblewrap" in isolation.reason and "\n" not in isolation.reason


def test_without_namespaces_the_runner_says_so_and_keeps_the_other_layers(runner_settings: RunnerSettings) -> None:
    runner = RunnerProcess(dataclasses.replace(runner_settings, namespaces=False))
    try:
        assert runner.wait_ready(), runner.stderr_tail()
        ready = runner.ready
        assert isinstance(ready, Ready)
        assert "namespaces" not in ready.applied.split(",")
        assert ready.warnings.startswith("namespaces: namespace isolation is switched off")
        if sys.platform == "linux":
            assert "seccomp" in ready.applied.split(",")
    finally:
        runner.close()


@needs_namespaces
def test_a_runner_lives_in_its_own_namespaces(runner_settings: RunnerSettings) -> None:
    runner = RunnerProcess(runner_settings)
    try:
        assert runner.wait_ready(), runner.stderr_tail()
        assert runner.ready is not None
        assert "namespaces" in runner.ready.applied.split(",")
        assert runner.ready.pid != runner.pid  # a pid of its own pid namespace
        inner = _inner_runner(runner.pid)
        for kind in ("pid", "net", "ipc", "uts", "mnt"):
            assert os.readlink(f"/proc/{inner}/ns/{kind}") != os.readlink(f"/proc/self/ns/{kind}"), kind
    finally:
        runner.close()


def _inner_runner(bwrap_pid: int) -> int:
    """The runner process under bubblewrap's own processes (the deepest child)."""
    return _process_tree(bwrap_pid)[-1]


@needs_namespaces
def test_runners_die_with_the_host() -> None:
    code = (
        "import sys; from sandbox.runner_process import RunnerProcess, RunnerSettings\n"
        "runner = RunnerProcess(RunnerSettings())\n"
        "assert runner.wait_ready(), runner.stderr_tail()\n"
        "print(runner.pid, flush=True); sys.stdin.read()\n"
    )
    host = subprocess.Popen([sys.executable, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert host.stdout is not None
        bwrap_pid = int(host.stdout.readline())
        tree = _process_tree(bwrap_pid)
        assert len(tree) >= 2  # bubblewrap and the runner under it
        host.kill()  # no goodbye: the studio crashed
        host.wait()
        deadline = time.monotonic() + 15
        while any(_alive(pid) for pid in tree) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not [pid for pid in tree if _alive(pid)], "runner processes outlived their host"
    finally:
        host.kill()


def _process_tree(root: int) -> list[int]:
    found, pending = [], [root]
    while pending:
        pid = pending.pop()
        found.append(pid)
        try:
            with open(f"/proc/{pid}/task/{pid}/children") as children:
                pending.extend(int(child) for child in children.read().split())
        except OSError:
            continue
    return found


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@pytest.mark.parametrize("name", ["snake.py", "numpy_fire.py", "synth_beeps.py"])
def test_games_still_run_without_namespaces(runner_settings: RunnerSettings, name: str) -> None:
    """The fallback keeps working: numpy and sound load after lock-down from the bare interpreter."""
    source = (GAMES / "benign" / name).read_text()
    result = check_source(source, name, frames=60, settings=dataclasses.replace(runner_settings, namespaces=False))
    assert result.status == "ok", result


EARLY_THREAD = Path(__file__).resolve().parent / "fixtures" / "early_thread_runner.py"


def test_a_thread_older_than_lock_down_makes_the_runner_refuse_to_serve(runner_settings: RunnerSettings) -> None:
    from sandbox import landlock

    try:
        abi = landlock.abi_version()
    except landlock.LandlockUnavailable:
        pytest.skip("no Landlock here: no layer is bound to a thread")
    settings = dataclasses.replace(
        runner_settings, runner_argv=("-I", str(EARLY_THREAD), "sandbox.runner-early-thread"),
        extra_view_paths=(str(EARLY_THREAD),),
    )
    runner = RunnerProcess(settings)
    try:
        ready = runner.wait_ready()
        if abi >= 8:  # TSYNC binds the older thread too
            assert ready, runner.stderr_tail()
            return
        assert not ready
        assert runner.stopped is not None and runner.stopped.reason == "crashed"
        assert "refusing to serve: 1 thread(s) started before lock-down" in runner.stopped.detail
    finally:
        runner.close()

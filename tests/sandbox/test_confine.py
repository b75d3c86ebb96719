"""OS-level confinement, exercised in real child processes that try real attacks."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import sysconfig
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from sandbox import confine, landlock, seccomp_filter

REPO_ROOT = Path(__file__).resolve().parents[2]
PROBES = Path(__file__).resolve().parent / "probes"
SECRET = "sk-test-secret"


def _landlock_abi() -> int:
    try:
        return landlock.abi_version()
    except landlock.LandlockUnavailable:
        return 0


def _seccomp_available() -> bool:
    try:
        seccomp_filter.build_filter(os.getpid())  # builds only; nothing is loaded here
    except seccomp_filter.SeccompUnavailable:
        return False
    return True


linux_only = pytest.mark.skipif(sys.platform != "linux", reason="Linux confinement")
needs_every_layer = pytest.mark.skipif(
    sys.platform != "linux" or os.geteuid() != 0 or _landlock_abi() < 6 or not _seccomp_available(),
    reason="needs root (for the uid drop), Landlock ABI >= 6 and libseccomp",
)

ATTACKS = (
    "write_cwd",
    "write_tmp",
    "read_passwd",
    "read_parent_environ",
    "os_system",
    "subprocess_run",
    "fork",
    "socket_inet",
    "socket_unix",
    "socketpair",
    "tcp_connect",
    "tcp_connect_early_socket",
    "abstract_unix_connect_early_socket",
    "kill_parent",
    "memfd_ftruncate",
    "route_signals_to_parent",
    "ioctl_owner_to_parent",
    "memory_bomb",
    "regain_root",
)
GAME_WORK = (
    "draw_on_surface",
    "display_flip",
    "start_thread",
    "sleep",
    "allocate_100mb",
    "write_shared_memory",
    "signal_self",
)
# What each layer must refuse on its own, with everything else out of the way (and still root).
LANDLOCK_ALONE_REFUSES = (
    "write_cwd",
    "write_tmp",
    "read_passwd",
    "read_parent_environ",
    "os_system",
    "subprocess_run",
    "tcp_connect",
    "tcp_connect_early_socket",
    "abstract_unix_connect_early_socket",
    "kill_parent",
)
SECCOMP_ALONE_REFUSES = (
    "os_system",
    "subprocess_run",
    "fork",
    "socket_inet",
    "socket_unix",
    "socketpair",
    "tcp_connect",
    "kill_parent",
    "memfd_ftruncate",
    "route_signals_to_parent",
    "ioctl_owner_to_parent",
)
EVERY_LAYER = ("rlimits", "uid-drop", "pdeathsig", "no-new-privs", "seccomp")


@dataclass(frozen=True)
class HostSide:
    """What the host holds while a probe runs: shared memory and two listeners to attack."""

    memfd: int
    tcp_port: int
    unix_name: str
    workdir: Path


@dataclass(frozen=True)
class ProbeRun:
    returncode: int
    report: dict[str, object] | None
    facts: dict[str, object]
    probes: dict[str, dict[str, str]]
    stderr: str


@pytest.fixture(scope="module")
def host_side(tmp_path_factory: pytest.TempPathFactory) -> Iterator[HostSide]:
    memfd = os.memfd_create("frames", 0)
    os.ftruncate(memfd, 4096)
    tcp = socket.create_server(("127.0.0.1", 0))
    unix_name = f"minigame-confine-test-{os.getpid()}"
    unix = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    unix.bind("\0" + unix_name)
    unix.listen()
    workdir = tmp_path_factory.mktemp("runner-cwd")
    # World-writable, so only Landlock (not file permissions) stands in the way once unprivileged.
    workdir.chmod(0o777)
    try:
        yield HostSide(memfd, tcp.getsockname()[1], unix_name, workdir)
    finally:
        tcp.close()
        unix.close()
        os.close(memfd)


def run_probe(host: HostSide, mode: str, *, orphan: bool = False) -> ProbeRun:
    env = {
        "PATH": "/usr/bin:/bin",
        "PYTHONPATH": str(REPO_ROOT),
        "SDL_VIDEODRIVER": "dummy",
        "SDL_AUDIODRIVER": "dummy",
        "SDL_NO_SIGNAL_HANDLERS": "1",
        "PYGAME_HIDE_SUPPORT_PROMPT": "1",
        # `import pygame` brings numpy in; like the real runner's, no OpenBLAS thread pool.
        "OPENBLAS_NUM_THREADS": "1",
        "OPENAI_API_KEY": SECRET,  # the host stub's secret; it strips it for the runner
        "STUB_PASS_FDS": str(host.memfd),
    }
    probe = [sys.executable, str(PROBES / "runner_probe.py"), mode, str(host.memfd)]
    probe += [str(host.tcp_port), host.unix_name]
    stub = [sys.executable, str(PROBES / "host_stub.py"), "orphan" if orphan else "wait"]
    completed = subprocess.run(
        stub + probe,
        env=env,
        cwd=host.workdir,
        pass_fds=(host.memfd,),
        capture_output=True,
        text=True,
        # Generous: a probe takes well under a second; this only catches a runner that hangs.
        timeout=30,
    )
    report = None
    facts: dict[str, object] = {}
    probes: dict[str, dict[str, str]] = {}
    for line in completed.stdout.splitlines():
        record = json.loads(line)
        if "report" in record:
            report = record["report"]
        elif "fact" in record:
            facts[record["fact"]] = record["value"]
        else:
            probes[record["probe"]] = record
    return ProbeRun(completed.returncode, report, facts, probes, completed.stderr)


@pytest.fixture(scope="module")
def fully_confined(host_side: HostSide) -> ProbeRun:
    return run_probe(host_side, "full")


@needs_every_layer
@pytest.mark.parametrize("attack", ATTACKS)
def test_lock_down_refuses_attack(fully_confined: ProbeRun, attack: str) -> None:
    assert fully_confined.returncode == 0, fully_confined.stderr
    assert fully_confined.probes[attack]["outcome"] == "blocked", fully_confined.probes[attack]


@needs_every_layer
@pytest.mark.parametrize("work", GAME_WORK)
def test_game_work_still_succeeds_after_lock_down(fully_confined: ProbeRun, work: str) -> None:
    assert fully_confined.returncode == 0, fully_confined.stderr
    assert fully_confined.probes[work]["outcome"] == "allowed", fully_confined.probes[work]


@needs_every_layer
def test_secret_sits_only_in_the_parent(fully_confined: ProbeRun) -> None:
    # The environ attack is only meaningful if the secret was there to steal before lock_down.
    assert fully_confined.facts["own_environment_has_secret"] is False
    assert fully_confined.facts["parent_environ_readable_before"] == "contains the secret"
    assert "secret" not in fully_confined.probes["read_parent_environ"]["detail"]


@needs_every_layer
def test_shared_memory_written_after_lock_down_reaches_the_host(
    fully_confined: ProbeRun, host_side: HostSide
) -> None:
    assert fully_confined.returncode == 0, fully_confined.stderr
    assert os.pread(host_side.memfd, 5, 0) == b"frame"
    assert os.fstat(host_side.memfd).st_size == 4096


@needs_every_layer
def test_report_lists_every_layer_and_its_cost(fully_confined: ProbeRun) -> None:
    report = fully_confined.report
    assert report is not None
    applied = report["applied"]
    assert isinstance(applied, list)
    assert set(EVERY_LAYER) <= set(applied)
    assert any(layer.startswith("landlock-abi") for layer in applied)
    assert isinstance(report["elapsed_ms"], float) and report["elapsed_ms"] > 0
    # The probe starts a thread before lock_down; below Landlock ABI 8 the report must say so.
    warnings = report["warnings"]
    assert isinstance(warnings, list)
    if _landlock_abi() < 8:
        assert len(warnings) == 1 and warnings[0].startswith("landlock: 1 thread(s)")
        assert report["unconfined_threads"] == 1  # the runner refuses to serve on this
    else:
        assert warnings == []
        assert report["unconfined_threads"] == 0


@needs_every_layer
def test_nothing_escaped_into_the_working_directory(fully_confined: ProbeRun, host_side: HostSide) -> None:
    assert fully_confined.returncode == 0
    assert list(host_side.workdir.iterdir()) == []


@needs_every_layer
@pytest.mark.parametrize(
    ("mode", "refused"),
    [("landlock-only", LANDLOCK_ALONE_REFUSES), ("seccomp-only", SECCOMP_ALONE_REFUSES)],
)
def test_each_layer_refuses_on_its_own(host_side: HostSide, mode: str, refused: tuple[str, ...]) -> None:
    run = run_probe(host_side, mode)
    assert run.returncode == 0, run.stderr
    outcomes = {name: run.probes[name]["outcome"] for name in refused}
    assert outcomes == {name: "blocked" for name in refused}
    assert all(run.probes[name]["outcome"] == "allowed" for name in GAME_WORK)


@needs_every_layer
def test_missing_readable_paths_leave_nothing_readable(host_side: HostSide) -> None:
    run = run_probe(host_side, "missing-paths")
    assert run.returncode == 0, run.stderr
    assert run.report is not None
    assert any(str(layer).startswith("landlock-abi") for layer in run.report["applied"])  # type: ignore[union-attr]
    assert run.probes["read_passwd"]["outcome"] == "blocked"
    assert run.probes["draw_on_surface"]["outcome"] == "allowed"


@needs_every_layer
def test_runner_exits_when_its_parent_is_already_gone(host_side: HostSide) -> None:
    run = run_probe(host_side, "wrong-parent")
    assert run.returncode == confine.PARENT_GONE_EXIT_CODE
    assert "survived_wrong_parent" not in run.facts


@needs_every_layer
def test_runner_dies_with_its_parent(host_side: HostSide) -> None:
    # The stub exits as soon as the runner is confined. The runner holds our stderr pipe, so
    # run_probe returns (instead of timing out) only once the parent-death signal killed it.
    run = run_probe(host_side, "orphan", orphan=True)
    assert isinstance(run.facts.get("locked"), int)


@linux_only
def test_make_host_undumpable_clears_the_dumpable_flag() -> None:
    script = (
        "from sandbox import confine\n"
        "before = confine.is_dumpable()\n"
        "warning = confine.make_host_undumpable()\n"
        "print(before, warning, confine.is_dumpable())\n"
    )
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(REPO_ROOT)}
    completed = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True
    )
    assert completed.stdout.split() == ["True", "None", "False"]


def test_default_readable_paths_cover_libraries_fonts_and_extras() -> None:
    paths = confine.default_readable_paths(["/srv/assets"])
    install_paths = sysconfig.get_paths()
    for key in ("stdlib", "platstdlib", "purelib", "platlib"):
        assert install_paths[key] in paths
    assert confine.FONT_DIR in paths
    assert paths[-1] == "/srv/assets"
    assert sys.prefix not in paths  # it holds bin/ and everything else in the environment
    assert len(paths) == len(set(paths))

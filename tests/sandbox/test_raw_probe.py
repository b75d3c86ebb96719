"""The OS layers on their own: plain Python in the isolated runner, as root and as a plain user.

`python -m sandbox.raw_probe` runs tests/sandbox/probes/raw_attacks.py with no Python
sandbox at all. Whatever it tries, from the main thread, another thread, a C callback or
SDL's audio thread, this test checks on the host side that nothing got out: no secret
read, no file written, no connection made, no signal delivered, no process left behind.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from sandbox import isolate

PROBES = Path(__file__).resolve().parent / "probes"
SECRET = "minigame-secret-" + uuid.uuid4().hex
PROBE_TIMEOUT_S = 120

needs_namespaces = pytest.mark.skipif(
    not isolate.find_isolation().available, reason=isolate.find_isolation().reason or "no bubblewrap"
)
needs_root = pytest.mark.skipif(os.geteuid() != 0, reason="needs root to run the probe as root and as another user")


@dataclass
class Listeners:
    """TCP, UDP, Unix and abstract Unix listeners on this machine; whatever arrives is a breach."""

    tcp: socket.socket
    udp: socket.socket
    unix: socket.socket
    abstract: socket.socket
    abstract_name: str
    received: list[bytes] = field(default_factory=list)
    stop: threading.Event = field(default_factory=threading.Event)

    def watch(self) -> None:
        for listener in (self.tcp, self.udp, self.unix, self.abstract):
            listener.settimeout(0.1)
            threading.Thread(target=self._serve, args=(listener,), daemon=True).start()

    def _serve(self, listener: socket.socket) -> None:
        while not self.stop.is_set():
            try:
                if listener.type == socket.SOCK_DGRAM:
                    self.received.append(listener.recv(1024))
                    continue
                connection, _ = listener.accept()
            except OSError:
                continue
            self.received.append(b"connected " + connection.recv(1024))
            connection.close()


@dataclass
class World:
    """What the attacks aim at: the test's own files, folders, listeners and a bystander."""

    root: Path
    home: Path
    writable: Path
    secrets: list[Path]
    listeners: Listeners
    uid: int

    def targets(self, bystander_pid: int) -> dict[str, object]:
        return {
            "secrets": [str(path) for path in self.secrets],
            "writable_dir": str(self.writable),
            "home": str(self.home),
            "tcp_port": self.listeners.tcp.getsockname()[1],
            "udp_port": self.listeners.udp.getsockname()[1],
            "unix_path": self.listeners.unix.getsockname(),
            "abstract_name": self.listeners.abstract_name,
            "bystander_pid": bystander_pid,
        }

    def files(self) -> set[Path]:
        return {path for path in self.root.rglob("*")}


def _make_world(uid: int) -> Iterator[World]:
    root = Path(tempfile.mkdtemp(prefix="minigame-raw-probe-"))
    os.chmod(root, 0o755)
    home = root / "home"
    writable = root / "shared"
    (home / ".config").mkdir(parents=True)
    writable.mkdir()
    os.chmod(writable, 0o777)  # world-writable, like /tmp
    secrets = [home / ".config" / "secret.txt", root / "world-readable.txt"]
    for secret in secrets:
        secret.write_text(SECRET)
        secret.chmod(0o644)
    (home / ".bashrc").write_text("# the user's own\n")
    (root / "attacks.py").touch()  # the probe's source, written once the bystander's pid is known
    for path in [home, *home.rglob("*")]:
        os.chown(path, uid, uid) if os.geteuid() == 0 else None
    unix = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    unix.bind(str(writable / "listener.sock"))
    os.chmod(writable / "listener.sock", 0o777)
    unix.listen()
    abstract_name = "minigame-raw-probe-" + uuid.uuid4().hex
    abstract = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    abstract.bind("\0" + abstract_name)
    abstract.listen()
    tcp = socket.socket()
    tcp.bind(("127.0.0.1", 0))
    tcp.listen()
    udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    udp.bind(("127.0.0.1", 0))
    listeners = Listeners(tcp, udp, unix, abstract, abstract_name)
    listeners.watch()
    try:
        yield World(root, home, writable, secrets, listeners, uid)
    finally:
        listeners.stop.set()
        for listener in (tcp, udp, unix, abstract):
            listener.close()
        shutil.rmtree(root, ignore_errors=True)


def _as_user(uid: int) -> list[str]:
    """A command prefix that runs as `uid`, with this interpreter reachable even under /root."""
    if os.geteuid() != 0:
        return []
    prefix: list[str] = []
    base = os.path.realpath(sys.base_prefix)
    if not _reachable_by_others(base):
        # e.g. pyenv under /root (0700): show the user this interpreter, and nothing else new.
        parts = Path(base).parts  # ("/", "root", ".pyenv", ...)
        prefix = [shutil.which("bwrap") or "bwrap", "--dev-bind", "/", "/", "--perms", "0755",
                  "--tmpfs", os.path.join(*parts[:2])]
        for depth in range(3, len(parts)):
            prefix += ["--perms", "0755", "--dir", os.path.join(*parts[:depth])]
        prefix += ["--ro-bind", base, base, "--"]
    return [*prefix, "setpriv", f"--reuid={uid}", f"--regid={uid}", "--clear-groups", "--"]


def _reachable_by_others(path: str) -> bool:
    parts = Path(path).parts
    for depth in range(1, len(parts) + 1):
        if not os.stat(os.path.join(*parts[:depth])).st_mode & 0o001:
            return False
    return True


def _orphans() -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if (entry / "comm").read_text().strip() == "minigame-orphan":
                    found.append(int(entry.name))
            except OSError:
                continue
    return found


def _run_probe(world: World, prefix: list[str]) -> tuple[dict[str, str], subprocess.Popen[bytes]]:
    bystander = subprocess.Popen([*prefix, "sleep", "300"])
    try:
        source = (PROBES / "raw_attacks.py").read_text()
        source = source.replace("TARGETS = {}", f"TARGETS = {world.targets(bystander.pid)!r}", 1)
        probe = world.root / "attacks.py"
        probe.write_text(source)
        probe.chmod(0o644)
        env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": str(world.home),
            "SDL_VIDEODRIVER": "dummy",
            "SDL_AUDIODRIVER": "dummy",
            "PYGAME_HIDE_SUPPORT_PROMPT": "1",
        }
        completed = subprocess.run(
            [*prefix, sys.executable, "-m", "sandbox.raw_probe", str(probe), "--json", "--timeout", "90"],
            capture_output=True, timeout=PROBE_TIMEOUT_S, env=env, cwd=world.root, check=False,
        )
        assert completed.stdout, completed.stderr.decode(errors="replace")[-3000:]
        return json.loads(completed.stdout), bystander
    except BaseException:
        bystander.kill()
        raise


def _assert_contained(world: World, result: dict[str, str], bystander: subprocess.Popen[bytes], before: set[Path],
                      shm_before: set[str]) -> None:
    output = result["output"]
    try:
        assert result["status"] == "ok", result
        for section in ("main thread", "second thread", "C callback", "audio thread", "PROBE DONE"):
            assert section in output, f"{section!r} missing: {output[-2000:]}"
        assert "never ran" not in output and "no SDL_mixer" not in output, output
        assert "BREACH" not in output, [line for line in output.splitlines() if "BREACH" in line]
        assert SECRET not in output
        assert output.count("stopped:") >= 4 * 25, output[-2000:]
        assert world.listeners.received == []
        assert bystander.poll() is None, "the bystander of the same user was killed"
        assert world.files() == before, world.files() ^ before
        assert (world.home / ".bashrc").read_text() == "# the user's own\n"
        assert _orphans() == []
        assert set(os.listdir("/dev/shm")) == shm_before
        layers = result["layers"].split(",")
        assert "namespaces" in layers and "seccomp" in layers and "no-new-privs" in layers, result
    finally:
        bystander.kill()
        bystander.wait()


@pytest.fixture
def shm_before() -> set[str]:
    return set(os.listdir("/dev/shm"))


@needs_namespaces
@needs_root
def test_plain_python_as_root_reaches_nothing(shm_before: set[str]) -> None:
    for world in _make_world(0):
        before = world.files()
        result, bystander = _run_probe(world, [])
        _assert_contained(world, result, bystander, before, shm_before)
        assert "uid-drop" in result["layers"].split(",")


@needs_namespaces
def test_plain_python_as_an_ordinary_user_reaches_nothing(shm_before: set[str]) -> None:
    uid = 61000 + os.getpid() % 1000 if os.geteuid() == 0 else os.geteuid()
    for world in _make_world(uid):
        before = world.files()
        result, bystander = _run_probe(world, _as_user(uid))
        _assert_contained(world, result, bystander, before, shm_before)
        assert "user namespace" not in result["warnings"], result


def test_raw_probe_reports_a_missing_file_plainly(tmp_path: Path) -> None:
    completed = subprocess.run(
        [sys.executable, "-m", "sandbox.raw_probe", str(tmp_path / "missing.py"), "--json"],
        capture_output=True, text=True, timeout=60, check=False,
    )
    assert completed.returncode == 2
    assert "cannot read" in completed.stderr and "missing.py" in completed.stderr

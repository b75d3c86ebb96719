"""Play a game runner: warm up, confine, then try each attack and print one JSON line per probe.

Usage: runner_probe.py MODE MEMFD TCP_PORT ABSTRACT_UNIX_NAME
MODE is one of:
  full            lock_down() with default_readable_paths(), then every probe
  landlock-only   only the Landlock layer (still root, no seccomp), then every probe
  seccomp-only    only the seccomp filter (still root, no Landlock), then every probe
  missing-paths   lock_down() with paths that do not exist, then every probe
  wrong-parent    lock_down() naming a parent that is not ours; must exit before probing
  orphan          lock_down(), say so, then sleep until the parent-death signal arrives
Output lines: {"report": ...}, {"fact": name, "value": ...}, {"probe": name, "outcome": ...}.
"""

from __future__ import annotations

# Everything used after confinement is imported first: the dropped uid cannot read the stdlib.
import encodings.idna  # noqa: F401 - socket.create_connection looks it up lazily
import fcntl
import json
import mmap
import os
import socket
import struct
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import asdict

import pygame

from sandbox import confine, landlock, seccomp_filter

SECRET = "sk-test-secret"
FOUR_GIB = 4 * 1024**3


def emit(**record: object) -> None:
    print(json.dumps(record), flush=True)


def attempt(name: str, action: Callable[[], object]) -> None:
    """Record 'allowed' if action returns, 'blocked' if the OS refused it, else 'error'."""
    try:
        detail = action()
    except (OSError, MemoryError) as error:
        emit(probe=name, outcome="blocked", detail=repr(error))
    except Exception as error:  # a probe that broke proves nothing either way
        emit(probe=name, outcome="error", detail=repr(error))
    else:
        emit(probe=name, outcome="allowed", detail=repr(detail))


def create_file(path: str) -> str:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    os.close(fd)
    os.unlink(path)  # do not leave litter behind in the modes where this works
    return path


def read_file(path: str) -> str:
    with open(path, "rb") as file:
        data = file.read()
    return "contains the secret" if SECRET.encode() in data else f"{len(data)} bytes"


def shell_exit_status() -> int:
    status = os.system("exit 0")
    if status != 0:
        raise OSError(f"os.system returned {status}")
    return status


def route_signals(pid: int) -> int:
    """F_SETOWN then F_SETSIG: the kernel would signal `pid` on I/O (refused by seccomp)."""
    read_end, _write_end = os.pipe()
    fcntl.fcntl(read_end, fcntl.F_SETOWN, pid)
    return fcntl.fcntl(read_end, 10, 0)  # F_SETSIG


def fork_and_reap() -> int:
    child = os.fork()
    if child == 0:
        os._exit(0)
    os.waitpid(child, 0)
    return child


def start_thread() -> str:
    results: list[int] = []
    worker = threading.Thread(target=results.append, args=(1,))
    worker.start()
    worker.join()
    if results != [1]:
        raise OSError("thread did not run")
    return "joined"


def draw() -> tuple[int, ...]:
    surface = pygame.Surface((64, 64))
    surface.fill((0, 0, 0))
    pygame.draw.circle(surface, (255, 0, 0), (32, 32), 10)
    color = tuple(surface.get_at((32, 32)))
    if color[:3] != (255, 0, 0):
        raise OSError(f"drew {color}")
    return color


def confine_for(mode: str, parent_pid: int) -> None:
    if mode in ("full", "orphan"):
        policy = confine.ConfinementPolicy(confine.default_readable_paths(), parent_pid=parent_pid)
    elif mode == "missing-paths":
        policy = confine.ConfinementPolicy(("/nonexistent/code", "/nonexistent/assets"), parent_pid=parent_pid)
    elif mode == "wrong-parent":
        policy = confine.ConfinementPolicy(confine.default_readable_paths(), parent_pid=os.getpid())
    elif mode == "landlock-only":
        landlock.enforce(landlock.build_read_only_ruleset(confine.default_readable_paths()))
        return
    elif mode == "seccomp-only":
        seccomp_filter.load(seccomp_filter.build_filter(os.getpid()))
        return
    else:
        raise SystemExit(f"unknown mode {mode}")
    emit(report=asdict(confine.lock_down(policy)))


def main(mode: str, memfd: int, tcp_port: int, unix_name: str) -> None:
    parent_pid = os.getppid()
    pygame.display.init()
    screen = pygame.display.set_mode((64, 64))
    frames = mmap.mmap(memfd, os.fstat(memfd).st_size)
    # Sockets made before confinement, to show Landlock alone refuses where they may connect.
    early_tcp = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    early_unix = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    # A warm-up thread, like SDL's or the runner's own, alive while lock_down runs.
    warm_up_thread = threading.Thread(target=time.sleep, args=(5,), daemon=True)
    warm_up_thread.start()

    emit(fact="own_environment_has_secret", value=SECRET in str(os.environ))
    emit(fact="parent_environ_readable_before", value=read_file(f"/proc/{parent_pid}/environ"))

    confine_for(mode, parent_pid)
    if mode == "wrong-parent":
        emit(fact="survived_wrong_parent", value=True)
        return
    if mode == "orphan":
        emit(fact="locked", value=os.getpid())
        time.sleep(60)
        return

    # Attacks: each must be refused.
    attempt("write_cwd", lambda: create_file(os.path.abspath(f"escape-{os.getpid()}.txt")))
    attempt("write_tmp", lambda: create_file(f"/tmp/escape-{os.getpid()}.txt"))
    attempt("read_passwd", lambda: read_file("/etc/passwd"))
    attempt("read_parent_environ", lambda: read_file(f"/proc/{parent_pid}/environ"))
    attempt("os_system", shell_exit_status)
    attempt("subprocess_run", lambda: subprocess.run(["/bin/true"], check=True).returncode)
    attempt("fork", fork_and_reap)
    attempt("socket_inet", lambda: socket.socket(socket.AF_INET, socket.SOCK_STREAM).close())
    attempt("socket_unix", lambda: socket.socket(socket.AF_UNIX, socket.SOCK_STREAM).close())
    attempt("socketpair", lambda: [end.close() for end in socket.socketpair()])
    attempt("tcp_connect", lambda: socket.create_connection(("127.0.0.1", tcp_port), timeout=5).close())
    attempt("tcp_connect_early_socket", lambda: early_tcp.connect(("127.0.0.1", tcp_port)))
    attempt("abstract_unix_connect_early_socket", lambda: early_unix.connect("\0" + unix_name))
    attempt("kill_parent", lambda: os.kill(parent_pid, 0))
    attempt("memfd_ftruncate", lambda: os.ftruncate(memfd, 2 * os.fstat(memfd).st_size))
    # Signal 0 stands in for SIGKILL: had the owner been set, a write would signal the parent.
    attempt("route_signals_to_parent", lambda: route_signals(parent_pid))
    attempt("ioctl_owner_to_parent", lambda: fcntl.ioctl(os.pipe()[0], 0x8901, struct.pack("i", parent_pid)))
    if mode == "full":
        attempt("memory_bomb", lambda: len(bytearray(FOUR_GIB)))
        attempt("regain_root", lambda: os.setresuid(0, 0, 0))

    # Ordinary game work: each must still succeed.
    attempt("draw_on_surface", draw)
    attempt("display_flip", lambda: (screen.fill((0, 0, 80)), pygame.display.flip()))
    attempt("start_thread", start_thread)
    attempt("sleep", lambda: time.sleep(0.001))
    attempt("allocate_100mb", lambda: len(bytearray(100 * 1024**2)))
    attempt("write_shared_memory", lambda: frames.__setitem__(slice(0, 5), b"frame"))
    attempt("signal_self", lambda: os.kill(os.getpid(), 0))


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4])

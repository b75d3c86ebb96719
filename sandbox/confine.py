"""Confine the warmed-up runner process at the OS level, one independent layer after another."""

from __future__ import annotations

import ctypes
import errno
import os
import signal
import sys
import sysconfig
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from sandbox import landlock, seccomp_filter

try:
    import resource
except ImportError:  # Windows
    resource = None  # type: ignore[assignment]

FONT_DIR = "/usr/share/fonts"

# lock_down() exits with this status when the host died before the parent-death signal was armed.
PARENT_GONE_EXIT_CODE = 70

_PR_SET_PDEATHSIG = 1
_PR_GET_DUMPABLE = 3
_PR_SET_DUMPABLE = 4
_PR_SET_NO_NEW_PRIVS = 38


@dataclass(frozen=True)
class ConfinementPolicy:
    """What the confined runner may still do."""

    readable_paths: tuple[str, ...]  # read-only access (dirs or files); nothing else readable
    memory_limit_bytes: int = 2 * 1024**3  # RLIMIT_AS
    parent_pid: int | None = None  # the host; lock_down exits if it is already gone
    drop_to_uid: int = 65534  # used only when running as root
    drop_to_gid: int = 65534
    # RLIMIT_NPROC after the uid drop. Linux counts threads as well as processes, and every task
    # of drop_to_uid system-wide, so 0 would stop SDL and the game from starting threads.
    thread_limit: int = 64


@dataclass(frozen=True)
class ConfinementReport:
    """Which layers lock_down applied, which it could not (one line each, saying why), and cost."""

    applied: tuple[str, ...]
    warnings: tuple[str, ...]
    elapsed_ms: float
    # Threads that predate lock-down and escaped a per-thread layer (Landlock without TSYNC):
    # the runner refuses to serve while any exist.
    unconfined_threads: int = 0


def default_readable_paths(extra: Iterable[str] = ()) -> tuple[str, ...]:
    """The interpreter's library dirs (not sys.prefix, which holds bin/), system fonts, and extra."""
    install_paths = sysconfig.get_paths()
    library_dirs = [install_paths[key] for key in ("stdlib", "platstdlib", "purelib", "platlib")]
    return tuple(dict.fromkeys([*library_dirs, FONT_DIR, *extra]))


def lock_down(policy: ConfinementPolicy) -> ConfinementReport:
    """Apply every confinement layer this platform offers; irreversible, and never raises.

    Call it after warm-up: afterwards nothing outside policy.readable_paths can be opened, and
    with a uid drop even those may be unreachable, so import everything first.
    """
    started = time.perf_counter()
    applied: list[str] = []
    warnings: list[str] = []

    def record(layer: str, warning: str | None) -> None:
        if warning is None:
            applied.append(layer)
        else:
            warnings.append(warning)

    threads_before = _count_threads()
    unconfined_threads = 0
    record("rlimits", _guarded("rlimits", lambda: _apply_rlimits(policy.memory_limit_bytes)))

    # Prepare Landlock and seccomp while still privileged: opening the readable paths and
    # building the filter may need access the dropped uid lacks. Neither restricts anything yet.
    ruleset: landlock.Ruleset | None = None
    landlock_warning: str | None = None
    try:
        ruleset = landlock.build_read_only_ruleset(policy.readable_paths)
    except landlock.LandlockUnavailable as error:
        landlock_warning = str(error)
    syscall_filter = None
    seccomp_warning: str | None = None
    try:
        syscall_filter = seccomp_filter.build_filter(os.getpid())
    except seccomp_filter.SeccompUnavailable as error:
        seccomp_warning = str(error)

    record("uid-drop", _guarded("uid-drop", lambda: _drop_privileges(policy)))
    # Credential changes clear the parent-death signal, so arm it after the drop.
    record("pdeathsig", _guarded("pdeathsig", lambda: _arm_parent_death_signal(policy.parent_pid)))
    record("no-new-privs", _guarded("no-new-privs", _set_no_new_privs))

    if ruleset is not None:
        try:
            all_threads = landlock.enforce(ruleset)
        except landlock.LandlockUnavailable as error:
            landlock_warning = str(error)
        else:
            applied.append(f"landlock-abi{ruleset.abi}")
            if not all_threads and threads_before > 1:
                unconfined_threads = threads_before - 1
                landlock_warning = (
                    f"landlock: {unconfined_threads} thread(s) started before lock_down keep "
                    f"their file access (ABI {ruleset.abi} < 8 has no TSYNC)"
                )
    if landlock_warning is not None:
        warnings.append(landlock_warning)

    if syscall_filter is not None:
        try:
            seccomp_filter.load(syscall_filter)
        except seccomp_filter.SeccompUnavailable as error:
            seccomp_warning = str(error)
        else:
            applied.append("seccomp")
    if seccomp_warning is not None:
        warnings.append(seccomp_warning)

    elapsed_ms = (time.perf_counter() - started) * 1000
    return ConfinementReport(tuple(applied), tuple(warnings), elapsed_ms, unconfined_threads)


def make_host_undumpable() -> str | None:
    """Stop same-uid processes (a runner) from ptracing the host or reading /proc/<host>/environ.

    Returns a warning where this is unavailable, else None.
    """
    if sys.platform != "linux":
        return f"undumpable: not Linux ({sys.platform})"
    try:
        _prctl(_PR_SET_DUMPABLE, 0)
    except OSError as error:
        return f"undumpable: prctl(PR_SET_DUMPABLE) failed ({error.strerror})"
    return None


def is_dumpable() -> bool:
    """Whether this process is dumpable (readable and ptraceable by its own uid)."""
    return _prctl(_PR_GET_DUMPABLE) != 0


def _guarded(layer: str, apply_layer: Callable[[], str | None]) -> str | None:
    """Run one layer; an unexpected error becomes its warning, because lock_down never raises."""
    try:
        return apply_layer()
    except Exception as error:  # the contract is "degrade, never raise"
        return f"{layer}: unexpected {type(error).__name__}: {error}"


def _count_threads() -> int:
    try:
        return len(os.listdir("/proc/self/task"))
    except OSError:
        return 1


def _apply_rlimits(memory_limit_bytes: int) -> str | None:
    if resource is None:
        return "rlimits: no resource module on this platform"
    limits = {
        # Memory bombs fail with MemoryError instead of eating the machine.
        "RLIMIT_AS": memory_limit_bytes,
        # Regular files cannot grow (pipes and the mapped frame memfd are unaffected).
        "RLIMIT_FSIZE": 0,
        "RLIMIT_CORE": 0,
    }
    failures: list[str] = []
    for name, value in limits.items():
        which = getattr(resource, name, None)
        if which is None:
            failures.append(f"{name} unknown")
            continue
        try:
            # Lower the hard limit too, so the game cannot raise it back.
            resource.setrlimit(which, (value, value))
        except (OSError, ValueError) as error:
            failures.append(f"{name} ({error})")
    return f"rlimits: could not set {', '.join(failures)}" if failures else None


def _drop_privileges(policy: ConfinementPolicy) -> str | None:
    if not hasattr(os, "setresuid"):
        return f"uid-drop: unsupported on {sys.platform}"
    if os.geteuid() != 0:
        # RLIMIT_NPROC stays as it is: it would count every task this user owns, desktop included.
        return f"uid-drop: not root, staying uid {os.geteuid()}; RLIMIT_NPROC not set"
    uid, gid = policy.drop_to_uid, policy.drop_to_gid
    try:
        os.setgroups([])
        os.setresgid(gid, gid, gid)
        os.setresuid(uid, uid, uid)
    except OSError as error:
        return f"uid-drop: failed ({error.strerror}); now uid {os.geteuid()} gid {os.getegid()}"
    if os.getresuid() != (uid, uid, uid) or os.getresgid() != (gid, gid, gid):
        return f"uid-drop: ids are {os.getresuid()} / {os.getresgid()} after the drop"
    if resource is not None:
        try:
            # Only now: root ignores RLIMIT_NPROC.
            resource.setrlimit(resource.RLIMIT_NPROC, (policy.thread_limit, policy.thread_limit))
        except (OSError, ValueError) as error:
            return f"uid-drop: dropped to {uid}, but RLIMIT_NPROC failed ({error})"
    return None


def _arm_parent_death_signal(parent_pid: int | None) -> str | None:
    if sys.platform != "linux":
        return f"pdeathsig: not Linux ({sys.platform})"
    try:
        _prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    except OSError as error:
        return f"pdeathsig: prctl failed ({error.strerror})"
    # The host may have died before the signal was armed; then we were reparented.
    if parent_pid is not None and os.getppid() != parent_pid:
        os._exit(PARENT_GONE_EXIT_CODE)
    return None


def _set_no_new_privs() -> str | None:
    if sys.platform != "linux":
        return f"no-new-privs: not Linux ({sys.platform})"
    try:
        _prctl(_PR_SET_NO_NEW_PRIVS, 1)
    except OSError as error:
        return f"no-new-privs: prctl failed ({error.strerror})"
    return None


def _prctl(option: int, arg2: int = 0) -> int:
    """Call prctl(2) through libc; raise OSError on failure (ENOSYS where libc has no prctl)."""
    libc = ctypes.CDLL(None, use_errno=True)
    prctl = getattr(libc, "prctl", None)
    if prctl is None:
        raise OSError(errno.ENOSYS, "prctl not available")
    prctl.restype = ctypes.c_int
    prctl.argtypes = [ctypes.c_int, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_ulong]
    result = int(prctl(option, arg2, 0, 0, 0))
    if result < 0:
        error_number = ctypes.get_errno()
        raise OSError(error_number, os.strerror(error_number))
    return result

"""Landlock via raw syscalls: read-only access beneath given paths, no TCP, no outside signals."""

from __future__ import annotations

import ctypes
import os
import platform
import stat
import sys
from collections.abc import Iterable
from dataclasses import dataclass

# The generic syscall table gives Landlock the same numbers on both architectures we support.
_SYSCALL_NUMBERS: dict[str, tuple[int, int, int]] = {
    "x86_64": (444, 445, 446),
    "aarch64": (444, 445, 446),
}

_CREATE_RULESET_VERSION = 1 << 0
_RULE_PATH_BENEATH = 1
_RESTRICT_SELF_TSYNC = 1 << 3  # ABI 8: apply the domain to every thread, not just the caller

# Filesystem access rights (enum landlock_access_fs), by the ABI that introduced them.
_FS_READ_FILE = 1 << 2
_FS_READ_DIR = 1 << 3
_FS_ABI1_ALL = (1 << 13) - 1  # EXECUTE .. MAKE_SYM
_FS_REFER = 1 << 13  # ABI 2
_FS_TRUNCATE = 1 << 14  # ABI 3
_FS_IOCTL_DEV = 1 << 15  # ABI 5

_NET_BIND_TCP = 1 << 0  # ABI 4
_NET_CONNECT_TCP = 1 << 1  # ABI 4

_SCOPE_ABSTRACT_UNIX_SOCKET = 1 << 0  # ABI 6
_SCOPE_SIGNAL = 1 << 1  # ABI 6


class LandlockUnavailable(Exception):
    """Landlock cannot be used here; the message says why, in one line."""


class _RulesetAttr(ctypes.Structure):
    _fields_ = [
        ("handled_access_fs", ctypes.c_uint64),
        ("handled_access_net", ctypes.c_uint64),
        ("scoped", ctypes.c_uint64),
    ]


class _PathBeneathAttr(ctypes.Structure):
    _pack_ = 1  # the kernel struct is packed: 12 bytes, no trailing padding
    _fields_ = [
        ("allowed_access", ctypes.c_uint64),
        ("parent_fd", ctypes.c_int32),
    ]


@dataclass(frozen=True)
class Ruleset:
    """A built but not yet enforced ruleset: its file descriptor and the kernel's ABI version."""

    fd: int
    abi: int


def _syscall(number: int, *args: object) -> int:
    """Call a raw syscall; raise OSError with the kernel's errno on failure."""
    libc = ctypes.CDLL(None, use_errno=True)
    libc.syscall.restype = ctypes.c_long
    result = int(libc.syscall(ctypes.c_long(number), *args))
    if result < 0:
        err = ctypes.get_errno()
        raise OSError(err, os.strerror(err))
    return result


def _numbers() -> tuple[int, int, int]:
    if sys.platform != "linux":
        raise LandlockUnavailable(f"landlock: not Linux ({sys.platform})")
    machine = platform.machine()
    if machine not in _SYSCALL_NUMBERS:
        raise LandlockUnavailable(f"landlock: syscall numbers unknown for {machine}")
    return _SYSCALL_NUMBERS[machine]


def abi_version() -> int:
    """The kernel's Landlock ABI version; raises LandlockUnavailable where there is none."""
    create_ruleset, _, _ = _numbers()
    try:
        return _syscall(
            create_ruleset, None, ctypes.c_size_t(0), ctypes.c_uint32(_CREATE_RULESET_VERSION)
        )
    except OSError as error:
        # ENOSYS: not built in; EOPNOTSUPP: built in but disabled at boot.
        raise LandlockUnavailable(f"landlock: unavailable ({error.strerror})") from error


def _handled_fs_rights(abi: int) -> int:
    rights = _FS_ABI1_ALL
    if abi >= 2:
        rights |= _FS_REFER
    if abi >= 3:
        rights |= _FS_TRUNCATE
    if abi >= 5:
        rights |= _FS_IOCTL_DEV
    return rights


def _ruleset_attr(abi: int) -> tuple[_RulesetAttr, int]:
    """The attribute struct and the size to announce: older kernels reject fields they lack."""
    attr = _RulesetAttr(handled_access_fs=_handled_fs_rights(abi))
    size = 8
    if abi >= 4:
        attr.handled_access_net = _NET_BIND_TCP | _NET_CONNECT_TCP  # and no rule allows any port
        size = 16
    if abi >= 6:
        attr.scoped = _SCOPE_ABSTRACT_UNIX_SOCKET | _SCOPE_SIGNAL
        size = 24
    return attr, size


def build_read_only_ruleset(readable_paths: Iterable[str]) -> Ruleset:
    """Build a ruleset that allows only reading beneath readable_paths; missing paths are skipped.

    Build it before dropping privileges, so paths are opened with the rights the policy's author
    had in mind; nothing is restricted until enforce().
    """
    create_ruleset, add_rule, _ = _numbers()
    abi = abi_version()
    attr, size = _ruleset_attr(abi)
    try:
        ruleset_fd = _syscall(
            create_ruleset, ctypes.byref(attr), ctypes.c_size_t(size), ctypes.c_uint32(0)
        )
    except OSError as error:
        raise LandlockUnavailable(f"landlock: create_ruleset failed ({error.strerror})") from error
    try:
        for path in dict.fromkeys(readable_paths):
            _allow_reading(ruleset_fd, add_rule, path)
    except OSError as error:
        os.close(ruleset_fd)
        raise LandlockUnavailable(f"landlock: add_rule failed ({error.strerror})") from error
    return Ruleset(fd=ruleset_fd, abi=abi)


def _allow_reading(ruleset_fd: int, add_rule: int, path: str) -> None:
    try:
        path_fd = os.open(path, os.O_PATH | os.O_CLOEXEC)
    except OSError:
        return  # a path that does not exist (or cannot be reached) needs no rule
    try:
        # READ_DIR is only valid on directories; the kernel rejects it on a file.
        is_dir = stat.S_ISDIR(os.fstat(path_fd).st_mode)
        rights = _FS_READ_FILE | _FS_READ_DIR if is_dir else _FS_READ_FILE
        rule = _PathBeneathAttr(allowed_access=rights, parent_fd=path_fd)
        _syscall(
            add_rule,
            ctypes.c_int(ruleset_fd),
            ctypes.c_int(_RULE_PATH_BENEATH),
            ctypes.byref(rule),
            ctypes.c_uint32(0),
        )
    finally:
        os.close(path_fd)


def enforce(ruleset: Ruleset) -> bool:
    """Restrict this thread (every thread where the ABI allows) and close the ruleset fd.

    Returns True when all threads were restricted, False when only the calling thread and the
    threads it starts from now on are. Needs no_new_privs (or CAP_SYS_ADMIN) beforehand.
    """
    _, _, restrict_self = _numbers()
    all_threads = ruleset.abi >= 8
    flags = _RESTRICT_SELF_TSYNC if all_threads else 0
    try:
        _syscall(restrict_self, ctypes.c_int(ruleset.fd), ctypes.c_uint32(flags))
    except OSError as error:
        raise LandlockUnavailable(f"landlock: restrict_self failed ({error.strerror})") from error
    finally:
        os.close(ruleset.fd)
    return all_threads

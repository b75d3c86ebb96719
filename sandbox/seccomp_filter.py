"""A seccomp filter for the runner: allow by default, refuse exec, new processes, sockets and the like."""

from __future__ import annotations

import errno
import sys
from types import ModuleType

# Imported here, during warm-up, because after the uid drop the interpreter may no longer be able
# to read site-packages, and libseccomp's lookup runs `ldconfig`, which seccomp would then refuse.
try:
    import pyseccomp
except (ImportError, RuntimeError, OSError) as _error:  # RuntimeError: libseccomp.so missing
    pyseccomp = None
    _IMPORT_ERROR = str(_error)
else:
    _IMPORT_ERROR = ""

# Refused outright with EPERM. Most need privileges the runner has dropped anyway; listing them
# costs nothing and keeps the filter meaningful if the uid drop is ever skipped.
_ALWAYS_DENIED: tuple[str, ...] = (
    # new programs and processes
    "execve", "execveat", "fork", "vfork",
    # networking (AF_UNIX included: a socket could reach a display server or a local daemon)
    "socket", "socketpair",
    # other processes' memory
    "ptrace", "process_vm_readv", "process_vm_writev", "pidfd_open", "pidfd_getfd",
    "pidfd_send_signal",
    # resizing the shared frame memfd through any fd (or a file through its path)
    "ftruncate", "fallocate", "truncate",
    # namespaces, mounts, root changes
    "unshare", "setns", "mount", "umount2", "pivot_root", "chroot", "fsopen", "fsconfig",
    "fsmount", "fspick", "open_tree", "move_mount", "mount_setattr",
    # kernel attack surface a game never needs
    "bpf", "perf_event_open", "userfaultfd", "keyctl", "add_key", "request_key",
    "kexec_load", "kexec_file_load", "init_module", "finit_module", "delete_module",
    # io_uring can open sockets and files without passing through this filter
    "io_uring_setup", "io_uring_enter", "io_uring_register",
    # tkill names a thread id only, so "our own process" cannot be checked; glibc uses tgkill
    "tkill",
)

_CLONE_THREAD = 0x00010000
_CLONE_NAMESPACE_FLAGS: tuple[int, ...] = (
    0x00020000,  # CLONE_NEWNS
    0x02000000,  # CLONE_NEWCGROUP
    0x04000000,  # CLONE_NEWUTS
    0x08000000,  # CLONE_NEWIPC
    0x10000000,  # CLONE_NEWUSER
    0x20000000,  # CLONE_NEWPID
    0x40000000,  # CLONE_NEWNET
)
_TIOCSTI = 0x5412  # pushes bytes into a terminal's input queue
_TIOCLINUX = 0x541C  # can paste the console selection, same effect
# Routing I/O signals: an owner (any pid) plus a chosen signal lets a write make the kernel
# signal a process outside the sandbox, past the kill() rules below.
_FCNTL_SET_OWNER = (8, 15, 10)  # F_SETOWN, F_SETOWN_EX, F_SETSIG
_FIOSETOWN = 0x8901
_SIOCSPGRP = 0x8902
_PERSONALITY_QUERY = 0xFFFFFFFF
_LOW_32_BITS = 0xFFFFFFFF


class SeccompUnavailable(Exception):
    """seccomp cannot be used here; the message says why, in one line."""


def build_filter(own_pid: int) -> pyseccomp.SyscallFilter:
    """Build (but do not load) the runner's filter; own_pid is the only process it may signal.

    Raises SeccompUnavailable where there is no seccomp or no libseccomp.
    """
    if sys.platform != "linux":
        raise SeccompUnavailable(f"seccomp: not Linux ({sys.platform})")
    if pyseccomp is None:
        raise SeccompUnavailable(f"seccomp: pyseccomp/libseccomp unavailable ({_IMPORT_ERROR})")
    try:
        return _build(pyseccomp, own_pid)
    except OSError as error:
        raise SeccompUnavailable(f"seccomp: could not build the filter ({error})") from error


def load(syscall_filter: pyseccomp.SyscallFilter) -> None:
    """Apply the filter to every thread of this process (TSYNC). Irreversible."""
    try:
        syscall_filter.load()
    except OSError as error:
        raise SeccompUnavailable(f"seccomp: could not load the filter ({error})") from error


def _build(seccomp: ModuleType, own_pid: int) -> pyseccomp.SyscallFilter:
    Arg, NE, MASKED_EQ = seccomp.Arg, seccomp.NE, seccomp.MASKED_EQ
    refuse = seccomp.ERRNO(errno.EPERM)
    syscall_filter = seccomp.SyscallFilter(seccomp.ALLOW)
    # SDL and Python threads started during warm-up must be filtered too, not just this one.
    syscall_filter.set_attr(seccomp.Attr.CTL_TSYNC, 1)

    def add(action: int, name: str, *conditions: object) -> None:
        if seccomp.resolve_syscall(seccomp.Arch.NATIVE, name) == -1:
            return  # libseccomp has never heard of it; nothing to refuse
        syscall_filter.add_rule(action, name, *conditions)

    for name in _ALWAYS_DENIED:
        add(refuse, name)

    # Threads are clone(CLONE_THREAD | ...); anything else is a new process.
    add(refuse, "clone", Arg(0, MASKED_EQ, _CLONE_THREAD, 0))
    for flag in _CLONE_NAMESPACE_FLAGS:
        add(refuse, "clone", Arg(0, MASKED_EQ, flag, flag))
    # clone3 passes its flags in memory seccomp cannot read; ENOSYS makes glibc fall back to clone.
    add(seccomp.ERRNO(errno.ENOSYS), "clone3")

    # The kernel reads the ioctl request as 32 bits, so compare only those.
    for request in (_TIOCSTI, _TIOCLINUX, _FIOSETOWN, _SIOCSPGRP):
        add(refuse, "ioctl", Arg(1, MASKED_EQ, _LOW_32_BITS, request))
    for command in _FCNTL_SET_OWNER:
        add(refuse, "fcntl", Arg(1, MASKED_EQ, _LOW_32_BITS, command))

    # Querying the personality is harmless; changing it (e.g. READ_IMPLIES_EXEC) is not.
    add(refuse, "personality", Arg(0, NE, _PERSONALITY_QUERY))

    # Signals only to ourselves. A whole 64-bit compare errs on the refusing side.
    for name in ("kill", "tgkill", "rt_sigqueueinfo", "rt_tgsigqueueinfo"):
        add(refuse, name, Arg(0, NE, own_pid))
    return syscall_filter

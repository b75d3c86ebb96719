"""The runner's own view of the machine: the bubblewrap command line that isolates it.

The runner lives in its own user (when not root), mount, pid, network, IPC, UTS and
cgroup namespaces. Its filesystem is a fresh tmpfs holding, read-only, exactly: the
interpreter and its standard library, a site-packages with only the packages the
runner and games use, the shared libraries they link, the fonts, the asset pack and
the two helpers warm-up runs (`fc-list`, `ldconfig`). It gets a private `/tmp`, its
own `/proc` and a minimal `/dev` (so its `/dev/shm` dies with it); no home, no host
`/dev/shm`, no X11, D-Bus or audio sockets. `--die-with-parent` and `--new-session`
tie it to the host and cut it from the terminal.

As root, bubblewrap keeps the host's user namespace and only CAP_SETUID/CAP_SETGID,
so the runner can still drop to an unprivileged uid itself (sandbox.confine); as an
ordinary user it gets a user namespace, where it has no power over anything outside.
"""

from __future__ import annotations

import functools
import importlib.util
import os
import shutil
import subprocess
import sys
import sysconfig
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

# What the runner imports from site-packages: itself and its dependencies, and the
# third-party packages games may use. A package that is not installed is skipped.
RUNNER_PACKAGES = ("sandbox", "pygame", "RestrictedPython", "pyseccomp", "numpy")
# Programs warm-up runs before lock-down: pygame's font table, ctypes' library lookup.
WARM_UP_PROGRAMS = ("/usr/bin/fc-list", "/sbin/ldconfig", "/usr/sbin/ldconfig")
FONT_PATHS = ("/usr/share/fonts", "/etc/fonts", "/usr/share/fontconfig", "/var/cache/fontconfig")
SYSTEM_FILES = ("/etc/ld.so.cache",)
LIBRARY_DIRS = ("/usr/lib", "/usr/lib64", "/usr/lib32", "/usr/libx32")
TOP_LEVEL_LINKS = ("/lib", "/lib64", "/lib32", "/libx32", "/bin", "/sbin")
PRIVATE_TMP = "/tmp"
# Capabilities a root runner needs to drop itself to an unprivileged uid, and nothing else.
ROOT_CAPABILITIES = ("CAP_SETUID", "CAP_SETGID")


@dataclass(frozen=True)
class View:
    """What the runner sees: read-only binds (source, inside) and symlinks (target, inside)."""

    binds: tuple[tuple[str, str], ...]
    symlinks: tuple[tuple[str, str], ...]
    packages: tuple[tuple[str, str], ...]  # mounted over an empty site-packages
    site_packages: str  # inside the view: where the runner's packages appear
    interpreter: str  # inside the view

    @property
    def readable_paths(self) -> tuple[str, ...]:
        """Every path the view shows, for Landlock's read-only list."""
        return tuple(dict.fromkeys(inside for _source, inside in (*self.binds, *self.packages)))


@dataclass(frozen=True)
class Isolation:
    """Whether runners get namespaces here; `reason` says plainly why not."""

    bwrap: str | None
    reason: str = ""

    @property
    def available(self) -> bool:
        return self.bwrap is not None


def plan_view(assets_dir: str | None = None, extra_paths: Iterable[str] = ()) -> View:
    """The runner's view of this machine: the interpreter, its packages, libraries and fonts."""
    interpreter = os.path.realpath(sys.executable)
    base_paths = sysconfig.get_paths(vars={"base": sys.base_prefix, "platbase": sys.base_exec_prefix})
    site_packages = base_paths["purelib"]
    binds: list[tuple[str, str]] = [(interpreter, interpreter)]
    for key in ("stdlib", "platstdlib"):
        binds.append((base_paths[key], base_paths[key]))
    binds.extend((library, library) for library in _interpreter_libraries())
    for directory in LIBRARY_DIRS:
        if os.path.isdir(directory) and not os.path.islink(directory):
            binds.append((directory, directory))
    for path in (*WARM_UP_PROGRAMS, *FONT_PATHS, *SYSTEM_FILES):
        if os.path.exists(path) and not _under_a_link(path):
            binds.append((os.path.realpath(path), path))
    packages = tuple(
        (source, os.path.join(site_packages, os.path.basename(source)))
        for source in _package_paths(RUNNER_PACKAGES)
    )
    for shown in (assets_dir, *extra_paths):
        if shown and os.path.exists(shown):
            real = os.path.realpath(shown)
            binds.append((real, real))
    symlinks = tuple(
        (os.readlink(link), link) for link in TOP_LEVEL_LINKS if os.path.islink(link)
    )
    for link in TOP_LEVEL_LINKS:
        if os.path.isdir(link) and not os.path.islink(link):
            binds.append((link, link))
    return View(tuple(dict.fromkeys(binds)), symlinks, packages, site_packages, interpreter)


def bwrap_command(bwrap: str, view: View, as_root: bool) -> list[str]:
    """The bubblewrap argv that runs the rest of the command line inside `view`."""
    command = [bwrap, "--unshare-ipc", "--unshare-pid", "--unshare-net", "--unshare-uts",
               "--unshare-cgroup-try", "--die-with-parent", "--new-session"]
    if as_root:
        # A root runner drops to an unprivileged uid itself; keep only what that needs.
        command += ["--cap-drop", "ALL"]
        for capability in ROOT_CAPABILITIES:
            command += ["--cap-add", capability]
    else:
        command += ["--unshare-user"]
    command += ["--tmpfs", "/", "--proc", "/proc", "--dev", "/dev", "--tmpfs", PRIVATE_TMP]
    # Folders on the way to a bind would copy the host's modes (/root is 0700): a runner
    # that dropped its uid could then not reach the interpreter.
    for folder in _parent_folders(inside for _source, inside in (*view.binds, *view.packages)):
        command += ["--perms", "0755", "--dir", folder]
    for source, inside in view.binds:
        command += ["--ro-bind", source, inside]
    for target, inside in view.symlinks:
        command += ["--symlink", target, inside]
    # An empty site-packages over the interpreter's own, holding only the runner's packages.
    command += ["--tmpfs", view.site_packages]
    for source, inside in view.packages:
        command += ["--ro-bind", source, inside]
    # The tmpfs root stays writable otherwise: nothing may be created outside /tmp.
    command += ["--remount-ro", "/"]
    command += ["--chdir", PRIVATE_TMP, "--"]
    return command


@functools.lru_cache(maxsize=4)  # a fact about this machine: ask once per process
def find_isolation(bwrap_name: str = "bwrap") -> Isolation:
    """Whether bubblewrap can give runners namespaces here, tried once with `true`."""
    if sys.platform != "linux":
        return Isolation(None, f"no namespace isolation on {sys.platform}: bubblewrap is Linux-only")
    bwrap = shutil.which(bwrap_name)
    if bwrap is None:
        return Isolation(None, "bubblewrap (bwrap) is not installed: install Debian's `bubblewrap` for namespace isolation")
    view = plan_view()
    trial = [*bwrap_command(bwrap, view, os.geteuid() == 0), view.interpreter, "-I", "-S", "-c", ""]
    try:
        result = subprocess.run(trial, capture_output=True, timeout=10, check=False)
    except (OSError, subprocess.TimeoutExpired) as error:
        return Isolation(None, f"bubblewrap could not run ({error}): runners are not isolated in namespaces")
    if result.returncode != 0:
        why = result.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or ["no reason given"]
        return Isolation(
            None,
            f"user namespaces are unavailable here (bwrap: {why[0][:200]}); runners run without "
            "namespace isolation, confined by seccomp, Landlock and rlimits only",
        )
    return Isolation(bwrap)


def _interpreter_libraries() -> list[str]:
    """libpython and friends when the interpreter links them from its own prefix."""
    found = []
    for directory in {sysconfig.get_config_var("LIBDIR") or "", os.path.join(sys.base_prefix, "lib")}:
        library = sysconfig.get_config_var("LDLIBRARY") or ""
        path = os.path.join(directory, library) if directory and library else ""
        if path.endswith(".so") or ".so." in path:
            for candidate in Path(directory).glob(library + "*"):
                found.append(str(candidate))
    return sorted(set(found))


def _package_paths(names: Iterable[str]) -> list[str]:
    """Where each importable package lives (its folder or single file), plus `<name>.libs`."""
    paths = []
    for name in names:
        spec = importlib.util.find_spec(name)
        if spec is None:
            continue
        if spec.submodule_search_locations:
            location = os.path.realpath(next(iter(spec.submodule_search_locations)))
        elif spec.origin:
            location = os.path.realpath(spec.origin)
        else:
            continue
        paths.append(location)
        bundled_libraries = os.path.join(os.path.dirname(location), f"{name}.libs")
        if os.path.isdir(bundled_libraries):
            paths.append(bundled_libraries)
    return paths


def _parent_folders(paths: Iterable[str]) -> list[str]:
    """Every folder above the given paths, parents first, without "/"."""
    folders: set[str] = set()
    for path in paths:
        parent = os.path.dirname(path)
        while parent not in ("/", "") and parent not in folders:
            folders.add(parent)
            parent = os.path.dirname(parent)
    return sorted(folders, key=lambda folder: (folder.count("/"), folder))


def _under_a_link(path: str) -> bool:
    """True when some parent of `path` is a symlink (merged /usr): the view links it instead."""
    parent = os.path.dirname(path)
    while parent not in ("/", ""):
        if os.path.islink(parent):
            return True
        parent = os.path.dirname(parent)
    return False

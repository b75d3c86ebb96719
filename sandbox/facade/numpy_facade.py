"""`numpy` for games: arrays, maths and random numbers, without numpy's doors to files, C and code.

Built on a game's first `import numpy` (numpy takes ~100 ms to import and may start
BLAS threads, so only games that use it pay). What is left out: everything that reads or
writes files (`load`, `save*`, `*txt`, `fromfile`, `fromregex`, `memmap`, `lib.npyio`,
`lib.format`, `DataSource`), unpickling (`load(allow_pickle=True)` is gone with `load`),
the C bridges (`ctypeslib`, `f2py`, `distutils`, `from_dlpack`), the test runner and
introspection helpers (`testing`, `test`, `info`, `show_config`, `get_include`), and the
submodules no game needs (`lib`, `ma`, `rec`, `char`, `core`, `typing`, ...). Array
attributes such as `.ctypes` and `.tofile` are refused by the compile policy.
"""

from __future__ import annotations

import importlib
import random
import types
from collections.abc import Callable
from typing import Any

from sandbox.facade.namespace import FacadeNamespace, frozen_class, make_namespace

# Top-level names that open files, reach C pointers, run code or describe the installation.
DENIED_NAMES = frozenset({
    "load", "save", "savez", "savez_compressed", "loadtxt", "savetxt", "genfromtxt",
    "fromfile", "fromregex", "memmap", "DataSource", "recfromcsv", "recfromtxt",
    "ctypeslib", "f2py", "distutils", "testing", "test", "lib", "core", "rec", "ma",
    "char", "strings", "polynomial", "typing", "dtypes", "matlib",
    "from_dlpack", "info", "show_config", "show_runtime", "get_include", "lookfor",
    "source", "byte_bounds", "add_docstring", "add_newdoc", "add_newdoc_ufunc",
})

# Submodules a game may import (`import numpy.random`, `np.linalg.norm`).
SUBMODULES = ("random", "linalg", "fft", "emath", "exceptions")

# Standard-library modules numpy imports that a warmed-up runner has not: after the
# lock-down the standard library may be unreadable (a dropped uid), so they load at warm-up.
STDLIB_NEEDED = ("contextvars", "hashlib", "hmac", "pickle", "secrets")

_IMMUTABLE_TYPE_FLAG = 1 << 8  # Py_TPFLAGS_IMMUTABLETYPE: C types refuse attribute writes


def preload_stdlib_for_numpy() -> None:
    """Import what numpy needs from the standard library (a few ms), but not numpy itself."""
    for name in STDLIB_NEEDED:
        importlib.import_module(name)


def build_numpy() -> FacadeNamespace:
    """The `numpy` namespace (with its submodules as attributes); imports numpy now."""
    numpy = importlib.import_module("numpy")
    _refuse_dump_to_paths()
    _refuse_ctypes_views()
    members = _curated(numpy)
    for name in SUBMODULES:
        sub_members = _curated(getattr(numpy, name))
        if name == "random":
            sub_members["default_rng"] = _seeded_default_rng(numpy.random.default_rng)
            # Checks replay a game from a seed: numpy's global generator follows `random`.
            numpy.random.seed(random.getrandbits(32))
        members[name] = make_namespace(f"numpy.{name}", sub_members)
    return make_namespace("numpy", members)


def _curated(module: types.ModuleType) -> dict[str, object]:
    names = getattr(module, "__all__", None) or [n for n in vars(module) if not n.startswith("_")]
    members: dict[str, object] = {}
    for name in names:
        if name.startswith("_") or name in DENIED_NAMES or not hasattr(module, name):
            continue
        value = getattr(module, name)
        if isinstance(value, types.ModuleType):
            continue
        members[name] = _as_member(value)
    if module.__name__ == "numpy":
        members["newaxis"] = None
    return members


def _as_member(value: object) -> object:
    if isinstance(value, type):
        writable = not value.__flags__ & _IMMUTABLE_TYPE_FLAG
        # Exceptions stay themselves so `except np.linalg.LinAlgError` catches numpy's own.
        return frozen_class(value) if writable and not issubclass(value, BaseException) else value
    if isinstance(value, (dict, list)):
        return type(value)(value)  # numpy's own tables stay numpy's
    if not isinstance(value, types.FunctionType) and hasattr(type(value), "__get__"):
        # numpy's dispatchers bind like methods: read through a namespace instance they
        # would receive it as their first argument.
        return staticmethod(value)  # type: ignore[arg-type]
    return value


def _seeded_default_rng(default_rng: Callable[..., Any]) -> Callable[..., Any]:
    """`default_rng()` seeded from `random`, so a check's seed also fixes numpy's numbers."""

    def seeded(seed: object = None) -> Any:
        return default_rng(random.getrandbits(128) if seed is None else seed)

    seeded.__doc__ = default_rng.__doc__
    return seeded


def _refuse_ctypes_views() -> None:
    """`arr.ctypes` hands out ctypes objects (a raw address, `from_address`): refuse it here too.

    Its name is refused by the compile policy; this closes the door at numpy's end,
    whatever route reaches the attribute.
    """
    internal = importlib.import_module("numpy._core._internal")
    if getattr(internal._ctypes, "sandboxed", False):
        return

    class NoCtypes:
        sandboxed = True

        def __init__(self, array: object, address: object = None) -> None:
            raise AttributeError("arr.ctypes is not available in games")

    setattr(internal, "_ctypes", NoCtypes)  # noqa: B010 - a module of numpy's


def _refuse_dump_to_paths() -> None:
    """`ndarray.dump(path)` opens the path with the real `open()`; keep file objects only.

    The C method looks the Python helper up at its first call, so replacing it before
    any game runs is enough. (`.tofile` uses the caller's `open()`, and its name is refused.)
    """
    methods = importlib.import_module("numpy._core._methods")
    original = methods._dump
    if getattr(original, "sandboxed", False):
        return

    def dump_to_file_object(self: object, file: object, protocol: int = 2) -> None:
        if not hasattr(file, "write"):
            raise OSError("games cannot write files; arr.dump() takes a file object from open()")
        original(self, file, protocol)

    dump_to_file_object.sandboxed = True  # type: ignore[attr-defined]
    setattr(methods, "_dump", dump_to_file_object)  # noqa: B010 - a module of numpy's

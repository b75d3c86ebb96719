"""The standard-library modules a game may import, as curated immutable namespaces.

Each namespace lists what it hands out; nothing is delegated to the real module, so a
module the real one re-exports (`dataclasses.sys`, `enum.bltns`, `random._os`) is
simply not there.
"""

from __future__ import annotations

import abc
import array
import base64
import bisect
import collections
import colorsys
import contextlib
import dataclasses
import datetime
import enum
import fractions
import functools
import heapq
import io
import itertools
import json
import math
import operator
import queue
import random
import re
import statistics
import string
import struct
import textwrap
import time
import typing
from collections.abc import Callable

from sandbox.console import Console
from sandbox.facade import attribute_helpers, copying, dataclass_fields
from sandbox.facade.class_rules import CheckedEnumType
from sandbox.facade.namespace import FacadeNamespace, frozen_class, make_namespace, public_members


def _pick(module: object, names: str) -> dict[str, object]:
    return {name: getattr(module, name) for name in names.split()}


class GameStdout:
    """`sys.stdout` / `sys.stderr` for a game: writes become the game's output."""

    def __init__(self, write_text: Callable[[str], None]) -> None:
        self._write_text = write_text

    def write(self, text: object) -> int:
        value = str(text)
        self._write_text(value)
        return len(value)

    def flush(self) -> None:
        return None

    def isatty(self) -> bool:
        return False


def _exit(status: object = None) -> None:
    raise SystemExit(status)


def build_stdlib(console: Console, game_file: str) -> dict[str, FacadeNamespace]:
    """Every importable standard-library name for one game."""
    # Late-bound: the runtime wires console.output after the facade is built.
    stdout = GameStdout(lambda text: console.output(text))
    sandbox_random = dict(public_members(random, exclude=frozenset({"SystemRandom"})))
    sandbox_random["Random"] = frozen_class(random.Random)

    def sleep(seconds: float) -> None:
        console.sleep(float(seconds))

    environ: dict[str, str] = {}
    path_module = make_namespace(
        "os.path",
        {
            "join": lambda *parts: "/".join(str(p).rstrip("/") for p in parts if p != ""),
            "basename": lambda p: str(p).rsplit("/", 1)[-1],
            "dirname": lambda p: str(p).rsplit("/", 1)[0] if "/" in str(p) else "",
            "splitext": lambda p: (str(p)[: str(p).rfind(".")], str(p)[str(p).rfind(".") :]) if "." in str(p).rsplit("/", 1)[-1] else (str(p), ""),
            "exists": console.files.exists,
            "isfile": console.files.exists,
            "isdir": lambda p: False,
            "abspath": lambda p: str(p),
            "realpath": lambda p: str(p),
            "normpath": lambda p: str(p),
            "expanduser": lambda p: str(p),
            "sep": "/",
        },
    )
    return {
        "__future__": make_namespace("__future__", {"annotations": __import__("__future__").annotations}),
        "math": make_namespace("math", public_members(math)),
        "random": make_namespace("random", sandbox_random),
        "time": make_namespace(
            "time",
            {
                **_pick(time, "time time_ns monotonic monotonic_ns perf_counter perf_counter_ns process_time localtime gmtime strftime asctime ctime struct_time"),
                "sleep": sleep,
            },
        ),
        "collections": make_namespace(
            "collections", _pick(collections, "deque defaultdict namedtuple Counter OrderedDict ChainMap")
        ),
        "itertools": make_namespace("itertools", public_members(itertools)),
        "functools": make_namespace(
            "functools",
            {
                **_pick(functools, "partial reduce lru_cache cache total_ordering cmp_to_key partialmethod"),
                **_pick(attribute_helpers, "wraps update_wrapper"),
                "cached_property": frozen_class(attribute_helpers.cached_property),
            },
        ),
        "operator": make_namespace(
            "operator", {**public_members(operator), **_pick(attribute_helpers, "attrgetter methodcaller")}
        ),
        "dataclasses": make_namespace(
            "dataclasses",
            {
                **_pick(dataclasses, "fields asdict astuple replace is_dataclass FrozenInstanceError InitVar MISSING KW_ONLY"),
                **_pick(dataclass_fields, "dataclass field"),
            },
        ),
        "enum": make_namespace(
            "enum",
            {
                **{
                    name: frozen_class(getattr(enum, name), metaclass=CheckedEnumType)
                    for name in ["Enum", "IntEnum", "Flag", "IntFlag", "StrEnum"]
                },
                **_pick(enum, "auto unique"),
            },
        ),
        "typing": make_namespace(
            "typing",
            {
                **_pick(typing, "Any Callable ClassVar Deque DefaultDict Dict Final FrozenSet Generic Iterable Iterator List Literal Mapping NamedTuple Optional Protocol Sequence Set Tuple Type TypeVar Union cast overload"),
                "TYPE_CHECKING": False,
            },
        ),
        "abc": make_namespace("abc", {"ABC": frozen_class(abc.ABC), "abstractmethod": abc.abstractmethod}),
        "string": make_namespace(
            "string",
            _pick(string, "ascii_letters ascii_lowercase ascii_uppercase digits hexdigits octdigits punctuation printable whitespace capwords"),
        ),
        "json": make_namespace("json", _pick(json, "dumps loads dump load JSONDecodeError")),
        "copy": make_namespace("copy", _pick(copying, "copy deepcopy")),
        "queue": make_namespace(
            "queue",
            {
                **{name: frozen_class(getattr(queue, name)) for name in ["Queue", "PriorityQueue", "LifoQueue"]},
                **_pick(queue, "SimpleQueue Empty Full"),
            },
        ),
        "heapq": make_namespace("heapq", public_members(heapq)),
        "bisect": make_namespace("bisect", public_members(bisect)),
        "colorsys": make_namespace("colorsys", public_members(colorsys)),
        "statistics": make_namespace(
            "statistics", _pick(statistics, "mean median mode stdev pstdev variance pvariance fmean")
        ),
        "fractions": make_namespace("fractions", {"Fraction": fractions.Fraction}),
        "array": make_namespace("array", {"array": array.array, "typecodes": array.typecodes}),
        "struct": make_namespace("struct", _pick(struct, "pack unpack calcsize iter_unpack Struct error")),
        "io": make_namespace("io", {"BytesIO": io.BytesIO, "StringIO": io.StringIO, "open": console.files.open}),
        "base64": make_namespace("base64", _pick(base64, "b64encode b64decode b16encode b16decode b32encode b32decode")),
        "datetime": make_namespace("datetime", _pick(datetime, "date datetime time timedelta timezone")),
        "contextlib": make_namespace("contextlib", _pick(contextlib, "contextmanager suppress nullcontext")),
        "types": make_namespace("types", {"SimpleNamespace": frozen_class(attribute_helpers.SimpleNamespace)}),
        "textwrap": make_namespace("textwrap", _pick(textwrap, "wrap fill dedent indent shorten")),
        "re": make_namespace(
            "re",
            _pick(re, "compile match search fullmatch findall finditer sub subn split escape IGNORECASE I MULTILINE M DOTALL S error"),
        ),
        "sys": make_namespace(
            "sys",
            {
                "exit": _exit,
                "argv": (game_file,),
                "platform": "linux",
                "maxsize": 2**63 - 1,
                "version": "3.11 (sandboxed)",
                "version_info": (3, 11, 0, "final", 0),
                "byteorder": "little",
                "float_info": __import__("sys").float_info,
                "stdout": stdout,
                "stderr": stdout,
                "getrecursionlimit": lambda: 1000,
                "setrecursionlimit": lambda limit: None,
            },
        ),
        "os": make_namespace(
            "os",
            {
                "environ": environ,
                "getenv": lambda key, default=None: default,
                "path": path_module,
                "sep": "/",
                "name": "posix",
                "linesep": "\n",
                "getcwd": lambda: "/game",
                "urandom": lambda n: random.randbytes(min(int(n), 1 << 20)),
            },
        ),
        "os.path": path_module,
    }

"""Data only: which names, attributes and sizes the game compiler and guards accept."""

from __future__ import annotations

from types import MappingProxyType

# --- Limits -------------------------------------------------------------------------

MAX_SOURCE_BYTES = 1_000_000
# A long hand-written game is ~20k nodes; this leaves room while keeping compile < ~1 s.
MAX_AST_NODES = 250_000
# Real code nests ~30 deep (a 60-branch elif chain is ~60). The transformer recurses in
# Python, several frames per level, so the cap must stay well under the recursion limit.
MAX_AST_DEPTH = 150

# --- Names injected by the compiler ---------------------------------------------------

# The one runtime guard the transformer emits: `_attr_guard_(obj, "format")`. It starts
# with "_" so no game can bind, shadow or pass it as a parameter name.
ATTR_GUARD_NAME = "_attr_guard_"

# The __name__ every game runs under; classes it builds at run time belong to it too.
GAME_MODULE_NAME = "__main__"

# --- Plain names (variables, parameters, functions, classes) ---------------------------

# A bare "_" is the conventional throw-away name (`for _ in range(3)`); no guard or
# builtin is called "_", so binding it reaches nothing private.
ALLOW_BARE_UNDERSCORE = True


def is_single_underscore_name(name: str) -> bool:
    """`_score`, `_helper`, `self._timer`: private by convention, as models often write.

    Allowed as names and attributes: nothing a game can reach hides a way out behind
    one (facade namespaces hold only public names, and every way onwards needs a
    dunder). Dunder names (`__class__`) stay refused, and so do names ending in "_"
    (`_attr_guard_`), the shape of every guard the compiler injects.
    """
    return len(name) > 1 and name[0] == "_" and name[1] != "_" and not name.endswith("_")

# Underscore names a game may read: set in every game's globals by make_globals.
READABLE_DUNDER_NAMES = frozenset({"__name__", "__file__"})

# Underscore names a class body may bind (plain assignment, not a method).
CLASS_BODY_DUNDER_NAMES = frozenset({"__slots__"})

# Underscore names a class body binds without naming them: a docstring and annotations.
# type(name, bases, namespace) may pass these too; everything else follows the lists here.
IMPLICIT_CLASS_BODY_NAMES = frozenset({"__doc__", "__annotations__"})

# Slot names CPython gives special meaning to; any other slot follows the attribute rules.
SPECIAL_SLOT_NAMES = frozenset({"__dict__", "__weakref__"})

# Dunder methods a class body may define. Deliberately absent: __del__ (runs at
# arbitrary points inside trusted code), __getattribute__/__setattr__/__delattr__,
# __init_subclass__, __set_name__, __class_getitem__, __instancecheck__,
# __subclasscheck__, __reduce__*, __get__/__set__/__delete__ (descriptor hooks).
DEFINABLE_DUNDER_METHODS = frozenset({
    "__init__", "__post_init__", "__repr__", "__str__", "__format__",
    "__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__", "__hash__", "__bool__",
    "__len__", "__iter__", "__next__", "__reversed__", "__contains__",
    "__getitem__", "__setitem__", "__delitem__", "__missing__", "__getattr__",
    "__call__", "__enter__", "__exit__",
    "__add__", "__radd__", "__iadd__", "__sub__", "__rsub__", "__isub__",
    "__mul__", "__rmul__", "__imul__", "__truediv__", "__rtruediv__", "__itruediv__",
    "__floordiv__", "__rfloordiv__", "__ifloordiv__", "__mod__", "__rmod__", "__imod__",
    "__pow__", "__rpow__", "__ipow__", "__matmul__", "__rmatmul__", "__imatmul__",
    "__and__", "__rand__", "__iand__", "__or__", "__ror__", "__ior__",
    "__xor__", "__rxor__", "__ixor__", "__lshift__", "__rlshift__", "__ilshift__",
    "__rshift__", "__rrshift__", "__irshift__",
    "__neg__", "__pos__", "__abs__", "__invert__", "__round__",
    "__int__", "__float__", "__index__", "__complex__",
})

# --- Attributes ------------------------------------------------------------------------

# Underscore attributes a game may read. __init__ is also runtime-checked (see below);
# __name__ is a plain string. (__class__ stays refused: the message suggests type(x).)
READABLE_DUNDER_ATTRIBUTES = frozenset({"__init__", "__name__"})

# A repair hint for refused underscore attributes games commonly reach for.
ATTRIBUTE_HINTS = MappingProxyType({"__class__": "use type(x) instead"})

# Attributes without a leading "_" that still reach interpreter internals: frames,
# code, generator/coroutine state, tracebacks, closures, legacy aliases, and `mro`
# (a class's full ancestry, the first step of the classic subclass walk).
DENIED_ATTRIBUTES = frozenset({
    "gi_frame", "gi_code", "gi_yieldfrom",
    "cr_frame", "cr_code", "cr_await", "cr_origin",
    "ag_frame", "ag_code", "ag_await",
    "f_back", "f_globals", "f_locals", "f_builtins", "f_code", "f_trace",
    "f_generator",
    "tb_frame", "tb_next",
    "co_code", "co_consts", "co_names", "co_varnames", "co_freevars", "co_cellvars",
    "co_filename", "co_lnotab", "co_linetable", "co_exceptiontable",
    "func_globals", "func_code", "func_closure", "func_dict", "func_defaults",
    "im_func", "im_self", "im_class",
    "cell_contents",
    "mro",
    # typing's aliases become callable with it: typing.Type(...) would call the real type().
    "_inst",
    # numpy's ways out of the process's memory and files (pygame's load/save stay allowed).
    "ctypes", "cffi", "ctypeslib", "tofile", "f2py", "distutils", "memmap", "DataSource",
})

# Attributes whose danger depends on the object, so their loads are rewritten to a
# call of the runtime guard: str.format/format_map traverse attributes named inside
# the format string; BaseException.obj hands out the object an AttributeError was
# about (often a facade internal); __init__ could re-initialise a facade object; `dict`
# is pygame Event's own attribute store, where a game could plant dunder names.
RUNTIME_CHECKED_ATTRIBUTES = frozenset({"format", "format_map", "obj", "__init__", "dict"})

# --- Imports ---------------------------------------------------------------------------

# Packages whose C code may import their own submodules while a game's frame is running
# (PyImport_Import uses the game's __import__); the module goes to the C caller only.
C_LEVEL_IMPORTS = ("numpy.",)

# The only `from __future__ import` a game may use (dataclasses with forward refs).
ALLOWED_FUTURE_FEATURES = frozenset({"annotations"})

# Top-level modules a game may import: the facade offers exactly these (a test keeps
# the two in step). Anything else is refused at compile time, with its line.
ALLOWED_MODULES = frozenset({
    "pygame", "math", "random", "time", "collections", "itertools", "functools", "operator",
    "dataclasses", "enum", "typing", "abc", "string", "json", "copy", "heapq", "bisect",
    "colorsys", "statistics", "fractions", "textwrap", "re", "sys", "os", "array", "struct",
    "io", "base64", "datetime", "contextlib", "types", "queue", "numpy",
})

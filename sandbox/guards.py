"""The few runtime guards and the curated builtins a game gets."""

from __future__ import annotations

import _string  # the C field parser str.format itself uses, so our view matches its view
import builtins as python_builtins
import importlib
import types
import weakref
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from sandbox import policy
from sandbox.compiler import attribute_refusal
from sandbox.facade.class_rules import check_new_class, limit_getattr_hook, make_game_type

# Read a class's MRO through type's own descriptor: a metaclass cannot fake it.
_mro_of: Callable[[type], tuple[type, ...]] = type.__dict__["__mro__"].__get__
# str.__str__ turns a str subclass into a plain str, so overridden methods cannot
# make a name look different to the check than to the lookup.
_plain_str: Callable[[str], str] = str.__str__

_SAFE_BUILTIN_NAMES = (
    "abs", "all", "any", "ascii", "bin", "bool", "bytearray", "bytes", "callable", "chr",
    "classmethod", "complex", "dict", "divmod", "enumerate", "filter", "float", "format",
    "frozenset", "hash", "hex", "id", "int", "isinstance", "issubclass", "iter", "len",
    "list", "map", "max", "min", "next", "object", "oct", "ord", "pow", "property",
    "range", "repr", "reversed", "round", "set", "slice", "sorted", "staticmethod", "str",
    "sum", "super", "tuple", "type", "zip",
    "True", "False", "None", "NotImplemented", "Ellipsis",
    # Exception classes games raise and catch.
    "BaseException", "Exception", "ArithmeticError", "AssertionError", "AttributeError",
    "EOFError", "FileNotFoundError", "FloatingPointError", "GeneratorExit", "ImportError",
    "IndexError", "KeyError", "KeyboardInterrupt", "LookupError", "MemoryError",
    "ModuleNotFoundError", "NameError", "NotImplementedError", "OSError", "IOError",
    "OverflowError", "PermissionError", "RecursionError", "RuntimeError", "StopIteration",
    "SystemExit", "TimeoutError", "TypeError", "UnboundLocalError", "UnicodeError",
    "UnicodeDecodeError", "UnicodeEncodeError", "ValueError", "ZeroDivisionError",
    "Warning", "UserWarning", "DeprecationWarning", "RuntimeWarning",
)


@dataclass(frozen=True)
class _FutureFeatures:
    """What `from __future__ import annotations` binds in a game (the flag is compile-time)."""

    annotations: bool = True


def make_builtins(
    resolve_module: Callable[[str], object],
    print_fn: Callable[..., None],
    open_fn: Callable[..., object] | None = None,
    stand_ins: Mapping[type, object] | None = None,
) -> dict[str, object]:
    """A fresh builtins dict for one game: safe builtins plus its own guards and import.

    `open_fn`, when given, is the game's `open()` (the facade's in-memory files); the
    real one is never handed out. `stand_ins` maps library classes the facade replaces
    (pygame's Event) to what `type(instance)` gives the game instead.
    """
    # Classes this game's class statements created; only their instances may be
    # re-initialised. Weak, so hot-swapped-out classes can be collected.
    game_classes: weakref.WeakSet[type] = weakref.WeakSet()
    attr_guard = _make_attr_guard(game_classes)

    def build_class(func: Callable[[], None], name: str, /, *bases: Any, **kwargs: Any) -> Any:
        cls = python_builtins.__build_class__(func, name, *bases, **kwargs)
        if isinstance(cls, type):
            check_new_class(cls)  # `class Meta(type)` compiles; it may not exist
            limit_getattr_hook(cls)
            game_classes.add(cls)
        return cls

    def safe_getattr(obj: object, name: str, *default: object) -> object:
        """getattr() under the same rules as `obj.name` in game source."""
        try:
            name = checked_attribute_name(name, store=False)  # refused reads act as missing ones
            if name in policy.RUNTIME_CHECKED_ATTRIBUTES:
                return attr_guard(obj, name)
            return getattr(obj, name)
        except AttributeError:
            if default:
                return default[0]
            raise

    def safe_hasattr(obj: object, name: str) -> bool:
        """hasattr() that says False for attributes a game may not read."""
        try:
            safe_getattr(obj, name)
        except AttributeError:
            return False
        return True

    curated: dict[str, object] = {
        name: getattr(python_builtins, name) for name in _SAFE_BUILTIN_NAMES
    }
    curated.update({
        "print": print_fn,
        "getattr": safe_getattr,
        "hasattr": safe_hasattr,
        "setattr": _safe_setattr,
        "delattr": _safe_delattr,
        "type": make_game_type(game_classes.add, stand_ins or {}),
        "exit": _exit,
        "quit": _exit,
        "__build_class__": build_class,
        "__import__": _make_import(resolve_module),
        policy.ATTR_GUARD_NAME: attr_guard,
    })
    if open_fn is not None:
        curated["open"] = open_fn
    return curated


def make_globals(builtins: dict[str, object], filename: str) -> dict[str, object]:
    """Fresh module globals for one run of a compiled game."""
    return {
        "__builtins__": builtins,
        "__name__": policy.GAME_MODULE_NAME,
        "__file__": filename,
        policy.ATTR_GUARD_NAME: builtins[policy.ATTR_GUARD_NAME],
    }


# --- getattr/setattr/delattr ------------------------------------------------------------


def checked_attribute_name(name: object, *, store: bool) -> str:
    """`name` as a plain str if a game may read (or store) it; else AttributeError."""
    if not isinstance(name, str):
        raise TypeError(f"attribute name must be a string, not {type(name).__name__!r}")
    plain = _plain_str(name)
    refusal = attribute_refusal(plain, store=store)
    if refusal:
        raise AttributeError(refusal)
    return plain


def _safe_setattr(obj: object, name: str, value: object) -> None:
    """setattr() under the same rules as `obj.name = value` in game source."""
    setattr(obj, checked_attribute_name(name, store=True), value)


def _safe_delattr(obj: object, name: str) -> None:
    """delattr() under the same rules as `del obj.name` in game source."""
    delattr(obj, checked_attribute_name(name, store=True))


def _exit(code: object = None) -> None:
    """exit()/quit() in a game: end the game, never the process (SystemExit is caught)."""
    raise SystemExit(code)


# --- the attribute guard ----------------------------------------------------------------


def _make_attr_guard(game_classes: weakref.WeakSet[type]) -> Callable[[object, str], object]:
    def owns(obj: object) -> bool:
        return any(cls in game_classes for cls in _mro_of(type(obj)))

    def guard_init(obj: object) -> object:
        if issubclass(type(obj), super):
            bound_to = obj.__self__  # type: ignore[attr-defined]
            if bound_to is None or isinstance(bound_to, type) or not owns(bound_to):
                raise AttributeError(_INIT_REFUSED)
            return obj.__init__  # type: ignore[misc]
        if issubclass(type(obj), type):
            unbound_init = obj.__init__  # type: ignore[misc]

            def checked_init(self: object, /, *args: object, **kwargs: object) -> object:
                if not owns(self):
                    raise TypeError(_INIT_REFUSED)
                return unbound_init(self, *args, **kwargs)

            return checked_init
        if owns(obj):
            return obj.__init__  # type: ignore[misc]
        raise AttributeError(_INIT_REFUSED)

    checks = {**_SHARED_CHECKS, "__init__": guard_init}

    def attr_guard(obj: object, name: str) -> object:
        # Only the compiler (with constant names) and safe_getattr call this.
        return checks[name](obj)

    return attr_guard


_INIT_REFUSED = (
    "__init__ may only be used on classes and objects the game defined "
    "(e.g. super().__init__() or self.__init__())"
)


def read_attribute(obj: object, name: object) -> object:
    """getattr() under the game's rules, for helpers shared by every game (operator.attrgetter).

    Only a game's own builtins know which classes it defined, so `__init__` is refused here.
    """
    plain = checked_attribute_name(name, store=False)
    if plain in policy.RUNTIME_CHECKED_ATTRIBUTES:
        check = _SHARED_CHECKS.get(plain)
        if check is None:
            raise AttributeError(f'"{plain}" cannot be read this way in games; write obj.{plain}')
        return check(obj)
    return getattr(obj, plain)


def _guard_obj(obj: object) -> object:
    """BaseException.obj (and memoryview.obj) would hand out facade internals."""
    target = obj.__self__ if issubclass(type(obj), super) else obj  # type: ignore[attr-defined]
    leaky = (BaseException, memoryview)
    if isinstance(target, leaky) or (isinstance(target, type) and issubclass(target, leaky)):
        raise AttributeError('"obj" of exceptions is not available in games')
    return obj.obj  # type: ignore[attr-defined]


def _guard_format(obj: object) -> object:
    return _safe_format_method(obj.format, "format")  # type: ignore[attr-defined]


def _guard_format_map(obj: object) -> object:
    return _safe_format_method(obj.format_map, "format_map")  # type: ignore[attr-defined]


def _safe_format_method(found: object, name: str) -> object:
    """Swap str.format/format_map (bound or not) for versions that check their fields."""
    if found is str.format:
        return _checked_format
    if found is str.format_map:
        return _checked_format_map
    if type(found) is types.BuiltinMethodType and isinstance(found.__self__, str):
        text = found.__self__
        if name == "format":
            return lambda *args, **kwargs: _checked_format(text, *args, **kwargs)
        return lambda mapping: _checked_format_map(text, mapping)
    return found


def _checked_format(text: str, /, *args: object, **kwargs: object) -> str:
    plain = _plain_str(text) if isinstance(text, str) else text
    _refuse_unsafe_fields(plain)
    return str.format(plain, *args, **kwargs)


def _checked_format_map(text: str, mapping: object, /) -> str:
    plain = _plain_str(text) if isinstance(text, str) else text
    _refuse_unsafe_fields(plain)
    return str.format_map(plain, mapping)  # type: ignore[arg-type]


def _refuse_unsafe_fields(text: object, depth: int = 0) -> None:
    """Refuse '{0.__class__}'-style fields: same attribute rules as game source."""
    if not isinstance(text, str):
        raise TypeError(f"format() needs a str, not {type(text).__name__!r}")
    if depth > 2:  # str.format itself stops here; so do we, before recursing further
        raise ValueError("Max string recursion exceeded")
    for _literal, field, spec, _conversion in _string.formatter_parser(text):
        if field is None:
            continue
        _first, rest = _string.formatter_field_name_split(field)
        for is_attribute, key in rest:
            # Stricter than source: no underscore at all, and no runtime-checked names.
            refused = isinstance(key, str) and key.startswith("_")
            if is_attribute:
                refused = refused or key in policy.DENIED_ATTRIBUTES
                refused = refused or key in policy.RUNTIME_CHECKED_ATTRIBUTES
            if refused:
                raise ValueError(f'format field "{{{field}}}" is not allowed in games')
        if spec:
            _refuse_unsafe_fields(spec, depth + 1)


# The runtime checks that need no knowledge of the game (see read_attribute).
def _guard_dict(obj: object) -> object:
    """`.dict` that is the object's own attribute store (pygame's Event) is handed out as a copy.

    Written to, the real one would plant any name, `__array_interface__` included, which
    numpy then reads as a raw memory address.
    """
    found = obj.dict  # type: ignore[attr-defined]
    store = getattr(obj, "__dict__", None)
    return dict(store) if store is not None and found is store else found


_SHARED_CHECKS: dict[str, Callable[[object], object]] = {
    "format": _guard_format,
    "format_map": _guard_format_map,
    "obj": _guard_obj,
    "dict": _guard_dict,
}


# --- imports ----------------------------------------------------------------------------


def _make_import(resolve_module: Callable[[str], object]) -> Callable[..., object]:
    def game_import(
        name: str,
        globals: object = None,
        locals: object = None,
        fromlist: tuple[str, ...] | list[str] | None = (),
        level: int = 0,
    ) -> object:
        """`import` for games: absolute names only, resolved by the facade."""
        # Only C code calls __import__ with an empty *list* (PyImport_Import; game code
        # passes None or a tuple), and it then takes the module from sys.modules itself:
        # numpy's C methods load their Python helpers this way on first use.
        c_level = type(fromlist) is list and not fromlist and not level and type(name) is str
        if c_level and name.startswith(policy.C_LEVEL_IMPORTS):
            importlib.import_module(name)
            return None
        if level:
            raise ImportError("relative imports are not allowed in games")
        if type(name) is not str or not name:
            raise ImportError("module names must be non-empty strings")
        if name == "__future__":
            return _FutureFeatures()
        module = resolve_module(name)
        if fromlist:
            _check_fromlist(module, name, tuple(fromlist))
            return module
        top_name = name.partition(".")[0]
        top = module if top_name == name else resolve_module(top_name)
        _check_attribute_path(top, name)
        return top

    return game_import


def _check_fromlist(module: object, name: str, fromlist: tuple[str, ...]) -> None:
    # Every imported name must be a real attribute: if it were missing, CPython's
    # `from m import x` would fall back to sys.modules[m.__name__ + ".x"] - a real module.
    for item in fromlist:
        if item == "*":
            exported = getattr(module, "__all__", None)
            if not isinstance(exported, (list, tuple)):
                raise ImportError(f'"from {name} import *" is not available for this module')
            for public in exported:
                if type(public) is not str or public.startswith("_") or not hasattr(module, public):
                    raise ImportError(f'"from {name} import *" is not available for this module')
        # No "_" check here: the compiler refuses such names in game source, and C code
        # importing through the game's frame passes fromlist=["__doc__"].
        elif type(item) is not str or not hasattr(module, item):
            raise ImportError(f"cannot import name {item!r} from {name!r}")


def _check_attribute_path(top: object, dotted: str) -> None:
    # `import a.b as c` reads a.b as an attribute, with the same sys.modules fallback.
    current = top
    for part in dotted.split(".")[1:]:
        try:
            current = getattr(current, part)
        except AttributeError:
            raise ImportError(f"no module named {dotted!r} in games") from None

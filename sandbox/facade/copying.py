"""copy.copy and copy.deepcopy for games: an object is rebuilt only the way its class says.

The real functions ask the object itself for `__reduce_ex__`, `__reduce__` and
`__deepcopy__`, so an instance's own attributes (`types.SimpleNamespace(**names)`, a
pygame Event's dict) or a game's `__getattr__` could choose the rebuild: any function to
call, any object to return, and a state that copy then applies with setattr() under any
name. Games get a private instance of the copy module whose hook lookups go to the class.
deepcopy's memo holds every intermediate object it made, so a game may not pass its own.
"""

from __future__ import annotations

import importlib.util
import types
from typing import Any

_HOOKS_FROM_THE_CLASS = frozenset({"__reduce_ex__", "__reduce__", "__deepcopy__"})
_MISSING = object()


def _hook_getattr(obj: object, name: str, default: object = _MISSING) -> object:
    """The `getattr` the private copy module sees: its rebuild hooks come from the class."""
    if name not in _HOOKS_FROM_THE_CLASS:
        return getattr(obj, name) if default is _MISSING else getattr(obj, name, default)
    cls = type(obj)
    for klass in cls.__mro__:
        if name in vars(klass):
            hook = vars(klass)[name]
            bind = getattr(type(hook), "__get__", None)
            return hook if bind is None else bind(hook, obj, cls)
    if default is _MISSING:
        raise AttributeError(name)
    return default


def _load_private_copy_module() -> types.ModuleType:
    # A fresh execution of the stdlib's copy.py, never registered in sys.modules, so the
    # runner's own copying is untouched. Module globals come before builtins in lookups.
    spec = importlib.util.find_spec("copy")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.getattr = _hook_getattr  # type: ignore[attr-defined]
    return module


_GAME_COPY = _load_private_copy_module()


def copy(x: Any) -> Any:
    """copy.copy for games (see the module docstring)."""
    return _GAME_COPY.copy(x)


def deepcopy(x: Any, memo: object = None) -> Any:
    """copy.deepcopy for games, without a memo of the game's own."""
    if memo is not None:
        raise TypeError("copy.deepcopy(x, memo) is not available in games; call copy.deepcopy(x)")
    return _GAME_COPY.deepcopy(x)

"""Immutable namespaces and frozen classes: how the facade hands modules to a game.

A game never receives a real module. It receives an instance of a class built here
whose members are class attributes: attribute reads stay as fast as on a module (the
type's attribute cache answers them in C), while writes fail at every level:
`ns.x = 1` (no instance dict), `type(ns).x = 1` (the metaclass refuses) and
`setattr(...)` (same). A namespace has no `__name__`, so CPython's `from pkg import
name` fallback to `sys.modules[pkg.__name__ + "." + name]` can never find the real
submodule behind it.
"""

from __future__ import annotations

import types
from collections.abc import Mapping
from typing import Any

_FROZEN_FLAG = "_facade_frozen"


class FrozenClassMeta(type):
    """Metaclass whose frozen classes refuse attribute writes; subclasses stay writable."""

    def __setattr__(cls, name: str, value: Any) -> None:
        if cls.__dict__.get(_FROZEN_FLAG, False):
            raise AttributeError(f"{cls.__name__} belongs to the sandbox and cannot be changed")
        super().__setattr__(name, value)

    def __delattr__(cls, name: str) -> None:
        if cls.__dict__.get(_FROZEN_FLAG, False):
            raise AttributeError(f"{cls.__name__} belongs to the sandbox and cannot be changed")
        super().__delattr__(name)


class FacadeNamespace:
    """Base of every sandboxed module a game can import."""

    __slots__ = ()

    def __repr__(self) -> str:
        return f"<sandboxed module {type(self).__qualname__!r}>"


def make_namespace(label: str, members: Mapping[str, object]) -> FacadeNamespace:
    """Build an immutable module-like object exposing exactly `members`."""
    attrs: dict[str, object] = {}
    for name, value in members.items():
        # Plain Python functions would bind as methods when read through an instance.
        attrs[name] = staticmethod(value) if isinstance(value, types.FunctionType) else value
    attrs["__all__"] = tuple(name for name in members if not name.startswith("_"))
    attrs["__slots__"] = ()
    attrs["__doc__"] = f"The sandboxed {label} module."
    namespace_class = _freeze(FrozenClassMeta(label, (FacadeNamespace,), attrs))
    return namespace_class()


def frozen_class(cls: type) -> type:
    """A subclass of `cls` that a game can use and subclass but not modify."""
    if type(cls) is not type:
        # Classes with their own metaclass (Enum, Protocol...) cannot take ours; they
        # only ever live inside one runner process, so handing them out is acceptable.
        return cls
    attrs = {"__module__": cls.__module__, "__qualname__": cls.__qualname__, "__doc__": cls.__doc__}
    return _freeze(FrozenClassMeta(cls.__name__, (cls,), attrs))


def _freeze(cls: type) -> type:
    # Set after creation: __init_subclass__ hooks (typing.Generic's) write to the new class.
    type.__setattr__(cls, _FROZEN_FLAG, True)
    return cls


def public_members(module: object, exclude: frozenset[str] = frozenset()) -> dict[str, object]:
    """The public names of a real module, minus `exclude` and anything that is a module."""
    names = getattr(module, "__all__", None) or [n for n in vars(module) if not n.startswith("_")]
    members: dict[str, object] = {}
    for name in names:
        if name.startswith("_") or name in exclude:
            continue
        value = getattr(module, name, None)
        if value is None or isinstance(value, types.ModuleType):
            continue
        members[name] = value
    return members

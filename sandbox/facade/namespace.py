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

    @staticmethod
    def combined_with(metaclass: type) -> type:
        """A metaclass that freezes like ours and otherwise behaves like `metaclass`."""
        return type(f"Frozen{metaclass.__name__}", (FrozenClassMeta, metaclass), {})


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
    namespace_class = freeze(FrozenClassMeta(label, (FacadeNamespace,), attrs))
    return namespace_class()


def frozen_class(cls: type, metaclass: type | None = None) -> type:
    """A subclass of `cls` that a game can use and subclass but not modify.

    `metaclass`, when given, must derive from FrozenClassMeta and from `type(cls)`.
    """
    if metaclass is None:
        metaclass = type(cls)
        if metaclass is not type:
            # Enum, ABC and friends have their own metaclass: combine it with ours.
            metaclass = FrozenClassMeta.combined_with(metaclass)
        else:
            metaclass = FrozenClassMeta
    try:
        attrs = metaclass.__prepare__(cls.__name__, (cls,))
        attrs.update({"__module__": cls.__module__, "__qualname__": cls.__qualname__, "__doc__": cls.__doc__})
        return freeze(metaclass(cls.__name__, (cls,), attrs))  # type: ignore[call-overload]
    except TypeError:
        return cls  # cannot be subclassed (final classes); it lives in one runner only


def freeze(cls: type) -> type:
    """Make `cls` (whose metaclass derives from FrozenClassMeta) refuse attribute writes."""
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

"""Standard-library helpers that handle attributes by a name given as data, under the game's rules.

`operator.attrgetter` and `methodcaller` read attributes in C, `functools.wraps` copies
the attributes it is told to, `types.SimpleNamespace(**names)` and `cached_property`
set any name: all where the compile policy cannot see. The games' versions check every name the way
`getattr` does. A name is checked once, when the helper is made, so a sort key built with
attrgetter costs a single Python call more than the C one; only the runtime-checked names
(`format`, `format_map`, `obj`) are checked again on every call.
"""

from __future__ import annotations

import functools
import operator
import types
from collections.abc import Callable
from typing import Any

from sandbox import policy
from sandbox.guards import checked_attribute_name, read_attribute


def attrgetter(attr: str, /, *attrs: str) -> Callable[[object], object]:
    """operator.attrgetter for games: every dotted part follows the attribute rules."""
    paths = [_checked_path(name, "operator.attrgetter") for name in (attr, *attrs)]
    if not any(part in policy.RUNTIME_CHECKED_ATTRIBUTES for path in paths for part in path):
        # Every name is fixed and allowed: the C getter reads exactly what `obj.a.b` would.
        # It stays in this closure; handing it out would hand out its class, unchecked.
        real_getter = operator.attrgetter(*(".".join(path) for path in paths))

        def get(obj: object) -> object:
            return real_getter(obj)

        return get
    if len(paths) == 1:
        (path,) = paths
        return lambda obj: _walk(obj, path)
    return lambda obj: tuple(_walk(obj, path) for path in paths)


def methodcaller(name: str, /, *args: Any, **kwargs: Any) -> Callable[[object], object]:
    """operator.methodcaller for games: the method name follows the attribute rules."""
    (plain,) = _checked_path(name, "operator.methodcaller", dotted=False)
    if plain in policy.RUNTIME_CHECKED_ATTRIBUTES:
        return lambda obj: read_attribute(obj, plain)(*args, **kwargs)  # type: ignore[operator]
    real_caller = operator.methodcaller(plain, *args, **kwargs)

    def call(obj: object) -> object:
        return real_caller(obj)

    return call


_DEFAULT: Any = object()


def update_wrapper(wrapper: Any, wrapped: Any, assigned: Any = _DEFAULT, updated: Any = _DEFAULT) -> Any:
    """functools.update_wrapper with its default attribute lists only."""
    _refuse_attribute_lists("functools.update_wrapper", assigned, updated)
    return _copy_wrapped_attributes(wrapper, wrapped)


def wraps(wrapped: Any, assigned: Any = _DEFAULT, updated: Any = _DEFAULT) -> Callable[[Any], Any]:
    """functools.wraps with its default attribute lists only."""
    _refuse_attribute_lists("functools.wraps", assigned, updated)

    # A closure, not functools.partial: a partial's .func would be the real update_wrapper.
    def decorate(wrapper: Any) -> Any:
        return _copy_wrapped_attributes(wrapper, wrapped)

    return decorate


def _copy_wrapped_attributes(wrapper: Any, wrapped: Any) -> Any:
    # functools.update_wrapper with its defaults, except that the entries copied from
    # wrapped.__dict__ are read once and must be names a game could set itself: an
    # Event's or a namespace's dict could otherwise give `wrapper` its own copy hooks.
    for name in functools.WRAPPER_ASSIGNMENTS:
        try:
            value = getattr(wrapped, name)
        except AttributeError:
            continue
        setattr(wrapper, name, value)
    entries = dict(getattr(wrapped, "__dict__", {}))
    for name in entries:
        if type(name) is not str or not (name == "__wrapped__" or _is_settable(name)):
            raise AttributeError(f"functools.wraps: the attribute {name!r} cannot be copied in games")
    wrapper.__dict__.update(entries)
    wrapper.__wrapped__ = wrapped
    return wrapper


class SimpleNamespace(types.SimpleNamespace):
    """types.SimpleNamespace whose attribute names follow the game's rules.

    Without the check, SimpleNamespace(**{"__reduce_ex__": f}) would give an object its
    own copy hooks.
    """

    __slots__ = ()

    def __init__(self, /, **kwargs: Any) -> None:
        # Rebuilt with plain-str keys: a str subclass could hash like a name it is not.
        try:
            plain = {checked_attribute_name(name, store=True): value for name, value in kwargs.items()}
        except AttributeError as refused:
            raise AttributeError(f"types.SimpleNamespace: {refused}") from None
        super().__init__(**plain)


class cached_property(functools.cached_property):  # type: ignore[type-arg]
    """functools.cached_property whose attribute name follows the setattr rule.

    It stores its value in the instance's dict under `attrname`, which is a plain,
    writable attribute: set to "__array_interface__", it would plant that name.
    """

    def __setattr__(self, name: str, value: object) -> None:
        if name == "attrname" and value is not None:
            try:
                value = checked_attribute_name(value, store=True)
            except AttributeError as refused:
                raise AttributeError(f"functools.cached_property: {refused}") from None
        super().__setattr__(name, value)


# --- checks ------------------------------------------------------------------------------


def _checked_path(name: object, helper: str, dotted: bool = True) -> list[str]:
    if not isinstance(name, str):
        raise TypeError(f"{helper}: attribute names must be strings, not {type(name).__name__!r}")
    plain = str.__str__(name)
    parts = plain.split(".") if dotted else [plain]
    for part in parts:
        if part == "__init__":
            raise AttributeError(f'{helper} cannot reach "__init__" in games; write obj.__init__')
        try:
            checked_attribute_name(part, store=False)
        except AttributeError as refused:
            raise AttributeError(f"{helper}: {refused}") from None
    return parts


def _is_settable(name: str) -> bool:
    # The setattr rule.
    try:
        checked_attribute_name(name, store=True)
    except AttributeError:
        return False
    return True


def _walk(obj: object, path: list[str]) -> object:
    for part in path:
        obj = read_attribute(obj, part)
    return obj


def _refuse_attribute_lists(helper: str, assigned: object, updated: object) -> None:
    # Other lists copy any attribute (updated=("__globals__",) copies a function's globals).
    if assigned is not _DEFAULT or updated is not _DEFAULT:
        raise TypeError(f"{helper}: assigned= and updated= are not available in games; use the defaults")

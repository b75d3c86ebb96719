"""dataclasses for games: field names are identifiers, and a field never changes its name.

`dataclass()` pastes field names into source code it executes (`__init__`, `__eq__`,
`__repr__`, ...), and `replace()`/`asdict()` read attributes by a field's name. A class
built with type(), or given annotations by functools.update_wrapper, can carry any
string as a field name, and a Field's `name` is writable. So names are checked before the
real decorator runs, and every Field a game can reach afterwards refuses a new name.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from sandbox.facade.class_rules import field_name_refusal
from sandbox.facade.namespace import FrozenClassMeta, freeze


class GameField(dataclasses.Field, metaclass=FrozenClassMeta):  # type: ignore[type-arg]
    """A dataclasses.Field whose name is set once, to an identifier (its class is frozen)."""

    __slots__ = ()

    def __setattr__(self, name: str, value: object) -> None:
        if name == "name":
            try:
                current = dataclasses.Field.name.__get__(self)  # type: ignore[attr-defined,misc]
            except AttributeError:  # Field.__init__ has not set it yet
                current = None
            if current is not None:
                raise AttributeError(f"a dataclass field keeps its name in games (this one is {current!r})")
            refusal = None if value is None else field_name_refusal(value)
            if refusal:
                raise TypeError(refusal)
        super().__setattr__(name, value)


freeze(GameField)


def dataclass(cls: type | None = None, /, **options: Any) -> Any:
    """dataclasses.dataclass for games: refuses field names that are not identifiers."""

    def decorate(cls: type) -> type:
        _check_field_names(cls)
        made: type = dataclasses.dataclass(cls, **options)  # type: ignore[call-overload]
        for found in vars(made)["__dataclass_fields__"].values():
            _lock(found)
        return made

    return decorate if cls is None else decorate(cls)


def field(**options: Any) -> Any:
    """dataclasses.field for games: the Field it returns keeps the name its class gives it."""
    return _lock(dataclasses.field(**options))


def _lock(found: dataclasses.Field) -> dataclasses.Field:  # type: ignore[type-arg]
    if type(found) is dataclasses.Field:
        found.__class__ = GameField  # same layout (GameField adds no slots)
    return found


def _check_field_names(cls: object) -> None:
    # The same reads dataclasses itself makes (Python 3.11 _process_class), before it does.
    if not isinstance(cls, type):
        raise TypeError("dataclass() must decorate a class")
    annotations = vars(cls).get("__annotations__", {})
    if type(annotations) is not dict:
        raise TypeError("dataclass(): the class's annotations must be a plain dict")
    names: list[object] = list(annotations)
    for base in cls.__mro__[-1:0:-1]:
        inherited = getattr(base, "__dataclass_fields__", None)
        if inherited is not None:
            names += [found.name for found in inherited.values()]
    for name in names:
        refusal = field_name_refusal(name)
        if refusal:
            raise TypeError(refusal)


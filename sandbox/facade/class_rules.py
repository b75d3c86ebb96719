"""The class statement's rules, applied where a game builds classes from data at run time.

A class statement is checked at compile time. `type(name, bases, namespace)`, a metaclass
reached through `type(SomeClass)`, and `Enum("Name", members)` build classes from values
the compiler never sees, so they are checked here against the same lists
(policy.DEFINABLE_DUNDER_METHODS, CLASS_BODY_DUNDER_NAMES) and the same metaclass rule:
a game never makes a metaclass and never calls one directly.
"""

from __future__ import annotations

import enum
import keyword
import types
from collections.abc import Callable, Mapping
from typing import Any

from sandbox import policy
from sandbox.facade.namespace import FrozenClassMeta

METACLASS_REFUSED = "metaclasses (classes deriving from type) are not allowed in games"

_MEMBER_NAMES = policy.DEFINABLE_DUNDER_METHODS | policy.CLASS_BODY_DUNDER_NAMES | policy.IMPLICIT_CLASS_BODY_NAMES


def is_bindable_name(name: str) -> bool:
    """True if a game may bind `name` (a variable, field or attribute it defines)."""
    return (
        not name.startswith("_")
        or policy.is_single_underscore_name(name)
        or (name == "_" and policy.ALLOW_BARE_UNDERSCORE)
    )


def field_name_refusal(name: object, kind: str = "dataclass field") -> str | None:
    """Why `name` cannot name a dataclass field or an annotation (None if it can).

    dataclasses pastes field names into source code it executes, so a name must be a
    plain identifier, exactly as a class body could write it.
    """
    if type(name) is not str:
        return f"{kind} names must be plain strings, not {type(name).__name__!r}"
    if not name.isidentifier() or keyword.iskeyword(name) or not is_bindable_name(name):
        return f"{kind} names must be identifiers a game may bind: {name!r}"
    return None


def check_new_class(cls: type) -> None:
    """Refuse a class just built for a game: a metaclass, or a slot with a refused name."""
    if issubclass(cls, type):
        raise TypeError(f'{METACLASS_REFUSED}: "{cls.__name__}"')
    for name, value in vars(cls).items():
        if type(value) is types.MemberDescriptorType and not _is_allowed_slot(name):
            raise TypeError(f'__slots__ names follow the attribute rules; "{name}" is not allowed')


def limit_getattr_hook(cls: type) -> None:
    """Keep a game class's own `__getattr__` from answering names game code cannot read.

    C code and the standard library ask objects for protocol names through getattr (numpy
    for `__array_interface__`: an array over any address). A game's `__getattr__` would
    answer those as it answers everything, so it is asked only for names without "__".
    """
    hook = vars(cls).get("__getattr__")
    if hook is None:
        return
    bind = getattr(type(hook), "__get__", None)

    def __getattr__(self: object, name: str) -> object:
        if type(name) is not str or name.startswith("__"):
            raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")
        found = hook if bind is None else bind(hook, self, type(self))
        return found(name)

    __getattr__.__qualname__ = f"{cls.__qualname__}.__getattr__"
    type.__setattr__(cls, "__getattr__", __getattr__)


def make_game_type(on_new_class: Callable[[type], None], stand_ins: Mapping[type, object]) -> type:
    """The game's `type`: `type(x)` as usual, `type(name, bases, dict)` under class rules.

    `type(x)` of an instance of a class the facade replaces gives the replacement
    (`stand_ins`), so the real class cannot be had back from an object.

    When `x` is a class, `type(x)` is a metaclass, which would build classes unchecked, so
    the game gets a view of it instead: the same name, isinstance() and issubclass()
    answers, and three-argument calls checked like `type(...)`. The view of `type` is the
    game's `type` itself, so `type(C) is type` still holds.
    """
    real_of: dict[type, type] = {}
    view_of: dict[type, type] = {}

    class MetaclassView(type):
        """Metaclass of the views; the real metaclass stays in this closure."""

        def __call__(view, *args: Any, **kwargs: Any) -> Any:
            if view is game_type and len(args) == 1 and not kwargs:  # type(x): keep it quick
                (obj,) = args
                if isinstance(obj, type):
                    return view_for(type(obj))
                return stand_ins.get(type(obj), type(obj))
            real = real_of[view]
            if len(args) != 3:
                raise TypeError(f"{real.__name__}() takes 1 or 3 arguments in games")
            name, bases, namespace = args
            cls = real(_checked_name(name), checked_bases(bases), _checked_namespace(namespace),
                       **_checked_keywords(kwargs))
            check_new_class(cls)
            limit_getattr_hook(cls)
            on_new_class(cls)
            return cls

        def __instancecheck__(view, obj: object) -> bool:
            return isinstance(obj, real_of[view])

        def __subclasscheck__(view, cls: type) -> bool:
            return issubclass(real_of.get(cls, cls), real_of[view])

        def __repr__(view) -> str:
            return repr(real_of[view])

    def refuse_subclass(cls: type, **kwargs: object) -> None:
        raise TypeError(METACLASS_REFUSED)

    def view_for(metaclass: type) -> type:
        if metaclass is MetaclassView:
            metaclass = type  # the game's type is a view too: type(type) is type
        view = view_of.get(metaclass)
        if view is None:
            view = MetaclassView(metaclass.__name__, (), {
                "__module__": metaclass.__module__,
                "__qualname__": metaclass.__qualname__,
                "__doc__": metaclass.__doc__,
                "__slots__": (),
                "__class_getitem__": classmethod(types.GenericAlias),  # type[Enemy] in hints
                "__init_subclass__": classmethod(refuse_subclass),
            })
            view_of[metaclass] = view
            real_of[view] = metaclass
        return view

    def checked_bases(bases: object) -> tuple[type, ...]:
        if not isinstance(bases, tuple):
            raise TypeError("type() argument 2 must be a tuple of classes")
        plain: tuple[Any, ...] = tuple.__add__((), bases)  # the real items, not a subclass's view
        for base in plain:
            if isinstance(base, MetaclassView) or (isinstance(base, type) and issubclass(base, type)):
                raise TypeError(METACLASS_REFUSED)
        return plain

    game_type = view_for(type)
    return game_type


class CheckedEnumType(FrozenClassMeta, enum.EnumType):
    """Enum's metaclass for games: `Enum("Name", members)` member names follow the class rules.

    The functional API puts each name into the new class's namespace, where a dunder name
    (`__del__`, `__getattribute__`) becomes a class attribute like in type(name, bases, dict).
    """

    def __call__(cls, *args: Any, **kwargs: Any) -> Any:
        if len(args) > 1:
            args = (args[0], checked_enum_members(args[1]), *args[2:])
        elif "names" in kwargs:
            kwargs["names"] = checked_enum_members(kwargs["names"])
        return super().__call__(*args, **kwargs)


def checked_enum_members(names: object) -> object:
    """The members given to Enum("Name", names), as plain data with allowed names only.

    Follows Enum's own reading of `names` (a string, a list of names, or (name, value)
    pairs or a mapping), reading it once, so Enum sees exactly what was checked.
    """
    if names is None:
        return None
    if isinstance(names, str):
        names = str.__str__(names).replace(",", " ").split()
    if isinstance(names, (tuple, list)) and names and isinstance(names[0], str):
        return [_checked_member_name(name) for name in list(names)]
    pairs = []
    for item in names:  # type: ignore[attr-defined]
        if isinstance(item, str):
            pairs.append((_checked_member_name(item), names[item]))  # type: ignore[index]
        else:
            name, value = item
            pairs.append((_checked_member_name(name), value))
    return pairs


# --- the pieces of a type(name, bases, namespace) call -----------------------------------


def _checked_name(name: object) -> str:
    if not isinstance(name, str):
        raise TypeError(f"type() argument 1 must be a str, not {type(name).__name__!r}")
    return str.__str__(name)


def _checked_keywords(kwargs: dict[str, Any]) -> dict[str, Any]:
    for key in kwargs:
        if key == "metaclass" or key.startswith("_"):
            raise TypeError(f"type() keyword {key!r} is not allowed in games")
    return kwargs


def _checked_namespace(namespace: object) -> dict[str, object]:
    if not isinstance(namespace, dict):
        raise TypeError(f"type() argument 3 must be a dict, not {type(namespace).__name__!r}")
    plain: dict[str, object] = dict(dict.items(namespace))  # the stored items, not what a subclass says
    for name in plain:
        if type(name) is not str:
            raise TypeError("type(): class attribute names must be plain strings")
        if not (is_bindable_name(name) or name in _MEMBER_NAMES):
            raise TypeError(
                f'type(): the class attribute "{name}" is not allowed in games (a class may '
                f"define special methods such as __init__, __repr__, __eq__, and __slots__)"
            )
    if "__annotations__" in plain:
        plain["__annotations__"] = _checked_annotations(plain["__annotations__"])
    if "__slots__" in plain:
        plain["__slots__"] = _checked_slots(plain["__slots__"])
    # type() would take the module from *this* frame; a game's classes belong to the game.
    plain["__module__"] = policy.GAME_MODULE_NAME
    return plain


def _checked_annotations(annotations: object) -> dict[str, object]:
    if not isinstance(annotations, dict):
        raise TypeError("type(): __annotations__ must be a dict")
    plain: dict[str, object] = dict(dict.items(annotations))
    for name in plain:
        refusal = field_name_refusal(name, "type(): annotation")
        if refusal:
            raise TypeError(refusal)
    return plain


def _checked_slots(slots: object) -> tuple[str, ...]:
    names = (slots,) if isinstance(slots, str) else tuple(slots)  # type: ignore[arg-type]
    plain = []
    for name in names:
        if not isinstance(name, str):
            raise TypeError("__slots__ names must be strings")
        name = str.__str__(name)
        if not _is_allowed_slot(name):
            raise TypeError(f'__slots__ names follow the attribute rules; "{name}" is not allowed')
        plain.append(name)
    return tuple(plain)


def _is_allowed_slot(name: str) -> bool:
    return name in policy.SPECIAL_SLOT_NAMES or is_bindable_name(name)


def _checked_member_name(name: object) -> str:
    if not isinstance(name, str):
        raise TypeError(f"Enum member names must be strings, not {type(name).__name__!r}")
    name = str.__str__(name)
    if name.startswith("_"):
        raise ValueError(f'Enum member names starting with "_" are not allowed in games: {name!r}')
    return name

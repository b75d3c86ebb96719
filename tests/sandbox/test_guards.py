"""Runtime guards and curated builtins: what compile time cannot see fails without leaking."""

from __future__ import annotations

import math
import re
import sys
import types
from collections.abc import Callable
from dataclasses import dataclass

import pytest

from sandbox import policy
from sandbox.compiler import compile_game
from sandbox.guards import make_builtins, make_globals


class FacadeThing:
    """Stands in for a facade object: immutable, holding an internal it must not leak."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "<facade thing>"


@dataclass(frozen=True)
class FrozenFacadeValue:
    amount: int


FACADE_MODULE = types.ModuleType("facade_like")
FACADE_MODULE.thing = FacadeThing()  # type: ignore[attr-defined]
FACADE_MODULE.value = FrozenFacadeValue(1)  # type: ignore[attr-defined]
FACADE_MODULE.__all__ = ["thing", "value"]  # type: ignore[attr-defined]
LEAKY_STAR = types.SimpleNamespace(__all__=["ok", "_secret"], ok=1, _secret=2)
NO_ALL = types.SimpleNamespace(ok=1)
# Looks like the real `json` package to CPython's `from pkg import sub` fallback.
JSON_LOOKALIKE = types.SimpleNamespace(__name__="json", dumps=None)


def resolver(known: dict[str, object]) -> Callable[[str], object]:
    def resolve(dotted: str) -> object:
        try:
            return known[dotted]
        except KeyError:
            raise ImportError(f"no module named {dotted!r}") from None

    return resolve


RESOLVE = resolver({
    "math": math, "facade": FACADE_MODULE, "leaky": LEAKY_STAR, "no_all": NO_ALL,
    "json": JSON_LOOKALIKE,
})


def run(source: str, resolve: Callable[[str], object] = RESOLVE) -> dict[str, object]:
    # The fake resolver offers test modules ("facade", ...) besides the real list.
    compiled = compile_game(source, "game.py", allowed_modules=TEST_MODULES)
    namespace = make_globals(make_builtins(resolve, print), "game.py")
    exec(compiled.code, namespace)
    return namespace


TEST_MODULES = policy.ALLOWED_MODULES | {"facade", "leaky", "no_all", "top"}


# --- the curated builtins ---------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    ["eval", "exec", "open", "compile", "globals", "locals", "vars", "dir", "input",
     "breakpoint", "help", "memoryview", "__loader__", "__spec__"],
)
def test_dangerous_builtins_are_absent(name: str) -> None:
    assert name not in make_builtins(RESOLVE, print)
    if not name.startswith("_"):
        with pytest.raises(NameError):
            run(f"{name}('1')")


def test_curated_builtins_cover_what_games_use() -> None:
    builtins = make_builtins(RESOLVE, print)
    for name in ("abs", "len", "range", "sorted", "super", "property", "isinstance",
                 "ValueError", "StopIteration", "SystemExit", "__build_class__", "__import__"):
        assert name in builtins
    assert builtins["print"] is print


def test_each_game_gets_its_own_builtins_dict() -> None:
    first, second = make_builtins(RESOLVE, print), make_builtins(RESOLVE, print)
    assert first is not second
    assert first[policy.ATTR_GUARD_NAME] is not second[policy.ATTR_GUARD_NAME]


def test_make_globals_sets_module_identity() -> None:
    builtins = make_builtins(RESOLVE, print)
    namespace = make_globals(builtins, "pong.py")
    assert namespace["__builtins__"] is builtins
    assert namespace["__name__"] == "__main__" and namespace["__file__"] == "pong.py"


# --- getattr and friends ----------------------------------------------------------------


def test_getattr_follows_the_source_rules() -> None:
    with pytest.raises(AttributeError, match="__class__"):
        run("x = getattr(1, '__class__')")
    with pytest.raises(AttributeError, match="gi_frame"):
        run("def g(): yield 1\nx = getattr(g(), 'gi_frame')")
    assert run("x = getattr(1, '__class__', 'refused')")["x"] == "refused"
    assert run("x = getattr(1, 'real')")["x"] == 1


def test_getattr_cannot_be_fooled_by_a_str_subclass() -> None:
    source = """
class Sneaky(str):
    def startswith(self, prefix):
        return False
x = getattr(1, Sneaky('__class__'))
"""
    with pytest.raises(AttributeError, match="__class__"):
        run(source)


def test_hasattr_setattr_delattr_follow_the_source_rules() -> None:
    namespace = run("""
class Box:
    pass
b = Box()
setattr(b, "size", 3)
answers = [hasattr(b, "size"), hasattr(b, "__dict__"), hasattr(b, "__class__")]
""")
    assert namespace["answers"] == [True, False, False]
    for statement in ("setattr(b, '__class__', int)", "setattr(b, '_x_', 1)",
                      "delattr(b, '__init__')", "setattr(b, 'f_globals', 1)"):
        with pytest.raises(AttributeError):
            run(f"class Box:\n    pass\nb = Box()\n{statement}")


# --- str.format and format_map ----------------------------------------------------------


@pytest.mark.parametrize(
    "expression",
    [
        '"{0.__class__.__mro__}".format(1)',
        'str.format("{0.__globals__}", f)',
        '"{f.__init__.__globals__}".format_map({"f": f})',
        '"{0:{1.__class__}}".format(1, 2)',
        '"{0[__builtins__]}".format({})',
        '"{0.gi_frame}".format(gen)',
        'getattr("{0.__class__}", "format")(1)',
        'getattr(str, "format")("{0.__class__}", 1)',
        'str.format_map("{f.__globals__}", {"f": f})',
        'Text("{0.__class__}").format(1)',
        'super(Text, Text("{0.__class__}")).format(1)',
        '"{0.obj}".format(f)',
    ],
)
def test_format_field_traversal_is_refused(expression: str) -> None:
    source = f"""
def f():
    pass
def g():
    yield 1
gen = g()
class Text(str):
    pass
leaked = {expression}
"""
    with pytest.raises(ValueError, match="not allowed in games"):
        run(source)


def test_safe_format_fields_still_work() -> None:
    namespace = run("""
class P:
    x = 3
out = ["{0.x}|{0.x:>3}".format(P()), "{0[1]}".format([5, 6]), "{k[a]}".format_map({"k": {"a": 1}}),
       "{:{}}".format(7, 3), "{!r}".format("s")]
""")
    assert namespace["out"] == ["3|  3", "6", "1", "  7", "'s'"]


def test_a_game_objects_own_format_attribute_is_untouched() -> None:
    namespace = run("""
class Save:
    format = "json"
    def __init__(self):
        self.obj = 4
s = Save()
got = (s.format, s.obj, getattr(s, "obj"))
""")
    assert namespace["got"] == ("json", 4, 4)


# --- .obj on exceptions -----------------------------------------------------------------


@pytest.mark.parametrize(
    "reach",
    ["e.obj", "getattr(e, 'obj')", "AttributeError.obj", "super(AttributeError, e).obj"],
)
def test_exception_obj_does_not_leak_facade_objects(reach: str) -> None:
    source = f"""
import facade
try:
    facade.thing.nope
except AttributeError as e:
    leaked = {reach}
"""
    with pytest.raises(AttributeError, match='"obj"|no attribute'):
        run(source)


# --- __init__ ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "statement",
    [
        "facade.__init__('renamed')",
        "facade.value.__init__(99)",
        "facade.thing.__init__()",
        "type(facade.value).__init__(facade.value, 99)",
        "type(facade).__init__(facade, 'renamed')",
        "super(type(facade.value), facade.value).__init__(99)",
        "object.__init__(facade.thing)",
        "getattr(type(facade.value), '__init__')(facade.value, 99)",
    ],
)
def test_init_cannot_reinitialise_facade_objects(statement: str) -> None:
    with pytest.raises((AttributeError, TypeError), match="__init__ may only be used"):
        run(f"import facade\n{statement}")
    assert FACADE_MODULE.__name__ == "facade_like"
    assert FACADE_MODULE.value.amount == 1  # type: ignore[attr-defined]


def test_init_cannot_reinitialise_a_facade_value_through_a_game_subclass() -> None:
    source = """
import facade
class Mine(type(facade.value)):
    pass
Mine.__init__(facade.value, 99)
"""
    with pytest.raises(TypeError, match="__init__ may only be used"):
        run(source)
    assert FACADE_MODULE.value.amount == 1  # type: ignore[attr-defined]


def test_game_subclasses_of_frozen_classes_initialise_normally() -> None:
    namespace = run("""
import facade
class Mine(type(facade.value)):
    def __init__(self, amount):
        super().__init__(amount)
m = Mine(5)
""")
    assert namespace["m"].amount == 5  # type: ignore[attr-defined]


# --- imports ----------------------------------------------------------------------------


def test_unknown_modules_fail_with_import_error() -> None:
    only_math = resolver({"math": math})
    assert run("import math\nx = math.floor(2.5)", only_math)["x"] == 2
    with pytest.raises(ImportError):
        run("import os", only_math)
    with pytest.raises(ImportError):
        run("import math.nothing as n", only_math)


def test_from_import_never_falls_back_to_real_submodules() -> None:
    import json.decoder  # noqa: F401 - make sure the real submodule sits in sys.modules

    assert "json.decoder" in sys.modules
    with pytest.raises(ImportError, match="cannot import name 'decoder'"):
        run("from json import decoder")


def test_star_import_needs_a_clean_all() -> None:
    assert run("from facade import *\nx = value.amount")["x"] == 1
    with pytest.raises(ImportError):
        run("from leaky import *")
    with pytest.raises(ImportError):
        run("from no_all import *")


def test_import_of_a_dotted_name_returns_the_top_level() -> None:
    top = types.SimpleNamespace(sub=types.SimpleNamespace(x=1))
    nested = resolver({"top": top, "top.sub": top.sub})
    assert run("import top.sub\nx = top.sub.x", nested)["x"] == 1
    assert run("import top.sub as s\nx = s.x", nested)["x"] == 1
    assert run("from top.sub import x", nested)["x"] == 1


def test_relative_imports_fail_at_runtime_too() -> None:
    game_import = make_builtins(RESOLVE, print)["__import__"]
    with pytest.raises(ImportError, match="relative"):
        game_import("math", None, None, ("floor",), 1)  # type: ignore[operator]


# --- type(): one argument as usual, three arguments under the class statement's rules -------


def test_type_of_an_object_is_unchanged() -> None:
    namespace = run("""
class Box:
    pass
b = Box()
got = [type(1) is int, type(b) is Box, type("s") is str, type(b).__name__, type(None)]
""")
    assert namespace["got"] == [True, True, True, "Box", type(None)]


def test_type_of_a_class_answers_like_type() -> None:
    namespace = run("""
import fractions
class Box:
    pass
got = [type(Box) is type, type(type) is type, isinstance(Box, type), isinstance(3, type),
       issubclass(type(Box), type), type.__name__, repr(type), str(type[int]),
       isinstance(fractions.Fraction, type(fractions.Fraction)), type(fractions.Fraction).__name__]
""", resolver({"fractions": __import__("fractions")}))
    assert namespace["got"] == [True, True, True, False, True, "type", "<class 'type'>",
                                "type[int]", True, "ABCMeta"]


def test_three_argument_type_builds_ordinary_classes() -> None:
    namespace = run("""
def init(self, x):
    self.x = x
def again(self):
    self.__init__(5)
Point = type("Point", (), {"__init__": init, "__repr__": lambda self: "P%d" % self.x,
                           "__slots__": ("x",), "__doc__": "A point.", "__annotations__": {"x": int},
                           "_speed": 2, "again": again, "__hash__": None})
p = Point(3)
p.again()
got = (repr(p), Point.__name__, Point._speed, p.x)
""")
    assert namespace["got"] == ("P5", "Point", 2, 5)
    assert namespace["Point"].__module__ == "__main__"


@pytest.mark.parametrize(
    ("namespace_source", "refused"),
    [
        ('{"__del__": lambda self: None}', "__del__"),
        ('{"__getattribute__": lambda self, name: 1}', "__getattribute__"),
        ('{"__init_subclass__": lambda cls: None}', "__init_subclass__"),
        ('{"__class_getitem__": lambda cls, item: 1}', "__class_getitem__"),
        ('{"__set_name__": lambda self, owner, name: None}', "__set_name__"),
        ('{"__reduce_ex__": lambda self, protocol: None}', "__reduce_ex__"),
        ('{"__module__": "os"}', "__module__"),
        ('{"__classcell__": None}', "__classcell__"),
        ('{"_hidden_": 1}', "_hidden_"),
        ('{"__slots__": ("__del__",)}', "__del__"),
        ('{"__annotations__": {"a,print(1),b": int}}', "a,print(1),b"),
        ('{1: 2}', "plain strings"),
    ],
)
def test_three_argument_type_refuses_what_a_class_body_cannot_bind(namespace_source: str, refused: str) -> None:
    with pytest.raises(TypeError, match=re.escape(refused)):
        run(f"Sneaky = type('Sneaky', (), {namespace_source})")


def test_three_argument_type_checks_the_real_items_of_a_dict_subclass() -> None:
    source = """
class Liar(dict):
    def keys(self):
        return iter(["harmless"])
    def __iter__(self):
        return iter(["harmless"])
    def items(self):
        return iter([("harmless", 1)])
Sneaky = type("Sneaky", (), Liar({"__del__": lambda self: None}))
"""
    with pytest.raises(TypeError, match="__del__"):
        run(source)


@pytest.mark.parametrize(
    "statement",
    [
        "Meta = type('Meta', (type,), {})",
        "Meta = type('Meta', (type(Box),), {})",
        "Meta = type(Box)('Meta', (type,), {})",
        "class Meta(type):\n    pass",
        "class Meta(type(Box)):\n    pass",
        "Sneaky = type('Sneaky', (), {}, metaclass=type)",
        "Sneaky = type(Box)('Sneaky', (), {'__del__': lambda self: None})",
        "Sneaky = type(type)('Sneaky', (), {'__del__': lambda self: None})",
    ],
)
def test_metaclasses_are_neither_built_nor_called(statement: str) -> None:
    with pytest.raises(TypeError, match="metaclass|__del__|keyword"):
        run(f"class Box:\n    pass\n{statement}")


def test_the_metaclass_of_an_abc_is_a_checked_view() -> None:
    source = """
import fractions
Meta = type(fractions.Fraction)
Sneaky = Meta("Sneaky", (), {"__del__": lambda self: None})
"""
    with pytest.raises(TypeError, match="__del__"):
        run(source, resolver({"fractions": __import__("fractions")}))
    allowed = run("""
import fractions
Meta = type(fractions.Fraction)
Half = Meta("Half", (fractions.Fraction,), {"describe": lambda self: "half"})
got = (Half(1, 2).describe(), type(Half) is Meta)
""", resolver({"fractions": __import__("fractions")}))
    assert allowed["got"] == ("half", True)


def test_a_slot_named_like_a_dunder_is_refused_in_a_class_statement() -> None:
    with pytest.raises(TypeError, match="__getattribute__"):
        run("class Sneaky:\n    __slots__ = ('__getattribute__',)")
    assert run("class Fine:\n    __slots__ = ('x', '_y', '__dict__')\nf = Fine()\nf.x = 1")["f"].x == 1


def test_a_game_getattr_is_never_asked_for_dunder_names() -> None:
    namespace = run("""
asked = []
def answer(self, name):
    asked.append(name)
    return "answer"
class Proxy:
    def __getattr__(self, name):
        asked.append(name)
        return "answer"
Built = type("Built", (), {"__getattr__": answer})
class Child(Proxy):
    pass
got = []
for thing in (Proxy(), Built(), Child()):
    got.append((thing.anything, getattr(thing, "_private"), hasattr(thing, "__array_interface__"),
                getattr(thing, "__deepcopy__", "missing")))
""")
    assert namespace["got"] == [("answer", "answer", False, "missing")] * 3
    assert namespace["asked"] == ["anything", "_private"] * 3
    thing = namespace["Proxy"]()  # type: ignore[operator]
    with pytest.raises(AttributeError, match="__array_interface__"):
        getattr(thing, "__array_interface__")  # noqa: B009 - what C code (numpy) asks, by name

"""Standard-library helpers that handle names as data follow the game's rules (real facade)."""

from __future__ import annotations

import operator
import re
import types

import pytest

from sandbox.compiler import Refusal, compile_game
from sandbox.console import Console
from sandbox.facade.pygame_media import AssetPack
from sandbox.facade.registry import build_facade
from sandbox.guards import make_builtins, make_globals


def run(source: str) -> dict[str, object]:
    """Compile and execute `source` as a game, with the real facade and builtins."""
    console = Console()
    resolver = build_facade(console, AssetPack(None), b"", False, "game.py")
    builtins = make_builtins(resolver.resolve, print, console.files.open, resolver.stand_ins)
    namespace = make_globals(builtins, "game.py")
    exec(compile_game(source, "game.py").code, namespace)
    return namespace


# --- operator ------------------------------------------------------------------------------


def test_attrgetter_and_methodcaller_work_for_games() -> None:
    namespace = run("""
import operator
class Ship:
    def __init__(self, x, name):
        self.x, self.name = x, name
        self.pos = Pos(x)
    def hit(self, damage, critical=False):
        return damage * (2 if critical else 1)
class Pos:
    def __init__(self, y):
        self.y = y
fleet = [Ship(3, "c"), Ship(1, "a"), Ship(2, "b")]
got = ([s.name for s in sorted(fleet, key=operator.attrgetter("x"))],
       operator.attrgetter("x", "pos.y")(fleet[0]),
       operator.methodcaller("hit", 5, critical=True)(fleet[0]),
       operator.methodcaller("upper")("abc"),
       operator.itemgetter(1, 0)("xy"),
       operator.attrgetter("format")("{}!")(7),
       operator.methodcaller("format", 8)("{0}?"))
""")
    assert namespace["got"] == (["a", "b", "c"], (3, 3), 10, "ABC", ("y", "x"), "7!", "8?")


@pytest.mark.parametrize(
    ("call", "refused"),
    [
        ('operator.attrgetter("__globals__")(f)', "__globals__"),
        ('operator.attrgetter("__glo" + "bals__")(f)', "__globals__"),
        ('operator.attrgetter("real.__class__")(1)', "__class__"),
        ('operator.attrgetter("x", "gi_frame")(g())', "gi_frame"),
        ('operator.attrgetter("gi_frame.f_back")(g())', "gi_frame"),
        ('operator.attrgetter("__init__")(f)', "__init__"),
        ('operator.attrgetter("mro")(int)', "mro"),
        ('operator.methodcaller("__subclasses__")(object)', "__subclasses__"),
        ('operator.methodcaller("__getattribute__", "__globals__")(f)', "__getattribute__"),
        ('operator.methodcaller("__init__")(f)', "__init__"),
        ('functools.reduce(lambda o, n: operator.attrgetter(n)(o), ["__globals__"], f)', "__globals__"),
        ('list(map(operator.attrgetter("__code__"), [f]))', "__code__"),
    ],
)
def test_attrgetter_and_methodcaller_refuse_what_getattr_refuses(call: str, refused: str) -> None:
    with pytest.raises(AttributeError, match=re.escape(refused)):
        run(f"import functools, operator\ndef f():\n    pass\ndef g():\n    yield 1\nleak = {call}")


@pytest.mark.parametrize(
    "call",
    [
        'operator.methodcaller("format", f)("{0.__globals__}")',
        'operator.attrgetter("format")("{0.__class__}")(1)',
        'operator.methodcaller("format_map", {"f": f})("{f.__globals__}")',
    ],
)
def test_runtime_checked_names_are_checked_on_each_call(call: str) -> None:
    with pytest.raises(ValueError, match="not allowed in games"):
        run(f"import operator\ndef f():\n    pass\nleak = {call}")


def test_attrgetter_obj_follows_the_exception_rule() -> None:
    source = """
import operator
try:
    1 / 0
except ZeroDivisionError as error:
    leak = operator.attrgetter("obj")(error)
"""
    with pytest.raises(AttributeError, match='"obj" of exceptions'):
        run(source)
    assert run("import operator\nclass Box:\n    obj = 4\ngot = operator.attrgetter('obj')(Box())")["got"] == 4


def test_the_getters_a_game_gets_hide_the_real_ones() -> None:
    namespace = run("import operator\nkey = operator.attrgetter('x')\ncall = operator.methodcaller('upper')")
    for helper in (namespace["key"], namespace["call"]):
        assert type(helper) is types.FunctionType  # type() of a real one would build unchecked ones
    assert run("import operator\ngot = operator.itemgetter")["got"] is operator.itemgetter


# --- functools -----------------------------------------------------------------------------


def test_wraps_keeps_its_defaults() -> None:
    namespace = run("""
import functools
def logged(func):
    @functools.wraps(func)
    def wrapper(*args):
        return func(*args)
    return wrapper
@logged
def add(a, b):
    "Adds."
    return a + b
def plain():
    pass
functools.update_wrapper(plain, add)
got = (add(1, 2), add.__name__, plain.__name__)
""")
    assert namespace["got"] == (3, "add", "add")


@pytest.mark.parametrize(
    "call",
    [
        'functools.wraps(f, assigned=(), updated=("__globals__",))(box)',
        'functools.wraps(f, ("__code__",))(box)',
        'functools.update_wrapper(box, f, (), ("__globals__",))',
        'functools.update_wrapper(box, f, updated=())',
    ],
)
def test_wraps_refuses_other_attribute_lists(call: str) -> None:
    source = f"import functools\ndef f():\n    pass\nclass Box:\n    pass\nbox = Box()\n{call}"
    with pytest.raises(TypeError, match="use the defaults"):
        run(source)


def test_wraps_does_not_hand_out_the_real_update_wrapper() -> None:
    with pytest.raises(AttributeError, match="func"):
        run("import functools\ndef f():\n    pass\nreal = functools.wraps(f).func")


# --- dataclasses ---------------------------------------------------------------------------


def test_dataclasses_work_as_usual() -> None:
    namespace = run("""
from dataclasses import dataclass, field, fields, asdict, astuple, replace, KW_ONLY, InitVar
@dataclass(order=True)
class Card:
    rank: int
    suit: str = "hearts"
    tags: list = field(default_factory=list)
    _seen: bool = False
@dataclass(frozen=True, slots=True)
class Point:
    x: int
    y: int = 0
@dataclass
class Plain:
    x: int
    y: int = 0
@dataclass
class Scaled(Plain):
    _: KW_ONLY
    scale: InitVar[int] = 1
    def __post_init__(self, scale):
        self.factor = scale
c = Card(3)
got = (c < Card(4), [f.name for f in fields(Card)], asdict(c), astuple(Point(1, 2)),
       replace(c, rank=9).rank, Scaled(1, 2, scale=3).factor)
""")
    assert namespace["got"] == (True, ["rank", "suit", "tags", "_seen"],
                                {"rank": 3, "suit": "hearts", "tags": [], "_seen": False},
                                (1, 2), 9, 3)


@pytest.mark.parametrize(
    "source",
    [
        # annotations built by type(): refused there already
        'C = type("C", (), {"a": 1, "__annotations__": {"a,print(1),self.a": int}})',
        # annotations copied by wraps from a pygame Event's attributes: refused at the Event now
        """import pygame, functools
class C:
    a = 1
functools.wraps(pygame.event.Event(1, {"__annotations__": {"a,print(1),self.a": int}}))(C)
dataclasses.dataclass(C)""",
        # annotations that are a dict subclass (what dataclass reads could differ from the check)
        """import pygame, functools
class Names(dict):
    pass
class C:
    a = 1
functools.wraps(pygame.event.Event(1, {"__annotations__": Names(a=int)}))(C)
dataclasses.dataclass(C)""",
    ],
)
def test_dataclass_field_names_must_be_identifiers(source: str) -> None:
    with pytest.raises((TypeError, AttributeError), match="names must be|plain dict|pygame.event.Event"):
        run(f"import dataclasses\n{source}")


@pytest.mark.parametrize(
    "statement",
    [
        'dataclasses.fields(Base)[0].name = "x,print(1),self.x"',
        'setattr(dataclasses.fields(Base)[0], "name", "y")',
        'type(dataclasses.fields(Base)[0]).name = "x,print(1),self.x"',
        'kept.name = "other"',
    ],
)
def test_a_dataclass_field_keeps_its_name(statement: str) -> None:
    source = f"""
import dataclasses
kept = dataclasses.field(default=0)
@dataclasses.dataclass
class Base:
    x: int = 0
    z: int = kept
{statement}
"""
    with pytest.raises(AttributeError, match="keeps its name|cannot be changed"):
        run(source)


def test_a_field_object_cannot_serve_two_dataclasses() -> None:
    source = """
import dataclasses
shared = dataclasses.field(default=0)
@dataclasses.dataclass
class A:
    x: int = shared
@dataclasses.dataclass
class B:
    y: int = shared
"""
    with pytest.raises(AttributeError, match="keeps its name"):
        run(source)


# --- enum ----------------------------------------------------------------------------------


def test_the_functional_enum_api_works_as_usual() -> None:
    namespace = run("""
import enum
Color = enum.Enum("Color", "RED GREEN")
Size = enum.Enum("Size", {"S": 1, "L": 3})
Dir = enum.IntEnum("Dir", [("UP", 1), ("DOWN", 2)])
Perm = enum.Flag("Perm", ["R", "W"])
class Shape(enum.Enum):
    CIRCLE = 1
    SQUARE = 2
got = (Color.GREEN.value, Size.L.value, Dir.DOWN + 0, (Perm.R | Perm.W).value, Shape(2).name,
       Color["RED"].name, list(Shape)[0].name)
""")
    assert namespace["got"] == (2, 3, 2, 3, "SQUARE", "RED", "CIRCLE")


@pytest.mark.parametrize(
    "members",
    ['"A __del__"', '["A", "_missing_"]', '[("A", 1), ("__init_subclass__", f)]',
     '{"__getattribute__": f}', 'names=[("_private", 1)]'],
)
def test_enum_member_names_starting_with_an_underscore_are_refused(members: str) -> None:
    with pytest.raises(ValueError, match='starting with "_"'):
        run(f"import enum\ndef f(*args):\n    pass\nE = enum.Enum('E', {members})")


# --- copy ----------------------------------------------------------------------------------


def test_copy_and_deepcopy_work_as_usual() -> None:
    namespace = run("""
import copy, collections, dataclasses, pygame
@dataclasses.dataclass
class Level:
    walls: list
class Player:
    def __init__(self):
        self.pos = [1, 2]
        self._hp = 3
level = Level([[1, 2]])
p = Player()
deep, shallow = copy.deepcopy(level), copy.copy(p)
got = (deep == level, deep.walls[0] is level.walls[0], shallow.pos is p.pos, shallow._hp,
       copy.copy(collections.deque([1])), copy.deepcopy({"a": [1]}), copy.copy(pygame.Rect(1, 2, 3, 4)))
""")
    assert repr(namespace["got"]) == repr((True, False, True, 3, __import__("collections").deque([1]),
                                           {"a": [1]}, __import__("pygame").Rect(1, 2, 3, 4)))


def test_copy_rebuilds_an_object_only_the_way_its_class_says() -> None:
    source = """
import copy, pygame
class Target:
    pass
hits = []
def rebuild(protocol):
    return (lambda: Target), (), (None, {"__del__": lambda self: hits.append(1)})
copy.copy(pygame.event.Event(pygame.USEREVENT, {"__reduce_ex__": rebuild}))
"""
    # Refused where the hook would be planted (the Event), else where copy would read it.
    with pytest.raises((TypeError, AttributeError), match="cannot pickle|pygame.event.Event"):
        run(source)


def test_deepcopy_never_hands_its_memo_to_a_game() -> None:
    namespace = run("""
import copy
asked = []
class Spy:
    def __getattr__(self, name):
        asked.append(name)
        raise AttributeError(name)
copied = copy.deepcopy([Spy()])
""")
    assert "__deepcopy__" not in namespace["asked"]
    with pytest.raises(TypeError, match="memo"):
        run("import copy\ncopy.deepcopy([1], {})")


# --- types.SimpleNamespace -----------------------------------------------------------------


def test_simple_namespace_names_follow_the_attribute_rules() -> None:
    namespace = run("""
import types, copy
ns = types.SimpleNamespace(a=1, **{"_b": 2})
class Config(types.SimpleNamespace):
    pass
class Sneaky(str):
    def __hash__(self):
        return hash("__reduce_ex__")
    def __eq__(self, other):
        return other in ("__reduce_ex__", "fine")
odd = types.SimpleNamespace(**{Sneaky("fine"): 1})
got = (ns.a, ns._b, Config(x=1).x, isinstance(Config(), types.SimpleNamespace), copy.copy(odd).fine)
""")
    assert namespace["got"] == (1, 2, 1, True, 1)
    for name in ("__reduce_ex__", "__class__", "_x_", "gi_frame"):
        with pytest.raises(AttributeError, match="SimpleNamespace"):
            run(f"import types\nns = types.SimpleNamespace(**{{'{name}': 1}})")


# --- queue and numpy's attributes ----------------------------------------------------------


def test_queue_offers_its_classes_and_exceptions() -> None:
    namespace = run("""
import queue
q, pq, lq, sq = queue.Queue(), queue.PriorityQueue(), queue.LifoQueue(), queue.SimpleQueue()
for item in (3, 1, 2):
    q.put(item); pq.put(item); lq.put(item); sq.put(item)
try:
    queue.Queue().get_nowait()
except queue.Empty:
    empty = True
try:
    full = queue.Queue(1)
    full.put(1)
    full.put_nowait(2)
except queue.Full:
    filled = True
got = (q.get(), pq.get(), lq.get(), sq.get(), empty, filled, q.qsize())
""")
    assert namespace["got"] == (3, 1, 2, 3, True, True, 2)
    with pytest.raises(AttributeError, match="cannot be changed"):
        run("import queue\nqueue.Queue.put = print")


@pytest.mark.parametrize("name", ["ctypes", "ctypeslib", "tofile", "f2py", "distutils", "memmap", "DataSource"])
def test_numpy_escape_attributes_are_refused(name: str) -> None:
    from sandbox.compiler import Refusal

    with pytest.raises(Refusal, match=name):
        run(f"def f(array):\n    return array.{name}")
    with pytest.raises(AttributeError, match=name):
        run(f"got = getattr(1, '{name}')")


def test_pygame_load_and_save_stay_allowed() -> None:
    run("import pygame\nload, save = pygame.image.load, pygame.image.save")


def test_wraps_copies_only_attributes_a_game_could_set() -> None:
    namespace = run("""
import functools
def inner():
    pass
inner.tag = "kept"
@functools.wraps(inner)
def outer():
    pass
@functools.wraps(outer)
def outermost():
    pass
got = (outermost.tag, outermost.__name__)
""")
    assert namespace["got"] == ("kept", "inner")
    source = """
import functools, pygame
class Box:
    pass
functools.wraps(pygame.event.Event(1, {"__reduce_ex__": print}))(Box())
"""
    with pytest.raises(AttributeError, match="cannot be copied|pygame.event.Event"):
        run(source)


def test_cached_property_keeps_to_names_a_game_may_set() -> None:
    namespace = run("""
import functools
class Level:
    @functools.cached_property
    def tiles(self):
        return [1, 2]
level = Level()
got = (level.tiles, level.tiles is level.tiles)
""")
    assert namespace["got"] == ([1, 2], True)
    source = """
import functools
class Level:
    @functools.cached_property
    def tiles(self):
        return []
Level.tiles.attrname = "__array_interface__"
"""
    with pytest.raises(AttributeError, match="cached_property"):
        run(source)


def test_a_pygame_event_cannot_carry_dunder_attributes() -> None:
    source = """
import pygame
event = pygame.event.Event(pygame.USEREVENT, {"__array_interface__": {}})
"""
    with pytest.raises(AttributeError):
        run(source)


def test_a_pygame_event_keeps_ordinary_attributes_and_isinstance() -> None:
    source = """
import pygame
event = pygame.event.Event(pygame.USEREVENT, {"score": 3}, who="p1")
assert event.score == 3 and event.who == "p1" and event.type == pygame.USEREVENT
assert isinstance(event, pygame.event.Event)
assert not isinstance(3, pygame.event.Event)
"""
    run(source)


def test_numpy_methods_that_load_their_helpers_from_c_work_in_games() -> None:
    # ndarray.sum/clip/mean/std and repr import numpy's Python helpers from C on first use,
    # through the game's own __import__.
    namespace = run("""
import numpy as np
a = np.arange(6).reshape(2, 3)
got = (int(a.sum()), a.clip(1, 4).tolist(), float(a.mean()), round(float(a.std()), 3), repr(a)[:5])
""")
    assert namespace["got"] == (15, [[1, 1, 2], [3, 4, 4]], 2.5, 1.708, "array")


def test_numpy_internals_stay_unimportable_by_games() -> None:
    for statement in ("import numpy._core._methods", "from numpy._core import _methods", "import numpy.lib"):
        with pytest.raises((ImportError, Refusal)):
            run(statement)


@pytest.mark.parametrize(
    "planting",
    [
        'event.dict["__array_interface__"] = {}',  # the Event's own attribute store
        'event = pygame.event.EventType(pygame.USEREVENT, {"__array_interface__": {}})',
        'event = type(event)(pygame.USEREVENT, {"__array_interface__": {}})',
    ],
)
def test_no_route_plants_a_dunder_attribute_on_a_pygame_event(planting: str) -> None:
    source = f"""
import pygame
event = pygame.event.Event(pygame.USEREVENT, {{"score": 1}})
try:
    {planting}
except AttributeError:
    pass
"""
    event = run(source)["event"]
    assert "__array_interface__" not in vars(event)


def test_an_events_dict_still_reads_and_type_still_answers() -> None:
    namespace = run("""
import pygame
event = pygame.event.Event(pygame.USEREVENT, {"score": 1})
got = (event.dict, type(event) is pygame.event.Event, isinstance(event, type(event)))
""")
    assert namespace["got"] == ({"score": 1}, True, True)

"""compile_game: ordinary game code compiles to plain bytecode; attacks are refused."""

from __future__ import annotations

import os
import types

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import dataclasses  # noqa: E402
import math  # noqa: E402

import pygame  # noqa: E402
import pytest  # noqa: E402
from hypothesis import given  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from sandbox import policy  # noqa: E402
from sandbox.compiler import CompiledGame, Refusal, compile_game  # noqa: E402
from sandbox.guards import make_builtins, make_globals  # noqa: E402

# Test-only resolver: real modules (the facade hands out proxies in production).
REAL_MODULES = {
    "math": math, "pygame": pygame, "pygame.sprite": pygame.sprite, "dataclasses": dataclasses,
}


def resolve(dotted: str) -> object:
    try:
        return REAL_MODULES[dotted]
    except KeyError:
        raise ImportError(f"no module named {dotted!r}") from None


def run(source: str) -> dict[str, object]:
    """Compile and exec `source` as a game; return its globals."""
    compiled = compile_game(source, "game.py")
    namespace = make_globals(make_builtins(resolve, print), "game.py")
    exec(compiled.code, namespace)
    return namespace


def refusal_of(source: str) -> Refusal:
    with pytest.raises(Refusal) as caught:
        compile_game(source, "game.py")
    return caught.value


def all_names(code: types.CodeType) -> set[str]:
    names = set(code.co_names)
    for const in code.co_consts:
        if isinstance(const, types.CodeType):
            names |= all_names(const)
    return names


# --- compatibility ----------------------------------------------------------------------


def test_compile_game_returns_code_filename_and_source() -> None:
    compiled = compile_game("x = 1\n", "mine.py")
    assert isinstance(compiled, CompiledGame)
    assert compiled.filename == "mine.py" and compiled.source == "x = 1\n"
    assert compiled.code.co_filename == "mine.py"


def test_attribute_subscript_and_augmented_assignment_compile_to_plain_bytecode() -> None:
    source = """
class Thing:
    def __init__(self):
        self.x = 0
t = Thing()
t.x += 1
t.attr = 5
grid = [[0] * 3 for i in range(3)]
grid[1][2] += 4
for a, (b, c) in [(1, (2, 3))]:
    total = a + b + c
"""
    compiled = compile_game(source)
    restricted_python_guards = {"_getattr_", "_getitem_", "_write_", "_getiter_",
                                "_inplacevar_", "_iter_unpack_sequence_", "_unpack_sequence_",
                                "_apply_", policy.ATTR_GUARD_NAME}
    assert not all_names(compiled.code) & restricted_python_guards
    namespace = run(source)
    assert namespace["t"].x == 1 and namespace["t"].attr == 5  # type: ignore[attr-defined]
    assert namespace["grid"] == [[0, 0, 0], [0, 0, 4], [0, 0, 0]]
    assert namespace["total"] == 6


def test_sprite_subclasses_initialise_through_super_and_explicitly() -> None:
    namespace = run("""
import pygame
class Ship(pygame.sprite.Sprite):
    def __init__(self):
        super().__init__()
        self.hp = 3
class Rock(pygame.sprite.Sprite):
    def __init__(self, group):
        pygame.sprite.Sprite.__init__(self, group)
group = pygame.sprite.Group()
ship = Ship()
rock = Rock(group)
members = len(group)
""")
    assert namespace["members"] == 1
    assert isinstance(namespace["ship"], pygame.sprite.Sprite)


def test_a_game_may_reinitialise_its_own_objects() -> None:
    namespace = run("""
class Game:
    def __init__(self):
        self.score = 0
    def reset(self):
        self.__init__()
g = Game()
g.score = 10
g.reset()
""")
    assert namespace["g"].score == 0  # type: ignore[attr-defined]


def test_dataclasses_with_annotations_and_default_factory() -> None:
    namespace = run("""
from dataclasses import dataclass, field
@dataclass
class Player:
    name: str = "p1"
    score: int = 0
    items: list = field(default_factory=list)
    def __post_init__(self):
        self.items.append("sword")
p = Player()
p.score += 2
""")
    player = namespace["p"]
    assert repr(player) == "Player(name='p1', score=2, items=['sword'])"
    assert player.__annotations__ == {"name": str, "score": int, "items": list}  # type: ignore[attr-defined]


def test_future_annotations_is_honoured() -> None:
    namespace = run("""
from __future__ import annotations
def move(p: Later) -> Later:
    return p
""")
    assert namespace["move"].__annotations__ == {"p": "Later", "return": "Later"}  # type: ignore[attr-defined]


def test_formatting_fstrings_format_and_format_map() -> None:
    namespace = run("""
score = 42
x = 3.14159
out = [f"{score:05d}", f"{x:.2f}", f"{score!r:>4}", "{:.1f}".format(x),
       "{0}-{name}".format(1, name="a"), str.format("{}!", 3), "{a}".format_map({"a": 7}),
       format(x, ".3f"), "%d%%" % score]
""")
    assert namespace["out"] == ["00042", "3.14", "  42", "3.1", "1-a", "3!", "7", "3.142", "42%"]


def test_main_guard_and_file() -> None:
    namespace = run("""
started = False
def main():
    global started
    started = True
if __name__ == "__main__":
    main()
where = __file__
""")
    assert namespace["started"] is True and namespace["where"] == "game.py"


def test_everyday_python() -> None:
    namespace = run("""
class Vec:
    __slots__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return f"Vec({self.x}, {self.y})"
    def __eq__(self, other):
        return (self.x, self.y) == (other.x, other.y)
    def __hash__(self):
        return hash((self.x, self.y))
    def __add__(self, other):
        return Vec(self.x + other.x, self.y + other.y)
def countdown(n):
    while n:
        yield n
        n -= 1
def counter():
    count = 0
    def bump():
        nonlocal count
        count += 1
        return count
    return bump
bump = counter(); bump()
total = 0
def add(*args, **kwargs):
    global total
    total += sum(args) + sum(kwargs.values())
add(*[1, 2], **{"k": 3})
squares = {n: n * n for n in range(4) if n}
evens = sorted({n for n in range(6) if n % 2 == 0}, key=lambda n: -n)
gen_total = sum(n for n in countdown(3))
for _ in range(2):
    pass
if (size := len(squares)) > 2:
    big = True
try:
    1 / 0
except ZeroDivisionError as error:
    caught = type(error).__name__
finally:
    cleaned = True
assert Vec(1, 2) + Vec(1, 1) == Vec(2, 3)
data = [1, 2, 3]
del data[0]
match data:
    case [2, third]:
        matched = third
    case _:
        matched = None
match Vec(1, 2):
    case Vec(x=1, y=why):
        keyword_match = why
""")
    assert repr(namespace["Vec"](1, 2)) == "Vec(1, 2)"  # type: ignore[operator]
    assert namespace["bump"]() == 2  # type: ignore[operator]
    assert namespace["total"] == 6 and namespace["gen_total"] == 6
    assert namespace["squares"] == {1: 1, 2: 4, 3: 9} and namespace["evens"] == [4, 2, 0]
    assert namespace["size"] == 3 and namespace["caught"] == "ZeroDivisionError"
    assert namespace["matched"] == 3 and namespace["keyword_match"] == 2


def test_bare_underscore_is_a_harmless_throwaway_name() -> None:
    # Deliberate: `for _ in range(n)` is everywhere in generated games and "_" names
    # nothing private (no guard or builtin is called "_").
    assert run("firsts = [_ for _ in 'ab']")["firsts"] == ["a", "b"]


def test_exit_and_quit_raise_system_exit() -> None:
    with pytest.raises(SystemExit):
        run("exit()")
    with pytest.raises(SystemExit) as caught:
        run("quit(3)")
    assert caught.value.code == 3


def test_print_goes_to_the_given_function() -> None:
    printed: list[tuple[object, ...]] = []
    compiled = compile_game("print('hi', 2)")
    exec(compiled.code, make_globals(make_builtins(resolve, lambda *a, **k: printed.append(a)), "g"))
    assert printed == [("hi", 2)]


# --- refusals ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("x = ().__class__.__bases__[0].__subclasses__()", '"__class__" (use type(x) instead)'),
        ("def f(): yield 1\ng = f()\nx = g.gi_frame.f_back.f_globals", '"gi_frame"'),
        ("def f(): pass\nc = f.__code__", '"__code__"'),
        ("def f(): pass\nc = type(f).__call__", '"__call__"'),
        ("x = object()\nd = x.__dict__", '"__dict__"'),
        ("m = type.mro(int)", '"mro"'),
        ("import sys\nx = sys.f_locals", '"f_locals"'),
        ("class A: pass\nA.__secret = 1", '"__secret"'),
        ("class A: pass\nA.__init__ = print", '"__init__"'),
        ("def f(_attr_guard_, /):\n    return _attr_guard_", '"_attr_guard_"'),
        ("def f(*, _key_=1): pass", '"_key_"'),
        ("def f(*__args): pass", '"__args"'),
        ("def f(**_kw_): pass", '"_kw_"'),
        ("g = lambda _x_: 1", '"_x_"'),
        ("y = [__x for __x in range(3)]", '"__x"'),
        ("y = {__k: 1 for __k in 'ab'}", '"__k"'),
        ("if (_x_ := 1): pass", '"_x_"'),
        ("_attr_guard_ = print", '"_attr_guard_"'),
        ("def g():\n    global _attr_guard_", '"_attr_guard_"'),
        ("def __helper(): pass", '"__helper"'),
        ("class _Hidden_: pass", '"_Hidden_"'),
        ("try:\n    pass\nexcept Exception as __e:\n    pass", '"__e"'),
        ("import math as _m_", '"_m_"'),
        ("import _thread", '"_thread"'),
        ("from math import _private", '"_private"'),
        ("x = __import__('os')", '"__import__"'),
        ("x = __builtins__", '"__builtins__"'),
        ("from . import x", "relative imports"),
        ("from __future__ import barry_as_FLUFL", "barry_as_FLUFL"),
        ("try:\n    pass\nexcept* Exception:\n    pass", "except* is not allowed"),
        ("async def f(): pass", "async def is not allowed"),
        ("class M(type): pass\nclass A(metaclass=M): pass", "metaclass"),
        ("class A:\n    def __getattribute__(self, n): pass", '"__getattribute__"'),
        ("class A:\n    def __del__(self): pass", '"__del__"'),
        ("def __init__(self): pass", '"__init__"'),
        ("class A:\n    __match_args__ = ('x',)", '"__match_args__"'),
        ("print(sep='', _flag=1)", '"_flag"'),
        ("try:\n    pass\nexcept AttributeError as e:\n    e.obj += [1]", '".obj"'),
        ("match 1:\n    case object(__class__=c): pass", '"__class__"'),
        ("match 's':\n    case str(format=f): pass", '"format"'),
        ("match 1:\n    case int(n): pass", "positional sub-patterns"),
    ],
)
def test_attacks_and_private_names_are_refused(source: str, expected: str) -> None:
    assert expected in refusal_of(source).message


def test_refusal_carries_line_and_a_one_line_message() -> None:
    refusal = refusal_of("x = 1\n\ny = x.__globals__\n")
    assert refusal.line == 3
    assert refusal.message == 'line 3: attribute names starting with "_" are not allowed: "__globals__"'
    assert str(refusal) == refusal.message and "\n" not in refusal.message
    assert isinstance(refusal, Exception)


def test_single_underscore_names_are_a_games_own_private_names() -> None:
    namespace = run(
        "class Player:\n"
        "    def __init__(self):\n"
        "        self._speed = 2\n"
        "    def _step(self):\n"
        "        self._speed += 1\n"
        "        return self._speed\n"
        "_player = Player()\n"
        "def _helper(_value, *, _scale=2):\n"
        "    return [_v * _scale for _v in range(_value)]\n"
        "result = (_player._step(), _helper(3))\n"
    )
    assert namespace["result"] == (3, [0, 2, 4])


def test_several_problems_report_the_first_and_a_count() -> None:
    refusal = refusal_of("a = 1\nb = a.__x\nc = a.__y\nd = a.__z\n")
    assert refusal.line == 2
    assert refusal.message.endswith("(and 2 more problems)")


def test_syntax_errors_report_their_line() -> None:
    refusal = refusal_of("x = 1\nif x = 2:\n    pass\n")
    assert refusal.line == 2
    assert refusal.message.startswith("line 2: ") and 'if x = 2:' in refusal.message


def test_compile_time_errors_after_parsing_are_refusals_too() -> None:
    refusal = refusal_of("x = 1\nreturn x\n")
    assert refusal.line == 2 and "'return' outside function" in refusal.message


def test_a_hundred_thousand_term_expression_is_refused_not_a_crash() -> None:
    refusal = refusal_of("x = " + "+".join(["1"] * 100_000))
    assert "too deeply" in refusal.message or "too long" in refusal.message


@pytest.mark.parametrize(
    "source",
    [
        "x = " + "not " * 100_000 + "1",
        "x = " + "-" * 50_000 + "1",
        "x = " + "a[" * 150 + "1" + "]" * 150,
        "x = " + "+".join(["1"] * (policy.MAX_AST_DEPTH + 5)),
        "x = " + "[" * 190 + "]" * 190,
    ],
)
def test_deeply_nested_code_is_refused(source: str) -> None:
    assert "nested" in refusal_of(source).message or "too long" in refusal_of(source).message


def test_too_many_nodes_is_refused() -> None:
    source = "x = [" + "0," * (policy.MAX_AST_NODES + 10) + "]"
    assert len(source.encode()) < policy.MAX_SOURCE_BYTES
    assert "too large" in refusal_of(source).message


def test_a_two_megabyte_source_is_refused_by_size() -> None:
    refusal = refusal_of("# " + "x" * 2_000_000)
    assert refusal.line is None and "too large" in refusal.message


def test_size_is_counted_in_utf8_bytes() -> None:
    # 400k characters, 1.2 MB in UTF-8.
    assert "too large" in refusal_of("# " + "€" * 400_000).message


def test_null_bytes_are_refused() -> None:
    assert refusal_of("x = 1\0").message


@given(st.from_regex(r"_[A-Za-z0-9_]{0,12}", fullmatch=True))
def test_every_underscore_attribute_outside_the_allowlist_is_refused(name: str) -> None:
    if name in policy.READABLE_DUNDER_ATTRIBUTES or policy.is_single_underscore_name(name):
        return
    assert f'"{name}"' in refusal_of(f"y = x.{name}").message

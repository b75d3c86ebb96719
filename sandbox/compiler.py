"""Turn a game's source into a code object, or refuse it with a one-line reason."""

from __future__ import annotations

import ast
import types
from collections.abc import Iterable
from dataclasses import dataclass

from RestrictedPython.transformer import RestrictingNodeTransformer

from sandbox import policy


@dataclass(frozen=True)
class Refusal(Exception):
    """Why a game was not compiled: one line a user (and a model) can act on."""

    message: str
    line: int | None

    def __str__(self) -> str:
        return self.message


@dataclass(frozen=True)
class CompiledGame:
    """A game that passed the compile policy, ready to exec with make_globals()."""

    code: types.CodeType
    filename: str
    source: str


def compile_game(
    source: str, filename: str = "<game>", allowed_modules: frozenset[str] = policy.ALLOWED_MODULES
) -> CompiledGame:
    """Parse, check and transform `source`; raise Refusal if the policy rejects it."""
    _check_size(source)
    tree = _parse(source, filename)
    transformer = GameTransformer(allowed_modules)
    try:
        checked = transformer.visit(tree)  # also refuses huge or deeply nested trees
        assert isinstance(checked, ast.Module)
    except RecursionError:
        raise Refusal("the code is nested too deeply to check", None) from None
    if transformer.problems:
        raise _first_refusal(transformer.problems)
    try:
        # dont_inherit: a `from __future__` in *this* module must not leak into games.
        try:
            code = compile(checked, filename, "exec", dont_inherit=True)
        except (TypeError, ValueError):
            # A node created without a position (RestrictedPython's own rewrites):
            # give it its neighbours' and compile again.
            code = compile(ast.fix_missing_locations(checked), filename, "exec", dont_inherit=True)
    except SyntaxError as error:
        raise _syntax_refusal(error) from None
    except (RecursionError, MemoryError):
        raise Refusal("the code is nested too deeply to compile", None) from None
    return CompiledGame(code=code, filename=filename, source=source)


def attribute_refusal(name: str, *, store: bool) -> str | None:
    """Why reading (or, with store=True, setting/deleting) attribute `name` is refused."""
    private = name.startswith("_") and not policy.is_single_underscore_name(name)
    if private and (store or name not in policy.READABLE_DUNDER_ATTRIBUTES):
        hint = policy.ATTRIBUTE_HINTS.get(name)
        return f'attribute names starting with "_" are not allowed: "{name}"' + (
            f" ({hint})" if hint else ""
        )
    if name in policy.DENIED_ATTRIBUTES:
        return f'the attribute "{name}" reaches interpreter internals and is not allowed'
    return None


# --- Before transforming: size, syntax, shape ------------------------------------------


def _check_size(source: str) -> None:
    # Every character is at least one byte, so long strings need no encoding to refuse.
    size = len(source)
    if size <= policy.MAX_SOURCE_BYTES:
        size = len(source.encode("utf-8", "surrogatepass"))
    if size > policy.MAX_SOURCE_BYTES:
        raise Refusal(
            f"the source is too large ({size:,} bytes; the limit is "
            f"{policy.MAX_SOURCE_BYTES:,})",
            None,
        )


def _parse(source: str, filename: str) -> ast.Module:
    try:
        return ast.parse(source, filename, "exec")
    except SyntaxError as error:
        raise _syntax_refusal(error) from None
    except (RecursionError, MemoryError):
        # CPython's parser gives up on very deep expressions this way.
        raise Refusal("an expression is nested too deeply or is too long to parse", None) from None
    except ValueError as error:  # e.g. null bytes on older 3.11 patch releases
        raise Refusal(f"the source cannot be parsed: {error}", None) from None


def _syntax_refusal(error: SyntaxError) -> Refusal:
    text = (error.text or "").strip()
    shown = f': "{text[:80]}"' if text else ""
    where = f"line {error.lineno}: " if error.lineno else ""
    return Refusal(f"{where}{error.msg}{shown}", error.lineno)


def _first_refusal(problems: list[tuple[int | None, str]]) -> Refusal:
    ordered = sorted(problems, key=lambda problem: problem[0] or 0)
    line, message = ordered[0]
    if len(ordered) > 1:
        message += f" (and {len(ordered) - 1} more problem{'s' if len(ordered) > 2 else ''})"
    return Refusal(message, line)


# --- The transformer -------------------------------------------------------------------

_FRIENDLY_NODE_NAMES = {
    "TryStar": "except*",
    "AsyncFunctionDef": "async def",
    "AsyncFor": "async for",
    "AsyncWith": "async with",
    "Await": "await",
}

_CLASS_SCOPE = "class"
_FUNCTION_SCOPE = "function"


def _underscore_name_message(name: str) -> str:
    return f'names starting with "_" are not allowed: "{name}"'


class GameTransformer(RestrictingNodeTransformer):
    """RestrictedPython's default-deny walk, with checks moved to compile time.

    Only loads of policy.RUNTIME_CHECKED_ATTRIBUTES are rewritten (to a guard call);
    every other attribute, subscript, loop and assignment compiles to plain bytecode.
    """

    def __init__(self, allowed_modules: frozenset[str] = policy.ALLOWED_MODULES) -> None:
        super().__init__()
        self.allowed_modules = allowed_modules
        self.problems: list[tuple[int | None, str]] = []
        # Innermost scope kind: dunder methods and __slots__ are fine only in class bodies.
        self._scopes: list[str] = [_FUNCTION_SCOPE]
        self._nodes = 0
        self._depth = 0
        self._last_line: int | None = None

    # -- reporting --

    def error(self, node: ast.AST, info: str) -> None:
        line = getattr(node, "lineno", None)
        where = f"line {line}: " if line is not None else ""
        self.problems.append((line, f"{where}{info}"))

    def not_allowed(self, node: ast.AST) -> None:
        kind = type(node).__name__
        self.error(node, f"{_FRIENDLY_NODE_NAMES.get(kind, kind)} is not allowed in games")

    def visit(self, node: ast.AST) -> ast.AST:
        """Visit `node`, refusing trees that are too large or too deeply nested."""
        self._nodes += 1
        if self._nodes > policy.MAX_AST_NODES:
            raise Refusal(f"the game is too large (more than {policy.MAX_AST_NODES:,} syntax nodes)", None)
        if self._depth >= policy.MAX_AST_DEPTH:
            line = getattr(node, "lineno", None) or self._last_line
            raise Refusal(
                f"line {line}: the code is nested too deeply (more than "
                f"{policy.MAX_AST_DEPTH} levels); split long expressions or deep nesting",
                line,
            )
        self._last_line = getattr(node, "lineno", None) or self._last_line
        self._depth += 1
        try:
            return super().visit(node)
        finally:
            self._depth -= 1

    def generic_visit(self, node: ast.AST) -> ast.AST:  # type: ignore[override]
        # Unknown (e.g. newer-Python) syntax stays refused until someone reviews it.
        self.not_allowed(node)
        return node

    # -- names --

    def _check_bound_name(self, node: ast.AST, name: str | None) -> None:
        if name is None or not name.startswith("_") or policy.is_single_underscore_name(name):
            return
        if name == "_" and policy.ALLOW_BARE_UNDERSCORE:
            return
        self.error(node, _underscore_name_message(name))

    def visit_Name(self, node: ast.Name) -> ast.AST:
        name = node.id
        if isinstance(node.ctx, ast.Load):
            allowed = (
                not name.startswith("_")
                or policy.is_single_underscore_name(name)
                or name in policy.READABLE_DUNDER_NAMES
                or (name == "_" and policy.ALLOW_BARE_UNDERSCORE)
            )
            if not allowed:
                self.error(node, _underscore_name_message(name))
        elif not (
            isinstance(node.ctx, ast.Store)
            and self._scopes[-1] == _CLASS_SCOPE
            and name in policy.CLASS_BODY_DUNDER_NAMES
        ):
            self._check_bound_name(node, name)
        return node

    def _check_arguments(self, arguments: ast.arguments) -> None:
        every = [*arguments.posonlyargs, *arguments.args, *arguments.kwonlyargs]
        every += [arg for arg in (arguments.vararg, arguments.kwarg) if arg is not None]
        for arg in every:
            self._check_bound_name(arg, arg.arg)

    def visit_Global(self, node: ast.Global) -> ast.AST:
        for name in node.names:
            self._check_bound_name(node, name)
        return node

    def visit_Nonlocal(self, node: ast.Nonlocal) -> ast.AST:
        for name in node.names:
            self._check_bound_name(node, name)
        return node

    def visit_ExceptHandler(self, node: ast.ExceptHandler) -> ast.AST:
        self._check_bound_name(node, node.name)
        return self.node_contents_visit(node)

    # -- attributes: the only runtime rewrite --

    def visit_Attribute(self, node: ast.Attribute) -> ast.AST:
        is_load = isinstance(node.ctx, ast.Load)
        node = self.node_contents_visit(node)  # inner first: problems come in reading order
        refusal = attribute_refusal(node.attr, store=not is_load)
        if refusal:
            self.error(node, refusal)
        if is_load and node.attr in policy.RUNTIME_CHECKED_ATTRIBUTES:
            # Every new node gets the attribute's position, so the tree needs no
            # fix_missing_locations walk before compiling.
            guarded = ast.Call(
                func=ast.copy_location(ast.Name(policy.ATTR_GUARD_NAME, ast.Load()), node),
                args=[node.value, ast.copy_location(ast.Constant(node.attr), node)],
                keywords=[],
            )
            return ast.copy_location(guarded, node)
        return node

    def visit_AugAssign(self, node: ast.AugAssign) -> ast.AST:
        # `e.obj += x` loads e.obj without a guard and hands it to x.__radd__.
        target = node.target
        if isinstance(target, ast.Attribute) and target.attr in policy.RUNTIME_CHECKED_ATTRIBUTES:
            self.error(node, f'augmented assignment to ".{target.attr}" is not allowed')
        return self.node_contents_visit(node)

    # -- plain statements and expressions RestrictedPython would guard at runtime --

    def visit_Subscript(self, node: ast.Subscript) -> ast.AST:
        return self.node_contents_visit(node)

    def visit_Assign(self, node: ast.Assign) -> ast.AST:
        return self.node_contents_visit(node)

    def visit_AnnAssign(self, node: ast.AnnAssign) -> ast.AST:
        return self.node_contents_visit(node)

    def visit_For(self, node: ast.For) -> ast.AST:
        return self.node_contents_visit(node)

    def visit_comprehension(self, node: ast.comprehension) -> ast.AST:
        return self.node_contents_visit(node)

    def visit_With(self, node: ast.With) -> ast.AST:
        return self.node_contents_visit(node)

    def visit_Module(self, node: ast.Module) -> ast.AST:
        return self.node_contents_visit(node)

    def visit_Call(self, node: ast.Call) -> ast.AST:
        self._check_keywords(node.keywords)
        return self.node_contents_visit(node)

    def _check_keywords(self, keywords: Iterable[ast.keyword]) -> None:
        # Underscore keywords reach private parameters of facade functions.
        for keyword in keywords:
            if keyword.arg is not None and keyword.arg.startswith("_"):
                self.error(keyword, f'keyword arguments starting with "_" are not allowed: '
                                    f'"{keyword.arg}"')

    # -- definitions --

    def visit_FunctionDef(self, node: ast.FunctionDef) -> ast.AST:
        in_class_body = self._scopes[-1] == _CLASS_SCOPE
        if not (in_class_body and node.name in policy.DEFINABLE_DUNDER_METHODS):
            private = node.name.startswith("_") and not policy.is_single_underscore_name(node.name)
            if private and node.name != "_" and in_class_body:
                self.error(node, f'method names starting with "_" are not allowed: '
                                 f'"{node.name}" (allowed special methods include __init__, '
                                 f'__repr__, __eq__)')
            else:
                self._check_bound_name(node, node.name)
        self._check_arguments(node.args)
        return self._visit_in_scope(node, _FUNCTION_SCOPE)

    def visit_Lambda(self, node: ast.Lambda) -> ast.AST:
        self._check_arguments(node.args)
        return self._visit_in_scope(node, _FUNCTION_SCOPE)

    def visit_ClassDef(self, node: ast.ClassDef) -> ast.AST:
        self._check_bound_name(node, node.name)
        for keyword in node.keywords:
            if keyword.arg is None or keyword.arg == "metaclass":
                self.error(keyword, "metaclass= and ** in a class statement are not allowed")
        self._check_keywords(node.keywords)
        return self._visit_in_scope(node, _CLASS_SCOPE)

    def _visit_in_scope(self, node: ast.AST, scope: str) -> ast.AST:
        self._scopes.append(scope)
        try:
            return self.node_contents_visit(node)
        finally:
            self._scopes.pop()

    # -- imports --

    def visit_Import(self, node: ast.Import) -> ast.AST:
        for alias in node.names:
            self._check_module_name(node, alias.name)
            bound = alias.asname or alias.name.partition(".")[0]
            self._check_bound_name(node, bound)
        return node

    def visit_ImportFrom(self, node: ast.ImportFrom) -> ast.AST:
        if node.level:
            self.error(node, "relative imports are not allowed")
            return node
        module = node.module or ""
        if module == "__future__":
            for alias in node.names:
                if alias.name not in policy.ALLOWED_FUTURE_FEATURES:
                    self.error(node, f'"from __future__ import {alias.name}" is not allowed')
            return node
        self._check_module_name(node, module)
        for alias in node.names:
            if alias.name.startswith("_"):
                self.error(node, f'importing names starting with "_" is not allowed: '
                                 f'"{alias.name}"')
            self._check_bound_name(node, alias.asname)
        return node

    def _check_module_name(self, node: ast.AST, dotted: str) -> None:
        if any(part.startswith("_") for part in dotted.split(".")):
            self.error(node, f'importing private modules is not allowed: "{dotted}"')
        elif dotted.partition(".")[0] not in self.allowed_modules:
            # Refusing here (not only at import time) gives the model the line to fix.
            self.error(
                node,
                f'module "{dotted}" is not available in games; they may import: '
                + ", ".join(sorted(self.allowed_modules)),
            )

    # -- refused outright --

    def visit_TryStar(self, node: ast.AST) -> ast.AST:
        self.not_allowed(node)
        return node

    # -- match statements --

    def visit_Match(self, node: ast.Match) -> ast.AST:
        return self.node_contents_visit(node)

    def visit_match_case(self, node: ast.match_case) -> ast.AST:
        return self.node_contents_visit(node)

    def visit_MatchValue(self, node: ast.MatchValue) -> ast.AST:
        return self.node_contents_visit(node)

    def visit_MatchSingleton(self, node: ast.MatchSingleton) -> ast.AST:
        return self.node_contents_visit(node)

    def visit_MatchSequence(self, node: ast.MatchSequence) -> ast.AST:
        return self.node_contents_visit(node)

    def visit_MatchOr(self, node: ast.MatchOr) -> ast.AST:
        return self.node_contents_visit(node)

    def visit_MatchStar(self, node: ast.MatchStar) -> ast.AST:
        self._check_bound_name(node, node.name)
        return self.node_contents_visit(node)

    def visit_MatchAs(self, node: ast.MatchAs) -> ast.AST:
        self._check_bound_name(node, node.name)
        return self.node_contents_visit(node)

    def visit_MatchMapping(self, node: ast.MatchMapping) -> ast.AST:
        self._check_bound_name(node, node.rest)
        return self.node_contents_visit(node)

    def visit_MatchClass(self, node: ast.MatchClass) -> ast.AST:
        # Keyword sub-patterns read attributes by name (unguarded), so they follow the
        # attribute policy and may not name runtime-checked attributes. Positional ones
        # read names listed in the class's __match_args__, which a class built with
        # type(name, bases, {...}) can set to anything: refuse them.
        for attr in node.kwd_attrs:
            refusal = attribute_refusal(attr, store=False)
            if refusal is None and attr in policy.RUNTIME_CHECKED_ATTRIBUTES:
                refusal = f'the attribute "{attr}" cannot be matched in a class pattern'
            if refusal:
                self.error(node, refusal)
        if node.patterns:
            self.error(node, "positional sub-patterns in class patterns are not allowed; "
                             "use keywords, e.g. case Point(x=px, y=py)")
        return self.node_contents_visit(node)

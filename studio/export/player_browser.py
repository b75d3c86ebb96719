"""Part of the exported runtime: a classic game loop made to yield to the browser every frame.

In a browser (pygbag) Python shares the page's one thread, so a frame must end with
`await asyncio.sleep(0)`. A classic script's own loop has no such await: its module is
rewritten so that every display.flip()/update() is followed by one, the functions that
(indirectly) show a frame become async, and calls to them are awaited. Joined with
player.py into every export: standard library only, Python 3.8 syntax.
"""

from __future__ import annotations

import ast
import asyncio
import inspect

FRAME_CALLS = ("flip", "update")


async def next_frame(value: object) -> object:
    """After display.flip(): let the browser draw the frame."""
    await asyncio.sleep(0)
    return value


async def settle(value: object) -> object:
    """The value of a call that may have become a coroutine."""
    if inspect.isawaitable(value):
        return await value
    return value


def _is_frame_call(node: ast.AST) -> bool:
    """`pygame.display.flip()`, `pg.display.update(rects)`, `display.flip()`..."""
    if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
        return False
    func = node.func
    if func.attr not in FRAME_CALLS:
        return False
    owner = func.value
    return (isinstance(owner, ast.Attribute) and owner.attr == "display") or (
        isinstance(owner, ast.Name) and owner.id == "display"
    )


def _called_name(node: ast.Call) -> str | None:
    if isinstance(node.func, ast.Name):
        return node.func.id
    if isinstance(node.func, ast.Attribute):
        return node.func.attr
    return None


def _own_nodes(function: ast.AST):  # noqa: ANN202
    """The nodes of a function's body (or a module's), not those of nested functions or lambdas."""
    stack = list(ast.iter_child_nodes(function))
    while stack:
        node = stack.pop()
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)):
            if isinstance(node, ast.ClassDef):
                stack.extend(node.bases)
            continue
        yield node
        stack.extend(ast.iter_child_nodes(node))


def _can_become_async(function: ast.FunctionDef) -> bool:
    is_dunder = function.name.startswith("__") and function.name.endswith("__")
    has_yield = any(isinstance(n, (ast.Yield, ast.YieldFrom)) for n in _own_nodes(function))
    return not is_dunder and not has_yield


def awaiting_frames(tree: ast.Module) -> ast.Module:
    """The game's module with every display.flip()/update() followed by a yield to the
    browser: functions that (indirectly) show a frame become async and their calls are
    awaited. A call wrongly matched by name still works: minigame_await returns plain values."""
    functions = [node for node in ast.walk(tree) if isinstance(node, ast.FunctionDef)]
    candidates = [function for function in functions if _can_become_async(function)]
    async_names: set = set()
    changed = True
    while changed:
        changed = False
        for function in candidates:
            if function.name in async_names:
                continue
            for node in _own_nodes(function):
                if _is_frame_call(node) or (
                    isinstance(node, ast.Call) and _called_name(node) in async_names
                ):
                    async_names.add(function.name)
                    changed = True
                    break
    converted = [function for function in candidates if function.name in async_names]
    for scope in [tree, *converted]:
        _await_calls(scope, async_names)
    for function in converted:
        function.__class__ = ast.AsyncFunctionDef
    return ast.fix_missing_locations(tree)


def _await_calls(scope: ast.AST, async_names: set) -> None:
    """Wrap this scope's own frame calls and calls to async functions in an await."""

    class Awaiting(ast.NodeTransformer):
        def visit_FunctionDef(self, node):  # noqa: ANN001, ANN202, N802 - other scopes
            return node if node is not scope else self.generic_visit(node)

        def visit_AsyncFunctionDef(self, node):  # noqa: ANN001, ANN202, N802
            return node

        def visit_Lambda(self, node):  # noqa: ANN001, ANN202, N802
            return node

        def visit_ClassDef(self, node):  # noqa: ANN001, ANN202, N802 - methods are scopes of their own
            return node

        def visit_Call(self, node):  # noqa: ANN001, ANN202, N802
            self.generic_visit(node)
            if _is_frame_call(node):
                helper = "minigame_frame"
            elif _called_name(node) in async_names:
                helper = "minigame_await"
            else:
                return node
            wrapped = ast.Await(ast.Call(ast.Name(helper, ast.Load()), [node], []))
            return ast.copy_location(wrapped, node)

    Awaiting().visit(scope)

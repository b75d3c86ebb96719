"""What the model is told: the game contract, a new game request, and a precise repair request."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from sandbox.policy import ALLOWED_MODULES
from studio.settings import Paths

Messages = list[dict[str, str]]

# Names a game may load from the pack; the sandbox's own list also has fonts.
ASSET_SUFFIXES = frozenset(
    {".png", ".jpg", ".jpeg", ".bmp", ".gif", ".wav", ".ogg", ".mp3", ".ttf", ".otf"}
)
CONTEXT_LINES = 5  # lines shown either side of the line a problem is on
MAX_PROBLEM_CHARS = 400

EXAMPLE_GAME = '''\
"""Dodge. Left/Right move, R restarts."""
import random
import pygame

WIDTH, HEIGHT, FPS = 480, 640, 60
SPEED = 320

player_x = WIDTH / 2
rocks = []
score = 0.0
over = False
font = None

def restart():
    global player_x, rocks, score, over
    player_x, rocks, score, over = WIDTH / 2, [], 0.0, False

def on_key_down(key):
    if key == pygame.K_r:
        restart()

def update(dt):
    global player_x, score, over
    if over:
        return
    keys = pygame.key.get_pressed()
    move = keys[pygame.K_RIGHT] - keys[pygame.K_LEFT]
    player_x = max(20, min(WIDTH - 20, player_x + move * SPEED * dt))
    score += dt
    if random.random() < 3 * dt:
        rocks.append([random.uniform(0, WIDTH), -20.0])
    for rock in rocks:
        rock[1] += 260 * dt
        if abs(rock[0] - player_x) < 34 and abs(rock[1] - (HEIGHT - 40)) < 34:
            over = True
    rocks[:] = [r for r in rocks if r[1] < HEIGHT + 20]

def draw(screen):
    global font
    font = font or pygame.font.Font(None, 26)
    screen.fill((15, 18, 30))
    for x, y in rocks:
        pygame.draw.circle(screen, (200, 120, 70), (int(x), int(y)), 18)
    pygame.draw.rect(screen, (90, 200, 255), (player_x - 16, HEIGHT - 56, 32, 32))
    tip = "GAME OVER - R restarts" if over else "Left/Right move, R restarts"
    screen.blit(font.render(f"Score {int(score)}   {tip}", True, (240, 240, 240)), (10, 10))
'''

HOOKS = (
    "on_key_down(key, mod, unicode)",
    "on_key_up(key, mod)",
    "on_mouse_down(pos, button)",
    "on_mouse_up(pos, button)",
    "on_mouse_move(pos, rel, buttons)",
)


def asset_names(folder: Path) -> tuple[str, ...]:
    """File names of the built-in assets a game may load by name; none if the folder is missing."""
    if not folder.is_dir():
        return ()
    found = {
        p.name for p in folder.rglob("*") if p.suffix.lower() in ASSET_SUFFIXES and p.is_file()
    }
    return tuple(sorted(found))


def system_prompt(modules: Iterable[str], assets: Iterable[str]) -> str:
    """The game contract, the sandbox's rules and one example game."""
    asset_list = ", ".join(assets)
    asset_rule = (
        f"Images and sounds only from the built-in pack, by name: {asset_list}. "
        if asset_list
        else "There are no image or sound files. "
    )
    return f"""\
Write a small, complete, fun pygame game as one module; a sandbox runs it and calls its hooks.
Contract:
- Docstring: first line "Title. Controls.", more controls on later lines.
- UPPER_CASE constants: WIDTH, HEIGHT, optional FPS, tuning. lower_case module variables \
hold all game state (live reloads keep them).
- update(dt) runs every frame (dt in seconds); draw(screen) paints a pygame.Surface.
- Optional hooks get only the parameters they name: {", ".join(HOOKS)}.
- No main loop, pygame.init() or set_mode(): the sandbox does that.
Rules:
- Import only: {", ".join(sorted(modules))}.
- No file or network access; no names starting with "__" (except __init__).
- {asset_rule}Draw everything else with pygame.draw.
- Show the controls and score on screen, in English; R restarts. Under 300 lines.
- Reply with exactly one ```python fenced block and no prose.
Example:
```python
{EXAMPLE_GAME}```"""


SYSTEM_PROMPT = system_prompt(ALLOWED_MODULES, asset_names(Paths().asset_pack))


def _game_request(description: str) -> str:
    return f"Make this game: {description.strip()}"


def new_game_messages(description: str) -> Messages:
    """The request for a new game from a one-sentence description."""
    return [
        {"role": "system", "content": SYSTEM_PROMPT},
        {"role": "user", "content": _game_request(description)},
    ]


def numbered_excerpt(code: str, line: int, context: int = CONTEXT_LINES) -> str:
    """The lines around `line`, numbered, with ">" marking it; empty if it is not in the code."""
    lines = code.split("\n")
    if code.endswith("\n"):
        lines.pop()
    if not 1 <= line <= len(lines):
        return ""
    first, last = max(1, line - context), min(len(lines), line + context)
    width = len(str(last))
    return "\n".join(
        f"{'>' if number == line else ' '} {number:>{width}} | {lines[number - 1]}".rstrip()
        for number in range(first, last + 1)
    )


def repair_messages(description: str, code: str, problem: str, line: int | None) -> Messages:
    """The original request, the model's code, and exactly what went wrong and where."""
    where = f"line {line}: " if line is not None and not problem.startswith(f"line {line}") else ""
    parts = [f"Your game failed in the sandbox:\n{where}{problem}"]
    excerpt = numbered_excerpt(code, line) if line is not None else ""
    if excerpt:
        parts.append(f"The code around line {line} (> marks it):\n{excerpt}")
    parts.append(
        "Fix this problem and any like it. Reply with the complete corrected program "
        "in one ```python block and no prose."
    )
    return [
        *new_game_messages(description),
        {"role": "assistant", "content": f"```python\n{code.rstrip()}\n```"},
        {"role": "user", "content": "\n\n".join(parts)},
    ]


_LINE_PREFIX = re.compile(r"^line \d+:\s*")
_WHAT_HAPPENED = {
    "refused": "the sandbox does not allow this: ",
    "error": "the game crashed: ",
    "timeout": "the game stopped responding (an endless loop, or far too slow): ",
    "killed": "the sandbox stopped the game (too much memory or a forbidden operation): ",
}


def describe_problem(status: str, message: str, line: int | None, code: str) -> str:
    """One line for the user and the repair prompt: where, what happened, and the line's code."""
    text = " ".join(_LINE_PREFIX.sub("", message.strip()).split()) or "no details"
    described = _WHAT_HAPPENED.get(status, "") + text
    if line is None:
        return _shorten(described)
    lines = code.split("\n")
    source = lines[line - 1].strip() if 1 <= line <= len(lines) else ""
    shown = f" (`{_shorten(source, 80)}`)" if source else ""
    return f"line {line}: {_shorten(described)}{shown}"


def _shorten(text: str, limit: int = MAX_PROBLEM_CHARS) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"

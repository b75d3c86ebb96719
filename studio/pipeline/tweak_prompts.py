"""What the model is told for a tweak: edit blocks against the running game, or one full rewrite."""

from __future__ import annotations

import re

from studio.pipeline.prompts import SYSTEM_PROMPT, Messages

EDIT_EXAMPLE = """\
<<<<<<< SEARCH
PLAYER_COLOR = (90, 200, 255)
=======
PLAYER_COLOR = (230, 60, 60)
>>>>>>> REPLACE
"""


def game_contract(system_prompt: str = SYSTEM_PROMPT) -> str:
    """The contract and rules of the new-game prompt, without its reply format and example."""
    lines = system_prompt.split("\n")
    start = lines.index("Contract:") if "Contract:" in lines else 0
    end = lines.index("Example:") if "Example:" in lines else len(lines)
    return "\n".join(line for line in lines[start:end] if not line.startswith("- Reply with"))


TWEAK_SYSTEM_PROMPT = f"""\
You change a small pygame game while it runs in a sandbox that calls its hooks.
{game_contract()}
A change is swapped into the running game, which keeps its state: lower_case module \
variables keep their values when the new code gives them a value of the same type; \
UPPER_CASE constants, functions and classes take the new code.
How to change it:
- Change as little as possible. Keep the names and types of the lower_case state \
variables, so the player keeps their score, position and progress.
- Reply with one or more edit blocks and no prose. Each block is:
<<<<<<< SEARCH
lines copied exactly from the current code, indentation included
=======
what those lines become
>>>>>>> REPLACE
- SEARCH copies whole lines, character for character, and just enough of them to match \
one place. Leave REPLACE empty to delete the lines; to add code, SEARCH a nearby line \
and REPLACE it with that line plus the new ones.
- Blocks apply in order; keep each small and do not repeat code that does not change.
- If asked for the complete program instead, reply with it in one ```python block.
Example, "make the player red":
{EDIT_EXAMPLE}"""


def fenced(code: str, language: str = "python") -> str:
    """The code in a Markdown fence longer than any backtick run inside it."""
    longest = max((len(run) for run in re.findall(r"`+", code)), default=0)
    fence = "`" * max(3, longest + 1)
    return f"{fence}{language}\n{code.rstrip()}\n{fence}"


def _tweak_request(code: str, instruction: str) -> str:
    return f"The current game:\n{fenced(code)}\n\nChange: {instruction.strip()}"


def tweak_messages(code: str, instruction: str) -> Messages:
    """The request for edit blocks that make `instruction` true of the running game's code."""
    return [
        {"role": "system", "content": TWEAK_SYSTEM_PROMPT},
        {"role": "user", "content": _tweak_request(code, instruction)},
    ]


def rewrite_messages(code: str, instruction: str, failures: str) -> Messages:
    """The tweak request again, with why its edit blocks failed, asking once for the full program.

    It starts exactly like `tweak_messages`, so a provider's prompt cache still holds the
    code; the caller may send `rewrite_prediction(code)` as a Predicted Output.
    """
    note = (
        f"Your edit blocks for this change did not apply.\n{failures.strip()}\n\n"
        "Reply instead with the complete changed program in one ```python block and no "
        "prose, changing only what the change needs."
    )
    request = _tweak_request(code, instruction)
    return [
        {"role": "system", "content": TWEAK_SYSTEM_PROMPT},
        {"role": "user", "content": f"{request}\n\n{note}"},
    ]


def rewrite_prediction(code: str) -> str:
    """The reply a rewrite that changes little will mostly be: the current code, fenced."""
    return fenced(code) + "\n"

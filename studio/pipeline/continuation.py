"""Interrupt and redirect: continue a half-streamed game from its partial code with a new instruction.

When the user types a new instruction while a game's code is still streaming, the app
cancels the stream and calls `plan_continuation` with what arrived. The plan asks the
model to carry on FROM the partial code (never from zero), in the way the endpoint
supports (presets.Features.prefix_style):

- "prefix": a trailing assistant message marked `prefix: true` (DeepSeek, Mistral);
- "continue_final_message": a trailing assistant message plus the body flags
  `continue_final_message: true, add_generation_prompt: false` (vLLM, llama.cpp);
- "trailing_assistant": a plain trailing assistant message is continued (Groq);
- "continuation_request" (style unknown): the partial code as an earlier assistant turn
  and a user turn asking for the rest only;
- "new_request": nothing usable had arrived yet, so a plain new-game request.

In every plan the user turn carries both the original description and "Also: <new
instruction>", so the finished game honours both. `join_continuation` then glues the
reply onto the partial code, trimming the lines the model repeated.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from typing import Any

from studio.pipeline.extract import CodeExtractor
from studio.pipeline.prompts import new_game_messages

CODE_FENCE = "```python\n"
CONTINUE_INSTRUCTION = (
    "Continue the program from exactly where it stops (after the last line shown); "
    "do not repeat earlier lines; finish it and honour both requests; reply with the rest "
    "of the code only, in one ```python block."
)
CONTINUE_FINAL_MESSAGE_BODY = {"continue_final_message": True, "add_generation_prompt": False}
PREFIX_STYLES = ("prefix", "continue_final_message", "trailing_assistant")
# Lines dropped from the end of the partial code, at most, to make it parse; past this
# (a long unclosed list or string) it is kept up to its last line break as it is.
MAX_LINES_DROPPED = 40
# How many of the partial code's first lines a restarted reply may begin with.
RESTART_LINES = 3

_FENCE_LINE = re.compile(r" {0,3}(`{3,}|~{3,})[ \t]*([^`\s]*)[^`]*")
_MODULE_DOCSTRING = ('"""', "'''")


@dataclass(frozen=True)
class ContinuationPlan:
    """The request that continues an interrupted reply, and the code it continues.

    Send it with `ModelClient.stream_chat(plan.messages, extra_body=plan.extra_body)`,
    then `join_continuation(plan.prefix, reply_text)` gives the finished program.
    """

    messages: list[dict[str, Any]]
    extra_body: dict[str, Any] | None
    prefix: str  # the partial code the reply continues: whole lines, "" if there is none
    style: str  # one of PREFIX_STYLES, "continuation_request" or "new_request"


# --- Planning --------------------------------------------------------------------------------


def plan_continuation(
    description: str, partial_reply: str, new_instruction: str, prefix_style: str | None
) -> ContinuationPlan:
    """How to continue `partial_reply` (the text streamed so far) with `new_instruction` too.

    `prefix_style` is the endpoint's `Features.prefix_style` (None: unknown, so the plan
    is a continuation request that works everywhere). Raises ValueError for an unknown
    style name.
    """
    if prefix_style is not None and prefix_style not in PREFIX_STYLES:
        raise ValueError(f"unknown prefix style {prefix_style!r} (known: {PREFIX_STYLES})")
    messages = _request_with_both(description, new_instruction)
    prefix = partial_code(partial_reply)
    if not prefix:
        return ContinuationPlan(messages, None, "", "new_request")
    if prefix_style is None:
        shown = {"role": "assistant", "content": f"{CODE_FENCE}{prefix}```"}
        asked = {"role": "user", "content": CONTINUE_INSTRUCTION}
        return ContinuationPlan([*messages, shown, asked], None, prefix, "continuation_request")
    started: dict[str, Any] = {"role": "assistant", "content": CODE_FENCE + prefix}
    extra_body: dict[str, Any] | None = None
    if prefix_style == "prefix":
        started["prefix"] = True
    elif prefix_style == "continue_final_message":
        extra_body = dict(CONTINUE_FINAL_MESSAGE_BODY)
    return ContinuationPlan([*messages, started], extra_body, prefix, prefix_style)


def _request_with_both(description: str, new_instruction: str) -> list[dict[str, Any]]:
    """The new-game request whose user turn also carries "Also: <new instruction>"."""
    messages: list[dict[str, Any]] = [dict(m) for m in new_game_messages(description)]
    request = messages[-1]
    request["content"] = f"{request['content']}\nAlso: {new_instruction.strip()}"
    return messages


def partial_code(partial_reply: str) -> str:
    """The code of an interrupted reply, cut back to a clean line; "" if none arrived.

    The reply is read up to its last line break (a half-written line is dropped), the
    code is found as `CodeExtractor` finds it (the open block, or unfenced Python), and
    trailing lines are dropped while the rest does not parse: a block header with no
    body, an unclosed bracket or string. If no cut within MAX_LINES_DROPPED lines
    parses, the code is kept up to its last line break.
    """
    whole_lines = partial_reply[: partial_reply.rfind("\n") + 1]
    if not whole_lines.strip():
        return ""
    extractor = CodeExtractor()
    extractor.feed(whole_lines)
    code = extractor.finish().code or ""
    return cut_to_parsable(code) if code.strip() else ""


def cut_to_parsable(code: str) -> str:
    """`code` up to its last line break, minus the fewest trailing lines that make it parse.

    At least one line is kept: an empty program parses, but says nothing was usable.
    """
    lines = code[: code.rfind("\n") + 1].splitlines(keepends=True)
    for dropped in range(min(MAX_LINES_DROPPED, len(lines) - 1) + 1):  # never down to ""
        candidate = "".join(lines[: len(lines) - dropped])
        if _parses(candidate):
            return candidate
    return "".join(lines)


def _parses(code: str) -> bool:
    try:
        ast.parse(code)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return False
    return True


# --- Joining ---------------------------------------------------------------------------------


def join_continuation(prefix: str, continuation_text: str) -> str:
    """The finished program: `prefix` plus the continuation's code, without repeated lines.

    The continuation's code is its text without fences (a leading "```python" line,
    perhaps after a line of prose, and everything from the closing fence on). Then:
    - the longest run of the prefix's last lines that the code starts with again
      (compared by whole lines, ignoring whitespace at line ends; a run of only blank
      lines does not count) is dropped from the code;
    - if there is no such run and the code starts the program over (its first line is
      one of the prefix's first RESTART_LINES lines, or both open with a module
      docstring), the code alone is the program.
    The result ends with exactly one line break.
    """
    code_lines = _continuation_code(continuation_text).splitlines(keepends=True)
    prefix_lines = prefix.splitlines(keepends=True)
    overlap = _overlap(prefix_lines, code_lines)
    if overlap == 0 and _restarts(prefix_lines, code_lines):
        return _ended("".join(code_lines))
    kept = "".join(prefix_lines)
    if kept and not kept.endswith("\n"):
        kept += "\n"
    return _ended(kept + "".join(code_lines[overlap:]))


def _continuation_code(text: str) -> str:
    """The code in a continuation reply: the text between its fences, or before its closing one.

    A prefix-style reply is raw code ending in a closing fence; a continuation request's
    reply is a fenced block, maybe after a line of prose. A fence opens a block when it
    names a language, when only blank text comes before it, or when one unindented line
    ending in ":" ("Here is the rest:") comes before it and another fence follows.
    """
    lines = text.replace("\r\n", "\n").replace("\r", "\n").splitlines(keepends=True)
    fences = [i for i, line in enumerate(lines) if _FENCE_LINE.fullmatch(line.rstrip("\n"))]
    if not fences:
        return "".join(lines)
    first = fences[0]
    match = _FENCE_LINE.fullmatch(lines[first].rstrip("\n"))
    assert match is not None
    before = [line for line in lines[:first] if line.strip()]
    introduced = (
        len(before) == 1
        and not before[0][0].isspace()
        and before[0].rstrip().endswith(":")
        and len(fences) > 1
    )
    opens = bool(match.group(2)) or not before or introduced
    if not opens:
        return "".join(lines[:first])
    end = fences[1] if len(fences) > 1 else len(lines)
    return "".join(lines[first + 1 : end])


def _same_line(a: str, b: str) -> bool:
    return a.rstrip() == b.rstrip()


def _overlap(prefix_lines: list[str], code_lines: list[str]) -> int:
    """The most lines the code repeats from the prefix's end (0 if only blank lines match)."""
    for size in range(min(len(prefix_lines), len(code_lines)), 0, -1):
        tail = prefix_lines[len(prefix_lines) - size :]
        if all(_same_line(a, b) for a, b in zip(tail, code_lines, strict=False)) and any(
            line.strip() for line in tail
        ):
            return size
    return 0


def _restarts(prefix_lines: list[str], code_lines: list[str]) -> bool:
    """True when the code begins the program again rather than continuing it."""
    prefix_start = [line.rstrip() for line in prefix_lines if line.strip()][:RESTART_LINES]
    code_start = next((line.rstrip() for line in code_lines if line.strip()), None)
    if not prefix_start or code_start is None:
        return False
    if code_start in prefix_start and not code_start[0].isspace():
        return True
    return prefix_start[0].startswith(_MODULE_DOCSTRING) and code_start.startswith(
        _MODULE_DOCSTRING
    )


def _ended(code: str) -> str:
    """`code` without trailing blank lines, ending in one line break ("" stays "")."""
    body = code.rstrip()
    return body + "\n" if body else ""


# --- Measuring -------------------------------------------------------------------------------


def regenerated_fraction(prefix: str, final_code: str) -> float:
    """The share of `final_code`'s characters that the continuation had to produce.

    Computed as (len(final_code) - kept) / len(final_code), where `kept` is the length of
    the longest common leading text of `prefix` and `final_code` (character by character;
    the prefix as planned, i.e. the partial code cut back to a clean line). A restart
    regenerates the whole program (1.0), so this is also the interrupt's cost as a share
    of a restart's, measured on the code alone; tokens the model repeated and the join
    trimmed are not in it (compare the continuation reply's completion tokens for those).
    0.0 for an empty program.
    """
    if not final_code:
        return 0.0
    kept = 0
    for a, b in zip(prefix, final_code, strict=False):
        if a != b:
            break
        kept += 1
    return (len(final_code) - kept) / len(final_code)

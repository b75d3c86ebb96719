"""Live tweaks (issue 5): edit -> first frame of the new code, tweak vs rewrite tokens, interrupt vs restart.

Usage: .venv/bin/python benchmarks/tweak_path.py [--quick] [--json]

1. Edit applied -> first frame of the new code with its state kept: a warm `GameHost`
   plays assets/starters/snake.py; each repetition changes its BACKGROUND colour line
   with `apply_edits` (one SEARCH/REPLACE block), calls `host.hot_swap(new_code)` and
   polls `host.poll_events()` every 0.1 ms (sleeping, as load_latency.py does) until the
   new version's `FrameShown` arrives, on this process's `time.perf_counter()` clock.
   Also: the runner's own `Loaded.load_ms` and `FrameShown.first_frame_ms`, what
   `Loaded.carried` kept, and whether the host's next frame shows the new colour.
   Baselines, interleaved in this process: plain `compile()` + exec + one update/draw of
   the same new code; the sandbox's `compile_game` alone; a plain `str.replace` of the
   line (for `apply_edits`).
2. Output tokens of a small tweak vs a full rewrite of the same game, on the fake
   server (`tests.fake_openai.FakeOpenAI`): "make the snake blue" answered (a) with one
   edit block for the SNAKE_COLOR line, through `tweak_code` and a `ModelSource`, and
   (b) with the whole rewritten program in one ```python block, through the same
   source with `rewrite_messages` (as `tweak_code` sends its fallback). Completion tokens
   from the server's usage chunk (`TweakedCode.tokens` / `StreamFinished`), checked
   against the server's own count of content chunks. Context: a tweak whose block does
   not match, so it falls back to the rewrite (both replies paid).
3. Interrupt vs restart: snake.py streamed (fenced) at 1,000 tokens/s; the stream is
   cancelled once 60% (then 90%) of the reply's characters have arrived; a
   `plan_continuation(..., "prefix")` is sent with a scripted continuation (the program's
   remaining lines after the plan's prefix, starting with a 2-line overlap); its
   completion tokens are set against a restart's (the whole program again, measured on
   the same server in the same run). Also `regenerated_fraction(prefix, final_code)`.

Token counts on the fake server are its ~4-character pieces (`count_tokens`), not a
real tokenizer's: the ratios are what carries over. Nothing here asserts on time.
"""

from __future__ import annotations

import math
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from figures import (
    Figure,
    median,
    milliseconds,
    progress,
    ratio,
    run_from_command_line,
    spread,
    start_headless_pygame,
)

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))  # for tests.fake_openai (the project install has no tests)

GAME_PATH = REPO / "assets" / "starters" / "snake.py"
FILENAME = "snake.py"
MODEL = "fake-coder-1"
SWAP_TARGET_MS = 20.0
TOKENS_TARGET = 0.15  # a tweak's output tokens / a rewrite's
INTERRUPT_TARGET = 0.10  # an interrupt's output tokens / a restart's
POLL_S = 0.0001
TIMEOUT_S = 20.0
PLAY_BEFORE_SWAPS_S = 0.5  # let the snake move so there is state to keep
BETWEEN_SWAPS_S = 0.05  # the runner back in its paced loop before the next swap

# Figure 1: the colour line each swap changes, and the colours it alternates between.
BACKGROUND_LINE = "BACKGROUND = {colour}  # tune: background\n"
BACKGROUNDS = ((16, 20, 30), (60, 20, 90))

# Figure 2: "make the snake blue".
INSTRUCTION = "make the snake blue"
SNAKE_LINE = "SNAKE_COLOR = (90, 220, 120)  # tune: color\n"
BLUE_SNAKE_LINE = "SNAKE_COLOR = (70, 130, 255)  # tune: color\n"
BAD_SEARCH_LINE = "SNAKE_COLOUR = (90, 220, 120)\n"  # does not match: forces the fallback

# Figure 3: interrupt and redirect.
DESCRIPTION = "a snake game"
NEW_INSTRUCTION = "make the snake blue"
STREAM_TOKENS_PER_S = 1000.0
CUTS = (0.6, 0.9)
OVERLAP_LINES = 2



def _edit_block(search: str, replace: str) -> str:
    return f"<<<<<<< SEARCH\n{search}=======\n{replace}>>>>>>> REPLACE\n"


# --- figure 1: hot swap ----------------------------------------------------------------------


@dataclass
class SwapSamples:
    edit_to_frame: list[float] = field(default_factory=list)  # the subject
    edit_to_loaded: list[float] = field(default_factory=list)  # Loaded seen at the host
    load_ms: list[float] = field(default_factory=list)  # runner's Loaded.load_ms
    first_frame_ms: list[float] = field(default_factory=list)  # runner's FrameShown.first_frame_ms
    apply_ms: list[float] = field(default_factory=list)
    replace_ms: list[float] = field(default_factory=list)
    plain: list[float] = field(default_factory=list)
    compile_only: list[float] = field(default_factory=list)
    carried: set[str] = field(default_factory=set)
    carried_empty: int = 0
    new_colour_shown: int = 0
    swaps: int = 0


@dataclass
class Playing:
    """The code the host is playing, its version, and which background it has."""

    code: str
    version: int
    background: int = 0


def _pixel(frame: Any) -> tuple[int, int, int]:
    """The top-left pixel of a frame (B,G,R,X bytes) as (r, g, b): the HUD's background."""
    b, g, r = frame.pixels[0], frame.pixels[1], frame.pixels[2]
    return (r, g, b)


def _wait_for_version(host: Any, after_version: int) -> tuple[Any, float, Any, float]:
    """(Loaded, seen at, FrameShown, seen at) of the first version newer than `after_version`."""
    from sandbox.protocol import FrameShown, GameError, Loaded, Refused
    from sandbox.runner_process import RunnerStopped

    loaded: Loaded | None = None
    loaded_at = 0.0
    deadline = time.monotonic() + TIMEOUT_S
    while time.monotonic() < deadline:
        for event in host.poll_events():
            if isinstance(event, Loaded) and event.version > after_version and loaded is None:
                loaded, loaded_at = event, time.perf_counter()
            elif isinstance(event, FrameShown) and loaded is not None and event.version == loaded.version:
                return loaded, loaded_at, event, time.perf_counter()
            elif isinstance(event, (Refused, GameError, RunnerStopped)):
                raise RuntimeError(f"the game failed: {event}")
        time.sleep(POLL_S)
    raise RuntimeError("timed out waiting for the new version's first frame")


def start_playing(host: Any, code: str) -> Playing:
    """Load snake.py as a new game, let it run, and wait until the next spare is warm."""
    host.load_new(code, FILENAME)
    loaded, _, _, _ = _wait_for_version(host, 0)
    if not host.wait_warm():  # the spare starts after the first frame: not during the swaps
        raise RuntimeError("the host's spare runner did not start")
    time.sleep(PLAY_BEFORE_SWAPS_S)
    host.poll_events()
    return Playing(code, loaded.version)


def time_hot_swap(host: Any, playing: Playing, samples: SwapSamples) -> None:
    """apply_edits (one colour line) -> hot_swap -> the new version's FrameShown at the host."""
    from studio.pipeline.edits import EditBlock, apply_edits

    time.sleep(BETWEEN_SWAPS_S)
    host.poll_events()
    before = host.latest_frame()
    now_colour = BACKGROUNDS[playing.background]
    new_index = (playing.background + 1) % len(BACKGROUNDS)
    search = BACKGROUND_LINE.format(colour=now_colour)
    replace = BACKGROUND_LINE.format(colour=BACKGROUNDS[new_index])
    started = time.perf_counter()
    outcome = apply_edits(playing.code, [EditBlock(search, replace, 1)])
    applied = time.perf_counter()
    if outcome.code is None:
        raise RuntimeError(f"the edit did not apply: {outcome.failures}")
    host.hot_swap(outcome.code, FILENAME)
    loaded, loaded_at, shown, shown_at = _wait_for_version(host, playing.version)
    samples.apply_ms.append(milliseconds(applied - started))
    samples.edit_to_frame.append(milliseconds(shown_at - applied))
    samples.edit_to_loaded.append(milliseconds(loaded_at - applied))
    samples.load_ms.append(loaded.load_ms)
    samples.first_frame_ms.append(shown.first_frame_ms)
    samples.swaps += 1
    if loaded.carried:
        samples.carried.update(loaded.carried.split(","))
    else:
        samples.carried_empty += 1
    after = host.latest_frame()
    if before is not None and after is not None and _pixel(after) != _pixel(before):
        samples.new_colour_shown += 1
    playing.code, playing.version, playing.background = outcome.code, loaded.version, new_index


def time_plain_in_process(code: str, samples: SwapSamples) -> None:
    """compile() + exec + one update and draw of the new code here: no sandbox, no pipe."""
    import pygame

    started = time.perf_counter()
    namespace: dict[str, object] = {"__name__": "game"}
    exec(compile(code, FILENAME, "exec", dont_inherit=True), namespace)  # noqa: S102
    screen = pygame.Surface((namespace["WIDTH"], namespace["HEIGHT"]), 0, 32)  # type: ignore[arg-type]
    namespace["update"](1 / 60)  # type: ignore[operator]
    namespace["draw"](screen)  # type: ignore[operator]
    samples.plain.append(milliseconds(time.perf_counter() - started))


def time_compile_game(code: str, samples: SwapSamples) -> None:
    from sandbox.compiler import compile_game

    started = time.perf_counter()
    compile_game(code, FILENAME)
    samples.compile_only.append(milliseconds(time.perf_counter() - started))


def time_str_replace(playing: Playing, samples: SwapSamples) -> None:
    """The same line change as a plain str.replace (what apply_edits is set against)."""
    search = BACKGROUND_LINE.format(colour=BACKGROUNDS[playing.background])
    replace = BACKGROUND_LINE.format(colour=BACKGROUNDS[(playing.background + 1) % len(BACKGROUNDS)])
    started = time.perf_counter()
    playing.code.replace(search, replace, 1)
    samples.replace_ms.append(milliseconds(time.perf_counter() - started))


def measure_hot_swap(code: str, repetitions: int) -> SwapSamples:
    from sandbox.host import GameHost

    samples = SwapSamples()
    with GameHost() as host:
        if not host.wait_warm():
            raise RuntimeError("the host's runner did not start")
        playing = start_playing(host, code)
        steps = [
            lambda: time_hot_swap(host, playing, samples),
            lambda: time_plain_in_process(playing.code, samples),
            lambda: time_compile_game(playing.code, samples),
            lambda: time_str_replace(playing, samples),
        ]
        for repetition in range(repetitions):
            for step in steps if repetition % 2 == 0 else reversed(steps):
                step()
            if (repetition + 1) % 5 == 0 or repetition + 1 == repetitions:
                progress(f"tweak_path: hot swap {repetition + 1}/{repetitions} done")
    return samples


def _swap_figures(samples: SwapSamples, code: str) -> list[Figure]:
    subject = median(samples.edit_to_frame)
    plain = median(samples.plain)
    outside = [a - b for a, b in zip(samples.edit_to_frame, samples.first_frame_ms, strict=True)]
    carried = ",".join(sorted(samples.carried)) or "nothing"
    lines = len(code.splitlines())
    return [
        Figure(
            benchmark="tweak path, snake: edit applied -> first frame of the new code (hot_swap, state kept)",
            subject=subject, baseline=plain, unit="ms",
            target=f"<= {SWAP_TARGET_MS:g} ms median", ratio=ratio(subject, plain),
            met=subject <= SWAP_TARGET_MS,
            note=(
                f"{spread(samples.edit_to_frame)}; snake.py ({lines} lines), one BACKGROUND line "
                f"changed per swap on a warm GameHost playing at 60 fps; state kept in "
                f"{samples.swaps - samples.carried_empty}/{samples.swaps} swaps (Loaded.carried: "
                f"{carried}); the host's next frame showed the new colour in "
                f"{samples.new_colour_shown}/{samples.swaps}; edit applied -> Loaded at the host "
                f"{median(samples.edit_to_loaded):.3g} ms median; time outside the runner's clock "
                f"(subject - FrameShown.first_frame_ms: pipe, runner picking the command up, "
                f"event back, host poll) {median(outside):.3g} ms median ({spread(outside)}); "
                f"baseline = plain compile+exec+update/draw of the new code in-process, "
                f"{spread(samples.plain)}"
            ),
        ),
        Figure(
            benchmark="tweak path, snake: runner's Loaded.load_ms on hot swap (compile + exec + carry state)",
            subject=median(samples.load_ms), baseline=median(samples.compile_only), unit="ms",
            target="(context)", ratio=ratio(median(samples.load_ms), median(samples.compile_only)),
            note=f"{spread(samples.load_ms)}; baseline = compile_game alone in-process, "
                 f"{spread(samples.compile_only)}",
        ),
        Figure(
            benchmark="tweak path, snake: runner's FrameShown.first_frame_ms on hot swap",
            subject=median(samples.first_frame_ms), baseline=plain, unit="ms", target="(context)",
            ratio=ratio(median(samples.first_frame_ms), plain),
            note=f"{spread(samples.first_frame_ms)}; from the runner starting the load to the "
                 f"new version's first frame published; baseline = plain compile+exec+update/draw "
                 f"in-process, {spread(samples.plain)}",
        ),
        Figure(
            benchmark="tweak path, snake: apply_edits, one block (before the clock of the first row)",
            subject=median(samples.apply_ms), baseline=median(samples.replace_ms), unit="ms",
            target="(context)", ratio=ratio(median(samples.apply_ms), median(samples.replace_ms)),
            note=f"{spread(samples.apply_ms)}; baseline = str.replace of the same line, "
                 f"{spread(samples.replace_ms)}",
        ),
    ]


# --- the fake server and a client -------------------------------------------------------------


class _Model:
    """A FakeOpenAI server with a warm ModelClient and a ModelSource on it."""

    def __init__(self) -> None:
        from studio.llm.client import ModelClient
        from studio.llm.endpoint import Endpoint
        from studio.pipeline.sources import ModelSource
        from tests.fake_openai import FakeOpenAI

        self.server = FakeOpenAI(tokens_per_s=math.inf).start()
        self.client = ModelClient(Endpoint(self.server.base_url, MODEL, self.server.api_key, "custom"))
        self.client.warm_up()
        self.client.wait_until_warm(5.0)
        self.source = ModelSource(self.client, MODEL)

    def close(self) -> None:
        errors = self.server.errors
        self.client.close()
        self.server.stop()
        if errors:
            raise RuntimeError("the fake server failed:\n" + "\n".join(errors))

    def last_record(self) -> Any:
        return self.server.wait_until_idle()[-1]


# --- figure 2: tweak vs rewrite tokens --------------------------------------------------------


@dataclass
class TokenSamples:
    tweak: list[float] = field(default_factory=list)
    rewrite: list[float] = field(default_factory=list)
    fallback: list[float] = field(default_factory=list)
    tweak_server: list[float] = field(default_factory=list)  # server's content chunks
    rewrite_server: list[float] = field(default_factory=list)
    tweak_ok: int = 0
    rewrite_ok: int = 0
    fallback_rewrote: int = 0
    prediction_sent: int = 0
    prompt_tokens: dict[str, int] = field(default_factory=dict)


def time_tweak(model: _Model, code: str, blue: str, samples: TokenSamples) -> None:
    """tweak_code through the ModelSource; the server answers with one edit block."""
    from studio.pipeline.tweak import tweak_code
    from tests.fake_openai import Reply

    model.server.script(Reply(text=_edit_block(SNAKE_LINE, BLUE_SNAKE_LINE)))
    result = tweak_code(code, INSTRUCTION, model.source)
    record = model.last_record()
    samples.tweak.append(float(result.tokens))
    samples.tweak_server.append(float(record.chunks_sent))
    samples.tweak_ok += result.code == blue and not result.rewrote
    samples.prompt_tokens["tweak"] = _prompt_tokens(record)


def time_rewrite(model: _Model, code: str, blue: str, why: str, samples: TokenSamples) -> None:
    """The rewrite request tweak_code sends as its fallback; the reply is the whole program."""
    from studio.llm.events import StreamFinished, TextDelta
    from studio.pipeline.extract import extract_code
    from studio.pipeline.tweak_prompts import fenced, rewrite_messages
    from tests.fake_openai import Reply

    model.server.script(Reply(text=fenced(blue)))
    pieces: list[str] = []
    tokens: int | None = None
    for event in model.source.stream(INSTRUCTION, rewrite_messages(code, INSTRUCTION, why), prediction=code):
        if isinstance(event, TextDelta):
            pieces.append(event.text)
        elif isinstance(event, StreamFinished):
            tokens = event.completion_tokens
    record = model.last_record()
    samples.rewrite.append(float(tokens if tokens is not None else record.chunks_sent))
    samples.rewrite_server.append(float(record.chunks_sent))
    samples.rewrite_ok += extract_code("".join(pieces)).code == blue
    samples.prediction_sent += record.prediction is not None
    samples.prompt_tokens["rewrite"] = _prompt_tokens(record)


def time_fallback(model: _Model, code: str, blue: str, samples: TokenSamples) -> None:
    """tweak_code whose edit block does not match: it asks once for the whole program."""
    from studio.pipeline.tweak import tweak_code
    from studio.pipeline.tweak_prompts import fenced
    from tests.fake_openai import Reply

    model.server.script(Reply(text=_edit_block(BAD_SEARCH_LINE, BLUE_SNAKE_LINE)), Reply(text=fenced(blue)))
    result = tweak_code(code, INSTRUCTION, model.source)
    model.last_record()
    samples.fallback.append(float(result.tokens))
    samples.fallback_rewrote += result.rewrote and result.code == blue


def _prompt_tokens(record: Any) -> int:
    from tests.fake_openai import count_tokens

    return sum(count_tokens(m.get("content") or "") for m in record.body.get("messages", []))


def measure_tokens(model: _Model, code: str, repetitions: int) -> TokenSamples:
    from studio.pipeline.edits import EditBlock, apply_edits, describe_failures

    samples = TokenSamples()
    blue = code.replace(SNAKE_LINE, BLUE_SNAKE_LINE, 1)
    why = describe_failures(apply_edits(code, [EditBlock(BAD_SEARCH_LINE, BLUE_SNAKE_LINE, 1)]).failures)
    steps = [
        lambda: time_tweak(model, code, blue, samples),
        lambda: time_rewrite(model, code, blue, why, samples),
        lambda: time_fallback(model, code, blue, samples),
    ]
    for repetition in range(repetitions):
        for step in steps if repetition % 2 == 0 else reversed(steps):
            step()
    progress(f"tweak_path: tweak vs rewrite tokens, {repetitions} repetitions done")
    return samples


def _token_figures(samples: TokenSamples) -> list[Figure]:
    tweak, rewrite = median(samples.tweak), median(samples.rewrite)
    share = ratio(tweak, rewrite)
    runs = len(samples.tweak)
    return [
        Figure(
            benchmark="tweak path, snake: output tokens of a small tweak / a full rewrite",
            subject=share, baseline=1.0, unit="share of a rewrite's tokens",
            target=f"<= {TOKENS_TARGET:.0%}", ratio=share, met=share <= TOKENS_TARGET,
            note=(
                f"'{INSTRUCTION}': tweak {tweak:.0f} completion tokens (one edit block, "
                f"{spread(samples.tweak)}; server's content chunks {median(samples.tweak_server):.0f}; "
                f"applied without a rewrite in {samples.tweak_ok}/{runs}) vs rewrite {rewrite:.0f} "
                f"(whole program fenced, {spread(samples.rewrite)}; server's content chunks "
                f"{median(samples.rewrite_server):.0f}; extracted to the expected code in "
                f"{samples.rewrite_ok}/{runs}; Predicted Output sent in "
                f"{samples.prediction_sent}/{runs}); prompt tokens tweak "
                f"{samples.prompt_tokens.get('tweak', 0)}, rewrite "
                f"{samples.prompt_tokens.get('rewrite', 0)}; baseline = the rewrite (1.0); "
                "fake-server tokens are ~4-character pieces"
            ),
        ),
        Figure(
            benchmark="tweak path, snake: output tokens of a tweak whose block fails (falls back) / a rewrite",
            subject=ratio(median(samples.fallback), rewrite), baseline=1.0,
            unit="share of a rewrite's tokens", target="(context)",
            ratio=ratio(median(samples.fallback), rewrite),
            note=(
                f"{median(samples.fallback):.0f} tokens ({spread(samples.fallback)}): the failed "
                f"edit block plus the rewrite; fell back and produced the expected code in "
                f"{samples.fallback_rewrote}/{len(samples.fallback)}; baseline = the rewrite alone"
            ),
        ),
    ]


# --- figure 3: interrupt vs restart -----------------------------------------------------------


@dataclass
class InterruptSamples:
    continuation: list[float] = field(default_factory=list)  # completion tokens
    restart: list[float] = field(default_factory=list)
    interrupted_sent: list[float] = field(default_factory=list)  # server chunks before the cut
    overlap_tokens: list[float] = field(default_factory=list)  # streamed tokens sent again
    dropped_tokens: list[float] = field(default_factory=list)  # streamed, cut off by partial_code
    fraction: list[float] = field(default_factory=list)  # regenerated_fraction
    cancel_to_disconnect: list[float] = field(default_factory=list)
    arrived_share: list[float] = field(default_factory=list)
    disconnects: int = 0
    joined_ok: int = 0  # the joined program is snake.py exactly
    joined_blank_lines_only: int = 0  # ... apart from blank lines
    prefix_sent: int = 0
    styles: set[str] = field(default_factory=set)


def _interrupted_stream(model: _Model, reply_text: str, cut: float) -> tuple[str, float]:
    """Stream the game, cancel (as the window does) once `cut` of the reply has arrived."""
    from studio.llm.events import ModelError, TextDelta
    from studio.pipeline.prompts import new_game_messages
    from tests.fake_openai import Reply

    model.server.script(Reply(text=reply_text, tokens_per_s=STREAM_TOKENS_PER_S))
    received: list[str] = []
    size = 0
    cancelled_at = math.nan
    try:
        for event in model.source.stream(DESCRIPTION, new_game_messages(DESCRIPTION)):
            if isinstance(event, TextDelta):
                received.append(event.text)
                size += len(event.text)
                if size >= cut * len(reply_text) and math.isnan(cancelled_at):
                    cancelled_at = time.perf_counter()
                    model.source.cancel()
    except ModelError as error:
        if error.kind != "cancelled":
            raise
    return "".join(received), cancelled_at


def _continuation_reply(code: str, prefix: str) -> str:
    """The rest of `code` after `prefix`, starting OVERLAP_LINES lines early, then the fence."""
    kept = prefix.splitlines(keepends=True)
    lines = code.splitlines(keepends=True)
    assert lines[: len(kept)] == kept, "the prefix is not the start of the game"
    return "".join(lines[len(kept) - OVERLAP_LINES :]) + "```"


def time_interrupt(model: _Model, code: str, reply_text: str, cut: float, samples: InterruptSamples) -> None:
    from studio.llm.events import StreamFinished, TextDelta
    from studio.pipeline.continuation import (
        join_continuation,
        plan_continuation,
        regenerated_fraction,
    )
    from tests.fake_openai import Reply, count_tokens

    partial, cancelled_at = _interrupted_stream(model, reply_text, cut)
    interrupted = model.last_record()
    samples.disconnects += interrupted.disconnected_early
    samples.interrupted_sent.append(float(interrupted.chunks_sent))
    samples.arrived_share.append(len(partial) / len(reply_text))
    if interrupted.finished_at is not None and not math.isnan(cancelled_at):
        samples.cancel_to_disconnect.append(milliseconds(interrupted.finished_at - cancelled_at))
    plan = plan_continuation(DESCRIPTION, partial, NEW_INSTRUCTION, "prefix")
    samples.styles.add(plan.style)
    streamed_code = partial[partial.index("\n") + 1 :]  # after the opening fence line
    samples.dropped_tokens.append(float(count_tokens(streamed_code[len(plan.prefix) :])))
    continuation = _continuation_reply(code, plan.prefix)
    model.server.script(Reply(text=continuation))
    pieces: list[str] = []
    tokens: int | None = None
    for event in model.source.stream(DESCRIPTION, plan.messages, extra_body=plan.extra_body):
        if isinstance(event, TextDelta):
            pieces.append(event.text)
        elif isinstance(event, StreamFinished):
            tokens = event.completion_tokens
    record = model.last_record()
    samples.prefix_sent += record.assistant_prefix is not None
    samples.continuation.append(float(tokens if tokens is not None else record.chunks_sent))
    overlap = "".join(plan.prefix.splitlines(keepends=True)[-OVERLAP_LINES:])
    samples.overlap_tokens.append(float(count_tokens(overlap)))
    final = join_continuation(plan.prefix, "".join(pieces))
    samples.joined_ok += final == code
    samples.joined_blank_lines_only += final != code and _non_blank(final) == _non_blank(code)
    samples.fraction.append(regenerated_fraction(plan.prefix, final))


def _non_blank(code: str) -> list[str]:
    return [line for line in code.splitlines() if line.strip()]


def time_restart(model: _Model, reply_text: str, samples: InterruptSamples) -> None:
    """A restart: the request with both instructions, answered with the whole program again."""
    from studio.llm.events import StreamFinished
    from studio.pipeline.prompts import new_game_messages
    from tests.fake_openai import Reply

    model.server.script(Reply(text=reply_text))
    messages = new_game_messages(f"{DESCRIPTION}\nAlso: {NEW_INSTRUCTION}")
    tokens: int | None = None
    for event in model.source.stream(DESCRIPTION, messages):
        if isinstance(event, StreamFinished):
            tokens = event.completion_tokens
    record = model.last_record()
    samples.restart.append(float(tokens if tokens is not None else record.chunks_sent))


def measure_interrupts(model: _Model, code: str, repetitions: int) -> dict[float, InterruptSamples]:
    reply_text = "```python\n" + code + "```"  # ends like a model's reply
    results = {cut: InterruptSamples() for cut in CUTS}
    for cut in CUTS:
        samples = results[cut]
        steps: list[Callable[[], None]] = [
            lambda cut=cut, samples=samples: time_interrupt(model, code, reply_text, cut, samples),  # type: ignore[misc]
            lambda samples=samples: time_restart(model, reply_text, samples),  # type: ignore[misc]
        ]
        for repetition in range(repetitions):
            for step in steps if repetition % 2 == 0 else reversed(steps):
                step()
        progress(f"tweak_path: interrupt at {cut:.0%}, {repetitions} repetitions done")
    return results


def _interrupt_figures(results: dict[float, InterruptSamples]) -> list[Figure]:
    figures = []
    for cut, samples in results.items():
        runs = len(samples.continuation)
        continuation, restart = median(samples.continuation), median(samples.restart)
        share = ratio(continuation, restart)
        # What a restart generates again that had already arrived, vs what the interrupt does.
        wasted_restart = median(samples.interrupted_sent)
        wasted_interrupt = median([a + b for a, b in zip(samples.overlap_tokens, samples.dropped_tokens, strict=True)])
        regenerated = ratio(wasted_interrupt, wasted_restart)
        figures.append(Figure(
            benchmark=(
                f"tweak path, snake: interrupt at {cut:.0%} -> already-streamed tokens generated again "
                "/ a restart's"
            ),
            subject=wasted_interrupt, baseline=wasted_restart, unit="tokens",
            target=f"<= {INTERRUPT_TARGET:.0%}", ratio=regenerated, met=regenerated <= INTERRUPT_TARGET,
            note=(
                f"the continuation generates again only its {OVERLAP_LINES}-line overlap "
                f"({median(samples.overlap_tokens):.0f}) and the half line partial_code cut off "
                f"({median(samples.dropped_tokens):.0f}); a restart generates again all "
                f"{wasted_restart:.0f} tokens that had streamed; see the next row for the whole cost"
            ),
        ))
        figures.append(Figure(
            benchmark=f"tweak path, snake: interrupt at {cut:.0%} -> all continuation tokens / restart tokens",
            subject=share, baseline=1.0, unit="share of a restart's tokens",
            target="(context)", ratio=share, met=None,
            note=(
                f"continuation {continuation:.0f} completion tokens ({spread(samples.continuation)}) "
                f"vs restart {restart:.0f} ({spread(samples.restart)}); cancelled once "
                f"{median(samples.arrived_share):.0%} of the reply's characters had arrived at "
                f"{STREAM_TOKENS_PER_S:,.0f} tokens/s (server sent {wasted_restart:.0f} tokens; "
                f"saw the disconnect in {samples.disconnects}/{runs}, "
                f"{median(samples.cancel_to_disconnect):.3g} ms after cancel()); plan style "
                f"{','.join(sorted(samples.styles))}, assistant prefix seen by the server in "
                f"{samples.prefix_sent}/{runs}; regenerated_fraction "
                f"{median(samples.fraction):.3f} ({spread(samples.fraction)}); joined program == "
                f"snake.py in {samples.joined_ok}/{runs}, the same apart from blank lines in "
                f"{samples.joined_blank_lines_only}/{runs}; already-streamed tokens generated again: "
                f"interrupt {wasted_interrupt:.0f} ({OVERLAP_LINES}-line overlap "
                f"{median(samples.overlap_tokens):.0f} + lines partial_code cut off "
                f"{median(samples.dropped_tokens):.0f}) vs restart {wasted_restart:.0f} "
                f"({ratio(wasted_interrupt, wasted_restart):.1%}); baseline = the restart (1.0)"
            ),
        ))
    return figures


# --- the whole run ---------------------------------------------------------------------------


def measure(quick: bool = False) -> list[Figure]:
    start_headless_pygame()
    code = GAME_PATH.read_text()
    swap_repetitions = 8 if quick else 25
    token_repetitions = 2 if quick else 3
    interrupt_repetitions = 1 if quick else 3
    swaps = measure_hot_swap(code, swap_repetitions)
    model = _Model()
    try:
        tokens = measure_tokens(model, code, token_repetitions)
        interrupts = measure_interrupts(model, code, interrupt_repetitions)
    finally:
        model.close()
    return _swap_figures(swaps, code) + _token_figures(tokens) + _interrupt_figures(interrupts)


def main() -> None:
    run_from_command_line(__doc__, measure)


if __name__ == "__main__":
    main()

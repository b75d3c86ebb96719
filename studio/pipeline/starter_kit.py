"""The offline starter kit: a real game for any description, with no model and no network.

How it works: `genres.choose_genre` scores the description against weighted cue words
and phrases for 13 genres (several languages, plurals, typos); the matching file in
`assets/starters/` is a complete, hand-written game; `tuning.read_tuning` turns the
description's words into parameters (colours, speed, size, count, gravity, two
players, lives) and `tuning.tune` rewrites only the `# tune:` tagged literals of that
file. `StarterKit.stream` then replays the result as if a fast model wrote it: the same
events the model client yields, one fenced python block, paced at a chosen tokens/s,
so the pipeline treats offline and online replies alike.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from studio.llm.events import ModelError, StreamEvent, StreamFinished, StreamStarted, TextDelta
from studio.pipeline.genres import GenreChoice, choose_genre, genres, rank_genres
from studio.pipeline.titles import title_of
from studio.pipeline.tuning import Tuning, read_tuning, tune
from studio.settings import Paths

__all__ = [
    "CHARS_PER_TOKEN", "MODEL_NAME", "GenreChoice", "StarterGame", "StarterKit", "Tuning",
    "choose_genre", "genres", "read_tuning", "tune",
]

MODEL_NAME = "offline starter kit"
CHARS_PER_TOKEN = 4  # about what a model's tokenizer gives for Python source
SLEEP_AT_LEAST_S = 0.005  # pacing sleeps in batches of at least this long, not per token


@dataclass(frozen=True)
class StarterGame:
    """A starter game picked and tuned for a description."""

    genre: str
    title: str
    code: str
    changes: tuple[str, ...]  # what the tuning changed, one line each
    choice: GenreChoice


class StarterKit:
    """Picks, tunes and streams the starter games kept in one folder."""

    def __init__(self, starters_dir: Path | None = None) -> None:
        self.starters_dir = starters_dir if starters_dir is not None else Paths().assets / "starters"

    def available(self) -> list[str]:
        """The genres whose starter file exists, in the genres() order."""
        return [genre for genre in genres() if (self.starters_dir / f"{genre}.py").is_file()]

    def make(self, description: str) -> StarterGame:
        """The starter for the description's genre, tuned by its words.

        If that genre's file is missing, the next-best genre with a file is used.
        """
        choice = choose_genre(description)
        present = set(self.available())
        if not present:
            raise FileNotFoundError(f"no starter games in {self.starters_dir}")
        if choice.genre not in present:
            ranked = [c for c in rank_genres(description) if c.genre in present and c.score > 0]
            choice = ranked[0] if ranked else GenreChoice(sorted(present)[0], 0.0, ())
        source = (self.starters_dir / f"{choice.genre}.py").read_text(encoding="utf-8")
        code, changes = tune(source, read_tuning(description))
        return StarterGame(choice.genre, title_of(code, choice.genre.replace("_", " ").title()), code, tuple(changes), choice)

    def stream(
        self,
        description: str,
        tokens_per_s: float = 4000.0,
        cancel: threading.Event | None = None,
    ) -> Iterator[StreamEvent]:
        """The tuned starter as a model-like reply: one ```python block in small deltas.

        Deltas are paced by deadline (token i is due i / tokens_per_s after the start),
        sleeping in batches; `tokens_per_s=0` means as fast as the consumer reads.
        Setting `cancel` stops the stream within a few milliseconds with
        ModelError("cancelled", ..., partial_text), as the model client does.
        """
        yield StreamStarted(model=MODEL_NAME, offline=True, at=time.perf_counter())
        game = self.make(description)
        text = fenced(game.code)
        pieces = [text[i: i + CHARS_PER_TOKEN] for i in range(0, len(text), CHARS_PER_TOKEN)]
        start = time.perf_counter()
        sent = 0
        while sent < len(pieces):
            if cancel is not None and cancel.is_set():
                raise ModelError("cancelled", "the request was cancelled", "".join(pieces[:sent]))
            now = time.perf_counter()
            due = len(pieces) if tokens_per_s <= 0 else min(len(pieces), int((now - start) * tokens_per_s) + 1)
            if due <= sent:
                wait = max(SLEEP_AT_LEAST_S, (sent + 1) / tokens_per_s - (now - start))
                if cancel is not None:
                    cancel.wait(wait)
                else:
                    time.sleep(wait)
                continue
            for piece in pieces[sent:due]:
                yield TextDelta(piece, time.perf_counter())
                sent += 1
                if cancel is not None and cancel.is_set():
                    break
        yield StreamFinished(
            finish_reason="stop", prompt_tokens=None, completion_tokens=len(pieces), at=time.perf_counter()
        )


def fenced(code: str) -> str:
    """The code as one ```python block, ending with a newline."""
    body = code if code.endswith("\n") else code + "\n"
    return f"```python\n{body}```\n"



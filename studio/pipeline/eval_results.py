"""What `studio eval` measured: one PromptResult per prompt and the EvalSummary of a run."""

from __future__ import annotations

import statistics
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from sandbox.check import CheckResult


@dataclass(frozen=True)
class PromptResult:
    """How one prompt went: the game's funnel (compiled → ran → drew → reacted) and its times."""

    index: int  # position in the suite, from 0
    prompt: str
    status: str  # "ok" | the check's status | "no code" | "model error: ..." | "error"
    message: str
    title: str
    compiled: bool
    ran: bool
    blank: bool
    responds_to_input: bool
    repairs: int
    ttft_ms: float | None
    tokens: int
    tokens_per_s: float
    stream_ms: float
    ready_ms: float | None  # last token → first frame (DESIGN section 6)
    time_to_playable_ms: float | None  # request sent → first frame of the game that passed
    check: CheckResult | None
    thumbnail_png: bytes | None = field(default=None, repr=False, compare=False)

    def to_json(self) -> dict[str, object]:
        """The object `studio eval --json` lists (no thumbnail)."""
        return {
            "prompt": self.prompt,
            "status": self.status,
            "message": self.message,
            "title": self.title,
            "compiled": self.compiled,
            "ran": self.ran,
            "blank": self.blank,
            "responds_to_input": self.responds_to_input,
            "repairs": self.repairs,
            "ttft_ms": _rounded(self.ttft_ms),
            "tokens": self.tokens,
            "tokens_per_s": _rounded(self.tokens_per_s),
            "stream_ms": _rounded(self.stream_ms),
            "ready_ms": _rounded(self.ready_ms),
            "time_to_playable_ms": _rounded(self.time_to_playable_ms),
            "check": self.check.to_json() if self.check else None,
        }


@dataclass(frozen=True)
class EvalSummary:
    """The whole run in a few figures: rates over the prompts that finished, medians, totals."""

    prompts: int  # in the suite
    finished: int
    ok: int
    ok_rate: float
    compiled_rate: float
    ran_rate: float
    not_blank_rate: float
    responds_rate: float
    repairs: int
    median_ttft_ms: float | None
    median_tokens_per_s: float | None
    median_ready_ms: float | None
    median_time_to_playable_ms: float | None
    wall_s: float
    model: str
    endpoint: str | None
    offline: bool
    jobs: int
    interrupted: bool
    # "ok", "refused", "model error"... → how many
    statuses: dict[str, int] = field(default_factory=dict)

    def to_json(self) -> dict[str, object]:
        """The `summary` object of `studio eval --json`."""
        return {
            "prompts": self.prompts,
            "finished": self.finished,
            "ok": self.ok,
            "ok_rate": round(self.ok_rate, 4),
            "compiled_rate": round(self.compiled_rate, 4),
            "ran_rate": round(self.ran_rate, 4),
            "not_blank_rate": round(self.not_blank_rate, 4),
            "responds_rate": round(self.responds_rate, 4),
            "repairs": self.repairs,
            "median_ttft_ms": _rounded(self.median_ttft_ms),
            "median_tokens_per_s": _rounded(self.median_tokens_per_s),
            "median_ready_ms": _rounded(self.median_ready_ms),
            "median_time_to_playable_ms": _rounded(self.median_time_to_playable_ms),
            "wall_s": round(self.wall_s, 2),
            "model": self.model,
            "endpoint": self.endpoint,
            "offline": self.offline,
            "jobs": self.jobs,
            "interrupted": self.interrupted,
            "statuses": dict(self.statuses),
        }


def summarize(
    results: Sequence[PromptResult],
    prompts: int,
    wall_s: float,
    model: str,
    endpoint: str | None,
    offline: bool,
    jobs: int,
    interrupted: bool = False,
) -> EvalSummary:
    """Rates and medians of the finished results."""
    count = len(results)

    def rate(flags: Iterator[bool]) -> float:
        return sum(flags) / count if count else 0.0

    statuses: dict[str, int] = {}
    for result in results:
        kind = "model error" if result.status.startswith("model error") else result.status
        statuses[kind] = statuses.get(kind, 0) + 1
    return EvalSummary(
        prompts=prompts,
        finished=count,
        ok=sum(r.status == "ok" for r in results),
        ok_rate=rate(r.status == "ok" for r in results),
        compiled_rate=rate(r.compiled for r in results),
        ran_rate=rate(r.ran for r in results),
        not_blank_rate=rate(r.ran and not r.blank for r in results),
        responds_rate=rate(r.responds_to_input for r in results),
        repairs=sum(r.repairs for r in results),
        median_ttft_ms=_median(r.ttft_ms for r in results),
        median_tokens_per_s=_median(
            r.tokens_per_s for r in results if r.tokens > 0 and r.tokens_per_s > 0
        ),
        median_ready_ms=_median(r.ready_ms for r in results),
        median_time_to_playable_ms=_median(r.time_to_playable_ms for r in results),
        wall_s=wall_s,
        model=model,
        endpoint=endpoint,
        offline=offline,
        jobs=jobs,
        interrupted=interrupted,
        statuses=statuses,
    )


def _median(values: Iterator[float | None]) -> float | None:
    present = [v for v in values if v is not None]
    return statistics.median(present) if present else None


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 2)

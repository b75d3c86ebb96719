"""The eval engine in-process: suites, EvalRun over the fake server and real runners, summary, report.

EvalRun runs `make_game` for every prompt on a thread pool, each prompt with its own
ModelSource over one shared ModelClient (the real openai client, real HTTP+SSE to the
fake server), every game checked in real sandboxed runners. No assert on wall time.
"""

from __future__ import annotations

import io
import math
import re
import socket
import time
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image

from sandbox.check import CheckResult
from sandbox.runner_process import RunnerSettings
from studio.llm.client import ModelClient
from studio.llm.endpoint import Endpoint
from studio.llm.retry import RetryPolicy
from studio.pipeline.eval_report import report_markdown, write_report
from studio.pipeline.eval_results import PromptResult, summarize
from studio.pipeline.eval_suite import SuiteError, default_suite, read_suite
from studio.pipeline.evaluate import MAX_JOBS, EvalRun, EvalSettings
from studio.pipeline.sources import ModelSource
from studio.settings import Paths
from tests.fake_openai import DEFAULT_GAME_CODE, DEFAULT_REPLY_TEXT, FakeOpenAI, Fault, Reply

ROOT = Path(__file__).resolve().parents[2]
MODEL = "fake-coder-1"
FAST_RETRIES = RetryPolicy(attempts=2, first_delay_s=0.01, max_delay_s=0.02, max_total_wait_s=1.0)
CHECK_FRAMES = 120  # enough for "ran, drew, reacted"; the command's 600 only costs time here
BROKEN_GAME = DEFAULT_GAME_CODE.replace("import pygame\n", "import pygame\nimport socket\n", 1)
WAIT_S = 60.0  # only turns a hang into a failure


def fenced(code: str) -> str:
    return f"```python\n{code}```\n"


@pytest.fixture
def server() -> Iterator[FakeOpenAI]:
    with FakeOpenAI(tokens_per_s=math.inf) as fake:
        yield fake
        assert fake.errors == []


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def settings(jobs: int = 1) -> EvalSettings:
    runner = RunnerSettings(assets_dir=ROOT / "assets" / "pack", hang_timeout_s=2.0)
    return EvalSettings(runner, jobs=jobs, check_frames=CHECK_FRAMES)


class SharedClient:
    """One real ModelClient for a run, a ModelSource per prompt (as SharedModel does)."""

    def __init__(self, base_url: str, api_key: str) -> None:
        self.client = ModelClient(Endpoint(base_url, MODEL, api_key, "custom"), retry=FAST_RETRIES)

    def new_source(self) -> ModelSource:
        return ModelSource(self.client, MODEL)


def run_to_the_end(run: EvalRun) -> tuple[PromptResult, ...]:
    deadline = time.monotonic() + WAIT_S
    run.start()
    try:
        while not run.done:
            assert time.monotonic() < deadline, "the run did not finish"
            run.wait(0.05)
    finally:
        run.close()
    return run.results()


def evaluate(
    server: FakeOpenAI, prompts: list[str], jobs: int = 1
) -> tuple[EvalRun, tuple[PromptResult, ...]]:
    shared = SharedClient(server.base_url, server.api_key)
    run = EvalRun(prompts, shared.new_source, settings(jobs))
    try:
        return run, run_to_the_end(run)
    finally:
        shared.client.close()


# --- suites -----------------------------------------------------------------------------------


def test_a_suite_is_one_prompt_a_line_without_blanks_or_comments(tmp_path: Path) -> None:
    suite = tmp_path / "suite.txt"
    suite.write_bytes(
        "\ufeff# a comment\r\n  a snake game  \r\n\r\n   # an indented comment\n\t\npong | for two\n贪吃蛇\n".encode()
    )
    assert read_suite(suite) == ("a snake game", "pong | for two", "贪吃蛇")


@pytest.mark.parametrize(
    ("content", "said"),
    [
        (None, "no such suite file"),
        (b"", "has no prompts"),
        (b"\n   \n\t\n", "has no prompts"),
        (b"# only\n# comments\n", "has no prompts"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        ("un jeu de labyrinthe où".encode("latin-1"), "not UTF-8"),
        (b"a snake game\n" + b"x" * 2_001 + b"\n", "over 2,000 characters"),
    ],
    ids=["missing", "empty", "blank", "comments", "binary", "latin-1", "long line"],
)
def test_a_bad_suite_is_one_line_saying_what_is_wrong(
    tmp_path: Path, content: bytes | None, said: str
) -> None:
    suite = tmp_path / "suite.txt"
    if content is not None:
        suite.write_bytes(content)
    with pytest.raises(SuiteError) as caught:
        read_suite(suite)
    message = str(caught.value)
    assert said in message and str(suite) in message, message
    assert "\n" not in message


def test_a_folder_or_a_huge_file_is_not_a_suite(tmp_path: Path) -> None:
    with pytest.raises(SuiteError, match="is a folder"):
        read_suite(tmp_path)
    huge = tmp_path / "huge.txt"
    huge.write_bytes(b"a snake game\n" * 100_000)
    with pytest.raises(SuiteError, match="at most 1 MB"):
        read_suite(huge)


def _scripts(text: str) -> set[str]:
    """The writing systems of a text's letters: LATIN, CJK, HIRAGANA, HANGUL, CYRILLIC..."""
    found = set()
    for char in text:
        if char.isalpha():
            name = unicodedata.name(char, "")
            found.add(name.split()[0] if name else "?")
    return found


def test_the_shipped_suite_has_forty_varied_prompts_in_several_scripts() -> None:
    path = default_suite(Paths())
    assert path == ROOT / "assets" / "eval" / "prompts.txt"
    assert path.read_text(encoding="utf-8").startswith("#"), "a header comment explains the format"
    prompts = read_suite(path)
    assert len(prompts) >= 40
    assert len(set(prompts)) == len(prompts), "no prompt twice"
    scripts = set().union(*(_scripts(p) for p in prompts))
    assert {"LATIN", "CJK", "HANGUL", "CYRILLIC"} <= scripts, scripts
    assert scripts & {"HIRAGANA", "KATAKANA"}, "some Japanese"
    accented = [p for p in prompts if any(c in p for c in "áéíóúñüèàùêöäß")]
    assert len(accented) >= 3, "Spanish, French and German prompts"
    non_latin = [p for p in prompts if "LATIN" not in _scripts(p)]
    assert len(non_latin) >= 6


# --- a run over the fake server ---------------------------------------------------------------


@pytest.mark.usefixtures("no_leaks")
def test_every_prompt_is_made_checked_and_timed(server: FakeOpenAI) -> None:
    run, results = evaluate(server, ["a bouncing ball", "a ball that bounces"])
    assert [r.prompt for r in results] == ["a bouncing ball", "a ball that bounces"]
    assert [r.index for r in results] == [0, 1]
    for result in results:
        assert result.status == "ok" and result.message == f"ran {CHECK_FRAMES} frames"
        assert result.title == "Bounce"
        assert result.compiled and result.ran and not result.blank and result.responds_to_input
        assert result.repairs == 0 and result.tokens > 0 and result.tokens_per_s > 0
        assert result.ttft_ms is not None and result.ttft_ms > 0
        assert result.ready_ms is not None and result.time_to_playable_ms is not None
        # Request → first token → last token → first frame, all of it.
        assert result.time_to_playable_ms >= result.ttft_ms + result.stream_ms
        assert result.check is not None and result.check.frames == CHECK_FRAMES
        assert result.thumbnail_png is None, "pictures only for a report"
    assert run.served_by == MODEL and run.fatal is None and run.jobs == 1
    assert run.live() == ()
    assert len(server.chat_requests) == 2
    assert len({r.connection_id for r in server.requests}) == 1, "one job, one connection"
    for request in server.chat_requests:
        assert request.body["messages"][-1]["role"] == "user"
    assert "a bouncing ball" in str(server.chat_requests[0].body["messages"])


@pytest.mark.usefixtures("no_leaks")
def test_a_repair_counts_in_the_time_to_playable(server: FakeOpenAI) -> None:
    server.script(
        Reply(text=fenced(BROKEN_GAME)), Reply(text=DEFAULT_REPLY_TEXT, first_token_delay_s=0.05)
    )
    _, (result,) = evaluate(server, ["a bouncing ball"])
    assert result.status == "ok" and result.repairs == 1 and result.compiled
    assert result.ready_ms is not None and result.time_to_playable_ms is not None
    assert result.ttft_ms is not None
    # The first attempt's stream and failed check come before the repair's own times.
    final_attempt_ms = result.time_to_playable_ms - result.ttft_ms
    assert final_attempt_ms > 0
    assert len(server.chat_requests) == 2


@pytest.mark.usefixtures("no_leaks")
def test_failures_are_recorded_and_the_run_goes_on(server: FakeOpenAI) -> None:
    server.script(
        Reply(text=DEFAULT_REPLY_TEXT, first_token_delay_s=0.3),  # 1: ok
        Reply(text="I'm sorry, I can only describe games in words."),  # 3: no code
        Reply(text=fenced(BROKEN_GAME)),
        Reply(text=fenced(BROKEN_GAME)),  # 4: refused, repaired, refused
    )
    shared = SharedClient(server.base_url, server.api_key)
    run = EvalRun(["ok one", "model error", "no code", "refused"], shared.new_source, settings())
    run.start()
    try:
        # Once the first request has taken its (no) fault, the next request gets a 404.
        deadline = time.monotonic() + WAIT_S
        while not (server.chat_requests and server.chat_requests[0].reply_text is not None):
            assert time.monotonic() < deadline
            time.sleep(0.005)
        server.fail_next(Fault(status=404))
        while not run.done:
            assert time.monotonic() < deadline, "the run did not finish"
            run.wait(0.05)
    finally:
        run.close()
        shared.client.close()
    ok, model_error, no_code, refused = run.results()
    assert ok.status == "ok"
    assert model_error.status.startswith("model error: ") and "404" in model_error.status
    assert not model_error.compiled and model_error.check is None and model_error.ttft_ms is None
    assert no_code.status == "no code" and no_code.tokens > 0 and not no_code.compiled
    assert refused.status == "refused" and refused.repairs == 1 and not refused.compiled
    assert refused.check is not None and refused.check.line == 3
    assert refused.time_to_playable_ms is None, "nothing playable came of it"
    assert run.fatal is None, "the endpoint worked before: a failed request is a measurement"


def test_an_unreachable_endpoint_stops_the_run_with_one_line() -> None:
    url = f"http://127.0.0.1:{closed_port()}/v1"
    shared = SharedClient(url, "sk-any")
    run = EvalRun(["a", "b", "c", "d"], shared.new_source, settings(jobs=2))
    try:
        results = run_to_the_end(run)
    finally:
        shared.client.close()
    assert results == ()
    assert run.fatal is not None and "cannot reach" in run.fatal and url in run.fatal
    assert "\n" not in run.fatal


def test_a_refused_key_stops_the_run_before_every_prompt_is_tried(server: FakeOpenAI) -> None:
    shared = SharedClient(server.base_url, "sk-wrong")
    run = EvalRun([f"game {n}" for n in range(6)], shared.new_source, settings(jobs=2))
    try:
        results = run_to_the_end(run)
    finally:
        shared.client.close()
    assert results == ()
    assert run.fatal is not None and "401" in run.fatal
    assert len(server.chat_requests) <= 2, "the prompts still queued are not sent"


@pytest.mark.usefixtures("no_leaks")
def test_stop_cancels_the_streams_in_flight_and_skips_the_rest(server: FakeOpenAI) -> None:
    server.set_speed(tokens_per_s=40)  # a game takes about a minute to stream
    shared = SharedClient(server.base_url, server.api_key)
    run = EvalRun([f"game {n}" for n in range(5)], shared.new_source, settings(jobs=2))
    run.start()
    try:
        deadline = time.monotonic() + WAIT_S
        while [job.phase for job in run.live()] != ["streaming", "streaming"]:
            assert time.monotonic() < deadline, run.live()
            run.wait(0.02)
        assert [job.index for job in run.live()] == [0, 1]
        run.stop()
        assert run.done and run.wait(0) == [] and run.results() == ()
    finally:
        run.close()
        shared.client.close()
    requests = server.wait_until_idle()
    chats = [r for r in requests if r.path.endswith("/chat/completions")]
    assert len(chats) == 2, "prompts not started are never sent"
    assert all(r.disconnected_early for r in chats)


def test_jobs_are_capped_by_the_client_pool(server: FakeOpenAI) -> None:
    shared = SharedClient(server.base_url, server.api_key)
    try:
        assert EvalRun(["a"], shared.new_source, settings(jobs=50)).jobs == MAX_JOBS
        assert EvalRun(["a"], shared.new_source, settings(jobs=0)).jobs == 1
    finally:
        shared.client.close()


# --- summary and report -----------------------------------------------------------------------


def result(index: int, status: str, **changes: object) -> PromptResult:
    ok = status == "ok"
    check = (
        CheckResult(status, "ran 600 frames", None, 600, 900.0, 5.0, 9.0, False, ok)
        if status not in ("no code",) and not status.startswith("model")
        else None
    )
    values: dict[str, object] = dict(
        index=index,
        prompt=f"prompt {index}",
        status=status,
        message=check.message if check else status,
        title=f"Game {index}" if check else "",
        compiled=check is not None and status != "refused",
        ran=ok,
        blank=False,
        responds_to_input=ok,
        repairs=0,
        ttft_ms=100.0 + index,
        tokens=1000,
        tokens_per_s=2000.0,
        stream_ms=500.0,
        ready_ms=10.0 if ok else None,
        time_to_playable_ms=610.0 + index if ok else None,
        check=check,
    )
    values.update(changes)
    return PromptResult(**values)  # type: ignore[arg-type]


def test_the_summary_counts_rates_and_medians() -> None:
    results = [
        result(0, "ok"),
        result(1, "ok", blank=True, responds_to_input=False, repairs=1),
        result(2, "refused", repairs=1),
        result(
            3, "model error: the endpoint failed (500)", ttft_ms=None, tokens=0, tokens_per_s=0.0
        ),
        result(4, "no code", tokens_per_s=500.0),
    ]
    summary = summarize(
        results, 6, 12.5, MODEL, "http://127.0.0.1:1/v1", False, 2, interrupted=True
    )
    data = summary.to_json()
    assert data["prompts"] == 6 and data["finished"] == 5 and data["ok"] == 2
    assert data["ok_rate"] == 0.4 and data["compiled_rate"] == 0.4 and data["ran_rate"] == 0.4
    assert data["not_blank_rate"] == 0.2 and data["responds_rate"] == 0.2
    assert data["repairs"] == 2
    assert data["median_ttft_ms"] == 101.5  # 100, 101, 102, 104: the model error had no token
    assert data["median_tokens_per_s"] == 2000.0  # 2000 x3 and 500
    assert data["median_ready_ms"] == 10.0
    assert data["median_time_to_playable_ms"] == 610.5
    assert data["statuses"] == {"ok": 2, "refused": 1, "model error": 1, "no code": 1}
    assert data["model"] == MODEL and data["endpoint"] == "http://127.0.0.1:1/v1"
    assert data["offline"] is False and data["jobs"] == 2 and data["interrupted"] is True
    assert data["wall_s"] == 12.5

    empty = summarize([], 3, 0.1, "offline starter kit", None, True, 1).to_json()
    assert empty["finished"] == 0 and empty["ok_rate"] == 0.0 and empty["median_ttft_ms"] is None


def png(color: tuple[int, int, int]) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (32, 24), color).save(out, "PNG")
    return out.getvalue()


def test_the_report_has_a_summary_a_row_per_prompt_and_a_grid_of_four(tmp_path: Path) -> None:
    hostile = "a <script>alert(1)</script> game | with pipes & `ticks`"
    results = [result(n, "ok", thumbnail_png=png((40 * n, 90, 200))) for n in range(5)]
    results[1] = result(1, "ok", prompt=hostile, title="Pipes | <b>", thumbnail_png=png((1, 2, 3)))
    results[3] = result(3, "refused", message="line 3: importing socket is not allowed")
    results.append(result(5, "model error: cannot finish", ttft_ms=None))
    summary = summarize(results, 6, 75.0, MODEL, "http://example.test/v1", False, 1)
    path = tmp_path / "my eval.md"

    written = write_report(path, results, summary)

    assert written.path == path
    assert [p.name for p in written.images] == ["01.png", "02.png", "03.png", "05.png"]
    assert all(p.parent == tmp_path / "my eval_files" for p in written.images)
    assert (tmp_path / "my eval_files" / "02.png").read_bytes() == png((1, 2, 3))
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# Minigame Studio eval\n")
    assert "## Summary" in text and "## Prompts" in text and "## Thumbnails" in text
    assert f"`{MODEL}` at `http://example.test/v1`" in text and "1 min 15 s" in text
    assert "| ok | 4 of 6 (66.7 %) |" in text
    assert "<script>" not in text and "&lt;script&gt;" in text, "prompts never become markup"
    assert "game \\| with pipes &amp;" in text, "a pipe never breaks the table"
    prompt_rows = [line for line in text.splitlines() if re.match(r"\| \d+ \|", line)]
    assert len(prompt_rows) == 6
    assert all(len(re.split(r"(?<!\\)\|", row)) == 11 for row in prompt_rows), (
        "nine cells in every row"
    )
    assert "| 4 | prompt 3 | refused: line 3: importing socket is not allowed |" in text
    assert "model error: cannot finish" in text
    grid = text.split("## Thumbnails", 1)[1]
    assert grid.count("<tr>") == 2 and grid.count("<td") == 6
    assert grid.count('<img src="my%20eval_files/0') == 4, "relative links, the space quoted"
    assert grid.count("<em>no picture</em>") == 2
    assert "<code>refused</code>" in grid and "Pipes | &lt;b&gt;" in grid


def test_a_report_with_no_pictures_writes_no_folder(tmp_path: Path) -> None:
    results = [result(0, "no code")]
    written = write_report(
        tmp_path / "r.md", results, summarize(results, 1, 1.0, "offline starter kit", None, True, 1)
    )
    assert written.images == () and not (tmp_path / "r_files").exists()
    assert "offline starter kit" in (tmp_path / "r.md").read_text(encoding="utf-8")


def test_the_markdown_of_an_interrupted_run_says_so() -> None:
    results = [result(0, "ok")]
    text = report_markdown(
        results, summarize(results, 40, 3.0, MODEL, "http://x/v1", False, 1, True), {}
    )
    assert "1 of 40 prompts" in text and "stopped by the user" in text

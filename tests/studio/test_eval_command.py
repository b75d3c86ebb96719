"""`studio eval` as a user runs it: a real process, the fake model server in this process, real runners.

The environment comes from tests/conftest.py (no real keys, a failing keyring, a temporary
MINIGAME_STUDIO_HOME, NO_PROXY for 127.0.0.1); a test adds OPENAI_API_KEY for the fake
server when it wants a model. No assert on wall time.
"""

from __future__ import annotations

import math
import os
import re
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image

from studio.eval_command import _fit, _width, plain_line, table_row
from studio.pipeline.eval_results import PromptResult
from tests.fake_openai import DEFAULT_GAME_CODE, DEFAULT_REPLY_TEXT, FakeOpenAI, Fault, Reply
from tests.sandbox.fixtures.hosting import runner_pids
from tests.studio.cli_runs import (
    MODEL,
    assert_no_traceback,
    one_json_object,
    run_studio,
    with_model,
)

RESULT_KEYS = {
    "prompt",
    "status",
    "message",
    "title",
    "compiled",
    "ran",
    "blank",
    "responds_to_input",
    "repairs",
    "ttft_ms",
    "tokens",
    "tokens_per_s",
    "stream_ms",
    "ready_ms",
    "time_to_playable_ms",
    "check",
}
CHECK_KEYS = {
    "status",
    "message",
    "line",
    "frames",
    "fps",
    "load_ms",
    "first_frame_ms",
    "blank",
    "responds_to_input",
}
SUMMARY_KEYS = {
    "prompts",
    "finished",
    "ok",
    "ok_rate",
    "compiled_rate",
    "ran_rate",
    "not_blank_rate",
    "responds_rate",
    "repairs",
    "median_ttft_ms",
    "median_tokens_per_s",
    "median_ready_ms",
    "median_time_to_playable_ms",
    "wall_s",
    "model",
    "endpoint",
    "offline",
    "jobs",
    "interrupted",
    "statuses",
}
BROKEN_GAME = DEFAULT_GAME_CODE.replace("import pygame\n", "import pygame\nimport socket\n", 1)
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


@pytest.fixture
def server() -> Iterator[FakeOpenAI]:
    with FakeOpenAI(tokens_per_s=math.inf) as fake:
        yield fake
        assert fake.errors == []


def suite(folder: Path, *lines: str, name: str = "suite.txt") -> Path:
    path = folder / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def studio_eval(
    cwd: Path, *args: str, key: str | None = None, **options: object
) -> subprocess.CompletedProcess[str]:
    return run_studio("eval", cwd, *args, key=key, **options)  # type: ignore[arg-type]


def fenced(code: str) -> str:
    return f"```python\n{code}```\n"


def closed_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


# --- --json -----------------------------------------------------------------------------------


def test_json_shape_and_numbers_and_one_connection_for_one_job(
    server: FakeOpenAI, tmp_path: Path
) -> None:
    prompts = [
        "a bouncing ball game",
        "# not a prompt",
        "",
        "a paddle and a ball",
        "bounce, bounce",
    ]
    process = studio_eval(
        tmp_path,
        *with_model(server, "--suite", str(suite(tmp_path, *prompts)), "--json"),
        key=server.api_key,
    )
    assert process.returncode == 0, process.stderr
    assert_no_traceback(process)
    assert process.stderr == "", "--json with no terminal prints nothing else"
    report = one_json_object(process.stdout)
    assert set(report) == {"results", "summary"}
    results, summary = report["results"], report["summary"]
    assert [r["prompt"] for r in results] == [
        "a bouncing ball game",
        "a paddle and a ball",
        "bounce, bounce",
    ]
    for result in results:
        assert set(result) == RESULT_KEYS
        assert set(result["check"]) == CHECK_KEYS
        assert result["status"] == "ok" and result["check"]["status"] == "ok"
        assert result["check"]["frames"] == 600, "checked like `studio check`: 600 frames"
        assert (
            result["compiled"]
            and result["ran"]
            and not result["blank"]
            and result["responds_to_input"]
        )
        assert result["title"] == "Bounce" and result["repairs"] == 0
        assert result["tokens"] > 0 and result["tokens_per_s"] > 0 and result["ttft_ms"] > 0
        assert result["ready_ms"] >= 0
        assert result["time_to_playable_ms"] >= result["ttft_ms"] + result["stream_ms"]
    assert set(summary) == SUMMARY_KEYS
    assert summary["prompts"] == summary["finished"] == summary["ok"] == 3
    assert summary["ok_rate"] == summary["compiled_rate"] == summary["ran_rate"] == 1.0
    assert summary["not_blank_rate"] == summary["responds_rate"] == 1.0 and summary["repairs"] == 0
    assert summary["median_ttft_ms"] == sorted(r["ttft_ms"] for r in results)[1]
    assert (
        summary["median_time_to_playable_ms"]
        == sorted(r["time_to_playable_ms"] for r in results)[1]
    )
    assert summary["model"] == MODEL and summary["endpoint"] == server.base_url
    assert summary["offline"] is False and summary["jobs"] == 1 and summary["interrupted"] is False
    assert summary["statuses"] == {"ok": 3} and summary["wall_s"] > 0

    assert len(server.chat_requests) == 3
    assert server.connections_opened == 1, "with --jobs 1 every request travels on one connection"
    assert {r.connection_id for r in server.requests} == {1}


def test_jobs_run_prompts_at_once_and_results_keep_the_suite_order(
    server: FakeOpenAI, tmp_path: Path
) -> None:
    titles = ["Alpha", "Bravo", "Charlie", "Delta"]
    # The first reply to be sent waits: the others overtake it.
    server.script(
        *(
            Reply(
                text=fenced(DEFAULT_GAME_CODE.replace('"""Bounce.', f'"""{title}.', 1)),
                first_token_delay_s=2.0 if n == 0 else 0.0,
            )
            for n, title in enumerate(titles)
        )
    )
    prompts = [f"game number {n}" for n in range(4)]
    process = studio_eval(
        tmp_path,
        *with_model(server, "--suite", str(suite(tmp_path, *prompts)), "--json", "--jobs", "3"),
        key=server.api_key,
    )
    assert process.returncode == 0, process.stderr
    report = one_json_object(process.stdout)
    results = report["results"]
    assert [r["prompt"] for r in results] == prompts
    assert all(r["status"] == "ok" for r in results)
    assert report["summary"]["jobs"] == 3

    # Each result holds the game the server sent for that prompt, whatever the finish order.
    sent_for = {}
    for request in server.chat_requests:
        prompt = next(p for p in prompts if p in str(request.body["messages"]))
        sent_for[prompt] = request.reply_text.split('"""', 2)[1].split(".")[0]
    assert [r["title"] for r in results] == [sent_for[p] for p in prompts]
    assert sorted(sent_for.values()) == titles
    # Requests overlapped: another arrived while the slow one was being answered.
    slow = next(r for r in server.chat_requests if '"""Alpha.' in r.reply_text)
    assert slow.finished_at is not None
    assert any(slow.received_at < r.received_at < slow.finished_at for r in server.chat_requests)
    assert 2 <= server.connections_opened <= 3


def test_failures_are_recorded_without_stopping_the_run(server: FakeOpenAI, tmp_path: Path) -> None:
    server.fail_next(Fault(drop_after_chunks=5))  # 1: the stream breaks off
    server.script(
        Reply(text=DEFAULT_REPLY_TEXT),  # taken by the broken stream
        Reply(text="Here is how the game would work: a ball bounces off a paddle."),  # 2: no code
        Reply(text=fenced(BROKEN_GAME)),
        Reply(text=fenced(BROKEN_GAME)),  # 3: refused, repair refused
    )  # 4: the default game
    prompts = ["broken stream", "prose only", "refused twice", "fine"]
    process = studio_eval(
        tmp_path, *with_model(server, "--suite", str(suite(tmp_path, *prompts))), key=server.api_key
    )
    assert process.returncode == 0, "the eval ran: failed games are the measurement"
    assert_no_traceback(process)
    lines = process.stdout.splitlines()
    assert (
        lines[0].startswith("[1/4] model error: the reply broke off")
        and '"broken stream"' in lines[0]
    )
    assert lines[1].startswith('[2/4] no code: "prose only"')
    assert lines[2].startswith("[3/4] refused (line 3: ") and "1 repair" in lines[2]
    assert lines[3].startswith('[4/4] ok: "fine" → Bounce (first token ')
    assert lines[4].startswith(
        f"4 prompts with {MODEL} at {server.base_url}, 1 at a time: 1 ok (25 %)"
    )
    assert "compiled 25 %" in lines[4] and "1 repair" in lines[4]
    assert lines[5].startswith("medians: first token ") and len(lines) == 6
    assert len(server.chat_requests) == 5


def test_report_writes_markdown_and_thumbnails(server: FakeOpenAI, tmp_path: Path) -> None:
    server.script(
        Reply(text=DEFAULT_REPLY_TEXT),
        Reply(text=fenced(BROKEN_GAME)),
        Reply(text=fenced(BROKEN_GAME)),
    )
    prompts = ["a game", "a refused game", "game three", "game four", "game five"]
    report = tmp_path / "out" / "eval.md"
    report.parent.mkdir()
    process = studio_eval(
        tmp_path,
        *with_model(server, "--suite", str(suite(tmp_path, *prompts)), "--report", str(report)),
        key=server.api_key,
    )
    assert process.returncode == 0, process.stderr
    assert_no_traceback(process)
    assert f"report: {report} (4 thumbnails)" in process.stdout
    files = sorted(p.name for p in (tmp_path / "out" / "eval_files").iterdir())
    assert files == ["01.png", "03.png", "04.png", "05.png"]
    for name in files:
        data = (tmp_path / "out" / "eval_files" / name).read_bytes()
        assert data.startswith(PNG_MAGIC)
        with Image.open(report.parent / "eval_files" / name) as image:
            assert image.size[0] <= 256 and image.size[1] <= 192
            assert image.convert("RGB").getcolors(maxcolors=1) is None, (
                "a picture of the game, not a flat colour"
            )
    text = report.read_text(encoding="utf-8")
    assert "## Summary" in text and "| ok | 4 of 5 (80 %) |" in text
    assert "| 2 | a refused game | refused: " in text
    assert text.count('<img src="eval_files/') == 4 and text.count("<tr>") == 2
    assert "<em>no picture</em><br>2. Bounce<br><code>refused</code>" in text


def test_a_report_in_a_missing_folder_is_refused_before_any_work(
    server: FakeOpenAI, tmp_path: Path
) -> None:
    process = studio_eval(
        tmp_path,
        *with_model(
            server,
            "--suite",
            str(suite(tmp_path, "a game")),
            "--report",
            str(tmp_path / "no" / "r.md"),
        ),
        key=server.api_key,
    )
    assert process.returncode == 1 and process.stdout == ""
    assert process.stderr.strip().count("\n") == 0 and "does not exist" in process.stderr
    assert server.chat_requests == []


def test_a_report_that_cannot_be_written_is_one_line_and_exit_one(tmp_path: Path) -> None:
    taken = tmp_path / "eval.md"
    taken.mkdir()  # a folder where the report should go
    process = studio_eval(
        tmp_path,
        "--suite",
        str(suite(tmp_path, "a snake game")),
        "--offline",
        "--report",
        str(taken),
    )
    assert process.returncode == 1
    assert_no_traceback(process)
    lines = process.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"studio: cannot write the report {taken}: ")
    assert "1 prompt with the offline starter kit" in process.stdout, (
        "the measurement is still shown"
    )


# --- offline ----------------------------------------------------------------------------------


def test_offline_runs_the_starter_kit(tmp_path: Path) -> None:
    path = suite(tmp_path, "a red snake game", "pong for two players", "贪吃蛇游戏")
    plain = studio_eval(tmp_path, "--suite", str(path), "--offline")
    assert plain.returncode == 0, plain.stderr
    assert_no_traceback(plain)
    lines = plain.stdout.splitlines()
    assert lines[0].startswith('[1/3] ok: "a red snake game" → Snake (first token ')
    assert lines[1].startswith('[2/3] ok: "pong for two players" → Pong')
    assert lines[2].startswith('[3/3] ok: "贪吃蛇游戏" → Snake')
    assert lines[3].startswith("3 prompts with the offline starter kit, 1 at a time: 3 ok (100 %)")

    as_json = studio_eval(tmp_path, "--suite", str(path), "--offline", "--json", "--jobs", "2")
    assert as_json.returncode == 0, as_json.stderr
    report = one_json_object(as_json.stdout)
    assert [r["title"] for r in report["results"]] == ["Snake", "Pong", "Snake"]
    assert all(r["status"] == "ok" and r["repairs"] == 0 for r in report["results"])
    summary = report["summary"]
    assert summary["offline"] is True and summary["model"] == "offline starter kit"
    assert summary["endpoint"] is None and summary["jobs"] == 2 and summary["ok"] == 3


def test_no_key_falls_back_offline_and_says_so_once(tmp_path: Path) -> None:
    process = studio_eval(tmp_path, "--suite", str(suite(tmp_path, "a snake game")))
    assert process.returncode == 0, process.stderr
    assert process.stderr.count("offline") == 1 and "key" in process.stderr
    assert "offline starter kit" in process.stdout


# --- what cannot run --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "said"),
    [
        (None, "no such suite file"),
        (b"", "has no prompts"),
        (b"# just\n\n# comments\n", "has no prompts"),
        (b"\x00\x01\x02\x03binary\xff\xfe", "binary"),
        ("ein Spiel für zwei".encode("latin-1"), "not UTF-8"),
    ],
    ids=["missing", "empty", "only comments", "binary", "not UTF-8"],
)
def test_a_bad_suite_is_exit_one_with_one_line(
    tmp_path: Path, content: bytes | None, said: str
) -> None:
    path = tmp_path / "suite.txt"
    if content is not None:
        path.write_bytes(content)
    process = studio_eval(tmp_path, "--suite", str(path), "--offline", "--json")
    assert process.returncode == 1
    assert_no_traceback(process)
    assert process.stdout == ""
    lines = process.stderr.splitlines()
    assert len(lines) == 1 and said in lines[0] and str(path) in lines[0], process.stderr


def test_a_bad_suite_with_no_endpoint_configured_still_says_one_line(tmp_path: Path) -> None:
    """No --offline and no key: the "working offline" note waits until the suite is good."""
    process = studio_eval(tmp_path, "--suite", str(tmp_path / "missing.txt"))
    assert process.returncode == 1
    lines = process.stderr.splitlines()
    assert len(lines) == 1 and "no such suite file" in lines[0], process.stderr


def test_an_unreachable_endpoint_is_exit_one_with_one_line(tmp_path: Path) -> None:
    url = f"http://127.0.0.1:{closed_port()}/v1"
    process = studio_eval(
        tmp_path,
        "--suite",
        str(suite(tmp_path, "a", "b", "c")),
        "--base-url",
        url,
        "--model",
        MODEL,
        "--jobs",
        "2",
        key="sk-anything",
    )
    assert process.returncode == 1
    assert_no_traceback(process)
    lines = [line for line in process.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "cannot reach" in lines[0] and url in lines[0], process.stderr
    assert process.stdout == ""


def test_no_model_named_lists_the_ones_offered_in_one_line(
    server: FakeOpenAI, tmp_path: Path
) -> None:
    process = studio_eval(
        tmp_path,
        "--suite",
        str(suite(tmp_path, "a", "b")),
        "--base-url",
        server.base_url,
        key=server.api_key,
    )
    assert process.returncode == 1
    assert_no_traceback(process)
    lines = process.stderr.splitlines()
    assert len(lines) == 1 and "--model" in lines[0], process.stderr
    assert all(model in lines[0] for model in server.models)
    assert server.chat_requests == [] and process.stdout == ""


# --- Ctrl+C -----------------------------------------------------------------------------------


def test_ctrl_c_stops_cleanly_and_prints_what_finished(server: FakeOpenAI, tmp_path: Path) -> None:
    server.script(
        Reply(text=DEFAULT_REPLY_TEXT), Reply(text=DEFAULT_REPLY_TEXT, tokens_per_s=20)
    )  # ~1 min
    env = dict(os.environ, OPENAI_API_KEY=server.api_key)
    path = suite(tmp_path, "first", "second, slow", "third", "fourth")
    process = subprocess.Popen(
        [sys.executable, "-m", "studio", "eval", *with_model(server, "--suite", str(path))],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        # A shell's background job ignores SIGINT, and Python then keeps ignoring it: undo that,
        # as a terminal's foreground process has it.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    try:
        assert process.stdout is not None
        first_line = process.stdout.readline()
        assert first_line.startswith('[1/4] ok: "first"'), first_line
        deadline = time.monotonic() + 30
        while len(server.chat_requests) < 2:
            assert time.monotonic() < deadline
            time.sleep(0.02)
        time.sleep(0.3)  # well into a stream that takes about a minute
        assert server.chat_requests[1].finished_at is None
        runners = runner_pids(process.pid)
        assert runners, "the second prompt's runner is warm while it streams"
        process.send_signal(signal.SIGINT)
        rest, errors = process.communicate(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert process.returncode == 130, errors
    assert "Traceback" not in errors and "Traceback" not in rest
    assert rest.startswith("1 of 4 prompts (stopped) with "), rest
    assert "1 ok (100 %)" in rest
    second = server.wait_until_idle()[-1]
    assert second.disconnected_early, "the stream in flight was cancelled"
    assert len(server.chat_requests) == 2, "the prompts not started were never sent"
    deadline = time.monotonic() + 5
    while any(Path(f"/proc/{pid}").exists() and _alive(pid) for pid in runners):
        assert time.monotonic() < deadline, "a runner outlived the command"
        time.sleep(0.05)


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state not in ("Z", "X")


# --- the terminal -----------------------------------------------------------------------------


def test_a_terminal_gets_a_table_that_fills_in_and_a_progress_bar(tmp_path: Path) -> None:
    path = suite(tmp_path, "a red snake game", "pong for two players", "贪吃蛇游戏")
    controller, terminal = os.openpty()
    os.set_inheritable(terminal, True)
    try:
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "studio",
                "eval",
                "--suite",
                str(path),
                "--offline",
                "--jobs",
                "2",
            ],
            cwd=tmp_path,
            stdout=subprocess.PIPE,
            stderr=terminal,
            text=True,
        )
        os.close(terminal)
        shown = bytearray()
        reader = threading.Thread(target=_read_all, args=(controller, shown), daemon=True)
        reader.start()
        stdout, _ = process.communicate(timeout=90)
        reader.join(timeout=10)
    finally:
        os.close(controller)
    assert process.returncode == 0
    screen = shown.decode("utf-8", errors="replace")
    assert "Traceback" not in screen
    header = screen.splitlines()[0]
    assert header.split()[:4] == ["#", "status", "1st", "tok"] and "game · prompt" in header
    rows = re.findall(r"\x1b\[2K *(\d) +ok +[\d,]+ ms", screen)
    assert sorted(rows) == ["1", "2", "3"], screen
    assert "Snake · 贪吃蛇游戏" in screen
    assert re.search(r"\[█+░*\] [123]/3 +ok [123]", screen), "a bar redrawn in place"
    assert "\x1b[2K[░" in screen or "\r\x1b[2K[" in screen
    assert stdout.startswith("3 prompts with the offline starter kit"), "the summary goes to stdout"


def _read_all(fd: int, into: bytearray) -> None:
    while True:
        try:
            chunk = os.read(fd, 65536)
        except OSError:  # EIO: the terminal's other end closed
            return
        if not chunk:
            return
        into.extend(chunk)


# --- lines and rows ---------------------------------------------------------------------------


def made(status: str = "ok", **changes: object) -> PromptResult:
    values: dict[str, object] = dict(
        index=11,
        prompt="贪吃蛇游戏，蛇是绿色的，速度很快 and then a very long tail of words",
        status=status,
        message="ran 600 frames",
        title="Snake",
        compiled=True,
        ran=True,
        blank=False,
        responds_to_input=True,
        repairs=0,
        ttft_ms=412.4,
        tokens=1886,
        tokens_per_s=1234.5,
        stream_ms=1500.0,
        ready_ms=16.2,
        time_to_playable_ms=12_345.0,
        check=None,
    )
    values.update(changes)
    return PromptResult(**values)  # type: ignore[arg-type]


def test_a_table_row_fits_the_terminal_even_with_wide_characters() -> None:
    for columns in (60, 80, 120):
        row = table_row(made(), columns)
        assert _width(row) <= columns - 1, (columns, row)
        assert row.split()[:6] == ["12", "ok", "412", "ms", "1,234", "16"]
    assert "12.3 s" in table_row(made(), 120)
    failed = table_row(
        made("model error: the endpoint failed (500)", title="", ttft_ms=None, tokens=0), 80
    )
    assert failed.split()[1:3] == ["model", "error"] and "–" in failed


def test_plain_lines_say_what_happened_in_one_line() -> None:
    assert plain_line(made(), 48) == (
        '[12/48] ok: "贪吃蛇游戏，蛇是绿色的，速度很快 and then a very long tail of words" → Snake '
        "(first token 412 ms, 1,234 tokens/s, ready 16 ms, playable 12.3 s)"
    )
    refused = plain_line(
        made("refused", message="line 3: importing socket is not allowed", repairs=1, title=""), 48
    )
    assert (
        refused.startswith("[12/48] refused (line 3: importing socket is not allowed): ")
        and "1 repair)" in refused
    )
    assert "\n" not in plain_line(made(prompt='two\nlines "quoted"'), 48)


def test_fit_counts_wide_characters_twice() -> None:
    assert _width("贪吃蛇") == 6 and _width("snake") == 5
    assert _fit("贪吃蛇游戏", 7) == "贪吃蛇…" and _fit("贪吃蛇游戏", 8) == "贪吃蛇… "
    assert _fit("snake", 8) == "snake   " and _fit("snake", 8, pad=False) == "snake"

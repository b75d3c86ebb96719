"""The make pipeline in-process: the real openai client against the fake server, real runners, real SQLite.

Every reply goes through `make_game` as `studio make` and the window use it: streamed from
the fake OpenAI-compatible server (or the offline starter kit), extracted, saved as a
version, checked in two real sandboxed runners, repaired once when it fails. No test
asserts on wall time: "the code ran before the stream ended" is read from `ready_ms`
(the pipeline clamps "first frame before the last token" to 0.0).
"""

from __future__ import annotations

import math
import socket
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from sandbox.runner_process import RunnerSettings
from studio.library.store import VersionStore
from studio.llm.client import ModelClient
from studio.llm.endpoint import Endpoint
from studio.llm.retry import RetryPolicy
from studio.pipeline.make import MakeProgress, MakeResult, make_game
from studio.pipeline.sources import ModelSource, OfflineSource
from studio.pipeline.starter_kit import StarterKit
from tests.fake_openai import DEFAULT_GAME_CODE, DEFAULT_REPLY_TEXT, FakeOpenAI, Fault, Reply

ROOT = Path(__file__).resolve().parents[2]
ASSET_PACK = ROOT / "assets" / "pack"
MODEL = "fake-coder-1"
FAST_RETRIES = RetryPolicy(attempts=3, first_delay_s=0.01, max_delay_s=0.02, max_total_wait_s=1.0)
CHECK_FRAMES = 120  # enough for "ran, drew, reacted"; the default 600 only costs time here

pytestmark = pytest.mark.usefixtures("no_leaks")


# --- helpers ----------------------------------------------------------------------------------


def fenced(code: str) -> str:
    return "```python\n" + code + ("" if code.endswith("\n") else "\n") + "```\n"


def with_line_before(code: str, anchor: str, inserted: str) -> tuple[str, int]:
    """`code` with `inserted` put on its own line just before the line holding `anchor`;
    returns the new code and the 1-based number of the inserted line."""
    lines = code.split("\n")
    index = next(i for i, line in enumerate(lines) if anchor in line)
    indent = lines[index][: len(lines[index]) - len(lines[index].lstrip())]
    lines.insert(index, indent + inserted)
    return "\n".join(lines), index + 1


CRASHING_GAME, CRASH_LINE = with_line_before(
    DEFAULT_GAME_CODE, "keys = pygame.key.get_pressed()", "1/0"
)
FORBIDDEN_GAME, FORBIDDEN_LINE = with_line_before(
    DEFAULT_GAME_CODE, "import pygame", "import socket"
)


@pytest.fixture
def server() -> Iterator[FakeOpenAI]:
    with FakeOpenAI(tokens_per_s=math.inf) as fake:
        yield fake
        assert fake.errors == []



@pytest.fixture
def settings() -> RunnerSettings:
    return RunnerSettings(assets_dir=ASSET_PACK, hang_timeout_s=2)


def model_source(server: FakeOpenAI, **client_options: object) -> ModelSource:
    base_url = str(client_options.pop("base_url", server.base_url))
    api_key = str(client_options.pop("api_key", server.api_key))
    client = ModelClient(
        Endpoint(base_url, MODEL, api_key, "custom"),
        retry=FAST_RETRIES,
        **client_options,  # type: ignore[arg-type]
    )
    return ModelSource(client, MODEL)


def make(
    description: str,
    source: object,
    settings: RunnerSettings,
    store: VersionStore | None,
    **options: object,
) -> MakeResult:
    options.setdefault("check_frames", CHECK_FRAMES)
    try:
        return make_game(description, source, settings, store=store, **options)  # type: ignore[arg-type]
    finally:
        client = getattr(source, "client", None)
        if client is not None:
            client.close()


def assert_one_line(message: str, limit: int = 200) -> None:
    """A message for a person: one line, short, no traceback."""
    assert message.strip(), "the message is empty"
    assert "\n" not in message and "\r" not in message, message
    assert "Traceback" not in message, message
    assert len(message) <= limit, message


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


# --- the happy path ---------------------------------------------------------------------------


def test_a_fenced_game_runs_before_its_stream_ends(
    server: FakeOpenAI, settings: RunnerSettings, store: VersionStore
) -> None:
    # A long prose tail after the closing fence, streamed slowly: the code must reach the
    # runner at the fence, so the first frame arrives before the last token (ready_ms 0.0).
    server.script(Reply(text=DEFAULT_REPLY_TEXT + "\n" + "x" * 8000, tokens_per_s=2000))
    phases: list[str] = []
    result = make(
        "a bouncing ball game",
        model_source(server),
        settings,
        store,
        on_progress=lambda p: phases.append(p.phase),
    )

    assert result.status == "ok", result.message
    assert (
        result.check is not None
        and result.check.status == "ok"
        and result.check.frames == CHECK_FRAMES
    )
    assert not result.check.blank
    assert result.code == DEFAULT_GAME_CODE
    assert result.model == MODEL and result.offline is False
    assert result.repairs == 0 and len(result.attempts) == 1
    assert result.ttft_ms > 0 and result.stream_ms > 0
    assert result.tokens > 0 and result.tokens_per_s > 0
    assert result.ready_ms == 0.0, "the first frame should come before the stream's last token"
    assert result.title.startswith("Bounce")
    assert phases[0] == "waiting" and "streaming" in phases and phases[-1] == "checking"

    assert result.version_id is not None
    version = store.get(result.version_id)
    assert version is not None
    assert (
        version.kind == "make" and version.code == DEFAULT_GAME_CODE and version.parent_id is None
    )
    assert (
        version.prompt == "a bouncing ball game" and version.model == MODEL and not version.offline
    )
    assert version.outcome == "ok"
    assert version.timings["tokens"] == result.tokens and version.timings["ttft_ms"] > 0

    chats = server.chat_requests
    assert len(chats) == 1
    body = chats[0].body
    assert body["stream"] is True and body["model"] == MODEL
    assert body["messages"][0]["role"] == "system"
    assert "a bouncing ball game" in body["messages"][-1]["content"]


def test_a_prose_tail_past_the_reply_cap_does_not_lose_a_finished_game(
    server: FakeOpenAI, settings: RunnerSettings, store: VersionStore
) -> None:
    # The cap stops the stream in the prose after the fence: the game was already complete.
    server.script(Reply(text=DEFAULT_REPLY_TEXT + "\nNotes:\n" + "blah " * 3000))
    result = make(
        "a bouncing ball game", model_source(server, max_reply_chars=4000), settings, store
    )
    assert result.status == "ok", result.message
    assert result.code == DEFAULT_GAME_CODE
    assert [v.kind for v in store.recent()] == ["make"]


# --- repair -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("broken", "line", "status", "source_line"),
    [
        (CRASHING_GAME, CRASH_LINE, "error", "1/0"),
        (FORBIDDEN_GAME, FORBIDDEN_LINE, "refused", "import socket"),
    ],
    ids=["runtime-error", "compile-refusal"],
)
def test_a_broken_game_is_repaired_once_with_its_line(
    server: FakeOpenAI,
    settings: RunnerSettings,
    store: VersionStore,
    broken: str,
    line: int,
    status: str,
    source_line: str,
) -> None:
    server.script(Reply(text=fenced(broken)), Reply(text=DEFAULT_REPLY_TEXT))
    phases: list[str] = []
    result = make(
        "a bouncing ball game",
        model_source(server),
        settings,
        store,
        on_progress=lambda p: phases.append(p.phase),
    )

    assert result.status == "ok", result.message
    assert result.repairs == 1
    assert result.code == DEFAULT_GAME_CODE
    first = result.attempts[0]
    assert first.check is not None and first.check.status == status and first.check.line == line
    assert "repairing" in phases

    chats = server.chat_requests
    assert len(chats) == 2
    messages = chats[1].body["messages"]
    assert messages[:2] == chats[0].body["messages"]  # the original request, then the repair
    assert messages[-2]["role"] == "assistant" and broken.strip() in messages[-2]["content"]
    request = messages[-1]["content"]
    assert messages[-1]["role"] == "user"
    assert f"line {line}" in request
    marked = [row for row in request.splitlines() if row.startswith(">")]
    assert len(marked) == 1, request
    number, code_shown = marked[0].split("|", 1)
    assert number.split() == [">", str(line)], marked[0]
    assert code_shown.strip() == source_line
    numbered = [row for row in request.splitlines() if "|" in row and row[:1] in (">", " ")]
    assert len(numbered) > 3, "the code around the line is shown, numbered"

    versions = store.recent()
    assert [v.kind for v in versions] == ["repair", "make"]
    repaired, made = versions
    assert made.code == broken and made.outcome == status and made.parent_id is None
    assert repaired.code == DEFAULT_GAME_CODE and repaired.outcome == "ok"
    assert repaired.parent_id == made.id
    assert result.version_id == repaired.id


def test_repair_never_loops_when_the_repair_is_broken_too(
    server: FakeOpenAI, settings: RunnerSettings, store: VersionStore
) -> None:
    server.script(
        Reply(text=fenced(CRASHING_GAME)),
        Reply(text=fenced(FORBIDDEN_GAME)),
        Reply(text=DEFAULT_REPLY_TEXT),
    )
    result = make("a bouncing ball game", model_source(server), settings, store)

    assert result.status in ("error", "refused")
    assert (
        result.status == "refused"
        and result.check is not None
        and result.check.line == FORBIDDEN_LINE
    )
    assert_one_line(result.message, limit=1000)  # the sandbox's own message lists what is allowed
    assert result.repairs == 1
    assert len(server.chat_requests) == 2, "one repair request, never a third"
    versions = store.recent()
    assert [(v.kind, v.outcome) for v in versions] == [("repair", "refused"), ("make", "error")]
    assert versions[0].parent_id == versions[1].id


def test_a_repair_reply_without_code_ends_with_a_clear_message(
    server: FakeOpenAI, settings: RunnerSettings, store: VersionStore
) -> None:
    server.script(Reply(text=fenced(CRASHING_GAME)), Reply(text="I can't help with that."))
    result = make("a bouncing ball game", model_source(server), settings, store)
    assert result.status == "error"
    assert result.repairs == 1 and len(server.chat_requests) == 2
    assert "refusal" in result.message
    assert_one_line(result.message)
    assert result.code == CRASHING_GAME  # the last code there was, still in the library
    assert [v.kind for v in store.recent()] == ["make"]


def test_a_hanging_game_is_stopped_and_never_loops(
    server: FakeOpenAI, settings: RunnerSettings, store: VersionStore
) -> None:
    hanging, _ = with_line_before(
        DEFAULT_GAME_CODE, "keys = pygame.key.get_pressed()", "while True: pass"
    )
    server.script(Reply(text=fenced(hanging)), Reply(text=fenced(hanging)))
    result = make("a bouncing ball game", model_source(server), settings, store)
    first = result.attempts[0]
    assert first.check is not None and first.check.status == "timeout", first.check
    assert_one_line(first.check.message)
    assert result.status == "timeout"
    assert result.repairs <= 1 and len(server.chat_requests) == result.repairs + 1
    assert [v.outcome for v in store.recent()] == ["timeout"] * (result.repairs + 1)


def test_prose_around_the_fence_and_bare_code_both_work(
    server: FakeOpenAI, settings: RunnerSettings, store: VersionStore
) -> None:
    server.script(
        Reply(text="Here is your game:\n\n" + DEFAULT_REPLY_TEXT + "\nHave fun!\n"),
        Reply(text=DEFAULT_GAME_CODE),
    )
    for _ in range(2):
        result = make("a bouncing ball game", model_source(server), settings, store)
        assert result.status == "ok", result.message
        assert result.code == DEFAULT_GAME_CODE and result.repairs == 0
    assert [v.code for v in store.recent()] == [DEFAULT_GAME_CODE, DEFAULT_GAME_CODE]


# --- bad replies ------------------------------------------------------------------------------

JAVASCRIPT = (
    "```javascript\nconst canvas = document.querySelector('canvas');\nfunction update() {}\n```\n"
)
HTML_REPLY = (
    "<!DOCTYPE html>\n<html><head><title>Snake</title></head>\n"
    "<body><canvas id='c'></canvas><script>let x = 1;</script></body></html>\n"
)


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        ("Sure! Here is how you could do it.", "no code"),
        ("I can't help with that.", "refusal"),
        (HTML_REPLY, "HTML"),
        (JAVASCRIPT, "javascript"),
        ("", "empty"),
    ],
    ids=["prose", "refusal", "html", "javascript", "empty"],
)
def test_a_reply_without_python_is_a_clear_error_and_saves_nothing(
    server: FakeOpenAI, settings: RunnerSettings, store: VersionStore, reply: str, expected: str
) -> None:
    server.script(Reply(text=reply))
    result = make("a snake game", model_source(server), settings, store)
    assert result.status == "error"
    assert expected.lower() in result.message.lower(), result.message
    assert_one_line(result.message)
    assert result.code is None and result.check is None and result.version_id is None
    assert result.ready_ms is None and result.repairs == 0
    assert len(server.chat_requests) == 1  # nothing to repair: no code ran
    assert store.recent() == []


def test_an_unclosed_fence_runs_through_the_check_and_is_repaired(
    server: FakeOpenAI, settings: RunnerSettings, store: VersionStore
) -> None:
    # The reply stops mid-statement, inside its fence: the code is used, refused with a
    # line, and repaired once.
    cut = DEFAULT_GAME_CODE.index("def draw(screen):") + len(
        "def draw(screen):\n    screen.fill((20, 24,"
    )
    truncated = DEFAULT_GAME_CODE[:cut]
    server.script(
        Reply(text="```python\n" + truncated, finish_reason="length"),
        Reply(text=DEFAULT_REPLY_TEXT),
    )
    result = make("a bouncing ball game", model_source(server), settings, store)

    first = result.attempts[0]
    assert first.check is not None and first.check.status == "refused", first.check
    assert first.check.line is not None
    assert result.status == "ok" and result.repairs == 1
    made = store.get(first.version_id or -1)
    assert made is not None and made.kind == "make" and made.outcome == "refused"
    assert made.code.rstrip("\n") == truncated.rstrip("\n")
    assert [v.kind for v in store.recent()] == ["repair", "make"]


def test_an_enormous_reply_is_stopped_at_the_cap_and_kept_as_partial(
    server: FakeOpenAI, settings: RunnerSettings, store: VersionStore
) -> None:
    huge = DEFAULT_GAME_CODE + "".join(f"LEVEL_{i} = {i}\n" for i in range(5000))
    # Paced, so the client must stop reading at the cap (unpaced, the server is done first).
    server.script(Reply(text=fenced(huge), tokens_per_s=3000))
    result = make(
        "a bouncing ball game", model_source(server, max_reply_chars=3000), settings, store
    )

    assert result.status == "error"
    assert "3,000 characters" in result.message, result.message
    assert_one_line(result.message)
    assert result.check is None and result.ready_ms is None and result.repairs == 0
    assert len(server.chat_requests) == 1
    server.wait_until_idle()
    assert server.chat_requests[0].disconnected_early, "the client stopped reading at the cap"
    (partial,) = store.recent()
    assert partial.kind == "partial" and partial.outcome is None
    assert 0 < len(partial.code) <= 3000 and huge.startswith(partial.code.rstrip("\n"))


def test_a_dropped_stream_keeps_its_partial_code_and_runs_nothing(
    server: FakeOpenAI, settings: RunnerSettings, store: VersionStore
) -> None:
    server.fail_next(Fault(drop_after_chunks=5))
    phases: list[str] = []
    result = make(
        "a bouncing ball game",
        model_source(server),
        settings,
        store,
        on_progress=lambda p: phases.append(p.phase),
    )

    assert result.status == "error"
    assert "broke" in result.message, result.message
    assert_one_line(result.message)
    assert result.check is None and result.ready_ms is None and result.repairs == 0
    assert "checking" not in phases, "half a program never runs"
    assert len(server.chat_requests) == 1
    (partial,) = store.recent()
    assert partial.kind == "partial" and partial.outcome is None
    assert partial.code.strip() and DEFAULT_GAME_CODE.startswith(partial.code.rstrip("\n"))
    assert result.version_id == partial.id


def test_a_wrong_key_is_an_auth_message(
    server: FakeOpenAI, settings: RunnerSettings, store: VersionStore
) -> None:
    wrong_key = "sk-wrong-key-0123456789"
    result = make("a snake game", model_source(server, api_key=wrong_key), settings, store)
    assert result.status == "error"
    assert "key" in result.message.lower() and "401" in result.message, result.message
    assert wrong_key not in result.message
    assert_one_line(result.message)
    assert result.code is None and store.recent() == []
    assert len(server.chat_requests) == 1, "a wrong key is not retried"


def test_an_endpoint_that_is_down_is_unreachable(
    settings: RunnerSettings, store: VersionStore
) -> None:
    url = f"http://127.0.0.1:{closed_port()}/v1"
    client = ModelClient(Endpoint(url, MODEL, "sk-any", "custom"), retry=FAST_RETRIES)
    result = make("a snake game", ModelSource(client, MODEL), settings, store)
    assert result.status == "error"
    assert "cannot reach" in result.message and "refused" in result.message, result.message
    assert_one_line(result.message)
    assert result.code is None and store.recent() == []


def test_an_html_error_page_is_one_short_line(
    server: FakeOpenAI, settings: RunnerSettings, store: VersionStore
) -> None:
    server.fail_next(Fault(html_error=True, count=10))  # more than every retry
    result = make("a snake game", model_source(server), settings, store)
    assert result.status == "error"
    assert "502" in result.message, result.message
    assert "<" not in result.message and ">" not in result.message, result.message
    assert_one_line(result.message)
    assert len(result.message) <= 200
    assert result.code is None and store.recent() == []


# --- offline ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("description", "genre_word"),
    [("a red snake game", "Snake"), ("打砖块", "Breakout"), ("tetris", "Falling Blocks")],
)
def test_offline_starter_games_are_made_and_labelled(
    settings: RunnerSettings, store: VersionStore, description: str, genre_word: str
) -> None:
    result = make(description, OfflineSource(StarterKit()), settings, store)
    assert result.status == "ok", result.message
    assert result.offline is True and result.model == "offline starter kit"
    assert result.repairs == 0
    assert result.check is not None and result.check.status == "ok" and not result.check.blank
    assert result.tokens > 0 and result.tokens_per_s > 0 and result.ready_ms is not None
    assert result.code is not None and result.title.startswith(genre_word)
    version = store.get(result.version_id or -1)
    assert version is not None
    assert version.kind == "make" and version.offline and version.model == "offline starter kit"
    assert version.code == result.code and version.outcome == "ok"
    if "red" in description:
        (color_line,) = [
            line for line in result.code.splitlines() if line.startswith("SNAKE_COLOR")
        ]
        assert "(230, 60, 60)" in color_line, color_line


# --- versions are saved before they run -------------------------------------------------------


def test_every_version_is_on_disk_before_it_runs(
    server: FakeOpenAI, settings: RunnerSettings, tmp_path: Path
) -> None:
    path = tmp_path / "lib.sqlite3"
    store = VersionStore(path)
    seen: list[list[tuple[str, str, str | None]]] = []

    def look_from_outside(progress: MakeProgress) -> None:
        if progress.phase != "checking":
            return
        other = sqlite3.connect(path)  # another connection, as another process would see it
        try:
            seen.append(
                other.execute("SELECT kind, code, outcome FROM versions ORDER BY id").fetchall()
            )
        finally:
            other.close()

    server.script(Reply(text=fenced(CRASHING_GAME)), Reply(text=DEFAULT_REPLY_TEXT))
    try:
        result = make(
            "a bouncing ball game",
            model_source(server),
            settings,
            store,
            on_progress=look_from_outside,
        )
    finally:
        store.close()
    assert result.status == "ok" and result.repairs == 1
    assert seen == [
        [("make", CRASHING_GAME, None)],
        [("make", CRASHING_GAME, "error"), ("repair", DEFAULT_GAME_CODE, None)],
    ]

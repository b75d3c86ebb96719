"""Spoken tweak phrases through push-to-talk: the tweak request carries their key words.

Each phrase of `SPOKEN_EXAMPLES` is spoken by espeak-ng into a WAV, fed to the window's
voice controller through `FileAudioSource` (the documented file-backed microphone),
transcribed offline, and sent as a tweak of the running game; the fake server's chat
request must hold the phrase's key words. espeak is one synthetic voice, so a few misses
are allowed (10 of 12, the same share of 16), and they are listed when too many.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator

import pytest

pytest.importorskip("pytestqt")

from studio.qt.voice_control import FileAudioSource  # noqa: E402
from studio.settings import ModelChoice  # noqa: E402
from studio.voice.offline import SPOKEN_EXAMPLES  # noqa: E402
from tests.fake_openai import FakeOpenAI, Reply  # noqa: E402
from tests.studio.spoken import BLOB_GAME, ESPEAK, NO_ESPEAK, speak

MODEL = "fake-coder-1"
WAIT_MS = 20000
REQUIRED_SHARE = 10 / 12
FIRST_GAME = Reply(text=f"```python\n{BLOB_GAME}```\n")
# Every tweak is answered with an edit that always applies: what matters is the request.
TWEAK_REPLY = Reply(text="<<<<<<< SEARCH\ndef draw(screen):\n=======\n# tweaked\ndef draw(screen):\n>>>>>>> REPLACE\n")


@pytest.fixture
def server() -> Iterator[FakeOpenAI]:
    with FakeOpenAI(tokens_per_s=math.inf) as fake:
        yield fake


def words_of(text: str) -> set[str]:
    return set(re.findall(r"[a-z]+", text.lower()))


def test_spoken_tweak_phrases_reach_the_tweak_request(qtbot, open_window, server, tmp_path) -> None:  # noqa: ANN001
    if ESPEAK is None:
        pytest.skip(NO_ESPEAK)
    all_key_words = {word for _, key_words in SPOKEN_EXAMPLES for word in key_words}
    server.script(FIRST_GAME)
    window = open_window(ModelChoice(False, "test", "custom", server.base_url, MODEL, server.api_key))
    window.prompt.setText("a green blob")
    window.make_from_prompt()
    # The window may open on a starter game: wait for this one (a tweak's base code).
    qtbot.waitUntil(lambda: "Blob" in (window.session.last_code or "") and not window.session.making, timeout=WAIT_MS)
    window.voice.send_delay_ms = 0
    problems: list[str] = []
    window.voice.problem.connect(problems.append)

    misses: list[str] = []
    for number, (phrase, key_words) in enumerate(SPOKEN_EXAMPLES):
        # The request also carries the game's code: none of it may pass for a key word.
        assert not words_of(window.session.last_code or "") & all_key_words, window.session.last_code
        window.voice.source = FileAudioSource(speak(phrase, tmp_path / f"phrase{number:02}.wav"))
        server.script(TWEAK_REPLY)
        before, problems_before = len(server.chat_requests), len(problems)
        window.voice.press()
        assert window.voice.listening, problems
        window.voice.release()
        qtbot.waitUntil(
            lambda: len(server.chat_requests) > before or len(problems) > problems_before,  # noqa: B023
            timeout=WAIT_MS,
        )
        if len(server.chat_requests) == before:
            misses.append(f"{phrase!r}: nothing sent ({problems[-1]})")
            continue
        user_messages = [m for m in server.chat_requests[before].body["messages"] if m["role"] == "user"]
        sent = user_messages[-1]["content"]
        heard = window.prompt.text().strip()
        assert heard and heard in sent  # what was heard is what was sent, as a tweak of the game
        missing = [word for word in key_words if word not in words_of(sent)]
        if missing:
            misses.append(f"{phrase!r} -> heard {heard!r}, missing {missing}")
        qtbot.waitUntil(lambda: not window.session.making, timeout=WAIT_MS)  # the next one is a tweak too

    hits = len(SPOKEN_EXAMPLES) - len(misses)
    print(f"{hits}/{len(SPOKEN_EXAMPLES)} spoken phrases reached the tweak request; misses: {misses}")
    assert hits >= math.ceil(REQUIRED_SHARE * len(SPOKEN_EXAMPLES)), f"{hits}/{len(SPOKEN_EXAMPLES)}: {misses}"

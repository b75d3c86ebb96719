"""Every text a game sends reaches the host without control characters (DESIGN section 4).

Once through the Python layer (a real runner playing tests/games/hostile/terminal_escapes.py,
whose title, caption, prints and error message carry terminal escapes) and once below it
(an impostor runner writing the same texts straight into the event pipe).
"""

from __future__ import annotations

import queue
import time
from pathlib import Path

from sandbox.host import GameHost
from sandbox.protocol import Caption, Configure, GameError, Loaded, LoadGame, Log, Output
from sandbox.runner_process import RunnerProcess, RunnerStopped
from tests.sandbox.fixtures.hosting import Watcher
from tests.sandbox.test_runner_protocol_abuse import impostor_settings

ROOT = Path(__file__).resolve().parents[2]
CONTROLS = (
    {chr(c) for c in range(0x20) if chr(c) not in "\n\t"}
    | {chr(c) for c in range(0x7F, 0xA0)}
    | set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
)


def texts_of(event: object) -> list[str]:
    """Every str field of a message."""
    values = [getattr(event, name) for name in event.__dataclass_fields__]  # type: ignore[attr-defined]
    return [value for value in values if isinstance(value, str)]


def test_a_real_games_escapes_arrive_clean(no_leaks: None, host: GameHost, watch: Watcher) -> None:
    host.load_new(
        (ROOT / "tests" / "games" / "hostile" / "terminal_escapes.py").read_text(encoding="utf-8")
    )
    error = watch.event(GameError)
    assert isinstance(error, GameError) and error.line == 37
    loaded, caption = watch.of(Loaded), watch.of(Caption)
    printed = watch.output_text()
    assert loaded and caption and "printed" in printed
    assert loaded[0].title == "Escapes]0;EVIL-TITLE[2Keltit. Arrows do nothing[1A2J."
    assert caption[0].title == "]0;EVIL-TITLEcaptionelif"
    assert "\n" in printed and "\n" in error.message  # multi-line texts keep their lines
    for event in [*loaded, *caption, *watch.of(Output), error]:
        for text in texts_of(event):
            assert not set(text) & CONTROLS, (event, text)


def test_an_impostors_raw_escapes_arrive_clean(no_leaks: None) -> None:
    runner = RunnerProcess(
        impostor_settings("hostile_text", hang_timeout_s=2.0, startup_timeout_s=10.0)
    )
    try:
        assert runner.wait_ready(15)
        runner.send(Configure(False, None, 10, 10))
        runner.send(LoadGame("pass\n", "game.py", "new", None))
        events: list[object] = []
        deadline = time.monotonic() + 15
        while not any(isinstance(e, RunnerStopped) for e in events) and time.monotonic() < deadline:
            try:
                events.append(runner.messages.get(timeout=0.05))
            except queue.Empty:
                pass
        kinds = {type(event) for event in events}
        assert {Caption, Output, Log, GameError} <= kinds, events
        for event in events:
            if not isinstance(event, RunnerStopped):
                for text in texts_of(event):
                    assert not set(text) & CONTROLS, (event, text)
    finally:
        runner.close()

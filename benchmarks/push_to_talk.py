"""Push-to-talk (issue 6): release of the key -> the tweak request at the server.

Usage: .venv/bin/python benchmarks/push_to_talk.py [--quick] [--json]

A real `StudioWindow` (offscreen Qt) on a real `StudioSession` plays a small game made
through the fake OpenAI server (`tests.fake_openai.FakeOpenAI`, started in this process,
replying as fast as the socket allows). Each phrase of `studio.voice.offline.SPOKEN_EXAMPLES`
is spoken by espeak-ng (en-us, 150 words a minute) into a WAV and fed to the window's
`VoiceController` through `FileAudioSource`: `press()`, the key held for as long as the
phrase lasts (the event loop running, as while the user talks; the offline decoder warms
up then), `release()`. Measured, on this process's `time.perf_counter()` clock:

- subject: `voice.released_at` -> the fake server's `received_at` of the tweak request
  (its request line arrived), with `send_delay_ms = 0` (no undo pause);
- breakdown: release -> the `heard` signal on the GUI thread (transcription on the
  worker thread + the hop back), and `heard` -> request received (prompt, `make_from_prompt`,
  `session.tweak`, the model client's request);
- baseline, interleaved phrase by phrase: `transcribe_file(path, recognizer=warm)` of the
  same WAV alone, in this process (what the release path cannot avoid).

The default undo pause (`SEND_DELAY_MS`, 1,500 ms, in which Esc cancels a misheard
command) is added on top of the subject in real use; it is reported as context, not
measured. Phrases that give no words send nothing and are listed, not timed. The GUI
thread waits in a Qt event loop (woken every 2 ms by a timer), never in a busy loop.
"""

from __future__ import annotations

import math
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from figures import (
    Figure,
    median,
    progress,
    ratio,
    run_from_command_line,
    spread,
    use_headless_environment,
)

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))  # for tests.fake_openai (the project install has no tests)

MODEL = "fake-coder-1"
WAIT_S = 20.0
# An edit block that applies to every version (each tweak adds one comment line).
TWEAK_REPLY_TEXT = "<<<<<<< SEARCH\ndef draw(screen):\n=======\n# tweaked\ndef draw(screen):\n>>>>>>> REPLACE\n"


def wait_until(condition: Callable[[], bool], timeout_s: float = WAIT_S) -> bool:
    """Run the Qt event loop until `condition()` holds (checked every 2 ms) or the timeout."""
    from PySide6.QtCore import QEventLoop, QTimer

    if condition():
        return True
    loop = QEventLoop()
    deadline = time.perf_counter() + timeout_s

    def check() -> None:
        if condition() or time.perf_counter() > deadline:
            loop.quit()

    timer = QTimer()
    timer.timeout.connect(check)
    timer.start(2)
    loop.exec()
    timer.stop()
    return condition()


def hold(seconds: float) -> None:
    """Keep the event loop running for `seconds` (the user talking)."""
    end = time.perf_counter() + seconds
    wait_until(lambda: time.perf_counter() >= end, seconds + 1.0)


def measure(quick: bool) -> list[Figure]:
    nan = float("nan")
    if shutil.which("espeak-ng") is None:
        progress("espeak-ng is not installed (apt-get install espeak-ng): no push-to-talk figures")
        return [Figure("push-to-talk: release -> tweak request at the server", nan, nan, "ms", "(context)", nan,
                       None, "espeak-ng missing: not measured")]
    use_headless_environment()
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from studio.qt.main_window import StudioWindow
    from studio.qt.session import StudioSession
    from studio.qt.voice_control import SEND_DELAY_MS, FileAudioSource
    from studio.settings import ModelChoice
    from studio.voice.audio import read_wav
    from studio.voice.offline import SPOKEN_EXAMPLES, OfflineRecognizer
    from studio.voice.transcribe import TranscriptionError, transcribe_file
    from tests.fake_openai import FakeOpenAI, Reply
    from tests.studio.spoken import BLOB_GAME, speak
    app = QApplication.instance() or QApplication([])
    repetitions = 1 if quick else 2
    release_to_request: list[float] = []
    release_to_heard: list[float] = []
    heard_to_request: list[float] = []
    alone: list[float] = []
    silent: list[str] = []
    with tempfile.TemporaryDirectory(prefix="ptt-bench-") as folder, FakeOpenAI(tokens_per_s=math.inf) as server:
        paths = [speak(phrase, Path(folder) / f"phrase{n:02}.wav") for n, (phrase, _) in enumerate(SPOKEN_EXAMPLES)]
        seconds = [read_wav(path).seconds for path in paths]
        recognizer = OfflineRecognizer()  # the baseline's own warm decoder
        recognizer.warm_up()
        session = StudioSession(ModelChoice(False, "bench", "custom", server.base_url, MODEL, server.api_key))
        window = StudioWindow(session, qsettings=QSettings(str(Path(folder) / "studio.ini"), QSettings.Format.IniFormat))
        try:
            window.show()
            server.script(Reply(text=f"```python\n{BLOB_GAME}```\n"))
            window.prompt.setText("a green blob")
            window.make_from_prompt()
            if not wait_until(lambda: "Blob" in (session.last_code or "") and not session.making):
                raise RuntimeError("the first game did not start")
            voice = window.voice
            voice.send_delay_ms = 0
            heard_at: list[float] = []
            problems: list[str] = []
            voice.heard.connect(lambda _text: heard_at.append(time.perf_counter()))
            voice.problem.connect(problems.append)
            progress(f"push-to-talk: {len(paths)} phrases x {repetitions}")
            for _repetition in range(repetitions):
                for path, length, (phrase, _) in zip(paths, seconds, SPOKEN_EXAMPLES, strict=True):
                    voice.source = FileAudioSource(path)
                    server.script(Reply(text=TWEAK_REPLY_TEXT))
                    before, heard_before, problems_before = len(server.chat_requests), len(heard_at), len(problems)
                    voice.press()
                    hold(length)
                    voice.release()
                    released = voice.released_at
                    assert released is not None
                    wait_until(lambda: len(server.chat_requests) > before or len(problems) > problems_before)  # noqa: B023
                    requests = server.chat_requests
                    if len(requests) == before:
                        silent.append(f"{phrase!r} ({problems[-1] if len(problems) > problems_before else 'timeout'})")
                    else:
                        received = requests[before].received_at
                        release_to_request.append((received - released) * 1000)
                        heard = heard_at[heard_before]
                        release_to_heard.append((heard - released) * 1000)
                        heard_to_request.append((received - heard) * 1000)
                    wait_until(lambda: not session.making)
                    started = time.perf_counter()
                    try:
                        transcribe_file(path, recognizer=recognizer)
                    except TranscriptionError:
                        pass
                    alone.append((time.perf_counter() - started) * 1000)
        finally:
            window.close()
            session.shutdown()
            app.processEvents()
        if server.errors:
            raise RuntimeError("the fake server failed:\n" + "\n".join(server.errors))
    subject, baseline = median(release_to_request), median(alone)
    count = len(SPOKEN_EXAMPLES) * repetitions
    return [
        Figure(
            "push-to-talk: release -> tweak request at the server (no undo pause)",
            subject, baseline, "ms", "(context)", ratio(subject, baseline),
            note=f"{len(release_to_request)} of {count} phrase releases sent ({len(SPOKEN_EXAMPLES)} phrases of "
            f"{min(seconds):.1f}-{max(seconds):.1f} s x {repetitions}), {spread(release_to_request)} ms; of which "
            f"release -> heard (worker-thread transcription + hop to the GUI thread) median "
            f"{median(release_to_heard):.0f} ms ({spread(release_to_heard)}), heard -> request received median "
            f"{median(heard_to_request):.1f} ms ({spread(heard_to_request)}); baseline: transcribe_file on a warm "
            f"recognizer alone, same WAVs, interleaved, {spread(alone)} ms; nothing sent for: "
            f"{'; '.join(sorted(set(silent))) or 'none'}",
        ),
        Figure(
            "push-to-talk: default undo pause before sending", float(SEND_DELAY_MS), subject, "ms", "(context)",
            ratio(SEND_DELAY_MS, subject),
            note=f"SEND_DELAY_MS, a timer (Esc cancels a misheard command), not measured: with it, release -> "
            f"request is about {SEND_DELAY_MS + subject:.0f} ms; baseline: the measured release -> request above",
        ),
    ]


if __name__ == "__main__":
    run_from_command_line(__doc__, measure)

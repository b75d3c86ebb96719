"""One recording to text, by either engine: offline pocketsphinx or the endpoint's audio API.

`transcribe_file(path)` reads and checks the WAV (studio.voice.audio), then hands the
16 kHz mono speech to the chosen engine. Every refusal and every empty result is a
`TranscriptionError` whose message is one line for the user. This module knows no
endpoint client: the caller passes `endpoint_transcriber`, a function from WAV bytes to
text that raises TranscriptionError on failure (studio.transcribe_command builds one
from studio.llm.transcription).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from studio.voice.audio import MAX_SECONDS, AudioError, Speech, read_wav
from studio.voice.offline import OfflineRecognizer

ENGINES = ("offline", "endpoint")
EndpointTranscriber = Callable[[bytes], str]  # a 16 kHz mono WAV file's bytes -> its text

NOTHING_RECOGNISED = "no words were recognised"
OFFLINE_ENGLISH_ONLY = "offline recognition understands English only; other languages need --engine endpoint"


class TranscriptionError(Exception):
    """A recording that gave no text; `message` is one line for the user."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Transcript:
    """What was said, which engine heard it, and how long the whole call took.

    `latency_ms` runs from the call to the text: reading, converting and transcribing
    the file (and building the offline decoder, when the recognizer was not warmed up).
    """

    text: str
    engine: str
    latency_ms: float


def transcribe_file(
    path: Path,
    engine: str = "offline",
    endpoint_transcriber: EndpointTranscriber | None = None,
    *,
    recognizer: OfflineRecognizer | None = None,
    max_seconds: float = MAX_SECONDS,
) -> Transcript:
    """The words spoken in the WAV file at `path`, or a TranscriptionError saying why not.

    `recognizer`: the caller's offline recognizer, reused across calls (a fresh one,
    built here and dropped afterwards, when None).
    """
    started = time.perf_counter()
    if engine not in ENGINES:
        raise TranscriptionError(f"unknown engine {engine!r}: use one of {', '.join(ENGINES)}")
    if engine == "endpoint" and endpoint_transcriber is None:
        raise TranscriptionError("the endpoint engine needs a configured endpoint (--base-url or settings)")
    try:
        speech = read_wav(Path(path), max_seconds)
    except AudioError as error:
        raise TranscriptionError(str(error)) from None
    text = transcribe_speech(speech, engine, endpoint_transcriber, recognizer)
    return Transcript(text, engine, round((time.perf_counter() - started) * 1000, 1))


def transcribe_speech(
    speech: Speech,
    engine: str = "offline",
    endpoint_transcriber: EndpointTranscriber | None = None,
    recognizer: OfflineRecognizer | None = None,
) -> str:
    """The words in checked speech (the capture path calls this with a recording in memory)."""
    if engine == "endpoint":
        if endpoint_transcriber is None:
            raise TranscriptionError("the endpoint engine needs a configured endpoint")
        text = " ".join(endpoint_transcriber(speech.to_wav_bytes()).split())
        if not text:
            raise TranscriptionError(NOTHING_RECOGNISED)
        return text
    text = (recognizer or OfflineRecognizer()).recognise(speech.pcm).text
    if not text:
        raise TranscriptionError(f"{NOTHING_RECOGNISED} ({OFFLINE_ENGLISH_ONLY})")
    return text

"""`studio transcribe AUDIO.wav [--json] [--engine offline|endpoint]`: one recording to text.

Offline (pocketsphinx, English, nothing downloaded) is the default whether or not an
endpoint is configured; `--engine endpoint` sends the recording to the configured
endpoint's audio API instead. Prints the text (exit 0), or one line on stderr (exit 1);
with `--json`, one object `{"text", "engine", "latency_ms"}` plus `"error"` on failure.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from studio.json_output import print_json
from studio.settings import ModelChoice
from studio.voice.transcribe import EndpointTranscriber, TranscriptionError, transcribe_file

TRANSCRIPTION_MISSING = (
    "the endpoint engine is not available in this build (studio.llm.transcription.transcribe_audio "
    "is missing): use --engine offline"
)


def endpoint_transcriber_for(choice: ModelChoice) -> EndpointTranscriber:
    """WAV bytes -> text through the endpoint of `choice`; failures as TranscriptionError."""
    if choice.offline:
        raise TranscriptionError(f"--engine endpoint needs an endpoint, but {choice.reason}")
    try:
        from studio.llm.transcription import transcribe_audio
    except ImportError:
        raise TranscriptionError(TRANSCRIPTION_MISSING) from None
    from studio.llm.events import ModelError

    def send(wav_bytes: bytes) -> str:
        try:
            return transcribe_audio(choice, wav_bytes)
        except ModelError as error:
            raise TranscriptionError(error.message) from None

    return send


def run_transcribe(path: Path, engine: str, choice: ModelChoice | None, as_json: bool) -> int:
    """Transcribe one file and print the result; the exit status (0: text found)."""
    started = time.perf_counter()
    try:
        transcriber = endpoint_transcriber_for(choice) if engine == "endpoint" and choice else None
        transcript = transcribe_file(path, engine, transcriber)
    except TranscriptionError as error:
        if as_json:
            latency_ms = round((time.perf_counter() - started) * 1000, 1)
            print_json({"text": "", "engine": engine, "latency_ms": latency_ms, "error": error.message})
        else:
            print(f"studio: {error.message}", file=sys.stderr)
        return 1
    if as_json:
        print_json({"text": transcript.text, "engine": transcript.engine, "latency_ms": transcript.latency_ms})
    else:
        print(transcript.text)
    return 0

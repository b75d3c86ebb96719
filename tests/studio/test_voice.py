"""Voice: WAV checks, offline recognition of spoken tweaks, and `studio transcribe`.

Speech is synthesized at test time with espeak-ng's en-us voice (`./dev test` installs
the Debian package); without espeak-ng the speech tests are skipped, saying why.
"""

from __future__ import annotations

import hashlib
import math
import subprocess
import wave
from array import array
from collections.abc import Iterator
from pathlib import Path

import pytest

from studio.voice.audio import MAX_SECONDS, SAMPLE_RATE, AudioError, read_wav, resample
from studio.voice.offline import SPOKEN_EXAMPLES, OfflineRecognizer, tweak_grammar
from studio.voice.transcribe import Transcript, TranscriptionError, transcribe_file
from tests.fake_openai import FakeOpenAI
from tests.studio.cli_runs import assert_no_traceback, one_json_object, run_studio, with_model
from tests.studio.spoken import ESPEAK, speak

needs_espeak = pytest.mark.skipif(
    ESPEAK is None, reason="espeak-ng is not installed (./dev test installs the Debian package)"
)


def write_wav(path: Path, samples: array, rate: int = SAMPLE_RATE, channels: int = 1) -> Path:
    with wave.open(str(path), "wb") as out:
        out.setnchannels(channels)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(samples.tobytes())
    return path


def read_samples(path: Path) -> tuple[array, int]:
    with wave.open(str(path), "rb") as recording:
        return array("h", recording.readframes(recording.getnframes())), recording.getframerate()


@pytest.fixture
def server() -> Iterator[FakeOpenAI]:
    with FakeOpenAI(tokens_per_s=math.inf) as fake:
        yield fake
        assert fake.errors == []


@pytest.fixture(scope="module")
def recognizer() -> OfflineRecognizer:
    """One decoder for the whole module, as the window keeps one for the session."""
    return OfflineRecognizer()


# --- Speech: the tweak phrases ---------------------------------------------------------


@needs_espeak
def test_spoken_tweaks_are_recognised_offline(tmp_path: Path, recognizer: OfflineRecognizer) -> None:
    assert len(SPOKEN_EXAMPLES) >= 12
    misses = []
    for number, (phrase, key_words) in enumerate(SPOKEN_EXAMPLES):
        audio = speak(phrase, tmp_path / f"phrase{number}.wav")
        try:
            transcript = transcribe_file(audio, recognizer=recognizer)
        except TranscriptionError as error:
            misses.append(f"{phrase!r}: {error.message}")
            continue
        assert transcript.engine == "offline" and transcript.latency_ms > 0
        heard = transcript.text.split()
        if not all(word in heard for word in key_words):
            misses.append(f"{phrase!r} heard as {transcript.text!r}")
    hits = len(SPOKEN_EXAMPLES) - len(misses)
    # 14 of 16 on this machine; the bar is 10 of 12, scaled to the phrase set.
    assert hits >= math.ceil(len(SPOKEN_EXAMPLES) * 10 / 12), misses


@needs_espeak
def test_stereo_44k_is_resampled_and_still_recognised(tmp_path: Path, recognizer: OfflineRecognizer) -> None:
    mono, rate = read_samples(speak("make the snake blue", tmp_path / "mono.wav"))
    at_44k = resample(mono, rate, 44_100)
    stereo = array("h", (sample for value in at_44k for sample in (value, value // 2)))
    audio = write_wav(tmp_path / "stereo.wav", stereo, rate=44_100, channels=2)
    speech = read_wav(audio)
    assert (speech.source_rate, speech.source_channels) == (44_100, 2)
    assert abs(speech.seconds - len(mono) / rate) < 0.01
    transcript = transcribe_file(audio, recognizer=recognizer)
    assert {"snake", "blue"} <= set(transcript.text.split()), transcript


@needs_espeak
def test_words_outside_the_grammar_fall_back_to_dictation(tmp_path: Path, recognizer: OfflineRecognizer) -> None:
    audio = speak("what a lovely day it is", tmp_path / "chat.wav")
    heard = recognizer.recognise(read_wav(audio).pcm)
    assert heard.search == "dictation", heard  # not forced into a tweak command


@needs_espeak
def test_cli_prints_json_for_speech(tmp_path: Path) -> None:
    audio = speak("make the ball faster", tmp_path / "ball.wav")
    process = run_studio("transcribe", tmp_path, str(audio), "--json", "--offline")
    assert_no_traceback(process)
    report = one_json_object(process.stdout)
    assert process.returncode == 0, process.stderr
    assert set(report) == {"text", "engine", "latency_ms"}
    assert report["engine"] == "offline" and {"ball", "faster"} <= set(report["text"].split())
    plain = run_studio("transcribe", tmp_path, str(audio))
    assert plain.returncode == 0 and "faster" in plain.stdout.split(), plain.stderr


# --- Recordings that are refused, each with one line ------------------------------------


def one_line_error(path: Path) -> str:
    with pytest.raises(TranscriptionError) as caught:
        transcribe_file(path)
    message = caught.value.message
    assert message and "\n" not in message and message == str(caught.value)
    return message


def test_silence_is_no_speech(tmp_path: Path) -> None:
    audio = write_wav(tmp_path / "silence.wav", array("h", bytes(2 * SAMPLE_RATE * 2)))
    assert "no speech was heard" in one_line_error(audio)


def test_a_long_recording_is_refused_before_decoding(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    audio = write_wav(tmp_path / "long.wav", array("h", [1000, -1000] * (SAMPLE_RATE * 61 // 2)))

    def no_decoding(*args: object) -> None:
        raise AssertionError("a recording over the cap reached the decoder")

    monkeypatch.setattr(OfflineRecognizer, "recognise", no_decoding)
    monkeypatch.setattr(wave.Wave_read, "readframes", no_decoding)
    message = one_line_error(audio)
    assert message == f"the recording is 61 s long; push-to-talk takes at most {MAX_SECONDS:.0f} s"


def test_not_a_wav_and_missing_files(tmp_path: Path) -> None:
    text = tmp_path / "notes.wav"
    text.write_text("make the snake blue\n")
    assert one_line_error(text) == "notes.wav: not a WAV file"
    assert one_line_error(tmp_path / "absent.wav") == f"no such file: {tmp_path / 'absent.wav'}"
    assert one_line_error(tmp_path) == f"not a file: {tmp_path}"
    empty = write_wav(tmp_path / "empty.wav", array("h"))
    assert one_line_error(empty) == "the recording is empty"


def test_noise_gives_no_words_or_some_words_never_a_crash(tmp_path: Path, recognizer: OfflineRecognizer) -> None:
    import random

    generator = random.Random(7)
    noise = array("h", (generator.randint(-3000, 3000) for _ in range(SAMPLE_RATE * 2)))
    audio = write_wav(tmp_path / "noise.wav", noise)
    try:
        transcript = transcribe_file(audio, recognizer=recognizer)
    except TranscriptionError as error:
        assert error.message.startswith("no words were recognised") and "English" in error.message
    else:
        assert isinstance(transcript, Transcript)


def test_cli_json_error_shape(tmp_path: Path) -> None:
    audio = write_wav(tmp_path / "silence.wav", array("h", bytes(SAMPLE_RATE * 2)))
    process = run_studio("transcribe", tmp_path, str(audio), "--json")
    assert_no_traceback(process)
    assert process.returncode == 1
    report = one_json_object(process.stdout)
    assert report["text"] == "" and report["engine"] == "offline"
    assert report["error"].startswith("no speech was heard") and report["latency_ms"] >= 0
    plain = run_studio("transcribe", tmp_path, str(tmp_path / "absent.wav"))
    assert plain.returncode == 1 and plain.stdout == ""
    assert plain.stderr.strip().count("\n") == 0 and "no such file" in plain.stderr


def test_endpoint_engine_without_an_endpoint_says_so(tmp_path: Path) -> None:
    audio = write_wav(tmp_path / "tone.wav", array("h", [3000, -3000] * SAMPLE_RATE))
    process = run_studio("transcribe", tmp_path, str(audio), "--engine", "endpoint", "--offline", "--json")
    assert_no_traceback(process)
    assert process.returncode == 1
    assert "--engine endpoint needs an endpoint" in one_json_object(process.stdout)["error"]


# --- Conversion and the grammar ---------------------------------------------------------


def test_formats_are_converted_to_16k_mono(tmp_path: Path) -> None:
    tone = array("h", (int(8000 * math.sin(i / 8)) for i in range(48_000)))
    path = tmp_path / "tone8.wav"
    with wave.open(str(path), "wb") as out:  # unsigned 8-bit at 48 kHz
        out.setnchannels(1)
        out.setsampwidth(1)
        out.setframerate(48_000)
        out.writeframes(bytes((sample >> 8) + 128 for sample in tone))
    speech = read_wav(path)
    assert len(speech.pcm) == 2 * SAMPLE_RATE and speech.source_rate == 48_000
    with pytest.raises(AudioError, match="no speech was heard"):
        read_wav(write_wav(tmp_path / "hiss.wav", array("h", [30, -30] * 8000)))


def test_grammar_words_are_all_in_the_dictionary(recognizer: OfflineRecognizer) -> None:
    recognizer.warm_up()
    import re

    words = set(re.findall(r"\b[a-z]+\b", tweak_grammar().split("\n", 2)[2])) - {"public"}
    decoder = recognizer._decoder
    assert decoder is not None
    assert [word for word in sorted(words) if decoder.lookup_word(word) is None] == []


# --- The endpoint engine through the command line (fake server) -------------------------


def test_cli_endpoint_engine_sends_the_recording(tmp_path: Path, server: FakeOpenAI) -> None:
    server.script_transcription("make the snake faster")
    audio = write_wav(tmp_path / "tone.wav", array("h", [3000, -3000] * SAMPLE_RATE), rate=8000)
    process = run_studio("transcribe", tmp_path, *with_model(server, str(audio), "--engine", "endpoint", "--json"), key=server.api_key)
    assert_no_traceback(process)
    assert process.returncode == 0, process.stderr
    report = one_json_object(process.stdout)
    assert (report["text"], report["engine"]) == ("make the snake faster", "endpoint")
    [request] = server.transcription_requests
    sent = read_wav(audio).to_wav_bytes()  # checked and converted to 16 kHz mono first
    assert request.upload is not None and request.upload.size == len(sent)
    assert request.upload.sha256 == hashlib.sha256(sent).hexdigest()


def test_cli_endpoint_without_an_audio_api_is_one_line(tmp_path: Path, server: FakeOpenAI) -> None:
    server.audio_api = False
    audio = write_wav(tmp_path / "tone.wav", array("h", [3000, -3000] * SAMPLE_RATE))
    process = run_studio("transcribe", tmp_path, *with_model(server, str(audio), "--engine", "endpoint"), key=server.api_key)
    assert_no_traceback(process)
    assert process.returncode == 1 and process.stdout == ""
    assert process.stderr.count("\n") == 1 and "no audio transcription API" in process.stderr


def test_a_build_without_endpoint_transcription_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys
    import types

    from studio.settings import ModelChoice
    from studio.transcribe_command import TRANSCRIPTION_MISSING, endpoint_transcriber_for

    monkeypatch.setitem(sys.modules, "studio.llm.transcription", types.ModuleType("studio.llm.transcription"))
    with pytest.raises(TranscriptionError) as caught:
        endpoint_transcriber_for(ModelChoice(False, "endpoint", base_url="http://127.0.0.1:9/v1"))
    assert caught.value.message == TRANSCRIPTION_MISSING


def test_voice_imports_neither_qt_nor_openai() -> None:
    import sys

    probe = (
        "import sys, studio.voice.transcribe, studio.transcribe_command; "
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'PySide6', 'openai'}))"
    )
    assert subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout == "[]\n"

"""Offline voice (issue 6): transcription latency and word accuracy on spoken tweak phrases.

Usage: .venv/bin/python benchmarks/voice.py [--quick] [--json]

The phrase set is `studio.voice.offline.SPOKEN_EXAMPLES` (16 tweak commands, each with
the key words a transcript must keep), spoken by espeak-ng's en-us voice at 150 words a
minute into WAV files (22,050 Hz mono, 1.0-1.9 s) in a temporary folder.

1. Latency: `transcribe_file(path, recognizer=warm)` (read the WAV, check it, resample to
   16 kHz, decode with the tweak grammar, dictate again when the grammar does not cover
   the speech), wall time on `time.perf_counter()`, per phrase; median over phrases and
   repetitions. Baseline, interleaved phrase by phrase on the same warm decoder: the
   same file read the same way and decoded by pocketsphinx's default language model
   alone (free dictation, no grammar: the known-bad design). The one-time decoder
   construction (`OfflineRecognizer.warm_up()`: model, dictionary, language model and
   grammar) is reported separately, against a bare `pocketsphinx.Decoder()`.
2. Accuracy on the same phrases: key-word hit rate (a hit: every key word of the phrase
   is in the transcript) and word error rate (word-level edit distance / words spoken),
   grammar-first against dictation only. Decoding is deterministic (dither with a fixed
   seed), so repetitions only repeat the same transcripts.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from figures import Figure, median, progress, ratio, run_from_command_line, spread

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from studio.voice.audio import read_wav  # noqa: E402
from studio.voice.offline import SPOKEN_EXAMPLES, OfflineRecognizer  # noqa: E402
from studio.voice.transcribe import TranscriptionError, transcribe_file  # noqa: E402

LATENCY_TARGET_MS = 100.0
HIT_RATE_TARGET = 10 / 12


def speak_all(folder: Path) -> list[Path]:
    """Every phrase of the set spoken by espeak-ng into `folder`."""
    espeak = shutil.which("espeak-ng")
    assert espeak is not None
    paths = []
    for number, (phrase, _words) in enumerate(SPOKEN_EXAMPLES):
        path = folder / f"phrase{number:02}.wav"
        subprocess.run([espeak, "-v", "en-us", "-s", "150", "-w", str(path), phrase], check=True)
        paths.append(path)
    return paths


def word_errors(said: str, heard: str) -> int:
    """Word-level Levenshtein distance (substitutions + insertions + deletions)."""
    reference, hypothesis = said.split(), heard.split()
    row = list(range(len(hypothesis) + 1))
    for i, word in enumerate(reference, 1):
        previous, row[0] = row[0], i
        for j, other in enumerate(hypothesis, 1):
            previous, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, previous + (word != other))
    return row[-1]


def grammar_text(path: Path, recognizer: OfflineRecognizer) -> str:
    try:
        return transcribe_file(path, recognizer=recognizer).text
    except TranscriptionError:
        return ""


def dictation_text(path: Path, recognizer: OfflineRecognizer) -> str:
    return recognizer.dictate(read_wav(path).pcm).text


def construction_figure(repetitions: int) -> Figure:
    from pocketsphinx import Decoder

    subject, baseline = [], []
    for _ in range(repetitions):
        started = time.perf_counter()
        OfflineRecognizer().warm_up()
        subject.append((time.perf_counter() - started) * 1000)
        started = time.perf_counter()
        Decoder(loglevel="FATAL")
        baseline.append((time.perf_counter() - started) * 1000)
    return Figure(
        "voice: offline decoder construction (once per session)", median(subject), median(baseline),
        "ms", "(context)", ratio(median(subject), median(baseline)),
        note=f"OfflineRecognizer.warm_up() {spread(subject)} ms; baseline: a bare pocketsphinx "
        f"Decoder() with the same model, {spread(baseline)} ms",
    )


def measure(quick: bool) -> list[Figure]:
    if shutil.which("espeak-ng") is None:
        progress("espeak-ng is not installed (apt-get install espeak-ng): no voice figures")
        missing = "espeak-ng missing: not measured"
        nan = float("nan")
        return [Figure("voice: offline transcription latency", nan, nan, "ms", f"<= {LATENCY_TARGET_MS:.0f} ms", nan, None, missing)]
    repetitions = 1 if quick else 3
    figures = [construction_figure(2 if quick else 5)]
    with tempfile.TemporaryDirectory(prefix="voice-bench-") as folder:
        paths = speak_all(Path(folder))
        seconds = [read_wav(path).seconds for path in paths]
        recognizer = OfflineRecognizer()
        recognizer.warm_up()
        latency: list[float] = []
        dictation_latency: list[float] = []
        heard: dict[Path, str] = {}
        dictated: dict[Path, str] = {}
        progress(f"voice: {len(paths)} phrases x {repetitions}")
        for repetition in range(repetitions):
            for index, path in enumerate(paths):
                order = ("grammar", "dictation") if (index + repetition) % 2 == 0 else ("dictation", "grammar")
                for variant in order:
                    started = time.perf_counter()
                    if variant == "grammar":
                        heard[path] = grammar_text(path, recognizer)
                        latency.append((time.perf_counter() - started) * 1000)
                    else:
                        dictated[path] = dictation_text(path, recognizer)
                        dictation_latency.append((time.perf_counter() - started) * 1000)
        read_ms = []
        for path in paths:
            started = time.perf_counter()
            read_wav(path)
            read_ms.append((time.perf_counter() - started) * 1000)
    phrases = [phrase for phrase, _ in SPOKEN_EXAMPLES]
    keys = [words for _, words in SPOKEN_EXAMPLES]

    def hits(texts: list[str]) -> int:
        return sum(all(word in text.split() for word in words) for text, words in zip(texts, keys, strict=True))

    def wer(texts: list[str]) -> float:
        errors = sum(word_errors(said, text) for said, text in zip(phrases, texts, strict=True))
        return errors / sum(len(said.split()) for said in phrases)

    grammar_texts = [heard[path] for path in paths]
    dictation_texts = [dictated[path] for path in paths]
    grammar_hits, dictation_hits = hits(grammar_texts), hits(dictation_texts)
    count = len(paths)
    missed = [f"{said!r} -> {text!r}" for said, text, words in zip(phrases, grammar_texts, keys, strict=True)
              if not all(word in text.split() for word in words)]
    longest = max(range(count), key=lambda i: seconds[i])
    long_times = latency[longest::count]
    figures += [
        Figure(
            "voice: offline transcription latency, spoken tweak (grammar first)",
            median(latency), median(dictation_latency), "ms", f"<= {LATENCY_TARGET_MS:.0f} ms",
            ratio(median(latency), median(dictation_latency)), median(latency) <= LATENCY_TARGET_MS,
            note=f"transcribe_file on a warm recognizer, {count} phrases of {min(seconds):.1f}-"
            f"{max(seconds):.1f} s (median {median(seconds):.1f} s) x {repetitions}: {spread(latency)} ms; "
            f"the longest phrase ({seconds[longest]:.1f} s) {median(long_times):.0f} ms; of which reading, "
            f"checking and resampling the WAV {median(read_ms):.1f} ms; baseline: the same file decoded "
            f"by the default language model alone, {spread(dictation_latency)} ms",
        ),
        Figure(
            "voice: key-word hit rate, espeak-ng en-us phrases", 100 * grammar_hits / count,
            100 * dictation_hits / count, "%", f">= {100 * HIT_RATE_TARGET:.0f} % (10 of 12)",
            ratio(dictation_hits, grammar_hits), grammar_hits / count >= HIT_RATE_TARGET,
            note=f"grammar first: {grammar_hits}/{count}; default language model alone: "
            f"{dictation_hits}/{count}; missed: {'; '.join(missed) or 'none'}",
        ),
        Figure(
            "voice: word error rate, espeak-ng en-us phrases", 100 * wer(grammar_texts),
            100 * wer(dictation_texts), "%", "(context)", ratio(wer(grammar_texts), wer(dictation_texts)),
            note="word-level edit distance / words spoken over the whole set; baseline: the "
            "default language model alone, e.g. "
            + "; ".join(f"{said!r} -> {text!r}" for said, text in list(zip(phrases, dictation_texts, strict=True))[:3]),
        ),
    ]
    return figures


if __name__ == "__main__":
    run_from_command_line(__doc__, measure)

"""WAV files read, checked and turned into 16 kHz mono 16-bit speech; stdlib only.

`read_wav(path)` refuses what cannot be speech with one line for the user (an
`AudioError`): a missing file, a file that is not a PCM WAV, an empty or silent
recording, or one longer than push-to-talk takes (`MAX_SECONDS`, checked from the
header before any sample is read). Other rates and channel counts are converted
simply: channels averaged, samples linearly interpolated.
"""

from __future__ import annotations

import math
import sys
import wave
from array import array
from dataclasses import dataclass
from operator import mul
from pathlib import Path

SAMPLE_RATE = 16_000  # what the pocketsphinx model (and most speech APIs) expect
MAX_SECONDS = 60.0  # push-to-talk is a sentence or two; longer is a mistake, not a command
SILENCE_RMS = 100  # loudest 20 ms below this (about -50 dBFS) means no one spoke
WINDOW_S = 0.02


class AudioError(ValueError):
    """A recording that cannot be transcribed; str() is one line for the user."""


@dataclass(frozen=True)
class Speech:
    """Mono signed 16-bit little-endian samples at SAMPLE_RATE, checked to be non-silent."""

    pcm: bytes
    source_rate: int
    source_channels: int

    @property
    def seconds(self) -> float:
        return len(self.pcm) / 2 / SAMPLE_RATE

    def to_wav_bytes(self) -> bytes:
        """The same samples as a WAV file in memory (for speech APIs that take files)."""
        import io

        buffer = io.BytesIO()
        with wave.open(buffer, "wb") as out:
            out.setnchannels(1)
            out.setsampwidth(2)
            out.setframerate(SAMPLE_RATE)
            out.writeframes(self.pcm)
        return buffer.getvalue()


def read_wav(path: Path, max_seconds: float = MAX_SECONDS) -> Speech:
    """The recording at `path` as 16 kHz mono speech, or an AudioError saying why not."""
    if not path.exists():
        raise AudioError(f"no such file: {path}")
    if not path.is_file():
        raise AudioError(f"not a file: {path}")
    try:
        with wave.open(str(path), "rb") as recording:
            channels = recording.getnchannels()
            width = recording.getsampwidth()
            rate = recording.getframerate()
            frames = recording.getnframes()
            if rate <= 0 or channels <= 0 or width not in (1, 2, 3, 4):
                raise AudioError(f"{path.name}: unsupported WAV ({channels} channels, {width * 8}-bit, {rate} Hz)")
            if frames / rate > max_seconds:
                raise AudioError(
                    f"the recording is {frames / rate:.0f} s long; push-to-talk takes at most {max_seconds:.0f} s"
                )
            data = recording.readframes(frames)
    except AudioError:
        raise
    except wave.Error as error:
        detail = "compressed or floating-point WAV; save it as PCM" if "unknown format" in str(error) else "not a WAV file"
        raise AudioError(f"{path.name}: {detail}") from None
    except (EOFError, OSError) as error:
        reason = "not a WAV file" if isinstance(error, EOFError) else error.strerror or "unreadable"
        raise AudioError(f"{path.name}: {reason}") from None
    return speech_from_pcm(data, rate, channels, width)


def speech_from_pcm(data: bytes, rate: int, channels: int, width: int) -> Speech:
    """Raw interleaved PCM (`width` bytes a sample) as checked 16 kHz mono speech."""
    usable = len(data) - len(data) % (width * channels)
    if usable <= 0:
        raise AudioError("the recording is empty")
    samples = _to_int16(data[:usable], width)
    if channels > 1:
        samples = _average_channels(samples, channels)
    if rate != SAMPLE_RATE:
        samples = resample(samples, rate, SAMPLE_RATE)
    if loudest_rms(samples) < SILENCE_RMS:
        raise AudioError("no speech was heard (the recording is silent)")
    if sys.byteorder == "big":
        samples.byteswap()
    return Speech(samples.tobytes(), rate, channels)


def _to_int16(data: bytes, width: int) -> array:
    """Little-endian PCM of any width as native signed 16-bit samples (the top 16 bits)."""
    if width == 2:
        pcm = bytes(data)
    else:
        pcm16 = bytearray(len(data) // width * 2)
        if width == 1:  # unsigned 8-bit: flip the sign bit and use it as the high byte
            pcm16[1::2] = data.translate(bytes((b ^ 0x80) for b in range(256)))
        else:  # 24- and 32-bit: keep the two most significant bytes
            pcm16[0::2] = data[width - 2:: width]
            pcm16[1::2] = data[width - 1:: width]
        pcm = bytes(pcm16)
    samples = array("h", pcm)
    if sys.byteorder == "big":
        samples.byteswap()
    return samples


def _average_channels(samples: array, channels: int) -> array:
    lanes = [samples[i::channels] for i in range(channels)]
    return array("h", (sum(frame) // channels for frame in zip(*lanes, strict=True)))


def resample(samples: array, rate: int, target: int) -> array:
    """Linear interpolation from `rate` to `target` samples a second."""
    count = len(samples)
    if count == 0 or rate == target:
        return array("h", samples)
    out_count = max(1, round(count * target / rate))
    step = rate / target
    last = count - 1
    out = array("h", bytes(2 * out_count))
    for i in range(out_count):
        position = i * step
        j = int(position)
        if j >= last:
            out[i] = samples[last]
            continue
        a = samples[j]
        out[i] = int(a + (samples[j + 1] - a) * (position - j))
    return out


def loudest_rms(samples: array, rate: int = SAMPLE_RATE) -> float:
    """The root mean square of the loudest 20 ms window (whole-file RMS hides a short word)."""
    window = max(1, int(rate * WINDOW_S))
    loudest = 0.0
    for start in range(0, len(samples), window):
        chunk = samples[start: start + window]
        loudest = max(loudest, sum(map(mul, chunk, chunk)) / len(chunk))
    return math.sqrt(loudest)

"""Push-to-talk: hold F1 (or the microphone button), say a tweak, release; it is typed and sent.

The speech is captured by an `AudioSource` — the microphone through QtMultimedia, or a
WAV file when `MINIGAME_VOICE_FILE` names one (the documented test hook, also handy for
demos) — transcribed on a worker thread, put in the prompt box, and sent after a short
pause in which Esc cancels a misheard command. The game keeps running throughout.

The key (`set_key`, F1 by default) and the engine (`set_engine`: offline pocketsphinx, or
the endpoint's audio API) come from the settings. The offline engine keeps one warm
decoder for the session; the endpoint engine keeps one `EndpointTranscriber` (one pooled
connection), made on a worker thread the first time it is needed and closed by `shutdown`.
"""

from __future__ import annotations

import io
import math
import os
import struct
import tempfile
import threading
import time
import wave
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent

from studio.qt.studio_settings import VOICE_KEYS
from studio.settings import ModelChoice

VOICE_FILE_VARIABLE = "MINIGAME_VOICE_FILE"
SEND_DELAY_MS = 1500  # the undo window: Esc cancels a misheard command
MAX_SECONDS = 60
SAMPLE_RATE = 16000


class AudioSource(Protocol):
    """Where push-to-talk audio comes from."""

    def start(self) -> str | None:
        """Begin capturing; a one-line problem (no microphone, no permission) or None."""
        ...

    def stop(self) -> bytes:
        """Stop and return what was captured, as WAV bytes."""
        ...

    def level(self) -> float:
        """The input level now, 0..1, for the meter."""
        ...


class FileAudioSource:
    """Plays the part of the microphone with a WAV file (tests, demos)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._data = b""
        self._level = 0.0

    def start(self) -> str | None:
        try:
            self._data = self.path.read_bytes()
        except OSError as error:
            return f"cannot read the voice file {self.path}: {error.strerror or error}"
        self._level = _rms_level(self._data)
        return None

    def stop(self) -> bytes:
        self._level = 0.0
        return self._data

    def level(self) -> float:
        return self._level


class MicrophoneSource:
    """The default microphone through QtMultimedia, as 16 kHz mono 16-bit PCM."""

    def __init__(self) -> None:
        self._source: object | None = None
        self._device: object | None = None
        self._pcm = bytearray()
        self._level = 0.0

    def start(self) -> str | None:
        try:
            from PySide6.QtMultimedia import QAudioFormat, QAudioSource, QMediaDevices
        except ImportError:
            return "microphone capture needs pyside6-addons (QtMultimedia), which is not installed"
        device = QMediaDevices.defaultAudioInput()
        if device.isNull():
            return "no microphone was found"
        audio_format = QAudioFormat()
        audio_format.setSampleRate(SAMPLE_RATE)
        audio_format.setChannelCount(1)
        audio_format.setSampleFormat(QAudioFormat.SampleFormat.Int16)
        source = QAudioSource(device, audio_format)
        # QAudioSource captures on Qt's audio thread; the GUI thread only copies buffers.
        stream = source.start()
        if stream is None:
            return "the microphone could not be opened (is access to it allowed?)"
        self._pcm = bytearray()
        stream.readyRead.connect(lambda: self._take(stream))
        self._source, self._device = source, stream
        return None

    def _take(self, stream: object) -> None:
        chunk = bytes(stream.readAll().data())  # type: ignore[attr-defined]
        if len(self._pcm) < MAX_SECONDS * SAMPLE_RATE * 2:
            self._pcm += chunk
        self._level = _pcm_level(chunk)

    def stop(self) -> bytes:
        if self._source is not None:
            self._source.stop()  # type: ignore[attr-defined]
        self._source = self._device = None
        self._level = 0.0
        return _wav_bytes(bytes(self._pcm))

    def level(self) -> float:
        return self._level


PUSH_TO_TALK_KEYS: dict[str, Qt.Key] = {name: getattr(Qt.Key, f"Key_{name}") for name in VOICE_KEYS}
"""The keys push-to-talk may use, by the name the settings store."""


def default_audio_source() -> AudioSource:
    """The voice file when the test hook names one, else the microphone."""
    hook = os.environ.get(VOICE_FILE_VARIABLE)
    return FileAudioSource(Path(hook)) if hook else MicrophoneSource()


class VoiceController(QObject):
    """Hold F1 to talk: listens, transcribes off the GUI thread, then sends after a pause."""

    key_changed = Signal(str)  # the push-to-talk key's name, after `set_key`
    listening_changed = Signal(bool)
    level_changed = Signal(float)
    heard = Signal(str)  # the text, put in the prompt; sent after the pause unless cancelled
    problem = Signal(str)  # one line for the status bar
    _transcribed = Signal(str, str)  # text, problem (from the worker thread)

    def __init__(self, send: Callable[[str], None], source: AudioSource | None = None,
                 key: Qt.Key = Qt.Key.Key_F1, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.send = send
        self.source = source or default_audio_source()
        self.key = key
        self.key_name = next((name for name, known in PUSH_TO_TALK_KEYS.items() if known == key), "F1")
        self.engine = "offline"  # or "endpoint" (set_engine)
        self.choice: ModelChoice | None = None  # the endpoint the "endpoint" engine sends to
        self.send_delay_ms = SEND_DELAY_MS  # the pause in which Esc cancels (tests may set 0)
        self.released_at: float | None = None  # perf_counter of the last release, for figures
        self.listening = False
        self.pending_text: str | None = None
        self._recognizer: object | None = None  # one warm offline decoder for the session
        self._recognizer_lock = threading.Lock()
        self._endpoint: object | None = None  # the EndpointTranscriber, made when first needed
        self._endpoint_choice: ModelChoice | None = None  # the choice it was made for
        self._endpoint_lock = threading.Lock()
        self._send_timer = QTimer(self)
        self._send_timer.setSingleShot(True)
        self._send_timer.timeout.connect(self._send_now)
        self._meter = QTimer(self)
        self._meter.timeout.connect(lambda: self.level_changed.emit(self.source.level()))
        self._transcribed.connect(self._on_transcribed)

    # -- settings -----------------------------------------------------------------------

    def set_key(self, name: str) -> None:
        """Listen on another push-to-talk key ("F1".."F12", "ScrollLock", "Pause"; else F1)."""
        self.key_name = name if name in PUSH_TO_TALK_KEYS else "F1"
        self.key = PUSH_TO_TALK_KEYS[self.key_name]
        self.key_changed.emit(self.key_name)

    def set_engine(self, engine: str, choice: ModelChoice | None = None) -> None:
        """Transcribe offline, or ("endpoint") through the audio API of `choice`'s endpoint.

        A transcriber made for another endpoint is closed (on a worker thread); the next one
        is made when it is first needed.
        """
        self.engine = "endpoint" if engine == "endpoint" else "offline"
        self.choice = choice
        if self._endpoint is not None and choice != self._endpoint_choice:
            threading.Thread(target=self._close_endpoint, name="studio-voice-close", daemon=True).start()

    def shutdown(self) -> None:
        """Close the endpoint transcriber's connections (the window is closing)."""
        self._close_endpoint()

    def _close_endpoint(self) -> None:
        with self._endpoint_lock:
            endpoint, self._endpoint, self._endpoint_choice = self._endpoint, None, None
        if endpoint is not None:
            endpoint.close()  # type: ignore[attr-defined]

    def _endpoint_transcriber(self, choice: ModelChoice | None) -> Callable[[bytes], str]:
        """WAV bytes -> text through `choice`'s audio API (worker threads only: makes a client).

        Raises TranscriptionError when there is no endpoint; the function it returns raises
        TranscriptionError with the endpoint's one-line problem.
        """
        from studio.llm.events import ModelError
        from studio.llm.transcription import EndpointTranscriber
        from studio.voice.transcribe import TranscriptionError

        if choice is None or choice.offline or not choice.base_url:
            reason = choice.reason.removeprefix("offline: ") if choice is not None else "no endpoint is configured"
            raise TranscriptionError(f"transcription by the endpoint needs an endpoint, but the studio runs offline ({reason})")
        with self._endpoint_lock:
            if self._endpoint is None or self._endpoint_choice != choice:
                old = self._endpoint
                self._endpoint, self._endpoint_choice = EndpointTranscriber(choice), choice
                if old is not None:
                    old.close()  # type: ignore[attr-defined]
            endpoint = self._endpoint

        def send(wav_bytes: bytes) -> str:
            try:
                return endpoint.transcribe(wav_bytes)  # type: ignore[attr-defined, no-any-return]
            except ModelError as error:
                raise TranscriptionError(error.message) from None

        return send

    # -- keys ---------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        """Catch the push-to-talk key before any widget (the game view included) sees it."""
        if isinstance(event, QKeyEvent) and event.key() == self.key and not event.isAutoRepeat():
            if event.type() == QEvent.Type.KeyPress:
                self.press()
                return True
            if event.type() == QEvent.Type.KeyRelease:
                self.release()
                return True
        if event.type() == QEvent.Type.Close and watched is self.parent():
            self.shutdown()  # the window closes: no connection is left open
            return False
        if (
            isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_Escape and self.pending_text is not None
        ):
            self.cancel()
            return True
        return False

    # -- talking ------------------------------------------------------------------------

    def press(self) -> None:
        """Start listening (F1 down, or the microphone button pressed)."""
        if self.listening:
            return
        self.cancel()
        trouble = self.source.start()
        if trouble is not None:
            self.problem.emit(trouble)
            return
        self.listening = True
        self.listening_changed.emit(True)
        self._meter.start(50)
        if self.engine == "endpoint":
            # The client (and the openai import) is made while the user is still talking.
            threading.Thread(target=self._warm_endpoint, args=(self.choice,), name="studio-voice-warm", daemon=True).start()
            return
        # The decoder (~0.3 s to build) warms up while the user is still talking.
        threading.Thread(target=self._warm_recognizer, name="studio-voice-warm", daemon=True).start()

    def _warm_endpoint(self, choice: ModelChoice | None) -> None:
        try:
            self._endpoint_transcriber(choice)
        except Exception:  # noqa: BLE001, S110 - the transcription after release reports it
            pass

    def _warm_recognizer(self) -> object:
        from studio.voice.offline import OfflineRecognizer

        with self._recognizer_lock:
            if self._recognizer is None:
                recognizer = OfflineRecognizer()
                recognizer.warm_up()
                self._recognizer = recognizer
            return self._recognizer

    def release(self) -> None:
        """Stop listening and transcribe what was said, off the GUI thread."""
        if not self.listening:
            return
        self.listening = False
        self.released_at = time.perf_counter()
        self._meter.stop()
        self.level_changed.emit(0.0)
        self.listening_changed.emit(False)
        audio = self.source.stop()
        threading.Thread(
            target=self._transcribe, args=(audio, self.engine, self.choice), name="studio-voice", daemon=True
        ).start()

    def _transcribe(self, audio: bytes, engine: str = "offline", choice: ModelChoice | None = None) -> None:
        try:
            from studio.voice.transcribe import TranscriptionError, transcribe_file

            with tempfile.NamedTemporaryFile(suffix=".wav") as file:
                file.write(audio)
                file.flush()
                if engine == "endpoint":
                    transcript = transcribe_file(
                        Path(file.name), engine="endpoint", endpoint_transcriber=self._endpoint_transcriber(choice)
                    )
                else:
                    transcript = transcribe_file(Path(file.name), recognizer=self._warm_recognizer())
            self._transcribed.emit(transcript.text.strip(), "")
        except TranscriptionError as error:
            self._transcribed.emit("", str(error))
        except Exception as error:  # noqa: BLE001 - never let a voice problem take the window down
            self._transcribed.emit("", f"speech could not be transcribed: {error}")

    def _on_transcribed(self, text: str, trouble: str) -> None:
        if trouble or not text:
            self.problem.emit(trouble or "no words were recognised; nothing was sent")
            return
        self.pending_text = text
        self.heard.emit(text)
        self._send_timer.start(self.send_delay_ms)

    def cancel(self) -> None:
        """Drop a heard command before it is sent (Esc in the pause)."""
        self._send_timer.stop()
        self.pending_text = None

    def _send_now(self) -> None:
        text, self.pending_text = self.pending_text, None
        if text:
            self.send(text)


def _wav_bytes(pcm: bytes) -> bytes:
    out = io.BytesIO()
    with wave.open(out, "wb") as writer:
        writer.setnchannels(1)
        writer.setsampwidth(2)
        writer.setframerate(SAMPLE_RATE)
        writer.writeframes(pcm)
    return out.getvalue()


def _pcm_level(pcm: bytes) -> float:
    count = len(pcm) // 2
    if not count:
        return 0.0
    samples = struct.unpack(f"<{count}h", pcm[: count * 2])
    rms = math.sqrt(sum(s * s for s in samples[:: max(1, count // 2000)]) / max(1, len(samples[:: max(1, count // 2000)])))
    return min(1.0, rms / 8000.0)


def _rms_level(wav: bytes) -> float:
    try:
        with wave.open(io.BytesIO(wav)) as reader:
            frames = reader.readframes(min(reader.getnframes(), SAMPLE_RATE * 2))
            if reader.getsampwidth() != 2:
                return 0.5
    except (wave.Error, EOFError):
        return 0.0
    return _pcm_level(frames)

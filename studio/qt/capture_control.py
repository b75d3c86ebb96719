"""F9 saves the last 8 seconds of play as an animated GIF, written off the GUI thread.

`GifCaptureControl` watches every frame the game view takes into a `PlayRecorder`
(skipped frames cost a comparison; kept ones, 15 a second, a fraction of a millisecond),
adds an F9 action to the window, and on F9 hands the frames recorded so far to a worker
thread that writes `<title>-YYYYmmdd-HHMMSS.gif` into the captures folder. F9 works while
the game view has the keyboard too, and never reaches the game.
"""

from __future__ import annotations

import datetime
import re
import threading
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QWidget

from studio.files import free_path
from studio.library.gif_capture import GifInfo, PlayRecorder, Recording
from studio.qt.game_view import FrameLike, GameView

CAPTURE_KEY = Qt.Key.Key_F9
MAX_SLUG_LENGTH = 48
"""Characters of the game's title kept in a capture's file name."""


def title_slug(title: str) -> str:
    """The title as a file-name part: lower case, words joined by "-", "game" if nothing is left."""
    slug = re.sub(r"[\W_]+", "-", title.strip().lower()).strip("-")
    return slug[:MAX_SLUG_LENGTH].rstrip("-") or "game"


def capture_path(captures_dir: Path, title: str, now: datetime.datetime) -> Path:
    """`<title slug>-YYYYmmdd-HHMMSS.gif` in captures_dir, with "-2", "-3"... if it exists."""
    return free_path(captures_dir, f"{title_slug(title)}-{now:%Y%m%d-%H%M%S}", ".gif", separator="-")


class GifCaptureControl(QObject):
    """Records the game view's frames and saves the last seconds as a GIF when F9 is pressed."""

    saved = Signal(object)
    """A GifInfo: the GIF is on disk."""
    failed = Signal(str)
    """One line saying what went wrong and what to do."""
    _written = Signal(object, str)  # GifInfo or None, problem (from the writer thread)

    def __init__(
        self,
        window: QWidget,
        game_view: GameView,
        captures_dir: Path,
        title: Callable[[], str],
        *,
        recorder: PlayRecorder | None = None,
    ) -> None:
        super().__init__(window)
        self.game_view = game_view
        self.captures_dir = captures_dir
        self.title = title
        self.recorder = recorder or PlayRecorder()
        self.last_info: GifInfo | None = None
        self._writer: threading.Thread | None = None

        seconds = f"{self.recorder.seconds:g}"
        self.action = QAction(self.tr("Save GIF"), window)
        self.action.setShortcut(QKeySequence(CAPTURE_KEY))
        self.action.setToolTip(
            self.tr("Save the last {seconds} seconds of play as an animated GIF (F9)").format(
                seconds=seconds
            )
        )
        self.action.triggered.connect(self.capture)
        window.addAction(self.action)
        game_view.add_frame_observer(self._record)
        # The view claims plain keys for the game (ShortcutOverride); F9 must stay the shortcut.
        game_view.installEventFilter(self)
        self._written.connect(self._on_written)

    @property
    def writing(self) -> bool:
        """True while a GIF is being written."""
        return self._writer is not None

    def reset(self) -> None:
        """Forget the frames recorded so far (a new game was loaded)."""
        self.recorder.clear()

    def capture(self) -> bool:
        """Save what was recorded, on a worker thread; False if nothing started.

        A press while a GIF is still being written is ignored: that GIF already holds the
        same seconds of play (writing takes a fraction of a second).
        """
        if self._writer is not None:
            return False
        recording = self.recorder.snapshot()  # the seconds before the press, not after
        if not recording.frames:
            self.failed.emit(self.tr("Nothing to capture yet: play for a moment, then press F9."))
            return False
        path = capture_path(self.captures_dir, self.title(), datetime.datetime.now())
        self._writer = threading.Thread(
            target=self._write, args=(recording, path), name="studio-gif", daemon=True
        )
        self._writer.start()
        return True

    # -- frames and keys ------------------------------------------------------------------

    def _record(self, frame: FrameLike) -> None:
        try:
            self.recorder.offer(frame.width, frame.height, frame.pixels, time.monotonic())
        except ValueError:
            pass  # a malformed frame is not recorded; the view refused it anyway

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        """Keep F9 from the game: let the window's shortcut have it, and swallow the key."""
        if watched is not self.game_view or not isinstance(event, QKeyEvent):
            return False
        if event.key() != CAPTURE_KEY or event.modifiers() != Qt.KeyboardModifier.NoModifier:
            return False
        if event.type() == QEvent.Type.ShortcutOverride:
            event.ignore()  # not overridden: the F9 action fires
            return True
        return event.type() in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease)

    # -- writing --------------------------------------------------------------------------

    def _write(self, recording: Recording, path: Path) -> None:
        """Runs on the writer thread."""
        try:
            info: GifInfo | None = recording.write_gif(path)
            problem = ""
        except OSError as error:
            info = None
            reason = error.strerror or str(error)
            problem = f"Could not save the GIF in {path.parent}: {reason}. Check that the folder is writable."
        except Exception as error:  # noqa: BLE001 - a capture must never take the window down
            info = None
            problem = f"Could not save the GIF: {error}"
        try:
            self._written.emit(info, problem)
        except RuntimeError:
            pass  # the window (and this object) closed while writing

    def _on_written(self, info: GifInfo | None, problem: str) -> None:
        writer, self._writer = self._writer, None
        if writer is not None:
            writer.join()
        if info is None:
            self.failed.emit(problem)
            return
        self.last_info = info
        self.saved.emit(info)

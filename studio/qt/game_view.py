"""GameView: paint the running game's latest frame and forward keys and mouse to it."""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from PySide6.QtCore import QEvent, QPointF, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QFont,
    QHideEvent,
    QImage,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QShowEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QWidget

from studio.qt.keymap import pygame_modifiers, translate_key_event

POLL_INTERVAL_MS = 16
"""How often the view asks its source for a new frame (about 60 Hz)."""

SMALL_GAME_SIDE = 320
"""Games no wider/taller than this are pixel art: scaled crisp at any scale."""

MAX_FRAME_SIDE = 8192
"""Frames larger than this are refused (the runner is untrusted)."""

WHEEL_STEP = 120
"""Qt angle delta of one wheel notch (1/8 degree units, 15 degrees)."""

# Qt buttons → pygame button numbers (4 and 5 are the wheel in pygame).
_PYGAME_BUTTONS: dict[Qt.MouseButton, int] = {
    Qt.MouseButton.LeftButton: 1,
    Qt.MouseButton.MiddleButton: 2,
    Qt.MouseButton.RightButton: 3,
    Qt.MouseButton.BackButton: 6,
    Qt.MouseButton.ForwardButton: 7,
}
_WHEEL_UP, _WHEEL_DOWN = 4, 5


class FrameLike(Protocol):
    """What the view reads from a frame; `sandbox.frames.Frame` has this shape.

    `pixels` holds width*height 32-bit B,G,R,X pixels (QImage.Format_RGB32),
    rows packed with no padding.
    """

    @property
    def number(self) -> int: ...
    @property
    def width(self) -> int: ...
    @property
    def height(self) -> int: ...
    @property
    def pixels(self) -> bytes: ...


class FrameSource(Protocol):
    """Hands out the game's newest frame."""

    def latest_frame(self, previous_number: int) -> FrameLike | None:
        """The newest frame if its number differs from `previous_number`, else None."""
        ...


class InputSink(Protocol):
    """Receives input for the game, already in pygame's terms."""

    def send_key(self, down: bool, key: int, mod: int, unicode: str, scancode: int) -> None: ...

    def send_mouse(
        self,
        kind: str,
        x: int,
        y: int,
        button: int,
        rel_x: int,
        rel_y: int,
        buttons: tuple[int, ...],
    ) -> None:
        """kind is "down", "up", "move" or "wheel"; x, y are game pixels."""
        ...


@dataclass(frozen=True)
class Letterbox:
    """Where a game picture of a given size sits inside a widget, aspect ratio kept."""

    x: int
    y: int
    width: int
    height: int
    game_width: int
    game_height: int

    @property
    def scale(self) -> float:
        return self.width / self.game_width

    def contains(self, point: QPointF) -> bool:
        return (
            self.x <= point.x() < self.x + self.width and self.y <= point.y() < self.y + self.height
        )

    def to_game(self, point: QPointF) -> tuple[int, int]:
        """Game pixel under a widget point, clamped to the picture's edge."""
        game_x = math.floor((point.x() - self.x) * self.game_width / self.width)
        game_y = math.floor((point.y() - self.y) * self.game_height / self.height)
        return (
            min(max(game_x, 0), self.game_width - 1),
            min(max(game_y, 0), self.game_height - 1),
        )


def fit_letterbox(
    game_width: int, game_height: int, widget_width: int, widget_height: int
) -> Letterbox:
    """The largest centred rectangle of the game's aspect ratio inside the widget."""
    scale = min(widget_width / game_width, widget_height / game_height)
    width = max(1, round(game_width * scale))
    height = max(1, round(game_height * scale))
    return Letterbox(
        x=(widget_width - width) // 2,
        y=(widget_height - height) // 2,
        width=width,
        height=height,
        game_width=game_width,
        game_height=game_height,
    )


def wants_crisp_scaling(box: Letterbox, device_pixel_ratio: float = 1.0) -> bool:
    """Nearest-neighbour whenever the game is enlarged (or pixel-art sized).

    Smooth filtering is kept for shrinking, where dropped pixels would flicker. Enlarging
    crisply also keeps painting cheap: smooth scaling of an 800×600 game to 1000×750
    costs about 0.7 ms of CPU a frame against about 0.25 ms (benchmarks/frame_path.py).
    """
    device_scale = box.scale * device_pixel_ratio
    return device_scale >= 1 or max(box.game_width, box.game_height) <= SMALL_GAME_SIDE


def _image_for(frame: FrameLike) -> QImage | None:
    """A QImage viewing the frame's bytes (no copy), or None if the frame is malformed."""
    width, height, pixels = frame.width, frame.height, frame.pixels
    if not (0 < width <= MAX_FRAME_SIDE and 0 < height <= MAX_FRAME_SIDE):
        return None
    if len(pixels) < width * height * 4:
        return None  # QImage would read past the end of the buffer
    return QImage(pixels, width, height, width * 4, QImage.Format.Format_RGB32)


class GameView(QWidget):
    """Shows the game letterboxed on black and, while focused, forwards its input."""

    release_focus_requested = Signal()
    """Emitted when `release_focus_key` is pressed; the window moves focus elsewhere."""

    def __init__(
        self,
        source: FrameSource | None = None,
        sink: InputSink | None = None,
        *,
        release_focus_key: Qt.Key | int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.release_focus_key = release_focus_key
        self.frames_received = 0
        """Distinct frames taken from the source."""
        self.frames_painted = 0
        """Paint events that drew a frame (repaints of the same frame count too)."""
        self.paint_ms_total = 0.0
        """Time spent inside paintEvent, for benchmarks."""

        self._source = source
        self._sink = sink
        # The QImage views the frame's bytes, so the frame is kept alive alongside it.
        self._frame: FrameLike | None = None
        self._image: QImage | None = None
        self._frame_number = -1
        self._message: str | None = None
        self._held_keys: dict[int, int] = {}  # pygame key → scancode, in press order
        self._held_buttons: set[int] = set()
        self._last_mouse: tuple[int, int] | None = None
        self._wheel_remainder = 0
        self._frame_observers: list[Callable[[FrameLike], None]] = []

        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)  # hover moves, not only drags
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)  # we paint every pixel
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(POLL_INTERVAL_MS)
        self._timer.timeout.connect(self.poll_frame)

    # ----- wiring -------------------------------------------------------------

    def set_source(self, source: FrameSource | None) -> None:
        """Show frames from `source`; the current picture stays until a new frame comes."""
        self._source = source
        self._frame_number = -1  # a new game may number its frames from zero again
        self._update_timer()

    def set_sink(self, sink: InputSink | None) -> None:
        """Send input to `sink`; keys and buttons held for the old sink are released."""
        self.release_held_input()
        self._sink = sink

    def add_frame_observer(self, observer: Callable[[FrameLike], None]) -> None:
        """Call `observer` with each new frame the view takes (on the GUI thread; keep it cheap)."""
        self._frame_observers.append(observer)

    def remove_frame_observer(self, observer: Callable[[FrameLike], None]) -> None:
        """Stop calling `observer` (no error if it was not added)."""
        if observer in self._frame_observers:
            self._frame_observers.remove(observer)

    def clear_frame(self) -> None:
        """Forget the picture and paint black (plus any message)."""
        self._image = None
        self._frame = None
        self._frame_number = -1
        self.update()

    def show_message(self, text: str | None) -> None:
        """Show `text` centred over the picture; None hides it."""
        if text != self._message:
            self._message = text
            self.update()

    @property
    def message(self) -> str | None:
        return self._message

    def letterbox(self) -> Letterbox | None:
        """Where the current frame is drawn, or None before the first frame."""
        if self._frame is None:
            return None
        return fit_letterbox(self._frame.width, self._frame.height, self.width(), self.height())

    # ----- frames ---------------------------------------------------------------

    def poll_frame(self) -> bool:
        """Take a new frame from the source if there is one; True if the picture changed."""
        if self._source is None:
            return False
        frame = self._source.latest_frame(self._frame_number)
        if frame is None or frame.number == self._frame_number:
            return False
        image = _image_for(frame)
        if image is None:
            return False
        # Drop the old image before the bytes it views.
        self._image = image
        self._frame = frame
        self._frame_number = frame.number
        self.frames_received += 1
        for observer in self._frame_observers:
            observer(frame)
        self.update()
        return True

    def _update_timer(self) -> None:
        # Polling only matters while someone can see the result.
        if self._source is not None and self.isVisible():
            self._timer.start()
        else:
            self._timer.stop()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._update_timer()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self._update_timer()

    def sizeHint(self) -> QSize:
        return QSize(640, 480)

    def paintEvent(self, event: QPaintEvent) -> None:
        started = time.perf_counter()
        painter = QPainter(self)
        try:
            box = self.letterbox()
            if box is None or self._image is None:
                painter.fillRect(self.rect(), Qt.GlobalColor.black)
            else:
                self._paint_frame(painter, box, self._image)
                self.frames_painted += 1
            if self._message:
                self._paint_message(painter, self._message)
        finally:
            painter.end()
        self.paint_ms_total += (time.perf_counter() - started) * 1000.0

    def _paint_frame(self, painter: QPainter, box: Letterbox, image: QImage) -> None:
        black = Qt.GlobalColor.black
        # Only the bars are filled: the picture covers the rest.
        if box.x > 0:
            painter.fillRect(0, 0, box.x, self.height(), black)
            right = box.x + box.width
            painter.fillRect(right, 0, self.width() - right, self.height(), black)
        if box.y > 0:
            painter.fillRect(0, 0, self.width(), box.y, black)
            bottom = box.y + box.height
            painter.fillRect(0, bottom, self.width(), self.height() - bottom, black)
        if box.width == box.game_width and box.height == box.game_height:
            painter.drawImage(box.x, box.y, image)
            return
        smooth = not wants_crisp_scaling(box, self.devicePixelRatioF())
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, smooth)
        painter.drawImage(QRect(box.x, box.y, box.width, box.height), image)

    def _paint_message(self, painter: QPainter, text: str) -> None:
        font = QFont(self.font())
        font.setPixelSize(max(12, min(self.width(), self.height()) // 18))
        painter.setFont(font)
        flags = Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap
        area = self.rect().adjusted(self.width() // 10, 0, -self.width() // 10, 0)
        text_rect = painter.boundingRect(area, flags, text)
        margin = font.pixelSize() // 2
        backdrop = text_rect.adjusted(-margin, -margin, margin, margin)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(0, 0, 0, 170))  # readable over any game colours
        painter.drawRoundedRect(backdrop, margin, margin)
        painter.setPen(QColor(255, 255, 255))
        painter.drawText(area, flags, text)

    # ----- keys ----------------------------------------------------------------

    def focusNextPrevChild(self, next: bool) -> bool:
        # Tab and Shift+Tab belong to the game, not to Qt's focus chain.
        return False

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            # Plain keys (Space, arrows, letters) go to the game even if the window
            # has a single-key shortcut; Ctrl/Alt/Meta combinations stay shortcuts.
            chords = (
                Qt.KeyboardModifier.ControlModifier
                | Qt.KeyboardModifier.AltModifier
                | Qt.KeyboardModifier.MetaModifier
            )
            if not event.modifiers() & chords:
                event.accept()
                return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.release_focus_key is not None and event.key() == int(
            getattr(self.release_focus_key, "value", self.release_focus_key)
        ):
            event.accept()
            if not event.isAutoRepeat():
                self.release_focus_requested.emit()
            return
        if event.isAutoRepeat():
            event.accept()  # pygame games see one KEYDOWN and poll key.get_pressed()
            return
        translated = translate_key_event(event, down=True, held_keys=self._held_keys.keys())
        if translated is None:
            event.ignore()
            return
        event.accept()
        if translated.key in self._held_keys:
            return  # a second press without a release in between
        self._held_keys[translated.key] = translated.scancode
        if self._sink is not None:
            self._sink.send_key(
                True, translated.key, translated.mod, translated.unicode, translated.scancode
            )

    def keyReleaseEvent(self, event: QKeyEvent) -> None:
        if event.isAutoRepeat():
            event.accept()
            return
        translated = translate_key_event(event, down=False, held_keys=self._held_keys.keys())
        if translated is None or translated.key not in self._held_keys:
            # Not pressed while we had focus (e.g. the Enter that started the game).
            event.ignore()
            return
        event.accept()
        del self._held_keys[translated.key]
        if self._sink is not None:
            self._sink.send_key(
                False, translated.key, translated.mod, translated.unicode, translated.scancode
            )

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.release_held_input()
        super().focusOutEvent(event)

    def release_held_input(self) -> None:
        """Send key-ups and button-ups for everything still held, so nothing sticks."""
        while self._held_keys:
            key = next(reversed(self._held_keys))
            scancode = self._held_keys.pop(key)
            if self._sink is not None:
                mod = pygame_modifiers(0, self._held_keys.keys())
                self._sink.send_key(False, key, mod, "", scancode)
        x, y = self._last_mouse or (0, 0)
        for button in sorted(self._held_buttons):
            self._held_buttons.discard(button)
            self._send_mouse("up", x, y, button)
        self._wheel_remainder = 0

    # ----- mouse ---------------------------------------------------------------

    def _pressed_buttons(self) -> tuple[int, int, int]:
        """pygame's (left, middle, right) pressed state."""
        held = self._held_buttons
        return (int(1 in held), int(2 in held), int(3 in held))

    def _send_mouse(
        self, kind: str, x: int, y: int, button: int, rel: tuple[int, int] = (0, 0)
    ) -> None:
        if self._sink is not None:
            self._sink.send_mouse(kind, x, y, button, rel[0], rel[1], self._pressed_buttons())

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        event.accept()
        box = self.letterbox()
        button = _PYGAME_BUTTONS.get(event.button())
        point = event.position()
        if box is None or button is None or not box.contains(point):
            return  # a click on the black bars is not a click in the game
        x, y = box.to_game(point)
        self._move_to(x, y)
        self._held_buttons.add(button)
        self._send_mouse("down", x, y, button)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        event.accept()
        box = self.letterbox()
        button = _PYGAME_BUTTONS.get(event.button())
        if button not in self._held_buttons:
            return
        self._held_buttons.discard(button)
        # A drag that ends outside the picture is released at its edge.
        x, y = box.to_game(event.position()) if box else (self._last_mouse or (0, 0))
        self._move_to(x, y)
        self._send_mouse("up", x, y, button)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        event.accept()
        box = self.letterbox()
        if box is None or not (self.hasFocus() or self._held_buttons):
            return
        if not self._held_buttons and not box.contains(event.position()):
            return  # hovering over the bars
        self._move_to(*box.to_game(event.position()))

    def _move_to(self, x: int, y: int) -> None:
        """Send a move if the game pixel under the pointer changed."""
        last = self._last_mouse
        if last == (x, y):
            return  # many widget pixels share one game pixel when scaled up
        self._last_mouse = (x, y)
        rel = (0, 0) if last is None else (x - last[0], y - last[1])
        self._send_mouse("move", x, y, 0, rel)

    def wheelEvent(self, event: QWheelEvent) -> None:
        event.accept()
        box = self.letterbox()
        if box is None or not box.contains(event.position()):
            return
        x, y = box.to_game(event.position())
        # Touchpads send fractions of a notch; the game gets whole notches.
        self._wheel_remainder += event.angleDelta().y()
        while abs(self._wheel_remainder) >= WHEEL_STEP:
            up = self._wheel_remainder > 0
            self._wheel_remainder -= WHEEL_STEP if up else -WHEEL_STEP
            self._send_mouse("wheel", x, y, _WHEEL_UP if up else _WHEEL_DOWN, (0, 1 if up else -1))

"""GameView paints frames letterboxed and forwards input in pygame's terms."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from dataclasses import dataclass, field  # noqa: E402

import pytest  # noqa: E402
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt  # noqa: E402
from PySide6.QtGui import QColor, QImage, QKeyEvent, QWheelEvent  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QLineEdit, QVBoxLayout, QWidget  # noqa: E402

from studio.qt.game_view import GameView, fit_letterbox, wants_crisp_scaling  # noqa: E402
from studio.qt.keymap import KEYS, MODIFIERS  # noqa: E402

K_LEFT = KEYS["LEFT"].key
K_A = KEYS["a"].key
K_SPACE = KEYS["SPACE"].key
K_TAB = KEYS["TAB"].key
K_ESCAPE = KEYS["ESCAPE"].key
K_LSHIFT = KEYS["LSHIFT"].key

RED = (255, 0, 0)
BLUE = (0, 0, 255)
GREEN = (0, 255, 0)
BLACK = (0, 0, 0)

Rgb = tuple[int, int, int]


@dataclass(frozen=True)
class Frame:
    """Same shape as sandbox.frames.Frame: the view relies on these four attributes."""

    number: int
    width: int
    height: int
    pixels: bytes


def _bgrx(color: Rgb) -> bytes:
    red, green, blue = color
    return bytes((blue, green, red, 0))  # pygame leaves the unused byte at zero


def solid_frame(width: int, height: int, color: Rgb, number: int = 1) -> Frame:
    return Frame(number, width, height, _bgrx(color) * (width * height))


def striped_frame(width: int, height: int, number: int = 1) -> Frame:
    """Odd/even columns red/blue; row 0 green so rows are told apart too."""
    rows = []
    for y in range(height):
        row = b"".join(
            _bgrx(GREEN if y == 0 else (RED if x % 2 == 0 else BLUE)) for x in range(width)
        )
        rows.append(row)
    return Frame(number, width, height, b"".join(rows))


def striped_color(x: int, y: int) -> Rgb:
    return GREEN if y == 0 else (RED if x % 2 == 0 else BLUE)


class FakeFrameSource:
    """Holds one frame; hands it out when its number is new, like the frame reader."""

    def __init__(self, frame: Frame | None = None) -> None:
        self.frame = frame
        self.calls = 0

    def latest_frame(self, previous_number: int) -> Frame | None:
        self.calls += 1
        if self.frame is None or self.frame.number == previous_number:
            return None
        return self.frame


@dataclass
class RecordingSink:
    """Records what the view forwards to the game."""

    keys: list[tuple[bool, int, int, str, int]] = field(default_factory=list)
    mouse: list[tuple[str, int, int, int, int, int, tuple[int, ...]]] = field(default_factory=list)

    def send_key(self, down: bool, key: int, mod: int, unicode: str, scancode: int) -> None:
        self.keys.append((down, key, mod, unicode, scancode))

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
        self.mouse.append((kind, x, y, button, rel_x, rel_y, buttons))

    def key_summary(self) -> list[tuple[bool, int]]:
        return [(down, key) for down, key, *_ in self.keys]

    def clicks(self) -> list[tuple[str, int, int, int, tuple[int, ...]]]:
        return [(k, x, y, b, bs) for k, x, y, b, _, _, bs in self.mouse if k != "move"]


def rgb_at(image: QImage, x: int, y: int) -> Rgb:
    color = QColor(image.pixel(x, y))
    return (color.red(), color.green(), color.blue())


def make_view(qtbot, frame: Frame | None, width: int, height: int, **kwargs) -> GameView:
    view = GameView(FakeFrameSource(frame), RecordingSink(), **kwargs)
    qtbot.addWidget(view)
    view.resize(width, height)
    view.poll_frame()
    return view


def focused_view(qtbot, frame: Frame | None, width: int = 400, height: int = 400, **kwargs):
    view = make_view(qtbot, frame, width, height, **kwargs)
    view.show()
    qtbot.waitExposed(view)
    view.activateWindow()
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    sink = view._sink
    assert isinstance(sink, RecordingSink)
    return view, sink


# ----- painting -------------------------------------------------------------------


def test_wide_widget_letterboxes_with_bars_left_and_right(qtbot) -> None:
    view = make_view(qtbot, solid_frame(100, 100, RED), 400, 200)
    image = view.grab().toImage()
    assert rgb_at(image, 200, 100) == RED
    assert rgb_at(image, 10, 100) == BLACK
    assert rgb_at(image, 390, 100) == BLACK
    assert rgb_at(image, 101, 1) == RED  # picture spans x 100..299, full height
    assert rgb_at(image, 99, 1) == BLACK
    assert view.frames_painted == 1


def test_tall_widget_letterboxes_with_bars_top_and_bottom(qtbot) -> None:
    view = make_view(qtbot, solid_frame(100, 100, BLUE), 200, 400)
    image = view.grab().toImage()
    assert rgb_at(image, 100, 200) == BLUE
    assert rgb_at(image, 100, 10) == BLACK
    assert rgb_at(image, 100, 390) == BLACK
    assert rgb_at(image, 1, 101) == BLUE
    assert rgb_at(image, 1, 99) == BLACK


def test_no_frame_paints_black(qtbot) -> None:
    view = make_view(qtbot, None, 200, 100)
    image = view.grab().toImage()
    assert rgb_at(image, 100, 50) == BLACK
    assert view.frames_painted == 0


def test_small_game_scales_pixel_crisp(qtbot) -> None:
    """64x48 in 640x480: every widget pixel is exactly its game pixel's colour."""
    view = make_view(qtbot, striped_frame(64, 48), 640, 480)
    image = view.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    assert (image.width(), image.height()) == (640, 480)
    for y in (0, 9, 10, 11, 239, 479):
        for x in range(640):
            assert rgb_at(image, x, y) == striped_color(x // 10, y // 10), (x, y)
    for x in (0, 9, 10, 19, 20, 639):
        for y in range(480):
            assert rgb_at(image, x, y) == striped_color(x // 10, y // 10), (x, y)


def test_large_game_shrunk_is_smoothed(qtbot) -> None:
    box = fit_letterbox(800, 600, 600, 450)
    assert not wants_crisp_scaling(box)
    assert wants_crisp_scaling(fit_letterbox(800, 600, 1200, 900))  # enlarged: crisp
    assert wants_crisp_scaling(fit_letterbox(800, 600, 1600, 1200))
    assert wants_crisp_scaling(fit_letterbox(160, 120, 120, 90))  # pixel art stays crisp

    view = make_view(qtbot, striped_frame(800, 600), 600, 450)
    image = view.grab().toImage()
    row = [rgb_at(image, x, 225) for x in range(0, 60)]
    assert any(color not in (RED, BLUE) for color in row), "expected blended pixels"
    # The zero X byte must not darken or hide the picture.
    assert all(max(color) > 100 for color in row)


def test_timer_polls_and_repaints_only_for_new_frame_numbers(qtbot) -> None:
    source = FakeFrameSource(solid_frame(10, 10, RED, number=1))
    view = GameView(source, RecordingSink())
    qtbot.addWidget(view)
    view.resize(100, 100)
    view.show()
    qtbot.waitUntil(lambda: view.frames_received == 1)
    qtbot.waitUntil(lambda: source.calls >= 3)
    assert view.frames_received == 1  # same number: not taken again
    assert view.poll_frame() is False

    source.frame = solid_frame(10, 10, BLUE, number=2)
    qtbot.waitUntil(lambda: view.frames_received == 2)
    assert rgb_at(view.grab().toImage(), 50, 50) == BLUE


def test_malformed_frame_is_refused(qtbot) -> None:
    short = Frame(1, 100, 100, b"\x00" * 100)
    view = make_view(qtbot, short, 100, 100)
    assert view.frames_received == 0
    assert view.letterbox() is None


def test_show_message_over_frame_and_on_black(qtbot) -> None:
    view = make_view(qtbot, solid_frame(100, 100, RED), 400, 400)
    view.show_message("Game over")
    assert view.message == "Game over"
    image = view.grab().toImage()
    centre_band = [rgb_at(image, x, 200) for x in range(0, 400, 2)]
    assert any(color != RED for color in centre_band)
    assert rgb_at(image, 200, 110) == RED  # the rest of the picture is untouched

    view.show_message(None)
    image = view.grab().toImage()
    assert all(rgb_at(image, x, 200) == RED for x in range(100, 300, 5))

    view.clear_frame()
    view.show_message("Starting…")
    image = view.grab().toImage()
    text_pixels = [
        (x, y) for x in range(0, 400, 2) for y in range(170, 230) if min(rgb_at(image, x, y)) > 200
    ]
    assert text_pixels, "expected light text on black"
    assert rgb_at(image, 5, 5) == BLACK


# ----- keys -----------------------------------------------------------------------


def test_keys_are_forwarded_as_pygame_codes(qtbot) -> None:
    view, sink = focused_view(qtbot, solid_frame(10, 10, RED))
    QTest.keyPress(view, Qt.Key.Key_Left)
    QTest.keyRelease(view, Qt.Key.Key_Left)
    QTest.keyPress(view, "a")
    QTest.keyRelease(view, "a")
    QTest.keyPress(view, Qt.Key.Key_Space)
    QTest.keyRelease(view, Qt.Key.Key_Space)
    assert sink.key_summary() == [
        (True, K_LEFT),
        (False, K_LEFT),
        (True, K_A),
        (False, K_A),
        (True, K_SPACE),
        (False, K_SPACE),
    ]
    down_a = sink.keys[2]
    assert down_a[3] == "a"
    assert down_a[4] == KEYS["a"].scancode


def test_modifier_held_reaches_the_game_as_mod_bits(qtbot) -> None:
    view, sink = focused_view(qtbot, None)
    QTest.keyPress(view, Qt.Key.Key_Shift)
    QTest.keyPress(view, Qt.Key.Key_A, Qt.KeyboardModifier.ShiftModifier)
    assert sink.keys[0][:2] == (True, K_LSHIFT)
    assert sink.keys[1][1] == K_A
    assert sink.keys[1][2] & MODIFIERS["SHIFT"]


def test_auto_repeat_is_not_a_new_key_down(qtbot) -> None:
    view, sink = focused_view(qtbot, None)
    QTest.keyPress(view, Qt.Key.Key_Left)
    for event_type in (QEvent.Type.KeyRelease, QEvent.Type.KeyPress) * 3:
        repeat = QKeyEvent(event_type, Qt.Key.Key_Left, Qt.KeyboardModifier.NoModifier, "", True)
        QApplication.sendEvent(view, repeat)
    QTest.keyRelease(view, Qt.Key.Key_Left)
    assert sink.key_summary() == [(True, K_LEFT), (False, K_LEFT)]


def test_tab_and_arrows_reach_the_game_not_the_focus_chain(qtbot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    sink = RecordingSink()
    view = GameView(FakeFrameSource(), sink)
    other = QLineEdit()
    layout = QVBoxLayout(window)
    layout.addWidget(view)
    layout.addWidget(other)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)

    for key in (Qt.Key.Key_Tab, Qt.Key.Key_Down, Qt.Key.Key_Up):
        QTest.keyClick(view, key)
    assert view.hasFocus()
    assert [key for down, key in sink.key_summary() if down] == [
        K_TAB,
        KEYS["DOWN"].key,
        KEYS["UP"].key,
    ]


def test_escape_is_forwarded_by_default(qtbot) -> None:
    view, sink = focused_view(qtbot, None)
    QTest.keyClick(view, Qt.Key.Key_Escape)
    assert sink.key_summary() == [(True, K_ESCAPE), (False, K_ESCAPE)]


def test_release_focus_key_is_kept_from_the_game(qtbot) -> None:
    view, sink = focused_view(qtbot, None, release_focus_key=Qt.Key.Key_Escape)
    with qtbot.waitSignal(view.release_focus_requested, timeout=1000):
        QTest.keyClick(view, Qt.Key.Key_Escape)
    assert sink.keys == []


def test_focus_loss_releases_held_keys(qtbot) -> None:
    view, sink = focused_view(qtbot, None)
    QTest.keyPress(view, Qt.Key.Key_Left)
    QTest.keyPress(view, Qt.Key.Key_Space)
    view.clearFocus()
    qtbot.waitUntil(lambda: not view.hasFocus())
    ups = [key for down, key in sink.key_summary() if not down]
    assert sorted(ups) == sorted([K_LEFT, K_SPACE])
    # Their real releases later are not sent twice.
    QTest.keyRelease(view, Qt.Key.Key_Left)
    assert len([1 for down, _ in sink.key_summary() if not down]) == 2


def test_release_of_a_key_pressed_elsewhere_is_not_forwarded(qtbot) -> None:
    view, sink = focused_view(qtbot, None)
    QTest.keyRelease(view, Qt.Key.Key_Return)
    assert sink.keys == []


# ----- mouse ----------------------------------------------------------------------

# A 100x50 game in a 400x400 widget: scale 4, picture at y 100..299.


def test_click_maps_through_the_letterbox_to_game_pixels(qtbot) -> None:
    view, sink = focused_view(qtbot, solid_frame(100, 50, RED))
    QTest.mouseClick(view, Qt.MouseButton.LeftButton, pos=QPoint(42, 150))
    assert sink.clicks() == [("down", 10, 12, 1, (1, 0, 0)), ("up", 10, 12, 1, (0, 0, 0))]
    QTest.mouseClick(view, Qt.MouseButton.RightButton, pos=QPoint(399, 299))
    assert sink.clicks()[-2:] == [("down", 99, 49, 3, (0, 0, 1)), ("up", 99, 49, 3, (0, 0, 0))]
    QTest.mouseClick(view, Qt.MouseButton.MiddleButton, pos=QPoint(0, 100))
    assert sink.clicks()[-2][:4] == ("down", 0, 0, 2)


def test_click_on_the_bars_gives_focus_but_is_not_sent(qtbot) -> None:
    view = make_view(qtbot, solid_frame(100, 50, RED), 400, 400)
    sink = view._sink
    view.show()
    qtbot.waitExposed(view)
    view.activateWindow()
    QTest.mouseClick(view, Qt.MouseButton.LeftButton, pos=QPoint(200, 50))
    qtbot.waitUntil(view.hasFocus)
    assert sink.clicks() == []


def test_drag_released_outside_is_clamped_to_the_edge(qtbot) -> None:
    view, sink = focused_view(qtbot, solid_frame(100, 50, RED))
    QTest.mousePress(view, Qt.MouseButton.LeftButton, pos=QPoint(200, 200))
    QTest.mouseMove(view, QPoint(200, 390))
    QTest.mouseRelease(view, Qt.MouseButton.LeftButton, pos=QPoint(200, 390))
    assert sink.clicks() == [("down", 50, 25, 1, (1, 0, 0)), ("up", 50, 49, 1, (0, 0, 0))]
    moves = [m for m in sink.mouse if m[0] == "move"]
    assert moves[-1][1:3] == (50, 49)
    assert moves[-1][4:6] == (0, 24)  # rel from the press position


def test_moves_within_one_game_pixel_are_not_repeated(qtbot) -> None:
    view, sink = focused_view(qtbot, solid_frame(100, 50, RED))
    for x in (40, 41, 42, 43, 44):
        QTest.mouseMove(view, QPoint(x, 150))
    positions = [(x, y) for kind, x, y, *_ in sink.mouse if kind == "move"]
    assert positions == [(10, 12), (11, 12)]


def test_wheel_sends_buttons_4_and_5(qtbot) -> None:
    view, sink = focused_view(qtbot, solid_frame(100, 50, RED))

    def wheel(delta_y: int) -> None:
        event = QWheelEvent(
            QPointF(42, 150),
            QPointF(view.mapToGlobal(QPoint(42, 150))),
            QPoint(0, 0),
            QPoint(0, delta_y),
            Qt.MouseButton.NoButton,
            Qt.KeyboardModifier.NoModifier,
            Qt.ScrollPhase.NoScrollPhase,
            False,
        )
        QApplication.sendEvent(view, event)

    wheel(120)
    wheel(60)  # half a notch: nothing yet
    wheel(-180)  # completes nothing upward; one notch down
    wheels = [(kind, x, y, button) for kind, x, y, button, *_ in sink.mouse if kind == "wheel"]
    assert wheels == [("wheel", 10, 12, 4), ("wheel", 10, 12, 5)]


def test_focus_loss_releases_held_mouse_buttons(qtbot) -> None:
    view, sink = focused_view(qtbot, solid_frame(100, 50, RED))
    QTest.mousePress(view, Qt.MouseButton.LeftButton, pos=QPoint(42, 150))
    view.clearFocus()
    qtbot.waitUntil(lambda: not view.hasFocus())
    assert sink.clicks()[-1] == ("up", 10, 12, 1, (0, 0, 0))


@pytest.mark.parametrize(
    ("game", "widget", "expected"),
    [
        ((100, 100), (400, 200), (100, 0, 200, 200)),
        ((100, 100), (200, 400), (0, 100, 200, 200)),
        ((64, 48), (640, 480), (0, 0, 640, 480)),
    ],
)
def test_fit_letterbox(game, widget, expected) -> None:
    box = fit_letterbox(*game, *widget)
    assert (box.x, box.y, box.width, box.height) == expected

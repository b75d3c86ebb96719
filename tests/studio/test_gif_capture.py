"""GIF capture: the recorder keeps the last seconds of play, the GIF has the expected frames
and size, and F9 in a real game view fed by a real sandboxed snake saves one."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from PIL import Image, ImageDraw

from studio.library.gif_capture import MAX_FRAME_GAP_S, GifInfo, PlayRecorder, downscaled_size

ROOT = Path(__file__).resolve().parents[2]
SNAKE = ROOT / "assets" / "examples" / "snake.py"
BACKGROUND = (16, 20, 30)
BLOCK = (240, 240, 90)


def moving_block(width: int, height: int, step: int) -> bytes:
    """B,G,R,X bytes of a dark frame with a light block whose place depends on `step`."""
    image = Image.new("RGB", (width, height), BACKGROUND)
    side = max(2, width // 8)
    x = (step * 3) % max(1, width - side)
    y = (step // 7 * 5) % max(1, height - side)
    ImageDraw.Draw(image).rectangle((x, y, x + side - 1, y + side - 1), fill=BLOCK)
    return image.tobytes("raw", "BGRX")


def offer_play(
    recorder: PlayRecorder,
    seconds: float,
    *,
    width: int = 64,
    height: int = 48,
    rate: float = 60.0,
    start: float = 1000.0,
    first_step: int = 0,
) -> float:
    """Offer `seconds` of frames at `rate` fps, all different; returns the time after the last."""
    count = round(seconds * rate)
    for step in range(count):
        at = start + step / rate
        recorder.offer(width, height, moving_block(width, height, first_step + step), at)
    return start + count / rate


def gif_durations(path: Path) -> list[int]:
    with Image.open(path) as image:
        durations = []
        for index in range(image.n_frames):
            image.seek(index)
            durations.append(image.info["duration"])
        return durations


# ----- the recorder -------------------------------------------------------------------


def test_eight_seconds_at_60_fps_keeps_the_last_120_frames_at_15_fps() -> None:
    recorder = PlayRecorder(seconds=8.0, fps=15.0)
    offer_play(recorder, 2.0)
    assert 29 <= recorder.frame_count <= 31
    offer_play(recorder, 10.0, start=1002.0)
    assert recorder.frame_count == 120  # the ring dropped the older frames
    frames = recorder.snapshot().frames
    span = frames[-1].play_at - frames[0].play_at
    assert span == pytest.approx(119 / 15, abs=0.02)


def test_jittery_offers_keep_the_cadence() -> None:
    recorder = PlayRecorder(seconds=8.0, fps=15.0)
    for step in range(600):
        jitter = (0.002, -0.002, 0.0, 0.001)[step % 4]
        recorder.offer(8, 8, bytes(8 * 8 * 4), 50.0 + step / 60 + jitter)
    assert recorder.frame_count == 120


def test_gif_has_the_recorded_frames_and_size(tmp_path: Path) -> None:
    recorder = PlayRecorder()
    offer_play(recorder, 10.0, width=640, height=480)
    info = recorder.write_gif(tmp_path / "play.gif")

    assert isinstance(info, GifInfo)
    assert (info.frames, info.width, info.height) == (recorder.frame_count, 320, 240)
    assert info.duration_s == pytest.approx(8.0, abs=0.05)
    assert info.write_ms > 0
    with Image.open(info.path) as gif:
        assert gif.format == "GIF"
        assert gif.n_frames == recorder.frame_count == 120
        assert gif.size == (320, 240)
        assert gif.info["loop"] == 0
        gif.seek(0)
        colours = [colour for _count, colour in gif.convert("RGB").getcolors(256) or []]
    for expected in (BACKGROUND, BLOCK):  # B,G,R,X came through as the right colours
        assert any(max(abs(a - b) for a, b in zip(c, expected, strict=True)) <= 8 for c in colours)
    durations = gif_durations(info.path)
    assert sum(durations) == pytest.approx(8000, abs=50)
    assert set(durations) <= {60, 70}  # 1/15 s in whole centiseconds, without drift
    assert not list(tmp_path.glob("*.part"))  # written through a temporary file


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ((640, 480), (320, 240)),
        ((800, 600), (320, 240)),
        ((1000, 300), (320, 96)),
        ((641, 479), (320, 239)),
        ((300, 700), (300, 700)),  # narrow enough already: kept as it is
        ((160, 120), (160, 120)),
    ],
)
def test_downscale_keeps_the_aspect(tmp_path: Path, source, expected) -> None:  # noqa: ANN001
    assert downscaled_size(*source, 320) == expected
    recorder = PlayRecorder()
    offer_play(recorder, 0.3, width=source[0], height=source[1])
    info = recorder.write_gif(tmp_path / "aspect.gif")
    assert (info.width, info.height) == expected
    with Image.open(info.path) as gif:
        assert gif.size == expected


def test_colours_survive_the_conversion_from_bgrx(tmp_path: Path) -> None:
    recorder = PlayRecorder()
    red = bytes((0, 0, 255, 0)) * (100 * 50)  # B, G, R, X
    recorder.offer(100, 50, red, 1.0)
    info = recorder.write_gif(tmp_path / "red.gif")
    with Image.open(info.path) as gif:
        assert gif.convert("RGB").getpixel((50, 25)) == (255, 0, 0)
        assert gif.n_frames == 1


def test_nothing_recorded_is_a_value_error(tmp_path: Path) -> None:
    recorder = PlayRecorder()
    with pytest.raises(ValueError, match="nothing recorded"):
        recorder.write_gif(tmp_path / "empty.gif")
    offer_play(recorder, 1.0)
    recorder.clear()
    assert recorder.frame_count == 0
    with pytest.raises(ValueError):
        recorder.write_gif(tmp_path / "cleared.gif")
    assert not (tmp_path / "empty.gif").exists()
    assert not (tmp_path / "cleared.gif").exists()


def test_malformed_frames_are_refused() -> None:
    recorder = PlayRecorder()
    with pytest.raises(ValueError):
        recorder.offer(100, 100, b"\x00" * 100, 1.0)
    with pytest.raises(ValueError):
        recorder.offer(0, 10, b"", 2.0)
    with pytest.raises(ValueError):
        recorder.offer(-4, 10, b"\x00" * 400, 3.0)
    assert recorder.frame_count == 0


@pytest.mark.parametrize(
    ("seconds", "fps", "max_width"), [(0, 15, 320), (8, 0, 320), (8, 15, 0), (-1, 15, 320)]
)
def test_bad_settings_are_refused(seconds, fps, max_width) -> None:  # noqa: ANN001
    with pytest.raises(ValueError):
        PlayRecorder(seconds=seconds, fps=fps, max_width=max_width)


def test_a_new_frame_size_starts_the_recording_again(tmp_path: Path) -> None:
    recorder = PlayRecorder()
    offer_play(recorder, 2.0, width=64, height=48)
    offer_play(recorder, 1.0, width=80, height=80, start=1002.0)
    assert 14 <= recorder.frame_count <= 16
    info = recorder.write_gif(tmp_path / "resized.gif")
    assert (info.width, info.height) == (80, 80)


def test_a_pause_in_play_is_shortened_in_the_gif(tmp_path: Path) -> None:
    recorder = PlayRecorder()
    after = offer_play(recorder, 2.0)
    offer_play(recorder, 2.0, start=after + 60.0, first_step=500)  # paused for a minute
    info = recorder.write_gif(tmp_path / "paused.gif")
    assert info.duration_s == pytest.approx(4.0 + MAX_FRAME_GAP_S, abs=0.1)
    assert max(gif_durations(info.path)) == pytest.approx(MAX_FRAME_GAP_S * 1000, abs=10)


def test_identical_neighbours_become_one_longer_frame(tmp_path: Path) -> None:
    recorder = PlayRecorder()
    still = moving_block(64, 48, 0)
    for step in range(60):  # one second of a still picture, then a second of motion
        recorder.offer(64, 48, still, 10.0 + step / 60)
    offer_play(recorder, 1.0, start=11.0, first_step=1)
    info = recorder.write_gif(tmp_path / "still.gif")
    assert info.frames == recorder.frame_count - 14
    durations = gif_durations(info.path)
    assert len(durations) == info.frames
    assert durations[0] == pytest.approx(1000, abs=10)
    assert sum(durations) == pytest.approx(2000, abs=30)


def test_write_creates_the_folder_and_replaces_an_old_file(tmp_path: Path) -> None:
    recorder = PlayRecorder()
    offer_play(recorder, 0.5)
    target = tmp_path / "new" / "folder" / "play.gif"
    recorder.write_gif(target)
    target.write_bytes(b"an older capture")
    recorder.write_gif(target)
    with Image.open(target) as gif:
        assert gif.format == "GIF"
    assert sorted(path.name for path in target.parent.iterdir()) == ["play.gif"]


def test_an_unwritable_place_raises_and_leaves_nothing(tmp_path: Path) -> None:
    recorder = PlayRecorder()
    offer_play(recorder, 0.5)
    blocker = tmp_path / "captures"
    blocker.write_text("a file where the folder should be")
    with pytest.raises(OSError):
        recorder.write_gif(blocker / "play.gif")
    with pytest.raises(OSError):
        recorder.write_gif(tmp_path)  # a folder where the file should be
    assert sorted(path.name for path in tmp_path.iterdir()) == ["captures"]


def test_file_names_from_titles() -> None:
    from studio.qt.capture_control import title_slug

    assert title_slug("Snake") == "snake"
    assert title_slug("  Space Invaders: The Return!  ") == "space-invaders-the-return"
    assert title_slug("../../etc/passwd") == "etc-passwd"
    assert title_slug("贪吃蛇") == "贪吃蛇"
    assert title_slug("") == title_slug("!!!") == "game"
    assert len(title_slug("x" * 500)) <= 48


def test_capture_paths_never_overwrite(tmp_path: Path) -> None:
    from studio.qt.capture_control import capture_path

    now = datetime.datetime(2025, 3, 4, 5, 6, 7)
    first = capture_path(tmp_path, "Snake", now)
    assert first == tmp_path / "snake-20250304-050607.gif"
    first.write_bytes(b"taken")
    second = capture_path(tmp_path, "Snake", now)
    assert second.name == "snake-20250304-050607-2.gif"


# ----- F9 in the window ---------------------------------------------------------------


class ForwardingSink:
    """Passes input on to the game and remembers the keys, to show F9 never reaches it."""

    def __init__(self, host) -> None:  # noqa: ANN001
        self.host = host
        self.keys: list[int] = []

    def send_key(self, down: bool, key: int, mod: int, unicode: str, scancode: int) -> None:
        self.keys.append(key)
        self.host.send_key(down, key, mod, unicode, scancode)

    def send_mouse(self, kind, x, y, button, rel_x, rel_y, buttons) -> None:  # noqa: ANN001
        self.host.send_mouse(kind, x, y, button, rel_x, rel_y, buttons)


@pytest.fixture
def playing(qtbot, runner_settings, no_leaks, tmp_path):  # noqa: ANN001, ANN201
    """A window with a GameView playing the example snake in a real sandboxed runner."""
    from PySide6.QtWidgets import QVBoxLayout, QWidget

    from sandbox.host import GameHost
    from studio.qt.capture_control import GifCaptureControl
    from studio.qt.game_view import GameView

    host = GameHost(runner_settings)
    host.start()
    window = QWidget()
    qtbot.addWidget(window)
    sink = ForwardingSink(host)
    view = GameView(source=host, sink=sink)
    QVBoxLayout(window).addWidget(view)
    control = GifCaptureControl(window, view, tmp_path / "captures", lambda: "Snake")
    window.resize(660, 500)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    host.load_new(SNAKE.read_text(), "snake.py")
    yield control, view, sink
    window.close()
    host.close()


def test_f9_in_the_game_view_saves_a_gif_of_the_snake(qtbot, playing) -> None:  # noqa: ANN001
    from PySide6.QtCore import Qt

    control, view, sink = playing
    qtbot.waitUntil(lambda: control.recorder.frame_count >= 12, timeout=30000)
    qtbot.keyClick(view, Qt.Key.Key_Left)  # reaches the game, as before
    with qtbot.waitSignal(control.saved, timeout=20000) as saved:
        qtbot.keyClick(view, Qt.Key.Key_F9)
    info = saved.args[0]
    assert isinstance(info, GifInfo)
    assert info.path.parent == control.captures_dir
    assert info.path.name.startswith("snake-") and info.path.suffix == ".gif"
    assert (info.width, info.height) == (320, 240)  # the snake is 640x480
    with Image.open(info.path) as gif:
        assert gif.n_frames == info.frames >= 1
        assert gif.size == (320, 240)
    from studio.qt.keymap import KEYS

    assert sink.keys == [KEYS["LEFT"].key, KEYS["LEFT"].key]  # F9 never reached the game
    assert control.last_info == info


def test_a_second_press_while_writing_starts_no_second_writer(qtbot, playing) -> None:  # noqa: ANN001
    control, view, _sink = playing
    qtbot.waitUntil(lambda: control.recorder.frame_count >= 5, timeout=30000)
    saved: list[GifInfo] = []
    control.saved.connect(saved.append)
    assert control.capture() is True
    assert control.writing
    assert control.capture() is False  # the GIF being written already holds these seconds
    qtbot.waitUntil(lambda: not control.writing, timeout=20000)
    assert len(saved) == 1
    assert len(list(control.captures_dir.glob("*.gif"))) == 1

    assert control.capture() is True  # once it is done, F9 saves again, under a new name
    qtbot.waitUntil(lambda: len(saved) == 2, timeout=20000)
    assert saved[0].path != saved[1].path
    assert len(list(control.captures_dir.glob("*.gif"))) == 2


def test_f9_before_any_frame_says_what_to_do(qtbot, tmp_path) -> None:  # noqa: ANN001
    from PySide6.QtWidgets import QWidget

    from studio.qt.capture_control import GifCaptureControl
    from studio.qt.game_view import GameView

    window = QWidget()
    qtbot.addWidget(window)
    view = GameView(parent=window)
    control = GifCaptureControl(window, view, tmp_path / "captures", lambda: "Snake")
    with qtbot.waitSignal(control.failed, timeout=5000) as failed:
        control.action.trigger()
    message = failed.args[0]
    assert "play for a moment" in message and "F9" in message and "\n" not in message
    assert not control.writing
    assert not (tmp_path / "captures").exists()


def test_reset_forgets_the_old_game_and_a_bad_folder_is_reported(qtbot, tmp_path) -> None:  # noqa: ANN001
    from PySide6.QtWidgets import QWidget

    from studio.qt.capture_control import GifCaptureControl
    from studio.qt.game_view import GameView
    from tests.studio.test_game_view import FakeFrameSource, solid_frame

    window = QWidget()
    qtbot.addWidget(window)
    source = FakeFrameSource(solid_frame(40, 30, (200, 0, 0), number=1))
    view = GameView(source=source, parent=window)
    blocker = tmp_path / "captures"
    blocker.write_text("a file where the folder should be")
    control = GifCaptureControl(window, view, blocker, lambda: "Red")
    assert view.poll_frame()
    assert control.recorder.frame_count == 1
    control.reset()
    assert control.recorder.frame_count == 0
    source.frame = solid_frame(40, 30, (0, 0, 200), number=2)
    assert view.poll_frame()
    with qtbot.waitSignal(control.failed, timeout=20000) as failed:
        assert control.capture()
    message = failed.args[0]
    assert str(blocker) in message and "\n" not in message
    assert not control.writing

"""Thumbnails: PNGs from sandbox frames, and captures of real, broken and hostile games in the sandbox.

Real runner processes; pictures are read back with Pillow.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image

from studio.library.thumbnails import THUMBNAIL_SIZE, capture_thumbnail, png_from_bgrx

ROOT = Path(__file__).resolve().parents[2]
ASSETS = ROOT / "assets" / "pack"
STARTERS = ROOT / "assets" / "starters"
GAMES = ROOT / "tests" / "games"


def bgrx(width: int, height: int, rgb: tuple[int, int, int]) -> bytes:
    r, g, b = rgb
    return bytes((b, g, r, 0)) * (width * height)


def image_of(png: bytes) -> Image.Image:
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    image = Image.open(io.BytesIO(png))
    image.load()
    return image


# --- png_from_bgrx ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("size", "expected"),
    [
        ((640, 480), (256, 192)),  # 4:3 fills the box
        ((800, 600), (256, 192)),
        ((800, 200), (256, 64)),  # wide: width-bound
        ((300, 600), (96, 192)),  # tall: height-bound
        ((100, 50), (100, 50)),  # small: never enlarged
        ((256, 192), (256, 192)),
        ((4000, 1), (256, 1)),  # extreme shapes keep at least one pixel
        ((1, 4000), (1, 192)),
    ],
)
def test_png_sizes_keep_the_aspect(size: tuple[int, int], expected: tuple[int, int]) -> None:
    image = image_of(png_from_bgrx(*size, bgrx(*size, (10, 200, 30))))
    assert image.size == expected
    assert image.convert("RGB").getpixel((0, 0)) == (10, 200, 30)


def test_png_colours_are_the_frame_colours() -> None:
    # Left half red, right half blue, in the runner's B,G,R,X byte order.
    width, height = 8, 2
    row = bgrx(4, 1, (255, 0, 0)) + bgrx(4, 1, (0, 0, 255))
    image = image_of(png_from_bgrx(width, height, row * height)).convert("RGB")
    assert image.size == (8, 2)
    assert image.getpixel((0, 1)) == (255, 0, 0) and image.getpixel((7, 0)) == (0, 0, 255)


def test_png_takes_other_boxes_and_buffers() -> None:
    pixels = bytearray(bgrx(640, 480, (1, 2, 3)))
    assert image_of(png_from_bgrx(640, 480, memoryview(pixels), max_size=(64, 64))).size == (64, 48)
    assert THUMBNAIL_SIZE == (256, 192)


@pytest.mark.parametrize(
    ("width", "height", "length"),
    [(0, 10, 400), (10, -1, 400), (10, 10, 399), (10, 10, 0)],
)
def test_png_refuses_sizes_that_do_not_match_the_pixels(
    width: int, height: int, length: int
) -> None:
    with pytest.raises(ValueError):
        png_from_bgrx(width, height, b"\x00" * length)


def test_png_refuses_an_empty_box() -> None:
    with pytest.raises(ValueError):
        png_from_bgrx(4, 4, bgrx(4, 4, (0, 0, 0)), max_size=(0, 10))


# --- capture_thumbnail: real games --------------------------------------------------------------


@pytest.mark.parametrize(
    "game",
    [STARTERS / "snake.py", STARTERS / "breakout.py", GAMES / "benign" / "tetris.py"],
    ids=lambda p: p.stem,
)
def test_a_real_game_is_captured_in_the_sandbox(game: Path, no_leaks: None) -> None:
    png = capture_thumbnail(game.read_text(encoding="utf-8"), ASSETS)
    assert png is not None, f"{game.name} gave no thumbnail"
    image = image_of(png).convert("RGB")
    assert image.width <= THUMBNAIL_SIZE[0] and image.height <= THUMBNAIL_SIZE[1]
    assert THUMBNAIL_SIZE[0] in image.size or THUMBNAIL_SIZE[1] in image.size
    colours = image.getcolors(maxcolors=1 << 16)
    assert colours is None or len(colours) > 3, "the thumbnail is (nearly) one flat colour"


def test_the_captured_frame_is_the_one_the_game_drew(no_leaks: None) -> None:
    # The game counts its frames into its colour, so the picture says which frame it is.
    code = (
        '"""Counter."""\nimport pygame\nWIDTH, HEIGHT = 320, 240\nn = 0\n'
        "def update(dt):\n    global n\n    n += 1\n"
        "def draw(screen):\n    screen.fill((n, 255 - n, 77))\n"
    )
    png = capture_thumbnail(code, ASSETS, frames=20)
    assert png is not None
    image = image_of(png).convert("RGB")
    assert image.size == (256, 192)
    r, g, b = image.getpixel((10, 10))
    assert (r, g, b) == (20, 235, 77)
    # Seeded and on virtual time, so the same code gives the same picture.
    assert capture_thumbnail(code, ASSETS, frames=20) == png


def test_a_classic_script_is_captured(no_leaks: None) -> None:
    code = (
        "import pygame\npygame.init()\nscreen = pygame.display.set_mode((200, 100))\n"
        "clock = pygame.time.Clock()\nrunning = True\nwhile running:\n"
        "    for event in pygame.event.get():\n        if event.type == pygame.QUIT:\n            running = False\n"
        "    screen.fill((0, 90, 200))\n    pygame.draw.circle(screen, (255, 255, 0), (100, 50), 30)\n"
        "    pygame.display.flip()\n    clock.tick(60)\n"
    )
    png = capture_thumbnail(code, ASSETS)
    assert png is not None
    image = image_of(png).convert("RGB")
    assert image.size == (200, 100)
    assert image.getpixel((0, 0)) == (0, 90, 200) and image.getpixel((100, 50)) == (255, 255, 0)


# --- capture_thumbnail: broken and hostile games ------------------------------------------------


@pytest.mark.parametrize(
    "code",
    [
        "def draw(screen:\n",  # syntax error
        "import pygame\ndef update(dt):\n    raise ValueError('boom')\n",
        "import pygame\nn = 0\ndef update(dt):\n    global n\n    n += 1\n    if n > 10:\n        1 / 0\n"
        "def draw(screen):\n    screen.fill((9, 9, 9))\n",  # fails after some frames
        "import os\nos.system('true')\n",  # refused
        "raise SystemExit(3)\n",
        "",
    ],
    ids=["syntax", "raises", "raises-later", "refused", "exits-at-once", "empty"],
)
def test_a_broken_game_gives_no_thumbnail(code: str, no_leaks: None) -> None:
    assert capture_thumbnail(code, ASSETS) is None


def test_a_hung_game_gives_no_thumbnail(no_leaks: None) -> None:
    code = (GAMES / "hostile" / "loop_in_update.py").read_text(encoding="utf-8")
    assert capture_thumbnail(code, ASSETS, timeout_s=6.0) is None


def test_a_game_that_never_shows_a_frame_times_out(no_leaks: None) -> None:
    code = "import time\nimport pygame\nWIDTH, HEIGHT = 64, 64\nx = 0\nwhile True:\n    x += 1\n"
    assert capture_thumbnail(code, ASSETS, timeout_s=2.0) is None


@pytest.mark.parametrize(
    "name",
    ["file_write_open", "os_system", "signal_kill_parent", "memory_list_bomb", "socket_connect"],
)
def test_a_hostile_game_is_contained(name: str, no_leaks: None) -> None:
    markers = list(Path("/tmp").glob("minigame-pwned-*"))
    for marker in markers:
        marker.unlink(missing_ok=True)
    png = capture_thumbnail(
        (GAMES / "hostile" / f"{name}.py").read_text(encoding="utf-8"), ASSETS, timeout_s=8.0
    )
    assert list(Path("/tmp").glob("minigame-pwned-*")) == [], f"{name} wrote a marker file"
    if name != "file_write_open":  # that one may run: its writes stay in the runner's memory
        assert png is None
    else:
        assert png is None or image_of(png).size[0] > 0

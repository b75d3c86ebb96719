"""End to end in a real X server: `studio "PROMPT"` as a subprocess under Xvfb makes a game
from the fake model server, xdotool types into the game, and the window's own screenshot
(the MINIGAME_SCREENSHOT hook: it grabs itself one second after the game's first frame,
then quits) shows a game area that is not blank and that the keys reached.

The screenshot is kept as test-artifacts/end_to_end.png at the repository root.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from collections import Counter
from pathlib import Path

import pytest

from tests.fake_openai import FakeOpenAI, Reply

ROOT = Path(__file__).resolve().parents[2]
ARTIFACT = ROOT / "test-artifacts" / "end_to_end.png"
SCREEN = "1280x800x24"
TIMEOUT_S = 120  # a deadline that turns a hang into a failure, not a speed requirement
MODEL = "fake-coder-1"

SKY, SKY_AFTER_KEY, BALL = (20, 24, 80), (20, 120, 40), (250, 220, 60)

KEY_BALL = textwrap.dedent('''
    """Key Ball. A ball bounces; any key turns the sky green."""
    import pygame
    WIDTH, HEIGHT = 640, 480
    state = {"x": 120.0, "y": 100.0, "dx": 240.0, "dy": 180.0, "pressed": False}
    def update(dt):
        state["x"] += state["dx"] * dt
        state["y"] += state["dy"] * dt
        if not 24 < state["x"] < WIDTH - 24:
            state["dx"] = -state["dx"]
        if not 24 < state["y"] < HEIGHT - 44:
            state["dy"] = -state["dy"]
    def on_key_down(key):
        state["pressed"] = True
    def draw(screen):
        screen.fill(SKY_AFTER_KEY if state["pressed"] else SKY)
        pygame.draw.rect(screen, (230, 230, 230), (0, HEIGHT - 20, WIDTH, 20))
        pygame.draw.circle(screen, BALL, (int(state["x"]), int(state["y"])), 24)
        font = pygame.font.Font(None, 36)
        screen.blit(font.render("Key Ball: press any key", True, (255, 255, 255)), (20, 20))
''').lstrip().replace("SKY_AFTER_KEY", repr(SKY_AFTER_KEY)).replace("SKY", repr(SKY)).replace("BALL", repr(BALL))

# Runs inside xvfb-run: the studio in the background; once its window exists, xdotool
# focuses it, clicks into the game view (a click gives it focus) and presses Space every
# 100 ms until the studio quits after its screenshot. Presses before the game is loaded
# go nowhere; the first one after it turns the sky green.
DRIVER = r'''
"$@" &
studio=$!
if command -v xdotool >/dev/null; then
  window=$(timeout 60 xdotool search --sync --onlyvisible --name "Minigame Studio" | head -n 1)
  if [ -n "$window" ]; then
    xdotool windowfocus "$window" || true
    xdotool mousemove --window "$window" 900 400 click 1 || true
    while kill -0 "$studio" 2>/dev/null; do
      xdotool key space 2>/dev/null || true
      sleep 0.1
    done
  fi
fi
wait "$studio"
'''


def _studio_command() -> list[str]:
    script = Path(sys.executable).with_name("studio")
    return [str(script)] if script.exists() else [sys.executable, "-m", "studio"]


def _child_environment(screenshot: Path, api_key: str) -> dict[str, str]:
    environment = dict(os.environ)
    environment.pop("QT_QPA_PLATFORM", None)  # the real X server, not offscreen
    environment.update(
        MINIGAME_SCREENSHOT=str(screenshot),
        OPENAI_API_KEY=api_key,
        SDL_AUDIODRIVER="dummy",
        MINIGAME_STUDIO_HOME=os.environ["MINIGAME_STUDIO_HOME"],
    )
    return environment


def _check_qt_can_use_x(environment: dict[str, str]) -> None:
    """Fail with the reason when Qt's xcb plugin cannot start (missing Debian libraries)."""
    probe = subprocess.run(
        ["xvfb-run", "-a", "-s", f"-screen 0 {SCREEN}", sys.executable, "-c",
         "from PySide6.QtWidgets import QApplication; QApplication([])"],
        env={**environment, "QT_DEBUG_PLUGINS": "1"}, capture_output=True, text=True, timeout=60,
    )
    if probe.returncode != 0:
        missing = sorted({line.split(":")[-2].strip() for line in probe.stderr.splitlines() if "cannot open shared object" in line})
        pytest.fail(
            "Qt cannot open the X display: its xcb plugin does not load"
            + (f" (missing {', '.join(missing)}: Debian packages libxcb-icccm4 and libxcb-keysyms1)" if missing else "")
            + f"\n{probe.stderr[-2000:]}"
        )


def _game_area_colours(png: Path) -> tuple[Counter[tuple[int, int, int]], int]:
    """Colours of the middle of the game view: the right part of the window, below the prompt."""
    from PySide6.QtGui import QImage

    image = QImage(str(png))
    assert not image.isNull(), f"{png} is not a readable image"
    width, height = image.width(), image.height()
    colours: Counter[tuple[int, int, int]] = Counter()
    # The code view takes the left ~40 %, the game view the rest; toolbar and prompt sit
    # above (~8 %), the error panel and status bar below (~20 %).
    for y in range(int(height * 0.10), int(height * 0.78)):
        for x in range(int(width * 0.45), int(width * 0.98)):
            colour = image.pixelColor(x, y)
            colours[(colour.red(), colour.green(), colour.blue())] += 1
    return colours, sum(colours.values())


@pytest.mark.skipif(shutil.which("xvfb-run") is None, reason="xvfb-run is missing (./dev test installs Debian's xvfb)")
def test_studio_makes_a_game_in_a_real_x_server_and_its_screenshot_shows_it(tmp_path, no_leaks) -> None:  # noqa: ANN001
    screenshot = tmp_path / "studio.png"
    with FakeOpenAI(tokens_per_s=3000) as server:
        server.script(Reply(text=f"```python\n{KEY_BALL}```\n"))
        environment = _child_environment(screenshot, server.api_key)
        _check_qt_can_use_x(environment)
        command = ["xvfb-run", "-a", "-s", f"-screen 0 {SCREEN}", "bash", "-c", DRIVER, "driver"]
        command += _studio_command() + ["a bouncing ball game", "--base-url", server.base_url, "--model", MODEL]
        finished = subprocess.run(command, env=environment, capture_output=True, text=True, timeout=TIMEOUT_S, cwd=tmp_path)
        chat = server.chat_requests

    assert finished.returncode == 0, f"studio exited with {finished.returncode}\n{finished.stderr[-3000:]}"
    assert len(chat) == 1 and "bouncing ball" in str(chat[0].body["messages"])
    assert screenshot.is_file(), f"no screenshot was written\n{finished.stderr[-3000:]}"
    ARTIFACT.parent.mkdir(exist_ok=True)
    shutil.copyfile(screenshot, ARTIFACT)

    colours, sampled = _game_area_colours(screenshot)
    most_common, count = colours.most_common(1)[0]
    assert len(colours) >= 8 and count < 0.995 * sampled, f"the game area looks blank: {colours.most_common(5)}"
    # The game's own picture, not a message on black: its sky and its ball are there.
    assert most_common in (SKY, SKY_AFTER_KEY), f"the game's sky is not in the game area: {colours.most_common(5)}"
    assert colours[BALL] > 100, f"the ball is not in the game area: {colours.most_common(5)}"
    if shutil.which("xdotool"):
        # Space pressed through the X server reached the game: the sky turned green.
        assert most_common == SKY_AFTER_KEY, f"the keys did not reach the game: {colours.most_common(5)}"

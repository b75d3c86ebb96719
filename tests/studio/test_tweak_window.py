"""Live tweaks in the studio window, driven like a user drives it: a real StudioSession and
StudioWindow, real runners, the real openai client against the fake model server, offscreen Qt.

The games draw their state into their pixels (the snake's length and head in a corner
patch, a counter in another), so each test reads what the running game really holds.
Every wait has a generous deadline that only turns a hang into a failure; no test asserts
on how long anything took.
"""

from __future__ import annotations

import textwrap
import time

import pytest

pytest.importorskip("pytestqt")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QApplication, QToolButton  # noqa: E402

from sandbox.frames import Frame  # noqa: E402
from studio.pipeline.continuation import CONTINUE_INSTRUCTION  # noqa: E402
from studio.pipeline.tweak_prompts import TWEAK_SYSTEM_PROMPT  # noqa: E402
from studio.qt.main_window import StudioWindow  # noqa: E402
from studio.settings import ModelChoice  # noqa: E402
from tests.fake_openai import FakeOpenAI, Reply  # noqa: E402

WAIT_MS = 20_000  # a deadline, not a speed requirement
MODEL = "fake-coder-1"


def _game(text: str) -> str:
    return textwrap.dedent(text).lstrip()


def _reply(code: str) -> Reply:
    return Reply(text=f"Here is your game.\n\n```python\n{code}```\n")


def _edit(search: str, replace: str) -> Reply:
    return Reply(text=f"<<<<<<< SEARCH\n{search}\n=======\n{replace}\n>>>>>>> REPLACE\n")


# A snake of cells; any key grows it one cell to the right. The corner patch holds
# (length, head x, head y) as its colour.
SNAKE_HEAD = _game('''
    """Snake. Any key grows the snake by one cell."""
    import pygame

    WIDTH, HEIGHT = 160, 120
    CELL = 10
    SNAKE_COLOR = (0, 200, 0)
    BACKGROUND = (0, 0, 0)
    snake = [(5, 5), (4, 5), (3, 5)]
''')
SNAKE_TAIL = _game('''


    def on_key_down(key):
        global snake
        head_x, head_y = snake[0]
        snake = [(head_x + 1, head_y)] + snake


    def draw(screen):
        screen.fill(BACKGROUND)
        for x, y in snake:
            pygame.draw.rect(screen, SNAKE_COLOR, (x * CELL, y * CELL, CELL, CELL))
        head_x, head_y = snake[0]
        screen.fill((len(snake), head_x, head_y), (150, 110, 10, 10))
''')
SNAKE_GAME = SNAKE_HEAD + SNAKE_TAIL
GREEN, BLUE, BLACK, YELLOW = (0, 200, 0), (0, 0, 220), (0, 0, 0), (255, 220, 0)

COUNTER_GAME = _game('''
    """Counter. A counter that keeps counting."""
    import pygame

    WIDTH, HEIGHT = 160, 120
    COLOUR = (200, 0, 0)
    count = 0


    def update(dt):
        global count
        count += 1


    def draw(screen):
        screen.fill(COLOUR)
        pygame.draw.rect(screen, (0, count // 256 % 256, count % 256), (0, 0, 8, 8))
''')


# -- helpers ------------------------------------------------------------------------------


def _rgb(frame: Frame, x: int, y: int) -> tuple[int, int, int]:
    """(R, G, B) of a frame pixel; frames hold B,G,R,X bytes."""
    offset = (y * frame.width + x) * 4
    b, g, r = frame.pixels[offset : offset + 3]
    return (r, g, b)


def _latest(window: StudioWindow) -> Frame | None:
    """The playing game's newest frame (a read racing the runner's write is tried again)."""
    deadline = time.monotonic() + 2.0
    while True:
        frame = window.session.host.latest_frame()
        if frame is not None or time.monotonic() > deadline:
            return frame
        time.sleep(0.005)


def _snake(window: StudioWindow) -> tuple[tuple[int, int, int], list[tuple[int, int, int]]] | None:
    """((length, head x, head y), the colour of every cell of row 5 from x=0 to 14)."""
    frame = _latest(window)
    if frame is None or frame.width != 160:
        return None
    state = _rgb(frame, 155, 115)
    row = [_rgb(frame, x * 10 + 5, 5 * 10 + 5) for x in range(15)]
    return state, row


def _snake_state(window: StudioWindow) -> tuple[int, int, int] | None:
    seen = _snake(window)
    return None if seen is None else seen[0]


def _centre(window: StudioWindow) -> tuple[int, int, int] | None:
    frame = _latest(window)
    return None if frame is None else _rgb(frame, frame.width // 2, frame.height // 2)


def _count(window: StudioWindow) -> int:
    """COUNTER_GAME's counter, read from its corner patch."""
    frame = _latest(window)
    assert frame is not None
    _, g, b = _rgb(frame, 2, 2)
    return g * 256 + b


def _type_and_enter(qtbot, window: StudioWindow, text: str) -> None:  # noqa: ANN001
    """Type in the prompt box and press Enter: no Ctrl+N, so a running game is tweaked."""
    window.prompt.setFocus()
    window.prompt.selectAll()
    qtbot.keyClicks(window.prompt, text)
    assert not window.new_game_action.isChecked()
    qtbot.keyClick(window.prompt, Qt.Key.Key_Return)


def _wait_for_game(qtbot, window: StudioWindow) -> None:  # noqa: ANN001
    qtbot.waitUntil(lambda: window.game_view.frames_received > 0, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: window.game_view.message is None, timeout=WAIT_MS)


def _wait_idle(qtbot, window: StudioWindow) -> None:  # noqa: ANN001
    qtbot.waitUntil(lambda: not window.session.making, timeout=WAIT_MS)


def _focus_game(qtbot, window: StudioWindow) -> None:  # noqa: ANN001
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=WAIT_MS)
    qtbot.mouseClick(window.game_view, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(window.game_view.hasFocus, timeout=WAIT_MS)


def _key_on_focus(qtbot, key: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:  # noqa: ANN001
    widget = QApplication.focusWidget()
    assert widget is not None
    qtbot.keyClick(widget, key, modifiers)


def all_text(request) -> str:  # noqa: ANN001
    """Every message of a recorded chat request, as one text."""
    return "\n".join(str(m.get("content")) for m in request.body["messages"])


CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


# -- fixtures -----------------------------------------------------------------------------




def online(server: FakeOpenAI, preset: str = "custom") -> ModelChoice:
    return ModelChoice(False, "test", preset, server.base_url, MODEL, server.api_key)


# -- the blue snake -------------------------------------------------------------------------


def test_make_the_snake_blue_keeps_its_length_and_position(qtbot, open_window) -> None:  # noqa: ANN001
    with FakeOpenAI(tokens_per_s=3000) as server:
        server.script(
            _reply(SNAKE_GAME),
            _edit("SNAKE_COLOR = (0, 200, 0)", "SNAKE_COLOR = (0, 0, 220)"),
        )
        window = open_window(online(server))
        _type_and_enter(qtbot, window, "a snake that grows when I press a key")
        _wait_for_game(qtbot, window)
        _wait_idle(qtbot, window)
        qtbot.waitUntil(lambda: _snake_state(window) == (3, 5, 5), timeout=WAIT_MS)
        made_id = window.history.current_id
        assert made_id is not None

        # Grow it: three keys on the focused game view.
        _focus_game(qtbot, window)
        for grown in range(1, 4):
            _key_on_focus(qtbot, Qt.Key.Key_Right)
            qtbot.waitUntil(lambda n=grown: _snake_state(window) == (3 + n, 5 + n, 5), timeout=WAIT_MS)
        runner = window.session.host.runner_pid
        assert _snake(window)[1] == [BLACK] * 3 + [GREEN] * 6 + [BLACK] * 6

        _type_and_enter(qtbot, window, "make the snake blue")  # a game runs: this is a tweak
        qtbot.waitUntil(lambda: (_snake(window) or ((), []))[1][8:9] == [BLUE], timeout=WAIT_MS)
        state, row = _snake(window)
        assert state == (6, 8, 5)  # same length, same head
        assert row == [BLACK] * 3 + [BLUE] * 6 + [BLACK] * 6  # the same cells, now blue
        assert window.session.host.runner_pid == runner  # swapped in place, not restarted
        _wait_idle(qtbot, window)
        assert window.errors.count() == 0

        blue_code = SNAKE_GAME.replace("SNAKE_COLOR = (0, 200, 0)", "SNAKE_COLOR = (0, 0, 220)")
        assert window.session.last_code == blue_code
        qtbot.waitUntil(lambda: window.code_view.code() == blue_code, timeout=WAIT_MS)
        make_request, tweak_request = server.chat_requests
        messages = tweak_request.body["messages"]
        assert messages[0]["content"] == TWEAK_SYSTEM_PROMPT
        assert SNAKE_GAME.rstrip() in messages[-1]["content"]
        assert "make the snake blue" in messages[-1]["content"]

        tweak_id = window.history.current_id
        tweak = window.session.store.get(tweak_id)
        assert tweak is not None and tweak.kind == "tweak" and tweak.parent_id == made_id
        assert tweak.code == blue_code
        assert window.history.steps == (made_id, tweak_id)


# -- interrupt and redirect -----------------------------------------------------------------

FILLER_ROWS = 80  # each row takes a few dozen ms at 200 tokens/s: the stream is long
SLOW_FIRST_REPLY = (
    "```python\n"
    + SNAKE_HEAD
    + "NOTES = [\n"
    + "".join(f'    "row {i}: words that only make this reply take its time to stream",\n' for i in range(FILLER_ROWS))
    + "]\n"
    + SNAKE_TAIL
    + "```\n"
)
# The second instruction: a yellow border round the board.
BORDER_TAIL = SNAKE_TAIL + "    pygame.draw.rect(screen, (255, 220, 0), (0, 0, WIDTH, HEIGHT), 2)\n"
OVERLAP = "BACKGROUND = (0, 0, 0)\nsnake = [(5, 5), (4, 5), (3, 5)]\n"  # the head's last 2 lines
assert SNAKE_HEAD.endswith(OVERLAP)
BORDERED_GAME = SNAKE_HEAD + BORDER_TAIL


@pytest.mark.parametrize(
    ("preset", "continuation_text"),
    [
        # Style unknown: a continuation request, answered with a fenced block.
        ("custom", "```python\n" + OVERLAP + BORDER_TAIL + "```\n"),
        # vLLM: the partial code as a final assistant message to continue; raw code back.
        ("vllm", OVERLAP + BORDER_TAIL + "```\n"),
    ],
)
def test_a_new_instruction_while_streaming_continues_from_the_partial_code(
    qtbot, open_window, preset: str, continuation_text: str  # noqa: ANN001
) -> None:
    with FakeOpenAI(tokens_per_s=200) as server:
        server.script(Reply(text=SLOW_FIRST_REPLY), Reply(text=continuation_text))
        window = open_window(online(server, preset))
        _type_and_enter(qtbot, window, "a snake that grows when I press a key")
        qtbot.waitUntil(lambda: "NOTES = [" in window.code_view.code(), timeout=WAIT_MS)
        assert window.session.making and window.code_view.streaming

        _type_and_enter(qtbot, window, "draw a yellow border")  # no Ctrl+N: a redirect
        _wait_for_game(qtbot, window)
        _wait_idle(qtbot, window)

        first, second = server.wait_until_idle()[-2:]
        assert first.disconnected_early and first.chunks_sent < len(SLOW_FIRST_REPLY) // 8
        assert not second.disconnected_early
        messages = second.body["messages"]
        carried = "\n".join(str(m["content"]) for m in messages if m["role"] == "assistant")
        assert carried, messages
        assert SNAKE_HEAD in carried  # the partial code, never from zero...
        assert "NOTES" not in carried  # ...cut back to what parses
        users = [str(m["content"]) for m in messages if m["role"] == "user"]
        assert "grows when I press a key" in users[0] and "Also: draw a yellow border" in users[0]
        if preset == "custom":
            assert messages[-1] == {"role": "user", "content": CONTINUE_INSTRUCTION}
        else:
            assert messages[-1]["role"] == "assistant"
            assert second.body.get("continue_final_message") is True
            assert second.assistant_prefix is not None and second.assistant_prefix.endswith(SNAKE_HEAD)

        # The joined program: the partial code plus the rest, the 2 repeated lines trimmed.
        assert window.session.last_code == BORDERED_GAME
        qtbot.waitUntil(lambda: window.code_view.code() == BORDERED_GAME, timeout=WAIT_MS)
        assert window.errors.count() == 0

        # Both instructions hold: a snake that grows on a key, and a yellow border.
        qtbot.waitUntil(lambda: _snake_state(window) == (3, 5, 5), timeout=WAIT_MS)
        frame = _latest(window)
        assert frame is not None
        assert _rgb(frame, 0, 0) == YELLOW and _rgb(frame, 80, 119) == YELLOW
        assert _snake(window)[1][:7] == [BLACK] * 3 + [GREEN] * 3 + [BLACK]
        _focus_game(qtbot, window)
        _key_on_focus(qtbot, Qt.Key.Key_Space)
        qtbot.waitUntil(lambda: _snake_state(window) == (4, 6, 5), timeout=WAIT_MS)
        assert _snake(window)[1][6] == GREEN

        version = window.session.store.get(window.history.current_id)
        assert version is not None and version.code == BORDERED_GAME
        assert "draw a yellow border" in version.prompt


# -- undo, redo, restore ----------------------------------------------------------------------

RED, BLUE_FILL, GREEN_FILL = (200, 0, 0), (0, 0, 200), (0, 200, 0)
BLUE_COUNTER = COUNTER_GAME.replace("COLOUR = (200, 0, 0)", "COLOUR = (0, 0, 200)")
GREEN_COUNTER = COUNTER_GAME.replace("COLOUR = (200, 0, 0)", "COLOUR = (0, 200, 0)")


def _restore_button(window: StudioWindow) -> QToolButton:
    for button in window.history_panel.findChildren(QToolButton):
        if button.defaultAction() is window.history_panel.restore_action:
            return button
    raise AssertionError("no Restore button in the History dock")


def _goes_on_counting(qtbot, window: StudioWindow, colour: tuple[int, int, int], at_least: int) -> None:  # noqa: ANN001
    """The game shows `colour`, and its counter carried on from `at_least` (state kept)."""
    qtbot.waitUntil(lambda: _centre(window) == colour, timeout=WAIT_MS)
    assert _count(window) >= at_least
    later = _count(window)
    qtbot.waitUntil(lambda: _count(window) > later, timeout=WAIT_MS)


def test_undo_redo_and_restore_round_trip_through_the_history_dock(qtbot, open_window) -> None:  # noqa: ANN001
    with FakeOpenAI(tokens_per_s=5000) as server:
        server.script(
            _reply(COUNTER_GAME),
            _edit("COLOUR = (200, 0, 0)", "COLOUR = (0, 0, 200)"),
            _edit("COLOUR = (0, 0, 200)", "COLOUR = (0, 200, 0)"),
        )
        window = open_window(online(server))
        history, panel, store = window.history, window.history_panel, window.session.store

        _type_and_enter(qtbot, window, "a counter")
        _wait_for_game(qtbot, window)
        _wait_idle(qtbot, window)
        qtbot.waitUntil(lambda: _centre(window) == RED, timeout=WAIT_MS)
        made = history.current_id
        _type_and_enter(qtbot, window, "make it blue")
        qtbot.waitUntil(lambda: _centre(window) == BLUE_FILL, timeout=WAIT_MS)
        _wait_idle(qtbot, window)
        blue = history.current_id
        _type_and_enter(qtbot, window, "make it green")
        qtbot.waitUntil(lambda: _centre(window) == GREEN_FILL, timeout=WAIT_MS)
        _wait_idle(qtbot, window)
        green = history.current_id
        assert made is not None and blue is not None and green is not None
        assert history.steps == (made, blue, green)
        assert [store.get(i).kind for i in (made, blue, green)] == ["make", "tweak", "tweak"]
        assert store.get(green).parent_id == blue and store.get(blue).parent_id == made
        assert store.recent(1)[0].id == green  # the newest version in the library
        runner = window.session.host.runner_pid

        # Ctrl+Z with the game view focused: back one version, its code and its behaviour.
        _focus_game(qtbot, window)
        counted = _count(window)
        _key_on_focus(qtbot, Qt.Key.Key_Z, CTRL)
        _goes_on_counting(qtbot, window, BLUE_FILL, counted)
        assert history.current_id == blue and window.code_view.code() == BLUE_COUNTER
        assert window.session.last_code == BLUE_COUNTER

        counted = _count(window)
        _key_on_focus(qtbot, Qt.Key.Key_Z, CTRL)
        _goes_on_counting(qtbot, window, RED, counted)
        assert history.current_id == made and window.code_view.code() == COUNTER_GAME
        assert not panel.undo_action.isEnabled()

        # Ctrl+Shift+Z: forward again.
        counted = _count(window)
        _key_on_focus(qtbot, Qt.Key.Key_Z, CTRL_SHIFT)
        _goes_on_counting(qtbot, window, BLUE_FILL, counted)
        assert history.current_id == blue and window.code_view.code() == BLUE_COUNTER
        assert history.steps == (made, blue, green) and history.can_redo

        # Restore an older entry from the dock: it plays, and it is a new step.
        panel.select(made)
        counted = _count(window)
        qtbot.mouseClick(_restore_button(window), Qt.MouseButton.LeftButton)
        _goes_on_counting(qtbot, window, RED, counted)
        assert history.current_id == made and window.code_view.code() == COUNTER_GAME
        assert history.steps == (made, blue, made)
        assert not history.can_redo
        listed = [entry.version_id for entry in history.entries()]
        assert listed == [green, blue, made]  # the cleared redo step is still listed

        # Undo after a restore comes back to where the restore was made.
        _focus_game(qtbot, window)
        counted = _count(window)
        _key_on_focus(qtbot, Qt.Key.Key_Z, CTRL)
        _goes_on_counting(qtbot, window, BLUE_FILL, counted)
        assert history.current_id == blue

        # The green version, cleared from redo, is restored by double-clicking its entry.
        item = next(
            panel.list.item(row) for row in range(panel.list.count())
            if panel.list.item(row).data(Qt.ItemDataRole.UserRole) == green
        )
        rect = panel.list.visualItemRect(item)
        # A user's double-click starts with a press (QTest's mouseDClick alone sends none).
        qtbot.mouseClick(panel.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(panel.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        _goes_on_counting(qtbot, window, GREEN_FILL, 0)
        assert history.current_id == green and history.steps == (made, blue, green)

        # Undo, redo and restore played stored versions: no new version, the same runner.
        assert store.recent(1)[0].id == green
        assert window.session.host.runner_pid == runner
        assert window.errors.count() == 0
        assert len(server.chat_requests) == 3


def test_ctrl_z_in_the_code_editor_undoes_text_not_versions(qtbot, open_window) -> None:  # noqa: ANN001
    with FakeOpenAI(tokens_per_s=5000) as server:
        server.script(_reply(COUNTER_GAME), _edit("COLOUR = (200, 0, 0)", "COLOUR = (0, 0, 200)"))
        window = open_window(online(server))
        history, view = window.history, window.code_view
        _type_and_enter(qtbot, window, "a counter")
        _wait_for_game(qtbot, window)
        _wait_idle(qtbot, window)
        _type_and_enter(qtbot, window, "make it blue")
        qtbot.waitUntil(lambda: _centre(window) == BLUE_FILL, timeout=WAIT_MS)
        _wait_idle(qtbot, window)
        qtbot.waitUntil(lambda: view.code() == BLUE_COUNTER and not view.streaming, timeout=WAIT_MS)
        blue = history.current_id

        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow, timeout=WAIT_MS)
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton)
        qtbot.waitUntil(view.hasFocus, timeout=WAIT_MS)
        view.moveCursor(view.textCursor().MoveOperation.End)
        qtbot.keyClicks(view, "# mine")
        assert view.code() == BLUE_COUNTER + "# mine"
        qtbot.keyClick(view, Qt.Key.Key_Z, CTRL)
        assert view.code() == BLUE_COUNTER  # the typing went, not the version
        assert history.current_id == blue
        qtbot.wait(300)
        assert _centre(window) == BLUE_FILL
        qtbot.keyClick(view, Qt.Key.Key_Z, CTRL_SHIFT)
        assert view.code() == BLUE_COUNTER + "# mine"  # redo of the text, too
        assert history.current_id == blue

        # Back on the game view, Ctrl+Z steps through versions again.
        _focus_game(qtbot, window)
        _key_on_focus(qtbot, Qt.Key.Key_Z, CTRL)
        qtbot.waitUntil(lambda: _centre(window) == RED, timeout=WAIT_MS)
        assert history.current_id != blue and view.code() == COUNTER_GAME


# -- a tweak that breaks the game -------------------------------------------------------------

BREAKING_EDIT = _edit("    count += 1", "    count += 1 / 0")
BROKEN_COUNTER = COUNTER_GAME.replace("    count += 1\n", "    count += 1 / 0\n")
FASTER_COUNTER = COUNTER_GAME.replace("    count += 1\n", "    count += 2\n").replace(
    "COLOUR = (200, 0, 0)", "COLOUR = (0, 0, 200)"
)


def _made_counter(qtbot, window: StudioWindow) -> int:  # noqa: ANN001
    _type_and_enter(qtbot, window, "a counter")
    _wait_for_game(qtbot, window)
    _wait_idle(qtbot, window)
    qtbot.waitUntil(lambda: _centre(window) == RED and _count(window) > 10, timeout=WAIT_MS)
    made = window.history.current_id
    assert made is not None
    return made


def test_a_tweak_that_raises_is_repaired_once_and_the_repair_keeps_the_state(qtbot, open_window) -> None:  # noqa: ANN001
    with FakeOpenAI(tokens_per_s=5000) as server:
        server.script(_reply(COUNTER_GAME), BREAKING_EDIT, _reply(FASTER_COUNTER))
        window = open_window(online(server))
        made = _made_counter(qtbot, window)
        runner = window.session.host.runner_pid
        counted = _count(window)

        _type_and_enter(qtbot, window, "count faster and turn blue")
        qtbot.waitUntil(lambda: _centre(window) == BLUE_FILL, timeout=WAIT_MS)
        _wait_idle(qtbot, window)
        assert _count(window) >= counted  # the repaired code kept the counter
        assert window.session.host.runner_pid == runner
        tweak_request, repair_request = server.chat_requests[1:]
        assert "division" in all_text(repair_request) and "1 / 0" in all_text(repair_request)
        assert window.session.last_code == FASTER_COUNTER
        repaired = window.session.store.get(window.history.current_id)
        assert repaired is not None and repaired.kind == "repair" and repaired.code == FASTER_COUNTER
        broken = window.session.store.get(repaired.parent_id)
        assert broken is not None and broken.kind == "tweak" and broken.code == BROKEN_COUNTER
        assert broken.parent_id == made


def _failed_tweak(qtbot, window: StudioWindow, server: FakeOpenAI) -> None:  # noqa: ANN001
    """"count faster" breaks the game (1/0 in update) and its one repair breaks it too."""
    server.script(BREAKING_EDIT, _reply(BROKEN_COUNTER))
    _type_and_enter(qtbot, window, "count faster")
    qtbot.waitUntil(lambda: len(server.chat_requests) == 3, timeout=WAIT_MS)  # make, tweak, one repair
    _wait_idle(qtbot, window)
    qtbot.waitUntil(lambda: window.errors.count() >= 2, timeout=WAIT_MS)


def test_a_tweak_whose_repair_fails_leaves_the_previous_version_running(qtbot, open_window) -> None:  # noqa: ANN001
    with FakeOpenAI(tokens_per_s=5000) as server:
        server.script(_reply(COUNTER_GAME))
        window = open_window(online(server))
        _made_counter(qtbot, window)
        runner = window.session.host.runner_pid
        _failed_tweak(qtbot, window, server)

        texts = [window.errors.item(i).text() for i in range(window.errors.count())]
        assert any("division by zero" in text and "previous game keeps running" in text for text in texts), texts
        assert "division" in all_text(server.chat_requests[2])  # the repair was told why
        # The previous version goes on, in the same runner: red, and counting.
        assert window.session.host.runner_pid == runner
        counted = _count(window)
        qtbot.waitUntil(lambda: _count(window) > counted, timeout=WAIT_MS)
        assert _centre(window) == RED


def test_after_a_failed_tweak_the_next_tweak_changes_the_code_that_runs(qtbot, open_window) -> None:  # noqa: ANN001
    with FakeOpenAI(tokens_per_s=5000) as server:
        server.script(_reply(COUNTER_GAME))
        window = open_window(online(server))
        made = _made_counter(qtbot, window)
        _failed_tweak(qtbot, window, server)
        assert _centre(window) == RED  # the previous version runs...

        # ...so it is what the studio calls current, and what the next tweak changes.
        assert window.session.last_code == COUNTER_GAME
        assert window.history.current_id == made
        server.script(_edit("COLOUR = (200, 0, 0)", "COLOUR = (0, 0, 200)"))
        _type_and_enter(qtbot, window, "make it blue")
        qtbot.waitUntil(lambda: len(server.chat_requests) == 4, timeout=WAIT_MS)
        assert COUNTER_GAME.rstrip() in all_text(server.chat_requests[-1])
        qtbot.waitUntil(lambda: _centre(window) == BLUE_FILL, timeout=WAIT_MS)

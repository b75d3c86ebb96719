"""The library in the studio window: games made there are kept (with a thumbnail), games from the
gallery open and play. Real StudioSession, real runners, real SQLite in a fresh data folder,
offscreen Qt; the model is the offline starter kit.

Every wait has a generous deadline that only turns a hang into a failure.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable

import pytest

pytest.importorskip("pytestqt")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QImage  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from studio.library.games import Game, GameLibrary  # noqa: E402
from studio.qt.gallery import GalleryWindow  # noqa: E402
from studio.qt.main_window import StudioWindow  # noqa: E402
from studio.settings import ModelChoice  # noqa: E402

WAIT_MS = 20_000  # a deadline, not a speed requirement
OFFLINE = ModelChoice(True, "offline")
CTRL = Qt.KeyboardModifier.ControlModifier


def _game(text: str) -> str:
    return textwrap.dedent(text).lstrip()


def _colour_game(title: str, colour: tuple[int, int, int]) -> str:
    return _game(f'''
        """{title}. A counter on a coloured screen."""
        import pygame
        WIDTH, HEIGHT = 160, 120
        COLOUR = {colour}
        count = 0
        def update(dt):
            global count
            count += 1
        def draw(screen):
            screen.fill(COLOUR)
            pygame.draw.rect(screen, (0, count // 256 % 256, count % 256), (0, 0, 8, 8))
    ''')


RED_GAME = _colour_game("Red Counter", (200, 0, 0))
BLUE_GAME = _colour_game("Blue Counter", (0, 0, 200))
REFUSED_GAME = _game('''
    """Phone Home. Asks for a socket."""
    import pygame
    import socket
    def draw(screen):
        screen.fill((0, 0, 0))
''')


@pytest.fixture(autouse=True)
def fresh_data_folder(tmp_path, monkeypatch) -> None:  # noqa: ANN001
    """Each test gets its own library file: the window's session opens Paths().library_file()."""
    monkeypatch.setenv("MINIGAME_STUDIO_HOME", str(tmp_path / "home"))


# -- helpers ----------------------------------------------------------------------------------


def _centre(window: StudioWindow) -> tuple[int, int, int] | None:
    frame = window.session.host.latest_frame()
    if frame is None:
        return None
    offset = (frame.height // 2 * frame.width + frame.width // 2) * 4
    b, g, r = frame.pixels[offset : offset + 3]
    return (r, g, b)


def _wait_for_game(qtbot, window: StudioWindow) -> None:  # noqa: ANN001
    qtbot.waitUntil(lambda: window.game_view.frames_received > 0, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: window.game_view.message is None, timeout=WAIT_MS)


def _activate(qtbot, widget) -> None:  # noqa: ANN001
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow, timeout=WAIT_MS)


def _open_gallery(qtbot, window: StudioWindow) -> GalleryWindow:  # noqa: ANN001
    """Ctrl+G, as a user presses it with the prompt focused."""
    _activate(qtbot, window)
    window.prompt.setFocus()
    qtbot.keyClick(window.prompt, Qt.Key.Key_G, CTRL)
    gallery = window.gallery
    assert gallery is not None
    qtbot.waitUntil(gallery.isVisible, timeout=WAIT_MS)
    _activate(qtbot, gallery)
    return gallery


def _open_from_gallery(qtbot, window: StudioWindow, title: str) -> Game:  # noqa: ANN001
    """Open the gallery, click the game's tile, press Enter."""
    gallery = _open_gallery(qtbot, window)
    titles = [game.title for game in gallery.model.games]
    rect = gallery.grid.visualRect(gallery.model.index(titles.index(title)))
    qtbot.mouseClick(gallery.grid.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    game = gallery.selected_game()
    assert game is not None and game.title == title
    qtbot.keyClick(gallery.grid, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not gallery.isVisible(), timeout=WAIT_MS)
    return game


def _run_in_code_view(qtbot, window: StudioWindow, code: str) -> None:  # noqa: ANN001
    view = window.code_view
    view.setFocus()
    view.selectAll()
    view.insertPlainText(code)
    qtbot.keyClick(view, Qt.Key.Key_Return, CTRL)


def _only_game(library: GameLibrary) -> Game:
    [game] = library.games()
    return game


# -- made in the window -------------------------------------------------------------------------


def test_a_game_made_in_the_window_joins_the_library_with_a_thumbnail(
    qtbot, open_window: Callable[[ModelChoice], StudioWindow]  # noqa: ANN001
) -> None:
    window = open_window(OFFLINE)
    library = window.session.library
    assert library.games() == []
    window.prompt.setFocus()
    qtbot.keyClicks(window.prompt, "a snake game")
    qtbot.keyClick(window.prompt, Qt.Key.Key_Return)
    _wait_for_game(qtbot, window)
    qtbot.waitUntil(lambda: len(library.games()) == 1 and library.games()[0].has_thumbnail, timeout=WAIT_MS)

    game = _only_game(library)
    assert "Snake" in game.title and game.origin == "made" and game.trusted
    assert game.play_count == 1
    assert game.head_version_id == window.session.current_version_id
    assert window.session.current_game_id == game.id
    assert game.title in window.windowTitle()
    thumbnail = QImage.fromData(library.thumbnail(game.id) or b"")
    assert not thumbnail.isNull() and 0 < thumbnail.width() <= 256 and 0 < thumbnail.height() <= 192
    colours = {thumbnail.pixel(x, y) for x in range(0, thumbnail.width(), 8) for y in range(0, thumbnail.height(), 8)}
    assert len(colours) > 1  # a picture of the game, not a flat fill
    assert not window.untrusted_banner.isVisible()

    # An edit of the running game moves the same game's head and renews its thumbnail.
    made_head, first_thumbnail = game.head_version_id, library.thumbnail(game.id)
    _run_in_code_view(qtbot, window, RED_GAME)
    qtbot.waitUntil(lambda: _centre(window) == (200, 0, 0), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: library.thumbnail(game.id) != first_thumbnail, timeout=WAIT_MS)
    game = _only_game(library)
    assert game.head_version_id == window.session.current_version_id != made_head
    assert window.session.store.get(game.head_version_id).parent_id == made_head
    assert game.play_count == 1  # a change to the game is not another play
    red = QImage.fromData(library.thumbnail(game.id) or b"")
    assert red.pixelColor(red.width() // 2, red.height() // 2).red() > 150


# -- opened from the gallery ----------------------------------------------------------------------


def test_a_game_opened_from_the_gallery_plays_counts_and_its_tweaks_continue_it(
    qtbot, open_window: Callable[[ModelChoice], StudioWindow]  # noqa: ANN001
) -> None:
    window = open_window(OFFLINE)
    library = window.session.library
    blue = library.add_game("Blue Counter", BLUE_GAME, prompt="a blue counter")
    red = library.add_game("Red Counter", RED_GAME, prompt="a red counter")

    _open_from_gallery(qtbot, window, "Blue Counter")
    _wait_for_game(qtbot, window)
    qtbot.waitUntil(lambda: _centre(window) == (0, 0, 200), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: window.session.current_game_id == blue.id, timeout=WAIT_MS)
    assert library.get(blue.id).play_count == 1
    assert window.code_view.code() == BLUE_GAME
    assert "Blue Counter" in window.windowTitle()
    assert window.history.current_id == blue.head_version_id
    assert not window.untrusted_banner.isVisible()
    qtbot.waitUntil(lambda: library.get(blue.id).has_thumbnail, timeout=WAIT_MS)

    # Another game from the gallery replaces it; then an edit continues that game's lineage.
    _open_from_gallery(qtbot, window, "Red Counter")
    qtbot.waitUntil(lambda: _centre(window) == (200, 0, 0), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: window.session.current_game_id == red.id, timeout=WAIT_MS)
    assert "Red Counter" in window.windowTitle()
    assert not window.untrusted_banner.isVisible()
    assert library.get(red.id).play_count == 1 and library.get(blue.id).play_count == 1
    _run_in_code_view(qtbot, window, RED_GAME.replace("(200, 0, 0)", "(0, 200, 0)"))
    qtbot.waitUntil(lambda: _centre(window) == (0, 200, 0), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: library.get(red.id).head_version_id != red.head_version_id, timeout=WAIT_MS)
    assert len(library.games()) == 2  # the edit belongs to the opened game, not a new one
    assert library.get(red.id).play_count == 1

    # Opening the same game again is another play; its head (the edit) is what opens.
    _open_from_gallery(qtbot, window, "Red Counter")
    qtbot.waitUntil(lambda: library.get(red.id).play_count == 2, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: _centre(window) == (0, 200, 0), timeout=WAIT_MS)

    # A rename in the gallery shows in the window's title.
    gallery = _open_gallery(qtbot, window)
    assert gallery.select_game(red.id)
    gallery.grid.setFocus()
    qtbot.waitUntil(gallery.grid.hasFocus, timeout=WAIT_MS)
    qtbot.keyClick(gallery.grid, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    editor.selectAll()
    qtbot.keyClicks(editor, "Traffic Light")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "Traffic Light" in window.windowTitle(), timeout=WAIT_MS)
    assert window.errors.count() == 0


def test_a_shared_game_opens_marked_untrusted_until_kept(
    qtbot, open_window: Callable[[ModelChoice], StudioWindow]  # noqa: ANN001
) -> None:
    window = open_window(OFFLINE)
    library = window.session.library
    shared = library.add_game("Blue Counter", BLUE_GAME, author="Ann", trusted=False, origin="imported")

    _open_from_gallery(qtbot, window, "Blue Counter")
    qtbot.waitUntil(lambda: _centre(window) == (0, 0, 200), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: window.session.current_game_id == shared.id, timeout=WAIT_MS)
    banner = window.untrusted_banner
    assert banner.isVisible()
    assert banner.text.text() == "Shared by Ann. It runs only in the sandbox."
    assert library.get(shared.id).play_count == 1

    qtbot.mouseClick(banner.keep_button, Qt.MouseButton.LeftButton)
    assert library.get(shared.id).trusted
    assert not banner.isVisible()


def test_undo_after_opening_walks_back_through_the_games_own_versions(
    qtbot, open_window: Callable[[ModelChoice], StudioWindow]  # noqa: ANN001
) -> None:
    window = open_window(OFFLINE)
    library, store = window.session.library, window.session.store
    game = library.add_game("Red Counter", RED_GAME, prompt="a red counter")
    tweak = store.add("tweak", "make it blue", BLUE_GAME, "fake", False, game.root_version_id)
    library.record_version(tweak)  # it ran once: the game opens at it

    _open_from_gallery(qtbot, window, "Red Counter")
    qtbot.waitUntil(lambda: _centre(window) == (0, 0, 200), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: window.history.current_id == tweak, timeout=WAIT_MS)
    assert window.history.steps == (game.root_version_id, tweak)

    _activate(qtbot, window)
    window.game_view.setFocus()
    qtbot.waitUntil(window.game_view.hasFocus, timeout=WAIT_MS)
    qtbot.keyClick(window.game_view, Qt.Key.Key_Z, CTRL)
    qtbot.waitUntil(lambda: _centre(window) == (200, 0, 0), timeout=WAIT_MS)
    assert window.history.current_id == game.root_version_id
    assert window.session.current_game_id == game.id


def test_a_game_that_is_refused_leaves_the_playing_game_current(
    qtbot, open_window: Callable[[ModelChoice], StudioWindow]  # noqa: ANN001
) -> None:
    window = open_window(OFFLINE)
    library = window.session.library
    playing = library.add_game("Red Counter", RED_GAME)
    broken = library.add_game("Phone Home", REFUSED_GAME, author="Mallory", trusted=False, origin="imported")
    _open_from_gallery(qtbot, window, "Red Counter")
    qtbot.waitUntil(lambda: window.session.current_game_id == playing.id, timeout=WAIT_MS)
    runner = window.session.host.runner_pid

    _open_from_gallery(qtbot, window, "Phone Home")
    qtbot.waitUntil(lambda: window.errors.count() >= 1, timeout=WAIT_MS)
    assert "socket" in window.errors.item(0).text()
    assert window.session.current_game_id == playing.id
    assert window.session.host.runner_pid == runner
    assert _centre(window) == (200, 0, 0)
    assert library.get(broken.id).play_count == 0
    assert library.get(broken.id).head_version_id == broken.head_version_id
    assert "Red Counter" in window.windowTitle()
    assert not window.untrusted_banner.isVisible()


def test_opening_a_game_that_is_gone_says_so_in_one_line(
    qtbot, open_window: Callable[[ModelChoice], StudioWindow]  # noqa: ANN001
) -> None:
    window = open_window(OFFLINE)
    library = window.session.library
    game = library.add_game("Red Counter", RED_GAME)
    gallery = _open_gallery(qtbot, window)
    library.delete(game.id)  # deleted elsewhere (another window) while the gallery still lists it
    assert gallery.select_game(game.id)
    gallery.grid.setFocus()
    qtbot.waitUntil(gallery.grid.hasFocus, timeout=WAIT_MS)
    qtbot.keyClick(gallery.grid, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.errors.count() == 1, timeout=WAIT_MS)
    assert window.errors.item(0).text() == f"No game {game.id} in the library: it may have been deleted."
    assert window.session.current_game_id is None and window.session.host.runner_pid is None


def test_games_made_before_the_window_opened_are_in_its_gallery(
    qtbot, open_window: Callable[[ModelChoice], StudioWindow]  # noqa: ANN001
) -> None:
    """E.g. `studio make` in a terminal, or versions saved before the library kept games."""
    from studio.library.store import VersionStore
    from studio.settings import Paths

    store = VersionStore(Paths().library_file())
    made = store.add("make", "a red counter", RED_GAME, "offline", True)
    store.record_outcome(made, "ok", {})
    store.close()
    window = open_window(OFFLINE)
    assert [game.title for game in window.session.library.games()] == ["Red Counter"]
    gallery = _open_gallery(qtbot, window)
    assert [game.title for game in gallery.model.games] == ["Red Counter"]

"""The gallery driven from the keyboard: real SQLite library, real cartridges, offscreen Qt.

Nothing here runs a game: the gallery only lists, changes and shares them (opening one in
the studio window is in test_library_window.py).
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

pytest.importorskip("pytestqt")

from PIL import Image  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QInputMethodEvent, QMovie  # noqa: E402
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit  # noqa: E402

from studio.library.cartridge import Cartridge, cartridge_bytes, read_cartridge, write_cartridge  # noqa: E402
from studio.library.games import Game, GameLibrary  # noqa: E402
from studio.library.sharing import cartridge_file_name, controls_of  # noqa: E402
from studio.library.thumbnails import png_from_bgrx  # noqa: E402
from studio.qt.gallery import GalleryWindow  # noqa: E402
from studio.qt.gallery_model import UNTRUSTED_ROLE  # noqa: E402

WAIT_MS = 10_000  # a deadline, not a speed requirement
CTRL = Qt.KeyboardModifier.ControlModifier
HOSTILE = Path(__file__).resolve().parents[1] / "games" / "hostile"


def _code(title: str, colour: tuple[int, int, int] = (200, 0, 0)) -> str:
    return f'"""{title}. Any key does nothing."""\nimport pygame\n\ndef draw(screen):\n    screen.fill({colour})\n'


def _png(colour: tuple[int, int, int]) -> bytes:
    red, green, blue = colour
    return png_from_bgrx(64, 48, bytes((blue, green, red, 0)) * 64 * 48)


def _gif(frames: int = 3) -> bytes:
    images = [Image.new("RGB", (160, 120), (40 * i, 80, 200 - 40 * i)) for i in range(frames)]
    out = io.BytesIO()
    images[0].save(out, format="GIF", save_all=True, append_images=images[1:], duration=100, loop=0)
    return out.getvalue()



@pytest.fixture
def games(library: GameLibrary) -> dict[str, Game]:
    """Four games, added oldest first: the gallery lists them newest first."""
    return {
        "snake": library.add_game("Snake", _code("Snake"), prompt="a green snake", thumbnail_png=_png((0, 200, 0))),
        "pong": library.add_game("Pong", _code("Pong"), prompt="two paddles and a ball"),
        "tanchishe": library.add_game("贪吃蛇", _code("贪吃蛇"), prompt="一条很长的蛇，吃苹果"),
        "breakout": library.add_game("Breakout", _code("Breakout"), author="Ann", prompt="bricks",
                                     thumbnail_png=_png((0, 0, 200))),
    }


@pytest.fixture
def gallery(qtbot, library: GameLibrary, games: dict[str, Game]) -> GalleryWindow:  # noqa: ANN001
    window = GalleryWindow(library)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=WAIT_MS)
    return window


def _show_again(qtbot, gallery: GalleryWindow) -> None:  # noqa: ANN001
    gallery.show()
    gallery.activateWindow()
    qtbot.waitUntil(gallery.isActiveWindow, timeout=WAIT_MS)


def _titles(gallery: GalleryWindow) -> list[str]:
    return [game.title for game in gallery.model.games]


def _select(qtbot, gallery: GalleryWindow, title: str) -> Game:  # noqa: ANN001
    """Select a game the way a user does: click its tile; the grid then has the focus."""
    row = _titles(gallery).index(title)
    rect = gallery.grid.visualRect(gallery.model.index(row))
    qtbot.mouseClick(gallery.grid.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(gallery.grid.hasFocus, timeout=WAIT_MS)
    game = gallery.selected_game()
    assert game is not None and game.title == title
    return game


def _compose(widget: QLineEdit, text: str) -> None:
    """Type Chinese as an input method does: a preedit string, then the committed text."""
    preedit = QInputMethodEvent(text[:1], [])
    QApplication.sendEvent(widget, preedit)
    commit = QInputMethodEvent()
    commit.setCommitString(text)
    QApplication.sendEvent(widget, commit)


def _focused_editor() -> QLineEdit:
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit), editor
    return editor


# -- listing and searching ------------------------------------------------------------------


def test_lists_the_games_with_titles_and_pictures_newest_first(gallery: GalleryWindow, library) -> None:  # noqa: ANN001
    assert _titles(gallery) == ["Breakout", "贪吃蛇", "Pong", "Snake"]
    model = gallery.model
    for row in range(model.rowCount()):
        index = model.index(row)
        assert index.data(Qt.ItemDataRole.DisplayRole) == _titles(gallery)[row]
        tile = index.data(Qt.ItemDataRole.DecorationRole)
        assert not tile.isNull() and tile.width() > 0  # a thumbnail, or a placeholder tile
    # A thumbnail shows its own colour; a game without one gets the placeholder.
    snake_tile = model.index(3).data(Qt.ItemDataRole.DecorationRole).toImage()
    assert snake_tile.pixelColor(snake_tile.width() // 2, snake_tile.height() // 2).green() > 150
    pong_tile = model.index(2).data(Qt.ItemDataRole.DecorationRole).toImage()
    assert pong_tile.pixelColor(4, pong_tile.height() - 4).green() < 60
    # The tooltip carries the play count and the author.
    library.count_play(gallery.model.games[0].id)
    gallery.reload()
    tooltip = model.index(0).data(Qt.ItemDataRole.ToolTipRole)
    assert "Breakout" in tooltip and "Played once" in tooltip and "Ann" in tooltip
    assert "Not played yet" in model.index(1).data(Qt.ItemDataRole.ToolTipRole)
    # The first game is selected and described in the detail pane.
    assert gallery.selected_game().title == "Breakout"
    assert gallery.detail.title.text() == "Breakout"
    assert gallery.detail.picture.pixmap() is not None and not gallery.detail.picture.pixmap().isNull()


def test_search_filters_as_you_type_also_chinese(qtbot, gallery: GalleryWindow) -> None:  # noqa: ANN001
    _select(qtbot, gallery, "Pong")
    qtbot.keyClick(gallery.grid, Qt.Key.Key_F, CTRL)
    assert gallery.search.hasFocus()

    qtbot.keyClicks(gallery.search, "sn")
    assert _titles(gallery) == ["Snake"]
    qtbot.keyClick(gallery.search, Qt.Key.Key_Backspace)
    assert _titles(gallery) == ["Breakout", "Pong", "Snake"]  # "s": in "bricks" and "paddles" too
    gallery.search.clear()
    qtbot.keyClicks(gallery.search, "PADDLES")  # a prompt, whatever the case
    assert _titles(gallery) == ["Pong"]
    gallery.search.clear()
    qtbot.keyClicks(gallery.search, "ann")  # an author
    assert _titles(gallery) == ["Breakout"]
    gallery.search.clear()
    _compose(gallery.search, "贪吃")  # a Chinese title
    assert _titles(gallery) == ["贪吃蛇"]
    gallery.search.clear()
    _compose(gallery.search, "苹果")  # a word of a Chinese prompt
    assert _titles(gallery) == ["贪吃蛇"]
    gallery.search.clear()
    qtbot.keyClicks(gallery.search, "no such game")
    assert _titles(gallery) == [] and gallery.selected_game() is None
    assert not gallery.open_action.isEnabled() and gallery.detail.title.text() == ""
    gallery.search.clear()
    assert len(_titles(gallery)) == 4


def test_enter_in_the_search_box_opens_the_match_and_down_goes_to_the_grid(
    qtbot, gallery: GalleryWindow, games: dict[str, Game]  # noqa: ANN001
) -> None:
    gallery.search.setFocus()
    qtbot.keyClicks(gallery.search, "pong")
    with qtbot.waitSignal(gallery.open_requested, timeout=WAIT_MS) as opened:
        qtbot.keyClick(gallery.search, Qt.Key.Key_Return)
    assert opened.args == [games["pong"].id]
    assert not gallery.isVisible()  # the gallery makes way for the game

    _show_again(qtbot, gallery)
    gallery.search.clear()
    gallery.search.setFocus()
    qtbot.keyClick(gallery.search, Qt.Key.Key_Down)
    assert gallery.grid.hasFocus()


# -- open, duplicate, rename, delete, undo ----------------------------------------------------


def test_enter_and_double_click_open_the_selected_game(qtbot, gallery: GalleryWindow, games) -> None:  # noqa: ANN001
    _select(qtbot, gallery, "Snake")
    with qtbot.waitSignal(gallery.open_requested, timeout=WAIT_MS) as opened:
        qtbot.keyClick(gallery.grid, Qt.Key.Key_Return)
    assert opened.args == [games["snake"].id]

    _show_again(qtbot, gallery)
    rect = gallery.grid.visualRect(gallery.model.index(_titles(gallery).index("Pong")))
    with qtbot.waitSignal(gallery.open_requested, timeout=WAIT_MS) as opened:
        qtbot.mouseClick(gallery.grid.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(gallery.grid.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened.args == [games["pong"].id]


def test_ctrl_d_duplicates_with_the_same_code_as_a_separate_game(
    qtbot, gallery: GalleryWindow, library: GameLibrary  # noqa: ANN001
) -> None:
    snake = _select(qtbot, gallery, "Snake")
    qtbot.keyClick(gallery.grid, Qt.Key.Key_D, CTRL)
    assert _titles(gallery)[0] == "Snake (copy)"
    copy = gallery.selected_game()
    assert copy is not None and copy.title == "Snake (copy)" and copy.id != snake.id
    assert library.code(copy.id) == library.code(snake.id)
    assert copy.root_version_id != snake.root_version_id  # its own history
    assert copy.has_thumbnail
    assert "Duplicated “Snake”" in gallery.messages.text.text()


def test_f2_renames_in_place_and_an_empty_title_is_refused(
    qtbot, gallery: GalleryWindow, library: GameLibrary  # noqa: ANN001
) -> None:
    pong = _select(qtbot, gallery, "Pong")
    with qtbot.waitSignal(gallery.library_changed, timeout=WAIT_MS):
        qtbot.keyClick(gallery.grid, Qt.Key.Key_F2)
        editor = _focused_editor()
        assert editor.text() == "Pong"
        editor.selectAll()
        qtbot.keyClicks(editor, "Tennis for two")
        qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert library.get(pong.id).title == "Tennis for two"
    assert "Tennis for two" in _titles(gallery)
    assert gallery.detail.title.text() == "Tennis for two"

    qtbot.waitUntil(gallery.grid.hasFocus, timeout=WAIT_MS)
    qtbot.keyClick(gallery.grid, Qt.Key.Key_F2)
    editor = _focused_editor()
    editor.selectAll()
    qtbot.keyClick(editor, Qt.Key.Key_Delete)
    qtbot.keyClicks(editor, "   ")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(gallery.messages.isVisible, timeout=WAIT_MS)  # the editor commits on the next turn
    assert library.get(pong.id).title == "Tennis for two"
    assert "needs a title" in gallery.messages.text.text()

    # Esc in the editor keeps the title as it was.
    qtbot.waitUntil(gallery.grid.hasFocus, timeout=WAIT_MS)
    qtbot.keyClick(gallery.grid, Qt.Key.Key_F2)
    editor = _focused_editor()
    qtbot.keyClicks(editor, " and more")
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    qtbot.waitUntil(gallery.grid.hasFocus, timeout=WAIT_MS)
    qtbot.wait(50)
    assert library.get(pong.id).title == "Tennis for two"
    assert gallery.isVisible()  # Esc closed the editor, not the gallery


def test_a_library_change_while_renaming_waits_for_the_editor(
    qtbot, gallery: GalleryWindow, library: GameLibrary  # noqa: ANN001
) -> None:
    pong = _select(qtbot, gallery, "Pong")
    qtbot.keyClick(gallery.grid, Qt.Key.Key_F2)
    editor = _focused_editor()
    library.add_game("Asteroids", _code("Asteroids"))
    gallery.reload()  # what the studio window does when, say, a thumbnail lands
    assert _focused_editor() is editor  # the edit goes on
    editor.selectAll()
    qtbot.keyClicks(editor, "Table Tennis")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "Asteroids" in _titles(gallery), timeout=WAIT_MS)  # reloaded afterwards
    assert library.get(pong.id).title == "Table Tennis" and "Table Tennis" in _titles(gallery)
    assert gallery.selected_game().id == pong.id


def test_del_deletes_and_ctrl_z_or_the_undo_button_brings_it_back(
    qtbot, gallery: GalleryWindow, library: GameLibrary  # noqa: ANN001
) -> None:
    pong = _select(qtbot, gallery, "Pong")
    qtbot.keyClick(gallery.grid, Qt.Key.Key_Delete)
    assert "Pong" not in _titles(gallery) and library.get(pong.id) is None
    assert gallery.messages.isVisible() and gallery.messages.text.text() == "Deleted “Pong”"
    assert gallery.messages.button.isVisible() and gallery.messages.button.text() == "Undo"
    assert gallery.selected_game() is not None  # the next game is selected

    qtbot.keyClick(gallery.grid, Qt.Key.Key_Z, CTRL)
    assert "Pong" in _titles(gallery) and library.get(pong.id) is not None
    assert gallery.selected_game().id == pong.id

    # Two deletes, then the message bar's Undo: the last one comes back first.
    snake = _select(qtbot, gallery, "Snake")
    qtbot.keyClick(gallery.grid, Qt.Key.Key_Delete)
    _select(qtbot, gallery, "Pong")
    qtbot.keyClick(gallery.grid, Qt.Key.Key_Delete)
    assert _titles(gallery) == ["Breakout", "贪吃蛇"]
    qtbot.mouseClick(gallery.messages.button, Qt.MouseButton.LeftButton)
    assert _titles(gallery) == ["Breakout", "贪吃蛇", "Pong"]
    qtbot.keyClick(gallery.grid, Qt.Key.Key_Z, CTRL)
    assert library.get(snake.id) is not None and len(_titles(gallery)) == 4
    assert not gallery.undo_action.isEnabled()


def test_del_in_the_search_box_edits_the_text_not_the_games(qtbot, gallery: GalleryWindow) -> None:  # noqa: ANN001
    gallery.search.setFocus()
    qtbot.keyClicks(gallery.search, "pong")
    gallery.search.setCursorPosition(0)
    qtbot.keyClick(gallery.search, Qt.Key.Key_Delete)
    assert gallery.search.text() == "ong"
    assert len(gallery.library.games()) == 4


# -- sharing ---------------------------------------------------------------------------------


def _import_through_the_dialog(qtbot, gallery: GalleryWindow, path: Path) -> None:  # noqa: ANN001
    _select(qtbot, gallery, "Snake")
    qtbot.keyClick(gallery.grid, Qt.Key.Key_I, CTRL)
    dialog = gallery.findChild(QFileDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.selectFile(str(path))
    dialog.accept()


def test_an_imported_cartridge_is_untrusted_until_kept(
    qtbot, gallery: GalleryWindow, library: GameLibrary, tmp_path: Path  # noqa: ANN001
) -> None:
    path = tmp_path / "rocket.minigame"
    write_cartridge(path, Cartridge("Rocket", _code("Rocket", (0, 0, 200)), author="Ann", description="fly up",
                                    thumbnail_png=_png((200, 0, 200))))
    _import_through_the_dialog(qtbot, gallery, path)
    qtbot.waitUntil(lambda: "Rocket" in _titles(gallery), timeout=WAIT_MS)
    rocket = gallery.selected_game()
    assert rocket is not None and rocket.title == "Rocket"
    assert not rocket.trusted and rocket.origin == "imported" and rocket.author == "Ann"
    assert library.code(rocket.id) == _code("Rocket", (0, 0, 200))
    assert rocket.has_thumbnail
    index = gallery.model.index(_titles(gallery).index("Rocket"))
    assert index.data(UNTRUSTED_ROLE) is True
    assert "Untrusted" in index.data(Qt.ItemDataRole.ToolTipRole)
    assert gallery.banner.isVisible()
    assert gallery.banner.text.text() == "Shared by Ann. It runs only in the sandbox."
    assert gallery.keep_action.isEnabled()

    # Other games have no banner; coming back to the shared one shows it again.
    _select(qtbot, gallery, "Snake")
    assert not gallery.banner.isVisible()
    _select(qtbot, gallery, "Rocket")
    assert gallery.banner.isVisible()

    qtbot.keyClick(gallery.grid, Qt.Key.Key_K, CTRL)
    assert library.get(rocket.id).trusted
    assert not gallery.banner.isVisible() and not gallery.keep_action.isEnabled()
    assert gallery.model.index(_titles(gallery).index("Rocket")).data(UNTRUSTED_ROLE) is False


def test_importing_a_game_already_in_the_library_selects_it_and_adds_nothing(
    qtbot, gallery: GalleryWindow, library: GameLibrary, tmp_path: Path  # noqa: ANN001
) -> None:
    path = tmp_path / "rocket.minigame"
    write_cartridge(path, Cartridge("Rocket", _code("Rocket", (0, 0, 200)), author="Ann"))
    first = gallery.import_cartridge(path)
    count = len(library.games())
    second = gallery.import_cartridge(path)
    assert first is not None and second is not None and second.id == first.id
    assert len(library.games()) == count
    assert gallery.selected_game() is not None and gallery.selected_game().id == first.id


def test_keep_button_on_the_banner(qtbot, gallery: GalleryWindow, library: GameLibrary) -> None:  # noqa: ANN001
    shared = library.add_game("Maze", _code("Maze"), trusted=False, origin="jam")
    gallery.reload()
    _select(qtbot, gallery, "Maze")
    assert gallery.banner.text.text() == "Shared by someone you do not know. It runs only in the sandbox."
    qtbot.mouseClick(gallery.banner.keep_button, Qt.MouseButton.LeftButton)
    assert library.get(shared.id).trusted and not gallery.banner.isVisible()


@pytest.mark.parametrize(
    ("name", "content", "says"),
    [
        ("noise.minigame", b"this is not a zip file at all", "not a"),
        ("empty.minigame", b"", ""),
        ("truncated.minigame", None, ""),
        ("missing.minigame", "absent", ""),
    ],
)
def test_a_bad_cartridge_says_what_is_wrong_and_adds_nothing(
    qtbot, gallery: GalleryWindow, library: GameLibrary, tmp_path: Path,  # noqa: ANN001
    name: str, content: bytes | str | None, says: str,
) -> None:
    path = tmp_path / name
    if content is None:  # a good cartridge cut in half
        whole = cartridge_bytes(Cartridge("Rocket", _code("Rocket"), author="Ann"))
        path.write_bytes(whole[: len(whole) // 2])
    elif isinstance(content, bytes):
        path.write_bytes(content)
    before = [game.id for game in library.games()]
    gallery.import_cartridge(path)
    assert [game.id for game in library.games()] == before
    assert gallery.messages.isVisible()
    message = gallery.messages.text.text()
    assert name in message and says in message and "\n" not in message


def test_a_cartridge_with_a_damaged_member_is_refused(
    qtbot, gallery: GalleryWindow, library: GameLibrary, tmp_path: Path  # noqa: ANN001
) -> None:
    good = io.BytesIO(cartridge_bytes(Cartridge("Rocket", _code("Rocket"), author="Ann")))
    damaged = io.BytesIO()
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(damaged, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            target.writestr(info, data.replace(b"Rocket", b"Racket") if info.filename == "game.py" else data)
    path = tmp_path / "tampered.minigame"
    path.write_bytes(damaged.getvalue())
    _import_through_the_dialog(qtbot, gallery, path)
    qtbot.waitUntil(gallery.messages.isVisible, timeout=WAIT_MS)
    assert "tampered.minigame" in gallery.messages.text.text()
    assert len(library.games()) == 4


def test_a_hostile_game_is_imported_as_data_never_run(
    qtbot, gallery: GalleryWindow, library: GameLibrary, tmp_path: Path  # noqa: ANN001
) -> None:
    marker = tmp_path / "PWNED"
    code = (
        '"""Gift. Opens a file."""\n'
        f"open({str(marker)!r}, 'w').write('x')\n"
        "import os\nos.system('touch " + str(marker) + "')\n"
    )
    path = tmp_path / "gift.minigame"
    write_cartridge(path, Cartridge("Gift", code, author="Mallory"))
    game = gallery.import_cartridge(path)
    assert game is not None and not game.trusted and library.code(game.id) == code
    qtbot.wait(200)
    assert not marker.exists()


def test_ctrl_e_exports_the_selected_game_as_a_cartridge(
    qtbot, gallery: GalleryWindow, library: GameLibrary, tmp_path: Path  # noqa: ANN001
) -> None:
    breakout = _select(qtbot, gallery, "Breakout")
    qtbot.keyClick(gallery.grid, Qt.Key.Key_E, CTRL)
    dialog = gallery.findChild(QFileDialog)
    assert dialog is not None and dialog.isVisible()
    assert dialog.selectedFiles()[0].endswith("Breakout.minigame")
    target = tmp_path / "shared" / "breakout.minigame"
    target.parent.mkdir()
    dialog.selectFile(str(target))
    dialog.accept()
    qtbot.waitUntil(target.exists, timeout=WAIT_MS)
    cartridge = read_cartridge(target)
    assert cartridge.title == "Breakout" and cartridge.author == "Ann"
    assert cartridge.code == library.code(breakout.id)
    assert cartridge.description == "Any key does nothing."
    assert cartridge.thumbnail_png == library.thumbnail(breakout.id)
    assert "Exported “Breakout”" in gallery.messages.text.text()

    # A folder that cannot be written says so in one line.
    assert not gallery.export_cartridge(tmp_path / "no" / "such" / "folder" / "x.minigame")
    assert "Could not export" in gallery.messages.text.text()


def test_a_hostile_cartridge_from_the_test_games_round_trips_untrusted(
    gallery: GalleryWindow, library: GameLibrary, tmp_path: Path  # noqa: ANN001
) -> None:
    source = sorted(HOSTILE.glob("*.py"))[0]
    path = tmp_path / "hostile.minigame"
    write_cartridge(path, Cartridge("Hostile", source.read_text(encoding="utf-8"), author="Eve"))
    game = gallery.import_cartridge(path)
    assert game is not None and not game.trusted
    assert library.code(game.id) == source.read_text(encoding="utf-8")


def test_cartridge_file_names_and_descriptions() -> None:
    assert cartridge_file_name("Snake") == "Snake.minigame"
    assert cartridge_file_name("../../etc/passwd") == "etc-passwd.minigame"
    assert cartridge_file_name("贪吃蛇: 2") == "贪吃蛇-2.minigame"
    assert cartridge_file_name("///") == "game.minigame"
    assert controls_of('"""Snake. Arrows steer.\n\nR restarts."""\n') == "Arrows steer. R restarts."
    assert controls_of('"""Snake"""\n') == ""
    assert controls_of("def broken(:\n") == ""


# -- the detail pane ---------------------------------------------------------------------------


def test_the_detail_pane_plays_the_gif_capture_else_shows_the_thumbnail(
    qtbot, gallery: GalleryWindow, library: GameLibrary, games: dict[str, Game]  # noqa: ANN001
) -> None:
    library.set_gif(games["snake"].id, _gif(frames=3))
    gallery.reload()
    _select(qtbot, gallery, "Snake")
    movie = gallery.detail.movie
    assert movie is not None and movie.frameCount() == 3
    assert movie.state() == QMovie.MovieState.Running
    assert gallery.detail.picture.movie() is movie
    seen = {movie.currentFrameNumber()}
    qtbot.waitUntil(lambda: seen.add(movie.currentFrameNumber()) or len(seen) > 1, timeout=WAIT_MS)

    _select(qtbot, gallery, "Breakout")  # a thumbnail, no GIF
    assert gallery.detail.movie is None
    picture = gallery.detail.picture.pixmap().toImage()
    assert picture.pixelColor(picture.width() // 2, picture.height() // 2).blue() > 150

    # A corrupt GIF in the library falls back to the thumbnail instead of failing.
    library.set_gif(games["breakout"].id, b"GIF89a" + b"\x00" * 40)
    gallery.reload()
    assert gallery.selected_game().id == games["breakout"].id
    assert gallery.detail.movie is None
    assert not gallery.detail.picture.pixmap().isNull()


def test_cartridges_dropped_on_the_gallery_are_imported_untrusted(
    qtbot, gallery: GalleryWindow, library: GameLibrary, tmp_path: Path  # noqa: ANN001
) -> None:
    from PySide6.QtCore import QMimeData, QPointF, QUrl
    from PySide6.QtGui import QDropEvent

    first, second = tmp_path / "rocket.minigame", tmp_path / "comet.minigame"
    write_cartridge(first, Cartridge("Rocket", _code("Rocket", (0, 0, 200)), author="Ann"))
    write_cartridge(second, Cartridge("Comet", _code("Comet", (200, 0, 0)), author="Bo"))
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path)) for path in (first, tmp_path / "notes.txt", second)])
    gallery.dropEvent(QDropEvent(QPointF(5, 5), Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton,
                                 Qt.KeyboardModifier.NoModifier))
    shared = {game.title: game for game in library.games() if game.origin == "imported"}
    assert set(shared) == {"Rocket", "Comet"} and not any(game.trusted for game in shared.values())
    assert {"Rocket", "Comet"} <= set(_titles(gallery))

"""The gallery exports a game as a standalone script or a web folder: real library, offscreen Qt.

The exported files run in a child process with the venv's Python in isolated mode (as
tests/studio/test_export.py runs them), never in the test process. A shared game the user
has not kept is only exported after the warning's "Export anyway".
"""

from __future__ import annotations

import ast
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("pytestqt")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QKeySequence  # noqa: E402
from PySide6.QtWidgets import QFileDialog, QMessageBox, QPushButton, QToolButton  # noqa: E402

from studio.export.web import ICON_FILE, MAIN_SCRIPT  # noqa: E402
from studio.library.games import Game, GameLibrary  # noqa: E402
from studio.library.store import VersionStore  # noqa: E402
from studio.pipeline.titles import title_of  # noqa: E402
from studio.qt.gallery import GalleryWindow  # noqa: E402
from studio.settings import Paths  # noqa: E402
from tests.studio.test_export import FRAMES_DONE, finish, start  # noqa: E402
from tests.studio.test_gallery import WAIT_MS, _png, _select  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
DODGER = ROOT / "assets" / "starters" / "dodger.py"  # plays sounds from the asset pack
SNAKE = ROOT / "assets" / "examples" / "snake.py"
HOSTILE = ROOT / "tests" / "games" / "hostile"
FRAMES = 60
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def library(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[GameLibrary]:
    """The real library file in a data folder of this test's own."""
    monkeypatch.setenv("MINIGAME_STUDIO_HOME", str(tmp_path / "home"))
    (tmp_path / "home").mkdir()
    store = VersionStore(Paths().library_file())
    yield GameLibrary(store)
    store.close()


@pytest.fixture
def games(library: GameLibrary) -> dict[str, Game]:
    dodger, snake = DODGER.read_text(encoding="utf-8"), SNAKE.read_text(encoding="utf-8")
    return {
        "snake": library.add_game("贪吃蛇", snake, prompt="a snake", thumbnail_png=_png((0, 200, 0))),
        "shared": library.add_game("Shared Snake", snake + "\n# shared\n", author="Mallory", trusted=False,
                                   origin="imported"),
        "dodger": library.add_game(title_of(dodger, "dodger"), dodger, author="Ann", prompt="cars"),
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


def _dialog(qtbot, gallery: GalleryWindow) -> QFileDialog:  # noqa: ANN001
    qtbot.waitUntil(lambda: any(d.isVisible() for d in gallery.findChildren(QFileDialog)), timeout=WAIT_MS)
    return next(d for d in gallery.findChildren(QFileDialog) if d.isVisible())


def _warning(qtbot, gallery: GalleryWindow) -> QMessageBox:  # noqa: ANN001
    qtbot.waitUntil(lambda: any(b.isVisible() for b in gallery.findChildren(QMessageBox)), timeout=WAIT_MS)
    return next(b for b in gallery.findChildren(QMessageBox) if b.isVisible())


def _answer(qtbot, box: QMessageBox, text: str) -> None:  # noqa: ANN001
    button = next(b for b in box.findChildren(QPushButton) if b.text().replace("&", "") == text)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not box.isVisible(), timeout=WAIT_MS)


def _one_line_message(gallery: GalleryWindow) -> str:
    assert gallery.messages.isVisible()
    text = gallery.messages.text.text()
    assert "\n" not in text and text
    return text


def _files(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir())


# -- the actions -----------------------------------------------------------------------------


def test_the_export_buttons_sit_next_to_export_cartridge(gallery: GalleryWindow) -> None:
    buttons = [gallery.buttons.itemAt(i).widget() for i in range(gallery.buttons.count())]
    texts = [button.defaultAction().text() for button in buttons if isinstance(button, QToolButton)]
    at = texts.index("Export cartridge…")
    assert texts[at : at + 3] == ["Export cartridge…", "Export standalone…", "Export for the web…"]
    assert gallery.standalone_action.shortcut() == QKeySequence("Ctrl+Shift+E")
    assert gallery.web_action.shortcut().isEmpty()
    taken = [a.shortcut() for a in gallery.actions() + gallery.grid.actions()
             if a not in (gallery.standalone_action,) and not a.shortcut().isEmpty()]
    assert QKeySequence("Ctrl+Shift+E") not in taken
    assert gallery.standalone_action.isEnabled() and gallery.web_action.isEnabled()
    gallery.search.setText("no game is called this")
    assert not gallery.standalone_action.isEnabled() and not gallery.web_action.isEnabled()


# -- standalone ------------------------------------------------------------------------------


def test_ctrl_shift_e_exports_a_trusted_game_as_a_script_that_runs_without_the_studio(
    qtbot, gallery: GalleryWindow, library: GameLibrary, games: dict[str, Game], tmp_path: Path  # noqa: ANN001
) -> None:
    dodger = _select(qtbot, gallery, games["dodger"].title)
    qtbot.keyClick(gallery.grid, Qt.Key.Key_E, CTRL_SHIFT)
    dialog = _dialog(qtbot, gallery)
    assert dialog.acceptMode() == QFileDialog.AcceptMode.AcceptSave
    assert dialog.selectedFiles()[0].endswith("/Traffic-Dodger.py")
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "Traffic-Dodger.py"
    dialog.selectFile(str(target))
    dialog.accept()
    qtbot.waitUntil(target.exists, timeout=WAIT_MS)
    assert _files(folder) == ["Traffic-Dodger.py"]  # no temporary file left behind
    assert os.stat(target).st_mode & stat.S_IXUSR
    text = target.read_text(encoding="utf-8")
    assert "WARNING: outside Minigame Studio" in text and "python Traffic-Dodger.py" in text
    assert "GAME_SOURCE" in text and dodger.title in text
    message = _one_line_message(gallery)
    assert "Traffic Dodger" in message and str(target) in message and "standalone" in message

    status, out, err = finish(start(target, FRAMES))
    assert status == 0, err[-800:]
    done = FRAMES_DONE.search(out)
    assert done is not None and done.group(1) == str(FRAMES), out[-300:]


def test_an_existing_script_is_not_overwritten(
    qtbot, gallery: GalleryWindow, games: dict[str, Game], tmp_path: Path  # noqa: ANN001
) -> None:
    target = tmp_path / "mine.py"
    target.write_text("my own work\n", encoding="utf-8")
    assert not gallery.export_standalone(target, games["snake"].id)
    assert target.read_text(encoding="utf-8") == "my own work\n"
    assert _files(tmp_path) == ["home", "mine.py"]
    message = _one_line_message(gallery)
    assert "already exists" in message and "nothing was overwritten" in message


def test_a_dangling_link_in_the_way_is_not_followed(
    gallery: GalleryWindow, games: dict[str, Game], tmp_path: Path
) -> None:
    target = tmp_path / "link.py"
    target.symlink_to(tmp_path / "elsewhere.py")
    assert not gallery.export_standalone(target, games["snake"].id)
    assert not (tmp_path / "elsewhere.py").exists() and target.is_symlink()


@pytest.mark.parametrize("where", ["missing folder", "a file as folder", "read-only folder"])
def test_an_unwritable_place_says_so_in_one_line_and_writes_nothing(
    gallery: GalleryWindow, games: dict[str, Game], tmp_path: Path, where: str
) -> None:
    folder = tmp_path / "place"
    if where == "a file as folder":
        folder.write_text("not a folder", encoding="utf-8")
    elif where == "read-only folder":
        if os.geteuid() == 0:
            pytest.skip("root writes into read-only folders")
        folder.mkdir()
        folder.chmod(0o500)
    try:
        assert not gallery.export_standalone(folder / "snake.py", games["snake"].id)
        standalone = _one_line_message(gallery)
        assert not gallery.export_web(folder, games["snake"].id)
        web = _one_line_message(gallery)
    finally:
        if folder.is_dir():
            folder.chmod(0o700)
    for message in (standalone, web):
        assert message.startswith("Could not export “贪吃蛇”: cannot write ")
        assert "choose another folder" in message and ".tmp" not in message
    assert str(folder / "snake.py") in standalone
    assert _files(tmp_path) == (["home"] if where == "missing folder" else ["home", "place"])
    assert not folder.is_dir() or _files(folder) == []


# -- for the web -----------------------------------------------------------------------------


def test_the_web_export_writes_a_new_title_web_folder_inside_the_chosen_one(
    qtbot, gallery: GalleryWindow, library: GameLibrary, games: dict[str, Game], tmp_path: Path  # noqa: ANN001
) -> None:
    snake = _select(qtbot, gallery, "贪吃蛇")
    qtbot.mouseClick(_button(gallery, "Export for the web…"), Qt.MouseButton.LeftButton)
    dialog = _dialog(qtbot, gallery)
    assert dialog.fileMode() == QFileDialog.FileMode.Directory
    folder = tmp_path / "site"
    folder.mkdir()
    dialog.selectFile(str(folder))
    dialog.accept()
    web = folder / "贪吃蛇_web"
    qtbot.waitUntil(web.exists, timeout=WAIT_MS)
    assert _files(folder) == ["贪吃蛇_web"]
    main = web / MAIN_SCRIPT
    ast.parse(main.read_text(encoding="utf-8"))
    assert (web / ICON_FILE).read_bytes() == library.thumbnail(snake.id)
    assert list((web / "build" / "web").glob("*.apk"))
    message = _one_line_message(gallery)
    assert str(web) in message and "web" in message

    status, out, err = finish(start(main, FRAMES))
    assert status == 0, err[-800:]
    assert FRAMES_DONE.search(out) is not None, out[-300:]

    # Again into the same folder: a second folder, the first one untouched.
    before = main.read_bytes()
    assert gallery.export_web(folder, snake.id)
    assert _files(folder) == ["贪吃蛇_web", "贪吃蛇_web_2"]
    assert main.read_bytes() == before
    assert (folder / "贪吃蛇_web_2" / MAIN_SCRIPT).is_file()
    assert str(folder / "贪吃蛇_web_2") in _one_line_message(gallery)


def test_a_file_named_like_the_web_folder_is_left_alone(
    gallery: GalleryWindow, games: dict[str, Game], tmp_path: Path
) -> None:
    (tmp_path / "贪吃蛇_web").write_text("keep me", encoding="utf-8")
    assert gallery.export_web(tmp_path, games["snake"].id)
    assert (tmp_path / "贪吃蛇_web").read_text(encoding="utf-8") == "keep me"
    assert (tmp_path / "贪吃蛇_web_2" / MAIN_SCRIPT).is_file()


def _button(gallery: GalleryWindow, text: str) -> QToolButton:
    return next(b for b in gallery.findChildren(QToolButton) if b.defaultAction() and b.defaultAction().text() == text)


# -- shared games not kept yet ---------------------------------------------------------------


def test_a_shared_game_asks_first_and_cancel_writes_nothing(
    qtbot, gallery: GalleryWindow, games: dict[str, Game], tmp_path: Path  # noqa: ANN001
) -> None:
    _select(qtbot, gallery, "Shared Snake")
    qtbot.keyClick(gallery.grid, Qt.Key.Key_E, CTRL_SHIFT)
    box = _warning(qtbot, gallery)
    assert "Mallory" in box.text() and "full access" in box.text() and "sandbox" in box.text()
    assert not any(d.isVisible() for d in gallery.findChildren(QFileDialog))
    _answer(qtbot, box, "Cancel")
    qtbot.wait(100)
    assert not any(d.isVisible() for d in gallery.findChildren(QFileDialog))

    # Called directly, the export asks too; cancel writes nothing.
    target = tmp_path / "shared.py"
    assert not gallery.export_standalone(target, games["shared"].id)
    _answer(qtbot, _warning(qtbot, gallery), "Cancel")
    assert not gallery.export_web(tmp_path, games["shared"].id)
    _answer(qtbot, _warning(qtbot, gallery), "Cancel")
    qtbot.wait(100)
    assert _files(tmp_path) == ["home"]


def test_export_anyway_goes_on_to_the_dialog_and_writes(
    qtbot, gallery: GalleryWindow, library: GameLibrary, games: dict[str, Game], tmp_path: Path  # noqa: ANN001
) -> None:
    _select(qtbot, gallery, "Shared Snake")
    qtbot.keyClick(gallery.grid, Qt.Key.Key_E, CTRL_SHIFT)
    _answer(qtbot, _warning(qtbot, gallery), "Export anyway")
    dialog = _dialog(qtbot, gallery)
    assert dialog.selectedFiles()[0].endswith("/Shared-Snake.py")
    target = tmp_path / "Shared-Snake.py"
    dialog.selectFile(str(target))
    dialog.accept()
    qtbot.waitUntil(target.exists, timeout=WAIT_MS)
    assert not library.get(games["shared"].id).trusted  # exporting is not keeping

    assert not gallery.export_web(tmp_path, games["shared"].id)
    _answer(qtbot, _warning(qtbot, gallery), "Export anyway")
    qtbot.waitUntil(lambda: (tmp_path / "Shared-Snake_web" / MAIN_SCRIPT).exists(), timeout=WAIT_MS)


def test_a_hostile_game_is_written_as_text_never_run(
    qtbot, gallery: GalleryWindow, library: GameLibrary, tmp_path: Path  # noqa: ANN001
) -> None:
    marker = tmp_path / "PWNED"
    code = (
        '"""Gift. Opens a file."""\n'
        f"open({str(marker)!r}, 'w').write('x')\n"
        "import os\nos.system('touch " + str(marker) + "')\n"
    )
    gift = library.add_game("Gift", code, author="Mallory", trusted=False, origin="imported")
    hostile = sorted(HOSTILE.glob("*.py"))[0].read_text(encoding="utf-8")
    other = library.add_game("Hostile", hostile, trusted=False, origin="imported")
    out = tmp_path / "out"
    out.mkdir()
    assert gallery.export_standalone(out / "gift.py", gift.id, confirmed=True)
    assert gallery.export_web(out, gift.id, confirmed=True)
    assert gallery.export_standalone(out / "hostile.py", other.id, confirmed=True)
    qtbot.wait(200)
    assert not marker.exists()
    assert _files(out) == ["Gift_web", "gift.py", "hostile.py"]

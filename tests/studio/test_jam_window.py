"""The jam screen driven like a user: create, count down, enter, play in the sandbox, vote, results."""

from __future__ import annotations

import csv
import io
import os
import random
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

pytest.importorskip("pytestqt")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QDialogButtonBox  # noqa: E402

from studio.library.cartridge import Cartridge, write_cartridge  # noqa: E402
from studio.library.games import GameLibrary  # noqa: E402
from studio.library.jam_themes import THEMES  # noqa: E402
from studio.library.jams import JamStore  # noqa: E402
from studio.library.store import VersionStore  # noqa: E402
from studio.pipeline.titles import title_of  # noqa: E402
from studio.qt.jam_header import format_countdown  # noqa: E402
from studio.qt.jam_player import PlayState  # noqa: E402
from studio.qt.jam_window import JamWindow  # noqa: E402
from studio.qt.star_rating import StarRating  # noqa: E402
from studio.settings import Paths  # noqa: E402
from tests.conftest import GAMES, ROOT  # noqa: E402

STARTERS = ROOT / "assets" / "starters"
HOSTILE = GAMES / "hostile" / "os_system.py"
GAME_TIMEOUT_MS = 30_000  # the machine is shared: a runner may take a while to warm


class FakeClock:
    """time.time() for the jam screen, moved by the test."""

    def __init__(self, now: float = 1_800_000_000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


def _cartridge(folder: Path, source: Path, author: str = "") -> Path:
    code = source.read_text(encoding="utf-8")
    path = folder / f"{source.stem}.minigame"
    write_cartridge(path, Cartridge(title=title_of(code, source.stem), code=code, author=author))
    return path


@pytest.fixture
def open_jam_window(
    qtbot, tmp_path, monkeypatch, runner_settings, no_leaks
) -> Iterator[Callable[..., JamWindow]]:  # noqa: ANN001
    """Opens JamWindows on a real library file in a fresh data dir; closes them afterwards."""
    monkeypatch.setenv("MINIGAME_STUDIO_HOME", str(tmp_path / "home"))
    paths = Paths()
    store = VersionStore(paths.library_file())
    jam_store = JamStore(store)
    opened: list[JamWindow] = []

    def open_one(
        clock: FakeClock, current_game=None, library: GameLibrary | None = None
    ) -> JamWindow:  # noqa: ANN001
        window = JamWindow(
            jam_store,
            library,
            paths,
            current_game,
            clock=clock,
            rng=random.Random(7),
            runner_settings=runner_settings,
        )
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()  # shortcuts (F5, Enter in the vote panel) need an active window
        qtbot.waitUntil(window.isActiveWindow, timeout=5000)
        opened.append(window)
        return window

    yield open_one
    for window in opened:
        window.close()
    jam_store.close()
    store.close()


def _create_jam(qtbot, window: JamWindow, name: str, hours: int = 1) -> None:  # noqa: ANN001
    dialog = window.new_jam()
    qtbot.keyClicks(dialog.name, name)
    qtbot.mouseClick(dialog.draw_button, Qt.MouseButton.LeftButton)
    dialog.amount.setValue(hours)
    dialog.unit.setCurrentIndex(1)  # hours
    assert dialog.start_now.isChecked()
    qtbot.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
    )
    assert not dialog.isVisible()
    window.activateWindow()  # the offscreen platform does not hand activation back by itself
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)


def _vote_with_keys(qtbot, window: JamWindow, stars: tuple[int, int, int]) -> None:  # noqa: ANN001
    """Esc takes the keyboard from the game to the first star row; digits, Tab, then Enter."""
    panel = window.play.vote_panel
    qtbot.keyClick(window.play.view, Qt.Key.Key_Escape)
    rows = (panel.fun, panel.theme, panel.look)
    for number, (row, value) in enumerate(zip(rows, stars, strict=True)):
        qtbot.waitUntil(row.hasFocus, timeout=2000)
        qtbot.keyClick(row, getattr(Qt.Key, f"Key_{value}"))
        assert row.value == value
        if number < 2:
            qtbot.keyClick(row, Qt.Key.Key_Tab)
    qtbot.keyClick(panel.look, Qt.Key.Key_Return)


def _wait_for_frames(qtbot, window: JamWindow) -> None:  # noqa: ANN001
    before = window.play.view.frames_received
    qtbot.waitUntil(
        lambda: (
            window.player.status.state is PlayState.RUNNING
            and window.play.view.frames_received > before + 2
        ),
        timeout=GAME_TIMEOUT_MS,
    )


def test_a_jam_from_creation_to_results(qtbot, open_jam_window, tmp_path) -> None:  # noqa: ANN001
    clock = FakeClock()
    window = open_jam_window(clock)
    assert window.header.state == "none"

    # Create with a drawn theme, started at once: the countdown moves as the clock does.
    _create_jam(qtbot, window, "Friday Jam")
    jam = window.jam
    assert jam is not None and jam.name == "Friday Jam" and jam.theme in THEMES
    assert jam.started_at == clock.now and jam.duration_s == 3600
    assert window.header.countdown.text() == "1:00:00"
    clock.now += 61.5
    qtbot.waitUntil(lambda: window.header.countdown.text() == "58:59", timeout=5000)
    assert window.header.state == "running"

    # Three entries: two on time (one a hostile game), one after time is up (marked late).
    cartridges = tmp_path / "cartridges"
    cartridges.mkdir()
    snake = window.entries.add_entry_from_file(_cartridge(cartridges, STARTERS / "snake.py"), "Ada")
    hostile = window.entries.add_entry_from_file(
        _cartridge(cartridges, HOSTILE, author="Mallory"), ""
    )
    clock.now += 3600
    qtbot.waitUntil(lambda: window.header.countdown.text() == "Time's up", timeout=5000)
    pong = window.entries.add_entry_from_file(_cartridge(cartridges, STARTERS / "pong.py"), "Bo")
    assert snake and hostile and pong
    assert hostile.author == "Mallory"  # from the cartridge when none is typed
    assert window.entries.list.count() == 3
    assert [window.entries.is_late(entry) for entry in (snake, hostile, pong)] == [
        False,
        False,
        True,
    ]
    assert (
        "late" in window.entries.list.item(2).text()
        and "late" not in window.entries.list.item(0).text()
    )
    assert "marked late" in window.message_bar.text()

    # Play each in turn: frames for good entries; the hostile one is refused in place and Next works.
    qtbot.mouseClick(window.entries.play_button, Qt.MouseButton.LeftButton)
    assert window.tabs.currentWidget() is window.play
    assert window.play.current_entry() == snake
    _wait_for_frames(qtbot, window)
    # The cartridge came without a thumbnail: a picture taken while it plays is kept.
    qtbot.waitUntil(
        lambda: window.entries.jam_store.entry(snake.id).thumbnail_png is not None, timeout=GAME_TIMEOUT_MS
    )
    qtbot.keyClick(window.play.view, Qt.Key.Key_PageDown)
    assert window.play.current_entry() == hostile
    qtbot.waitUntil(lambda: window.player.status.state is PlayState.FAILED, timeout=GAME_TIMEOUT_MS)
    shown = window.play.view.message or ""  # e.g. "The game failed: line 22: AttributeError: ..."
    assert "system" in shown and ("Refused" in shown or "failed" in shown)
    assert shown in window.play.status.text()
    assert "PWNED" not in shown
    assert not Path("/tmp/minigame-pwned-os_system").exists()
    qtbot.keyClick(window.play.view, Qt.Key.Key_PageDown)
    assert window.play.current_entry() == pong
    _wait_for_frames(qtbot, window)
    assert not window.play.next_button.isEnabled()
    qtbot.keyClick(window.play.view, Qt.Key.Key_PageUp)
    assert window.play.current_entry() == hostile

    # Two voters vote on every entry through the widgets (Enter votes and moves on).
    for voter, ballots in (
        ("Ada", ((5, 4, 5), (1, 1, 1), (3, 3, 3))),
        ("Cy", ((4, 4, 4), (2, 1, 1), (5, 5, 5))),
    ):
        window.play.vote_panel.voter.clear()
        qtbot.keyClicks(window.play.vote_panel.voter, voter)
        qtbot.keyClick(window.play.vote_panel.voter, Qt.Key.Key_F5)
        assert window.play.current_entry() == snake
        for number, stars in enumerate(ballots):
            assert window.play.index == number
            assert [
                s.value
                for s in (
                    window.play.vote_panel.fun,
                    window.play.vote_panel.theme,
                    window.play.vote_panel.look,
                )
            ] == [0, 0, 0]
            _vote_with_keys(qtbot, window, stars)
        assert window.tabs.currentWidget() is window.results
        assert voter in window.message_bar.text()

    # Voting again replaces the vote: Ada changes her stars for the hostile entry.
    window.tabs.setCurrentWidget(window.play)
    window.play.vote_panel.voter.setText("ada")
    window.play.play_index(1)
    assert [
        s.value
        for s in (
            window.play.vote_panel.fun,
            window.play.vote_panel.theme,
            window.play.vote_panel.look,
        )
    ] == [1, 1, 1]
    assert window.play.vote_panel.vote_button.text() == "Change vote"
    _vote_with_keys(qtbot, window, (2, 2, 2))
    assert len(window.jam_store.votes(jam.id)) == 6

    # Results: snake 4.33, pong 4.00, the hostile entry last (fun 2, theme 1.5, look 1.5).
    window.tabs.setCurrentWidget(window.results)
    rows = window.results.table_rows()
    assert [row[1] for row in rows] == ["Snake", "Pong", "Shell (hostile)"]
    assert [row[0] for row in rows] == ["1", "2", "3"]
    assert rows[0][2:] == ["Ada", "4.50", "4.00", "4.50", "4.33", "2"]
    assert rows[2][3:] == ["2.00", "1.50", "1.50", "1.67", "2"]

    markdown_path, csv_path = tmp_path / "results.md", tmp_path / "results.csv"
    assert window.results.export_markdown(markdown_path)
    assert window.results.export_csv(csv_path)
    markdown = markdown_path.read_text(encoding="utf-8")
    assert "Friday Jam" in markdown and jam.theme.replace("'", "") in markdown.replace(
        "\\", ""
    ).replace("'", "")
    table = [line for line in markdown.splitlines() if line.startswith("| ") and "---" not in line][
        1:
    ]
    assert [line.split(" | ")[1] for line in table] == ["Snake", "Pong", "Shell (hostile)"]
    parsed = list(csv.DictReader(io.StringIO(csv_path.read_text(encoding="utf-8"))))
    assert [(row["rank"], row["title"], row["author"], row["voters"]) for row in parsed] == [
        ("1", "Snake", "Ada", "2"),
        ("2", "Pong", "Bo", "2"),
        ("3", "Shell (hostile)", "Mallory", "2"),
    ]
    assert float(parsed[0]["overall"]) == pytest.approx(13 / 3, abs=1e-3)


def test_bad_files_and_packs_show_their_message_and_lose_nothing(
    qtbot, open_jam_window, tmp_path
) -> None:  # noqa: ANN001
    clock = FakeClock()
    window = open_jam_window(clock)
    _create_jam(qtbot, window, "Pack Jam")
    jam = window.jam
    assert jam is not None
    good = window.entries.add_entry_from_file(STARTERS / "maze.py", "Dee")  # a plain .py game
    assert good is not None and good.title == "Maze"

    corrupt = tmp_path / "broken.minigame"
    corrupt.write_bytes(b"PK\x03\x04 this is not really a zip")
    assert window.entries.add_entry_from_file(corrupt, "Eve") is None
    assert window.message_bar.level == "error" and "broken.minigame" in window.message_bar.text()
    binary = tmp_path / "binary.py"
    binary.write_bytes(b"\x00\x01\x02")
    assert window.entries.add_entry_from_file(binary, "Eve") is None
    assert "binary" in window.message_bar.text()
    assert window.entries.add_entry_from_file(STARTERS / "pong.py", "   ") is None
    assert "author" in window.message_bar.text()
    assert [entry.title for entry in window.entries.entries] == ["Maze"]

    # Hand out the jam as a pack; it opens as a new jam with the same entries.
    pack = tmp_path / "pack-jam.minijam"
    assert window.entries.export_jam_pack(pack)
    opened = window.open_jam_pack(pack)
    assert opened is not None and opened.id != jam.id and opened.theme == jam.theme
    assert window.jam == opened and [e.title for e in window.entries.entries] == ["Maze"]
    assert opened.started_at is None and window.header.state == "waiting"
    qtbot.mouseClick(window.header.start_button, Qt.MouseButton.LeftButton)
    assert window.jam.started_at == clock.now and window.header.state == "running"

    # Not a pack, and a pack cut short: one-line errors, no jam made.
    jams_before = len(window.jam_store.jams())
    not_a_pack = tmp_path / "notes.minijam"
    not_a_pack.write_text("hello", encoding="utf-8")
    assert window.open_jam_pack(not_a_pack) is None
    assert window.message_bar.level == "error" and "not a jam pack" in window.message_bar.text()
    cut = tmp_path / "cut.minijam"
    cut.write_bytes(pack.read_bytes()[: len(pack.read_bytes()) // 2])
    assert window.open_jam_pack(cut) is None
    assert "cut.minijam" in window.message_bar.text() and "\n" not in window.message_bar.text()
    assert len(window.jam_store.jams()) == jams_before

    # A pack with one broken cartridge: the good entries are collected, the broken one reported.
    mixed = tmp_path / "mixed.minijam"
    with zipfile.ZipFile(pack) as source, zipfile.ZipFile(mixed, "w") as out:
        manifest = source.read("manifest.json").decode("utf-8")
        out.writestr(
            "manifest.json",
            manifest.replace(
                '"entries": [',
                '"entries": [{"file": "entries/00-bad.minigame", "author": "Zed", "title": "Bad"}, ',
            ),
        )
        for name in source.namelist():
            if name != "manifest.json":
                out.writestr(name, source.read(name))
        out.writestr("entries/00-bad.minigame", b"garbage")
    window.reload_jams(select_id=jam.id)
    window.entries.add_entry_from_file(STARTERS / "snake.py", "Fay")
    problems = window.entries.collect_jam_pack(mixed)
    assert problems is not None and any("Bad" in problem for problem in problems)
    assert any("already in the jam" in problem for problem in problems)  # Maze was there
    assert window.message_bar.level == "warning" and "Bad" in window.message_bar.text()
    assert [e.title for e in window.entries.entries] == ["Maze", "Snake"]


def test_submit_current_game_and_keep_it_in_the_library(qtbot, open_jam_window) -> None:  # noqa: ANN001
    code = (STARTERS / "flappy.py").read_text(encoding="utf-8")
    window = open_jam_window(FakeClock(), current_game=lambda: ("My Flappy", code))
    _create_jam(qtbot, window, "Studio Jam")
    assert window.entries.submit_button.isVisibleTo(window)
    entry = window.entries.submit_current_game("Gus")
    assert entry is not None and entry.title == "My Flappy" and entry.code == code

    library_store = VersionStore(Paths().library_file())
    library = GameLibrary(library_store)
    other = open_jam_window(FakeClock(), library=library)
    assert other.jam is not None and other.jam.name == "Studio Jam"
    game = other.entries.save_selected_to_library()
    assert game is not None and not game.trusted and game.origin == "jam" and game.author == "Gus"
    assert library.code(game.id) == code

    other.entries.remove_entry(other.entries.entries[0])
    assert other.entries.list.count() == 0 and other.jam_store.entries(other.jam.id) == []
    assert not other.entries.play_button.isEnabled()
    other.close()
    library_store.close()


def test_a_new_jam_needs_a_name_and_a_theme(qtbot, open_jam_window) -> None:  # noqa: ANN001
    window = open_jam_window(FakeClock())
    dialog = window.new_jam()
    dialog.theme.clear()
    qtbot.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
    )
    assert dialog.isVisible() and "name" in dialog.error.text()
    qtbot.keyClicks(dialog.name, "No Theme Jam")
    qtbot.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
    )
    assert dialog.isVisible() and "theme" in dialog.error.text()
    first = dialog.draw()
    assert first in THEMES and dialog.draw() != first  # a second draw gives another theme
    dialog.unit.setCurrentIndex(2)  # days: at most 14
    assert dialog.amount.maximum() == 14
    dialog.reject()
    assert window.jam_store.jams() == []


def test_closing_while_an_entry_hangs_kills_it_and_the_window_opens_again(
    qtbot, open_jam_window
) -> None:  # noqa: ANN001
    window = open_jam_window(FakeClock())
    _create_jam(qtbot, window, "Hang Jam")
    window.entries.add_entry_from_file(GAMES / "hostile" / "loop_in_update.py", "Hal")
    window.entries.add_entry_from_file(STARTERS / "runner.py", "Ike")
    window.play_entries(0)
    qtbot.waitUntil(lambda: window.play.view.frames_received > 0, timeout=GAME_TIMEOUT_MS)
    pid = window.player.host.runner_pid
    window.close()  # while update() spins: the runner is killed, not waited for
    assert not window.player.started and pid is not None
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)

    window.show()  # shown again, the same window plays again (the fixture's no_leaks checks the end)
    window.play_entries(1)
    _wait_for_frames(qtbot, window)


def test_star_rating_keys_and_clicks(qtbot) -> None:  # noqa: ANN001
    stars = StarRating()
    qtbot.addWidget(stars)
    stars.show()
    seen: list[int] = []
    stars.value_changed.connect(seen.append)
    qtbot.keyClick(stars, Qt.Key.Key_4)
    qtbot.keyClick(stars, Qt.Key.Key_Right)
    qtbot.keyClick(stars, Qt.Key.Key_Right)  # stays at 5
    qtbot.keyClick(stars, Qt.Key.Key_Left)
    qtbot.keyClick(stars, Qt.Key.Key_0)
    assert seen == [4, 5, 4, 0]
    qtbot.mouseClick(stars, Qt.MouseButton.LeftButton, pos=stars.rect().center())
    assert stars.value == 3


@pytest.mark.parametrize(
    ("seconds", "shown"),
    [
        (0, "0:00"),
        (0.2, "0:01"),
        (59, "0:59"),
        (3600, "1:00:00"),
        (3599.5, "1:00:00"),
        (86400 * 2 + 3661, "2 d 01:01:01"),
        (-5, "0:00"),
    ],
)
def test_countdown_format(seconds: float, shown: str) -> None:
    assert format_countdown(seconds) == shown


def test_a_vote_needs_a_name_and_every_row(qtbot) -> None:  # noqa: ANN001
    from studio.qt.jam_vote import VotePanel

    panel = VotePanel()
    qtbot.addWidget(panel)
    panel.show()
    sent: list[tuple[str, int, int, int]] = []
    panel.vote_requested.connect(lambda *vote: sent.append(vote))
    panel.submit()
    assert "name" in panel.status.text() and sent == []
    panel.voter.setText("  Ida ")
    panel.fun.set_value(3)
    panel.submit()
    assert "theme" in panel.status.text() and sent == []
    panel.theme.set_value(4)
    panel.look.set_value(5)
    panel.submit()
    assert sent == [("Ida", 3, 4, 5)]

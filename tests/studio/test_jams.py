"""Jams: lifecycle and countdown, validation, entries, votes, ranking, exports and themes.

Real SQLite files (the library's own file, through VersionStore); times are passed in
explicitly, so no test depends on the wall clock.
"""

from __future__ import annotations

import csv
import io
import random
import threading
from pathlib import Path

import pytest

from studio.library.cartridge import Cartridge
from studio.library.jam_results import (
    COLUMNS,
    NO_SCORE,
    rank_entries,
    results_csv,
    results_markdown,
)
from studio.library.jam_themes import THEMES, draw_theme
from studio.library.jams import (
    MAX_DURATION_S,
    MIN_DURATION_S,
    Entry,
    Jam,
    JamError,
    JamStore,
    Vote,
)
from studio.library.store import VersionStore

HOUR = 3600
SNAKE = (
    '"""Snake. Arrows steer."""\nimport pygame\n\ndef draw(screen):\n    screen.fill((0, 0, 0))\n'
)




def game(title: str = "Snake", author: str = "", code: str = SNAKE, **extra: object) -> Cartridge:
    return Cartridge(title=title, code=code, author=author, **extra)  # type: ignore[arg-type]


def one_line_error(error: pytest.ExceptionInfo[JamError]) -> str:
    message = str(error.value)
    assert message and "\n" not in message
    return message


# --- jams and the countdown -------------------------------------------------------------------


def test_a_jam_is_created_listed_and_started(jams: JamStore) -> None:
    jam = jams.create_jam("Spring jam", "Growing", 48 * HOUR, now=1000.0)
    assert jam == Jam(jam.id, "Spring jam", "Growing", 48 * HOUR, 1000.0, None)
    later = jams.create_jam("Tiny jam", "Loop", HOUR, now=1001.0)
    assert [j.id for j in jams.jams()] == [later.id, jam.id]  # newest first
    started = jams.start(jam.id, now=5000.0)
    assert started.started_at == 5000.0 and jams.get(jam.id) == started
    with pytest.raises(JamError) as error:
        jams.start(jam.id, now=6000.0)
    assert "already started" in one_line_error(error)
    assert jams.get(jam.id).started_at == 5000.0


def test_countdown_math() -> None:
    jam = Jam(1, "J", "T", duration_s=HOUR, created_at=0.0, started_at=None)
    assert jam.ends_at is None
    assert jam.remaining_s(10**9) == HOUR  # not started: the whole duration, however late
    assert not jam.is_over(10**9)
    started = Jam(1, "J", "T", duration_s=HOUR, created_at=0.0, started_at=100.0)
    assert started.ends_at == 100.0 + HOUR
    assert started.remaining_s(100.0) == HOUR
    assert started.remaining_s(100.0 + 1800.5) == pytest.approx(1799.5)
    assert not started.is_over(100.0 + HOUR - 0.001)
    assert started.is_over(100.0 + HOUR)
    assert started.remaining_s(100.0 + HOUR) == 0.0
    assert started.remaining_s(100.0 + 10 * HOUR) == 0.0  # never negative


@pytest.mark.parametrize(
    ("name", "theme", "duration_s", "says"),
    [
        ("", "Loop", HOUR, "name"),
        (" \n\t ", "Loop", HOUR, "name"),
        ("Jam", "", HOUR, "theme"),
        ("Jam", "\u202e\u2066 ", HOUR, "theme"),  # only direction overrides: empty
        ("Jam", "Loop", MIN_DURATION_S - 1, "1 minute to 14 days"),
        ("Jam", "Loop", MAX_DURATION_S + 1, "1 minute to 14 days"),
        ("Jam", "Loop", 0, "1 minute to 14 days"),
        ("Jam", "Loop", -HOUR, "1 minute to 14 days"),
        ("Jam", "Loop", float("nan"), "1 minute to 14 days"),
        ("Jam", "Loop", True, "number of seconds"),
        ("Jam", "Loop", "3600", "number of seconds"),
    ],
)
def test_a_bad_jam_is_refused_in_one_line(
    jams: JamStore,
    name: str,
    theme: str,
    duration_s: object,
    says: str,
) -> None:
    with pytest.raises(JamError) as error:
        jams.create_jam(name, theme, duration_s)  # type: ignore[arg-type]
    assert says in one_line_error(error)
    assert jams.jams() == []


def test_duration_limits_are_inclusive_and_names_are_cleaned(jams: JamStore) -> None:
    assert jams.create_jam("Short", "Loop", MIN_DURATION_S).duration_s == MIN_DURATION_S
    assert jams.create_jam("Long", "Loop", MAX_DURATION_S).duration_s == MAX_DURATION_S
    jam = jams.create_jam("  Spring\n\tjam\x00 \u202e2024 ", "贪吃蛇\r\nsnake 🐍", HOUR)
    assert (jam.name, jam.theme) == ("Spring jam 2024", "贪吃蛇 snake 🐍")
    assert len(jams.create_jam("x" * 500, "y" * 500, HOUR).name) == 80


def test_unknown_ids_say_so(jams: JamStore) -> None:
    for call in (
        lambda: jams.get(99),
        lambda: jams.start(99),
        lambda: jams.entries(99),
        lambda: jams.add_entry(99, game(author="Ann")),
        lambda: jams.votes(99),
        lambda: jams.results(99),
        lambda: jams.delete_jam(99),
    ):
        with pytest.raises(JamError) as error:
            call()
        assert "no jam #99" in one_line_error(error)
    for call in (
        lambda: jams.entry(7),
        lambda: jams.remove_entry(7),
        lambda: jams.vote(7, "Ann", 3, 3, 3),
    ):
        with pytest.raises(JamError) as error:
            call()
        assert "no jam entry #7" in one_line_error(error)


def test_jams_outlive_the_store(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite3"
    first = VersionStore(path)
    jams = JamStore(first)
    jam = jams.create_jam("Jam", "Loop", HOUR, now=1.0)
    entry = jams.add_entry(jam.id, game(author="Ann"), now=2.0)
    jams.vote(entry.id, "Bo", 5, 4, 3)
    first.close()
    again = VersionStore(path)
    try:
        reopened = JamStore(again)  # tables already there: created only if missing
        assert reopened.get(jam.id) == jam
        assert reopened.entries(jam.id) == [entry]
        assert reopened.votes(jam.id) == [Vote(entry.id, "Bo", 5, 4, 3)]
    finally:
        again.close()


def test_deleting_a_jam_takes_its_entries_and_votes(jams: JamStore) -> None:
    doomed = jams.create_jam("Doomed", "Loop", HOUR)
    kept = jams.create_jam("Kept", "Loop", HOUR)
    gone = jams.add_entry(doomed.id, game(author="Ann"))
    stays = jams.add_entry(kept.id, game(author="Bo"))
    jams.vote(gone.id, "Cy", 1, 1, 1)
    jams.vote(stays.id, "Cy", 2, 2, 2)
    jams.delete_jam(doomed.id)
    assert [j.id for j in jams.jams()] == [kept.id]
    with pytest.raises(JamError):
        jams.entry(gone.id)
    assert jams.votes(kept.id) == [Vote(stays.id, "Cy", 2, 2, 2)]


def test_a_transaction_is_all_or_nothing(jams: JamStore) -> None:
    with pytest.raises(RuntimeError), jams.transaction():
        jam = jams.create_jam("Half", "Loop", HOUR)
        jams.add_entry(jam.id, game(author="Ann"))
        raise RuntimeError("crash half-way")
    assert jams.jams() == []


# --- entries --------------------------------------------------------------------------------


def test_entries_are_snapshots_in_the_order_added(jams: JamStore) -> None:
    jam = jams.create_jam("Jam", "Loop", HOUR)
    other = jams.create_jam("Other", "Loop", HOUR)
    png = b"\x89PNG\r\n\x1a\n fake but kept verbatim"
    first = jams.add_entry(
        jam.id,
        game("Snake 🐍", author="Cartridge Author", description="eat\napples", thumbnail_png=png),
        author="  Ann\n",
        now=10.0,
    )
    assert first == Entry(first.id, jam.id, "Snake 🐍", "Ann", SNAKE, "eat\napples", png, 10.0)
    second = jams.add_entry(jam.id, game("Pong", author="Cartridge Author"), now=5.0)
    assert second.author == "Cartridge Author"  # no author typed: the cartridge's own
    jams.add_entry(other.id, game("Elsewhere", author="Cy"))
    assert [e.title for e in jams.entries(jam.id)] == ["Snake 🐍", "Pong"]
    assert jams.add_entry(jam.id, game("   ", author="Di")).title == "Untitled game"


def test_an_entry_needs_an_author_and_code(jams: JamStore) -> None:
    jam = jams.create_jam("Jam", "Loop", HOUR)
    with pytest.raises(JamError) as error:
        jams.add_entry(jam.id, game(author=" "), author="\n")
    assert "author" in one_line_error(error)
    with pytest.raises(JamError) as error:
        jams.add_entry(jam.id, game(code=" \n"), author="Ann")
    assert "no code" in one_line_error(error)
    with pytest.raises(JamError) as error:
        jams.add_entry(jam.id, game(code="x = 1\n" * 200_000), author="Ann")
    assert "MB" in one_line_error(error)
    assert jams.entries(jam.id) == []


def test_removing_an_entry_removes_its_votes(jams: JamStore) -> None:
    jam = jams.create_jam("Jam", "Loop", HOUR)
    gone = jams.add_entry(jam.id, game("Gone", author="Ann"))
    kept = jams.add_entry(jam.id, game("Kept", author="Bo"))
    jams.vote(gone.id, "Cy", 5, 5, 5)
    jams.vote(kept.id, "Cy", 1, 2, 3)
    jams.remove_entry(gone.id)
    assert jams.entries(jam.id) == [kept]
    assert jams.votes(jam.id) == [Vote(kept.id, "Cy", 1, 2, 3)]


def test_a_hostile_entry_is_stored_verbatim_and_never_run(jams: JamStore, tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    hostile = (
        '"""Totally fine game."""\n'
        "import os, shutil\n"
        f"open({str(marker)!r}, 'w').write('ran at import')\n"
        f"os.system('touch {marker}-shell')\n"
        "shutil.rmtree('/')  # noqa\n"
        "def update(dt):\n"
        f"    open({str(marker)!r}, 'w').write('ran in update')\n"
        "\x0c# form feed, tabs\t, CRLF\r\n and a lone CR\r are all kept\n"
    )
    jam = jams.create_jam("Jam", "Loop", HOUR)
    entry = jams.add_entry(jam.id, game("Evil", author="Mallory", code=hostile))
    jams.vote(entry.id, "Victim", 5, 5, 5)
    assert jams.entry(entry.id).code == hostile
    assert [e.code for e in jams.entries(jam.id)] == [hostile]
    assert jams.results(jam.id)[0].entry.code == hostile
    assert not marker.exists() and not Path(f"{marker}-shell").exists()


# --- votes ------------------------------------------------------------------------------------


def test_voting_again_replaces_the_vote(jams: JamStore) -> None:
    jam = jams.create_jam("Jam", "Loop", HOUR)
    snake = jams.add_entry(jam.id, game("Snake", author="Ann"))
    pong = jams.add_entry(jam.id, game("Pong", author="Bo"))
    assert jams.vote(snake.id, "Cy", 1, 2, 3) == Vote(snake.id, "Cy", 1, 2, 3)
    jams.vote(pong.id, "Cy", 4, 4, 4)
    jams.vote(snake.id, "Di", 5, 5, 5)
    jams.vote(snake.id, " cy ", 3, 2, 1)  # the same voter, however typed
    assert jams.votes(jam.id) == [
        Vote(snake.id, "cy", 3, 2, 1),
        Vote(snake.id, "Di", 5, 5, 5),
        Vote(pong.id, "Cy", 4, 4, 4),
    ]


@pytest.mark.parametrize(
    ("voter", "stars", "says"),
    [
        ("", (3, 3, 3), "voter's name"),
        ("\n \t", (3, 3, 3), "voter's name"),
        ("Cy", (0, 3, 3), "fun"),
        ("Cy", (3, 6, 3), "theme"),
        ("Cy", (3, 3, -1), "look"),
        ("Cy", (2.5, 3, 3), "whole number"),
        ("Cy", (True, 3, 3), "whole number"),
        ("Cy", ("5", 3, 3), "whole number"),
        ("Cy", (None, 3, 3), "whole number"),
    ],
)
def test_bad_votes_are_refused(
    jams: JamStore, voter: str, stars: tuple[object, ...], says: str
) -> None:
    jam = jams.create_jam("Jam", "Loop", HOUR)
    entry = jams.add_entry(jam.id, game(author="Ann"))
    with pytest.raises(JamError) as error:
        jams.vote(entry.id, voter, *stars)  # type: ignore[arg-type]
    assert says in one_line_error(error)
    assert jams.votes(jam.id) == []


def test_votes_from_many_threads_all_land(jams: JamStore) -> None:
    jam = jams.create_jam("Jam", "Loop", HOUR)
    entries = [jams.add_entry(jam.id, game(f"Game {n}", author=f"A{n}")) for n in range(4)]
    failures: list[BaseException] = []

    def voter(name: str) -> None:
        try:
            for entry in entries:
                for stars in range(1, 6):
                    jams.vote(entry.id, name, stars, stars, stars)
                    jams.results(jam.id)
        except BaseException as error:  # noqa: BLE001 - reported by the assert below
            failures.append(error)

    threads = [threading.Thread(target=voter, args=(f"V{n}",)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert failures == []
    assert len(jams.votes(jam.id)) == 16
    assert all(vote.fun == 5 for vote in jams.votes(jam.id))


# --- results ----------------------------------------------------------------------------------


def _entry(entry_id: int, title: str) -> Entry:
    return Entry(entry_id, 1, title, f"author {entry_id}", "x = 1\n", "", None, float(entry_id))


def test_results_rank_by_the_mean_of_the_three_means() -> None:
    a, b, c = _entry(1, "A"), _entry(2, "B"), _entry(3, "C")
    votes = [
        Vote(1, "v1", 5, 1, 3),
        Vote(1, "v2", 3, 3, 3),  # means 4, 2, 3 → overall 3
        Vote(2, "v1", 4, 4, 4),  # overall 4
        Vote(3, "v1", 2, 2, 2),
        Vote(3, "v2", 2, 2, 3),
        Vote(3, "v3", 2, 2, 2),
    ]
    results = rank_entries([a, b, c], votes)
    assert [(r.entry.title, r.rank, r.voters) for r in results] == [
        ("B", 1, 1),
        ("A", 2, 2),
        ("C", 3, 3),
    ]
    assert (results[1].fun, results[1].theme, results[1].look, results[1].overall) == (
        4.0,
        2.0,
        3.0,
        3.0,
    )
    assert results[2].look == pytest.approx(7 / 3)
    assert results[2].overall == pytest.approx((2 + 2 + 7 / 3) / 3)


def test_ties_share_a_rank_and_unvoted_entries_come_last() -> None:
    entries = [_entry(n, title) for n, title in enumerate("QPONM", start=1)]
    votes = [
        # Q and P tie exactly at 59/9, reached through different thirds: float sums differ,
        # fractions do not.
        Vote(1, "a", 5, 5, 4),
        Vote(1, "b", 5, 5, 5),
        Vote(1, "c", 5, 5, 5),
        Vote(2, "a", 4, 5, 5),
        Vote(2, "b", 5, 5, 5),
        Vote(2, "c", 5, 5, 5),
        Vote(3, "a", 3, 3, 3),
        Vote(5, "a", 3, 3, 3),  # O and M tie at 3
    ]
    results = rank_entries(entries, votes)
    assert [(r.entry.title, r.rank) for r in results] == [
        ("P", 1),
        ("Q", 1),
        ("M", 3),
        ("O", 3),
        ("N", None),  # ties by title; N never voted on
    ]
    unvoted = results[-1]
    assert (unvoted.voters, unvoted.fun, unvoted.theme, unvoted.look, unvoted.overall) == (
        0,
        None,
        None,
        None,
        None,
    )
    assert rank_entries([], []) == []
    nobody = rank_entries(entries[:2], [])
    assert [(r.entry.title, r.rank) for r in nobody] == [("Q", None), ("P", None)]  # as entered


def test_results_from_the_store(jams: JamStore) -> None:
    jam = jams.create_jam("Jam", "Loop", HOUR)
    snake = jams.add_entry(jam.id, game("Snake", author="Ann"))
    pong = jams.add_entry(jam.id, game("Pong", author="Bo"))
    lonely = jams.add_entry(jam.id, game("Lonely", author="Cy"))
    jams.vote(snake.id, "Di", 2, 2, 2)
    jams.vote(pong.id, "Di", 5, 4, 3)
    jams.vote(pong.id, "Ed", 3, 4, 5)
    results = jams.results(jam.id)
    assert [(r.entry, r.rank, r.overall) for r in results] == [
        (pong, 1, 4.0),
        (snake, 2, 2.0),
        (lonely, None, None),
    ]


# --- exports ----------------------------------------------------------------------------------


def _exported_jam(jams: JamStore) -> Jam:
    jam = jams.create_jam("Spring | jam", "Growing *fast*", HOUR)
    snake = jams.add_entry(jam.id, game("贪吃蛇 Snake", author="Ann"))
    evil = jams.add_entry(
        jam.id, game('=HYPERLINK("http://x.example","click")', author="+Mallory|<b>")
    )
    jams.add_entry(jam.id, game("@SUM(A1)", author="-Eve"))
    jams.vote(snake.id, "Di", 5, 4, 3)
    jams.vote(evil.id, "Di", 1, 1, 2)
    return jam


def test_markdown_results(jams: JamStore) -> None:
    jam = _exported_jam(jams)
    text = results_markdown(jam, jams.results(jam.id))
    lines = text.splitlines()
    assert lines[0] == "# Spring \\| jam: results"
    assert "Theme: **Growing \\*fast\\***" in text and "3 entries" in text
    table = [line for line in lines if line.startswith("|")]
    assert table[0] == "| Rank | Title | Author | Fun | Theme | Look | Overall | Voters |"
    assert table[2] == "| 1 | 贪吃蛇 Snake | Ann | 5.00 | 4.00 | 3.00 | 4.00 | 1 |"
    assert table[3].startswith(
        '| 2 | =HYPERLINK("http://x.example","click") | +Mallory\\|\\<b\\> | 1.00 |'
    )
    assert (
        table[4]
        == f"| {NO_SCORE} | @SUM(A1) | -Eve | {NO_SCORE} | {NO_SCORE} | {NO_SCORE} | {NO_SCORE} | 0 |"
    )
    for row in table:  # escaped pipes never add a column
        assert row.replace("\\|", "").count("|") == len(COLUMNS) + 1
    assert text.endswith("\n")


def test_markdown_of_a_jam_without_entries(jams: JamStore) -> None:
    jam = jams.create_jam("Empty", "Loop", HOUR)
    text = results_markdown(jam, jams.results(jam.id))
    assert "0 entries" in text
    assert (
        text.splitlines()[-1] == "| " + " | ".join([NO_SCORE] * len(COLUMNS)) + " |"
    )  # a table, empty


def test_csv_results_parse_back_and_defuse_formulas(jams: JamStore) -> None:
    jam = _exported_jam(jams)
    text = results_csv(jam, jams.results(jam.id))
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert rows[0] == list(COLUMNS)
    assert rows[1] == ["1", "贪吃蛇 Snake", "Ann", "5.000", "4.000", "3.000", "4.000", "1"]
    assert rows[2] == [
        "2",
        '\'=HYPERLINK("http://x.example","click")',
        "'+Mallory|<b>",
        "1.000",
        "1.000",
        "2.000",
        "1.333",
        "1",
    ]
    assert rows[3] == ["", "'@SUM(A1)", "'-Eve", "", "", "", "", "0"]
    assert len(rows) == 4
    assert text.encode("utf-8").decode("utf-8") == text
    assert not any(cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row)


# --- themes -----------------------------------------------------------------------------------


def test_the_built_in_themes() -> None:
    assert len(THEMES) >= 40
    assert len({theme.casefold() for theme in THEMES}) == len(THEMES)
    assert all(theme == theme.strip() and 0 < len(theme) <= 40 for theme in THEMES)


def test_drawing_a_theme_is_repeatable_and_avoids_old_ones() -> None:
    draws = [draw_theme(random.Random(7)) for _ in range(3)]
    assert len(set(draws)) == 1 and draws[0] in THEMES
    spread = {draw_theme(random.Random(seed)) for seed in range(200)}
    assert len(spread) > 20
    almost_all = THEMES[:-1]
    assert draw_theme(random.Random(1), avoid=[t.upper() for t in almost_all]) == THEMES[-1]
    assert draw_theme(random.Random(1), avoid=THEMES) in THEMES  # all used: start over


def test_a_picture_taken_in_play_is_kept_only_for_an_entry_without_one(tmp_path) -> None:  # noqa: ANN001
    import io

    from PIL import Image

    from studio.library.cartridge import Cartridge
    from studio.library.jams import JamError, JamStore
    from studio.library.store import VersionStore

    def png(colour: tuple[int, int, int]) -> bytes:
        out = io.BytesIO()
        Image.new("RGB", (8, 6), colour).save(out, "PNG")
        return out.getvalue()

    store = VersionStore(tmp_path / "library.sqlite3")
    try:
        jams = JamStore(store)
        jam = jams.create_jam("Jam", "Growing", 3600)
        bare = jams.add_entry(jam.id, Cartridge("Bare", "x = 1\n"), "Ann")
        framed = jams.add_entry(jam.id, Cartridge("Framed", "y = 2\n", thumbnail_png=png((0, 0, 9))), "Bo")
        assert jams.set_entry_thumbnail(bare.id, png((9, 0, 0)))
        assert not jams.set_entry_thumbnail(framed.id, png((9, 9, 9)))  # its own picture stays
        assert jams.entry(bare.id).thumbnail_png == png((9, 0, 0))
        assert jams.entry(framed.id).thumbnail_png == png((0, 0, 9))
        with pytest.raises(JamError):
            jams.set_entry_thumbnail(bare.id, b"GIF89a not a png")
        with pytest.raises(JamError):
            jams.set_entry_thumbnail(10_000, png((1, 1, 1)))
    finally:
        store.close()

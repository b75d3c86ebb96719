"""Jam packs: round trip, import and collecting, and hostile packs (corrupt, truncated, bombs,
odd names, too many entries, one bad cartridge among good ones).

Real files and real zips; hostile packs are built byte by byte here. Every failure must be a
JamPackError with one line, never another exception, and a broken entry must not lose the
others.
"""

from __future__ import annotations

import io
import json
import random
import struct
import warnings
import zipfile
from pathlib import Path

import pytest
from PIL import Image

from studio.library.cartridge import Cartridge, cartridge_bytes
from studio.library.jam_pack import (
    JAM_PACK_SUFFIX,
    MANIFEST,
    MAX_ENTRIES,
    JamPack,
    JamPackError,
    PackEntry,
    import_jam_pack,
    pack_file_name,
    read_jam_pack,
    read_jam_pack_bytes,
    slug,
    write_jam_pack,
)
from studio.library.jams import Jam, JamStore

HOUR = 3600
SNAKE = (
    '"""Snake. Arrows steer."""\nimport pygame\n\ndef draw(screen):\n    screen.fill((0, 0, 0))\n'
)
PONG = '"""Pong 🏓."""\nimport pygame\nSCORE = "比分"\n'




def png(width: int = 8, height: int = 6) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), (200, 30, 30)).save(out, format="PNG")
    return out.getvalue()


@pytest.fixture
def jam(jams: JamStore) -> Jam:
    """A started jam with three entries, one with a thumbnail, and some votes."""
    jam = jams.create_jam("Spring jam 春", "Growing", 48 * HOUR, now=100.0)
    jams.start(jam.id, now=200.0)
    snake = jams.add_entry(
        jam.id,
        Cartridge("Snake", SNAKE, description="eat\napples", thumbnail_png=png()),
        "Ann",
        now=300.0,
    )
    jams.add_entry(jam.id, Cartridge("Pong 🏓", PONG), "小明", now=301.0)
    jams.add_entry(jam.id, Cartridge("Snake", SNAKE.replace("0, 0, 0", "9, 9, 9")), "Bo", now=302.0)
    jams.vote(snake.id, "Cy", 5, 5, 5)
    return jams.get(jam.id)


def one_line(error: pytest.ExceptionInfo[JamPackError]) -> str:
    message = str(error.value)
    assert message and "\n" not in message
    return message


def zip_bytes(files: dict[str, bytes | str], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # duplicate names on purpose
        with zipfile.ZipFile(out, "w", compression) as pack:
            for name, data in files.items():
                pack.writestr(
                    name.rstrip("\x01"), data
                )  # "\x01" suffix: a second file of that name
    return out.getvalue()


def manifest(entries: list[dict[str, object]] | None = None, **fields: object) -> str:
    body: dict[str, object] = {
        "format": "minigame-jam-pack",
        "version": 1,
        "name": "Jam",
        "theme": "Loop",
        "duration_s": HOUR,
        "entries": entries if entries is not None else [],
    }
    body.update(fields)
    return json.dumps(body)


def cart(title: str = "Snake", code: str = SNAKE, author: str = "Ann") -> bytes:
    return cartridge_bytes(Cartridge(title, code, author))


def pack_of(files: dict[str, bytes | str], tmp_path: Path) -> Path:
    path = tmp_path / f"hostile{JAM_PACK_SUFFIX}"
    path.write_bytes(zip_bytes(files))
    return path


# --- round trip -------------------------------------------------------------------------------


def test_a_jam_pack_round_trips(jams: JamStore, jam: Jam, tmp_path: Path) -> None:
    entries = jams.entries(jam.id)
    path = tmp_path / pack_file_name(jam)
    assert path.name == f"spring-jam{JAM_PACK_SUFFIX}"
    write_jam_pack(path, jam, entries)
    assert [p.name for p in tmp_path.iterdir() if p.is_file()] == [path.name]  # no temp file left
    pack = read_jam_pack(path)
    assert (pack.name, pack.theme, pack.duration_s, pack.problems) == (
        "Spring jam 春",
        "Growing",
        48 * HOUR,
        (),
    )
    assert pack.entries == tuple(
        PackEntry(
            e.author,
            Cartridge(e.title, e.code, e.author, e.description, e.added_at, e.thumbnail_png),
        )
        for e in entries
    )
    with zipfile.ZipFile(path) as raw:
        listed = json.loads(raw.read(MANIFEST))["entries"]
        assert [item["file"] for item in listed] == [
            "entries/01-snake.minigame",
            "entries/02-pong.minigame",
            "entries/03-snake.minigame",
        ]
        assert listed[1] == {
            "file": "entries/02-pong.minigame",
            "author": "小明",
            "title": "Pong 🏓",
        }
        assert sorted(raw.namelist()) == sorted([MANIFEST] + [item["file"] for item in listed])


def test_an_empty_jam_packs_as_a_handout(jams: JamStore, tmp_path: Path) -> None:
    jam = jams.create_jam("Handout", "Loop", HOUR)
    write_jam_pack(tmp_path / "h.minijam", jam, [])
    assert read_jam_pack(tmp_path / "h.minijam") == JamPack("Handout", "Loop", HOUR, (), ())


def test_writing_replaces_atomically_and_fails_in_one_line(
    jams: JamStore, jam: Jam, tmp_path: Path
) -> None:
    path = tmp_path / "p.minijam"
    path.write_bytes(b"an older pack")
    write_jam_pack(path, jam, jams.entries(jam.id))
    assert len(read_jam_pack(path).entries) == 3
    with pytest.raises(JamPackError) as error:
        write_jam_pack(tmp_path / "no such folder" / "p.minijam", jam, [])
    assert "Cannot write" in one_line(error)
    too_many = jams.entries(jam.id) * (MAX_ENTRIES // 3 + 1)
    with pytest.raises(JamPackError) as error:
        write_jam_pack(path, jam, too_many)
    assert f"at most {MAX_ENTRIES}" in one_line(error)
    assert len(read_jam_pack(path).entries) == 3  # the old pack untouched


def test_slugs() -> None:
    assert slug("Snake 🐍: the REVENGE!") == "snake-the-revenge"
    assert slug("贪吃蛇") == "game"
    assert slug("../../etc/passwd") == "etc-passwd"
    assert len(slug("a" * 100)) == 40


def test_importing_creates_an_unstarted_jam_with_the_entries(
    jams: JamStore, jam: Jam, tmp_path: Path
) -> None:
    path = tmp_path / "p.minijam"
    write_jam_pack(path, jam, jams.entries(jam.id))
    imported, problems = import_jam_pack(path, jams)
    assert problems == ()
    assert imported.id != jam.id and imported.started_at is None
    assert (imported.name, imported.theme, imported.duration_s) == (
        jam.name,
        jam.theme,
        jam.duration_s,
    )
    assert [(e.title, e.author, e.code, e.thumbnail_png) for e in jams.entries(imported.id)] == [
        (e.title, e.author, e.code, e.thumbnail_png) for e in jams.entries(jam.id)
    ]
    assert jams.votes(imported.id) == []  # packs carry games, not votes


def test_collecting_a_pack_into_a_jam_skips_what_it_holds(
    jams: JamStore, jam: Jam, tmp_path: Path
) -> None:
    other = jams.create_jam("Someone's copy", "Growing", HOUR)
    jams.add_entry(other.id, Cartridge("Late entry", "x = 1\n"), "Di")
    jams.add_entry(other.id, Cartridge("Snake", SNAKE), " ann ")  # Ann's snake again
    path = tmp_path / "collected.minijam"
    write_jam_pack(path, other, jams.entries(other.id))
    into, problems = import_jam_pack(path, jams, into_jam_id=jam.id)
    assert into.id == jam.id
    assert [e.title for e in jams.entries(jam.id)] == ["Snake", "Pong 🏓", "Snake", "Late entry"]
    assert problems == ("Snake by ann is already in the jam; skipped.",)
    _, again = import_jam_pack(path, jams, into_jam_id=jam.id)
    assert len(again) == 2 and len(jams.entries(jam.id)) == 4


def test_a_hostile_game_travels_verbatim_and_never_runs(jams: JamStore, tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    hostile = (
        '"""Free robux."""\nimport os\n'
        f"open({str(marker)!r}, 'w').write('ran')\n"
        f"os.system('touch {marker}')\n"
        "exec(__import__('base64').b64decode('cHJpbnQoMSk='))\r\n\t# CRLF and tabs kept\n"
    )
    jam = jams.create_jam("Jam", "Loop", HOUR)
    jams.add_entry(jam.id, Cartridge("Evil", hostile), "Mallory")
    path = tmp_path / "evil.minijam"
    write_jam_pack(path, jam, jams.entries(jam.id))
    assert read_jam_pack(path).entries[0].cartridge.code == hostile
    imported, _ = import_jam_pack(path, jams)
    assert jams.entries(imported.id)[0].code == hostile
    assert not marker.exists()


# --- hostile packs: the whole pack refused ------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "says"),
    [
        (b"", "is empty"),
        (b"just some text, not a zip at all\n" * 10, "not a zip file"),
        (b"\x89PNG\r\n\x1a\n" + bytes(200), "not a zip file"),
        (zip_bytes({"game.py": SNAKE}), f"no {MANIFEST}"),
        (cart(), "a single game's cartridge, not a jam pack"),
        (
            b"PK\x03\x04" + bytes(100) + b"PK\x05\x06" + bytes(18),
            "cut short or damaged",
        ),  # no directory
        (zip_bytes({MANIFEST: manifest()}) + b"trailing junk", "cut short or damaged"),
    ],
)
def test_what_is_not_a_jam_pack_says_so(tmp_path: Path, content: bytes, says: str) -> None:
    path = tmp_path / "x.minijam"
    path.write_bytes(content)
    with pytest.raises(JamPackError) as error:
        read_jam_pack(path)
    assert says in one_line(error) and "x.minijam" in one_line(error)


def test_missing_files_and_folders(tmp_path: Path) -> None:
    with pytest.raises(JamPackError) as error:
        read_jam_pack(tmp_path / "nowhere.minijam")
    assert "no such file" in one_line(error)
    with pytest.raises(JamPackError) as error:
        read_jam_pack(tmp_path)
    assert "folder" in one_line(error)


def test_every_truncation_is_a_clear_error(jams: JamStore, jam: Jam, tmp_path: Path) -> None:
    path = tmp_path / "p.minijam"
    write_jam_pack(path, jam, jams.entries(jam.id))
    data = path.read_bytes()
    inner_ends = [at + 22 for at in range(len(data)) if data.startswith(b"PK\x05\x06", at)][:-1]
    assert len(inner_ends) == 3  # a cut right after a stored cartridge ends with a valid end record
    for cut in sorted({*range(1, 64), *range(64, len(data), 97), *inner_ends, len(data) - 1}):
        with pytest.raises(JamPackError) as error:
            read_jam_pack_bytes(data[:cut], "cut.minijam")
        message = one_line(error)
        assert "cut short or damaged" in message or "not a zip" in message, (cut, message)


def test_flipped_bytes_never_escape_as_other_errors(
    jams: JamStore, jam: Jam, tmp_path: Path
) -> None:
    path = tmp_path / "p.minijam"
    write_jam_pack(path, jam, jams.entries(jam.id))
    data = path.read_bytes()
    rng = random.Random(20240611)
    outcomes = {"pack": 0, "error": 0}
    for _ in range(300):
        damaged = bytearray(data)
        for _ in range(rng.randint(1, 4)):
            damaged[rng.randrange(len(damaged))] = rng.randrange(256)
        try:
            pack = read_jam_pack_bytes(bytes(damaged), "damaged.minijam")
        except JamPackError as error:
            assert "\n" not in str(error)
            outcomes["error"] += 1
        else:
            assert all("\n" not in problem for problem in pack.problems)
            outcomes["pack"] += 1
    assert outcomes["pack"] and outcomes["error"]


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("{not json", "not valid JSON (line 1)"),
        (b"\xff\xfe{}", "not UTF-8"),
        ("[" * 100_000 + "]" * 100_000, "not a usable manifest"),
        (
            manifest(duration_s=0).replace('"duration_s": 0', '"duration_s": ' + "9" * 5000),
            "not a usable manifest",
        ),
        ("[]", "not a jam pack"),
        (manifest(format="something-else"), "not a jam pack"),
        (manifest(version=2), "newer Minigame Studio (pack version 2): update"),
        (manifest(version="1"), "unknown version"),
        (manifest(name=""), "no usable jam name"),
        (manifest(theme=["Loop"]), "no usable jam theme"),
        (manifest(name="x" * 1000), "no usable jam name"),
        (manifest(duration_s=10), "1 minute to 14 days"),
        (manifest(duration_s="an hour"), "number of seconds"),
        (manifest(duration_s=float("inf")), "1 minute to 14 days"),
        (manifest(entries={"file": "entries/a.minigame"}), "no list of entries"),
        (
            manifest([{"file": f"entries/{n}.minigame"} for n in range(MAX_ENTRIES + 1)]),
            "at most 200",
        ),
        (manifest(["entries/a.minigame"]), "entry 1 of its manifest.json is malformed"),
        (manifest([{"author": "Ann"}]), "entry 1 of its manifest.json is malformed"),
        (manifest([{"file": "../evil.minigame"}]), "malformed"),
        (manifest([{"file": "/etc/passwd"}]), "malformed"),
        (manifest([{"file": "entries/../../home/x.minigame"}]), "malformed"),
        (manifest([{"file": "entries/sub/x.minigame"}]), "malformed"),
        (manifest([{"file": "entries\\x.minigame"}]), "malformed"),
        (manifest([{"file": "C:entries/x.minigame"}]), "malformed"),
        (manifest([{"file": "entries/x\u0000.minigame"}]), "malformed"),
        (manifest([{"file": "entries/x.py"}]), "malformed"),
        (manifest([{"file": "entries/a.minigame", "author": 7}]), "malformed"),
        (manifest([{"file": "entries/a.minigame", "title": "t" * 1000}]), "malformed"),
        (manifest([{"file": "entries/a.minigame"}, {"file": "entries/a.minigame"}]), "twice"),
    ],
)
def test_a_bad_manifest_is_refused(tmp_path: Path, text: str | bytes, says: str) -> None:
    path = pack_of({MANIFEST: text, "entries/a.minigame": cart()}, tmp_path)
    with pytest.raises(JamPackError) as error:
        read_jam_pack(path)
    assert says in one_line(error)


@pytest.mark.parametrize(
    "name",
    [
        "/abs/x.minigame",
        "../x.minigame",
        "entries/../../x",
        "C:\\evil.minigame",
        "a\\b",
        "x\x07y",
        "entries/./x",
    ],
)
def test_unsafe_names_in_the_zip_are_refused(tmp_path: Path, name: str) -> None:
    path = pack_of({MANIFEST: manifest(), name: b"whatever"}, tmp_path)
    with pytest.raises(JamPackError) as error:
        read_jam_pack(path)
    assert "unsafe name" in one_line(error)


def test_duplicate_names_in_the_zip_are_refused(tmp_path: Path) -> None:
    listed = [{"file": "entries/a.minigame", "author": "Ann"}]
    path = pack_of(
        {
            MANIFEST: manifest(listed),
            "entries/a.minigame": cart(),
            "entries/a.minigame\x01": cart("Other"),
        },
        tmp_path,
    )
    with pytest.raises(JamPackError) as error:
        read_jam_pack(path)
    assert "two files named" in one_line(error)


def test_too_many_files_are_refused_before_parsing(tmp_path: Path) -> None:
    files: dict[str, bytes | str] = {MANIFEST: manifest()}
    files.update({f"junk/{n}": b"" for n in range(300)})
    path = pack_of(files, tmp_path)
    with pytest.raises(JamPackError) as error:
        read_jam_pack(path)
    assert "too many files" in one_line(error)


def test_a_huge_file_is_refused_unread(tmp_path: Path) -> None:
    path = tmp_path / "huge.minijam"
    with path.open("wb") as file:
        file.truncate(600 * 1024 * 1024)  # sparse: costs no disk
    with pytest.raises(JamPackError) as error:
        read_jam_pack(path)
    assert "at most 512 MB" in one_line(error)


@pytest.mark.parametrize(
    ("files", "what"),
    [
        ({MANIFEST: manifest(), "entries/a.minigame": bytes(30_000_000)}, "declared too big"),
        ({MANIFEST: manifest(), "entries/a.minigame": bytes(3_000_000)}, "squeezed too hard"),
        ({MANIFEST: " " * 3_000_000 + manifest()}, "a bloated manifest"),
    ],
)
def test_zip_bombs_are_refused_unpacked(
    tmp_path: Path, files: dict[str, bytes | str], what: str
) -> None:
    path = pack_of(files, tmp_path)
    assert path.stat().st_size < 100_000, what
    with pytest.raises(JamPackError) as error:
        read_jam_pack(path)
    assert "zip bomb" in one_line(error), what


def test_a_lying_size_header_costs_one_entry(tmp_path: Path) -> None:
    listed = [
        {"file": "entries/a.minigame", "author": "Ann"},
        {"file": "entries/b.minigame", "author": "Bo"},
    ]
    data = bytearray(
        zip_bytes(
            {
                MANIFEST: manifest(listed),
                "entries/a.minigame": cart(),
                "entries/b.minigame": cart("Pong", PONG),
            }
        )
    )
    # The central directory says b.minigame unpacks to 100 bytes; it holds far more.
    at = data.rindex(b"PK\x01\x02")
    assert data[at + 46 : at + 46 + 18] == b"entries/b.minigame"
    data[at + 24 : at + 28] = struct.pack("<L", 100)
    pack = read_jam_pack_bytes(bytes(data), "liar.minijam")
    assert [e.cartridge.title for e in pack.entries] == ["Snake"]
    assert (
        len(pack.problems) == 1 and "Entry 2" in pack.problems[0] and "skipped" in pack.problems[0]
    )


# --- one bad cartridge among good ones -----------------------------------------------------------


def test_one_broken_cartridge_is_skipped_and_reported(jams: JamStore, tmp_path: Path) -> None:
    good = cart()
    listed = [
        {"file": "entries/01-snake.minigame", "author": "Ann", "title": "Snake"},
        {"file": "entries/02-junk.minigame", "author": "Bo", "title": "Junk\nwith a newline"},
        {"file": "entries/03-cut.minigame", "author": "Cy", "title": "Cut"},
        {"file": "entries/04-gone.minigame", "author": "Di", "title": "Gone"},
        {"file": "entries/05-pong.minigame", "author": "", "title": "Pong"},
    ]
    path = pack_of(
        {
            MANIFEST: manifest(listed, name="Mixed bag"),
            "entries/01-snake.minigame": good,
            "entries/02-junk.minigame": b"this is not a cartridge",
            "entries/03-cut.minigame": good[: len(good) // 2],
            "entries/05-pong.minigame": cart("Pong", PONG, author="Ed"),
            "extra/readme.txt": "files the manifest does not list are ignored",
        },
        tmp_path,
    )
    pack = read_jam_pack(path)
    assert [(e.author, e.cartridge.title) for e in pack.entries] == [
        ("Ann", "Snake"),
        ("Ed", "Pong"),
    ]
    assert len(pack.problems) == 3
    assert pack.problems[0].startswith("Entry 2 (Junk with a newline) is broken (")
    assert "not a Minigame cartridge" in pack.problems[0]
    assert (
        pack.problems[1].startswith("Entry 3 (Cut) is broken (") and "truncated" in pack.problems[1]
    )
    assert pack.problems[2] == "Entry 4 (Gone) is missing from the pack; skipped."
    assert all("\n" not in problem for problem in pack.problems)
    jam, problems = import_jam_pack(path, jams)
    assert jam.name == "Mixed bag" and problems == pack.problems
    assert [(e.title, e.author) for e in jams.entries(jam.id)] == [("Snake", "Ann"), ("Pong", "Ed")]


def test_an_entry_without_any_author_is_skipped_on_import(jams: JamStore, tmp_path: Path) -> None:
    listed = [
        {"file": "entries/a.minigame", "author": ""},
        {"file": "entries/b.minigame", "author": "Bo"},
    ]
    path = pack_of(
        {
            MANIFEST: manifest(listed),
            "entries/a.minigame": cart(author=""),
            "entries/b.minigame": cart("Pong", PONG, author=""),
        },
        tmp_path,
    )
    jam, problems = import_jam_pack(path, jams)
    assert [e.author for e in jams.entries(jam.id)] == ["Bo"]
    assert len(problems) == 1 and problems[0].startswith("Snake: Every entry needs an author")


def test_a_pack_of_only_broken_entries_is_refused(jams: JamStore, tmp_path: Path) -> None:
    listed = [
        {"file": "entries/a.minigame", "author": "Ann"},
        {"file": "entries/b.minigame", "author": "Bo"},
    ]
    path = pack_of({MANIFEST: manifest(listed), "entries/a.minigame": b"junk"}, tmp_path)
    with pytest.raises(JamPackError) as error:
        import_jam_pack(path, jams)
    assert "none of its 2 entries can be read" in one_line(error)
    assert jams.jams() == []


def test_collecting_twice_skips_entries_with_long_or_odd_author_names(
    jams: JamStore, tmp_path: Path
) -> None:
    author = "  A\u202every\tlong name " * 10  # stored cut to 60 characters, overrides removed
    listed = [{"file": "entries/a.minigame", "author": author}]
    path = pack_of({MANIFEST: manifest(listed), "entries/a.minigame": cart()}, tmp_path)
    jam, problems = import_jam_pack(path, jams)
    assert problems == () and len(jams.entries(jam.id)[0].author) == 60
    _, again = import_jam_pack(path, jams, into_jam_id=jam.id)
    assert len(again) == 1 and "already in the jam" in again[0]
    assert len(jams.entries(jam.id)) == 1

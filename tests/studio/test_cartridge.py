"""Cartridges: the round trip, and every way a hostile or broken `.minigame` file is refused in one line."""

from __future__ import annotations

import hashlib
import io
import json
import random
import struct
import zipfile
from pathlib import Path

import pytest
from PIL import Image

from studio.library.cartridge import (
    CARTRIDGE_SUFFIX,
    MAX_CARTRIDGE_BYTES,
    MAX_CODE_BYTES,
    Cartridge,
    CartridgeError,
    cartridge_bytes,
    read_cartridge,
    read_cartridge_bytes,
    write_cartridge,
)

ROOT = Path(__file__).resolve().parents[2]
SNAKE = (ROOT / "assets" / "examples" / "snake.py").read_text(encoding="utf-8")


def png(size: tuple[int, int] = (64, 48)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, (200, 40, 40)).save(buffer, "PNG")
    return buffer.getvalue()


def sample(**changes: object) -> Cartridge:
    fields: dict[str, object] = {
        "title": "Snake",
        "code": SNAKE,
        "author": "Ann",
        "description": "a snake that eats apples\nArrows steer.",
        "created_at": 1_700_000_000.5,
        "thumbnail_png": png(),
    }
    fields.update(changes)
    return Cartridge(**fields)  # type: ignore[arg-type]


def meta_of(code: str, **changes: object) -> dict[str, object]:
    meta: dict[str, object] = {
        "format": "minigame-cartridge",
        "version": 1,
        "title": "Snake",
        "author": "Ann",
        "description": "",
        "created_at": 1.0,
        "sha256": hashlib.sha256(code.encode("utf-8")).hexdigest(),
    }
    meta.update(changes)
    return meta


def zip_of(members: list[tuple[str, bytes]], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=compression) as archive:
        for name, data in members:
            archive.writestr(name, data)
    return buffer.getvalue()


def hand_made(
    code: str = SNAKE, meta: object = None, extra: list[tuple[str, bytes]] | None = None
) -> bytes:
    """A cartridge zipped by hand, so any field can be wrong."""
    meta_bytes = (
        meta
        if isinstance(meta, bytes)
        else json.dumps(meta if meta is not None else meta_of(code)).encode()
    )
    return zip_of([("game.py", code.encode("utf-8")), ("meta.json", meta_bytes), *(extra or [])])


def refusal(data: bytes, name: str = "shared.minigame") -> str:
    with pytest.raises(CartridgeError) as caught:
        read_cartridge_bytes(data, name)
    message = str(caught.value)
    assert "\n" not in message and name in message, message
    return message


# -- the happy path -----------------------------------------------------------------------


def test_a_cartridge_round_trips_with_and_without_a_thumbnail() -> None:
    for cartridge in (sample(), sample(thumbnail_png=None, author="", description="")):
        assert read_cartridge_bytes(cartridge_bytes(cartridge)) == cartridge


def test_the_zip_holds_the_code_metadata_and_thumbnail_and_is_reproducible() -> None:
    data = cartridge_bytes(sample())
    assert data == cartridge_bytes(sample())  # no clock in the members
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.namelist() == ["game.py", "meta.json", "thumbnail.png"]
        meta = json.loads(archive.read("meta.json"))
        assert archive.read("game.py").decode() == SNAKE
    assert meta == {
        "format": "minigame-cartridge",
        "version": 1,
        "title": "Snake",
        "author": "Ann",
        "description": "a snake that eats apples\nArrows steer.",
        "created_at": 1_700_000_000.5,
        "sha256": hashlib.sha256(SNAKE.encode()).hexdigest(),
    }


def test_write_cartridge_is_atomic_and_read_cartridge_reads_it_back(tmp_path: Path) -> None:
    path = tmp_path / f"snake{CARTRIDGE_SUFFIX}"
    write_cartridge(path, sample())
    write_cartridge(path, sample(title="Snake II"))
    assert read_cartridge(path).title == "Snake II"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["snake.minigame"]  # no temp file left


def test_writing_what_a_reader_would_refuse_fails_and_leaves_no_file(tmp_path: Path) -> None:
    path = tmp_path / "bad.minigame"
    for cartridge in (
        sample(title=""),
        sample(title="a\nb"),
        sample(code="x" * (MAX_CODE_BYTES + 1)),
        sample(thumbnail_png=b"GIF89a not a png"),
    ):
        with pytest.raises(CartridgeError):
            write_cartridge(path, cartridge)
    with pytest.raises(CartridgeError, match="cannot write"):
        write_cartridge(tmp_path / "no-such-folder" / "x.minigame", sample())
    assert list(tmp_path.iterdir()) == []


def test_unknown_members_from_a_newer_studio_are_skipped() -> None:
    data = hand_made(extra=[("screens/shot1.png", png()), ("notes.txt", b"hello")])
    assert read_cartridge_bytes(data).code == SNAKE


# -- files that are not cartridges --------------------------------------------------------


def test_missing_files_folders_and_empty_files(tmp_path: Path) -> None:
    with pytest.raises(CartridgeError, match="no such file"):
        read_cartridge(tmp_path / "nothing.minigame")
    with pytest.raises(CartridgeError, match="is a folder"):
        read_cartridge(tmp_path)
    (tmp_path / "empty.minigame").write_bytes(b"")
    with pytest.raises(CartridgeError, match="is empty"):
        read_cartridge(tmp_path / "empty.minigame")


def test_not_a_zip() -> None:
    assert "not a Minigame cartridge (not a zip file)" in refusal(SNAKE.encode())
    assert "not a zip" in refusal(png())


def test_a_file_over_the_size_limit_is_refused_before_unzipping(tmp_path: Path) -> None:
    big = tmp_path / "big.minigame"
    big.write_bytes(b"PK\x03\x04" + bytes(MAX_CARTRIDGE_BYTES + 10))
    with pytest.raises(CartridgeError, match="at most"):
        read_cartridge(big)


def test_every_truncation_is_refused_in_one_line() -> None:
    data = cartridge_bytes(sample())
    for cut in range(1, len(data), 37):
        message = refusal(data[:cut])
        assert "truncated" in message or "damaged" in message or "not a" in message, (cut, message)


def test_random_damage_never_escapes_as_another_exception() -> None:
    data = cartridge_bytes(sample())
    rng = random.Random(7)
    for _ in range(1500):
        damaged = bytearray(data)
        for _ in range(rng.randint(1, 4)):
            damaged[rng.randrange(len(damaged))] = rng.randrange(256)
        try:
            read_cartridge_bytes(bytes(damaged), "damaged.minigame")
        except CartridgeError as error:
            assert "\n" not in str(error) and "damaged.minigame" in str(error)


def test_a_bad_crc_is_reported_as_damage() -> None:
    code = "x = 1\n" * 50
    data = bytearray(
        zip_of(
            [("game.py", code.encode()), ("meta.json", json.dumps(meta_of(code)).encode())],
            compression=zipfile.ZIP_STORED,
        )
    )
    data[data.index(b"x = 1")] = ord("y")  # stored data changed, CRC not
    assert "game.py is damaged (bad checksum)" in refusal(bytes(data))


# -- missing or wrong members -------------------------------------------------------------


def test_missing_members() -> None:
    meta = json.dumps(meta_of(SNAKE)).encode()
    assert "has no game.py" in refusal(zip_of([("meta.json", meta)]))
    assert "has no meta.json" in refusal(zip_of([("game.py", SNAKE.encode())]))
    assert "has no meta.json" in refusal(zip_of([]))


@pytest.mark.parametrize(
    ("meta", "expected"),
    [
        (b"{not json", "not valid JSON"),
        (b"\xff\xfe", "not valid JSON"),
        (b"[1, 2]", "not a JSON object"),
        (b"[" * 100_00 + b"]" * 100_00, "not valid JSON"),
        ({"format": "zip"}, "not a Minigame cartridge"),
        ({"version": 2}, "newer Minigame Studio"),
        ({"version": 0}, "this studio reads version 1"),
        ({"version": True}, "no valid version"),
        ({"version": "1"}, "no valid version"),
        ({"title": 7}, "title must be text"),
        ({"title": "  "}, "empty title"),
        ({"title": "x" * 201}, "longer than 200"),
        ({"title": "Snake\x1b[31m"}, "control characters"),
        ({"author": ["Ann"]}, "author must be text"),
        ({"description": None}, "description must be text"),
        ({"created_at": "yesterday"}, "created_at"),
        ({"created_at": -5}, "created_at"),
        ({"created_at": False}, "created_at"),
        ({"sha256": "abc"}, "sha256"),
        ({"sha256": "0" * 64}, "does not match its checksum"),
    ],
)
def test_bad_metadata_is_refused(meta: object, expected: str) -> None:
    data = hand_made(meta=meta if isinstance(meta, bytes) else meta_of(SNAKE, **meta))  # type: ignore[arg-type]
    assert expected in refusal(data)


def test_missing_metadata_fields() -> None:
    meta = meta_of(SNAKE)
    del meta["title"]
    assert "title must be text" in refusal(hand_made(meta=meta))
    meta = meta_of(SNAKE)
    del meta["author"], meta["description"], meta["created_at"]
    cartridge = read_cartridge_bytes(hand_made(meta=meta))
    assert (cartridge.author, cartridge.description, cartridge.created_at) == ("", "", 0.0)


def test_code_must_be_utf8_text_and_not_too_big() -> None:
    latin = "# caf\xe9\nx = 1\n".encode("latin-1")
    meta = json.dumps(meta_of("") | {"sha256": hashlib.sha256(latin).hexdigest()}).encode()
    assert "not UTF-8" in refusal(zip_of([("game.py", latin), ("meta.json", meta)]))
    binary = b"x = 1\x00\x01"
    meta = json.dumps(meta_of("") | {"sha256": hashlib.sha256(binary).hexdigest()}).encode()
    assert "binary" in refusal(zip_of([("game.py", binary), ("meta.json", meta)]))
    assert "is empty" in refusal(hand_made(code="  \n"))
    huge = "#" * (MAX_CODE_BYTES + 1)
    assert "at most 1.0 MB" in refusal(hand_made(code=huge))


def test_a_changed_code_fails_its_checksum() -> None:
    data = hand_made(code=SNAKE + "\nprint('evil')\n", meta=meta_of(SNAKE))
    assert "does not match its checksum" in refusal(data)


def test_thumbnails_must_be_real_small_pngs() -> None:
    assert "not a PNG" in refusal(hand_made(extra=[("thumbnail.png", b"GIF89a....")]))
    assert "at most 1024×1024" in refusal(hand_made(extra=[("thumbnail.png", png((2000, 10)))]))
    broken = bytearray(png())
    broken[-20:-12] = b"\x00" * 8  # inside the image data
    assert "damaged PNG" in refusal(hand_made(extra=[("thumbnail.png", bytes(broken))]))
    assert "at most 1.0 MB" in refusal(hand_made(extra=[("thumbnail.png", bytes(1_000_001))]))


# -- hostile archives ---------------------------------------------------------------------


def test_a_zip_bomb_with_an_honest_size_is_refused_from_its_header() -> None:
    bomb = zip_of([("game.py", b"#" * 50_000_000), ("meta.json", json.dumps(meta_of("")).encode())])
    assert len(bomb) < 100_000
    assert "game.py is 50.0 MB; at most 1.0 MB" in refusal(bomb)


def _lie_about_size(data: bytes, member: str, size: int) -> bytes:
    """Rewrite a member's uncompressed size in its local header and the central directory."""
    patched = bytearray(data)
    name = member.encode()
    local = 0  # the first local header
    while True:
        name_length = struct.unpack("<H", patched[local + 26 : local + 28])[0]
        if patched[local + 30 : local + 30 + name_length] == name:
            struct.pack_into("<I", patched, local + 22, size)
            break
        local = patched.index(b"PK\x03\x04", local + 4)
    central = patched.index(b"PK\x01\x02")
    while True:
        name_length = struct.unpack("<H", patched[central + 28 : central + 30])[0]
        if patched[central + 46 : central + 46 + name_length] == name:
            struct.pack_into("<I", patched, central + 24, size)
            break
        central = patched.index(b"PK\x01\x02", central + 4)
    return bytes(patched)


def test_a_zip_bomb_that_lies_about_its_size_is_read_only_up_to_the_cap() -> None:
    payload = "#" * 30_000_000
    honest = zip_of(
        [("game.py", payload.encode()), ("meta.json", json.dumps(meta_of(payload)).encode())]
    )
    lying = _lie_about_size(honest, "game.py", 1000)
    message = refusal(lying)
    assert "game.py" in message and ("damaged" in message or "zip bomb" in message)


def test_odd_names_too_many_members_duplicates_and_encryption() -> None:
    for odd in ("../evil.py", "/etc/passwd", "a/../../b", "C:evil", "..\\x"):
        assert "unsafe name" in refusal(hand_made(extra=[(odd, b"x")]))
    many = hand_made(extra=[(f"extra{i}.txt", b"x") for i in range(20)])
    assert "at most 16" in refusal(many)
    with pytest.warns(UserWarning, match="Duplicate name"):
        twice = hand_made(extra=[("game.py", b"print('other')\n")])
    assert "twice" in refusal(twice)
    encrypted = bytearray(hand_made())
    central = encrypted.index(b"PK\x01\x02")
    encrypted[central + 8] |= 0x1
    assert "encrypted" in refusal(bytes(encrypted))


def test_unsupported_compression_is_refused() -> None:
    data = zip_of(
        [("game.py", SNAKE.encode()), ("meta.json", json.dumps(meta_of(SNAKE)).encode())],
        compression=zipfile.ZIP_BZIP2,
    )
    assert "unsupported compression" in refusal(data)

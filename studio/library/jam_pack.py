"""Jam packs: one zip holding a jam's name, theme, duration and entries, to hand out and collect.

Layout: `manifest.json` ({"format": "minigame-jam-pack", "version": 1, "name", "theme",
"duration_s", "entries": [{"file": "entries/01-snake.minigame", "author", "title"}]}) and
the entries' cartridges (studio/library/cartridge.py) under `entries/`.

A pack comes from strangers, so reading treats it as hostile: the zip's shape is checked
before zipfile parses it (size, file count), every name and size is checked before a byte
is unpacked, reads are bounded, and nothing is written to disk or run. A broken pack as a
whole (not a zip, truncated, bad manifest, a bomb, odd names) raises JamPackError with one
line; a single unreadable cartridge is skipped and reported in `JamPack.problems`, so one
bad entry never loses the others.
"""

from __future__ import annotations

import io
import json
import os
import re
import struct
import zipfile
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from studio.files import atomic_file
from studio.library.cartridge import (
    CARTRIDGE_SUFFIX,
    JAM_PACK_MANIFEST,
    MAX_CARTRIDGE_BYTES,
    Cartridge,
    CartridgeError,
    cartridge_bytes,
    read_cartridge_bytes,
)
from studio.library.jams import (
    PERSON_LENGTH,
    Entry,
    Jam,
    JamError,
    JamStore,
    check_duration,
    one_line,
)

JAM_PACK_SUFFIX = ".minijam"
FORMAT = "minigame-jam-pack"
VERSION = 1
MANIFEST = JAM_PACK_MANIFEST  # a cartridge reader tells a jam pack by it
ENTRIES_FOLDER = "entries/"

MAX_ENTRIES = 200
MAX_FILES = MAX_ENTRIES + 16
"""Files a pack's zip may hold (the entries, the manifest, some folders or extras)."""
MAX_PACK_BYTES = 512 * 1024 * 1024
MAX_MANIFEST_BYTES = 1024 * 1024
MAX_UNPACKED_BYTES = 512 * 1024 * 1024
"""All the files of a pack together, unpacked."""
MAX_RATIO = 200
"""Unpacked : packed size beyond which a big file is taken for a zip bomb."""
MAX_TEXT = 200
"""Characters allowed in the manifest's name, theme, author and title fields."""

_EOCD = b"PK\x05\x06"
_EOCD_SIZE = 22
_UNZIP_ERRORS = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    zlib.error,
    struct.error,
    EOFError,
    OSError,
    RuntimeError,
    NotImplementedError,
    ValueError,
)
"""What zipfile raises on damaged data (bad CRC, bad deflate stream, encryption, odd methods)."""
_SAFE_NAME = re.compile(r"[^\x00-\x1f\x7f/\\:]{1,120}")


class JamPackError(Exception):
    """A jam pack that cannot be read or written; one line saying what is wrong and what to do."""


@dataclass(frozen=True)
class PackEntry:
    """One entry read from a pack: its author (from the manifest) and its cartridge."""

    author: str
    cartridge: Cartridge


@dataclass(frozen=True)
class JamPack:
    """A jam pack's contents; `problems` lists the entries skipped, one line each."""

    name: str
    theme: str
    duration_s: int
    entries: tuple[PackEntry, ...]
    problems: tuple[str, ...]


# -- writing ------------------------------------------------------------------------------


def write_jam_pack(path: Path, jam: Jam, entries: Sequence[Entry]) -> None:
    """Write the jam and its entries as a pack at `path`, atomically (a temp file renamed
    into place, so a crash never leaves half a pack)."""
    if len(entries) > MAX_ENTRIES:
        raise JamPackError(
            f"A jam pack holds at most {MAX_ENTRIES} entries; this jam has {len(entries)}."
        )
    width = max(2, len(str(len(entries))))
    listed: list[dict[str, str]] = []
    files: list[tuple[str, bytes]] = []
    for number, entry in enumerate(entries, start=1):
        file = f"{ENTRIES_FOLDER}{number:0{width}d}-{slug(entry.title)}{CARTRIDGE_SUFFIX}"
        listed.append({"file": file, "author": entry.author, "title": entry.title})
        try:
            files.append(
                (
                    file,
                    cartridge_bytes(
                        Cartridge(
                            title=entry.title,
                            code=entry.code,
                            author=entry.author,
                            description=entry.description,
                            created_at=entry.added_at,
                            thumbnail_png=entry.thumbnail_png,
                        )
                    ),
                )
            )
        except CartridgeError as error:
            raise JamPackError(
                f"“{entry.title}” by {entry.author} cannot be packed ({error}): remove it from the jam."
            ) from None
    manifest = {
        "format": FORMAT,
        "version": VERSION,
        "name": jam.name,
        "theme": jam.theme,
        "duration_s": jam.duration_s,
        "entries": listed,
    }
    try:
        _write_atomically(path, manifest, files)
    except OSError as error:
        raise JamPackError(f"Cannot write {path}: {error.strerror or error}.") from None


def _write_atomically(
    path: Path, manifest: dict[str, object], files: list[tuple[str, bytes]]
) -> None:
    with atomic_file(path) as out, zipfile.ZipFile(out, "w") as pack:
        pack.writestr(
            MANIFEST,
            json.dumps(manifest, ensure_ascii=False, indent=2),
            compress_type=zipfile.ZIP_DEFLATED,
        )
        for file, data in files:  # cartridges are zips already: stored as they are
            pack.writestr(file, data, compress_type=zipfile.ZIP_STORED)


def slug(text: str, limit: int = 40) -> str:
    """A file-name-safe form of a title: lower-case ASCII letters, digits and dashes."""
    words = re.findall(r"[a-z0-9]+", text.lower())
    return "-".join(words)[:limit].strip("-") or "game"


def pack_file_name(jam: Jam) -> str:
    """A default file name for the jam's pack, e.g. "spring-jam.minijam"."""
    return slug(jam.name) + JAM_PACK_SUFFIX


# -- reading ------------------------------------------------------------------------------


def read_jam_pack(path: Path) -> JamPack:
    """The pack at `path`, checked as hostile input; JamPackError (one line) if it is unusable."""
    name = path.name
    try:
        with path.open("rb") as file:
            return _read_pack(file, name)
    except FileNotFoundError:
        raise JamPackError(f"{name}: there is no such file.") from None
    except IsADirectoryError:
        raise JamPackError(f"{name} is a folder, not a jam pack.") from None
    except OSError as error:
        raise JamPackError(f"{name} cannot be read: {error.strerror or error}.") from None


def read_jam_pack_bytes(data: bytes, name: str = "jam pack") -> JamPack:
    """The same as read_jam_pack, for a pack already in memory."""
    return _read_pack(io.BytesIO(data), name)


def _read_pack(file: BinaryIO, name: str) -> JamPack:
    _check_zip_shape(file, name)
    try:
        with zipfile.ZipFile(file) as pack:
            members = _checked_members(pack, name)
            manifest = _manifest(pack, members, name)
            return _pack_from(pack, members, manifest, name)
    except _UNZIP_ERRORS as error:
        raise JamPackError(
            f"{name} is damaged ({_one_line(error)}): ask for a fresh copy."
        ) from None


def _check_zip_shape(file: BinaryIO, name: str) -> None:
    """Reject what is not a zip, is cut short, is huge or lists too many files, before
    zipfile reads its whole central directory into memory."""
    size = file.seek(0, os.SEEK_END)
    if size == 0:
        raise JamPackError(f"{name} is empty: it is not a jam pack.")
    if size > MAX_PACK_BYTES:
        raise JamPackError(
            f"{name} is {size // 2**20} MB; a jam pack may be at most {MAX_PACK_BYTES // 2**20} MB."
        )
    file.seek(0)
    head = file.read(4)
    tail_start = max(0, size - (_EOCD_SIZE + 0xFFFF))
    file.seek(tail_start)
    tail = file.read()
    at = tail.rfind(_EOCD)
    fields = (
        struct.unpack("<4s4H2LH", tail[at : at + _EOCD_SIZE])
        if 0 <= at <= len(tail) - _EOCD_SIZE
        else None
    )
    # The end record must end the file and sit right after the directory it describes;
    # a pack cut just after one of its (stored) cartridges would otherwise pass for that
    # cartridge with junk in front.
    if (
        fields is None
        or at + _EOCD_SIZE + fields[7] != len(tail)
        or fields[5] + fields[6] != tail_start + at
    ):
        if head.startswith(b"PK"):
            raise JamPackError(
                f"{name} is cut short or damaged (the end of the zip is missing): copy it again."
            )
        raise JamPackError(f"{name} is not a jam pack (it is not a zip file).")
    total, cd_size = fields[4], fields[5]
    if total > MAX_FILES or cd_size > MAX_FILES * (46 + 2 * 0xFFFF):
        raise JamPackError(
            f"{name} holds too many files for a jam pack (at most {MAX_ENTRIES} entries)."
        )
    file.seek(0)


def _checked_members(pack: zipfile.ZipFile, name: str) -> dict[str, zipfile.ZipInfo]:
    """The pack's files by name, once every name is safe and every size plausible."""
    infos = pack.infolist()
    if len(infos) > MAX_FILES:
        raise JamPackError(
            f"{name} holds too many files for a jam pack (at most {MAX_ENTRIES} entries)."
        )
    members: dict[str, zipfile.ZipInfo] = {}
    unpacked = 0
    for info in infos:
        if not _safe_path(info.filename):
            raise JamPackError(
                f"{name} holds a file with an unsafe name ({info.filename[:60]!r}): it was not made by Minigame Studio."
            )
        if info.filename in members:
            raise JamPackError(
                f"{name} holds two files named {info.filename!r}: it is damaged or tampered with."
            )
        members[info.filename] = info
        limit = MAX_MANIFEST_BYTES if info.filename == MANIFEST else MAX_CARTRIDGE_BYTES
        unpacked += info.file_size
        too_dense = info.file_size > 1024 * 1024 and info.file_size > MAX_RATIO * max(
            1, info.compress_size
        )
        if info.file_size > limit or too_dense or unpacked > MAX_UNPACKED_BYTES:
            raise JamPackError(
                f"{name} unpacks to far more than it holds ({info.filename!r}): it looks like a zip bomb, so it was not opened."
            )
    return members


def _safe_path(path: str) -> bool:
    """A relative name of plain parts: no root, drive, backslash, '..', or control characters."""
    parts = path.removesuffix("/").split("/")
    return len(path) <= 300 and all(
        _SAFE_NAME.fullmatch(part) and part not in (".", "..") for part in parts
    )


@dataclass(frozen=True)
class _Listed:
    """One entry as the manifest lists it."""

    file: str
    author: str
    title: str


@dataclass(frozen=True)
class _Manifest:
    name: str
    theme: str
    duration_s: int
    listed: tuple[_Listed, ...]


def _manifest(pack: zipfile.ZipFile, members: dict[str, zipfile.ZipInfo], name: str) -> _Manifest:
    """The manifest, checked field by field."""
    if MANIFEST not in members:
        if "game.py" in members and "meta.json" in members:
            raise JamPackError(
                f"{name} is a single game's cartridge, not a jam pack: add it as an entry instead."
            )
        raise JamPackError(f"{name} has no {MANIFEST}: it is not a jam pack.")
    raw = _read_member(pack, members[MANIFEST], MAX_MANIFEST_BYTES)
    try:
        manifest = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise JamPackError(
            f"{name}: its {MANIFEST} is not UTF-8 text: the pack is damaged."
        ) from None
    except json.JSONDecodeError as error:
        raise JamPackError(
            f"{name}: its {MANIFEST} is not valid JSON (line {error.lineno}): the pack is damaged."
        ) from None
    except (ValueError, RecursionError):  # absurd numbers or nesting
        raise JamPackError(
            f"{name}: its {MANIFEST} is not a usable manifest: the pack is damaged."
        ) from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise JamPackError(f"{name} is not a jam pack (its {MANIFEST} is not a jam pack's).")
    version = manifest.get("version")
    if isinstance(version, int) and not isinstance(version, bool) and version > VERSION:
        raise JamPackError(
            f"{name} was made by a newer Minigame Studio (pack version {version}): update to open it."
        )
    if version != VERSION:
        raise JamPackError(
            f"{name}: its {MANIFEST} has an unknown version {version!r}: the pack is damaged."
        )
    texts = {field: manifest.get(field) for field in ("name", "theme")}
    for field, value in texts.items():
        if not isinstance(value, str) or not value.strip() or len(value) > MAX_TEXT:
            raise JamPackError(
                f"{name}: its {MANIFEST} has no usable jam {field}: the pack is damaged."
            )
    try:
        duration_s = check_duration(manifest.get("duration_s"))
    except JamError as error:
        raise JamPackError(f"{name}: {error}") from None
    return _Manifest(
        str(texts["name"]),
        str(texts["theme"]),
        duration_s,
        _listed_entries(manifest.get("entries"), name),
    )


def _listed_entries(entries: object, name: str) -> tuple[_Listed, ...]:
    """The manifest's entries: at most MAX_ENTRIES, each a distinct, plain file under entries/."""
    if not isinstance(entries, list):
        raise JamPackError(f"{name}: its {MANIFEST} has no list of entries: the pack is damaged.")
    if len(entries) > MAX_ENTRIES:
        raise JamPackError(
            f"{name} lists {len(entries)} entries; a jam pack holds at most {MAX_ENTRIES}."
        )
    listed: dict[str, _Listed] = {}
    for number, item in enumerate(entries, start=1):
        fields = (
            {key: item.get(key, "") for key in ("file", "author", "title")}
            if isinstance(item, dict)
            else {}
        )
        file = fields.get("file")
        if not (
            isinstance(file, str)
            and file.startswith(ENTRIES_FOLDER)
            and file.endswith(CARTRIDGE_SUFFIX)
            and "/" not in file[len(ENTRIES_FOLDER) :]
            and _safe_path(file)
            and all(isinstance(value, str) and len(value) <= MAX_TEXT for value in fields.values())
        ):
            raise JamPackError(
                f"{name}: entry {number} of its {MANIFEST} is malformed: the pack is damaged."
            )
        if file in listed:
            raise JamPackError(f"{name}: its {MANIFEST} lists {file!r} twice: the pack is damaged.")
        listed[file] = _Listed(file, str(fields["author"]), str(fields["title"]))
    return tuple(listed.values())


def _pack_from(
    pack: zipfile.ZipFile,
    members: dict[str, zipfile.ZipInfo],
    manifest: _Manifest,
    name: str,
) -> JamPack:
    """The entries that read cleanly, and a line for each that did not."""
    entries: list[PackEntry] = []
    problems: list[str] = []
    for number, listed in enumerate(manifest.listed, start=1):
        label = f"Entry {number} ({' '.join((listed.title or listed.file).split())[:60]})"
        if listed.file not in members:
            problems.append(f"{label} is missing from the pack; skipped.")
            continue
        try:
            data = _read_member(pack, members[listed.file], MAX_CARTRIDGE_BYTES)
            cartridge = read_cartridge_bytes(data, listed.file)
        except CartridgeError as error:
            problems.append(f"{label} is broken ({error}); skipped.")
            continue
        except _UNZIP_ERRORS as error:
            problems.append(f"{label} is damaged in the pack ({_one_line(error)}); skipped.")
            continue
        entries.append(PackEntry(author=listed.author or cartridge.author, cartridge=cartridge))
    if manifest.listed and not entries:
        raise JamPackError(
            f"{name}: none of its {len(manifest.listed)} entries can be read ({problems[0]})"
        )
    return JamPack(
        manifest.name, manifest.theme, manifest.duration_s, tuple(entries), tuple(problems)
    )


def _read_member(pack: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int) -> bytes:
    """A file's bytes, never more than `limit` whatever its header claims."""
    with pack.open(info) as member:
        data = member.read(limit + 1)
    if len(data) > limit:
        raise zipfile.BadZipFile(f"{info.filename} is larger than it says")
    return data


# -- importing ----------------------------------------------------------------------------


def import_jam_pack(
    path: Path,
    jam_store: JamStore,
    into_jam_id: int | None = None,
) -> tuple[Jam, tuple[str, ...]]:
    """Read the pack and save its entries: as a new jam (not started), or added to the jam
    `into_jam_id` when collecting entries, skipping ones it already holds. All or nothing;
    returns the jam and the problems (entries skipped), one line each."""
    pack = read_jam_pack(path)
    problems = list(pack.problems)
    with jam_store.transaction():
        if into_jam_id is None:
            jam = jam_store.create_jam(pack.name, pack.theme, pack.duration_s)
        else:
            jam = jam_store.get(into_jam_id)
        held = {_fingerprint(entry.author, entry.code) for entry in jam_store.entries(jam.id)}
        for entry in pack.entries:
            title = entry.cartridge.title or "An entry"
            if _fingerprint(entry.author, entry.cartridge.code) in held:
                problems.append(
                    f"{title} by {entry.author or 'an unknown author'} is already in the jam; skipped."
                )
                continue
            try:
                added = jam_store.add_entry(jam.id, entry.cartridge, entry.author)
            except JamError as error:
                problems.append(f"{title}: {error} Skipped.")
                continue
            held.add(_fingerprint(added.author, added.code))
    return jam, tuple(problems)


def _one_line(error: BaseException) -> str:
    return " ".join(str(error).split())[:160] or type(error).__name__


def _fingerprint(author: str, code: str) -> tuple[str, str]:
    """What makes two entries the same: their code and their author's name as stored."""
    return (one_line(author, PERSON_LENGTH).casefold(), code)

"""Cartridges: one game in a `.minigame` file (a zip of its code, metadata and thumbnail) to share.

A cartridge holds `game.py` (the code, UTF-8), `meta.json` (format, version, title,
author, description, created_at and the code's sha256) and optionally `thumbnail.png`.
A cartridge from someone else is hostile data: reading checks every size before and
while it decompresses, every type, the checksum and the PNG, and says in one line what
is wrong with which file. Reading never runs the code; importing keeps it untrusted.
"""

from __future__ import annotations

import hashlib
import io
import json
import math
import struct
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

from sandbox.text import clean_game_text
from studio.files import atomic_file

CARTRIDGE_SUFFIX = ".minigame"
FORMAT = "minigame-cartridge"
VERSION = 1

CODE_MEMBER = "game.py"
META_MEMBER = "meta.json"
THUMBNAIL_MEMBER = "thumbnail.png"

MAX_CARTRIDGE_BYTES = 4_000_000
"""The whole file, compressed: read no more than this from disk."""
MAX_CODE_BYTES = 1_000_000  # as `studio check` (sandbox.check.MAX_GAME_BYTES)
MAX_META_BYTES = 64_000
JAM_PACK_MANIFEST = "manifest.json"
"""The member that makes a zip a jam pack (studio/library/jam_pack.py), told apart from a cartridge."""
MAX_THUMBNAIL_BYTES = 1_000_000
MAX_THUMBNAIL_SIDE = 1024
MAX_MEMBERS = 16
"""Unknown members (from a newer studio) are skipped, but only this many entries are looked at."""
MAX_TITLE_CHARS = 200
MAX_AUTHOR_CHARS = 200
MAX_DESCRIPTION_CHARS = 20_000

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_MEMBER_LIMITS = {
    CODE_MEMBER: MAX_CODE_BYTES,
    META_MEMBER: MAX_META_BYTES,
    THUMBNAIL_MEMBER: MAX_THUMBNAIL_BYTES,
}
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # members carry no clock: the same game makes the same bytes


@dataclass(frozen=True)
class Cartridge:
    """A shared game: its code and what the gallery shows about it."""

    title: str
    code: str
    author: str = ""
    description: str = ""  # the prompt or the docstring's rest
    created_at: float = 0.0
    thumbnail_png: bytes | None = None


class CartridgeError(Exception):
    """A cartridge that cannot be written or read; the message is one line naming the file."""


# -- writing ------------------------------------------------------------------------------


def cartridge_bytes(cartridge: Cartridge) -> bytes:
    """The `.minigame` zip of a cartridge; CartridgeError if a reader would refuse it."""
    code = cartridge.code.encode("utf-8")
    meta = {
        "format": FORMAT,
        "version": VERSION,
        "title": cartridge.title,
        "author": cartridge.author,
        "description": cartridge.description,
        "created_at": cartridge.created_at,
        "sha256": hashlib.sha256(code).hexdigest(),
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        _add_member(archive, CODE_MEMBER, code, zipfile.ZIP_DEFLATED)
        meta_json = json.dumps(meta, ensure_ascii=False, indent=2) + "\n"
        _add_member(archive, META_MEMBER, meta_json.encode("utf-8"), zipfile.ZIP_DEFLATED)
        if cartridge.thumbnail_png is not None:
            _add_member(archive, THUMBNAIL_MEMBER, cartridge.thumbnail_png, zipfile.ZIP_STORED)
    data = buffer.getvalue()
    read_cartridge_bytes(data, "the new cartridge")  # never write what a reader would refuse
    return data


def _add_member(archive: zipfile.ZipFile, name: str, data: bytes, compression: int) -> None:
    info = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
    info.compress_type = compression
    info.external_attr = 0o644 << 16
    archive.writestr(info, data)


def write_cartridge(path: Path, cartridge: Cartridge) -> None:
    """Write the cartridge to `path` atomically (a temp file beside it, then a rename)."""
    data = cartridge_bytes(cartridge)
    try:
        with atomic_file(path) as file:  # readable by all: a cartridge is for sharing
            file.write(data)
    except OSError as error:
        raise CartridgeError(f"cannot write {path}: {error.strerror or error}") from None


# -- reading ------------------------------------------------------------------------------


def read_cartridge(path: Path) -> Cartridge:
    """Read and check a `.minigame` file; CartridgeError says in one line what is wrong."""
    try:
        if path.is_dir():
            raise CartridgeError(f"{path} is a folder, not a cartridge")
        with path.open("rb") as file:
            data = file.read(MAX_CARTRIDGE_BYTES + 1)
    except FileNotFoundError:
        raise CartridgeError(f"no such file: {path}") from None
    except OSError as error:
        raise CartridgeError(f"cannot read {path}: {error.strerror or error}") from None
    return read_cartridge_bytes(data, str(path))


def read_cartridge_bytes(data: bytes, name: str = "cartridge") -> Cartridge:
    """Check a cartridge held in memory (`name` is what messages call it) and return it."""
    if len(data) > MAX_CARTRIDGE_BYTES:
        raise CartridgeError(
            f"{name} is over {MAX_CARTRIDGE_BYTES // 1_000_000} MB; a cartridge is at most that big"
        )
    if not data:
        raise CartridgeError(f"{name} is empty, not a Minigame cartridge")
    members = _read_members(data, name)
    for required in (META_MEMBER, CODE_MEMBER):
        if required not in members:
            raise CartridgeError(
                f"{name} has no {required}; it is not a complete Minigame cartridge"
            )
    meta = _parse_meta(members[META_MEMBER], name)
    code = _decode_code(members[CODE_MEMBER], name)
    if hashlib.sha256(members[CODE_MEMBER]).hexdigest() != meta["sha256"]:
        raise CartridgeError(
            f"{name}: the code does not match its checksum; the cartridge was changed or damaged"
        )
    thumbnail = members.get(THUMBNAIL_MEMBER)
    if thumbnail is not None:
        _check_png(thumbnail, name)
    return Cartridge(
        title=meta["title"],
        code=code,
        author=meta["author"],
        description=meta["description"],
        created_at=meta["created_at"],
        thumbnail_png=thumbnail,
    )


def _read_members(data: bytes, name: str) -> dict[str, bytes]:
    """The known members' bytes, each read with a cap; unknown, safe names are skipped."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        if data.startswith(b"PK\x03\x04"):
            raise CartridgeError(
                f"{name} is truncated or damaged (its zip directory is missing)"
            ) from None
        raise CartridgeError(f"{name} is not a Minigame cartridge (not a zip file)") from None
    except (OSError, ValueError, EOFError, struct.error, NotImplementedError):
        raise CartridgeError(f"{name} is truncated or damaged (unreadable zip directory)") from None
    with archive:
        infos = archive.infolist()
        if len(infos) > MAX_MEMBERS:
            raise CartridgeError(
                f"{name} holds {len(infos)} files; a cartridge holds at most {MAX_MEMBERS}"
            )
        members: dict[str, bytes] = {}
        names = {info.filename for info in infos}
        if META_MEMBER not in names and JAM_PACK_MANIFEST in names:
            raise CartridgeError(
                f"{name} is a jam pack, not a cartridge: open it in the jam screen (Ctrl+J, Open jam pack…)"
            )
        for info in infos:
            _check_member_name(info.filename, name)
            limit = _MEMBER_LIMITS.get(info.filename)
            if limit is None:
                continue  # something a newer studio adds: not ours to read
            if info.filename in members:
                raise CartridgeError(f"{name} holds {info.filename} twice; it was tampered with")
            members[info.filename] = _read_member(archive, info, limit, name)
    return members


def _check_member_name(member: str, name: str) -> None:
    parts = member.replace("\\", "/").split("/")
    if member.startswith(("/", "\\")) or ".." in parts or ":" in member or "\x00" in member:
        raise CartridgeError(
            f"{name} holds a file with an unsafe name ({member[:60]!r}); it was tampered with"
        )


def _read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int, name: str) -> bytes:
    """Read one member, trusting neither its declared size nor its compressed stream."""
    what = f"{name}: {info.filename}"
    if info.flag_bits & 0x1:
        raise CartridgeError(f"{what} is encrypted; cartridges are never encrypted")
    if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        raise CartridgeError(f"{what} uses an unsupported compression; cartridges use deflate")
    if info.file_size > limit:
        raise CartridgeError(
            f"{what} is {_size(info.file_size)}; at most {_size(limit)} is allowed"
        )
    try:
        with archive.open(info) as member:
            content = member.read(limit + 1)
    except zipfile.BadZipFile as error:
        reason = "damaged (bad checksum)" if "CRC" in str(error) else "damaged"
        raise CartridgeError(f"{what} is {reason}; the cartridge is corrupt") from None
    except (
        zlib.error,
        EOFError,
        OSError,
        ValueError,
        RuntimeError,
        NotImplementedError,
        struct.error,
    ):
        raise CartridgeError(f"{what} is truncated or damaged; the cartridge is corrupt") from None
    if len(content) > limit:  # the declared size lied: a zip bomb
        raise CartridgeError(f"{what} unpacks to more than {_size(limit)}; refused as a zip bomb")
    if len(content) != info.file_size:
        raise CartridgeError(f"{what} is truncated or damaged; the cartridge is corrupt")
    return content


def _parse_meta(data: bytes, name: str) -> dict:  # type: ignore[type-arg]
    """meta.json, checked field by field."""
    try:
        meta = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise CartridgeError(
            f"{name}: {META_MEMBER} is not valid JSON; the cartridge is damaged"
        ) from None
    if not isinstance(meta, dict):
        raise CartridgeError(
            f"{name}: {META_MEMBER} is not a JSON object; the cartridge is damaged"
        )
    if meta.get("format") != FORMAT:
        raise CartridgeError(
            f"{name} is not a Minigame cartridge ({META_MEMBER} names another format)"
        )
    version = meta.get("version")
    if type(version) is not int:
        raise CartridgeError(f"{name}: {META_MEMBER} has no valid version number")
    if version != VERSION:
        newer = (
            " by a newer Minigame Studio; update the studio to open it" if version > VERSION else ""
        )
        raise CartridgeError(
            f"{name} is cartridge version {version}, this studio reads version {VERSION}{newer}"
        )
    checked = {
        "title": _text_field(meta, "title", MAX_TITLE_CHARS, name, one_line=True),
        "author": _text_field(
            meta, "author", MAX_AUTHOR_CHARS, name, one_line=True, required=False
        ),
        "description": _text_field(
            meta, "description", MAX_DESCRIPTION_CHARS, name, one_line=False, required=False
        ),
    }
    if not checked["title"].strip():
        raise CartridgeError(f"{name}: {META_MEMBER} has an empty title")
    created_at = meta.get("created_at", 0.0)
    if type(created_at) not in (int, float) or not math.isfinite(created_at) or created_at < 0:
        raise CartridgeError(f"{name}: {META_MEMBER} field created_at must be a time in seconds")
    checked["created_at"] = float(created_at)
    digest = meta.get("sha256")
    if (
        not isinstance(digest, str)
        or len(digest) != 64
        or any(c not in "0123456789abcdef" for c in digest)
    ):
        raise CartridgeError(f"{name}: {META_MEMBER} field sha256 must be 64 lowercase hex digits")
    checked["sha256"] = digest
    return checked


def _text_field(
    meta: dict, key: str, limit: int, name: str, *, one_line: bool, required: bool = True
) -> str:  # type: ignore[type-arg]
    if key not in meta and not required:
        return ""
    value = meta.get(key)
    if not isinstance(value, str):
        raise CartridgeError(f"{name}: {META_MEMBER} field {key} must be text")
    if len(value) > limit:
        raise CartridgeError(f"{name}: {META_MEMBER} field {key} is longer than {limit} characters")
    allowed = "" if one_line else "\n\t"
    if any((ord(c) < 32 and c not in allowed) or 0x7F <= ord(c) < 0xA0 for c in value):
        raise CartridgeError(f"{name}: {META_MEMBER} field {key} holds control characters")
    # A stranger's text: direction overrides would make the gallery show it reversed.
    return clean_game_text(value, keep_newlines=not one_line)


def _decode_code(data: bytes, name: str) -> str:
    if not data.strip():
        raise CartridgeError(f"{name}: {CODE_MEMBER} is empty")
    if b"\x00" in data:
        raise CartridgeError(f"{name}: {CODE_MEMBER} is binary, not Python source")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise CartridgeError(
            f"{name}: {CODE_MEMBER} is not UTF-8 text (byte {data[error.start]:#04x} at offset {error.start})"
        ) from None


def _check_png(data: bytes, name: str) -> None:
    """A real PNG of sensible size: signature, header, then a full decode."""
    what = f"{name}: {THUMBNAIL_MEMBER}"
    if not data.startswith(PNG_SIGNATURE) or len(data) < 33 or data[12:16] != b"IHDR":
        raise CartridgeError(f"{what} is not a PNG image")
    width, height = struct.unpack(">II", data[16:24])
    if not (0 < width <= MAX_THUMBNAIL_SIDE and 0 < height <= MAX_THUMBNAIL_SIDE):
        raise CartridgeError(
            f"{what} is {width}×{height}; a thumbnail is at most {MAX_THUMBNAIL_SIDE}×{MAX_THUMBNAIL_SIDE}"
        )
    from PIL import Image  # deferred: only cartridges with a thumbnail need Pillow

    try:
        with Image.open(io.BytesIO(data), formats=["PNG"]) as image:
            image.load()
    except Exception:  # noqa: BLE001 - any decoder complaint means the same to the user
        raise CartridgeError(f"{what} is a damaged PNG image") from None


def _size(count: int) -> str:
    return f"{count / 1_000_000:.1f} MB" if count >= 100_000 else f"{count / 1000:.0f} kB"

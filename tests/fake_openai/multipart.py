"""Reading a multipart/form-data body (an audio upload) into text fields and files."""

from __future__ import annotations

from dataclasses import dataclass
from email.message import Message
from email.utils import collapse_rfc2231_value


@dataclass(frozen=True)
class FormFile:
    """One uploaded file: its form field, the client's file name and type, and the bytes."""

    field: str
    filename: str | None
    content_type: str | None
    content: bytes


@dataclass(frozen=True)
class FormData:
    """A parsed form: text fields by name (the last value wins) and the uploaded files."""

    fields: dict[str, str]
    files: tuple[FormFile, ...]

    def file(self, field: str) -> FormFile | None:
        """The first file sent in `field`, if any."""
        return next((f for f in self.files if f.field == field), None)


def is_multipart(content_type: str | None) -> bool:
    """Whether a Content-Type header announces multipart/form-data."""
    return (content_type or "").lower().startswith("multipart/form-data")


def parse_form(content_type: str, body: bytes) -> FormData | None:
    """The form in `body`, or None when it is not well-formed multipart/form-data.

    Parsed by hand rather than with `email.parser`, so that binary file content comes back
    byte for byte (no line-ending or charset handling).
    """
    boundary = _parameters(content_type).get("boundary")
    if not boundary:
        return None
    delimiter = b"\r\n--" + boundary.encode("latin-1")
    sections = (b"\r\n" + body).split(delimiter)
    if len(sections) < 2 or not sections[-1].startswith(b"--"):
        return None  # no closing delimiter
    fields: dict[str, str] = {}
    files: list[FormFile] = []
    for section in sections[1:-1]:
        head, separator, content = section.removeprefix(b"\r\n").partition(b"\r\n\r\n")
        if not separator:
            return None
        headers = _part_headers(head)
        disposition = _parameters(headers.get("content-disposition", ""))
        name = disposition.get("name")
        if name is None:
            return None
        filename = disposition.get("filename")
        if filename is None and "content-type" not in headers:
            fields[name] = content.decode("utf-8", errors="replace")
        else:
            files.append(FormFile(name, filename, headers.get("content-type"), content))
    return FormData(fields=fields, files=tuple(files))


def _part_headers(head: bytes) -> dict[str, str]:
    headers: dict[str, str] = {}
    for line in head.decode("latin-1").split("\r\n"):
        name, _, value = line.partition(":")
        if name.strip():
            headers[name.strip().lower()] = value.strip()
    return headers


def _parameters(header_value: str) -> dict[str, str]:
    """The parameters of a header value (`form-data; name="file"` → {"name": "file"})."""
    message = Message()
    message["X-Value"] = header_value
    found = message.get_params(header="x-value") or []
    return {
        key.lower(): collapse_rfc2231_value(value)
        for key, value in found[1:]  # the first is the value itself ("form-data")
    }

"""An eval suite: a UTF-8 text file of game descriptions, one a line, read as untrusted input."""

from __future__ import annotations

from pathlib import Path

from studio.settings import Paths

MAX_SUITE_BYTES = 1_000_000
MAX_PROMPT_CHARS = 2_000


class SuiteError(Exception):
    """A suite file that cannot be used; the message is one line."""


def default_suite(paths: Paths) -> Path:
    """The built-in suite: assets/eval/prompts.txt."""
    return paths.assets / "eval" / "prompts.txt"


def read_suite(path: Path) -> tuple[str, ...]:
    """The suite's prompts, one a line (blank lines and `#` comments skipped); SuiteError."""
    if not path.exists():
        raise SuiteError(f"no such suite file: {path}")
    if path.is_dir():
        raise SuiteError(f"{path} is a folder; a suite is a text file with one description a line")
    try:
        size = path.stat().st_size
        if size > MAX_SUITE_BYTES:
            raise SuiteError(f"{path} is {size / 1e6:.1f} MB; a suite may be at most 1 MB")
        data = path.read_bytes()
    except OSError as error:
        raise SuiteError(f"cannot read {path}: {error.strerror or error}") from None
    if b"\x00" in data:
        raise SuiteError(f"{path} is a binary file; a suite is UTF-8 text, one description a line")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise SuiteError(
            f"{path} is not UTF-8 text (byte {data[error.start]:#04x} at offset {error.start}); "
            "save it as UTF-8"
        ) from None
    prompts = tuple(
        line.strip()
        for line in text.splitlines()
        if line.strip() and not line.strip().startswith("#")
    )
    if not prompts:
        raise SuiteError(
            f"{path} has no prompts: write one game description a line (lines starting with # are comments)"
        )
    too_long = next((n for n, p in enumerate(prompts, 1) if len(p) > MAX_PROMPT_CHARS), None)
    if too_long is not None:
        raise SuiteError(
            f"prompt {too_long} of {path} is over {MAX_PROMPT_CHARS:,} characters; one short description a line"
        )
    return prompts

"""Web export: a pygbag project folder (pygame in the browser) and the package pygbag would build.

`python -m pygbag --build FOLDER` does two things. It packs the folder into
`build/web/<folder>.apk` (a zip of the files under `assets/`) and a `.tar.gz` twin, which
needs nothing from the network; then it fetches its page template (default.tmpl) and
favicon from its CDN to write `build/web/index.html`, and with no network it retries that
fetch every 5 s forever. So the studio writes the folder and packs it itself, offline,
exactly as pygbag's packer does, and says what is left: making the page (and the
itch.io `web.zip`) once online, and that the page loads pygbag's Python and pygame
(WebAssembly) from that CDN whenever someone plays.
"""

from __future__ import annotations

import io
import os
import shutil
import tarfile
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

from studio.export.script import BROWSER, GameFile, game_script, one_line, referenced_assets

PYGBAG_VERSION = "0.9.3"
PYGBAG_CDN = f"https://pygame-web.github.io/cdn/{PYGBAG_VERSION}/"  # pygbag/app.py DEFAULT_CDN
MAIN_SCRIPT = "main.py"
ICON_FILE = "favicon.png"
BUILD_DIR = Path("build") / "web"
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)


@dataclass(frozen=True)
class WebBuild:
    """What the web export wrote."""

    folder: Path
    main_py: Path
    apk: Path  # build/web/<name>.apk, as `pygbag --build` packs it
    icon: Path | None

    def next_step(self) -> str:
        """One line: what is left to do, and what needs the internet."""
        return (
            f"to publish it, run `python -m pygbag --archive {self.folder}` once online (pygbag {PYGBAG_VERSION} "
            f"fetches its page template from its CDN) and upload {self.folder / 'build' / 'web.zip'} to itch.io "
            "as an HTML game; "
            f"players' browsers load pygbag's Python and pygame from {PYGBAG_CDN}"
        )


def app_name(folder: Path) -> str:
    """The package name pygbag gives a folder (pygbag/app.py: lower case, spaces to dots)."""
    return folder.name.lower().replace(" ", ".")


def web_header(game: GameFile, folder_name: str, asset_names: list[str]) -> list[str]:
    """The comment at the top of main.py: what it is, how to try and publish it, the warning."""
    assets = ", ".join(asset_names) if asset_names else "none"
    return [
        f"{one_line(game.title) or 'A minigame'}: a game made with Minigame Studio, exported for the web.",
        "",
        "This folder is a pygbag project (pygame in the browser: https://pypi.org/project/pygbag/).",
        "Try it on your computer first (Python 3.8+ and pygame):  python main.py",
        "Publish it on itch.io (the first build needs the internet):",
        f"    pip install pygbag=={PYGBAG_VERSION}",
        f"    python -m pygbag --archive {folder_name}",
        f'then upload {folder_name}/build/web.zip to itch.io as an HTML game ("This file will be played in the browser").',
        f"build/web/{folder_name.lower().replace(' ', '.')}.apk is the game package pygbag loads; the studio packed it",
        "offline. The page itself (index.html) comes from pygbag's template on its CDN, and whoever",
        f"plays loads pygbag's Python and pygame (WebAssembly) from {PYGBAG_CDN}.",
        "",
        "WARNING: outside Minigame Studio there is no studio sandbox. In a browser the game is held",
        "by the browser's own sandbox, but `python main.py` on a computer runs it with full access,",
        "like any script you download: only run games from people you trust.",
        "",
        f"Built-in assets embedded: {assets}. MINIGAME_MAX_FRAMES=N quits after N frames (tests).",
    ]


def web_main_script(game: GameFile, pack_dir: Path, folder_name: str) -> str:
    """main.py for pygbag: the game, its assets, and the runtime's async loop."""
    assets = referenced_assets(game.code, pack_dir)
    return game_script(game, assets, web_header(game, folder_name, sorted(assets)), BROWSER)


def write_web_build(
    folder: Path, game: GameFile, pack_dir: Path, icon_png: bytes | None = None
) -> WebBuild:
    """Write the pygbag folder and pack it; the folder appears whole or not at all.

    `folder` must not exist yet (or be an empty folder). Raises OSError if it cannot be written.
    """
    folder = folder.absolute()
    staging = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", dir=folder.parent))
    try:
        staging.chmod(0o755)  # mkdtemp makes it private; the export is an ordinary folder
        (staging / MAIN_SCRIPT).write_text(
            web_main_script(game, pack_dir, folder.name), encoding="utf-8"
        )
        if icon_png is not None:
            (staging / ICON_FILE).write_bytes(icon_png)
        pack_apk(staging, staging / BUILD_DIR, app_name(folder))
        if folder.is_dir():
            folder.rmdir()  # empty, as the caller checked; rename cannot replace it otherwise
        os.replace(staging, folder)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    icon = folder / ICON_FILE if icon_png is not None else None
    return WebBuild(
        folder, folder / MAIN_SCRIPT, folder / BUILD_DIR / f"{app_name(folder)}.apk", icon
    )


def packed_files(folder: Path) -> list[Path]:
    """The files pygbag packs: everything but build/, static/ and dot files (pygbag/filtering.py)."""
    files = []
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder)
        if not path.is_file() or relative.parts[0] in ("build", "static", "dist", "venv"):
            continue
        if any(part.startswith(".") for part in relative.parts) or path.suffix in (
            ".pyc",
            ".log",
            ".bak",
        ):
            continue
        files.append(relative)
    return files


def pack_apk(folder: Path, build_dir: Path, name: str) -> Path:
    """build_dir/<name>.apk and <name>.tar.gz: the folder's files under assets/, as pygbag packs them."""
    build_dir.mkdir(parents=True, exist_ok=True)
    apk = build_dir / f"{name}.apk"
    files = packed_files(folder)
    with zipfile.ZipFile(apk, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for relative in files:
            info = zipfile.ZipInfo(f"assets/{relative.as_posix()}", date_time=_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, (folder / relative).read_bytes(), compresslevel=9)
    with tarfile.open(build_dir / f"{name}.tar.gz", "w:gz") as tarball:
        for relative in files:
            data = (folder / relative).read_bytes()
            member = tarfile.TarInfo(f"assets/{relative.as_posix()}")
            member.size = len(data)
            tarball.addfile(member, io.BytesIO(data))
    return apk

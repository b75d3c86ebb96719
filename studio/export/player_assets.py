"""Part of the exported runtime: the game's built-in assets, embedded, found by bare name.

Joined with player.py into every export (see studio/export/script.py): standard library
and pygame only, Python 3.8 syntax.
"""

from __future__ import annotations

import base64
import io
import os

os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
import pygame  # noqa: E402 - after the variable that quiets its greeting

SOUND_TYPES = ("wav", "ogg", "mp3")  # without dots: pygbag's packer rewrites wav names in code


class AssetPack:
    """The built-in files the game uses, found by bare file name as in the studio."""

    def __init__(self, encoded: dict) -> None:
        self.files = {name.lower(): base64.b64decode(data) for name, data in encoded.items()}

    def find(self, requested: object) -> bytes | None:
        """The embedded file for a name or path (any folder part is ignored), or None."""
        if not isinstance(requested, (str, os.PathLike)):
            return None
        name = os.fspath(requested).replace("\\", "/").rsplit("/", 1)[-1].lower()
        found = self.files.get(name)
        stem, _, kind = name.rpartition(".")
        if found is None and kind in SOUND_TYPES:
            # pygbag's packer renames a double-quoted wav or mp3 in code to ogg, not in ASSETS
            found = next(
                (self.files[f"{stem}.{t}"] for t in SOUND_TYPES if f"{stem}.{t}" in self.files),
                None,
            )
        return found


class SilentSound:
    """A Sound that plays nothing, when the computer has no audio device."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        self.volume = 1.0

    def play(self, *args: object, **kwargs: object) -> None:
        return None

    def stop(self) -> None:
        return None

    def fadeout(self, *args: object) -> None:
        return None

    def set_volume(self, value: float, *args: object) -> None:
        self.volume = float(value)

    def get_volume(self) -> float:
        return self.volume

    def get_length(self) -> float:
        return 0.0

    def get_num_channels(self) -> int:
        return 0


def open_audio() -> bool:
    """Start the mixer; without a sound device, SDL's dummy driver keeps sound code working."""
    try:
        pygame.mixer.init()
        return True
    except pygame.error:
        pass
    os.environ["SDL_AUDIODRIVER"] = "dummy"
    try:
        pygame.mixer.init()
        return True
    except pygame.error:
        return False


def install_assets(pack: AssetPack, audio_ready: bool) -> None:
    """Make pygame's loaders look in the embedded pack first, by bare name."""
    real_load = pygame.image.load

    def load(file, namehint=""):  # noqa: ANN001, ANN202
        data = pack.find(file)
        if data is not None:
            return real_load(io.BytesIO(data), os.fspath(file))
        return real_load(file, namehint) if namehint else real_load(file)

    pygame.image.load = load

    real_font = pygame.font.Font
    default_font_file = os.path.join(
        os.path.dirname(pygame.__file__), pygame.font.get_default_font()
    )

    class Font(real_font):  # type: ignore[misc, valid-type]
        """pygame.font.Font that finds built-in fonts by name and falls back to the default font."""

        def __init__(self, file=None, size=20) -> None:  # noqa: ANN001
            data = pack.find(file)
            if data is not None:
                file = io.BytesIO(data)
            elif isinstance(file, str) and file.lower().endswith("freesansbold.ttf"):
                file = default_font_file if os.path.isfile(default_font_file) else None
            elif isinstance(file, (str, os.PathLike)) and not os.path.isfile(file):
                bare = os.path.basename(os.fspath(file)) == os.fspath(file)
                stem = os.path.splitext(os.path.basename(os.fspath(file)))[0]
                file = (pygame.font.match_font(stem) if bare else None) or None
            super().__init__(file, size)

    pygame.font.Font = Font

    if not audio_ready:
        pygame.mixer.init = lambda *args, **kwargs: None
        pygame.mixer.Sound = SilentSound
        pygame.mixer.music.load = lambda *args, **kwargs: None
        pygame.mixer.music.play = lambda *args, **kwargs: None
        return

    real_sound = pygame.mixer.Sound

    class Sound(real_sound):  # type: ignore[misc, valid-type]
        """pygame.mixer.Sound that finds built-in sounds by name."""

        def __init__(self, *args, **kwargs) -> None:  # noqa: ANN002, ANN003
            if args and pack.find(args[0]) is not None:
                args = (io.BytesIO(pack.find(args[0])),) + args[1:]
            elif pack.find(kwargs.get("file")) is not None:
                kwargs["file"] = io.BytesIO(pack.find(kwargs["file"]))
            super().__init__(*args, **kwargs)

    pygame.mixer.Sound = Sound
    real_music_load = pygame.mixer.music.load

    def music_load(filename, namehint=""):  # noqa: ANN001, ANN202
        data = pack.find(filename)
        if data is not None:
            return real_music_load(
                io.BytesIO(data), namehint or os.path.splitext(os.fspath(filename))[1][1:]
            )
        return real_music_load(filename, namehint) if namehint else real_music_load(filename)

    pygame.mixer.music.load = music_load

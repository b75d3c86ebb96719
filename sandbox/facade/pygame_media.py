"""pygame.font, image and mixer for a game: files come only from the built-in asset pack."""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pygame

from sandbox.facade.namespace import FacadeNamespace, frozen_class, make_namespace, public_members
from sandbox.facade.pygame_arrays import MixerFormat, build_sndarray, device_format

ASSET_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".bmp", ".gif", ".wav", ".ogg", ".mp3", ".ttf", ".otf"})
MAX_ASSET_BYTES = 8 * 1024 * 1024


@dataclass
class AssetPack:
    """Built-in sprites, sounds and fonts, found by file name and read into memory."""

    root: Path | None
    cache: dict[str, bytes] = field(default_factory=dict)

    def names(self) -> list[str]:
        """Every asset file name a game may load."""
        if self.root is None or not self.root.is_dir():
            return []
        return sorted(
            p.name for p in self.root.rglob("*") if p.suffix.lower() in ASSET_SUFFIXES and p.is_file()
        )

    def preload(self) -> None:
        """Read the whole pack now, before the runner loses access to the disk."""
        if self.root is None or not self.root.is_dir():
            return
        for path in self.root.rglob("*"):
            is_asset = path.suffix.lower() in ASSET_SUFFIXES and path.is_file()
            if is_asset and path.stat().st_size <= MAX_ASSET_BYTES:
                self.cache.setdefault(path.name.lower(), path.read_bytes())

    def open(self, requested: object) -> io.BytesIO:
        """The asset a game asked for by name; any directory part is ignored."""
        if not isinstance(requested, str):
            raise pygame.error("the sandbox loads files only by asset name (a string)")
        name = requested.replace("\\", "/").rsplit("/", 1)[-1].lower()
        data = self.cache.get(name)
        if data is None:
            available = ", ".join(sorted(self.cache)) or "none"
            raise FileNotFoundError(
                f"No built-in asset named {name!r}: games cannot read files; built-in assets: {available}"
            )
        return io.BytesIO(data)


def _is_file_like(value: object) -> bool:
    return hasattr(value, "read") and not isinstance(value, (str, bytes))


def build_font(assets: AssetPack, default_font: bytes, busy: Callable[[], None] = lambda: None) -> FacadeNamespace:
    """`pygame.font`: the default font, system fonts by name, asset fonts by file name.

    `busy` is called on each render: a script rendering text for seconds before its first
    frame is alive (the watchdog hears it).
    """
    real_font = pygame.font.Font

    def system_font_file(name: str) -> str | None:
        stem = name.replace("\\", "/").rsplit("/", 1)[-1].rsplit(".", 1)[0]
        try:
            return pygame.font.match_font(stem)
        except Exception:  # noqa: BLE001 - a font table problem must not crash the game
            return None

    class Font(real_font):  # type: ignore[misc, valid-type]
        """pygame.font.Font that never opens a path the game chose."""

        def __init__(self, file=None, size=20) -> None:  # noqa: ANN001
            size = int(size)
            if file is None:
                # pygame draws its default font at 0.6875 of the asked size (font.c);
                # games are laid out for that, so the sandbox does the same.
                size = 1 if size <= 1 else int(size * 0.6875)
            if file is None or (isinstance(file, str) and file.lower().endswith("freesansbold.ttf")):
                source: object = io.BytesIO(default_font)
            elif _is_file_like(file):
                source = file
            elif isinstance(file, str):
                try:
                    source = assets.open(file)
                except FileNotFoundError:
                    # A bare name ("arial.ttf") may match a system font; a path never
                    # opens what it points at.
                    bare = "/" not in file and "\\" not in file
                    source = (system_font_file(file) if bare else None) or io.BytesIO(default_font)
            else:
                raise TypeError("Font() takes an asset name, a file object or None")
            super().__init__(source, size)

        def render(self, *args, **kwargs) -> pygame.Surface:  # noqa: ANN002, ANN003
            busy()
            return super().render(*args, **kwargs)

    frozen_font = frozen_class(Font)

    def sys_font(name, size, bold=False, italic=False):  # noqa: ANN001, ANN202
        names = name.split(",") if isinstance(name, str) else list(name or [])
        for candidate in names:
            path = pygame.font.match_font(candidate.strip(), bold, italic) if candidate else None
            if path:
                font = real_font(path, int(size))
                break
        else:
            font = frozen_font(None, size)
        if bold and not font.get_bold():
            font.set_bold(True)
        if italic and not font.get_italic():
            font.set_italic(True)
        return font

    return make_namespace(
        "pygame.font",
        {
            "Font": frozen_font,
            "SysFont": sys_font,
            "init": lambda: None,
            "quit": lambda: None,
            "get_init": lambda: True,
            "get_default_font": pygame.font.get_default_font,
            "get_fonts": pygame.font.get_fonts,
            "match_font": lambda *a, **k: None,
            "get_sdl_ttf_version": pygame.font.get_sdl_ttf_version,
        },
    )


def build_image(assets: AssetPack) -> FacadeNamespace:
    """`pygame.image`: load assets by name or from file objects; never save."""

    def load(file, namehint="") -> pygame.Surface:  # noqa: ANN001
        if _is_file_like(file):
            return pygame.image.load(file, namehint)
        name = str(file) if isinstance(file, str) else file
        return pygame.image.load(assets.open(name), str(name))

    def save(*args, **kwargs) -> None:  # noqa: ANN002, ANN003
        raise pygame.error("games cannot save files in the sandbox")

    members = public_members(pygame.image, exclude=frozenset({"load", "save", "load_basic", "load_extended", "save_extended"}))
    members.update({"load": load, "save": save})
    return make_namespace("pygame.image", members)


class SilentSound:
    """A Sound that plays nothing, for runners without any audio device."""

    def __init__(self, file=None, **kwargs) -> None:  # noqa: ANN001, ANN003
        self.volume = 1.0

    def play(self, loops=0, maxtime=0, fade_ms=0) -> None:  # noqa: ANN001
        return None

    def stop(self) -> None:
        return None

    def fadeout(self, time) -> None:  # noqa: ANN001
        return None

    def set_volume(self, value) -> None:  # noqa: ANN001
        self.volume = float(value)

    def get_volume(self) -> float:
        return self.volume

    def get_length(self) -> float:
        return 0.0

    def get_num_channels(self) -> int:
        return 0


def build_mixer(assets: AssetPack, audio_ready: bool) -> dict[str, FacadeNamespace]:
    """`pygame.mixer` (SDL's own audio, or silence; sounds from assets or buffers) and
    `pygame.sndarray`, which shapes synthesised samples for the mixer the game asked for."""
    if audio_ready:

        class Sound(pygame.mixer.Sound):  # type: ignore[misc]
            """pygame.mixer.Sound that loads files only from the asset pack."""

            def __init__(self, file=None, **kwargs) -> None:  # noqa: ANN001, ANN003
                if file is None:
                    super().__init__(**kwargs)
                elif _is_file_like(file):
                    super().__init__(file=file)
                elif isinstance(file, (bytes, bytearray, memoryview)):
                    super().__init__(buffer=file)
                else:
                    super().__init__(file=assets.open(file))

        sound_class: type = frozen_class(Sound)
    else:
        sound_class = frozen_class(SilentSound)

    def music_load(file, namehint="") -> None:  # noqa: ANN001
        source = file if _is_file_like(file) else assets.open(file)
        if audio_ready:
            pygame.mixer.music.load(source, namehint)

    def quietly(name: str, default: object = None):  # noqa: ANN202
        real = getattr(pygame.mixer.music, name)

        def call(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
            if not audio_ready:
                return default
            try:
                return real(*args, **kwargs)
            except pygame.error:
                return default

        return call

    music = make_namespace(
        "pygame.mixer.music",
        {
            "load": music_load,
            "unload": quietly("unload"),
            "play": quietly("play"),
            "rewind": quietly("rewind"),
            "stop": quietly("stop"),
            "pause": quietly("pause"),
            "unpause": quietly("unpause"),
            "fadeout": quietly("fadeout"),
            "set_volume": quietly("set_volume"),
            "get_volume": quietly("get_volume", 0.0),
            "get_busy": quietly("get_busy", False),
            "set_pos": quietly("set_pos"),
            "get_pos": quietly("get_pos", -1),
            "queue": lambda file, namehint="", loops=0: None,
            "set_endevent": quietly("set_endevent"),
            "get_endevent": quietly("get_endevent", 0),
        },
    )

    def mixer_call(name: str, default: object = None):  # noqa: ANN202
        real = getattr(pygame.mixer, name)
        return lambda *args, **kwargs: real(*args, **kwargs) if audio_ready else default

    # The device stays as the runner opened it; what the game asked for is remembered
    # so get_init() answers it and sndarray.make_sound converts to the device's format.
    asked: list[MixerFormat] = []

    def device() -> MixerFormat:
        return device_format() if audio_ready else MixerFormat(44100, -16, 2)

    def asked_format() -> MixerFormat:
        return asked[-1] if asked else device()

    def init(frequency=0, size=0, channels=0, *args, **kwargs) -> None:  # noqa: ANN001, ANN002, ANN003
        default = device()
        asked[:] = [
            MixerFormat(
                int(frequency) or default.frequency,
                int(size) if int(size) in (8, -8, 16, -16, 32, -32) else default.size,
                int(channels) if int(channels) in (1, 2, 4, 6) else default.channels,
            )
        ]

    def get_init() -> tuple[int, int, int]:
        found = asked_format()
        return (found.frequency, found.size, found.channels)

    mixer = make_namespace(
        "pygame.mixer",
        {
            "Sound": sound_class,
            "music": music,
            "Channel": pygame.mixer.Channel if audio_ready else SilentSound,
            "init": init,
            "pre_init": init,
            "quit": lambda: None,
            "get_init": get_init,
            "stop": mixer_call("stop"),
            "pause": mixer_call("pause"),
            "unpause": mixer_call("unpause"),
            "fadeout": mixer_call("fadeout"),
            "set_num_channels": mixer_call("set_num_channels"),
            "get_num_channels": mixer_call("get_num_channels", 8),
            "set_reserved": mixer_call("set_reserved", 0),
            "find_channel": mixer_call("find_channel"),
            "get_busy": mixer_call("get_busy", False),
            "get_sdl_mixer_version": pygame.mixer.get_sdl_mixer_version,
        },
    )
    sndarray = build_sndarray(sound_class, not audio_ready, asked_format, device)
    return {"pygame.mixer": mixer, "pygame.sndarray": sndarray}

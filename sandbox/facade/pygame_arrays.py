"""`pygame.surfarray` and `pygame.sndarray` for games: numpy arrays of their surfaces and sounds.

pygame's own modules import numpy when pygame is imported; the runner defers that (see
sandbox/facade/pygame_import.py), so these namespaces exist from the start and load the
real modules on a game's first call. Sounds are shaped for the mixer the game asked for:
the sandbox keeps the device it opened at warm-up, so a game that asked for a mono or
22 kHz mixer gets its arrays converted rather than refused or played at the wrong pitch.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pygame

from sandbox.facade.namespace import FacadeNamespace, make_namespace

SURFARRAY_FUNCTIONS = (
    "array2d", "pixels2d", "array3d", "pixels3d", "array_alpha", "pixels_alpha",
    "array_red", "pixels_red", "array_green", "pixels_green", "array_blue", "pixels_blue",
    "array_colorkey", "make_surface", "blit_array", "map_array",
)
ARRAY_TYPES = ("numpy",)


@dataclass(frozen=True)
class MixerFormat:
    """A mixer's `get_init()`: samples per second, bits (negative = signed), channels."""

    frequency: int
    size: int
    channels: int


def _real(module: str) -> Any:
    # Imported on first use; numpy itself comes with it.
    return importlib.import_module(f"pygame.{module}")


def _array_type_functions(label: str) -> dict[str, object]:
    def use_arraytype(arraytype: str) -> None:
        if str(arraytype).lower() not in ARRAY_TYPES:
            raise ValueError(f"invalid array type {arraytype!r}; {label} supports only 'numpy'")

    return {
        "use_arraytype": use_arraytype,
        "get_arraytype": lambda: "numpy",
        "get_arraytypes": lambda: ARRAY_TYPES,
    }


def build_surfarray() -> FacadeNamespace:
    """`pygame.surfarray`: pygame's functions, called on the game's own surfaces."""

    def forward(name: str) -> Callable[..., Any]:
        def call(*args: Any, **kwargs: Any) -> Any:
            return getattr(_real("surfarray"), name)(*args, **kwargs)

        call.__name__ = name
        return call

    members: dict[str, object] = {name: forward(name) for name in SURFARRAY_FUNCTIONS}
    members.update(_array_type_functions("pygame.surfarray"))
    return make_namespace("pygame.surfarray", members)


def build_sndarray(
    sound_class: type, silent: bool, asked_format: Callable[[], MixerFormat], device_format: Callable[[], MixerFormat]
) -> FacadeNamespace:
    """`pygame.sndarray`: sample arrays of the game's sounds; `make_sound` fits the device."""

    def array(sound: object) -> Any:
        if silent:
            return _silence(asked_format())
        numpy = importlib.import_module("numpy")
        return _fit(numpy, _real("sndarray").array(sound), device_format(), asked_format())

    def samples(sound: object) -> Any:
        # A live view of the sound's memory when the formats agree; otherwise a copy in
        # the format the game asked for (writing to it then leaves the sound unchanged).
        if silent:
            return _silence(asked_format())
        if asked_format() == device_format():
            return _real("sndarray").samples(sound)
        return array(sound)

    def make_sound(samples_array: object) -> object:
        numpy = importlib.import_module("numpy")
        fitted = _fit(numpy, numpy.asarray(samples_array), asked_format(), device_format())
        if silent:
            return sound_class()
        return _real("sndarray").make_sound(fitted)

    members: dict[str, object] = {"array": array, "samples": samples, "make_sound": make_sound}
    members.update(_array_type_functions("pygame.sndarray"))
    return make_namespace("pygame.sndarray", members)


def _silence(device: MixerFormat) -> Any:
    numpy = importlib.import_module("numpy")
    shape = (0,) if device.channels == 1 else (0, device.channels)
    return numpy.zeros(shape, _dtype(numpy, device.size))


def _dtype(numpy: Any, size: int) -> Any:
    bits = abs(size)
    kind = "int" if size < 0 else "uint"
    return numpy.dtype(f"{kind}{bits if bits in (8, 16, 32) else 16}")


def _fit(numpy: Any, samples: Any, asked: MixerFormat, device: MixerFormat) -> Any:
    """Samples in the `asked` mixer format, converted to the `device` format."""
    if samples.ndim not in (1, 2):
        raise ValueError("sndarray.make_sound takes a 1-D (mono) or 2-D (samples, channels) array")
    if asked == device and (samples.ndim == 1) == (device.channels == 1):
        return samples
    if samples.ndim == 1:
        samples = samples[:, None]
    if asked.frequency != device.frequency and len(samples) > 1 and asked.frequency > 0:
        length = max(1, round(len(samples) * device.frequency / asked.frequency))
        positions = numpy.linspace(0, len(samples) - 1, length)
        columns = [numpy.interp(positions, numpy.arange(len(samples)), samples[:, c]) for c in range(samples.shape[1])]
        samples = numpy.stack(columns, axis=1)
    if asked.size != device.size:
        samples = _rescale(numpy, samples, asked.size, device.size)
    if samples.shape[1] < device.channels:
        samples = numpy.repeat(samples[:, :1], device.channels, axis=1)  # mono to every speaker
    samples = samples[:, : device.channels]
    if device.channels == 1:
        samples = samples[:, 0]
    if samples.dtype.kind == "f":
        samples = numpy.rint(samples)
    return numpy.ascontiguousarray(samples.astype(_dtype(numpy, device.size), copy=False))


def _rescale(numpy: Any, samples: Any, from_size: int, to_size: int) -> Any:
    def centre_and_span(size: int) -> tuple[float, float]:
        span = float(2 ** (abs(size) - 1))
        return (0.0 if size < 0 else span), span

    from_centre, from_span = centre_and_span(from_size)
    to_centre, to_span = centre_and_span(to_size)
    scaled = (samples.astype(numpy.float64) - from_centre) * (to_span / from_span) + to_centre
    return numpy.clip(scaled, to_centre - to_span, to_centre + to_span - 1)


def device_format() -> MixerFormat:
    """The format of the mixer the runner opened, or CD quality if it has none."""
    found = pygame.mixer.get_init() if pygame.mixer.get_init() else None
    if not found:
        return MixerFormat(44100, -16, 2)
    frequency, size, channels = found
    return MixerFormat(int(frequency), int(size), int(channels))

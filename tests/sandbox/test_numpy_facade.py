"""Games' numpy: the array API games use, without files, C pointers or code; imported lazily."""

from __future__ import annotations

import random
import subprocess
import sys
import textwrap

import numpy
import pytest

from sandbox.facade.memory_files import MemoryFiles
from sandbox.facade.numpy_facade import DENIED_NAMES, build_numpy
from sandbox.facade.pygame_arrays import MixerFormat, _fit


@pytest.fixture(scope="module")
def np() -> object:
    return build_numpy()


@pytest.mark.parametrize(
    "name",
    ["array", "zeros", "ones", "arange", "linspace", "sin", "cos", "clip", "where", "int16", "uint8",
     "float32", "ndarray", "pi", "newaxis", "stack", "column_stack", "roll", "interp", "vectorize",
     "errstate", "iinfo", "random", "linalg", "fft"],
)
def test_the_api_games_use_is_there(np: object, name: str) -> None:
    assert hasattr(np, name)


@pytest.mark.parametrize("name", sorted(DENIED_NAMES))
def test_routes_to_files_c_and_code_are_absent(np: object, name: str) -> None:
    assert not hasattr(np, name)


def test_submodules_games_import_work(np: object) -> None:
    rng = np.random.default_rng(3)  # type: ignore[attr-defined]
    assert 0 <= rng.integers(0, 10) < 10
    assert np.linalg.norm([3.0, 4.0]) == 5.0  # type: ignore[attr-defined]
    assert np.fft.rfft(np.ones(8))[0] == 8  # type: ignore[attr-defined]
    assert np.sum(np.arange(4)) == 6  # dispatchers are not bound to the namespace  # type: ignore[attr-defined]
    assert np.newaxis is None  # type: ignore[attr-defined]


def test_the_namespace_and_numpy_python_classes_cannot_be_changed(np: object) -> None:
    with pytest.raises(AttributeError):
        np.zeros = None  # type: ignore[attr-defined]
    with pytest.raises(AttributeError):
        np.vectorize.extra = 1  # type: ignore[attr-defined]
    with pytest.raises(AttributeError):
        np.random.default_rng = None  # type: ignore[attr-defined]


def test_default_rng_without_a_seed_follows_random(np: object) -> None:
    random.seed(11)
    first = np.random.default_rng().integers(0, 1_000_000, 5)  # type: ignore[attr-defined]
    random.seed(11)
    again = np.random.default_rng().integers(0, 1_000_000, 5)  # type: ignore[attr-defined]
    assert list(first) == list(again)


def test_array_ctypes_is_refused(np: object) -> None:
    array = np.arange(3)  # type: ignore[attr-defined]
    with pytest.raises(AttributeError, match="not available in games"):
        getattr(array, "ctypes")  # noqa: B009 - the attribute under test


def test_array_dump_writes_only_to_file_objects(np: object, tmp_path: object) -> None:
    array = np.arange(3)  # type: ignore[attr-defined]
    target = f"{tmp_path}/dumped.pkl"
    with pytest.raises(OSError, match="cannot write files"):
        array.dump(target)
    files = MemoryFiles()
    with files.open("dumped.pkl", "wb") as out:
        array.dump(out)  # a game's in-memory file is fine
    assert files.exists("dumped.pkl") and len(files.contents["dumped.pkl"]) > 0


def test_importing_the_sandbox_console_leaves_numpy_for_games() -> None:
    """A runner imports pygame while warming up; numpy loads only on a game's import."""
    script = textwrap.dedent(
        """
        import sys
        from sandbox.console import Console
        from sandbox.facade.pygame_media import AssetPack
        from sandbox.facade.registry import build_facade
        resolver = build_facade(Console(), AssetPack(None), b"", True, "game.py")
        assert "numpy" not in sys.modules, "numpy loaded at warm-up"
        surfarray = resolver.resolve("pygame.surfarray")
        assert "numpy" not in sys.modules, "numpy loaded by resolving pygame.surfarray"
        np = resolver.resolve("numpy")
        assert "numpy" in sys.modules
        import pygame
        pygame.display.init()
        screen = pygame.Surface((4, 3))
        screen.fill((9, 8, 7))
        assert surfarray.array3d(screen).shape == (4, 3, 3)
        assert int(surfarray.array3d(screen)[0, 0, 0]) == 9
        print("ok")
        """
    )
    env = {"SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy", "PYGAME_HIDE_SUPPORT_PROMPT": "1"}
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"


def test_sounds_asked_as_22khz_mono_fit_a_44khz_stereo_device() -> None:
    asked, device = MixerFormat(22050, -16, 1), MixerFormat(44100, -16, 2)
    mono = (numpy.sin(numpy.arange(2205) / 10) * 10000).astype(numpy.int16)
    fitted = _fit(numpy, mono, asked, device)
    assert fitted.shape == (4410, 2) and fitted.dtype == numpy.int16
    assert numpy.array_equal(fitted[:, 0], fitted[:, 1])
    back = _fit(numpy, fitted, device, asked)
    assert back.shape == (2205,)
    assert numpy.abs(back.astype(int) - mono.astype(int)).max() <= 50  # linear resampling, twice


def test_sample_sizes_are_rescaled() -> None:
    eight_bit = numpy.array([0, 128, 255], dtype=numpy.uint8)
    fitted = _fit(numpy, eight_bit, MixerFormat(44100, 8, 1), MixerFormat(44100, -16, 1))
    assert list(fitted) == [-32768, 0, 32512]
    same = numpy.array([[1, 2]], dtype=numpy.int16)
    assert _fit(numpy, same, MixerFormat(44100, -16, 2), MixerFormat(44100, -16, 2)) is same

"""Imports pygame without numpy: pygame.surfarray and pygame.sndarray wait for a game that uses them.

`import pygame` imports its numpy-backed modules, and numpy takes ~100 ms to import and
may start BLAS threads. A runner imports pygame while warming up, before it is locked
down, so numpy would cost every game's runner and its threads would predate the lock-down.
Importing this module first makes pygame skip them (as on a machine without numpy); the
facade loads them on a game's first use (sandbox/facade/pygame_arrays.py).
"""

from __future__ import annotations

import sys


def _import_pygame_without_numpy() -> None:
    if "pygame" in sys.modules or "numpy" in sys.modules:
        return  # too late to defer, or nothing to defer
    sys.modules["numpy"] = None  # type: ignore[assignment]  # `import numpy` raises ImportError
    try:
        import pygame  # noqa: F401 - the import is the point
    finally:
        if sys.modules.get("numpy", 0) is None:
            del sys.modules["numpy"]


_import_pygame_without_numpy()

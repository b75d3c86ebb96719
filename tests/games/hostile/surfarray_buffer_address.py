# expect: error|refused — surfarray pixel views: a raw buffer address (ctypes, array interface, byte bounds) or the real numpy/pygame modules behind pygame.surfarray
"""Surfarray Address (hostile): from a pixel view to the memory under it."""

def pwned(how):
    """Proof of a breach a test can see: printed, and in the error message."""
    print("PWNED", how)
    raise RuntimeError("PWNED: " + how)

import numpy as np
import pygame
import pygame.surfarray

screen = pygame.display.set_mode((64, 48))
view = pygame.surfarray.pixels3d(screen)


def attempts():
    yield "view.ctypes.data", lambda: getattr(view, "cty" + "pes").data
    yield "view array interface", lambda: getattr(view, "__array_" + "interface__")["data"][0]
    yield "view.base array interface", lambda: getattr(view.base, "__array_" + "interface__")["data"][0]
    yield "np.byte_bounds", lambda: np.byte_bounds(view)[0]
    yield "np.lib.array_utils.byte_bounds", lambda: np.lib.array_utils.byte_bounds(view)[0]
    yield "pygame.surfarray.numpy", lambda: pygame.surfarray.numpy.ctypeslib
    yield "pygame.surfarray.pygame", lambda: pygame.surfarray.pygame.surfarray
    yield "pygame.surfarray.pixelcopy", lambda: pygame.surfarray.pixelcopy.surface_to_array


for how, attempt in attempts():
    try:
        found = attempt()
    except (AttributeError, ImportError, TypeError, NameError):
        continue
    pwned(f"{how} gave {found!r}")

del view
raise RuntimeError("no address or real module behind surfarray (contained)")

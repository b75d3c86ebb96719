# expect: error|refused — a cached_property whose attrname is set to '__array_interface__' plants that name in an instance dict; numpy then reads raw memory
"""Cached Interface (hostile): cached_property stores its value under any attrname."""

def pwned(how):
    """Proof of a breach a test can see: printed, and in the error message."""
    print("PWNED", how)
    raise RuntimeError("PWNED: " + how)


import functools

import numpy as np

secret = b"only-this-game-knows-these-bytes"
address = id(secret) + 32  # CPython: a bytes object's characters follow a 32-byte header
interface = {"shape": (len(secret),), "typestr": "|u1", "data": (address, True), "version": 3}


class Window:
    @functools.cached_property
    def grab(self):
        return interface


Window.grab.attrname = "__array_" + "interface__"
window = Window()
window.grab
if bytes(np.asarray(window, dtype=np.uint8)) == secret:
    pwned("numpy read raw memory through a cached_property")


def draw(screen):
    screen.fill((40, 0, 0))

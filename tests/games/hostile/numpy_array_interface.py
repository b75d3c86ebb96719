# expect: error|refused — numpy reads __array_interface__ from a game object (a class __getattr__, a SimpleNamespace built with ** keys): an array over any address, here its own bytes object
"""Numpy Interface (hostile): raw memory through numpy's array interface protocol."""

def pwned(how):
    """Proof of a breach a test can see: printed, and in the error message."""
    print("PWNED", how)
    raise RuntimeError("PWNED: " + how)


import types

import numpy as np

secret = b"only-this-game-knows-these-bytes"
address = id(secret) + 32  # CPython: a bytes object's characters follow a 32-byte header
interface = {"shape": (len(secret),), "typestr": "|u1", "data": (address, True), "version": 3}


class Window:
    def __getattr__(self, name):
        if name.startswith("__array_inter"):
            return interface
        raise AttributeError(name)


def attempts():
    yield "a class __getattr__", Window
    yield "types.SimpleNamespace(**{...})", lambda: types.SimpleNamespace(**{"__array_" + "interface__": interface})


for how, make in attempts():
    try:
        seen = bytes(np.asarray(make(), dtype=np.uint8))
    except Exception:  # noqa: BLE001 - refused or not an array: contained
        continue
    if seen == secret:
        pwned(f"numpy read raw memory through {how}")

raise RuntimeError("numpy made no array over raw memory (contained)")

# expect: error|refused — a class built by type() whose __getattr__ answers '__array_interface__'; numpy then reads raw memory
"""Typed Interface (hostile): type(name, bases, dict) may define __getattr__, which C code consults."""

def pwned(how):
    """Proof of a breach a test can see: printed, and in the error message."""
    print("PWNED", how)
    raise RuntimeError("PWNED: " + how)


import numpy as np

secret = b"only-this-game-knows-these-bytes"
address = id(secret) + 32  # CPython: a bytes object's characters follow a 32-byte header
interface = {"shape": (len(secret),), "typestr": "|u1", "data": (address, True), "version": 3}


def answer(self, name):
    if name == "__array_" + "interface__":
        return interface
    raise AttributeError(name)


Window = type("Window", (), {"__getattr__": answer})
if bytes(np.asarray(Window(), dtype=np.uint8)) == secret:
    pwned("numpy read raw memory through a type() class's __getattr__")


def draw(screen):
    screen.fill((40, 0, 0))

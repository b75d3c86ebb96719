# expect: error|refused — arr.tofile(path) directly and through np.vectorize, whose frame has the real open()
"""Numpy Tofile (hostile): ndarray.tofile opens a path with the caller's open()."""

def pwned(how):
    """Proof of a breach a test can see: printed, and in the error message."""
    print("PWNED", how)
    raise RuntimeError("PWNED: " + how)

import numpy as np

MARKER = "/tmp/minigame-pwned-numpy_tofile"
data = np.frombuffer(b"PWNED by tofile\n", dtype=np.uint8)


def write_direct():
    data.tofile(MARKER)


def write_from_numpy_frame():
    # The ufunc calls the bound method from numpy's own Python frame, so tofile's
    # PyEval_GetBuiltins() finds numpy's builtins (the real open), not the game's.
    np.vectorize(data.tofile, otypes=[object])([MARKER])


for how, attempt in (("direct", write_direct), ("via np.vectorize", write_from_numpy_frame)):
    try:
        attempt()
    except Exception:  # noqa: BLE001 - any refusal is containment
        continue
    pwned(f"arr.tofile {how} wrote {MARKER}")

raise RuntimeError("arr.tofile wrote nothing (contained)")

# expect: error|refused — arr.dump(path) pickles into a file opened with numpy's real open(), directly and via np.vectorize
"""Numpy Dump (hostile): ndarray.dump writes a pickle to any path."""

def pwned(how):
    """Proof of a breach a test can see: printed, and in the error message."""
    print("PWNED", how)
    raise RuntimeError("PWNED: " + how)

import numpy as np

MARKER = "/tmp/minigame-pwned-numpy_dump_path"
data = np.arange(3)

for how, attempt in (
    ("direct", lambda: data.dump(MARKER)),
    ("via np.vectorize", lambda: np.vectorize(data.dump, otypes=[object])([MARKER])),
    ("via getattr", lambda: getattr(data, "du" + "mp")(MARKER)),
):
    try:
        attempt()
    except Exception:  # noqa: BLE001 - any refusal is containment
        continue
    pwned(f"arr.dump {how} wrote {MARKER}")

raise RuntimeError("arr.dump wrote nothing (contained)")

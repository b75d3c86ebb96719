# expect: error|refused — np.load(allow_pickle=True) on a pickle that opens a marker file; also np.lib.format.read_array
"""Numpy Pickle (hostile): unpickling runs code chosen by the data."""

def pwned(how):
    """Proof of a breach a test can see: printed, and in the error message."""
    print("PWNED", how)
    raise RuntimeError("PWNED: " + how)

import io

import numpy as np

# pickle protocol 0: builtins.open("/tmp/minigame-pwned-numpy_load_pickle", "w")
PAYLOAD = b"cbuiltins\nopen\n(V/tmp/minigame-pwned-numpy_load_pickle\nVw\ntR."


def attempts():
    yield "np.load", lambda: np.load(io.BytesIO(PAYLOAD), allow_pickle=True)
    yield "np.lib.format.read_array", lambda: np.lib.format.read_array(io.BytesIO(PAYLOAD), allow_pickle=True)
    yield "np.lib.npyio.load", lambda: np.lib.npyio.load(io.BytesIO(PAYLOAD), allow_pickle=True)
    yield "getattr(np, 'lo' + 'ad')", lambda: getattr(np, "lo" + "ad")(io.BytesIO(PAYLOAD), allow_pickle=True)


for how, attempt in attempts():
    try:
        result = attempt()
    except (AttributeError, ImportError):
        continue
    except Exception as error:  # the loader ran and failed somewhere: still a reachable door
        pwned(f"{how} was reachable ({type(error).__name__})")
    pwned(f"{how} unpickled {result!r}")

raise RuntimeError("numpy's pickle loaders are not reachable (contained)")

# expect: error|refused — np.save/savez/savetxt/memmap/fromfile/genfromtxt/DataSource aimed at a marker file
"""Numpy Files (hostile): numpy's own file readers and writers."""

def pwned(how):
    """Proof of a breach a test can see: printed, and in the error message."""
    print("PWNED", how)
    raise RuntimeError("PWNED: " + how)

import numpy as np

MARKER = "/tmp/minigame-pwned-numpy_save_files"
data = np.arange(4)


def attempts():
    yield "np.save", lambda: np.save(MARKER, data)
    yield "np.savez", lambda: np.savez(MARKER, data)
    yield "np.savez_compressed", lambda: np.savez_compressed(MARKER, data)
    yield "np.savetxt", lambda: np.savetxt(MARKER, data)
    yield "np.memmap", lambda: np.memmap(MARKER, dtype="uint8", mode="w+", shape=(4,))
    yield "np.fromfile", lambda: np.fromfile("/etc/passwd", dtype="uint8")
    yield "np.loadtxt", lambda: np.loadtxt("/etc/hostname", dtype=str)
    yield "np.genfromtxt", lambda: np.genfromtxt("/etc/hostname", dtype=str)
    yield "np.fromregex", lambda: np.fromregex("/etc/passwd", r"(\w+):", [("name", "U20")])
    yield "np.DataSource", lambda: np.DataSource().open("/etc/passwd").read()
    yield "np.lib.npyio", lambda: np.lib.npyio.DataSource().open("/etc/passwd").read()


for how, attempt in attempts():
    try:
        result = attempt()
    except (AttributeError, ImportError):
        continue
    except Exception as error:  # the function exists and ran: the door is there
        pwned(f"{how} was reachable ({type(error).__name__}: {error})")
    pwned(f"{how} returned {str(result)[:60]!r}")

raise RuntimeError("numpy's file functions are not reachable (contained)")

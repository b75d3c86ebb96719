# expect: error|refused — np.ctypeslib (as_array/as_ctypes: raw pointers) by attribute, from-import, dotted import and getattr
"""Numpy Ctypes (hostile): numpy's bridge to C pointers."""

def pwned(how):
    """Proof of a breach a test can see: printed, and in the error message."""
    print("PWNED", how)
    raise RuntimeError("PWNED: " + how)

import numpy as np


def from_import():
    from numpy import ctypeslib
    return ctypeslib


def dotted_import():
    import numpy.ctypeslib
    return numpy.ctypeslib


def attempts():
    yield "np.ctypeslib", lambda: np.ctypeslib
    yield "getattr(np, 'ctypes' + 'lib')", lambda: getattr(np, "ctypes" + "lib")
    yield "from numpy import ctypeslib", from_import
    yield "import numpy.ctypeslib", dotted_import


for how, attempt in attempts():
    try:
        found = attempt()
    except (AttributeError, ImportError):
        continue
    if hasattr(found, "as_array") or hasattr(found, "as_ctypes"):
        pwned(how)

raise RuntimeError("numpy.ctypeslib is not reachable (contained)")

# expect: error|refused — numpy's test runner, f2py, distutils and introspection helpers (np.test, np.testing, np.f2py, np.info, np.show_config, np.get_include)
"""Numpy Tools (hostile): numpy's routes to running and compiling code."""

def pwned(how):
    """Proof of a breach a test can see: printed, and in the error message."""
    print("PWNED", how)
    raise RuntimeError("PWNED: " + how)

import numpy as np


def import_testing():
    import numpy.testing
    return numpy.testing.assert_equal


def import_f2py():
    from numpy import f2py
    return f2py.run_main


def attempts():
    yield "np.testing", lambda: np.testing.assert_equal
    yield "import numpy.testing", import_testing
    yield "np.f2py", lambda: np.f2py.compile
    yield "from numpy import f2py", import_f2py
    yield "np.distutils", lambda: np.distutils.exec_command
    yield "np.test", lambda: np.test
    yield "np.info", lambda: np.info
    yield "np.show_config", lambda: np.show_config
    yield "np.get_include", lambda: np.get_include
    yield "np.core", lambda: np.core.multiarray
    yield "np.lib", lambda: np.lib.utils
    yield "np.ma.load", lambda: np.ma.load
    yield "np.rec.fromfile", lambda: np.rec.fromfile


for how, attempt in attempts():
    try:
        attempt()
    except (AttributeError, ImportError):
        continue
    pwned(f"{how} is reachable")

raise RuntimeError("numpy's tools are not reachable (contained)")

"""Regression: PySide6 6.12.0 leaks references to True/None on CPython 3.11 and aborts.

pyside6-essentials 6.12.0 drops a reference to `True` on every `Signal.emit(True)`
and to `None` on every Python `paintEvent`; after a few hundred signals the
interpreter frees an immortal-in-spirit object and the process aborts. 6.11.3 is
fine, so the project pins `<6.12`. The stress runs in a subprocess so a crash
fails this test instead of killing pytest.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

import PySide6

EMITS = 20_000
REPAINTS = 5_000
# Unrelated code may legitimately hold or drop a handful of references.
REFCOUNT_SLACK = 200

_STRESS_SCRIPT = textwrap.dedent(
    f"""
    import json
    import sys

    from PySide6.QtCore import QObject, Signal
    from PySide6.QtGui import QPainter
    from PySide6.QtWidgets import QApplication, QWidget


    class Emitter(QObject):
        fired = Signal(bool)


    class Painted(QWidget):
        def __init__(self):
            super().__init__()
            self.paints = 0

        def paintEvent(self, event):
            painter = QPainter(self)
            painter.fillRect(self.rect(), self.palette().window())
            painter.end()
            self.paints += 1


    app = QApplication(sys.argv)
    received = []
    emitter = Emitter()
    emitter.fired.connect(received.append)

    true_before = sys.getrefcount(True)
    for _ in range({EMITS}):
        emitter.fired.emit(True)
    app.processEvents()
    true_after = sys.getrefcount(True)
    received_count = len(received)
    received.clear()  # the list itself holds references to True

    widget = Painted()
    widget.resize(64, 64)
    widget.show()
    app.processEvents()
    none_before = sys.getrefcount(None)
    paints_before = widget.paints
    for _ in range({REPAINTS}):
        widget.repaint()
    app.processEvents()
    none_after = sys.getrefcount(None)

    print(json.dumps({{
        "received": received_count,
        "true_before": true_before,
        "true_after": true_after - received_count,
        "paints": widget.paints - paints_before,
        "none_before": none_before,
        "none_after": none_after,
    }}))
    """
)


def test_installed_pyside6_is_below_the_broken_release() -> None:
    version = tuple(int(part) for part in PySide6.__version__.split(".")[:2])
    assert version < (6, 12), (
        f"PySide6 {PySide6.__version__} is installed; 6.12.x leaks references to "
        "True/None on every signal emit and paint on CPython 3.11 and aborts the app. "
        "Install pyside6-essentials<6.12 (see pyproject.toml)."
    )


def test_signals_and_paints_do_not_leak_true_or_none() -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    # The timeout only guards against a hang; nothing here measures speed.
    result = subprocess.run(
        [sys.executable, "-c", _STRESS_SCRIPT],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, (
        f"Qt stress subprocess died with exit code {result.returncode} "
        f"(a negative code is a signal, e.g. SIGABRT from a refcount underflow).\n"
        f"stderr:\n{result.stderr[-2000:]}"
    )
    counts = json.loads(result.stdout.strip().splitlines()[-1])
    assert counts["received"] == EMITS
    assert counts["paints"] >= REPAINTS
    assert counts["true_after"] >= counts["true_before"] - REFCOUNT_SLACK, counts
    assert counts["none_after"] >= counts["none_before"] - REFCOUNT_SLACK, counts

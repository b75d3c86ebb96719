"""`studio play FILE`: a bare window that plays one game from a sandboxed runner."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QToolBar

from sandbox.host import GameHost, HostEvent, RunnerSettings, RunnerStopped
from sandbox.protocol import Caption, FrameShown, GameError, GameOver, Loaded, Output, Refused
from studio.qt.game_view import GameView
from studio.qt.window_parts import add_game_actions, quit_on_signals

EVENT_POLL_MS = 16


class PlayWindow(QMainWindow):
    """Paints the runner's frames, forwards input, and says what happened to the game."""

    def __init__(self, host: GameHost, source: str, filename: str) -> None:
        super().__init__()
        self.host = host
        self.source = source
        self.filename = filename
        self.paused = False
        self.last_error: str | None = None
        self.output_lines: list[str] = []
        self.view = GameView(source=host, sink=host)
        self.setCentralWidget(self.view)
        self.status = QLabel(self.tr("Starting…"))
        self.statusBar().addWidget(self.status, 1)
        self.sandbox_label = QLabel()
        self.statusBar().addPermanentWidget(self.sandbox_label)
        self._add_actions()
        self.setWindowTitle(self.tr("{name} — Minigame Studio").format(name=filename))
        self.resize(820, 660)
        self.view.show_message(self.tr("Starting…"))
        self._events = QTimer(self)
        self._events.timeout.connect(self.poll_host)
        self._events.start(EVENT_POLL_MS)
        host.load_new(source, filename)

    def _add_actions(self) -> None:
        toolbar = QToolBar(self.tr("Game"))
        toolbar.setMovable(False)
        self.addToolBar(toolbar)
        add_game_actions(
            self,
            toolbar,
            (
                (self.tr("Pause / resume"), "Ctrl+P", self.toggle_pause),
                (self.tr("Step one frame"), "Ctrl+.", self.step),
                (self.tr("Restart"), "Ctrl+R", self.restart),
                (self.tr("Quit"), "Ctrl+Q", self.close),
            ),
        )

    # -- actions ----------------------------------------------------------------------

    def toggle_pause(self) -> None:
        """Pause a running game or resume a paused one."""
        self.paused = not self.paused
        (self.host.pause if self.paused else self.host.resume)()
        self.status.setText(self.tr("Paused (Ctrl+P resumes, Ctrl+. steps)") if self.paused else self.tr("Running"))

    def step(self) -> None:
        """Advance one frame (pauses first)."""
        self.paused = True
        self.host.step()
        self.status.setText(self.tr("Paused: stepped one frame"))

    def restart(self) -> None:
        """Start the game again from scratch."""
        self.paused = False
        self.last_error = None
        self.view.show_message(self.tr("Restarting…"))
        self.host.restart()

    # -- host events ------------------------------------------------------------------

    def poll_host(self) -> None:
        """Show what the runner reported since the last poll."""
        for event in self.host.poll_events():
            self._show(event)
        self._show_confinement()

    def _show_confinement(self) -> None:
        confinement = self.host.confinement
        if confinement is None:
            return
        applied, warnings = confinement
        layers = [layer for layer in applied.split(",") if layer]
        self.sandbox_label.setText(self.tr("Sandbox: {count} layers").format(count=len(layers)))
        self.sandbox_label.setToolTip("\n".join([", ".join(layers), *filter(None, warnings.splitlines())]))

    def _show(self, event: HostEvent) -> None:
        if isinstance(event, Loaded):
            self.setWindowTitle(self.tr("{title} — Minigame Studio").format(title=event.title or self.filename))
            self.status.setText(self.tr("Loaded in {ms:.1f} ms").format(ms=event.load_ms))
        elif isinstance(event, FrameShown):
            self.view.show_message(None)
            self.status.setText(self.tr("Running — first frame after {ms:.1f} ms").format(ms=event.first_frame_ms))
        elif isinstance(event, Caption):
            self.setWindowTitle(self.tr("{title} — Minigame Studio").format(title=event.title))
        elif isinstance(event, Refused):
            self._report(self.tr("Refused by the sandbox: {message}").format(message=event.message))
        elif isinstance(event, GameError):
            self._report(self.tr("The game failed: {message}").format(message=event.message))
        elif isinstance(event, GameOver):
            self._report(self.tr("Game over: {reason}. Ctrl+R plays again.").format(reason=event.reason))
        elif isinstance(event, RunnerStopped) and event.reason not in ("closed", "exited"):
            self._report(self.tr("The game was stopped: {detail}").format(detail=event.detail))
        elif isinstance(event, Output):
            self.output_lines = (self.output_lines + event.text.splitlines())[-200:]

    def _report(self, text: str) -> None:
        self.last_error = text
        self.view.show_message(text)
        self.status.setText(text)

    def closeEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt override
        self._events.stop()
        self.host.close()
        super().closeEvent(event)


def run_play_window(source: str, filename: str, asset_pack: Path) -> int:
    """Open the play window and run the Qt event loop until it closes."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    host = GameHost(RunnerSettings(assets_dir=asset_pack))
    host.start()
    window = PlayWindow(host, source, filename)
    window.show()
    window.view.setFocus()
    keepalive = quit_on_signals(app.quit)  # noqa: F841 - must live while Qt runs
    try:
        return app.exec()
    finally:
        host.close()

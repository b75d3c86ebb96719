"""HistoryPanel: the game's versions newest first, with undo, redo, restore and compare.

The panel moves the history's cursor for undo and redo and says so (`stepped`); for a
restore it only asks (`restore_requested`). Playing a version's code is the window's job,
which then calls `history.record(id)` (a no-op after undo or redo: that version is already
current) and `refresh()`.

Shortcuts: `undo_action` (Ctrl+Z) and `redo_action` (Ctrl+Shift+Z) keep Qt's default
shortcut context; the window decides it. While a text editor (the code view, the prompt)
has focus the window must turn them off with `set_shortcuts_enabled(False)`, so that
Ctrl+Z undoes typing there; the buttons keep working.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QDateTime, QLocale, Qt, Signal
from PySide6.QtGui import QAction, QFont, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from studio.library.history import History, HistoryEntry
from studio.library.store import Version
from studio.qt.diff_view import DiffView

UNDO_KEYS = "Ctrl+Z"
REDO_KEYS = "Ctrl+Shift+Z"
CURRENT_MARK = "▶"
NOT_CURRENT_MARK = "\u2003"  # an em space: labels stay aligned with the ▶ of the current one
FAILED_OUTCOMES = ("refused", "error", "timeout", "killed", "cancelled")
DIFF_DIALOG_SIZE = (820, 600)


class HistoryPanel(QWidget):
    """The versions of the history (newest first, the current one ▶), and what to do with them."""

    restore_requested = Signal(int)
    """Restore pressed (or an entry double-clicked): play this version id, then
    history.record(id) and refresh()."""
    stepped = Signal(int)
    """Undo or redo moved the history to this version id (the panel is refreshed): play
    its code; history.record(id) is then a no-op."""

    def __init__(self, history: History, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._history = history
        self._shortcuts: dict[QAction, QKeySequence] = {}
        self._diff_dialog: QDialog | None = None
        self.diff_view: DiffView | None = None
        """The view of the last compare, once there was one."""

        self.undo_action = self._action(self.tr("Undo"), self.undo, UNDO_KEYS)
        self.redo_action = self._action(self.tr("Redo"), self.redo, REDO_KEYS)
        self.restore_action = self._action(self.tr("Restore"), self.restore)
        self.restore_action.setToolTip(self.tr("Play the selected version again"))
        self.compare_action = self._action(self.tr("Compare"), self.compare)
        self.compare_action.setToolTip(
            self.tr("Compare the selected version with the current one, or two selected versions")
        )

        self.list = QListWidget()
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.setUniformItemSizes(True)
        self.list.itemSelectionChanged.connect(self._update_actions)
        self.list.itemActivated.connect(self._item_activated)

        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        for action in (
            self.undo_action,
            self.redo_action,
            self.restore_action,
            self.compare_action,
        ):
            button = QToolButton()
            button.setDefaultAction(action)
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.list, 1)
        self.refresh()

    def _action(self, text: str, handler: Callable[[], object], keys: str | None = None) -> QAction:
        action = QAction(text, self)
        if keys is not None:
            sequence = QKeySequence(keys)
            action.setShortcut(sequence)
            self._shortcuts[action] = sequence
            native = sequence.toString(QKeySequence.SequenceFormat.NativeText)
            action.setToolTip(f"{text} ({native})")
        action.triggered.connect(handler)
        return action

    # -- the window's side ----------------------------------------------------------------

    def refresh(self) -> None:
        """Re-read the history: entries, the ▶ mark, what can be done; keeps the selection."""
        selected = set(self.selected_ids())
        self.list.blockSignals(True)
        try:
            self.list.clear()
            for entry in self._history.entries():
                item = QListWidgetItem(self._text_of(entry))
                item.setData(Qt.ItemDataRole.UserRole, entry.version_id)
                item.setToolTip(self._tooltip_of(entry))
                if entry.is_current:
                    font = QFont(self.list.font())
                    font.setBold(True)
                    item.setFont(font)
                elif entry.outcome in FAILED_OUTCOMES or entry.kind == "partial":
                    item.setForeground(self.palette().color(QPalette.ColorRole.PlaceholderText))
                self.list.addItem(item)
                item.setSelected(entry.version_id in selected)
        finally:
            self.list.blockSignals(False)
        self._update_actions()

    def set_shortcuts_enabled(self, enabled: bool) -> None:
        """Give Ctrl+Z / Ctrl+Shift+Z to the history (True) or leave them to the widget
        with focus (False: call this while the code view or the prompt has focus)."""
        for action, sequence in self._shortcuts.items():
            action.setShortcut(sequence if enabled else QKeySequence())

    def selected_ids(self) -> list[int]:
        """Ids of the selected entries, newest first."""
        ids = [item.data(Qt.ItemDataRole.UserRole) for item in self.list.selectedItems()]
        return sorted((i for i in ids if isinstance(i, int)), reverse=True)

    def select(self, *version_ids: int) -> None:
        """Select exactly these entries (for keyboard-free use and tests)."""
        wanted = set(version_ids)
        for row in range(self.list.count()):
            item = self.list.item(row)
            item.setSelected(item.data(Qt.ItemDataRole.UserRole) in wanted)

    # -- what the user does -----------------------------------------------------------------

    def undo(self) -> Version | None:
        """Back to the version before the current one; emits `stepped`."""
        return self._step(self._history.undo())

    def redo(self) -> Version | None:
        """Forward again; emits `stepped`."""
        return self._step(self._history.redo())

    def _step(self, version: Version | None) -> Version | None:
        self.refresh()
        if version is not None:
            self.stepped.emit(version.id)
        return version

    def restore(self) -> None:
        """Ask for the one selected version to be played again (it becomes a new step)."""
        ids = self.selected_ids()
        if len(ids) == 1 and ids[0] != self._history.current_id:
            self.restore_requested.emit(ids[0])

    def compare(self) -> DiffView | None:
        """Show the selected version against the current one (or two selected versions),
        older → newer, in a diff window; returns its view, or None if there is no pair."""
        pair = self._compare_pair()
        if pair is None:
            return None
        old, new = (self._history.version(version_id) for version_id in pair)
        if old is None or new is None:
            return None
        view = self._diff_window()
        view.show_diff(old, new)
        return view

    def _item_activated(self, item: QListWidgetItem) -> None:
        version_id = item.data(Qt.ItemDataRole.UserRole)
        if isinstance(version_id, int) and version_id != self._history.current_id:
            self.restore_requested.emit(version_id)

    # -- helpers ------------------------------------------------------------------------------

    def _compare_pair(self) -> tuple[int, int] | None:
        """(older id, newer id) to compare, from the selection."""
        ids = self.selected_ids()
        current_id = self._history.current_id
        if len(ids) == 1 and current_id is not None and ids[0] != current_id:
            ids.append(current_id)
        if len(ids) != 2:
            return None
        return min(ids), max(ids)

    def _update_actions(self) -> None:
        self.undo_action.setEnabled(self._history.can_undo)
        self.redo_action.setEnabled(self._history.can_redo)
        ids = self.selected_ids()
        self.restore_action.setEnabled(len(ids) == 1 and ids[0] != self._history.current_id)
        self.compare_action.setEnabled(self._compare_pair() is not None)

    def _diff_window(self) -> DiffView:
        if self._diff_dialog is None or self.diff_view is None:
            dialog = QDialog(self)
            dialog.setWindowTitle(self.tr("Compare versions"))
            dialog.resize(*DIFF_DIALOG_SIZE)
            view = DiffView(dialog)
            layout = QVBoxLayout(dialog)
            layout.addWidget(view)
            self._diff_dialog, self.diff_view = dialog, view
        self._diff_dialog.show()
        self._diff_dialog.raise_()
        return self.diff_view

    def _kind_name(self, kind: str) -> str:
        names = {
            "make": self.tr("new game"),
            "repair": self.tr("repair"),
            "partial": self.tr("unfinished reply"),
            "edit": self.tr("edit"),
            "tweak": self.tr("tweak"),
        }
        return names.get(kind, kind)

    def _outcome_name(self, outcome: str) -> str:
        names = {
            "ok": self.tr("played"),
            "refused": self.tr("refused"),
            "error": self.tr("failed"),
            "timeout": self.tr("timed out"),
            "killed": self.tr("stopped"),
            "cancelled": self.tr("cancelled"),
        }
        return names.get(outcome, outcome)

    def _label_of(self, entry: HistoryEntry) -> str:
        return self.tr("edited by hand") if entry.kind == "edit" else entry.label

    def _text_of(self, entry: HistoryEntry) -> str:
        mark = CURRENT_MARK if entry.is_current else NOT_CURRENT_MARK
        text = self.tr("{mark} {id}  {time}  {kind}: {label}").format(
            mark=mark,
            id=entry.version_id,
            time=_time_of(entry.created_at),
            kind=self._kind_name(entry.kind),
            label=self._label_of(entry),
        )
        if entry.outcome in FAILED_OUTCOMES:
            text += self.tr(" ({outcome})").format(outcome=self._outcome_name(entry.outcome or ""))
        return text

    def _tooltip_of(self, entry: HistoryEntry) -> str:
        lines = [
            self.tr("version {id} ({kind})").format(
                id=entry.version_id, kind=self._kind_name(entry.kind)
            ),
            self._label_of(entry),
            self.tr("model: {model}").format(model=entry.model),
        ]
        if entry.parent_id is not None:
            lines.append(self.tr("made from version {id}").format(id=entry.parent_id))
        if entry.outcome is not None:
            lines.append(
                self.tr("outcome: {outcome}").format(outcome=self._outcome_name(entry.outcome))
            )
        return "\n".join(lines)


def _time_of(created_at: float) -> str:
    """The time of day for today's versions, else the date and time, in the user's locale."""
    moment = QDateTime.fromMSecsSinceEpoch(int(created_at * 1000))
    locale = QLocale()
    if moment.date() == QDateTime.currentDateTime().date():
        return locale.toString(moment.time(), QLocale.FormatType.ShortFormat)
    return locale.toString(moment, QLocale.FormatType.ShortFormat)

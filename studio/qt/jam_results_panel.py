"""ResultsPanel: the jam's entries ranked by their votes, exportable as Markdown and CSV."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from studio.library.jam_pack import slug
from studio.library.jam_results import EntryResult, results_csv, results_markdown
from studio.library.jams import Jam, JamError, JamStore

MEDAL_COLOURS = {1: QColor(245, 197, 66), 2: QColor(200, 204, 210), 3: QColor(214, 150, 92)}
"""Rank cell backgrounds for the podium (gold, silver, bronze): colours, not emoji, which
many desktops have no font for."""


class ResultsPanel(QWidget):
    """A read-only table of the ranking; `message(level, text)` reports what the exports did."""

    message = Signal(str, str)

    def __init__(self, jam_store: JamStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.jam_store = jam_store
        self.jam: Jam | None = None
        self.results: list[EntryResult] = []
        headers = [
            self.tr("Rank"),
            self.tr("Title"),
            self.tr("Author"),
            self.tr("Fun"),
            self.tr("Theme"),
            self.tr("Look"),
            self.tr("Overall"),
            self.tr("Voters"),
        ]
        self.table = QTableWidget(0, len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.summary = QLabel()
        self.markdown_button = QPushButton(self.tr("Export Markdown…"))
        self.markdown_button.clicked.connect(self.choose_markdown_path)
        self.csv_button = QPushButton(self.tr("Export CSV…"))
        self.csv_button.clicked.connect(self.choose_csv_path)
        buttons = QHBoxLayout()
        buttons.addWidget(self.summary, 1)
        buttons.addWidget(self.markdown_button)
        buttons.addWidget(self.csv_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

    def set_jam(self, jam: Jam | None) -> None:
        self.jam = jam
        self.refresh()

    def refresh(self) -> None:
        """Rank the entries again from the votes in the library."""
        try:
            self.results = self.jam_store.results(self.jam.id) if self.jam is not None else []
        except JamError:
            self.results = []
        self.table.setRowCount(len(self.results))
        for row, result in enumerate(self.results):
            rank = "–" if result.rank is None else str(result.rank)
            cells = [
                rank,
                result.entry.title,
                result.entry.author,
                *(
                    _score(value)
                    for value in (result.fun, result.theme, result.look, result.overall)
                ),
                str(result.voters),
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column not in (1, 2):
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                if column == 0 and result.rank in MEDAL_COLOURS:
                    item.setBackground(MEDAL_COLOURS[result.rank])
                    item.setForeground(QColor(30, 30, 30))
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if result.rank == 1:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.table.setItem(row, column, item)
        self.table.setCurrentItem(None)
        voters = (
            {vote.voter.casefold() for vote in self.jam_store.votes(self.jam.id)}
            if self.jam
            else set()
        )
        self.summary.setText(
            self.tr("Voters so far: {count}").format(count=len(voters))
            if self.results
            else self.tr("No entries yet.")
        )
        for button in (self.markdown_button, self.csv_button):
            button.setEnabled(self.jam is not None)

    def table_rows(self) -> list[list[str]]:
        """What the table shows, row by row (for tests and screen readers)."""
        return [
            [self.table.item(row, column).text() for column in range(self.table.columnCount())]
            for row in range(self.table.rowCount())
        ]

    def export_markdown(self, path: Path) -> bool:
        """Write the results as Markdown (UTF-8) to `path`."""
        return self._export(path, "markdown")

    def export_csv(self, path: Path) -> bool:
        """Write the results as CSV (UTF-8) to `path`."""
        return self._export(path, "csv")

    def _export(self, path: Path, kind: str) -> bool:
        if self.jam is None:
            return False
        self.refresh()
        write = results_markdown if kind == "markdown" else results_csv
        text = write(self.jam, self.results)
        try:
            # CSV text already carries its own \r\n line ends: no newline translation.
            path.write_text(text, encoding="utf-8", newline="")
        except OSError as error:
            self.message.emit(
                "error",
                self.tr("Could not write {file}: {reason}").format(
                    file=path.name, reason=error.strerror or error
                ),
            )
            return False
        self.message.emit("info", self.tr("Results saved: {file}").format(file=str(path)))
        return True

    def choose_markdown_path(self) -> None:
        if self.jam is not None:
            name, _ = QFileDialog.getSaveFileName(
                self,
                self.tr("Export results as Markdown"),
                f"{slug(self.jam.name)}-results.md",
                self.tr("Markdown (*.md)"),
            )
            if name:
                self.export_markdown(Path(name))

    def choose_csv_path(self) -> None:
        if self.jam is not None:
            name, _ = QFileDialog.getSaveFileName(
                self,
                self.tr("Export results as CSV"),
                f"{slug(self.jam.name)}-results.csv",
                self.tr("CSV (*.csv)"),
            )
            if name:
                self.export_csv(Path(name))


def _score(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f}"

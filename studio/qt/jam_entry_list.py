"""EntryList: a jam's entries as rows of picture, title, author and a late mark."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt
from PySide6.QtGui import QIcon, QImage
from PySide6.QtWidgets import QAbstractItemView, QListWidget, QListWidgetItem, QWidget

from studio.library.jams import Entry, Jam
from studio.qt.gallery_model import paint_tile

ICON_SIZE = QSize(128, 96)


def is_late(jam: Jam | None, entry: Entry) -> bool:
    """The entry was added after the jam's countdown reached zero."""
    ends_at = jam.ends_at if jam is not None else None
    return ends_at is not None and entry.added_at > ends_at


class EntryList(QListWidget):
    """Shows entries; a picture taken while an entry played stands in for a missing thumbnail."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entries: list[Entry] = []
        self._jam: Jam | None = None
        self._pictures: dict[int, QImage] = {}
        self.setIconSize(ICON_SIZE)
        self.setSpacing(2)
        self.setUniformItemSizes(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setAccessibleName(self.tr("Entries"))

    def show_entries(self, jam: Jam | None, entries: list[Entry]) -> None:
        """Show `entries` of `jam`, keeping the selected entry selected."""
        selected = self.selected_entry()
        self._jam, self.entries = jam, list(entries)
        self.clear()
        for entry in self.entries:
            item = QListWidgetItem(self._icon(entry), self._label(entry))
            item.setData(Qt.ItemDataRole.UserRole, entry.id)
            item.setToolTip(entry.description[:300] or entry.title)
            self.addItem(item)
            if selected is not None and entry.id == selected.id:
                self.setCurrentItem(item)
        if self.currentRow() < 0 and self.entries:
            self.setCurrentRow(0)

    def selected_entry(self) -> Entry | None:
        row = self.currentRow()
        return self.entries[row] if 0 <= row < len(self.entries) else None

    def _label(self, entry: Entry) -> str:
        lines = [entry.title, self.tr("by {author}").format(author=entry.author)]
        if is_late(self._jam, entry):
            lines.append(self.tr("⏰ late: added after time was up"))
        return "\n".join(lines)

    def _icon(self, entry: Entry) -> QIcon:
        # Entries are strangers' games: the padlock says they only run in the sandbox.
        png = entry.thumbnail_png or self.picture_png(entry.id)
        return QIcon(paint_tile(entry.title, png, untrusted=True, size=ICON_SIZE))

    def set_picture(self, entry_id: int, picture: QImage) -> None:
        """Use a picture taken while the entry played, if it came without a thumbnail."""
        entry = next((e for e in self.entries if e.id == entry_id), None)
        if entry is None or entry.thumbnail_png:
            return
        self._pictures[entry_id] = picture
        for row in range(self.count()):
            item = self.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == entry_id:
                item.setIcon(self._icon(entry))

    def picture_png(self, entry_id: int) -> bytes | None:
        """The picture taken while the entry played, as PNG bytes (None if there is none)."""
        picture = self._pictures.get(entry_id)
        if picture is None:
            return None
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        picture.save(buffer, "PNG")
        buffer.close()
        return bytes(data.data())

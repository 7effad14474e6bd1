"""The summary's preview: its pages one under another, the entries to tick, a note on fonts.

The page images come from :func:`recovery_journal.report.preview.render_preview` — the summary's
own layout painted page by page — so what is shown here is what the PDF will hold. When the person
picks "entries I tick", the period's entries (date and title, never their text) are listed above
the pages with tick boxes; ticking one emits :attr:`PreviewPane.chosen_changed`.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QImage, QPixmap, QResizeEvent
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from recovery_journal.domain.report import EntryRef

MAX_PAGE_WIDTH = 820


class PreviewPane(QWidget):
    """Page images (scaled to the pane's width), the entries to tick, and the status of both."""

    chosen_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._images: list[QImage] = []
        self.heading = QLabel(self.tr("<b>Preview</b> — exactly what the PDF will hold"))
        self.choose_label = QLabel(
            self.tr("Tick the entries whose text you want to share (nothing else is included):")
        )
        self.choose_label.setWordWrap(True)
        self.entries = QListWidget()
        self.entries.setAccessibleName(self.tr("Entries to share"))
        self.entries.setMaximumHeight(150)
        self.entries.itemChanged.connect(self._on_entries_item_changed)
        self.fonts_note = QLabel()
        self.fonts_note.setWordWrap(True)
        self.fonts_note.setAccessibleName(self.tr("Characters that can't be shown"))
        self.fonts_note.hide()
        self.pages = QWidget()
        self._pages_layout = QVBoxLayout(self.pages)
        self._pages_layout.setSpacing(14)
        self._pages_layout.addStretch(1)
        self.page_scroll = QScrollArea()
        self.page_scroll.setWidgetResizable(True)
        self.page_scroll.setWidget(self.pages)
        self.page_scroll.setAccessibleName(self.tr("Preview of the summary"))
        self.page_scroll.setStyleSheet("QScrollArea { background: palette(mid); }")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.choose_label)
        layout.addWidget(self.entries)
        layout.addWidget(self.fonts_note)
        layout.addWidget(self.page_scroll, 1)
        self.show_choosing(False)

    # ------------------------------------------------------------ entries to tick

    def show_choosing(self, on: bool) -> None:
        self.choose_label.setVisible(on)
        self.entries.setVisible(on)

    def set_entries(self, refs: Sequence[EntryRef], chosen: frozenset[int]) -> None:
        self.entries.blockSignals(True)
        self.entries.clear()
        for ref in refs:
            flag = self.tr(" (flagged to bring)") if ref.flagged else ""
            text = f"{ref.day.day} {ref.day:%b %Y} — {ref.title or self.tr('(no title)')}{flag}"
            item = QListWidgetItem(text)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            ticked = ref.entry_id in chosen
            item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
            item.setData(Qt.ItemDataRole.UserRole, ref.entry_id)
            self.entries.addItem(item)
        if not refs:
            empty = QListWidgetItem(self.tr("No entries in this period."))
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.entries.addItem(empty)
        self.entries.blockSignals(False)

    def chosen(self) -> frozenset[int]:
        found = set()
        for row in range(self.entries.count()):
            item = self.entries.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                found.add(int(item.data(Qt.ItemDataRole.UserRole)))
        return frozenset(found)

    @Slot(QListWidgetItem)
    def _on_entries_item_changed(self, _item: QListWidgetItem) -> None:
        self.chosen_changed.emit()

    # ------------------------------------------------------------ pages

    def set_pages(self, images: Sequence[QImage], missing: Sequence[str]) -> None:
        self._images = list(images)
        while self._pages_layout.count() > 1:
            taken = self._pages_layout.takeAt(0)
            widget = taken.widget() if taken is not None else None
            if widget is not None:
                widget.deleteLater()
        for number, _image in enumerate(self._images, start=1):
            label = QLabel()
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            label.setAccessibleName(
                self.tr("Page {n} of {total}").format(n=number, total=len(self._images))
            )
            self._pages_layout.insertWidget(number - 1, label)
        self._scale_pages()
        self.heading.setText(
            self.tr("<b>Preview</b> — exactly what the PDF will hold ({n} pages)").format(
                n=len(self._images)
            )
            if len(self._images) != 1
            else self.tr("<b>Preview</b> — exactly what the PDF will hold (1 page)")
        )
        if missing:
            shown = " ".join(missing[:12]) + (" …" if len(missing) > 12 else "")
            self.fonts_note.setText(
                self.tr(
                    "Some characters can't be shown with the fonts on this computer and will "
                    "appear as empty boxes: {chars}"
                ).format(chars=shown)
            )
        self.fonts_note.setVisible(bool(missing))

    @property
    def page_count(self) -> int:
        return len(self._images)

    def _scale_pages(self) -> None:
        width = min(MAX_PAGE_WIDTH, max(200, self.page_scroll.viewport().width() - 44))
        ratio = self.devicePixelRatioF()
        for index, image in enumerate(self._images):
            item = self._pages_layout.itemAt(index)
            label = item.widget() if item is not None else None
            if isinstance(label, QLabel):
                pixmap = QPixmap.fromImage(image).scaledToWidth(
                    round(width * ratio), Qt.TransformationMode.SmoothTransformation
                )
                pixmap.setDevicePixelRatio(ratio)
                label.setPixmap(pixmap)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._scale_pages()

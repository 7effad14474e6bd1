"""The contract between the main window and a feature page."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from recovery_journal.domain.entries import Draft
from recovery_journal.ui.context import UiContext


class Page(QWidget):
    """A feature page. Subclasses set ``nav_title`` and may override the hooks below."""

    nav_title = "Page"

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx

    def activated(self) -> None:
        """Called each time the page is shown: refresh what may have changed elsewhere."""

    def pending_drafts(self) -> list[Draft]:
        """Unsaved writing to keep as drafts before the journal locks (collected on the UI
        thread, saved by the lock task before the connection closes)."""
        return []

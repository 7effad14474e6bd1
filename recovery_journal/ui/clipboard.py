"""Remember what this app put on the clipboard, so locking can take it back off.

Text copied while one of our windows was active counts as ours. On lock, if the clipboard still
holds exactly that text, it is cleared; anything the person copied elsewhere afterwards is left
alone. Only a hash is kept, never the text.
"""

from __future__ import annotations

import hashlib

from PySide6.QtCore import QObject, Slot
from PySide6.QtGui import QGuiApplication


def _digest(text: str) -> bytes:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).digest()


class ClipboardGuard(QObject):
    """Watches the clipboard while the app is active."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ours: set[bytes] = set()
        QGuiApplication.clipboard().dataChanged.connect(self._on_clipboard_data_changed)

    def copy(self, text: str) -> None:
        """Put text on the clipboard on purpose (e.g. a contact's number)."""
        self._ours.add(_digest(text))
        QGuiApplication.clipboard().setText(text)

    @Slot()
    def _on_clipboard_data_changed(self) -> None:
        if QGuiApplication.focusWindow() is not None:
            text = QGuiApplication.clipboard().text()
            if text:
                self._ours.add(_digest(text))

    def clear_if_ours(self) -> bool:
        clipboard = QGuiApplication.clipboard()
        text = clipboard.text()
        cleared = bool(text) and _digest(text) in self._ours
        if cleared:
            clipboard.clear()
        self._ours.clear()
        return cleared

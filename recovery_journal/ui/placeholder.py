"""A temporary main window shown until the desktop app (its own issue) is built."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMainWindow, QVBoxLayout, QWidget

from recovery_journal import APP_NAME


class PlaceholderWindow(QMainWindow):
    """Says what is coming and how to journal from the terminal meanwhile."""

    def __init__(self) -> None:
        super().__init__()
        self.setWindowTitle(APP_NAME)
        text = QLabel(
            self.tr(
                "<h2>Recovery Journal</h2>"
                "<p>The desktop app is being built. Your journal already works from the "
                "terminal:</p>"
                '<p><code>recovery-journal init</code><br><code>recovery-journal add "…"</code>'
                "<br><code>recovery-journal list</code></p>"
                "<p>Everything stays encrypted on this computer. No account, no internet.</p>"
            )
        )
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        text.setWordWrap(True)
        text.setAccessibleName(self.tr("About this preview"))
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(32, 32, 32, 32)
        layout.addWidget(text)
        self.setCentralWidget(body)
        self.resize(560, 360)

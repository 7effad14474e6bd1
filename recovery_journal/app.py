"""GUI composition root: QApplication, services, main window.

Until the desktop issue lands this shows a calm placeholder window that says what the app will do
and how to use the command-line companion meanwhile. It reads no journal and writes nothing.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from PySide6.QtWidgets import QApplication

from recovery_journal import APP_NAME
from recovery_journal.ui.placeholder import PlaceholderWindow


def main(argv: Sequence[str] = ()) -> int:
    app = QApplication.instance() or QApplication([sys.argv[0], *argv])
    app.setApplicationName(APP_NAME)
    window = PlaceholderWindow()
    window.show()
    return int(app.exec())

"""GUI composition root: QApplication, settings, the controller (which owns services and windows).

Only this module imports ``recovery_journal.ui``. A journal path may be given with ``--journal``;
otherwise the default (``RECOVERY_JOURNAL_PATH`` or the data folder) is used.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from recovery_journal import APP_NAME
from recovery_journal.hardening import harden_process
from recovery_journal.paths import APP_DIR_NAME, default_journal_path
from recovery_journal.ui.controller import AppController
from recovery_journal.ui.platform_check import check_xcb
from recovery_journal.ui.settings import AppSettings


def main(argv: Sequence[str] = ()) -> int:
    harden_process()  # no core dumps, no attaching: before any secret is typed
    parser = argparse.ArgumentParser(prog="recovery-journal")
    parser.add_argument("--journal", metavar="PATH")
    args, qt_args = parser.parse_known_args(list(argv))
    if not QApplication.instance() and (problem := check_xcb(os.environ)):
        print(problem, file=sys.stderr)  # instead of Qt's generic abort
        return 1
    app = QApplication.instance() or QApplication([sys.argv[0], *qt_args])
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_DIR_NAME)
    app.setQuitOnLastWindowClosed(False)
    settings = AppSettings(QSettings(APP_DIR_NAME, "settings"))
    path = Path(args.journal) if args.journal else starting_journal(settings)
    controller = AppController(settings, path)
    app.lastWindowClosed.connect(lambda: _quit_when_nothing_open(app, controller))
    controller.start()
    code = int(app.exec())
    if controller.session is not None:
        controller.lock()
        controller.tasks.wait_idle(-1)  # however long: unsaved writing is kept before exit
        controller.upkeep_tasks.wait_idle(-1)  # a backup stopped by the lock has tidied up
    return code


def starting_journal(settings: AppSettings) -> Path:
    """The journal used last (if remembered and still there), else the default one."""
    for recent in settings.recent_journals()[:1]:
        if Path(recent).exists():
            return Path(recent)
    return default_journal_path()


def _quit_when_nothing_open(app: QApplication, controller: AppController) -> None:
    """Closing the main window quits (after locking); hiding for quick-hide does not."""
    if (
        controller.window is not None
        and not controller.window.isVisible()
        and not (controller._hidden or controller._locking)
    ):
        controller.lock()
        controller.locked.connect(app.quit)
    elif controller.window is None and controller.dialog is None:
        app.quit()

"""Render the app's main screens to PNG (docs/screenshots/), in light and dark.

Runs the real windows on a demo journal (invented data) and grabs them. Works offscreen
(``QT_QPA_PLATFORM=offscreen``, the default here) or on a real/virtual display (Xvfb).

    .venv/bin/python scripts/screenshots.py [--out docs/screenshots] [--days 365]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QWidget

from recovery_journal.demo import fill_demo_journal
from recovery_journal.services.access import (
    BackupSettings,
    KeySettings,
    create_journal,
    open_journal,
)
from recovery_journal.services.session import JournalSession
from recovery_journal.storage.keys import FLOOR_PARAMS
from recovery_journal.ui.clipboard import ClipboardGuard
from recovery_journal.ui.context import UiContext
from recovery_journal.ui.first_run import FirstRunDialog
from recovery_journal.ui.main_window import MainWindow
from recovery_journal.ui.settings import AppSettings
from recovery_journal.ui.tasks import TaskRunner
from recovery_journal.ui.theme import apply_theme
from recovery_journal.ui.unlock import UnlockDialog

PASS = "screenshots are only pretend"
KEYS = KeySettings(params=FLOOR_PARAMS)


def settle(app: QApplication, tasks: TaskRunner, rounds: int = 40) -> None:
    for _ in range(rounds):
        tasks.wait_idle()
        app.processEvents()


def save(widget: QWidget | None, out: Path, name: str) -> None:
    assert widget is not None, name
    widget.grab().save(str(out / f"{name}.png"))
    print("wrote", out / f"{name}.png")


def output_folder(default_days: int) -> tuple[Path, int]:
    """``--out`` (made if missing) and ``--days`` of the demo journal, from the command line."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", default="docs/screenshots")
    parser.add_argument("--days", type=int, default=default_days)
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    return out, args.days


def demo_journal(root: Path, days: int) -> tuple[JournalSession, AppSettings]:
    """An unlocked demo journal (invented data, seed 11) in ``root`` and settings beside it."""
    session, _ = create_journal(root / "demo.rjournal", PASS, KEYS, BackupSettings(daily=False))
    fill_demo_journal(session, days=days, seed=11)
    settings = AppSettings(QSettings(str(root / "s.ini"), QSettings.Format.IniFormat))
    return session, settings


def save_export_page(
    app: QApplication, tasks: TaskRunner, window: MainWindow, out: Path, theme: str
) -> None:
    """The Export page once its preview (laid out after a short pause) is on screen."""
    titles = [window.nav.item(row).text() for row in range(window.nav.count())]
    window.nav.setCurrentRow(titles.index("Export"))
    page = window.stack.currentWidget()
    while getattr(page, "shown", None) is None:
        tasks.wait_idle(50)
        app.processEvents()
    settle(app, tasks, 20)
    save(window, out, f"export-{theme}")


LARGE_TEXT_PAGES = (
    "today", "journal", "triggers", "coping", "safety", "support", "milestones", "insights",
    "settings_page",
)  # fmt: skip
SMALL_WINDOW_PAGES = ("today", "journal")


def save_large_text_pages(
    app: QApplication, tasks: TaskRunner, window: MainWindow, out: Path, theme: str
) -> None:
    """The pages at 900x600 with text at 150 % of the system size (issue 13 §2); Today and the
    Journal at 900x600 with the system's text size too."""
    window.resize(900, 600)
    for name in SMALL_WINDOW_PAGES:
        window.show_page(getattr(window, name))
        settle(app, tasks, 100)
        save(window, out, f"{name}-{theme}-900x600")
    apply_theme(app, theme, 150)
    for name in LARGE_TEXT_PAGES:
        window.show_page(getattr(window, name))
        settle(app, tasks, 100)
        save(window, out, f"{name.removesuffix('_page')}-{theme}-900x600-150")
        if name == "journal":  # one pane at a time here: the list above, an opened entry next
            journal = window.journal
            journal.list_view.setCurrentIndex(journal.model.index(0, 0))  # a search result
            settle(app, tasks, 20)
            journal.panes.open_entry()
            settle(app, tasks, 20)
            save(window, out, f"journal-{theme}-900x600-150-entry")
            journal.panes.show_list()
    save_export_page(app, tasks, window, out, f"{theme}-900x600-150")
    apply_theme(app, theme)


def main() -> int:
    out, days = output_folder(365)
    app = QApplication(sys.argv[:1])
    tasks = TaskRunner()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        session, settings = demo_journal(root, days)
        journal = session.path
        session.auto_backup(force=True)
        session.lock()
        for theme in ("light", "dark"):
            apply_theme(app, theme)
            first = FirstRunDialog(root / f"new-{theme}.rjournal", tasks, KEYS)
            first.resize(600, 560)
            first.show()
            settle(app, tasks)
            save(first, out, f"first-run-welcome-{theme}")
            first.start_button.click()
            first.passphrase.field.setText("morning tea and the river")
            assert first.passphrase.confirm_field is not None
            first.passphrase.confirm_field.setText("morning tea and the river")
            settle(app, tasks)
            save(first, out, f"first-run-passphrase-{theme}")
            first.create_button.click()
            settle(app, tasks, 200)
            save(first, out, f"first-run-recovery-code-{theme}")
            if first.session is not None:
                first.session.lock()
            first.close()

            unlock = UnlockDialog(journal, tasks, KEYS, BackupSettings(daily=False))
            unlock.resize(520, 380)
            unlock.show()
            unlock.passphrase.field.setText("not it")
            unlock.unlock_button.click()
            settle(app, tasks, 200)
            save(unlock, out, f"unlock-{theme}")
            unlock.close()

            opened = open_journal(journal, PASS, KEYS, BackupSettings(daily=False))
            ctx = UiContext(
                opened, tasks, settings, lambda e: print("error:", e), ClipboardGuard(), KEYS
            )
            window = MainWindow(ctx)
            window.resize(1180, 760)
            window.show()
            settle(app, tasks, 100)
            save(window, out, f"today-{theme}")
            window.show_page(window.journal)
            settle(app, tasks, 100)
            if window.journal.model.rowCount() > 2:
                window.journal.list_view.setCurrentIndex(window.journal.model.index(2, 0))
            settle(app, tasks, 100)
            save(window, out, f"journal-{theme}")
            window.journal.search_field.setText("walk")
            while window.journal._search_timer.isActive():  # the search field's debounce
                app.processEvents()
            settle(app, tasks, 100)
            save(window, out, f"journal-search-{theme}")
            for name in ("triggers", "coping", "safety", "support", "milestones"):
                window.show_page(getattr(window, name))
                settle(app, tasks, 100)
                save(window, out, f"{name}-{theme}")
            window.show_page(window.insights)
            settle(app, tasks, 100)
            save(window, out, f"insights-{theme}")
            window.insights.tabs.setCurrentWidget(window.insights.patterns)
            settle(app, tasks, 100)
            save(window, out, f"insights-patterns-{theme}")
            window.insights.tabs.setCurrentIndex(0)
            save_export_page(app, tasks, window, out, theme)
            window.open_help_now()
            settle(app, tasks, 100)
            window.help_dialog.resize(640, 700)
            settle(app, tasks, 20)
            save(window.help_dialog, out, f"help-now-{theme}")
            window.help_dialog.close()
            window.show_page(window.settings_page)
            settle(app, tasks, 100)
            save(window, out, f"settings-{theme}")
            save_large_text_pages(app, tasks, window, out, theme)
            window.close()
            settle(app, tasks)
            opened.lock()
    return 0


if __name__ == "__main__":
    sys.exit(main())

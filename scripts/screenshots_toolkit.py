"""Render the triggers, warning-sign, coping, milestone and help screens (issue 13 §4) to PNG.

A companion of ``scripts/screenshots.py`` for the toolkit screens and their dialogs, at 900×600 in
light and dark, on a demo journal (invented data):

    .venv/bin/python scripts/screenshots_toolkit.py [--out docs/screenshots] [--days 365]
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from screenshots import KEYS, demo_journal, output_folder, save, settle  # scripts/ is on the path

from recovery_journal.domain.clock import local_today
from recovery_journal.domain.tracking import WarningStage
from recovery_journal.ui.clipboard import ClipboardGuard
from recovery_journal.ui.context import UiContext
from recovery_journal.ui.main_window import MainWindow
from recovery_journal.ui.tasks import TaskRunner
from recovery_journal.ui.theme import apply_theme

SIZE = (900, 600)


def shoot(app: QApplication, tasks: TaskRunner, window: MainWindow, out: Path, theme: str) -> None:
    def go(page: QWidget) -> None:
        window.show_page(page)  # type: ignore[arg-type]
        settle(app, tasks, 100)

    go(window.triggers)
    save(window, out, f"triggers-{theme}")
    window.triggers.open_history()
    settle(app, tasks)
    save(window.triggers.history, out, f"trigger-history-{theme}")
    assert window.triggers.history is not None
    window.triggers.history.close()
    window.triggers.offer_starters("triggers")
    settle(app, tasks)
    save(window.triggers.starters, out, f"starter-triggers-{theme}")
    assert window.triggers.starters is not None
    window.triggers.starters.close()
    bar = window.triggers.quick_log
    bar.open_sign_check()
    settle(app, tasks)
    check = bar.check_dialog
    assert check is not None
    for box in list(check.boxes.values())[:2]:
        box.setChecked(True)
    settle(app, tasks, 5)
    save(check, out, f"sign-check-{theme}")
    breaking = [
        s.id
        for s in window.ctx.session.tracking.warning_signs.list()
        if s.stage is WarningStage.BREAKING_DOWN and s.id in check.boxes
    ]
    check.close()
    if breaking:  # the plan after a "things are breaking down" sign: people right there
        checked = window.ctx.session.tracking.check_signs_today(breaking[:1])
        bar._on_signs_checked(checked, window.ctx.session.support.contacts.list())
        settle(app, tasks)
        save(bar.plan_dialog, out, f"sign-plan-people-{theme}")
        assert bar.plan_dialog is not None
        bar.plan_dialog.close()
    go(window.coping)
    save(window, out, f"coping-{theme}")
    window.coping.log_button.click()
    settle(app, tasks)
    save(window.coping.dialog, out, f"coping-log-use-{theme}")
    assert window.coping.dialog is not None
    window.coping.dialog.close()
    window.coping.start_guided("breathing")
    settle(app, tasks)
    guided = window.coping.dialog
    assert guided is not None
    guided.before.set_value(7)  # type: ignore[attr-defined]
    guided.begin()  # type: ignore[attr-defined]
    guided.end_activity()  # type: ignore[attr-defined]
    settle(app, tasks, 5)
    save(guided, out, f"coping-after-rating-{theme}")
    guided.reject()
    go(window.milestones)
    save(window, out, f"milestones-{theme}")
    go(window.safety)
    save(window, out, f"safety-{theme}")
    window.open_help_now()
    settle(app, tasks)
    window.help_dialog.resize(640, 600)
    settle(app, tasks, 10)
    save(window.help_dialog, out, f"help-now-{theme}")
    window.help_dialog.close()
    go(window.settings_page)
    save(window, out, f"settings-{theme}")


def main() -> int:
    out, days = output_folder(365)
    app = QApplication(sys.argv[:1])
    tasks = TaskRunner()
    with tempfile.TemporaryDirectory() as tmp:
        session, settings = demo_journal(Path(tmp), days)
        counter = session.progress.add_counter("Smoke-free since", local_today() - timedelta(6))
        session.progress.record_slip(counter.id or 0, local_today() - timedelta(3))
        for theme in ("light", "dark"):
            apply_theme(app, theme)
            ctx = UiContext(
                session, tasks, settings, lambda e: print("error:", e), ClipboardGuard(), KEYS
            )
            window = MainWindow(ctx)
            window.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, False)
            window.resize(*SIZE)
            window.show()
            settle(app, tasks, 100)
            shoot(app, tasks, window, out, theme)
            window.close()
            settle(app, tasks)
        session.lock()
    return 0


if __name__ == "__main__":
    sys.exit(main())

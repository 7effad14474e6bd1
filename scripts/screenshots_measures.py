"""Render the own measures and the gentle reminder to PNG (docs/screenshots/), light and dark.

Today at 900x600 with the demo journal's measures in the check-in (scrolled to them), the
"My measures" editor, the Settings groups, the reminder's small window, and Insights' patterns
with the craving scale as the outcome (last 90 days; also at 900x600 and 150 % text). A companion of
scripts/screenshots.py (same demo journal, same way of grabbing).

    .venv/bin/python scripts/screenshots_measures.py [--out docs/screenshots] [--days 120]
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication, QScrollArea
from screenshots import demo_journal, output_folder, save, settle  # scripts/ is on the path

from recovery_journal.domain.clock import local_today
from recovery_journal.ui import settings as S
from recovery_journal.ui.clipboard import ClipboardGuard
from recovery_journal.ui.context import UiContext
from recovery_journal.ui.main_window import MainWindow
from recovery_journal.ui.measures_editor import MeasuresDialog
from recovery_journal.ui.reminder_settings import MeasuresSettingsBox
from recovery_journal.ui.reminders import GentleReminder
from recovery_journal.ui.tasks import TaskRunner
from recovery_journal.ui.theme import apply_theme


def save_outcome_patterns(
    app: QApplication, tasks: TaskRunner, window: MainWindow, out: Path, theme: str
) -> None:
    """Insights ▸ Patterns with "Craving" chosen as the outcome, at 1180x760 and 900x600 (the
    system's text size and 150 %)."""
    insights = window.insights
    window.resize(1180, 760)
    window.show_page(insights)
    settle(app, tasks, 50)
    insights.tabs.setCurrentWidget(insights.patterns)
    insights.set_range(90)
    settle(app, tasks, 50)
    insights.patterns.choose_outcome(1)  # Mood, Craving, Cigarettes
    settle(app, tasks, 100)
    save(window, out, f"insights-patterns-craving-{theme}")
    window.resize(900, 600)
    settle(app, tasks, 50)
    save(window, out, f"insights-patterns-craving-900x600-{theme}")
    apply_theme(app, theme, 150)  # text at 150 %: the patterns are built again, same outcome
    settle(app, tasks, 100)
    save(window, out, f"insights-patterns-craving-900x600-150-{theme}")
    apply_theme(app, theme)
    insights.tabs.setCurrentIndex(0)
    settle(app, tasks, 50)


def main() -> int:
    out, days = output_folder(120)
    app = QApplication(sys.argv[:1])
    tasks = TaskRunner()
    with tempfile.TemporaryDirectory() as tmp:
        session, settings = demo_journal(Path(tmp), days)
        ids = [m.id for m in session.measures.list() if m.id is not None]
        # Today's values, part filled in (the cigarettes not yet).
        session.measures.set_day(local_today(), {ids[0]: 3, ids[1]: 1})
        settings.set(S.REMINDER_ON, True)
        ctx = UiContext(session, tasks, settings, lambda e: print("error:", e), ClipboardGuard())
        for theme in ("light", "dark"):
            apply_theme(app, theme)
            window = MainWindow(ctx)
            window.resize(900, 600)
            window.show()
            settle(app, tasks, 100)
            today = window.today
            today._checkin_scroll.ensureWidgetVisible(today.measures)
            settle(app, tasks, 20)
            save(window, out, f"today-measures-900x600-{theme}")
            window.resize(1180, 760)
            settle(app, tasks, 20)
            today._checkin_scroll.ensureWidgetVisible(today.measures)
            settle(app, tasks, 20)
            save(window, out, f"today-measures-{theme}")
            window.resize(900, 600)
            dialog = MeasuresDialog(ctx, window)
            dialog.show()
            settle(app, tasks, 50)
            dialog.list.setCurrentRow(2)
            settle(app, tasks, 20)
            save(dialog, out, f"measures-editor-{theme}")
            dialog.close()
            save_outcome_patterns(app, tasks, window, out, theme)
            window.show_page(window.settings_page)
            settle(app, tasks, 50)
            box = window.settings_page.findChild(MeasuresSettingsBox)
            assert box is not None
            scroll = window.settings_page.findChild(QScrollArea)
            if scroll is not None:
                scroll.ensureWidgetVisible(box, 0, 200)
            settle(app, tasks, 20)
            save(window, out, f"settings-measures-reminder-{theme}")
            reminder = GentleReminder(settings, tray_available=lambda: False)
            reminder.show_reminder()
            assert reminder.note is not None
            settle(app, tasks, 20)
            save(reminder.note, out, f"reminder-note-{theme}")
            reminder.note.close()
            window.close()
            settle(app, tasks)
        session.lock()
    return 0


if __name__ == "__main__":
    sys.exit(main())

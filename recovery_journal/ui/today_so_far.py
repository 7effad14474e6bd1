""" "Today so far" on the Today page: what the person logged today, with times, and yesterday at a
glance — so what was saved does not seem to disappear from the page.

Filled from :class:`~recovery_journal.services.day_so_far.DaySoFar` (read in the background by
the page); plain text only, never colour alone.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from recovery_journal.domain.entries import Entry
from recovery_journal.services.day_so_far import DaySoFar, Glance
from recovery_journal.ui.entry_text import entry_heading
from recovery_journal.ui.qt_dates import to_local_qdatetime
from recovery_journal.ui.scale_input import muted


def _heading(text: str) -> QLabel:
    label = QLabel(text)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    return label


class TodaySoFar(QWidget):
    """A short list: "19:40  Entry — A walk · mood 6", "20:05  Trigger — Payday · 5 of 10", …"""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lines = QLabel()
        self.lines.setTextFormat(Qt.TextFormat.PlainText)
        self.lines.setWordWrap(True)
        self.lines.setAccessibleName(self.tr("What you logged today"))
        self.lines.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.counters = QLabel()
        self.counters.setTextFormat(Qt.TextFormat.PlainText)
        self.counters.setWordWrap(True)
        self.counters.setAccessibleName(self.tr("Your counters"))
        self.counters.hide()
        self.yesterday = muted(QLabel())
        self.yesterday.setWordWrap(True)
        self.yesterday.setAccessibleName(self.tr("Yesterday at a glance"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 14, 0)
        layout.setSpacing(4)
        layout.addWidget(_heading(self.tr("Today so far")))
        layout.addWidget(self.lines)
        layout.addWidget(self.yesterday)
        layout.addWidget(self.counters)
        self.hide()  # until the first load

    def show_day(self, day: DaySoFar) -> None:
        """Show ``day`` (the page calls this after unlocking and after each save)."""
        rows = [(self._entry_time(e), self._entry_line(e)) for e in day.entries]
        rows += [
            (self._time(event.occurred_utc), self.tr("Trigger — {0} · {1} of 10").format(
                name or self.tr("a trigger"), event.intensity))
            for event, name in day.trigger_events
        ]  # fmt: skip
        rows += [(self._time(use.used_utc), self._use_line(name, use.helpfulness))
                 for use, name in day.coping_uses]  # fmt: skip
        rows.sort(key=lambda row: row[0])
        text = "\n".join(f"{when}  {what}" for when, what in rows)
        self.lines.setText(text or self.tr("Nothing logged yet today — and that's fine."))
        self.yesterday.setText(self._glance(day.yesterday))
        self.show()

    def show_counters(self, counters: Sequence[tuple[str, int]]) -> None:
        """The counters the person keeps on Today (pinned, not archived) with their days so far.
        With none, nothing shows: not wanting a count in view is a choice, not a gap to fill."""
        lines = [
            self.tr("{0} — 1 day so far").format(title)
            if days == 1
            else self.tr("{0} — {1} days so far").format(title, QLocale().toString(days))
            for title, days in counters
        ]
        self.counters.setText("\n".join(lines))
        self.counters.setVisible(bool(lines))

    def _entry_line(self, entry: Entry) -> str:
        heading = entry_heading(entry) or self.tr("Check-in")
        if len(heading) > 60:
            heading = heading[:59] + "…"
        mood = entry.check_in.mood
        words = self.tr("Entry — {0}").format(heading)
        return words if mood is None else self.tr("{0} · mood {1}").format(words, mood)

    def _use_line(self, name: str, helped: int | None) -> str:
        words = self.tr("Coping — {0}").format(name or self.tr("a strategy"))
        return words if helped is None else self.tr("{0} · helped {1} of 5").format(words, helped)

    def _entry_time(self, entry: Entry) -> str:
        if entry.local_time:
            return entry.local_time[:5]
        return self._time(entry.created_utc) if entry.created_utc else "--:--"

    @staticmethod
    def _time(moment: datetime) -> str:
        return to_local_qdatetime(moment).toString("HH:mm")

    def _glance(self, glance: Glance) -> str:
        if glance.empty:
            return self.tr("Yesterday: nothing logged.")
        entries = glance.entries
        parts = [self.tr("1 entry") if entries == 1 else self.tr("{0} entries").format(entries)]
        if glance.mean_mood is not None:
            mean = QLocale().toString(glance.mean_mood, "f", 1)
            parts.append(self.tr("mood {0}").format(mean))
        if glance.triggers:
            parts.append(self.tr("triggers: {0}").format(glance.triggers))
        if glance.coping_uses:
            parts.append(self.tr("coping: {0}").format(glance.coping_uses))
        return self.tr("Yesterday: {0}.").format(", ".join(parts))

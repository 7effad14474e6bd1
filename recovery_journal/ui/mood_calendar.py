"""A month calendar that shows, for each day with entries, the day's average mood.

Days with entries get a small badge in the mood's colour *with the number on it* (never colour
alone) — the mean of the day's moods, rounded — and a day with several entries gets a small
count beside it ("2"), so one number never hides that there were more; days without entries stay
plain. The entries of the visible weeks are loaded in the
background whenever the month changes, with a generation number so a late answer for a month the
person already left is ignored. Clicking a day (or pressing Enter on it) emits
:attr:`MoodCalendar.day_chosen`, which the Journal page turns into a filter for that day.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, QEvent, QLocale, QRect, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette, QTextCharFormat
from PySide6.QtWidgets import QCalendarWidget, QWidget
from shiboken6 import Shiboken

from recovery_journal.ui.context import UiContext
from recovery_journal.ui.entry_delegate import muted, paint_mood_badge
from recovery_journal.ui.mood_colors import mood_color


def to_date(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


class MoodCalendar(QCalendarWidget):
    """The Journal page's month view, painted with mood badges (see the module doc)."""

    day_chosen = Signal(object)
    """A ``datetime.date`` the person clicked or activated."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._moods: dict[date, float] = {}
        self._counts: dict[date, int] = {}
        self._generation = 0
        self.setMinimumHeight(220)  # six readable week rows with their badges
        self.setGridVisible(False)
        self.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.setHorizontalHeaderFormat(QCalendarWidget.HorizontalHeaderFormat.ShortDayNames)
        self.setAccessibleName(self.tr("Mood calendar"))
        self.setAccessibleDescription(
            self.tr(
                "Days with entries show the average mood as a number from 0 to 10. "
                "Press Enter or click a day to list its entries."
            )
        )
        self._calm_weekends()
        self.currentPageChanged.connect(self._on_self_current_page_changed)
        self.clicked.connect(self._on_self_day_picked)
        self.activated.connect(self._on_self_day_picked)

    def reload(self) -> None:
        """Load the moods of the weeks on screen (in the background)."""
        self._generation += 1
        generation = self._generation
        first = date(self.yearShown(), self.monthShown(), 1) - timedelta(days=7)
        last = first + timedelta(days=7 * 8)
        entries = self._ctx.session.entries
        self._ctx.tasks.run(
            lambda: (entries.daily_moods(first, last), entries.daily_counts(first, last)),
            lambda found: self._on_loaded(generation, *found),
            lambda exc: self._on_failed(generation, exc),
        )

    def mood_of_day(self, day: date) -> int | None:
        """The day's average mood, rounded half up; None when no entry of that day has one."""
        average = self._moods.get(day)
        return None if average is None else int(average + 0.5)

    def entries_on(self, day: date) -> int:
        """How many entries the day has."""
        return self._counts.get(day, 0)

    def describe_day(self, day: date) -> str:
        """The day's cell in words: "2 entries, mean mood 6.5" (what the badge and marker say)."""
        count, mean = self.entries_on(day), self._moods.get(day)
        if not count:
            return self.tr("No entries")
        words = self.tr("1 entry") if count == 1 else self.tr("{0} entries").format(count)
        if mean is None:
            return words
        shown = QLocale().toString(mean, "f", 0 if mean == int(mean) else 1)
        label = self.tr("mean mood {0}") if count > 1 else self.tr("mood {0}")
        return f"{words}, {label.format(shown)}"

    def day_mood(self, day: date) -> tuple[str, QColor] | None:
        """What a day's cell shows: the mood number and its colour; None if no mood."""
        mood = self.mood_of_day(day)
        return None if mood is None else (str(mood), mood_color(mood))

    def paintCell(self, painter: QPainter, rect: QRect, qdate: QDate) -> None:
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        selected = qdate == self.selectedDate()
        if selected:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(palette.color(QPalette.ColorRole.Highlight))
            painter.drawRoundedRect(rect.adjusted(2, 2, -2, -2), 6, 6)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        text = palette.color(role)
        if qdate.month() != self.monthShown() and not selected:
            text = muted(text, 0.45)
        font = QFont(self.font())
        if qdate == QDate.currentDate():
            font.setBold(True)
            font.setUnderline(True)
        painter.setFont(font)
        painter.setPen(text)
        day_text = str(qdate.day())
        mood = self.mood_of_day(to_date(qdate))
        several = self.entries_on(to_date(qdate)) > 1
        if mood is None:
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, day_text)
            if several:
                self._paint_several(painter, rect.adjusted(0, 0, -2, 0), qdate, text)
            painter.restore()
            return
        metrics = QFontMetrics(font)
        badge_h = max(metrics.height() + 2, min(rect.height() - 6, metrics.height() + 6))
        badge_w = max(badge_h, metrics.horizontalAdvance("10") + 8)
        day_w = metrics.horizontalAdvance("30")
        left = rect.center().x() - (day_w + 6 + badge_w) // 2
        day_box = QRect(left, rect.top(), day_w, rect.height())
        painter.drawText(
            day_box, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, day_text
        )
        badge = QRect(day_box.right() + 7, rect.center().y() - badge_h // 2 + 1, badge_w, badge_h)
        paint_mood_badge(painter, badge, mood, self.font(), text)
        if several:
            self._paint_several(painter, badge, qdate, text)
        painter.restore()

    def _paint_several(self, painter: QPainter, beside: QRect, qdate: QDate, text: QColor) -> None:
        """The "several entries" marker: the count, small, at the top right corner of ``beside``
        (a number, so it never depends on colour)."""
        small = QFont(self.font())
        small.setPointSizeF(max(6.0, small.pointSizeF() * 0.7))
        small.setBold(True)
        count = str(min(self.entries_on(to_date(qdate)), 9))
        metrics = QFontMetrics(small)
        size = max(metrics.height(), metrics.horizontalAdvance(count) + 4)
        dot = QRect(beside.right() - size // 2, beside.top() - size // 3, size, size)
        painter.setPen(text)
        painter.setBrush(self.palette().color(QPalette.ColorRole.Base))
        painter.drawEllipse(dot)
        painter.setFont(small)
        painter.drawText(dot, Qt.AlignmentFlag.AlignCenter, count)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._calm_weekends()

    def _calm_weekends(self) -> None:
        """Weekend names in the ordinary text colour (Qt's default is red: no alarm here)."""
        plain = QTextCharFormat()
        plain.setForeground(self.palette().color(QPalette.ColorRole.Text))
        for day in (Qt.DayOfWeek.Saturday, Qt.DayOfWeek.Sunday):
            self.setWeekdayTextFormat(day, plain)

    # ------------------------------------------------------------ slots

    def _on_self_current_page_changed(self, _year: int, _month: int) -> None:
        self.reload()

    def _on_self_day_picked(self, qdate: QDate) -> None:
        self.day_chosen.emit(to_date(qdate))

    def _on_loaded(
        self, generation: int, moods: dict[date, float], counts: dict[date, int]
    ) -> None:
        if generation != self._generation or not Shiboken.isValid(self):
            return
        self._moods, self._counts = moods, counts
        self.updateCells()

    def _on_failed(self, generation: int, exc: BaseException) -> None:
        if generation == self._generation and Shiboken.isValid(self):
            self._ctx.report(exc)

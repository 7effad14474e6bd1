"""The Journal page's search field and filter bar (tag, dates, "for therapy", starred, Trash).

Split from :mod:`recovery_journal.ui.pages.journal`, which reads the chosen filter from them and
asks the list for it.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from recovery_journal.domain.clock import local_today
from recovery_journal.ui.mood_calendar import to_date
from recovery_journal.ui.qt_dates import to_qdate

_CUSTOM = "custom"


class SearchField(QLineEdit):
    """The search box: Esc clears it, Down or Enter moves on to the results."""

    results_wanted = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self.text():
            self.clear()
            return
        if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.results_wanted.emit()
            return
        super().keyPressEvent(event)


class FilterBar(QWidget):
    """Tag, date range, "for therapy" and the Trash switch; ``changed`` when any of them moves."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._quiet = False
        self.tag_combo = QComboBox()
        self.tag_combo.setAccessibleName(self.tr("Show entries with tag"))
        self.tag_combo.addItem(self.tr("All tags"), "")
        self.range_combo = QComboBox()
        self.range_combo.setAccessibleName(self.tr("Show entries from"))
        for text, days in (
            (self.tr("Any time"), 0),
            (self.tr("Last 7 days"), 7),
            (self.tr("Last 30 days"), 30),
            (self.tr("Last 12 months"), 365),
            (self.tr("Chosen dates…"), _CUSTOM),
        ):
            self.range_combo.addItem(text, days)
        self.from_edit = self._date_edit(self.tr("From day"), -30)
        self.to_edit = self._date_edit(self.tr("To day"), 0)
        self.therapy_check = QCheckBox(self.tr("For therapy"))
        self.therapy_check.setAccessibleName(self.tr("Only entries to bring to therapy"))
        self.starred_check = QCheckBox("\u2605 " + self.tr("Starred"))
        self.starred_check.setAccessibleName(self.tr("Only starred entries"))
        self.clear_button = QPushButton(self.tr("Clear filters"))
        self.clear_button.setAccessibleName(self.tr("Clear filters"))
        self.clear_button.setFlat(True)
        self.trash_button = QPushButton(self.tr("Trash"))
        self.trash_button.setCheckable(True)
        self.trash_button.setAccessibleName(self.tr("Show the Trash"))
        self.trash_button.setToolTip(self.tr("Entries you moved to the Trash; restore them here"))
        self.dates = QWidget()
        dates = QHBoxLayout(self.dates)
        dates.setContentsMargins(0, 0, 0, 0)
        dates.addWidget(self.from_edit, 1)
        dates.addWidget(QLabel(self.tr("to")))
        dates.addWidget(self.to_edit, 1)
        self.dates.hide()
        top, bottom = QHBoxLayout(), QHBoxLayout()
        for combo in (self.tag_combo, self.range_combo):  # may shrink; the popup shows all
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(6)
        top.addWidget(self.tag_combo, 1)
        top.addWidget(self.range_combo, 1)
        top.addWidget(self.clear_button)  # two short rows keep the list column narrow enough
        for widget in (self.therapy_check, self.starred_check):
            bottom.addWidget(widget)
        bottom.addStretch(1)
        bottom.addWidget(self.trash_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addLayout(top)
        layout.addWidget(self.dates)
        layout.addLayout(bottom)
        for signal in (self.tag_combo.currentIndexChanged, self.range_combo.currentIndexChanged,
                       self.from_edit.dateChanged, self.to_edit.dateChanged,
                       self.therapy_check.toggled, self.starred_check.toggled,
                       self.trash_button.toggled):  # fmt: skip
            signal.connect(self._on_control_changed)
        self.clear_button.clicked.connect(self.clear)

    def _date_edit(self, name: str, days_from_today: int) -> QDateEdit:
        edit = QDateEdit(QDate.currentDate().addDays(days_from_today))
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("d MMM yyyy")
        edit.setAccessibleName(name)
        return edit

    def set_tags(self, tags: list[str]) -> None:
        current = str(self.tag_combo.currentData())
        self._quiet = True
        while self.tag_combo.count() > 1:
            self.tag_combo.removeItem(1)
        for tag in tags:
            self.tag_combo.addItem(f"#{tag}", tag)
        index = self.tag_combo.findData(current) if current else 0
        self.tag_combo.setCurrentIndex(max(index, 0))
        self._quiet = False
        if index < 0:
            self.changed.emit()  # the tag is gone: show everything

    def show_day(self, day: date) -> None:
        """Narrow to one day (the calendar was clicked)."""
        self._quiet = True
        self.from_edit.setDate(to_qdate(day))
        self.to_edit.setDate(to_qdate(day))
        self.range_combo.setCurrentIndex(self.range_combo.findData(_CUSTOM))
        self._quiet = False
        self._on_control_changed()

    def clear(self) -> None:
        self._quiet = True
        self.tag_combo.setCurrentIndex(0)
        self.range_combo.setCurrentIndex(0)
        self.therapy_check.setChecked(False)
        self.starred_check.setChecked(False)
        self._quiet = False
        self._on_control_changed()

    def tag(self) -> str | None:
        return str(self.tag_combo.currentData()) or None

    def date_range(self) -> tuple[date | None, date | None]:
        choice = self.range_combo.currentData()
        if choice == _CUSTOM:
            start, end = to_date(self.from_edit.date()), to_date(self.to_edit.date())
            return min(start, end), max(start, end)
        if isinstance(choice, int) and choice > 0:
            return local_today() - timedelta(days=choice - 1), None
        return None, None

    def _on_control_changed(self) -> None:
        self.dates.setVisible(self.range_combo.currentData() == _CUSTOM)
        if not self._quiet:
            self.changed.emit()

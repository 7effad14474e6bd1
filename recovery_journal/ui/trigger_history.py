"""The trigger history: every trigger event ever logged, not only the last 30 days.

:class:`TriggerHistoryDialog` filters by trigger, category and a date range, and reads the events a
page at a time (newest first; the next page loads when the list is scrolled to its end, or with
"Show older"), so it opens at once on a hundred years of events. An event can be edited
(:class:`EventEditDialog`) or deleted; there is no trash for events, so a delete is undone with
"Undo" (the event comes back exactly, with its coping uses linked again). Storage is reached only
through ``session.tracking`` in background tasks.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QDate, Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from recovery_journal import words
from recovery_journal.domain import tracking_rules as rules
from recovery_journal.domain.scales import INTENSITY
from recovery_journal.domain.tracking import (
    DeletedEvent,
    EventFilter,
    HistoryEvent,
    Trigger,
    TriggerEvent,
)
from recovery_journal.services.tracking import EventPage
from recovery_journal.ui.checkin import muted
from recovery_journal.ui.context import UiContext
from recovery_journal.ui.event_edit_dialog import EventEditDialog, describe_when
from recovery_journal.ui.qt_dates import from_qdate

PAGE_SIZE = 100
ID_ROLE = Qt.ItemDataRole.UserRole


class TriggerHistoryDialog(QDialog):
    """Every logged trigger event, filtered and read page by page; edit, delete with undo."""

    def __init__(
        self,
        ctx: UiContext,
        triggers: Sequence[Trigger],
        *,
        trigger_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.triggers = list(triggers)
        self.events: list[HistoryEvent] = []
        self.more = False
        self.loading = False
        self.edit_dialog: EventEditDialog | None = None
        self._cursor: tuple[date, datetime, int] | None = None
        self._generation = 0
        self._deleted: DeletedEvent | None = None
        self._note = ""  # said once after the next load ("Saved.")
        self.setWindowTitle(self.tr("Trigger history"))
        self.resize(820, 560)
        self._make_filters(trigger_id)
        self.tree = QTreeWidget()
        self.tree.setAccessibleName(self.tr("Logged trigger events, newest first"))
        self.tree.setHeaderLabels(
            [self.tr("When"), self.tr("Trigger"), self.tr("Intensity"), self.tr("What happened")]
        )
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setAllColumnsShowFocus(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.tree.header()
        header.setStretchLastSection(True)
        for column in range(3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.verticalScrollBar().valueChanged.connect(self._on_scrolled)
        self.tree.itemSelectionChanged.connect(self._update_buttons)
        self.tree.itemActivated.connect(lambda *_: self.edit_selected())
        self.more_button = self._button(self.tr("Show older"), self.tr("Show older events"))
        self.more_button.clicked.connect(self.load_more)
        self.edit_button = self._button(self.tr("Edit…"), self.tr("Edit the selected event"))
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button = self._button(self.tr("Delete"), self.tr("Delete the selected event"))
        self.delete_button.clicked.connect(self.delete_selected)
        self.undo_button = self._button(self.tr("&Undo"), self.tr("Undo the delete"))
        self.undo_button.clicked.connect(self.undo_delete)
        self.undo_button.hide()
        self.status = muted(QLabel())
        self.status.setAccessibleName(self.tr("Status"))
        self.status.setWordWrap(True)
        self._arrange()
        self.reload()

    def _button(self, text: str, name: str) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(name)
        button.setAutoDefault(False)
        return button

    def _make_filters(self, trigger_id: int | None) -> None:
        self.trigger_filter = QComboBox()
        self.trigger_filter.setAccessibleName(self.tr("Show trigger"))
        self.trigger_filter.addItem(self.tr("All triggers"), None)
        for trigger in rules.by_name(self.triggers):
            name = trigger.name
            if trigger.archived_utc is not None:
                name = self.tr("%s (archived)") % name
            self.trigger_filter.addItem(name, trigger.id)
        index = self.trigger_filter.findData(trigger_id) if trigger_id is not None else 0
        self.trigger_filter.setCurrentIndex(max(index, 0))
        self.category_filter = QComboBox()
        self.category_filter.setAccessibleName(self.tr("Show category"))
        self.category_filter.addItem(self.tr("All categories"), None)
        for category, label in words.TRIGGER_CATEGORIES.items():
            self.category_filter.addItem(words.tr(label), category)
        self.range_check = QCheckBox(self.tr("&Between"))
        self.range_check.setAccessibleName(self.tr("Only events between two dates"))
        today = QDate.currentDate()
        self.from_edit = self._date_edit(today.addMonths(-1), self.tr("From"))
        self.to_edit = self._date_edit(today, self.tr("To"))
        self.range_check.toggled.connect(self.from_edit.setEnabled)
        self.range_check.toggled.connect(self.to_edit.setEnabled)
        for combo in (self.trigger_filter, self.category_filter):
            combo.currentIndexChanged.connect(self.reload)
        self.range_check.toggled.connect(self.reload)
        for edit in (self.from_edit, self.to_edit):
            edit.dateChanged.connect(self._on_dates_changed)

    def _date_edit(self, day: QDate, name: str) -> QDateEdit:
        edit = QDateEdit(day)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("d MMM yyyy")
        edit.setAccessibleName(name)
        edit.setEnabled(False)
        return edit

    def _arrange(self) -> None:
        filters = QHBoxLayout()
        filters.addWidget(self.trigger_filter, 2)
        filters.addWidget(self.category_filter, 2)
        filters.addWidget(self.range_check)
        filters.addWidget(self.from_edit, 1)
        filters.addWidget(QLabel("–"))
        filters.addWidget(self.to_edit, 1)
        actions = QHBoxLayout()
        for button in (self.edit_button, self.delete_button, self.more_button):
            actions.addWidget(button)
        actions.addStretch(1)
        status = QHBoxLayout()
        status.addWidget(self.status, 1)
        status.addWidget(self.undo_button)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.tree, 1)
        layout.addLayout(actions)
        layout.addLayout(status)
        layout.addWidget(buttons)

    # ------------------------------------------------------------ loading

    def chosen(self) -> EventFilter:
        """The filter as set on screen."""
        start = end = None
        if self.range_check.isChecked():
            start, end = from_qdate(self.from_edit.date()), from_qdate(self.to_edit.date())
            start, end = min(start, end), max(start, end)
        return EventFilter(
            trigger_id=self.trigger_filter.currentData(),
            category=self.category_filter.currentData(),
            start=start,
            end=end,
        )

    @Slot()
    def _on_dates_changed(self) -> None:
        if self.range_check.isChecked():
            self.reload()

    @Slot()
    def reload(self) -> None:
        """Start again from the newest event with the current filter."""
        self._generation += 1
        self.events, self._cursor, self.more = [], None, False
        self.tree.clear()
        self._fetch()

    @Slot()
    def load_more(self) -> None:
        if self.more and not self.loading:
            self._fetch()

    def _fetch(self) -> None:
        self.loading = True
        self._update_buttons()
        tracking, chosen, after = self.ctx.session.tracking, self.chosen(), self._cursor
        generation = self._generation

        def fetched(page: EventPage) -> None:
            if generation == self._generation:  # a newer filter replaced this one meanwhile
                self._add_page(page)

        self._run(lambda: tracking.event_history(chosen, after=after, limit=PAGE_SIZE), fetched)

    def _run(self, job: Callable[[], Any], done: Callable[[Any], None]) -> None:
        def failed(error: BaseException) -> None:
            self.loading = False
            self._update_buttons()
            self.ctx.report(error)

        self.ctx.tasks.run(job, done, failed)

    def _add_page(self, page: EventPage) -> None:
        self.loading = False
        self.events += page.events
        self.more = page.more
        self._cursor = page.cursor or self._cursor
        self.tree.addTopLevelItems([self._row(h) for h in page.events])
        if self.undo_button.isVisible():
            pass  # "Deleted … — Undo" stays until the person moves on
        elif self._note:
            self.status.setText(self._note)
            self._note = ""
        elif not self.events:
            self.status.setText(self._nothing_text())
        else:
            self.status.setText(self._count_text())
        self._update_buttons()

    def _nothing_text(self) -> str:
        if self.chosen() == EventFilter():
            return self.tr("Nothing logged yet. “A trigger happened…” logs one.")
        return self.tr("No events match these filters.")

    def _count_text(self) -> str:
        shown = len(self.events)
        if self.more:
            return self.tr("Showing the newest %d — scroll down for older ones.") % shown
        return self.tr("%d events.") % shown if shown != 1 else self.tr("1 event.")

    def _row(self, item: HistoryEvent) -> QTreeWidgetItem:
        event = item.event
        strength = f"{event.intensity} — {INTENSITY.label(event.intensity)}"
        text = " ".join(event.context.split())
        row = QTreeWidgetItem(
            [describe_when(event.occurred_utc), item.trigger_name, strength, text]
        )
        row.setData(0, ID_ROLE, event.id)
        row.setToolTip(3, event.context)
        return row

    @Slot(int)
    def _on_scrolled(self, value: int) -> None:
        if value >= self.tree.verticalScrollBar().maximum() - 2:
            self.load_more()

    # ------------------------------------------------------------ changing

    def selected(self) -> HistoryEvent | None:
        item = self.tree.currentItem()
        if item is None or not item.isSelected():
            return None
        ident = item.data(0, ID_ROLE)
        return next((h for h in self.events if h.event.id == ident), None)

    @Slot()
    def _update_buttons(self) -> None:
        chosen = self.selected() is not None
        self.edit_button.setEnabled(chosen)
        self.delete_button.setEnabled(chosen)
        self.more_button.setVisible(self.more)
        self.more_button.setEnabled(not self.loading)

    @Slot()
    def edit_selected(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        dialog = EventEditDialog(chosen.event, self.triggers, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._save(dialog.edited()))
        self.edit_dialog = dialog
        dialog.open()

    def _save(self, event: TriggerEvent) -> None:
        tracking = self.ctx.session.tracking

        def saved(_event: TriggerEvent) -> None:
            self._hide_undo(self.tr("Saved."))
            self.reload()

        self._run(lambda: tracking.edit_event(event), saved)

    @Slot()
    def delete_selected(self) -> None:
        chosen = self.selected()
        if chosen is None or chosen.event.id is None:
            return
        tracking, ident = self.ctx.session.tracking, chosen.event.id
        what = self.tr("Deleted %s on %s.") % (
            chosen.trigger_name,
            describe_when(chosen.event.occurred_utc),
        )

        def deleted(gone: DeletedEvent) -> None:
            self._deleted = gone
            self.status.setText(what)
            self.undo_button.show()
            self.undo_button.setFocus()
            self.reload()

        self._run(lambda: tracking.delete_event(ident), deleted)

    @Slot()
    def undo_delete(self) -> None:
        gone = self._deleted
        if gone is None:
            return
        tracking = self.ctx.session.tracking

        def restored(_: object) -> None:
            self._deleted = None
            self._hide_undo(self.tr("The event is back."))
            self.reload()

        self._run(lambda: tracking.undo_delete_event(gone), restored)

    def _hide_undo(self, message: str) -> None:
        self.undo_button.hide()
        self._note = message

"""The Journal page: find, read and edit what has been written.

The left column holds the search field (search-as-you-type over the encrypted full-text index),
the filters (tag, dates, "for therapy", the Trash) and the entry list; the right side holds the
mood calendar above the editor. In a narrow window they show one at a time
(:mod:`~recovery_journal.ui.list_or_entry`). The pieces live in their own modules — the model
(:mod:`~recovery_journal.ui.entry_list_model`), its delegate, the calendar and the editor — and
this page only wires them together and keeps the selection sensible across refreshes.

The search field and the filter bar are :mod:`~recovery_journal.ui.journal_filters`.
"""

from __future__ import annotations

import itertools
from datetime import date

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QPoint, Qt, QTimer
from PySide6.QtGui import QKeySequence, QPalette, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import Shiboken

from recovery_journal.domain.entries import Draft, Entry
from recovery_journal.ui.context import UiContext
from recovery_journal.ui.entry_delegate import EntryDelegate
from recovery_journal.ui.entry_editor import EntryEditor
from recovery_journal.ui.entry_list_model import ENTRY_ROLE, EntryFilter, EntryListModel
from recovery_journal.ui.entry_list_view import EntryListView
from recovery_journal.ui.journal_filters import FilterBar, SearchField
from recovery_journal.ui.journal_pane import CalendarAndEditor
from recovery_journal.ui.list_or_entry import ListOrEntry
from recovery_journal.ui.mood_calendar import MoodCalendar
from recovery_journal.ui.pages.base import Page
from recovery_journal.ui.qt_dates import to_qdate

SEARCH_DELAY_MS = 150


class JournalPage(Page):
    """Search, filter and browse entries; read and edit one; see moods by month."""

    nav_title = "Journal"

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._reselect_id: int | None = None
        self._fallback_row: int | None = None
        self._select_first = False
        self._undo_id: int | None = None
        self.model = EntryListModel(ctx, self)
        self.calendar = MoodCalendar(ctx)
        self.editor = EntryEditor(ctx)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._build()
        self._connect()
        # Entries, tags and the calendar load when the page is first shown (activated()).
        self.filters.clear_button.setVisible(False)
        self.trash_hint.setVisible(False)

    # ------------------------------------------------------------ building

    def _build(self) -> None:
        self.search_field = SearchField()
        self.search_field.setPlaceholderText(self.tr("Search your journal…"))
        self.search_field.setAccessibleName(self.tr("Search your journal"))
        self.search_field.setClearButtonEnabled(True)
        self.filters = FilterBar()
        self.list_view = EntryListView()
        self.list_view.setAccessibleName(self.tr("Entries"))
        self.list_view.setModel(self.model)
        self.list_view.setItemDelegate(EntryDelegate(self.list_view))
        self.list_view.setUniformItemSizes(True)
        self.list_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list_view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.empty_label = QLabel()
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.empty_label.setAccessibleName(self.tr("No entries to show"))
        self.trash_hint = QLabel(self.tr("In the Trash. Pick an entry to restore it."))
        self.trash_hint.setWordWrap(True)
        self.trash_hint.hide()
        self.list_stack = QStackedWidget()
        self.list_stack.addWidget(self.list_view)
        self.list_stack.addWidget(self.empty_label)
        self.notice = QLabel()
        self.notice.setAccessibleName(self.tr("What just happened"))
        self.undo_button = QPushButton(self.tr("Undo"))
        self.undo_button.setAccessibleName(self.tr("Undo moving to the Trash"))
        self._show_notice("")

        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(12, 12, 6, 12)
        column.setSpacing(8)
        column.addWidget(self.search_field)
        column.addWidget(self.filters)
        column.addWidget(self.trash_hint)
        column.addWidget(self.list_stack, 1)
        notice_row = QHBoxLayout()
        column.addLayout(notice_row)
        notice_row.addWidget(self.notice, 1)
        notice_row.addWidget(self.undo_button)
        right = self.right_pane = CalendarAndEditor(self.calendar, self.editor)
        right.setSizes([260, 440])
        right.setContentsMargins(6, 12, 12, 12)
        # Side by side, or one at a time when narrow.
        self.panes = ListOrEntry(left, right, lambda: self.editor.entry is not None)
        self.splitter = self.panes
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)
        f = self.filters
        chain: list[QWidget] = [
            self.search_field, f.tag_combo, f.range_combo, f.from_edit, f.to_edit,
            f.therapy_check, f.starred_check, f.clear_button, f.trash_button, self.list_view,
            self.undo_button, self.panes.back_button, self.calendar, self.editor.date_edit,
        ]  # fmt: skip
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _connect(self) -> None:
        find = QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self)
        find.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        find.activated.connect(self._on_find_activated)
        self.search_field.textChanged.connect(self._on_search_field_text_changed)
        self.search_field.results_wanted.connect(self._on_search_results_wanted)
        self._search_timer.timeout.connect(self._apply_filter)
        self.filters.changed.connect(self._apply_filter)
        self.model.rows_loaded.connect(self._on_model_rows_loaded)
        selection = self.list_view.selectionModel()
        selection.currentChanged.connect(self._on_list_current_changed)
        self.calendar.day_chosen.connect(self._on_calendar_day_chosen)
        self.editor.entry_saved.connect(self._on_editor_entry_saved)
        self.editor.entry_trashed.connect(self._on_editor_entry_left)
        self.editor.entry_restored.connect(self._on_editor_entry_left)
        self.editor.entry_purged.connect(self._on_editor_entry_purged)
        self.undo_button.clicked.connect(self._on_undo_clicked)
        self.list_view.clicked.connect(self._on_list_view_opened)
        self.list_view.activated.connect(self._on_list_view_opened)
        self.panes.entry_shown.connect(self._on_panes_entry_shown)
        self.panes.list_shown.connect(self._on_panes_list_shown)

    # ------------------------------------------------------------ Page hooks

    def activated(self) -> None:
        self._reselect_id = self._editor_entry_id()
        self.model.refresh()
        self._load_tags()
        self.calendar.reload()

    def pending_drafts(self) -> list[Draft]:
        draft = self.editor.pending_draft()
        return [] if draft is None else [draft]

    # ------------------------------------------------------------ behaviour

    def current_filter(self) -> EntryFilter:
        start, end = self.filters.date_range()
        return EntryFilter(
            query=self.search_field.text(),
            tag=self.filters.tag(),
            start=start,
            end=end,
            therapy_only=self.filters.therapy_check.isChecked(),
            trash=self.filters.trash_button.isChecked(),
            starred_only=self.filters.starred_check.isChecked(),
        )

    def _apply_filter(self) -> None:
        self._search_timer.stop()
        wanted = self.current_filter()
        self.filters.clear_button.setVisible(
            bool(wanted.tag or wanted.start or wanted.end or wanted.therapy_only)
            or wanted.starred_only
        )
        self.trash_hint.setVisible(wanted.trash)
        self._show_notice("")
        shown = self.editor.entry
        if shown is not None and shown.in_trash != wanted.trash:
            self.editor.show_entry(None)  # the Trash never shows a live entry, nor the reverse
        self._reselect_id = self._editor_entry_id()
        self.model.set_filter(wanted)

    def _refresh_after_change(self) -> None:
        self.model.refresh()
        self.calendar.reload()
        self._load_tags()

    def _load_tags(self) -> None:
        entries = self.ctx.session.entries
        filters = self.filters
        self.ctx.tasks.run(
            entries.tags,
            lambda tags: filters.set_tags(tags) if Shiboken.isValid(filters) else None,
            self.ctx.report,
        )

    def _editor_entry_id(self) -> int | None:
        entry = self.editor.entry
        return None if entry is None else entry.id

    def _select_row(self, row: int) -> None:
        index = self.model.index(row, 0)
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect
        self.list_view.selectionModel().setCurrentIndex(index, flags)
        self.list_view.scrollTo(index)

    def _update_empty_state(self) -> None:
        empty = not (self.model.rowCount() or self.model.loading)
        self.empty_label.setText(self.model.empty_message() if empty else "")
        self.list_stack.setCurrentIndex(1 if empty else 0)
        wanted = self.current_filter()
        if empty and wanted.trash and (wanted.searching or wanted.narrowed):
            self._say_if_trash_is_empty()

    def _say_if_trash_is_empty(self) -> None:
        """An empty Trash is "empty", whatever is typed in the search field."""
        entries = self.ctx.session.entries

        def counted(trashed: int) -> None:
            still = self.filters.trash_button.isChecked() and not self.model.rowCount()
            if Shiboken.isValid(self) and still and trashed == 0:
                self.empty_label.setText(self.tr("The Trash is empty."))

        self.ctx.tasks.run(lambda: len(entries.trash()), counted, self.ctx.report)

    def _show_notice(self, text: str, undo_id: int | None = None) -> None:
        self.notice.setText(text)
        self.notice.setVisible(bool(text))
        self._undo_id = undo_id
        self.undo_button.setVisible(undo_id is not None)

    # ------------------------------------------------------------ slots

    def _on_model_rows_loaded(self) -> None:
        self._update_empty_state()
        count = self.model.rowCount()
        wanted, fallback = self._reselect_id, self._fallback_row
        self._reselect_id, self._fallback_row = None, None
        row = self.model.row_of(wanted) if wanted is not None else None
        if row is None and fallback is not None and count:
            row = min(fallback, count - 1)
        if row is None and self._select_first and count:
            row = 0
        self._select_first = False
        if row is not None:
            self._select_row(row)
        elif fallback is not None:
            self.editor.show_entry(None)
            self.panes.show_list()

    def _on_list_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        entry = current.data(ENTRY_ROLE) if current.isValid() else None
        if isinstance(entry, Entry):
            self.editor.show_entry(entry)
            self.calendar.setSelectedDate(to_qdate(entry.local_date))  # no filter: not a click

    def _on_list_view_opened(self, index: QModelIndex) -> None:
        """A click or Enter on a row: in one-pane mode, open the entry."""
        if isinstance(index.data(ENTRY_ROLE), Entry):
            self.panes.open_entry()

    def _on_panes_entry_shown(self) -> None:
        editor = self.editor
        trashed = editor.entry is not None and editor.entry.in_trash
        target = editor.restore_button if trashed else editor.body_edit
        target.setFocus(Qt.FocusReason.OtherFocusReason)
        if not trashed:  # the words in view (the pane was just laid out: after this event)
            QTimer.singleShot(0, self._show_writing_area)

    def _show_writing_area(self) -> None:
        """The whole writing area in view (its top first if it is taller than the view).
        (``ensureWidgetVisible`` would show only its text cursor: one line at 150 % text.)"""
        if Shiboken.isValid(self) and self.panes.showing_entry:
            scroll, body = self.editor.fields_scroll, self.editor.body_edit
            inner = scroll.widget()
            top = body.mapTo(inner, QPoint(0, 0)) if inner is not None else QPoint(0, 0)
            scroll.ensureVisible(top.x(), top.y() + body.height(), 0, 0)
            scroll.ensureVisible(top.x(), top.y(), 0, 0)

    def _on_panes_list_shown(self) -> None:
        current = self.list_view.currentIndex()
        if current.isValid():
            self.list_view.scrollTo(current)
        self.list_view.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_find_activated(self) -> None:
        self.panes.show_list()
        self.search_field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_field.selectAll()

    def _on_search_field_text_changed(self, _text: str) -> None:
        self._search_timer.start()  # debounce: search once typing pauses

    def _on_search_results_wanted(self) -> None:
        if self._search_timer.isActive():
            self._apply_filter()  # Enter before the pause: search now
        self.list_view.setFocus(Qt.FocusReason.OtherFocusReason)
        if not self.list_view.currentIndex().isValid() and self.model.rowCount():
            self._select_row(0)

    def _on_calendar_day_chosen(self, day: date) -> None:
        self.open_day(day)

    def open_day(self, day: date) -> None:
        """Show the entries of ``day`` and select the first (the calendar, Insights)."""
        self._select_first = True
        self.panes.show_list()
        self.filters.show_day(day)

    def _on_editor_entry_saved(self, saved: Entry) -> None:
        self._show_notice("")
        self._reselect_id = saved.id
        self._refresh_after_change()

    def _on_editor_entry_left(self, entry: Entry) -> None:
        """Trashed or restored: it leaves the current list; select its neighbour."""
        row = self.model.row_of(entry.id) if entry.id is not None else None
        if not entry.in_trash:  # restored: back to the journal, with the entry open
            self.filters.trash_button.setChecked(False)
            self.editor.show_entry(entry)
            restored = self.tr("Restored to your journal.")
            if self.panes.showing_entry:  # Restore was pressed there and is gone: write on
                self.editor.body_edit.setFocus(Qt.FocusReason.OtherFocusReason)
                self.editor.status_label.setText(restored)  # the list's notice is hidden
            self._show_notice(restored)
            self._refresh_after_change()
            self._reselect_id = entry.id
            return
        self._show_notice(self.tr("Moved to the Trash."), entry.id)
        self.panes.show_list()  # where the notice and its Undo are
        self._refresh_after_change()
        self._reselect_id, self._fallback_row = None, row

    def _on_editor_entry_purged(self, _entry_id: int) -> None:
        self._show_notice(self.tr("Deleted for good."))
        self.panes.show_list()
        self._fallback_row = self.list_view.currentIndex().row()
        self._refresh_after_change()

    def _on_undo_clicked(self) -> None:
        entry_id = self._undo_id
        self._show_notice("")
        if entry_id is None:
            return
        entries = self.ctx.session.entries

        def restored(entry: Entry) -> None:
            if Shiboken.isValid(self):
                self._reselect_id = entry.id
                self._refresh_after_change()

        self.ctx.tasks.run(lambda: entries.restore(entry_id), restored, self.ctx.report)

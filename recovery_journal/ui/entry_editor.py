"""The Journal page's editor pane: read, edit, save, look back at earlier versions, trash, restore.

:class:`EntryEditor` shows one entry at a time. Every change to the journal (save, trash, restore,
delete forever, looking up history and drafts) runs in the background through the task runner and
reports back with a signal, so the page can refresh the list and the calendar. Unsaved edits are
never dropped: switching to another entry keeps them as a draft, and when an entry with a kept draft
is opened an inline bar offers to continue it or let it go. The fields themselves are
:class:`~recovery_journal.ui.entry_form.EntryForm`. A little over 400 lines on purpose: each
action and its background callbacks read best side by side.
"""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QLocale, QObject, QSize, Qt, Signal
from PySide6.QtGui import QKeySequence, QPalette, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import Shiboken

from recovery_journal.domain.entries import Draft, Entry, EntryRevision
from recovery_journal.errors import UserError
from recovery_journal.ui.context import UiContext
from recovery_journal.ui.entry_form import STAR_SHORTCUT, DraftBar, EntryFields, EntryForm
from recovery_journal.ui.flow_layout import FlowLayout
from recovery_journal.ui.history_dialog import HistoryDialog
from recovery_journal.ui.qt_dates import to_local_qdatetime

MIN_WRITING_HEIGHT = 160


def draft_slot(entry_id: int) -> str:
    return f"entry:{entry_id}"


class FieldsScroll(QScrollArea):
    """Scrolls the editor's fields down, never sideways, and is never narrower than they can
    be: a pane too narrow for them asks its page for room instead of cutting them off."""

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        inner = self.widget()
        if inner is None:
            return hint
        bar = self.verticalScrollBar().sizeHint().width()
        return QSize(max(hint.width(), inner.minimumSizeHint().width() + bar), hint.height())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.widget() and event.type() == QEvent.Type.LayoutRequest:
            self.updateGeometry()  # the fields' minimum changed (text size): tell the pane
        return super().eventFilter(watched, event)


class EntryEditor(EntryForm):
    """Shows and edits the selected entry (see the module doc)."""

    entry_saved = Signal(object)
    entry_trashed = Signal(object)
    entry_restored = Signal(object)
    entry_purged = Signal(int)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._entry: Entry | None = None
        self._filling = False
        self._generation = 0
        self._busy = False
        self._offered_draft: Draft | None = None
        self.history_dialog: HistoryDialog | None = None
        self._build()
        self._connect()
        self._show_empty()

    # ------------------------------------------------------------ building

    def _build(self) -> None:
        self.draft_bar = DraftBar()
        self.empty_label = QLabel(self.tr("Choose an entry on the left to read or edit it."))
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        form = QWidget()
        column = QVBoxLayout(form)
        column.setContentsMargins(0, 8, 0, 0)
        column.setSpacing(8)
        self.trash_note = QLabel(self.tr("This entry is in the Trash. Restore it to edit it."))
        self.trash_note.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.trash_note.setWordWrap(True)
        column.addWidget(self.trash_note)
        # The fields scroll as one column when the pane is short (the whole check-in unfolded
        # at 900x600), so the editor never makes the window grow; the buttons stay in view.
        fields = QWidget()
        inner = QVBoxLayout(fields)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.setSpacing(8)
        inner.addLayout(self._build_top_row())
        inner.addWidget(self.checkin)
        inner.addLayout(self._build_text_fields())
        inner.addWidget(self._build_tabs(), 1)
        self.body_edit.setMinimumHeight(MIN_WRITING_HEIGHT)
        self.fields_scroll = FieldsScroll()
        self.fields_scroll.setWidget(fields)
        self.fields_scroll.setWidgetResizable(True)
        self.fields_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.fields_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.fields_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.fields_scroll.setBackgroundRole(QPalette.ColorRole.Window)
        column.addWidget(self.fields_scroll, 1)
        buttons = self._build_buttons()
        column.addWidget(self.status_label)
        column.addLayout(buttons)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty_label)
        self.stack.addWidget(form)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.draft_bar)
        layout.addWidget(self.stack, 1)
        for first, second in itertools.pairwise(self._tab_chain):
            self.setTabOrder(first, second)

    def _build_buttons(self) -> FlowLayout:
        self.status_label = QLabel()
        self.status_label.setAccessibleName(self.tr("Save status"))
        self.status_label.setWordWrap(True)
        self.status_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.history_button = self._button(self.tr("Earlier versions…"), self.show_history)
        self.trash_button = self._button(self.tr("Move to Trash"), self.move_to_trash)
        self.purge_button = self._button(self.tr("Delete forever…"), self.delete_forever)
        self.restore_button = self._button(self.tr("Restore"), self.restore)
        self.save_button = self._button(self.tr("Save"), self.save)
        self.save_button.setDefault(True)
        self.save_button.setToolTip(QKeySequence(QKeySequence.StandardKey.Save).toString(
            QKeySequence.SequenceFormat.NativeText))  # fmt: skip
        self.restore_button.hide()  # shown only for an entry in the Trash (see _fill)
        self.purge_button.hide()
        # The status sits above the buttons, and they wrap to a second line when the pane is
        # narrow (one pane at 640x480, or large text): the editor never needs all three abreast.
        row = FlowLayout(align_right=True)
        row.add(self.history_button, self.trash_button, self.purge_button, self.restore_button,
                self.save_button)  # fmt: skip
        self._tab_chain: list[QWidget] = [
            self.date_edit, self.star_button, *self.checkin.focus_chain(), self.title_edit,
            self.tags_edit,
            self.therapy_check,
            self.tabs, self.body_edit, self.history_button, self.trash_button,
            self.purge_button, self.restore_button, self.save_button,
        ]  # fmt: skip
        return row

    def _button(self, text: str, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(text.rstrip("…").replace("&", ""))
        button.setAutoDefault(False)
        button.clicked.connect(slot)
        return button

    def _connect(self) -> None:
        shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self.save)
        star = QShortcut(QKeySequence(STAR_SHORTCUT), self)
        star.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        star.activated.connect(self.toggle_star)
        self.star_button.clicked.connect(self.toggle_star)
        for signal in (
            self.title_edit.textChanged,
            self.tags_edit.textChanged,
            self.body_edit.textChanged,
            self.date_edit.dateChanged,
            self.therapy_check.toggled,
        ):
            signal.connect(self._on_form_changed)
        self.checkin.changed.connect(self._on_form_changed)
        self.tabs.currentChanged.connect(self._on_tabs_current_changed)
        self.draft_bar.continue_button.clicked.connect(self._on_draft_continue_clicked)
        self.draft_bar.discard_button.clicked.connect(self._on_draft_discard_clicked)

    # ------------------------------------------------------------ public API

    @property
    def entry(self) -> Entry | None:
        return self._entry

    def show_entry(self, entry: Entry | None) -> None:
        """Show ``entry`` (None: nothing). Unsaved edits of the previous entry become a draft."""
        current = self._entry
        if entry is not None and current is not None and entry.id == current.id:
            if entry == current or self.has_unsaved_changes():
                return  # the same entry again (a list refresh): keep what is being typed
        elif current is not None and self.has_unsaved_changes():
            self._keep_as_draft()
        self._generation += 1
        self.draft_bar.hide()
        if entry is None:
            self._entry = None
            self._show_empty()
            return
        self._fill(entry)
        self.stack.setCurrentIndex(1)
        self._look_up_history_and_draft(entry)

    def has_unsaved_changes(self) -> bool:
        entry = self._entry
        if entry is None or entry.in_trash:
            return False
        return self._form_fields() != EntryFields.of(entry)

    def pending_draft(self) -> Draft | None:
        """The unsaved edits as a draft of this entry (None when there are none)."""
        entry = self._entry
        if entry is None or entry.id is None or not self.has_unsaved_changes():
            return None
        fields = self._form_fields()
        return Draft(
            slot=draft_slot(entry.id), local_date=fields.local_date, body=fields.body,
            title=fields.title, check_in=fields.check_in, tags=fields.tags,
            bring_to_therapy=fields.bring_to_therapy, entry_id=entry.id,
        )  # fmt: skip

    def save(self) -> None:
        entry = self._entry
        if entry is None or entry.id is None or entry.in_trash or self._busy:
            return
        if not self.has_unsaved_changes():
            self.status_label.setText(self.tr("Nothing new to save."))
            return
        sent = self._form_fields()
        try:
            edited = dataclasses.replace(
                entry, local_date=sent.local_date, title=sent.title, body=sent.body,
                check_in=sent.check_in, tags=sent.tags, bring_to_therapy=sent.bring_to_therapy,
            )  # fmt: skip
        except UserError as exc:
            self._ctx.report(exc)
            return
        entries, slot = self._ctx.session.entries, draft_slot(entry.id)

        self._run(
            lambda: entries.edit(edited, discard_draft=slot),
            lambda saved: self._on_saved(sent, saved),
        )

    def toggle_star(self) -> None:
        """Star the entry or take the star off, at once (unsaved words stay unsaved)."""
        entry = self._entry
        if entry is None or entry.id is None or entry.in_trash or self._busy:
            self.show_star(entry is not None and entry.starred)
            return
        starred = not entry.starred
        self.show_star(starred)
        entries = self._ctx.session.entries
        stored = dataclasses.replace(entry, starred=starred)
        self._run(lambda: entries.edit(stored), self._on_starred)

    def _on_starred(self, saved: Entry) -> None:
        if self._entry is not None and self._entry.id == saved.id:
            self._entry = saved  # the form keeps whatever is being typed
            self.show_star(saved.starred)
            self.status_label.setText(
                self.tr("Starred.") if saved.starred else self.tr("Star taken off.")
            )
        self.entry_saved.emit(saved)

    def move_to_trash(self) -> None:
        entry, draft = self._entry, self.pending_draft()
        if entry is None or entry.id is None or entry.in_trash or self._busy:
            return
        entries, entry_id = self._ctx.session.entries, entry.id

        def job() -> Entry:
            if draft is not None:
                entries.save_draft(draft)  # the unsaved words come back with a restore
            return entries.move_to_trash(entry_id)

        self._run(job, lambda trashed: self._after_action(trashed, self.entry_trashed))

    def restore(self) -> None:
        entry = self._entry
        if entry is None or entry.id is None or not entry.in_trash or self._busy:
            return
        entries, entry_id = self._ctx.session.entries, entry.id
        self._run(lambda: entries.restore(entry_id),
                  lambda restored: self._after_action(restored, self.entry_restored))  # fmt: skip

    def delete_forever(self) -> None:
        entry = self._entry
        if entry is None or entry.id is None or not entry.in_trash or self._busy:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Delete forever?"),
            self.tr(
                "This entry and its earlier versions will be gone for good. This can't be undone."
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        entries, entry_id = self._ctx.session.entries, entry.id

        def job() -> None:
            entries.purge(entry_id)
            entries.discard_draft(draft_slot(entry_id))  # nothing left to come back to

        self._run(job, lambda _: self._on_purged(entry_id))

    def show_history(self) -> None:
        entry = self._entry
        if entry is None or entry.id is None:
            return
        entries, entry_id = self._ctx.session.entries, entry.id
        self._run(lambda: entries.history(entry_id), self._on_history_loaded)

    # ------------------------------------------------------------ the form

    def _fill(self, item: Entry) -> None:
        self._entry = item
        self._fill_fields(EntryFields.of(item))
        trashed = item.in_trash
        for edit in (self.title_edit, self.tags_edit, self.body_edit):
            edit.setReadOnly(trashed)
        self.date_edit.setReadOnly(trashed)
        self.checkin.set_read_only(trashed)
        self.show_star(item.starred)
        self.star_button.setEnabled(not trashed)
        self.therapy_check.setEnabled(not trashed)
        self.save_button.setVisible(not trashed)
        self.trash_button.setVisible(not trashed)
        self.restore_button.setVisible(trashed)
        self.purge_button.setVisible(trashed)
        self.trash_note.setVisible(trashed)
        self.status_label.clear()
        self._update_state()

    def _show_empty(self) -> None:
        self.stack.setCurrentIndex(0)
        self.status_label.clear()

    def _update_state(self) -> None:
        dirty = self.has_unsaved_changes()
        self.save_button.setEnabled(dirty and not self._busy)
        for button in (self.trash_button, self.restore_button, self.purge_button):
            button.setEnabled(not self._busy)
        unsaved = self.tr("Unsaved changes")
        if dirty:
            self.status_label.setText(unsaved)
        elif self.status_label.text() == unsaved:
            self.status_label.clear()

    # ------------------------------------------------------------ background work

    def _run(self, job: Callable[[], Any], on_done: Callable[[Any], None]) -> None:
        self._busy = True
        self._update_state()

        def done(result: Any) -> None:
            if Shiboken.isValid(self):
                self._busy = False
                on_done(result)
                self._update_state()

        def failed(exc: BaseException) -> None:
            if Shiboken.isValid(self):
                self._busy = False
                self._update_state()
            self._ctx.report(exc)

        self._ctx.tasks.run(job, done, failed)

    def _keep_as_draft(self) -> None:
        draft = self.pending_draft()
        if draft is not None:
            entries = self._ctx.session.entries
            self._ctx.tasks.run(lambda: entries.save_draft(draft), None, self._ctx.report)

    def _look_up_history_and_draft(self, entry: Entry) -> None:
        if entry.id is None:
            return
        generation, entries, entry_id = self._generation, self._ctx.session.entries, entry.id
        self.history_button.setEnabled(False)
        self._ctx.tasks.run(
            lambda: (entries.draft(draft_slot(entry_id)), bool(entries.history(entry_id))),
            lambda found: self._on_history_and_draft(generation, *found),
            self._ctx.report,
        )

    def _on_history_and_draft(self, generation: int, draft: Draft | None, history: bool) -> None:
        entry = self._entry
        if generation != self._generation or entry is None or not Shiboken.isValid(self):
            return
        self.history_button.setEnabled(history)
        self._offered_draft = draft
        if draft is None or entry.in_trash or EntryFields.of(draft) == EntryFields.of(entry):
            return
        when = ""
        if draft.saved_utc is not None:
            local = to_local_qdatetime(draft.saved_utc)
            stamp = QLocale().toString(local, "ddd d MMM, HH:mm")
            when = " " + self.tr("(kept {0})").format(stamp)
        self.draft_bar.message.setText(
            self.tr("You have unsaved changes from before{0}.").format(when)
        )
        self.draft_bar.show()

    def _on_saved(self, sent: EntryFields, saved: Entry) -> None:
        if self._entry is not None and self._entry.id == saved.id:
            if self._form_fields() == sent:
                self._fill(saved)
            else:
                self._entry = saved  # typed on while saving: keep those words as unsaved
            self.draft_bar.hide()
            self.status_label.setText(self.tr("Saved."))
            self._generation += 1
            self._look_up_history_and_draft(saved)
        self.entry_saved.emit(saved)

    def _after_action(self, changed: Entry, signal: Any) -> None:
        if self._entry is not None and self._entry.id == changed.id:
            self._generation += 1
            self.draft_bar.hide()
            self._fill(changed)
        signal.emit(changed)

    def _on_purged(self, entry_id: int) -> None:
        if self._entry is not None and self._entry.id == entry_id:
            self._entry = None
            self._show_empty()
        self.entry_purged.emit(entry_id)

    def _on_history_loaded(self, revisions: list[EntryRevision]) -> None:
        dialog = HistoryDialog(revisions, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.revision_chosen.connect(self._on_history_revision_chosen)
        self.history_dialog = dialog
        dialog.open()

    # ------------------------------------------------------------ slots

    def _on_form_changed(self) -> None:
        if not self._filling:
            self._update_state()

    def _on_tabs_current_changed(self, index: int) -> None:
        if index == 1:
            self._render_preview()

    def _on_draft_continue_clicked(self) -> None:
        draft = self._offered_draft
        self.draft_bar.hide()
        if draft is not None:
            self._fill_fields(EntryFields.of(draft))
            self._update_state()
            self.body_edit.setFocus()

    def _on_draft_discard_clicked(self) -> None:
        self.draft_bar.hide()
        entry = self._entry
        if entry is not None and entry.id is not None:
            entries, slot = self._ctx.session.entries, draft_slot(entry.id)
            self._ctx.tasks.run(lambda: entries.discard_draft(slot), None, self._ctx.report)
        self._offered_draft = None

    def _on_history_revision_chosen(self, revision: EntryRevision) -> None:
        fields = dataclasses.replace(
            self._form_fields(), title=revision.title, body=revision.body,
            check_in=dataclasses.replace(self._form_fields().check_in, mood=revision.mood),
            tags=tuple(revision.tags),
        )  # fmt: skip
        self._fill_fields(fields)
        self._update_state()
        self.tabs.setCurrentIndex(0)
        self.status_label.setText(self.tr("Earlier version copied in. Save to keep it."))

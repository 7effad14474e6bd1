"""The Today page: a quick, optional check-in and a calm place to write.

Everything on the page is one unsaved entry. While it changes, autosave keeps it as the ``"today"``
draft every few seconds (in the background, like every storage call); a new page picks that draft
up again, and :meth:`TodayPage.pending_drafts` hands it to the app before the journal locks. Ctrl+S
saves the entry and drops the draft in one transaction, then clears the form for another entry —
any number of entries a day is fine.

A little over 400 lines: the form, its autosave and its save are one cycle (the check-in panel is
:mod:`~recovery_journal.ui.checkin`, "Today so far" is :mod:`~recovery_journal.ui.today_so_far`).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TypeVar

from PySide6.QtCore import QDate, QLocale, Qt, QTime, QTimer, Signal, Slot
from PySide6.QtGui import QFont, QKeySequence, QPalette, QResizeEvent, QShortcut, QTextCursor
from PySide6.QtWidgets import (
    QBoxLayout,
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from recovery_journal.domain import validation
from recovery_journal.domain.clock import local_today
from recovery_journal.domain.entries import Draft, Entry
from recovery_journal.errors import ValidationError
from recovery_journal.services.day_so_far import DaySoFar, day_so_far
from recovery_journal.ui.checkin import CheckInPanel, muted
from recovery_journal.ui.context import UiContext
from recovery_journal.ui.measures_input import MeasuresInput
from recovery_journal.ui.pages.base import Page
from recovery_journal.ui.prompts import PromptCard, PromptDeck, insert_template, load_prompts
from recovery_journal.ui.quick_log import QuickLogBar
from recovery_journal.ui.relative_font import keep_relative
from recovery_journal.ui.today_so_far import TodaySoFar

R = TypeVar("R")
DRAFT_SLOT = "today"
NARROW_WIDTH = 860  # below this (at 10 pt) the check-in goes above the writing area
BASE_POINT_SIZE = 10.0
NARROW_EDITOR_HEIGHT = 220
CHECKIN_WIDTH = 372
QWIDGETSIZE_MAX = 16_777_215


class TodayPage(Page):
    """Check in and write; Ctrl+S saves, autosave keeps a draft meanwhile."""

    nav_title = "Today"
    entry_saved = Signal(int)

    def __init__(
        self,
        ctx: UiContext,
        parent: QWidget | None = None,
        *,
        today: Callable[[], date] = local_today,
    ) -> None:
        super().__init__(ctx, parent)
        self.autosave_interval_ms = 3000
        self._today = today
        self._date = today()
        self._kept: Draft | None = None  # what storage holds for the slot, as far as we know
        self._loading = True  # until the stored draft (if any) is back
        self._saving = False
        self._autosave_in_flight = False
        self._autosave_failed = False
        self._generation = 0  # bumped when the form is cleared: late autosave results are stale
        self._applying = False  # filling the form from code: not an edit by the person
        self._build()
        self._autosave_timer = QTimer(self)
        self._autosave_timer.setSingleShot(True)
        self._autosave_timer.timeout.connect(self._on_autosave_timer_timeout)
        shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self.save)
        self._set_form_locked(True)
        self._show_date()
        entries = self.ctx.session.entries
        self._run(lambda: entries.draft(DRAFT_SLOT), self._on_draft_loaded, self._on_draft_failed)
        self._load_tags()
        self.load_so_far()

    # ------------------------------------------------------------ building

    def _build(self) -> None:
        self._build_check_in()
        self._build_writing()
        self._arrange()
        # Start as one column: its minimum width is small, so a small window is never pushed
        # wider before the first resize decides (two columns need more room than 900x600 has).
        self._set_narrow(True)

    def _build_check_in(self) -> None:
        self.heading = QLabel()
        keep_relative(self.heading, 1.7, QFont.Weight.DemiBold)
        self.heading.setAccessibleName(self.tr("Today's date"))
        self.checkin = CheckInPanel()
        self.checkin.changed.connect(self._on_form_changed)
        # Own measures (issue 13 §5): a row of the shared check-in, keeping their own values.
        self.measures = MeasuresInput(self.ctx, today=self._today)
        self.checkin.add_row(self.measures)
        self.checkin.more_toggle.toggled.connect(
            self._fit_check_in, Qt.ConnectionType.QueuedConnection
        )
        self.so_far = TodaySoFar()
        column = QWidget()
        column_layout = QVBoxLayout(column)
        column_layout.setContentsMargins(0, 0, 0, 0)
        column_layout.addWidget(self.checkin)
        column_layout.addWidget(self.so_far)
        column_layout.addStretch(1)
        self._checkin_scroll = QScrollArea()
        self._checkin_scroll.setWidget(column)
        self._checkin_scroll.setWidgetResizable(True)
        self._checkin_scroll.setFrameShape(QFrame.Shape.NoFrame)
        # Not a tab stop itself; it still scrolls whichever check-in field gets focus into view.
        self._checkin_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._checkin_scroll.setAccessibleName(self.tr("Check-in"))
        self._checkin_scroll.setBackgroundRole(QPalette.ColorRole.Window)
        self._checkin_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._checkin_scroll.setFixedWidth(CHECKIN_WIDTH)

    def _build_writing(self) -> None:
        self.prompt_card = PromptCard(PromptDeck(load_prompts(), self._date))
        self.prompt_card.prompt_chosen.connect(self._on_prompt_card_prompt_chosen)
        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText(self.tr("Title (optional)"))
        self.title_edit.setAccessibleName(self.tr("Title"))
        self.title_edit.setMaxLength(validation.MAX_NAME * 2)
        self.title_edit.textChanged.connect(self._on_form_changed)
        self.editor = QPlainTextEdit()
        self.editor.setPlaceholderText(self.tr("Write as much or as little as you like…"))
        self.editor.setAccessibleName(self.tr("Journal entry"))
        self.editor.setTabChangesFocus(True)
        keep_relative(self.editor, 1.25)
        self.editor.document().setDocumentMargin(12)
        self.editor.textChanged.connect(self._on_form_changed)
        self.therapy_check = QCheckBox(self.tr("Bring to therapy"))
        self.therapy_check.setAccessibleName(self.tr("Bring to therapy"))
        self.therapy_check.setAccessibleDescription(
            self.tr("Mark this entry to talk about with your therapist")
        )
        self.therapy_check.toggled.connect(self._on_form_changed)
        self.status_label = muted(QLabel())
        self.status_label.setAccessibleName(self.tr("Status"))
        # Wraps instead of asking for more width: a long message never widens the window.
        self.status_label.setWordWrap(True)
        self.status_label.setMinimumWidth(1)
        self.save_button = QPushButton(self.tr("Save entry"))
        self.save_button.setAccessibleName(self.tr("Save entry"))
        self.save_button.setToolTip(
            self.tr("Save entry (%s)")
            % QKeySequence(QKeySequence.StandardKey.Save).toString(
                QKeySequence.SequenceFormat.NativeText
            )
        )
        self.save_button.clicked.connect(self.save)

    def _arrange(self) -> None:
        # "A trigger happened…" and the warning-sign check, two clicks from Today.
        self.quick_log = QuickLogBar(self.ctx, self, today=self._today)
        self.quick_log.trigger_logged.connect(lambda _id: self.load_so_far())
        self.quick_log.use_logged.connect(lambda _id: self.load_so_far())
        writing = QVBoxLayout()
        writing.setSpacing(10)
        writing.addWidget(self.prompt_card)
        writing.addWidget(self.title_edit)
        writing.addWidget(self.editor, 1)
        footer = QHBoxLayout()
        footer.addWidget(self.therapy_check)
        footer.addSpacing(12)
        footer.addWidget(self.status_label, 1)
        footer.addWidget(self.save_button)
        writing.addLayout(footer)
        self._body = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self._body.setContentsMargins(0, 0, 0, 0)
        self._body.setSpacing(28)
        self._body.addWidget(self._checkin_scroll)
        self._body.addLayout(writing, 1)
        # Narrow, the page is one column that scrolls as a whole: the check-in at its full
        # height, then the writing area (never a tiny scroll box inside the page).
        body = QWidget()
        body.setLayout(self._body)
        self._page_scroll = QScrollArea()
        self._page_scroll.setWidget(body)
        self._page_scroll.setWidgetResizable(True)
        self._page_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self._page_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._page_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._page_scroll.setBackgroundRole(QPalette.ColorRole.Window)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 20, 28, 16)
        layout.setSpacing(4)
        heading_row = self._heading_row = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        heading_column = QVBoxLayout()
        heading_column.setSpacing(4)
        heading_column.addWidget(self.heading)
        heading_column.addWidget(muted(QLabel(self.tr("However today went, you're welcome here."))))
        heading_row.addLayout(heading_column, 1)
        heading_row.addWidget(self.quick_log, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addLayout(heading_row)
        layout.addSpacing(14)
        layout.addWidget(self._page_scroll, 1)

    @property
    def narrow(self) -> bool:
        """Whether the page shows one column (check-in above the writing area)."""
        return self._body.direction() == QBoxLayout.Direction.TopToBottom

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._set_narrow(event.size().width() < self.narrow_width())
        super().resizeEvent(event)

    def narrow_width(self) -> int:
        """Below this width Today is one column; it grows with the text size (at 150 % the two
        columns need half as much room again)."""
        return int(NARROW_WIDTH * max(1.0, self.font().pointSizeF() / BASE_POINT_SIZE))

    def _set_narrow(self, narrow: bool) -> None:
        self._body.setDirection(
            QBoxLayout.Direction.TopToBottom if narrow else QBoxLayout.Direction.LeftToRight
        )
        self._heading_row.setDirection(
            QBoxLayout.Direction.TopToBottom if narrow else QBoxLayout.Direction.LeftToRight
        )
        self._checkin_scroll.setMinimumWidth(0 if narrow else CHECKIN_WIDTH)
        self._checkin_scroll.setMaximumWidth(QWIDGETSIZE_MAX if narrow else CHECKIN_WIDTH)
        self._fit_check_in()

    @Slot()
    def _fit_check_in(self) -> None:
        """One column: the check-in as tall as it needs (the page scrolls, not the check-in),
        and a writing area that stays big enough to write in."""
        narrow = self.narrow
        column = self._checkin_scroll.widget()
        full = column.sizeHint().height() if narrow and column is not None else 0
        self._checkin_scroll.setMinimumHeight(full)
        self._checkin_scroll.setVerticalScrollBarPolicy(
            Qt.ScrollBarPolicy.ScrollBarAlwaysOff
            if narrow
            else Qt.ScrollBarPolicy.ScrollBarAsNeeded
        )
        self.editor.setMinimumHeight(NARROW_EDITOR_HEIGHT if narrow else 0)

    def _show_date(self) -> None:
        day = QDate(self._date.year, self._date.month, self._date.day)
        pattern = self.tr("dddd, d MMMM")
        if self._date.year != self._today().year:
            pattern = self.tr("dddd, d MMMM yyyy")
        self.heading.setText(QLocale().toString(day, pattern))
        self.measures.set_day(self._date)

    # ------------------------------------------------------------ the form as a draft

    def current_draft(self) -> Draft:
        """The form as it is now (validates only what a draft requires)."""
        return Draft(
            slot=DRAFT_SLOT,
            local_date=self._date,
            body=self.editor.toPlainText(),
            title=self.title_edit.text().strip(),
            check_in=self.checkin.check_in(),
            tags=self.checkin.tags.tags(),
            bring_to_therapy=self.therapy_check.isChecked(),
        )

    def _apply(self, draft: Draft | None) -> None:
        """Fill the form from ``draft`` (None: an empty form for a new entry today)."""
        self._applying = True
        try:
            self._date = draft.local_date if draft is not None else self._today()
            d = draft or Draft(DRAFT_SLOT, self._date)
            self.checkin.set_check_in(d.check_in)
            self.checkin.tags.set_tags(d.tags)
            self.title_edit.setText(d.title)
            self.editor.setPlainText(d.body)
            self.editor.moveCursor(QTextCursor.MoveOperation.End)
            self.therapy_check.setChecked(d.bring_to_therapy)
        finally:
            self._applying = False
        self._show_date()
        self._update_save_button()

    def _needs_keeping(self, draft: Draft) -> bool:
        """Whether storage would differ from ``draft`` (an empty form with no stored draft is
        nothing to keep)."""
        return draft != self._kept and not (draft.is_empty and self._kept is None)

    def pending_drafts(self) -> list[Draft]:
        """The unsaved state, for the app to keep before locking; [] when nothing changed.

        An emptied form whose earlier draft is still stored is returned too: saving that empty
        draft removes the stale one, so deleted words do not come back after unlocking.
        """
        if self._loading or self._saving:  # a save in flight already holds these words
            return []
        try:
            draft = self.current_draft()
        except ValidationError:
            return []
        return [draft] if self._needs_keeping(draft) else []

    # ------------------------------------------------------------ autosave

    @Slot()
    def _on_form_changed(self) -> None:
        if self._applying:
            return
        self._update_save_button()
        if not self._autosave_timer.isActive():
            self._autosave_timer.start(self.autosave_interval_ms)

    @Slot()
    def _on_autosave_timer_timeout(self) -> None:
        if self._loading or self._saving:
            return
        if self._autosave_in_flight:
            self._autosave_timer.start(self.autosave_interval_ms)
            return
        try:
            draft = self.current_draft()
        except ValidationError as exc:
            self.ctx.report(exc)
            return
        if not self._needs_keeping(draft):
            return
        self._autosave_in_flight = True
        generation = self._generation
        entries = self.ctx.session.entries
        self._run(
            lambda: entries.save_draft(draft),
            lambda _kept: self._on_draft_kept(draft, generation),
            self._on_autosave_failed,
        )

    def _on_draft_kept(self, draft: Draft, generation: int) -> None:
        self._autosave_in_flight = False
        self._autosave_failed = False
        if generation != self._generation:
            return  # the entry was saved meanwhile; the draft went with it
        self._kept = None if draft.is_empty else draft
        if not draft.is_empty:
            now = QLocale().toString(QTime.currentTime(), QLocale.FormatType.ShortFormat)
            self.status_label.setText(self.tr("Draft kept %s") % now)

    def _on_autosave_failed(self, exc: BaseException) -> None:
        self._autosave_in_flight = False
        self.status_label.setText(
            self.tr("Couldn't keep a draft just now. Your words are still here.")
        )
        if not self._autosave_failed:  # report once, not every few seconds
            self._autosave_failed = True
            self.ctx.report(exc)

    # ------------------------------------------------------------ saving

    @Slot()
    def save(self) -> None:
        """Save the entry (Ctrl+S). Nothing written yet → a gentle hint, nothing saved."""
        if self._loading or self._saving:
            return
        try:
            draft = self.current_draft()
            if not draft.is_empty:
                draft.to_entry()  # validate here, so nothing is written if it would fail
        except ValidationError as exc:
            self.ctx.report(exc)
            return
        if draft.is_empty:
            self.status_label.setText(
                self.tr("Nothing to save yet. A few words, a title or a mood is enough.")
            )
            return
        self._autosave_timer.stop()
        self._saving = True
        self._set_form_locked(True)
        entries = self.ctx.session.entries
        self._run(
            lambda: entries.save_from_draft(draft), self._on_entry_saved, self._on_save_failed
        )

    def _on_entry_saved(self, entry: Entry) -> None:
        self._saving = False
        self._generation += 1
        self._kept = None
        self._apply(None)
        self._set_form_locked(False)
        self.editor.setFocus()
        self.status_label.setText(self.tr("Saved. You can write another entry any time today."))
        self._load_tags()
        self.load_so_far()
        if entry.id is not None:
            self.entry_saved.emit(entry.id)

    def _on_save_failed(self, exc: BaseException) -> None:
        self._saving = False
        self._set_form_locked(False)
        self.status_label.setText(self.tr("Not saved yet. Your words are still here."))
        self.ctx.report(exc)
        self._autosave_timer.start(self.autosave_interval_ms)

    # ------------------------------------------------------------ loading

    def _on_draft_loaded(self, draft: Draft | None) -> None:
        self._loading = False
        self._set_form_locked(False)
        if draft is not None:
            self._apply(draft)
            self._kept = self.current_draft()
            self.status_label.setText(self.tr("Your unsaved writing is back, just as you left it."))
        self._update_save_button()

    def _on_draft_failed(self, exc: BaseException) -> None:
        self._loading = False
        self._set_form_locked(False)
        self.ctx.report(exc)

    def load_so_far(self) -> None:
        """Refresh "Today so far" (and yesterday's glance) in the background."""
        session, day = self.ctx.session, self._today()

        def job() -> tuple[DaySoFar, list[tuple[str, int]]]:
            counters = session.progress.counters_on_today(day)
            return day_so_far(session, day), [(c.counter.title, c.stats.current) for c in counters]

        def done(found: tuple[DaySoFar, list[tuple[str, int]]]) -> None:
            self.so_far.show_day(found[0])
            self.so_far.show_counters(found[1])
            self._fit_check_in()  # one column: the check-in column grew

        self._run(job, done, self.ctx.report)

    def _load_tags(self) -> None:
        entries = self.ctx.session.entries
        self._run(entries.tags, self.checkin.tags.set_known_tags, self.ctx.report)

    # ------------------------------------------------------------ small helpers

    def _run(
        self,
        job: Callable[[], R],
        on_done: Callable[[R], None],
        on_error: Callable[[BaseException], None],
    ) -> None:
        """Storage work in the background. A result that arrives after this page was deleted
        (the journal locked, the window closed) is dropped; an error is still reported."""

        def done(result: R) -> None:
            if isValid(self):
                on_done(result)

        def failed(exc: BaseException) -> None:
            if isValid(self):
                on_error(exc)
            else:
                self.ctx.report(exc)

        self.ctx.tasks.run(job, done, failed)

    def _set_form_locked(self, locked: bool) -> None:
        """Hold input while a draft loads or the entry saves (milliseconds), so no keystroke
        lands in a form that is about to be filled or cleared."""
        self.editor.setReadOnly(locked)
        self.title_edit.setReadOnly(locked)
        self.checkin.setEnabled(not locked)
        self.therapy_check.setEnabled(not locked)
        self.prompt_card.setEnabled(not locked)
        self._update_save_button()

    def _has_content(self) -> bool:
        """Whether there is anything to save (the same rule as ``Draft.is_empty``)."""
        return bool(
            self.title_edit.text().strip()
            or self.checkin.mood.value() is not None
            or self.editor.toPlainText().strip()
        )

    def _update_save_button(self) -> None:
        self.save_button.setEnabled(self._has_content() and not (self._loading or self._saving))

    def activated(self) -> None:
        """Back on the page: a new day starts a fresh date if nothing is being written."""
        if not self._loading and not self._saving and not self._has_content():
            self._date = self._today()
            self._show_date()
        self._load_tags()
        self.measures.reload()  # measures may have been changed in Settings meanwhile
        self.load_so_far()
        self.editor.setFocus()

    @Slot(str)
    def _on_prompt_card_prompt_chosen(self, template: str) -> None:
        insert_template(self.editor, template)

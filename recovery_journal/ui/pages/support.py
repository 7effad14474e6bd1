"""Support & meetings: the people and lines the person can reach, and their peer-meeting log.

Contacts carry a role, how to reach them (one click copies it; locking takes it back off the
clipboard) and the safety-plan step they belong to. Meetings record the group, the day, what
resonated and the strategies learned; each learned strategy can become a coping strategy in the
toolbox with one click and a small confirmation — never twice under the same name.

A page and its actions side by side (its dialogs are in
:mod:`~recovery_journal.ui.support_dialogs`), just over 400 lines.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QLocale, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from recovery_journal import words
from recovery_journal.domain.coping import CopingStrategy
from recovery_journal.domain.support import PeerMeeting, SupportContact
from recovery_journal.ui.checkin import muted
from recovery_journal.ui.context import UiContext
from recovery_journal.ui.flow_layout import FlowLayout, ReflowBox
from recovery_journal.ui.pages.base import Page
from recovery_journal.ui.qt_dates import to_qdate
from recovery_journal.ui.support_dialogs import (
    AddToToolboxDialog,
    ContactDialog,
    MeetingDialog,
    clear_layout,
)

ID_ROLE = Qt.ItemDataRole.UserRole
Loaded = tuple[list[SupportContact], list[PeerMeeting], set[str]]


def _button(text: str, accessible: str, slot: Callable[[], None]) -> QPushButton:
    button = QPushButton(text)
    button.setAccessibleName(accessible)
    button.clicked.connect(slot)
    return button


def describe_contact(contact: SupportContact) -> str:
    """'Sam — Sponsor' over '555-0121 · Safety plan: People I can ask for help'."""
    first = f"{contact.name} — {words.label(contact.role)}"
    if contact.archived_utc is not None:
        first += " (archived)"
    second = [contact.reach] if contact.reach else []
    if contact.safety_step is not None:
        second.append(f"Safety plan: {words.label(contact.safety_step)}")
    return "\n".join([first, " · ".join(second)]) if second else first


class SupportPage(Page):
    """Contacts and the meeting log, side by side."""

    nav_title = "Support & meetings"
    toolbox_changed = Signal()

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.contacts: list[SupportContact] = []
        self.meetings: list[PeerMeeting] = []
        self.toolbox: set[str] = set()  # casefolded strategy names, archived included
        self.loaded = False
        self.dialog: QDialog | None = None
        self.learned_buttons: dict[str, QPushButton] = {}
        self._build()
        # Data loads when the page is first shown (activated), not at unlock.

    # ------------------------------------------------------------ building

    def _build(self) -> None:
        # Side by side when there is room, one column when narrow (900×600 at 150 % text).
        self.columns = ReflowBox(self._contacts_box(), self._meetings_box())
        self.status = muted(QLabel())
        self.status.setAccessibleName(self.tr("Status"))
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 16)
        layout.setSpacing(10)
        layout.addWidget(QLabel(self.tr("<h2>Support &amp; meetings</h2>")))
        intro = muted(
            QLabel(
                self.tr(
                    "The people, groups and lines you can reach, and what you take from meetings. "
                    "Nothing here is ever sent anywhere."
                )
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addWidget(self.columns, 1)
        layout.addWidget(self.status)

    def _contacts_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("My people and lines"))
        self.contact_list = QListWidget()
        self.contact_list.setAccessibleName(self.tr("Contacts"))
        self.contact_list.setWordWrap(True)
        self.contact_list.setAlternatingRowColors(True)
        self.contact_list.setSpacing(2)
        self.contact_list.currentRowChanged.connect(self._update_buttons)
        self.contact_list.itemActivated.connect(lambda _: self._on_edit_contact_clicked())
        self.add_contact_button = _button(
            self.tr("Add contact…"), self.tr("Add contact"), self._on_add_contact_clicked
        )
        self.edit_contact_button = _button(
            self.tr("Edit…"), self.tr("Edit contact"), self._on_edit_contact_clicked
        )
        self.copy_button = _button(
            self.tr("Copy how to reach"), self.tr("Copy how to reach"), self._on_copy_clicked
        )
        self.archive_button = _button(
            self.tr("Archive"), self.tr("Archive contact"), self._on_archive_clicked
        )
        self.show_archived = QCheckBox(self.tr("Show archived"))
        self.show_archived.setAccessibleName(self.tr("Show archived contacts"))
        self.show_archived.toggled.connect(lambda _: self.refresh())
        buttons = FlowLayout()
        buttons.add(self.add_contact_button, self.edit_contact_button, self.copy_button)
        lower = FlowLayout()
        lower.add(self.archive_button, self.show_archived)
        column = QVBoxLayout(box)
        column.addWidget(self.contact_list, 1)
        column.addLayout(buttons)
        column.addLayout(lower)
        return box

    def _meetings_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Peer-support meetings"))
        self.meeting_list = QListWidget()
        self.meeting_list.setAccessibleName(self.tr("Meetings, newest first"))
        self.meeting_list.setAlternatingRowColors(True)
        self.meeting_list.setWordWrap(True)  # the whole line, never "Tue 1 Dec 2026 — Tues…"
        self.meeting_list.currentRowChanged.connect(self._on_meeting_list_current_row_changed)
        self.meeting_list.itemActivated.connect(lambda _: self._on_edit_meeting_clicked())
        self.add_meeting_button = _button(
            self.tr("Log a meeting…"), self.tr("Log a meeting"), self._on_add_meeting_clicked
        )
        self.edit_meeting_button = _button(
            self.tr("Edit…"), self.tr("Edit meeting"), self._on_edit_meeting_clicked
        )
        buttons = FlowLayout()
        buttons.add(self.add_meeting_button, self.edit_meeting_button)
        self.details = QWidget()
        self.details_layout = QVBoxLayout(self.details)
        self.details_layout.setContentsMargins(0, 6, 0, 0)
        column = QVBoxLayout(box)
        column.addWidget(self.meeting_list, 1)
        column.addLayout(buttons)
        column.addWidget(self.details)
        return box

    # ------------------------------------------------------------ loading

    def activated(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        self._run(None)

    def _run(
        self, change: Callable[[], Any] | None, then: Callable[[Any], None] | None = None
    ) -> None:
        """Apply ``change`` in the background, reload, then call ``then`` with its result."""
        session = self.ctx.session
        archived = self.show_archived.isChecked()

        def work() -> tuple[Any, Loaded]:
            result = change() if change is not None else None
            contacts = session.support.contacts.list(include_archived=archived)
            meetings = session.support.meetings.list()[::-1]
            names = {
                s.name.casefold() for s in session.coping.strategies.list(include_archived=True)
            }
            return result, (contacts, meetings, names)

        def done(value: tuple[Any, Loaded]) -> None:
            self._on_loaded(value[1])
            if then is not None:
                then(value[0])

        self.ctx.tasks.run(work, done, self.ctx.report)

    def _on_loaded(self, loaded: Loaded) -> None:
        self.contacts, self.meetings, self.toolbox = loaded
        _fill(self.contact_list, [(c.id, describe_contact(c)) for c in self.contacts])
        _fill(self.meeting_list, [(m.id, self._describe_meeting(m)) for m in self.meetings])
        self._on_meeting_list_current_row_changed()
        self._update_buttons()
        self.loaded = True

    def _describe_meeting(self, meeting: PeerMeeting) -> str:
        day = QLocale().toString(to_qdate(meeting.local_date), self.tr("ddd d MMM yyyy"))
        return f"{day} — {meeting.group_name}"

    @Slot()
    def _update_buttons(self) -> None:
        contact = self.current_contact()
        for button in (self.edit_contact_button, self.archive_button):
            button.setEnabled(contact is not None)
        self.copy_button.setEnabled(contact is not None and bool(contact.reach))
        archived = contact is not None and contact.archived_utc is not None
        self.archive_button.setText(self.tr("Restore") if archived else self.tr("Archive"))
        self.archive_button.setAccessibleName(
            self.tr("Restore contact") if archived else self.tr("Archive contact")
        )
        self.edit_meeting_button.setEnabled(self.current_meeting() is not None)

    def current_contact(self) -> SupportContact | None:
        ident = _current_id(self.contact_list)
        return next((c for c in self.contacts if c.id == ident), None)

    def current_meeting(self) -> PeerMeeting | None:
        ident = _current_id(self.meeting_list)
        return next((m for m in self.meetings if m.id == ident), None)

    # ------------------------------------------------------------ contacts

    def _open(self, dialog: QDialog, on_accepted: Callable[[], None]) -> None:
        self.dialog = dialog
        dialog.accepted.connect(on_accepted)
        dialog.open()

    @Slot()
    def _on_add_contact_clicked(self) -> None:
        dialog = ContactDialog(parent=self)
        self._open(dialog, lambda: self._save_contact(dialog.contact()))

    @Slot()
    def _on_edit_contact_clicked(self) -> None:
        contact = self.current_contact()
        if contact is not None:
            dialog = ContactDialog(contact, self)
            self._open(dialog, lambda: self._save_contact(dialog.contact()))

    def _save_contact(self, contact: SupportContact) -> None:
        contacts = self.ctx.session.support.contacts
        save = contacts.add if contact.id is None else contacts.update
        self._run(lambda: save(contact), lambda saved: self._select_contact(saved.id))

    def _select_contact(self, ident: int) -> None:
        _select(self.contact_list, ident)
        self.status.setText(self.tr("Contact saved."))

    @Slot()
    def _on_copy_clicked(self) -> None:
        contact = self.current_contact()
        if contact is not None and contact.reach:
            self.ctx.clipboard.copy(contact.reach)
            self.status.setText(self.tr("Copied how to reach %s.") % contact.name)

    @Slot()
    def _on_archive_clicked(self) -> None:
        contact = self.current_contact()
        if contact is None or contact.id is None:
            return
        contacts = self.ctx.session.support.contacts
        ident = contact.id
        if contact.archived_utc is None:
            self._run(lambda: contacts.archive(ident))
            self.status.setText(
                self.tr("%s is archived: kept, but no longer on your plan.") % contact.name
            )
        else:
            self._run(
                lambda: contacts.unarchive(ident), lambda _: _select(self.contact_list, ident)
            )
            self.status.setText(self.tr("%s is back.") % contact.name)

    # ------------------------------------------------------------ meetings

    @Slot()
    def _on_add_meeting_clicked(self) -> None:
        dialog = MeetingDialog(groups=self._groups(), parent=self)
        self._open(dialog, lambda: self._save_meeting(dialog.meeting()))

    @Slot()
    def _on_edit_meeting_clicked(self) -> None:
        meeting = self.current_meeting()
        if meeting is not None:
            dialog = MeetingDialog(meeting, self._groups(), self)
            self._open(dialog, lambda: self._save_meeting(dialog.meeting()))

    def _groups(self) -> list[str]:
        return sorted({m.group_name for m in self.meetings}, key=str.casefold)

    def _save_meeting(self, meeting: PeerMeeting) -> None:
        meetings = self.ctx.session.support.meetings
        save = meetings.add if meeting.id is None else meetings.update
        self._run(lambda: save(meeting), lambda saved: _select(self.meeting_list, saved.id))
        self.status.setText(self.tr("Meeting saved."))

    @Slot()
    def _on_meeting_list_current_row_changed(self) -> None:
        clear_layout(self.details_layout)
        self.learned_buttons = {}
        meeting = self.current_meeting()
        self._update_buttons()
        if meeting is None:
            return
        if meeting.resonated:
            said = QLabel(self.tr("<b>What resonated:</b> %s") % html.escape(meeting.resonated))
            said.setWordWrap(True)
            said.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.details_layout.addWidget(said)
        if meeting.strategies_learned:
            self.details_layout.addWidget(QLabel(self.tr("<b>Strategies learned:</b>")))
        for name in meeting.strategies_learned:
            self.details_layout.addWidget(self._learned_row(name))

    def _learned_row(self, name: str) -> QWidget:
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        label = QLabel("• " + html.escape(name))
        label.setWordWrap(True)
        layout.addWidget(label, 1)
        button = QPushButton()
        self._show_in_toolbox(button, name)
        button.clicked.connect(lambda: self._on_add_to_toolbox_clicked(name))
        layout.addWidget(button)
        self.learned_buttons[name] = button
        return row

    def _show_in_toolbox(self, button: QPushButton, name: str) -> None:
        there = name.casefold() in self.toolbox
        button.setText(self.tr("In my toolbox ✓") if there else self.tr("Add to my toolbox"))
        button.setEnabled(not there)
        button.setAccessibleName(
            (self.tr("%s is in my toolbox") if there else self.tr("Add %s to my toolbox")) % name
        )

    def _on_add_to_toolbox_clicked(self, name: str) -> None:
        dialog = AddToToolboxDialog(name, self)
        self._open(dialog, lambda: self._add_to_toolbox(dialog.strategy()))

    def _add_to_toolbox(self, strategy: CopingStrategy) -> None:
        strategies = self.ctx.session.coping.strategies

        def add() -> bool:  # checked against storage, so a second click never duplicates
            wanted = strategy.name.casefold()
            if any(s.name.casefold() == wanted for s in strategies.list(include_archived=True)):
                return False
            strategies.add(strategy)
            return True

        self._run(add, lambda added: self._on_added_to_toolbox(strategy.name, bool(added)))

    def _on_added_to_toolbox(self, name: str, added: bool) -> None:
        if added:
            self.status.setText(self.tr("Added “%s” to your toolbox.") % name)
            self.toolbox_changed.emit()
        else:
            self.status.setText(self.tr("“%s” is already in your toolbox.") % name)


def _fill(view: QListWidget, rows: list[tuple[int | None, str]]) -> None:
    """Replace the rows, keeping the current one by id."""
    current = view.currentItem()
    keep = current.data(ID_ROLE) if current is not None else None
    view.blockSignals(True)
    view.clear()
    for ident, text in rows:
        item = QListWidgetItem(text)
        item.setData(ID_ROLE, ident)
        view.addItem(item)
        if ident == keep:
            view.setCurrentItem(item)
    view.blockSignals(False)


def _select(view: QListWidget, ident: int | None) -> None:
    for row in range(view.count()):
        if view.item(row).data(ID_ROLE) == ident:
            view.setCurrentRow(row)
            return


def _current_id(view: QListWidget) -> int | None:
    item = view.currentItem()
    return None if item is None else int(item.data(ID_ROLE))

"""'I need help now' and the gentle 'when peer support isn't enough' notice.

:class:`HelpNowDialog` gathers, in one calm view: the emergency sentence; "Breathe with me" and
"Ground me" (the guided exercises, started right there); the person's own professionals, crisis
lines and people they can ask (each with Copy); and their safety plan (a typed line naming a
person shown above is not repeated). When the escalation rules matched recently (and prompts are
on) it says, last, why it is showing. The rules themselves are explained in Settings
(:func:`rules_text`), not here: in a crisis they are noise.

:class:`EscalationBanner` is a small, dismissible notice for the main window, shown when
:func:`~recovery_journal.services.escalation.check_escalation` finds a match. "Not now" hides it
until something new matches; "Don't show these" switches the notices off
(:data:`ESCALATION_PROMPTS`, a setting declared here). Nothing is ever sent anywhere.
"""

from __future__ import annotations

import hashlib
import html
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QCoreApplication, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from recovery_journal import words
from recovery_journal.domain.clock import local_today
from recovery_journal.domain.escalation import RULES, Match
from recovery_journal.domain.support import (
    ContactRole,
    SafetyPlanItem,
    SafetyStep,
    SupportContact,
    names_contact,
)
from recovery_journal.services.escalation import check_escalation
from recovery_journal.ui.checkin import muted
from recovery_journal.ui.context import UiContext
from recovery_journal.ui.guided import BreathingSession, GroundingSession, GuidedSession
from recovery_journal.ui.safety_print import EMERGENCY
from recovery_journal.ui.settings import Setting
from recovery_journal.ui.support_dialogs import clear_layout, contact_row

ESCALATION_PROMPTS = Setting(
    "care/escalation_prompts",
    True,
    "Show a gentle note with my safety plan and people when the last days look hard",
)
PROFESSIONAL_ROLES = (ContactRole.THERAPIST, ContactRole.PRESCRIBER, ContactRole.CRISIS_LINE)
Plan = dict[SafetyStep, list[SafetyPlanItem]]
WHY = (
    "This is showing because of what you recorded in the last 7 days. It isn't a judgement or a "
    "diagnosis — only a reminder that this may be a good time to reach out beyond peer support, "
    "to the people and lines you chose."
)
RULES_INTRO = (
    "A gentle note appears when any of these is true (by the days you recorded things on). "
    "Nothing is ever sent anywhere, and you can switch the notes off."
)
NO_LINES = (
    "You haven't added professionals or crisis lines yet. To find local ones, ask your doctor or "
    "local health service, or search the internet for “crisis line” and your country or region "
    "(findahelpline.com lists many — check that it is current)."
)


def help_contacts(
    contacts: list[SupportContact],
) -> tuple[list[SupportContact], list[SupportContact]]:
    """(professionals and crisis lines, people I can ask for help) among active contacts."""
    active = [c for c in contacts if c.archived_utc is None]
    professional = [
        c
        for c in active
        if c.role in PROFESSIONAL_ROLES or c.safety_step is SafetyStep.PROFESSIONALS
    ]
    ask = [c for c in active if c.safety_step is SafetyStep.ASK_FOR_HELP and c not in professional]
    crisis_first = sorted(professional, key=lambda c: c.role is not ContactRole.CRISIS_LINE)
    return crisis_first, ask


def rules_text() -> str:
    """When the gentle note appears, as rich text for Settings."""
    tr = QCoreApplication.translate
    rules = "".join(f"<li>{html.escape(tr('help_now', rule.description))}</li>" for rule in RULES)
    return tr("help_now", RULES_INTRO) + f"<ul>{rules}</ul>"


def _label(text: str, name: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if name:
        label.setAccessibleName(name)
    return label


class HelpNowDialog(QDialog):
    """The person's own help, all in one place; opened by F1 or the toolbar."""

    safety_plan_requested = Signal()

    def __init__(
        self,
        ctx: UiContext,
        parent: QWidget | None = None,
        *,
        today: Callable[[], date] = local_today,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.loaded = False
        self.matches: list[Match] = []
        self.contacts: list[SupportContact] = []
        self.guided: GuidedSession | None = None
        self.setWindowTitle(self.tr("I need help now"))
        self.resize(640, 640)
        self.emergency = _label(f"<h3>{html.escape(self.tr(EMERGENCY))}</h3>", self.tr(EMERGENCY))
        self.body = QWidget()
        self.body_layout = QVBoxLayout(self.body)
        self.body_layout.setSpacing(8)
        self.body_layout.addWidget(muted(QLabel(self.tr("Loading your plan…"))))
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(self.body)
        self.status = muted(QLabel())
        self.status.setAccessibleName(self.tr("Status"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.plan_button = buttons.addButton(
            self.tr("Open my safety plan"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.plan_button.setAccessibleName(self.tr("Open my safety plan"))
        self.plan_button.clicked.connect(self._on_plan_button_clicked)
        layout = QVBoxLayout(self)
        layout.addWidget(self.emergency)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        session, prompts = ctx.session, ctx.settings.get(ESCALATION_PROMPTS)
        day = today()

        def load() -> tuple[list[SupportContact], Plan, list[Match]]:
            matches = check_escalation(session, day) if prompts else []
            return session.support.contacts.list(), session.support.safety_plan(), matches

        ctx.tasks.run(load, self._on_loaded, ctx.report)

    def _on_loaded(self, loaded: tuple[list[SupportContact], Plan, list[Match]]) -> None:
        self.contacts, plan, self.matches = loaded
        clear_layout(self.body_layout)
        add = self.body_layout.addWidget
        add(self._calming_buttons())
        professional, ask = help_contacts(self.contacts)
        add(_label(self.tr("<h4>Professionals and crisis lines</h4>")))
        if not professional:
            add(muted(_label(self.tr(NO_LINES))))
        for contact in professional:
            add(contact_row(contact, self.copy))
        if ask:
            add(_label(self.tr("<h4>People I can ask for help</h4>")))
            for contact in ask:
                add(contact_row(contact, self.copy))
        add(_label(self.tr("<h4>My safety plan</h4>")))
        add(_label(self._plan_html(plan, professional + ask), self.tr("My safety plan")))
        if self.matches:
            noticed = "".join(f"<li>{html.escape(m.sentence)}</li>" for m in self.matches)
            add(_label(self.tr("<b>We noticed:</b><ul>%s</ul>") % noticed, self.tr("We noticed")))
            add(muted(_label(self.tr(WHY))))
        self.body_layout.addStretch(1)
        self.loaded = True
        self.breathe_button.setFocus()

    def _calming_buttons(self) -> QWidget:
        """ "Breathe with me" and "Ground me": something to do at once, before any reading."""
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 4)
        self.breathe_button = QPushButton(self.tr("Breathe with me"))
        self.breathe_button.setAccessibleName(self.tr("Breathe with me: a guided breathing pacer"))
        self.ground_button = QPushButton(self.tr("Ground me"))
        self.ground_button.setAccessibleName(self.tr("Ground me: 5-4-3-2-1 through your senses"))
        for button, kind in ((self.breathe_button, "breathing"), (self.ground_button, "grounding")):
            button.setMinimumHeight(44)
            font = button.font()
            font.setPointSizeF(font.pointSizeF() * 1.15)
            button.setFont(font)
            button.clicked.connect(lambda _=False, k=kind: self.start_guided(k))
            layout.addWidget(button, 1)
        return row

    def start_guided(self, kind: str) -> None:
        """Open the breathing pacer or the grounding walkthrough over this dialog."""
        coping = self.ctx.session.coping
        self.ctx.tasks.run(
            lambda: coping.strategy_for_guided(kind),
            lambda strategy: self._open_guided(kind, strategy.id),
            self.ctx.report,
        )

    def _open_guided(self, kind: str, strategy_id: int) -> None:
        session_type = BreathingSession if kind == "breathing" else GroundingSession
        dialog = session_type(self.ctx, strategy_id, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _result: self._forget_guided(dialog))
        self.guided = dialog
        dialog.open()

    def _forget_guided(self, dialog: GuidedSession) -> None:
        if self.guided is dialog:
            self.guided = None

    def _plan_html(self, plan: Plan, shown: list[SupportContact]) -> str:
        parts = []
        for number, step in enumerate(SafetyStep, start=1):
            # A line about someone listed above with Copy would only repeat them.
            lines = [
                i for i in plan.get(step, []) if not any(names_contact(i.text, c) for c in shown)
            ]
            if lines:
                items = "".join(f"<li>{html.escape(i.text)}</li>" for i in lines)
                title = html.escape(words.label(step))
                parts.append(f"<p><b>{number}. {title}</b></p><ul>{items}</ul>")
        if not parts:
            return self.tr("Your safety plan is empty for now. You can write it on a calmer day.")
        return "".join(parts)

    @Slot(str, str)
    def copy(self, text: str, what: str) -> None:
        self.ctx.clipboard.copy(text)
        self.status.setText(self.tr("Copied how to reach %s.") % what)

    @Slot()
    def _on_plan_button_clicked(self) -> None:
        self.safety_plan_requested.emit()
        self.accept()


class EscalationBanner(QFrame):
    """A quiet, dismissible notice: 'the last days have been hard — your plan is here'."""

    help_requested = Signal()

    def __init__(
        self,
        ctx: UiContext,
        parent: QWidget | None = None,
        *,
        today: Callable[[], date] = local_today,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._today = today
        self.matches: list[Match] = []
        self._dismissed: frozenset[str] = frozenset()
        self.setObjectName("escalationBanner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            "QFrame#escalationBanner { background: palette(alternate-base);"
            " border: 1px solid palette(mid); border-radius: 6px; }"
        )
        self.setAccessibleName(self.tr("A note about the last days"))
        self.message = QLabel(
            self.tr(
                "It looks like the last days have been hard. "
                "Your safety plan and your people are here."
            )
        )
        self.message.setWordWrap(True)
        self.open_button = self._button(self.tr("Open →"), self.tr("Open my plan and people"))
        self.open_button.clicked.connect(self.help_requested)
        self.why_button = self._button(self.tr("Why?"), self.tr("Why am I seeing this?"))
        self.why_button.clicked.connect(self._on_why_button_clicked)
        self.later_button = self._button(self.tr("Not now"), self.tr("Hide this note for now"))
        self.later_button.clicked.connect(self._on_later_button_clicked)
        self.off_button = self._button(
            self.tr("Don't show these"), self.tr("Don't show these notes again")
        )
        self.off_button.clicked.connect(self._on_off_button_clicked)
        self.details = muted(_label("", self.tr("Why this note is showing")))
        self.details.setVisible(False)
        row = QHBoxLayout()
        row.addWidget(self.message, 1)
        for button in (self.open_button, self.why_button, self.later_button, self.off_button):
            row.addWidget(button)
        column = QVBoxLayout(self)
        column.setContentsMargins(12, 8, 12, 8)
        column.addLayout(row)
        column.addWidget(self.details)
        self.setVisible(False)

    def _button(self, text: str, name: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setAccessibleName(name)
        return button

    @property
    def enabled(self) -> bool:
        return self.ctx.settings.get(ESCALATION_PROMPTS)

    def check(self) -> None:
        """Look at the last 7 days in the background; show the note if a rule matches."""
        if not self.enabled:
            self.setVisible(False)
            return
        session, day = self.ctx.session, self._today()
        self.ctx.tasks.run(
            lambda: check_escalation(session, day), self._on_checked, self.ctx.report
        )

    def _key(self) -> frozenset[str]:
        """What the note is about now, as digests (kept across a lock: no dates in memory)."""
        return frozenset(
            hashlib.sha256(repr((m.rule.id, m.evidence.days)).encode()).hexdigest()
            for m in self.matches
        )

    @property
    def dismissed_notes(self) -> frozenset[str]:
        """The notes put away with "Not now" (digests), to keep them away after unlocking."""
        return self._dismissed

    @dismissed_notes.setter
    def dismissed_notes(self, notes: frozenset[str]) -> None:
        self._dismissed = notes
        if self.isVisible() and self._key() <= notes:
            self.setVisible(False)

    def _on_checked(self, matches: list[Match]) -> None:
        self.matches = matches
        items = "".join(f"<li>{html.escape(m.sentence)}</li>" for m in matches)
        self.details.setText(self.tr("We noticed:<ul>%s</ul>") % items + self.tr(WHY))
        show = bool(matches) and self.enabled and not self._key() <= self._dismissed
        self.setVisible(show)

    @Slot()
    def _on_why_button_clicked(self) -> None:
        self.details.setVisible(not self.details.isVisible())

    @Slot()
    def _on_later_button_clicked(self) -> None:
        self._dismissed = self._dismissed | self._key()
        self.setVisible(False)

    @Slot()
    def _on_off_button_clicked(self) -> None:
        self.ctx.settings.set(ESCALATION_PROMPTS, False)
        self.setVisible(False)

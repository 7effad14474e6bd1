"""Quick logging from anywhere: "A trigger happened…" and "Warning-sign check…".

:class:`QuickLogBar` is two buttons that run the whole flow: load the choices in the background,
open the dialog, save in the background, then show the person's own plan ("Your plan for this")
with a Start button per strategy. Starting a strategy emits ``strategy_started``; when nothing
listens (no coping page wired up yet), the bar opens :class:`StrategyDialog` itself — the steps
and a "Log how it went" form that records a coping use linked to the trigger event.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QMetaMethod, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from recovery_journal import words
from recovery_journal.domain.clock import local_today
from recovery_journal.domain.coping import CopingStrategy
from recovery_journal.domain.scales import DISTRESS, HELPFULNESS
from recovery_journal.domain.support import SupportContact
from recovery_journal.domain.tracking import WarningStage
from recovery_journal.services.tracking import CheckedSigns, LogChoices, LoggedTrigger, SignCheck
from recovery_journal.ui.checkin import ScaleInput, muted
from recovery_journal.ui.context import UiContext
from recovery_journal.ui.help_now import HelpNowDialog, help_contacts
from recovery_journal.ui.plan_dialogs import PlanDialog, PlanSection, SignCheckDialog
from recovery_journal.ui.starter_dialog import StarterDialog, offer_starters
from recovery_journal.ui.trigger_dialogs import LogTriggerDialog, WarningSignDialog


@dataclass(frozen=True, slots=True)
class UseRatings:
    """How a strategy went, as the person rated it (every rating optional)."""

    distress_before: int | None
    distress_after: int | None
    helpfulness: int | None
    note: str


class StrategyDialog(QDialog):
    """A strategy's steps to follow, then optional ratings and "Log how it went"."""

    def __init__(self, strategy: CopingStrategy, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(strategy.name)
        self.setMinimumWidth(480)
        layout = QVBoxLayout(self)
        heading = QLabel(strategy.name)
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        heading.setFont(font)
        layout.addWidget(heading)
        steps = "\n".join(f"{n}. {s}" for n, s in enumerate(strategy.steps, start=1))
        self.steps_label = QLabel(steps or self.tr("Take it at your own pace."))
        self.steps_label.setWordWrap(True)
        self.steps_label.setTextFormat(Qt.TextFormat.PlainText)
        self.steps_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.steps_label.setAccessibleName(self.tr("Steps"))
        layout.addWidget(self.steps_label)
        layout.addSpacing(8)
        layout.addWidget(
            muted(
                QLabel(
                    self.tr(
                        "When you're ready, you can note how it went. Everything here is optional."
                    )
                )
            )
        )
        self.before = ScaleInput(DISTRESS, self.tr("Distress before"))
        self.after = ScaleInput(DISTRESS, self.tr("Distress after"))
        self.helped = ScaleInput(HELPFULNESS, self.tr("How much it helped"))
        for scale in (self.before, self.after, self.helped):
            layout.addWidget(scale)
        self.note_edit = QLineEdit()
        self.note_edit.setPlaceholderText(self.tr("A note (optional)"))
        self.note_edit.setAccessibleName(self.tr("Note"))
        layout.addWidget(self.note_edit)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.log_button = buttons.addButton(
            self.tr("Log how it went"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.log_button.setAccessibleName(self.tr("Log how it went"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def ratings(self) -> UseRatings:
        return UseRatings(
            self.before.value(), self.after.value(), self.helped.value(), self.note_edit.text()
        )


class QuickLogBar(QWidget):
    """Two buttons that log a trigger or today's warning signs, then show the person's plan."""

    trigger_logged = Signal(int)
    """The id of the trigger event just logged."""
    signs_checked = Signal(int)
    """How many warning-sign observations were just recorded."""
    strategy_started = Signal(int)
    """A strategy id the person chose to start from their plan (a coping page may guide them)."""
    toolbox_requested = Signal()
    """The person wants to make a plan in the Coping toolbox."""
    use_logged = Signal(int)
    """The id of a coping use recorded from the fallback strategy dialog."""
    safety_plan_requested = Signal()
    """The person asked for their safety plan page (from "I need help now")."""

    def __init__(
        self,
        ctx: UiContext,
        parent: QWidget | None = None,
        *,
        today: Callable[[], date] = local_today,
    ) -> None:
        super().__init__(parent)
        self.ctx, self._today = ctx, today
        self.log_dialog: LogTriggerDialog | None = None
        self.check_dialog: SignCheckDialog | None = None
        self.plan_dialog: PlanDialog | None = None
        self.strategy_dialog: StrategyDialog | None = None
        self.sign_dialog: WarningSignDialog | None = None
        self.starter_dialog: StarterDialog | None = None
        self.help_dialog: HelpNowDialog | None = None
        self._event_id: int | None = None  # the trigger event the shown plan belongs to
        self.trigger_button = QPushButton(self.tr("A trigger happened…"))
        self.trigger_button.setAccessibleName(self.tr("Log that a trigger happened"))
        self.trigger_button.clicked.connect(lambda: self.open_trigger_log())
        self.check_button = QPushButton(self.tr("Warning-sign check…"))
        self.check_button.setAccessibleName(self.tr("Check today's warning signs"))
        self.check_button.clicked.connect(self.open_sign_check)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.trigger_button)
        layout.addWidget(self.check_button)
        layout.addStretch(1)

    def _run(self, fn: Callable[[], Any], on_done: Callable[[Any], None]) -> None:
        self._set_busy(True)

        def done(result: Any) -> None:
            self._set_busy(False)
            on_done(result)

        def failed(exc: BaseException) -> None:
            self._set_busy(False)
            self.ctx.report(exc)

        self.ctx.tasks.run(fn, done, failed)

    def _set_busy(self, busy: bool) -> None:
        self.trigger_button.setEnabled(not busy)
        self.check_button.setEnabled(not busy)

    def _listened(self, signal: Any) -> bool:
        return bool(self.isSignalConnected(QMetaMethod.fromSignal(signal)))

    def _open(self, dialog: QDialog) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    # ------------------------------------------------------------ a trigger happened

    def open_trigger_log(self, preselect: int | None = None) -> None:
        """Load the triggers and today's entry, then ask what happened."""
        session, today = self.ctx.session, self._today()
        self._run(
            lambda: session.tracking.log_choices(today),
            lambda choices: self._show_log_dialog(choices, preselect),
        )

    def _show_log_dialog(self, choices: LogChoices, preselect: int | None) -> None:
        dialog = LogTriggerDialog(choices, preselect, self.window())
        dialog.accepted.connect(lambda: self._on_log_dialog_accepted(dialog))
        self.log_dialog = dialog
        self._open(dialog)

    def _on_log_dialog_accepted(self, dialog: LogTriggerDialog) -> None:
        asked, session = dialog.request(), self.ctx.session

        def job() -> LoggedTrigger:
            return session.tracking.log_trigger_and_plan(
                asked.trigger_id,
                asked.intensity,
                when=asked.when,
                context=asked.context,
                link_entry=asked.link_entry,
                new_trigger_name=asked.new_name,
                new_trigger_category=asked.new_category,
            )

        self._run(job, self._on_trigger_logged)

    def _on_trigger_logged(self, logged: LoggedTrigger) -> None:
        assert logged.event.id is not None
        self.trigger_logged.emit(logged.event.id)
        note = self.tr("Logged. Noticing it is a step in itself.")
        if logged.event.entry_id is not None:
            note = self.tr("Logged and linked to your journal entry.")
        section = PlanSection(
            self.tr("If “%s” happens, I will try:") % logged.trigger.name, logged.plan
        )
        self._show_plan(
            self.tr("Your plan for %s") % logged.trigger.name,
            [section],
            note,
            event_id=logged.event.id,
        )

    # ------------------------------------------------------------ warning-sign check

    def open_sign_check(self) -> None:
        session, today = self.ctx.session, self._today()
        self._run(lambda: session.tracking.sign_check(today), self._show_check_dialog)

    def _show_check_dialog(self, check: SignCheck) -> None:
        dialog = SignCheckDialog(check, self.window())
        dialog.accepted.connect(lambda: self._on_check_dialog_accepted(dialog))
        dialog.add_requested.connect(self._add_first_sign)
        dialog.starters_requested.connect(self._pick_common_signs)
        self.check_dialog = dialog
        self._open(dialog)

    @Slot()
    def _add_first_sign(self) -> None:
        """ "Add one now" from an empty check: the sign editor, then the check again."""
        dialog = WarningSignDialog(None, self.window())
        signs = self.ctx.session.tracking.warning_signs

        def save() -> None:
            sign = dialog.sign()  # read here: the dialog is gone by the time the job runs
            self._run(lambda: signs.add(sign), lambda _s: self.open_sign_check())

        dialog.accepted.connect(save)
        self.sign_dialog = dialog
        self._open(dialog)

    @Slot()
    def _pick_common_signs(self) -> None:
        def opened(dialog: StarterDialog) -> None:
            self.starter_dialog = dialog

        offer_starters(
            self.ctx, self.window(), "signs", lambda _added: self.open_sign_check(), opened
        )

    def _on_check_dialog_accepted(self, dialog: SignCheckDialog) -> None:
        ids, notes, session = dialog.chosen_ids(), dialog.notes(), self.ctx.session

        def job() -> tuple[CheckedSigns, list[SupportContact] | None]:
            checked = session.tracking.check_signs_today(ids, notes=notes)
            hard = {WarningStage.BREAKING_DOWN, WarningStage.CRISIS} & set(checked.plan)
            return checked, session.support.contacts.list() if hard else None

        if ids:
            self._run(job, lambda done: self._on_signs_checked(*done))

    def _on_signs_checked(
        self, checked: CheckedSigns, contacts: list[SupportContact] | None = None
    ) -> None:
        self.signs_checked.emit(len(checked.observations))
        sections = [
            PlanSection(
                words.label(stage),
                strategies,
                words.stage_explanation(stage),
            )
            for stage, strategies in checked.plan.items()
        ]
        count = len(checked.observations)
        noted = self.tr("Noted 1 sign.") if count == 1 else self.tr("Noted %d signs.") % count
        note = noted + " " + self.tr("Thank you for checking in with yourself.")
        people = None
        if contacts is not None:  # things breaking down or a crisis: their people, right here
            professional, ask = help_contacts(contacts)
            people = ask + professional
        self._show_plan(
            self.tr("Your plan for these signs"),
            sections,
            note,
            crisis=WarningStage.CRISIS in checked.plan,
            people=people,
        )

    # ------------------------------------------------------------ the plan, and starting

    def _show_plan(
        self,
        title: str,
        sections: list[PlanSection],
        note: str,
        *,
        event_id: int | None = None,
        crisis: bool = False,
        people: list[SupportContact] | None = None,
    ) -> None:
        self._event_id = event_id
        dialog = PlanDialog(
            title,
            sections,
            logged_note=note,
            crisis=crisis,
            offer_toolbox=self._listened(self.toolbox_requested),
            people=people,
            copy=self._copy,
            parent=self.window(),
        )
        dialog.help_requested.connect(self.open_help)
        dialog.strategy_chosen.connect(self._on_plan_dialog_strategy_chosen)
        dialog.toolbox_requested.connect(self.toolbox_requested)
        self.plan_dialog = dialog
        self._open(dialog)

    def _copy(self, text: str, _who: str) -> None:
        self.ctx.clipboard.copy(text)

    @Slot()
    def open_help(self) -> None:
        """The whole safety plan and the person's people ("I need help now")."""
        dialog = HelpNowDialog(self.ctx, self.window())
        dialog.safety_plan_requested.connect(self.safety_plan_requested)
        self.help_dialog = dialog
        self._open(dialog)

    @Slot(int)
    def _on_plan_dialog_strategy_chosen(self, strategy_id: int) -> None:
        if self._listened(self.strategy_started):
            self.strategy_started.emit(strategy_id)
            return
        strategies = self.ctx.session.coping.strategies
        self._run(lambda: strategies.get(strategy_id), self._show_strategy_dialog)

    def _show_strategy_dialog(self, strategy: CopingStrategy) -> None:
        dialog = StrategyDialog(strategy, self.window())
        event_id = self._event_id
        dialog.accepted.connect(lambda: self._log_use(strategy, dialog.ratings(), event_id))
        self.strategy_dialog = dialog
        self._open(dialog)

    def _log_use(self, strategy: CopingStrategy, r: UseRatings, event_id: int | None) -> None:
        assert strategy.id is not None
        coping, strategy_id = self.ctx.session.coping, strategy.id
        self._run(
            lambda: coping.log_use(
                strategy_id,
                distress_before=r.distress_before,
                distress_after=r.distress_after,
                helpfulness=r.helpfulness,
                trigger_event_id=event_id,
                note=r.note.strip(),
            ),
            lambda use: self.use_logged.emit(use.id),
        )

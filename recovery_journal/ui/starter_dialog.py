"""Pick from common triggers or warning signs (the starter lists), with a tick.

:class:`StarterDialog` lists the starters the person doesn't have yet, grouped (by category or
stage), all unticked: nothing is added unless ticked and confirmed. :func:`offer_starters` runs
the whole flow — load the choices in the background, ask, add the ticked ones in the background,
then tell the caller — so the Triggers & signs page and the warning-sign check share it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from recovery_journal import words
from recovery_journal.domain import tracking_rules as rules
from recovery_journal.domain.tracking import Trigger, WarningSign
from recovery_journal.services.starters import StarterChoices
from recovery_journal.ui.checkin import muted
from recovery_journal.ui.context import UiContext
from recovery_journal.ui.plan_dialogs import wrapped

VALUE_ROLE = Qt.ItemDataRole.UserRole
TRIGGERS_INTRO = (
    "Triggers many people in recovery name. Tick any that are true for you — you can edit or "
    "archive them later. Nothing is added unless you tick it."
)
SIGNS_INTRO = (
    "Signs many people notice before things get harder. Tick any that fit you — you can change "
    "their stage or archive them later. Nothing is added unless you tick it."
)
Starter = Trigger | WarningSign


class StarterDialog(QDialog):
    """Common triggers or warning signs to tick; "Add the ones I ticked" adds only those."""

    def __init__(
        self, title: str, intro: str, groups: dict[str, list[Starter]], parent: QWidget | None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(460, 520)
        self.list = QListWidget()
        self.list.setAccessibleName(title)
        for heading, starters in groups.items():
            if not starters:
                continue
            head = QListWidgetItem(heading)
            head.setFlags(Qt.ItemFlag.NoItemFlags)
            font = head.font()
            font.setBold(True)
            head.setFont(font)
            self.list.addItem(head)
            for starter in starters:
                item = QListWidgetItem(starter.name)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Unchecked)
                item.setData(VALUE_ROLE, starter)
                if starter.notes:
                    item.setToolTip(starter.notes)
                self.list.addItem(item)
        self.list.itemChanged.connect(self._update)
        self.list.itemActivated.connect(self._toggle)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.add_button = self.buttons.addButton(
            self.tr("Add the ones I ticked"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.add_button.setAccessibleName(self.tr("Add the ones I ticked"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(wrapped(intro))
        layout.addWidget(self.list, 1)
        if not self.offered():
            layout.addWidget(muted(wrapped(self.tr("You already have every one of these."))))
        layout.addWidget(self.buttons)
        self._update()

    def offered(self) -> list[QListWidgetItem]:
        items = (self.list.item(i) for i in range(self.list.count()))
        return [i for i in items if i is not None and i.data(VALUE_ROLE) is not None]

    def picked(self) -> list[Any]:
        """The ticked starters, in the list's order."""
        ticked = Qt.CheckState.Checked
        return [i.data(VALUE_ROLE) for i in self.offered() if i.checkState() == ticked]

    @Slot(QListWidgetItem)
    def _toggle(self, item: QListWidgetItem) -> None:
        if item.data(VALUE_ROLE) is not None:  # Enter / double-click ticks, like Space
            checked = item.checkState() == Qt.CheckState.Checked
            item.setCheckState(Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked)

    @Slot()
    def _update(self) -> None:
        count = len(self.picked())
        self.add_button.setEnabled(count > 0)
        self.add_button.setText(
            self.tr("Add the ones I ticked (%d)") % count if count else self.tr("Add")
        )


def starter_dialog(kind: str, choices: StarterChoices, parent: QWidget | None) -> StarterDialog:
    """The dialog for ``kind`` ("triggers" or "signs"), grouped by category or by stage."""
    groups: dict[str, list[Starter]] = {}
    if kind == "triggers":
        for category, label in words.TRIGGER_CATEGORIES.items():
            groups[words.tr(label)] = [t for t in choices.triggers if t.category is category]
        return StarterDialog(
            QCoreApplication.translate("starters", "Common triggers"),
            QCoreApplication.translate("starters", TRIGGERS_INTRO),
            groups,
            parent,
        )
    for stage in rules.STAGE_ORDER:
        groups[words.label(stage)] = [g for g in choices.signs if g.stage is stage]
    return StarterDialog(
        QCoreApplication.translate("starters", "Common early warning signs"),
        QCoreApplication.translate("starters", SIGNS_INTRO),
        groups,
        parent,
    )


def offer_starters(
    ctx: UiContext,
    parent: QWidget,
    kind: str,
    done: Callable[[list[Any]], None],
    opened: Callable[[StarterDialog], None] = lambda _dialog: None,
) -> None:
    """Offer the common ``kind`` ("triggers" or "signs") not yet in the journal; add the ticked
    ones; then ``done(added)``. ``opened`` gets the dialog (so a page or test can reach it)."""
    starters = ctx.session.tracking.starters

    def ask(choices: StarterChoices) -> None:
        dialog = starter_dialog(kind, choices, parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: save(dialog.picked()))
        opened(dialog)
        dialog.open()

    def save(picked: Sequence[Any]) -> None:
        chosen = list(picked)
        add = starters.add_triggers if kind == "triggers" else starters.add_signs
        ctx.tasks.run(lambda: add(chosen), done, ctx.report)

    ctx.tasks.run(starters.choices, ask, ctx.report)

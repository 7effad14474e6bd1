"""The coping-plan editor: "If <trigger or warning-sign stage>… I will try: 1. 2. 3."

On the left, every target a plan can have (the three warning-sign stages, then the person's
triggers) with how many steps each plan holds; on the right, the chosen target's plan as an
ordered list with Add, Remove, Move up and Move down (also Ctrl+Up / Ctrl+Down / Delete on the
list). The editor only edits what it shows and reports each change through :attr:`plan_edited`;
the page saves it (one transaction replacing that plan) and reloads if saving fails.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from recovery_journal import words
from recovery_journal.domain.coping import CopingStrategy
from recovery_journal.domain.tracking import Trigger
from recovery_journal.services.coping import PlanTarget
from recovery_journal.ui.checkin import muted
from recovery_journal.ui.coping_dialogs import toolbox_order

TARGET_ROLE = Qt.ItemDataRole.UserRole


class CopingPlanEditor(QWidget):
    """Edit the ordered plan of each trigger and warning-sign stage."""

    plan_edited = Signal(object, list)
    """(PlanTarget, strategy ids in order) after every change the person makes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._strategies: dict[int, CopingStrategy] = {}
        self._triggers: list[Trigger] = []
        self._plans: dict[PlanTarget, list[int]] = {}
        self.targets = QListWidget()
        self.targets.setAccessibleName(self.tr("Plans for warning signs and triggers"))
        self.targets.currentRowChanged.connect(self._on_targets_current_row_changed)
        self.sentence = QLabel()
        self.sentence.setWordWrap(True)
        self.sentence.setTextFormat(Qt.TextFormat.PlainText)
        font = self.sentence.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.sentence.setFont(font)
        self.empty_hint = muted(QLabel(self.tr("Nothing here yet — choose a strategy below.")))
        self.steps_list = QListWidget()
        self.steps_list.setAccessibleName(self.tr("I will try, in this order"))
        self.steps_list.currentRowChanged.connect(self._update_buttons)
        self.add_combo = QComboBox()
        self.add_combo.setAccessibleName(self.tr("Strategy to add"))
        self.add_button = self._button(self.tr("&Add to plan"), self._on_add_button_clicked)
        self.remove_button = self._button(self.tr("&Remove"), self._on_remove_button_clicked)
        self.up_button = self._button(self.tr("Move &up"), lambda: self._move(-1))
        self.down_button = self._button(self.tr("Move &down"), lambda: self._move(1))
        for keys, slot in (
            ("Ctrl+Up", lambda: self._move(-1)),
            ("Ctrl+Down", lambda: self._move(1)),
            ("Delete", self._on_remove_button_clicked),
        ):
            shortcut = QShortcut(QKeySequence(keys), self.steps_list)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(slot)
        self._build()
        self._update_buttons()

    def _button(self, text: str, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(text.replace("&", ""))
        button.clicked.connect(slot)
        return button

    def _build(self) -> None:
        self.setContentsMargins(12, 12, 12, 12)
        left = QWidget()
        left_column = QVBoxLayout(left)
        left_column.setContentsMargins(0, 0, 0, 0)
        caption = QLabel(self.tr("&Plan for"))
        caption.setBuddy(self.targets)
        left_column.addWidget(caption)
        left_column.addWidget(self.targets, 1)
        right = QWidget()
        column = QVBoxLayout(right)
        column.setContentsMargins(12, 0, 0, 0)
        column.addWidget(self.sentence)
        column.addWidget(muted(QLabel(self.tr("I will try:"))))
        column.addWidget(self.steps_list, 1)
        column.addWidget(self.empty_hint)
        order = QHBoxLayout()
        order.addWidget(self.up_button)
        order.addWidget(self.down_button)
        order.addWidget(self.remove_button)
        order.addStretch(1)
        column.addLayout(order)
        adding = QHBoxLayout()
        adding.addWidget(self.add_combo, 1)
        adding.addWidget(self.add_button)
        column.addLayout(adding)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([300, 600])
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

    # ------------------------------------------------------------ data

    def set_data(
        self,
        strategies: Sequence[CopingStrategy],
        triggers: Sequence[Trigger],
        plans: dict[PlanTarget, list[int]],
    ) -> None:
        """Show these (keeps the chosen target when it still exists)."""
        current = self.current_target()
        self._strategies = {s.id: s for s in strategies if s.id is not None}
        self._triggers = list(triggers)
        self._plans = {target: list(ids) for target, ids in plans.items()}
        self.targets.blockSignals(True)
        self.targets.clear()
        for stage in words.STAGE_TARGETS:
            self._add_target(PlanTarget(stage=stage), words.stage_target(stage)[0])
        for trigger in self._triggers:
            self._add_target(PlanTarget(trigger_id=trigger.id), trigger.name)
        self.targets.blockSignals(False)
        row = self._row_of(current) if current is not None else 0
        self.targets.setCurrentRow(max(row, 0))
        self._show_plan()

    def _add_target(self, target: PlanTarget, title: str) -> None:
        item = QListWidgetItem()
        item.setData(TARGET_ROLE, target)
        item.setData(Qt.ItemDataRole.UserRole + 1, title)
        self.targets.addItem(item)
        self._label_target(item)

    def _label_target(self, item: QListWidgetItem) -> None:
        target = item.data(TARGET_ROLE)
        count = len(self._plans.get(target, []))
        title = str(item.data(Qt.ItemDataRole.UserRole + 1))
        if target.stage is not None:
            title = "⚑ " + title
        if count == 0:
            steps = self.tr("no plan yet")
        elif count == 1:
            steps = self.tr("1 step")
        else:
            steps = self.tr("%s steps") % count
        item.setText(f"{title}  ·  {steps}")

    def _row_of(self, target: PlanTarget) -> int:
        for row in range(self.targets.count()):
            item = self.targets.item(row)
            if item is not None and item.data(TARGET_ROLE) == target:
                return row
        return -1

    def current_target(self) -> PlanTarget | None:
        item = self.targets.currentItem()
        target = item.data(TARGET_ROLE) if item is not None else None
        return target if isinstance(target, PlanTarget) else None

    def plan(self, target: PlanTarget | None = None) -> list[int]:
        """The strategy ids of ``target``'s plan (default: the chosen target)."""
        target = target or self.current_target()
        return list(self._plans.get(target, [])) if target is not None else []

    def sentence_for(self, target: PlanTarget) -> str:
        if target.stage is not None:
            return words.stage_target(target.stage)[1]
        names = {t.id: t.name for t in self._triggers}
        return self.tr("If “%s” comes up…") % names.get(target.trigger_id, "?")

    # ------------------------------------------------------------ showing

    @Slot(int)
    def _on_targets_current_row_changed(self, _row: int) -> None:
        self._show_plan()

    def _show_plan(self, keep_row: int = 0) -> None:
        target = self.current_target()
        self.sentence.setText(self.sentence_for(target) if target else "")
        self.steps_list.clear()
        plan = self.plan()
        for position, strategy_id in enumerate(plan, start=1):
            strategy = self._strategies.get(strategy_id)
            name = strategy.name if strategy else self.tr("(a strategy no longer here)")
            if strategy is not None and strategy.archived_utc is not None:
                name += self.tr(" (archived)")
            self.steps_list.addItem(f"{position}. {name}")
        if plan:
            self.steps_list.setCurrentRow(min(max(keep_row, 0), len(plan) - 1))
        self.empty_hint.setVisible(not plan)
        self.add_combo.clear()
        available = [s for s in self._strategies.values() if s.archived_utc is None]
        for strategy in toolbox_order(available):
            if strategy.id not in plan:
                star = "★ " if strategy.favourite else ""
                self.add_combo.addItem(star + strategy.name, strategy.id)
        self._update_buttons()

    @Slot()
    def _update_buttons(self) -> None:
        row, count = self.steps_list.currentRow(), self.steps_list.count()
        has_target = self.current_target() is not None
        self.add_button.setEnabled(has_target and self.add_combo.count() > 0)
        self.remove_button.setEnabled(0 <= row < count)
        self.up_button.setEnabled(0 < row < count)
        self.down_button.setEnabled(0 <= row < count - 1)

    # ------------------------------------------------------------ editing

    def _edit(self, new_plan: list[int], keep_row: int) -> None:
        target = self.current_target()
        if target is None:
            return
        self._plans[target] = new_plan
        item = self.targets.currentItem()
        if item is not None:
            self._label_target(item)
        self._show_plan(keep_row)
        self.steps_list.setFocus()
        self.plan_edited.emit(target, list(new_plan))

    @Slot()
    def _on_add_button_clicked(self) -> None:
        strategy_id = self.add_combo.currentData()
        if not isinstance(strategy_id, int) or self.current_target() is None:
            return
        plan = [*self.plan(), strategy_id]
        self._edit(plan, len(plan) - 1)

    @Slot()
    def _on_remove_button_clicked(self) -> None:
        row, plan = self.steps_list.currentRow(), self.plan()
        if 0 <= row < len(plan):
            del plan[row]
            self._edit(plan, row)

    def _move(self, by: int) -> None:
        row, plan = self.steps_list.currentRow(), self.plan()
        to = row + by
        if 0 <= row < len(plan) and 0 <= to < len(plan):
            plan[row], plan[to] = plan[to], plan[row]
            self._edit(plan, to)

"""The coping toolbox page: my strategies, my plans, and what has worked for me.

Three tabs. *My toolbox* lists the strategies (favourites first, filterable by category, archived
ones on request) with their steps and the actions on the selected one: favourite, edit, archive,
log a use, start its guided mode. *My plans* is the :class:`CopingPlanEditor`. *What works for me*
ranks strategies by average distress drop — only those with at least three rated uses; the others
are listed apart, plainly. "Log a coping use" and both guided exercises are always one click away
in the header. Every storage call runs in the background; the page reloads after each change.

Over 400 lines: three tabs of one page and their actions (the dialogs and the plan editor have their
own modules).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from recovery_journal import words
from recovery_journal.domain.coping import CopingCategory, CopingStrategy
from recovery_journal.services.coping import PlanTarget, RecentTriggerEvent, Toolbox
from recovery_journal.services.library import guided_kind_for
from recovery_journal.ui.checkin import muted
from recovery_journal.ui.context import UiContext
from recovery_journal.ui.coping_dialogs import (
    LogUseDialog,
    StrategyDialog,
    numbered_steps,
    toolbox_order,
)
from recovery_journal.ui.coping_plan_editor import CopingPlanEditor
from recovery_journal.ui.flow_layout import FlowLayout
from recovery_journal.ui.guided import BreathingSession, GroundingSession, GuidedSession
from recovery_journal.ui.pages.base import Page
from recovery_journal.ui.what_works_view import WhatWorksView, describe_drop

ID_ROLE = Qt.ItemDataRole.UserRole


def _button(text: str, slot: Callable[[], None], tip: str = "") -> QPushButton:
    button = QPushButton(text)
    button.setAccessibleName(text.replace("&", ""))
    if tip:
        button.setToolTip(tip)
    button.clicked.connect(slot)
    return button


class CopingPage(Page):
    """Strategies, plans and 'what works for me'."""

    nav_title = "Coping toolbox"
    use_logged = Signal(int)
    toolbox_loaded = Signal()

    def __init__(
        self, ctx: UiContext, parent: QWidget | None = None, *, guided_tick_ms: int = 1000
    ) -> None:
        super().__init__(ctx, parent)
        self.guided_tick_ms = guided_tick_ms
        self.box = Toolbox([], [])
        self.dialog: QDialog | None = None  # the dialog open now (tests reach it here)
        self._select_after_load: int | None = None
        # The strategy selected in the toolbox is the one the person most likely used.
        self.log_button = _button(self.tr("&Log a coping use"), self._on_use_button_clicked)
        self.breathe_button = _button(
            self.tr("&Breathing pacer"), lambda: self.start_guided("breathing")
        )
        self.ground_button = _button(
            self.tr("5-4-3-2-1 &grounding"), lambda: self.start_guided("grounding")
        )
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Coping toolbox sections"))
        self.tabs.addTab(self._toolbox_tab(), self.tr("My toolbox"))
        self.plan_editor = CopingPlanEditor()
        self.plan_editor.plan_edited.connect(self._on_plan_editor_plan_edited)
        self.tabs.addTab(self.plan_editor, self.tr("My plans"))
        self.what_works = WhatWorksView()
        self.tabs.addTab(self.what_works, self.tr("What works for me"))
        self._arrange()
        # Data loads when the page is first shown (activated), not at unlock.

    # ------------------------------------------------------------ building

    def _arrange(self) -> None:
        heading = QLabel(self.tr("Coping toolbox"))
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.7)
        font.setWeight(font.Weight.DemiBold)
        heading.setFont(font)
        header = QHBoxLayout()
        titles = QVBoxLayout()
        titles.addWidget(heading)
        self.subtitle = muted(
            QLabel(self.tr("What helps you, your plans, and what you've noticed works."))
        )
        self.subtitle.setWordWrap(True)  # wraps between words when narrow, never cut mid-word
        titles.addWidget(self.subtitle)
        header.addLayout(titles, 1)
        # The buttons wrap under each other when narrow (900×600 at 150 % text).
        actions = FlowLayout(align_right=True)
        actions.add(self.breathe_button, self.ground_button, self.log_button)
        header.addLayout(actions, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 20, 20, 16)
        layout.setSpacing(14)
        layout.addLayout(header)
        layout.addWidget(self.tabs, 1)

    def _toolbox_tab(self) -> QWidget:
        self.category_filter = QComboBox()
        self.category_filter.setAccessibleName(self.tr("Show category"))
        self.category_filter.addItem(self.tr("All categories"), None)
        for category in CopingCategory:
            self.category_filter.addItem(words.label(category), category)
        self.category_filter.currentIndexChanged.connect(self._show_strategies)
        self.archived_check = QCheckBox(self.tr("Show a&rchived"))
        self.archived_check.setAccessibleName(self.tr("Show archived strategies"))
        self.archived_check.toggled.connect(self._show_strategies)
        self.strategy_list = QListWidget()
        self.strategy_list.setAccessibleName(self.tr("Coping strategies, favourites first"))
        self.strategy_list.setSpacing(2)
        self.strategy_list.currentItemChanged.connect(self._show_details)
        self.strategy_list.itemActivated.connect(lambda _item: self.edit_strategy())
        self.new_button = _button(self.tr("&New strategy…"), self.new_strategy)
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(12, 12, 0, 12)
        filters = FlowLayout()
        filters.add(self.category_filter, self.archived_check)
        column.addLayout(filters)
        column.addWidget(self.strategy_list, 1)
        column.addWidget(self.new_button, 0, Qt.AlignmentFlag.AlignLeft)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self._details_panel())
        splitter.setSizes([380, 560])
        splitter.setChildrenCollapsible(False)
        return splitter

    def _details_panel(self) -> QWidget:
        self.detail_name = QLabel()
        self.detail_name.setWordWrap(True)
        font = self.detail_name.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.detail_name.setFont(font)
        self.detail_meta = muted(QLabel())
        self.detail_meta.setWordWrap(True)
        self.detail_evidence = muted(QLabel())
        self.detail_evidence.setWordWrap(True)
        self.detail_steps = QLabel()
        self.detail_steps.setWordWrap(True)
        self.detail_steps.setTextFormat(Qt.TextFormat.PlainText)
        self.detail_steps.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.detail_steps.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.star_button = _button(self.tr("☆ &Favourite"), self.toggle_favourite)
        self.star_button.setCheckable(True)
        self.edit_button = _button(self.tr("&Edit…"), self.edit_strategy)
        self.archive_button = _button(self.tr("&Archive"), self.toggle_archived)
        self.use_button = _button(self.tr("Log a &use…"), self._on_use_button_clicked)
        self.guided_button = _button(self.tr("Start &guided"), self._on_guided_button_clicked)
        panel = QWidget()
        column = QVBoxLayout(panel)
        column.setContentsMargins(16, 12, 12, 12)
        column.addWidget(self.detail_name)
        column.addWidget(self.detail_meta)
        column.addWidget(self.detail_evidence)
        column.addSpacing(6)
        column.addWidget(self.detail_steps, 1)
        row = FlowLayout()
        row.add(
            self.guided_button,
            self.use_button,
            self.star_button,
            self.edit_button,
            self.archive_button,
        )
        column.addLayout(row)
        return panel

    # ------------------------------------------------------------ loading

    def activated(self) -> None:
        self.reload()

    def reload(self) -> None:
        session = self.ctx.session
        self._run(lambda: session.coping.toolbox(), self._on_toolbox_loaded)

    def _run(self, fn: Callable[[], Any], on_done: Callable[[Any], None] | None = None) -> None:
        self.ctx.tasks.run(fn, on_done, self._on_task_failed)

    def _on_task_failed(self, error: BaseException) -> None:
        self.ctx.report(error)
        self.reload()

    def _on_toolbox_loaded(self, box: Toolbox) -> None:
        self.box = box
        self._show_strategies()
        self.plan_editor.set_data(box.strategies, box.triggers, box.plans)
        self.what_works.show_result(box.what_works)
        self.toolbox_loaded.emit()

    # ------------------------------------------------------------ the library

    def strategies_shown(self) -> list[CopingStrategy]:
        category = self.category_filter.currentData()
        shown = [
            s
            for s in self.box.strategies
            if (category is None or s.category is category)
            and (self.archived_check.isChecked() or s.archived_utc is None)
        ]
        return toolbox_order(shown)

    @Slot()
    def _show_strategies(self) -> None:
        keep = self._select_after_load or self._current_id()
        self._select_after_load = None
        self.strategy_list.clear()
        for strategy in self.strategies_shown():
            star = "★ " if strategy.favourite else ""
            archived = self.tr(" · archived") if strategy.archived_utc else ""
            item = QListWidgetItem(
                f"{star}{strategy.name}\n{words.label(strategy.category)}{archived}"
            )
            item.setData(ID_ROLE, strategy.id)
            self.strategy_list.addItem(item)
            if strategy.id == keep:
                self.strategy_list.setCurrentItem(item)
        if self.strategy_list.currentItem() is None and self.strategy_list.count():
            self.strategy_list.setCurrentRow(0)
        self._show_details()

    def _current_id(self) -> int | None:
        item = self.strategy_list.currentItem()
        ident = item.data(ID_ROLE) if item is not None else None
        return ident if isinstance(ident, int) else None

    def current_strategy(self) -> CopingStrategy | None:
        ident = self._current_id()
        return next((s for s in self.box.strategies if s.id == ident), None)

    @Slot()
    def _show_details(self) -> None:
        strategy = self.current_strategy()
        for button in (self.star_button, self.edit_button, self.archive_button, self.use_button):
            button.setEnabled(strategy is not None)
        if strategy is None:
            self.detail_name.setText(self.tr("No strategies to show"))
            self.detail_meta.setText(self.tr("Choose “New strategy” to add one."))
            self.detail_steps.clear()
            self.detail_evidence.clear()
            self.guided_button.setVisible(False)
            return
        meta = [words.label(strategy.category)]
        if strategy.favourite:
            meta.append(self.tr("★ favourite"))
        if strategy.archived_utc is not None:
            meta.append(self.tr("archived"))
        self.detail_name.setText(strategy.name)
        self.detail_meta.setText(" · ".join(meta))
        self.detail_steps.setText(numbered_steps(strategy))
        self.detail_evidence.setText(self._evidence_text(strategy))
        self.star_button.setChecked(strategy.favourite)
        self.star_button.setText(
            self.tr("★ &Favourite") if strategy.favourite else self.tr("☆ &Favourite")
        )
        self.star_button.setAccessibleDescription(
            self.tr("Is a favourite") if strategy.favourite else self.tr("Not a favourite")
        )
        archived = strategy.archived_utc is not None
        self.archive_button.setText(self.tr("&Restore") if archived else self.tr("&Archive"))
        self.use_button.setEnabled(not archived)
        self.guided_button.setVisible(guided_kind_for(strategy.name) is not None and not archived)

    def _evidence_text(self, strategy: CopingStrategy) -> str:
        result = self.box.what_works
        evidence = next(
            (e for e in (*result.ranked, *result.not_enough) if e.strategy_id == strategy.id), None
        )
        if evidence is None:
            return self.tr("Not logged yet.")
        uses = evidence.total_uses
        text = (
            self.tr("Logged once")
            if uses == 1
            else self.tr("Logged %1 times").replace("%1", str(uses))
        )
        if evidence.n:
            drop = self.tr(describe_drop(evidence.average_drop))
            rated = (
                self.tr("; distress after using it: %1 (rated once)")
                if evidence.n == 1
                else self.tr("; distress after using it: %1 (over %2 rated uses)")
            )
            text += rated.replace("%1", drop).replace("%2", str(evidence.n))
        return text + "."

    def _save(self, strategy: CopingStrategy) -> None:
        session = self.ctx.session
        self._run(lambda: session.coping.save_strategy(strategy), self._on_strategy_saved)

    def _on_strategy_saved(self, strategy: CopingStrategy) -> None:
        self._select_after_load = strategy.id
        self.reload()

    @Slot()
    def new_strategy(self) -> None:
        self._open_strategy_dialog(StrategyDialog(parent=self))

    @Slot()
    def edit_strategy(self) -> None:
        strategy = self.current_strategy()
        if strategy is not None:
            self._open_strategy_dialog(StrategyDialog(strategy, self))

    def _open_strategy_dialog(self, dialog: StrategyDialog) -> None:
        dialog.accepted.connect(lambda: self._save(dialog.strategy()))
        self._open(dialog)

    @Slot()
    def toggle_favourite(self) -> None:
        strategy = self.current_strategy()
        if strategy is not None:
            self._save(dataclasses.replace(strategy, favourite=not strategy.favourite))

    @Slot()
    def toggle_archived(self) -> None:
        strategy = self.current_strategy()
        if strategy is None or strategy.id is None:
            return
        strategies, ident = self.ctx.session.coping.strategies, strategy.id
        if strategy.archived_utc is None:
            self._run(lambda: strategies.archive(ident), self._on_strategy_saved)
        else:
            self._run(lambda: strategies.unarchive(ident), self._on_strategy_saved)

    # ------------------------------------------------------------ plans

    @Slot(object, list)
    def _on_plan_editor_plan_edited(self, target: PlanTarget, strategy_ids: list[int]) -> None:
        session = self.ctx.session
        self._run(lambda: session.coping.set_plan(target, strategy_ids))

    # ------------------------------------------------------------ logging and guided

    def _open(self, dialog: QDialog) -> None:
        self.dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _result: self._forget(dialog))
        dialog.open()

    def _forget(self, dialog: QDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None

    @Slot()
    def _on_use_button_clicked(self) -> None:
        strategy = self.current_strategy()
        self.log_use(strategy.id if strategy else None)

    def log_use(self, strategy_id: int | None = None, trigger_event_id: int | None = None) -> None:
        """Open "Log a coping use" (with the trigger events of the last seven days to link)."""
        session = self.ctx.session

        def open_dialog(recent: list[RecentTriggerEvent]) -> None:
            dialog = LogUseDialog(
                self.box.strategies,
                recent,
                strategy_id=strategy_id,
                trigger_event_id=trigger_event_id,
                parent=self,
            )
            dialog.accepted.connect(lambda: self._save_use(dialog))
            self._open(dialog)

        self._run(lambda: session.coping.recent_trigger_events(), open_dialog)

    def _save_use(self, dialog: LogUseDialog) -> None:
        v = dialog.values()
        coping = self.ctx.session.coping
        self._run(
            lambda: coping.log_use(
                v.strategy_id,
                when=v.when,
                distress_before=v.distress_before,
                distress_after=v.distress_after,
                helpfulness=v.helpfulness,
                trigger_event_id=v.trigger_event_id,
                note=v.note,
            ),
            lambda use: self._on_use_logged(use.id),
        )

    def _on_use_logged(self, use_id: int) -> None:
        self.use_logged.emit(use_id)
        self.reload()

    @Slot()
    def _on_guided_button_clicked(self) -> None:
        strategy = self.current_strategy()
        kind = guided_kind_for(strategy.name) if strategy else None
        if strategy is not None and strategy.id is not None and kind is not None:
            self._open_guided(kind, strategy.id)

    def start_strategy(self, strategy_id: int, trigger_event_id: int | None = None) -> None:
        """ "Start" from a plan: the guided exercise when the strategy has one, else logging it."""
        strategies = self.ctx.session.coping.strategies

        def begin(strategy: CopingStrategy) -> None:
            kind = guided_kind_for(strategy.name)
            if kind is not None:
                self._open_guided(kind, strategy_id)
            else:
                self.log_use(strategy_id, trigger_event_id)

        self._run(lambda: strategies.get(strategy_id), begin)

    def start_guided(self, kind: str) -> None:
        """Start the breathing pacer or the grounding walkthrough, logged against the person's
        own strategy of that name."""
        session = self.ctx.session
        self._run(
            lambda: session.coping.strategy_for_guided(kind),
            lambda strategy: self._open_guided(kind, strategy.id),
        )

    def _open_guided(self, kind: str, strategy_id: int) -> None:
        dialog: GuidedSession
        if kind == "breathing":
            dialog = BreathingSession(
                self.ctx, strategy_id, tick_ms=self.guided_tick_ms, parent=self
            )
        else:
            dialog = GroundingSession(self.ctx, strategy_id, parent=self)
        dialog.finished_use.connect(self._on_use_logged)
        self._open(dialog)

"""Triggers & signs: the person's own library of triggers and early warning signs, and what
happened recently.

Two lists side by side — "My triggers" (how often in the last 30 days, and when last) and "My early
warning signs" grouped by stage — each with Add, Edit and Archive (Enter edits, Delete archives
after a gentle confirmation that history is kept; "Show archived" lets archived items be restored).
Below, the trigger events and sign observations of the last 30 days. The quick-log bar on top logs
a trigger or today's signs and shows the person's plan for it.

While a list is empty it suggests the starter lists ("Common ones…": HALT, payday…; sleeping
badly, isolating…), picked with a tick (:mod:`~recovery_journal.ui.starter_dialog`). "History…"
opens every trigger event ever logged (:mod:`~recovery_journal.ui.trigger_history`).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QLocale, QMetaMethod, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from recovery_journal import words
from recovery_journal.domain import tracking_rules as rules
from recovery_journal.domain.clock import local_today
from recovery_journal.domain.scales import INTENSITY
from recovery_journal.domain.tracking import Trigger, WarningSign
from recovery_journal.services.tracking import TrackingOverview
from recovery_journal.ui.checkin import muted
from recovery_journal.ui.context import UiContext
from recovery_journal.ui.flow_layout import FlowLayout, ReflowSplitter
from recovery_journal.ui.library_tree import ID_ROLE, LibraryPanel, LibraryTree
from recovery_journal.ui.pages.base import Page
from recovery_journal.ui.qt_dates import to_local_qdatetime, to_qdate
from recovery_journal.ui.quick_log import QuickLogBar
from recovery_journal.ui.starter_dialog import StarterDialog, offer_starters
from recovery_journal.ui.trigger_dialogs import TriggerDialog, WarningSignDialog
from recovery_journal.ui.trigger_history import TriggerHistoryDialog

INTRO = (
    "Your own words for what can set things off, and for the signs that things are getting "
    "harder. Logging one shows your plan for it; archived items keep their history."
)
Item = Trigger | WarningSign


class TriggersPage(Page):
    """The triggers and warning-signs library, with quick logging and the recent log."""

    nav_title = "Triggers & signs"
    strategy_started = Signal(int)
    """A strategy id chosen from "Your plan"; when connected, the page leaves starting it to you."""
    toolbox_requested = Signal()
    """The person wants to make a plan in the Coping toolbox."""

    def __init__(
        self,
        ctx: UiContext,
        parent: QWidget | None = None,
        *,
        today: Callable[[], date] = local_today,
    ) -> None:
        super().__init__(ctx, parent)
        self._today = today
        self._overview: TrackingOverview | None = None
        self._forwarding: set[str] = set()
        self.dialog: TriggerDialog | WarningSignDialog | None = None
        self.quick_log = QuickLogBar(ctx, self, today=today)
        self.quick_log.trigger_logged.connect(self.refresh)
        self.quick_log.signs_checked.connect(self.refresh)
        self.show_archived = QCheckBox(self.tr("Show archived"))
        self.show_archived.setAccessibleName(self.tr("Show archived triggers and signs"))
        self.show_archived.toggled.connect(self._fill)
        cols = [self.tr("Name"), self.tr("Category"), self.tr("30 days"), self.tr("Last")]
        self.triggers = LibraryTree(cols, self.tr("My triggers"))
        header = self.triggers.header()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(1, 140)  # long category names elide; the name matters more
        self.trigger_panel = LibraryPanel(self.tr("My triggers"), self.triggers, self.tr("trigger"))
        self.history_button = QPushButton(self.tr("History…"))
        self.history_button.setAccessibleName(self.tr("Every trigger event ever logged"))
        self.history_button.setToolTip(
            self.tr("Browse, edit or delete everything you logged (for the selected trigger)")
        )
        self.history_button.clicked.connect(self.open_history)
        self.trigger_panel.buttons.addWidget(self.history_button)
        self.history: TriggerHistoryDialog | None = None
        self.starters: StarterDialog | None = None
        cols = [self.tr("Name"), self.tr("30 days"), self.tr("Last")]
        self.signs = LibraryTree(cols, self.tr("My early warning signs, by stage"))
        self.signs.setRootIsDecorated(True)
        self.signs.setItemsExpandable(False)
        self.sign_panel = LibraryPanel(
            self.tr("My early warning signs"), self.signs, self.tr("warning sign")
        )
        cols = [self.tr("When"), self.tr("What"), self.tr("Intensity"), self.tr("Notes")]
        self.recent = LibraryTree(cols, self.tr("Logged in the last 30 days"))
        self.recent.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.recent.header().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        for tree, column in ((self.triggers, 2), (self.signs, 1)):
            head = tree.headerItem()
            head.setToolTip(column, self.tr("How many times you logged it in the last 30 days"))
            head.setToolTip(column + 1, self.tr("When you last logged it"))
        self._connect()
        self._build()
        self._update_buttons()

    def _connect(self) -> None:
        for panel, kind in ((self.trigger_panel, "triggers"), (self.sign_panel, "signs")):
            panel.starters_button.clicked.connect(lambda _=False, k=kind: self.offer_starters(k))
        self.trigger_panel.add_button.clicked.connect(
            lambda: self._open_editor(self.triggers, None)
        )
        self.sign_panel.add_button.clicked.connect(lambda: self._open_editor(self.signs, None))
        for tree in (self.triggers, self.signs):
            tree.edit_requested.connect(lambda t=tree: self._edit(t, t.selected_id()))
            tree.archive_requested.connect(lambda t=tree: self._archive(t))
            tree.itemSelectionChanged.connect(self._update_buttons)

    def _build(self) -> None:
        heading = QLabel(self.tr("<h2>Triggers &amp; early warning signs</h2>"))
        intro = muted(QLabel(self.tr(INTRO)))
        intro.setWordWrap(True)
        top = FlowLayout()  # wraps when narrow (900×600 at 150 % text)
        top.add(self.quick_log, self.show_archived)
        lists = ReflowSplitter()  # one above the other when narrow
        lists.addWidget(self.trigger_panel)
        lists.addWidget(self.sign_panel)
        lists.setChildrenCollapsible(False)
        lists.setStretchFactor(0, 6)
        lists.setStretchFactor(1, 5)
        recent = QGroupBox(self.tr("Recent — the last 30 days"))
        QVBoxLayout(recent).addWidget(self.recent)
        body = QSplitter(Qt.Orientation.Vertical)
        body.addWidget(lists)
        body.addWidget(recent)
        body.setStretchFactor(0, 3)
        body.setStretchFactor(1, 2)
        body.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 16, 28, 16)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addSpacing(6)
        layout.addLayout(top)
        layout.addWidget(body, 1)

    # ------------------------------------------------------------ signals on to listeners

    def connectNotify(self, signal: QMetaMethod) -> None:
        # Forward the bar's signal only once someone listens to the page: the bar opens its own
        # simple strategy dialog (or hides "Open the Coping toolbox") while nobody does.
        for name, mine, theirs in (
            ("start", self.strategy_started, self.quick_log.strategy_started),
            ("toolbox", self.toolbox_requested, self.quick_log.toolbox_requested),
        ):
            if signal == QMetaMethod.fromSignal(mine) and name not in self._forwarding:
                self._forwarding.add(name)
                theirs.connect(mine)
        super().connectNotify(signal)

    # ------------------------------------------------------------ loading

    def activated(self) -> None:
        self.refresh()

    @Slot()
    def refresh(self) -> None:
        session, today = self.ctx.session, self._today()
        self._run(lambda: session.tracking.overview(today), self._on_overview_loaded)

    def _run(self, fn: Callable[[], Any], on_done: Callable[[Any], None]) -> None:
        self.ctx.tasks.run(fn, on_done, self.ctx.report)

    def _on_overview_loaded(self, overview: TrackingOverview) -> None:
        self._overview = overview
        self._fill()

    @Slot()
    def _fill(self) -> None:
        seen = self._overview
        if seen is None:
            return
        keep = self.triggers.selected_id(), self.signs.selected_id()
        archived = self.show_archived.isChecked()
        self.triggers.clear()
        for t in seen.triggers:
            if archived or t.archived_utc is None:
                category = words.label(t.category)
                self.triggers.addTopLevelItem(
                    self._row(t, [category], seen.trigger_counts, seen.trigger_last_seen)
                )
        self.signs.clear()
        for stage, signs in rules.group_by_stage(seen.signs).items():
            shown = [s for s in signs if archived or s.archived_utc is None]
            group = QTreeWidgetItem([words.label(stage)])
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            group.setToolTip(0, words.stage_explanation(stage))
            font = group.font(0)
            font.setBold(True)
            group.setFont(0, font)
            self.signs.addTopLevelItem(group)
            group.addChildren(
                [self._row(s, [], seen.sign_counts, seen.sign_last_seen) for s in shown]
            )
            if not shown:
                group.addChild(QTreeWidgetItem([self.tr("(none yet)")]))
        self.signs.expandAll()
        self.trigger_panel.show_empty_hint(
            ""
            if any(t.archived_utc is None for t in seen.triggers)
            else self.tr(
                "No triggers yet. Add your own, or start from common ones (hungry, angry, "
                "lonely, tired, payday, being alone…) with “Common ones…”."
            )
        )
        self.sign_panel.show_empty_hint(
            ""
            if any(g.archived_utc is None for g in seen.signs)
            else self.tr(
                "No warning signs yet. Add your own, or start from common ones (sleeping "
                "badly, isolating, skipping meetings…) with “Common ones…”."
            )
        )
        self._fill_recent(seen)
        self.triggers.select_id(keep[0])
        self.signs.select_id(keep[1])
        self._update_buttons()

    def _row(
        self, item: Item, middle: list[str], counts: dict[int, int], last: dict[int, date]
    ) -> QTreeWidgetItem:
        assert item.id is not None and self._overview is not None
        name = item.name
        if item.archived_utc is not None:
            name = self.tr("%s (archived)") % name
        count = counts.get(item.id, 0)
        day = last.get(item.id)
        when = QLocale().toString(to_qdate(day), "d MMM yyyy") if day else self.tr("not yet")
        row = QTreeWidgetItem([name, *middle, str(count) if count else "—", when])
        row.setData(0, ID_ROLE, item.id)
        row.setToolTip(0, f"{item.name}\n{item.notes}".strip())
        last_column = len(middle) + 2  # a date, whose tooltip says how long ago
        for column in range(1, last_column):  # an elided cell shows itself whole
            row.setToolTip(column, row.text(column))
        row.setToolTip(last_column, self._ago(day, self._overview.today))
        if item.archived_utc is not None:
            font = row.font(0)
            font.setItalic(True)
            row.setFont(0, font)
        return row

    def _ago(self, day: date | None, today: date) -> str:
        """How long ago, for the tooltip of the "Last" column (which always shows a date)."""
        days = rules.days_since(day, today)
        if day is None or days is None:
            return self.tr("Not logged yet")
        if days == 0:
            return self.tr("Today")
        if days == 1:
            return self.tr("Yesterday")
        return self.tr("%d days ago") % days

    def _fill_recent(self, seen: TrackingOverview) -> None:
        self.recent.clear()
        for item in seen.recent:
            when = QLocale().toString(to_local_qdatetime(item.when_utc), "ddd d MMM, HH:mm")
            if item.kind is rules.RecentKind.TRIGGER:
                what = self.tr("Trigger: %s") % item.name
            else:
                what = self.tr("Warning sign: %s") % item.name
            strength = "—"
            if item.intensity is not None:
                strength = f"{item.intensity} — {INTENSITY.label(item.intensity)}"
            text = " ".join(item.text.split())
            self.recent.addTopLevelItem(QTreeWidgetItem([when, what, strength, text]))
        if not seen.recent:
            self.recent.addTopLevelItem(QTreeWidgetItem(["", self.tr("Nothing logged yet.")]))

    # ------------------------------------------------------------ actions

    def _find(self, tree: LibraryTree, ident: int | None) -> Item | None:
        if self._overview is None or ident is None:
            return None
        items: list[Item] = [*self._overview.triggers, *self._overview.signs]
        kind = Trigger if tree is self.triggers else WarningSign
        return next((i for i in items if isinstance(i, kind) and i.id == ident), None)

    def offer_starters(self, kind: str) -> None:
        """Offer the common triggers or signs not in the lists yet; add only the ticked ones."""

        def opened(dialog: StarterDialog) -> None:
            self.starters = dialog

        offer_starters(self.ctx, self, kind, lambda _added: self.refresh(), opened)

    @Slot()
    def open_history(self) -> None:
        """Every trigger event ever logged, for the selected trigger if one is selected."""
        if self._overview is None:
            return
        dialog = TriggerHistoryDialog(
            self.ctx,
            self._overview.triggers,
            trigger_id=self.triggers.selected_id(),
            parent=self,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _result: self.refresh())
        self.history = dialog
        dialog.open()

    def _collection(self, tree: LibraryTree) -> Any:
        tracking = self.ctx.session.tracking
        return tracking.triggers if tree is self.triggers else tracking.warning_signs

    def _edit(self, tree: LibraryTree, ident: int | None) -> None:
        current = self._find(tree, ident)
        if current is not None:  # not a stage heading, and something is selected
            self._open_editor(tree, current)

    def _open_editor(self, tree: LibraryTree, current: Item | None) -> None:
        dialog: TriggerDialog | WarningSignDialog
        if tree is self.triggers:
            dialog = TriggerDialog(current if isinstance(current, Trigger) else None, self)
        else:
            dialog = WarningSignDialog(current if isinstance(current, WarningSign) else None, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._save(tree, dialog))
        self.dialog = dialog
        dialog.open()

    def _save(self, tree: LibraryTree, dialog: TriggerDialog | WarningSignDialog) -> None:
        item = dialog.trigger() if isinstance(dialog, TriggerDialog) else dialog.sign()
        collection = self._collection(tree)
        job = (lambda: collection.add(item)) if item.id is None else lambda: collection.update(item)
        self._run(job, lambda saved: self._after_change(tree, saved))

    def _archive(self, tree: LibraryTree) -> None:
        item = self._find(tree, tree.selected_id())
        if item is None or item.id is None:
            return
        collection, ident = self._collection(tree), item.id
        if item.archived_utc is not None:
            self._run(lambda: collection.unarchive(ident), lambda s: self._after_change(tree, s))
            return
        answer = QMessageBox.question(
            self,
            self.tr("Archive “%s”?") % item.name,
            self.tr(
                "“%s” will leave your list. Everything you logged about it is kept, and you can "
                "bring it back at any time with “Show archived”."
            )
            % item.name,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Yes,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self._run(lambda: collection.archive(ident), lambda s: self._after_change(tree, s))

    def _after_change(self, tree: LibraryTree, saved: Item) -> None:
        visible = saved.archived_utc is None or self.show_archived.isChecked()
        self._refresh_then_select(tree, saved.id if visible else None)

    def _refresh_then_select(self, tree: LibraryTree, ident: int | None) -> None:
        session, today = self.ctx.session, self._today()

        def loaded(overview: TrackingOverview) -> None:
            self._on_overview_loaded(overview)
            if ident is not None:
                tree.select_id(ident)
                tree.setFocus()

        self._run(lambda: session.tracking.overview(today), loaded)

    @Slot()
    def _update_buttons(self) -> None:
        for panel in (self.trigger_panel, self.sign_panel):
            item = self._find(panel.tree, panel.tree.selected_id())
            panel.edit_button.setEnabled(item is not None)
            panel.archive_button.setEnabled(item is not None)
            restoring = item is not None and item.archived_utc is not None
            panel.archive_button.setText(self.tr("Restore") if restoring else self.tr("Archive"))

"""The main window: a shell with a keyboard-reachable navigation over feature pages.

It owns no feature logic. Each page is its own module under ``ui/pages``; the window wires the
menus, the Lock action (Ctrl+L, toolbar), the status bar (last backup time — nothing that reveals
content) and asks pages for unsaved drafts before the app locks. The title never shows content.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QEvent, QSize, Qt, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from recovery_journal import APP_NAME
from recovery_journal.domain.entries import Draft
from recovery_journal.ui.context import UiContext
from recovery_journal.ui.help_now import EscalationBanner, HelpNowDialog
from recovery_journal.ui.pages.base import Page
from recovery_journal.ui.pages.coping import CopingPage
from recovery_journal.ui.pages.journal import JournalPage
from recovery_journal.ui.pages.milestones import MilestonesPage
from recovery_journal.ui.pages.placeholder import PLANNED, PlaceholderPage
from recovery_journal.ui.pages.safety import SafetyPlanPage
from recovery_journal.ui.pages.settings import SettingsPage, describe_backup_time
from recovery_journal.ui.pages.support import SupportPage
from recovery_journal.ui.pages.today import TodayPage
from recovery_journal.ui.pages.triggers import TriggersPage


class MainWindow(QMainWindow):
    """The shell. Signals ask the app to lock, open another journal or create one."""

    lock_requested = Signal()
    open_other_requested = Signal()
    create_requested = Signal()
    minimised = Signal()
    open_recent_requested = Signal(str)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(APP_NAME)
        self.resize(1100, 720)
        self.today = TodayPage(ctx)
        self.journal = JournalPage(ctx)
        self.triggers = TriggersPage(ctx)
        self.coping = CopingPage(ctx)
        self.safety = SafetyPlanPage(ctx)
        self.support = SupportPage(ctx)
        self.milestones = MilestonesPage(ctx)
        self.settings_page = SettingsPage(ctx)
        self.pages: list[Page] = [
            self.today,
            self.journal,
            self.triggers,
            self.coping,
            self.safety,
            self.support,
            self.milestones,
        ]
        self.pages += [PlaceholderPage(ctx, title, what) for title, what in PLANNED]
        self.pages.append(self.settings_page)
        self.banner = EscalationBanner(ctx)
        self.nav = QListWidget()
        self.nav.setObjectName("nav")
        self.nav.setStyleSheet(
            "QListWidget#nav { border: none; padding-top: 8px; }"
            "QListWidget#nav::item { padding: 7px 12px; border-radius: 4px; }"
            "QListWidget#nav::item:selected { background: palette(highlight);"
            " color: palette(highlighted-text); }"
        )
        self.nav.setAccessibleName(self.tr("Sections"))
        self.nav.setFixedWidth(190)
        self.nav.setSpacing(2)
        self.nav.setIconSize(QSize(0, 0))
        self.stack = QStackedWidget()
        for page in self.pages:
            self.nav.addItem(QListWidgetItem(self.tr(page.nav_title)))
            self.stack.addWidget(page)
        self.nav.currentRowChanged.connect(self._on_nav_current_row_changed)
        body = QWidget()
        row = QHBoxLayout(body)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.nav)
        content = QVBoxLayout()
        content.setContentsMargins(0, 0, 0, 0)
        content.addWidget(self.banner)
        content.addWidget(self.stack, 1)
        row.addLayout(content, 1)
        self.setCentralWidget(body)
        self._build_actions()
        self.backup_label = QLabel()
        self.backup_label.setAccessibleName(self.tr("Last backup"))
        self.statusBar().addPermanentWidget(self.backup_label)
        self.today.entry_saved.connect(self._on_today_entry_saved)
        self.settings_page.backup_made.connect(self.refresh_backup_time)
        self._wire_pages()
        self.nav.setCurrentRow(0)
        self.refresh_backup_time()

    def _build_actions(self) -> None:
        self.lock_action = QAction(self.tr("Lock"), self)
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.lock_action.setToolTip(self.tr("Lock the journal now (Ctrl+L)"))
        self.lock_action.triggered.connect(self.lock_requested)
        toolbar = QToolBar(self.tr("Main"))
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        toolbar.addAction(self.lock_action)
        self.help_action = QAction(self.tr("I need help now"), self)
        self.help_action.setShortcut(QKeySequence(Qt.Key.Key_F1))
        self.help_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.help_action.setToolTip(self.tr("Your safety plan and your people (F1)"))
        self.help_action.triggered.connect(self.open_help_now)
        toolbar.addSeparator()
        toolbar.addAction(self.help_action)
        self.addToolBar(toolbar)
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        create = file_menu.addAction(self.tr("Create new journal…"))
        create.triggered.connect(self.create_requested)
        other = file_menu.addAction(self.tr("Open another journal…"))
        other.triggered.connect(self.open_other_requested)
        self.recent_menu = file_menu.addMenu(self.tr("Open recent"))
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        file_menu.addSeparator()
        file_menu.addAction(self.lock_action)
        file_menu.addSeparator()
        quit_action = file_menu.addAction(self.tr("Quit"))
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        go_menu = self.menuBar().addMenu(self.tr("&Go"))
        for index, page in enumerate(self.pages):
            action = go_menu.addAction(self.tr(page.nav_title))
            if index < 9:
                action.setShortcut(QKeySequence(f"Ctrl+{index + 1}"))
            action.triggered.connect(lambda _=False, i=index: self.nav.setCurrentRow(i))

    @Slot()
    def _fill_recent_menu(self) -> None:
        """Recently used journals (paths only; none when that setting is off)."""
        self.recent_menu.clear()
        current = str(self.ctx.session.path)
        recent = [p for p in self.ctx.settings.recent_journals() if p != current]
        for path in recent:
            action = self.recent_menu.addAction(path)
            action.triggered.connect(lambda _=False, p=path: self.open_recent_requested.emit(p))
        if not recent:
            empty = self.recent_menu.addAction(self.tr("No other journals yet"))
            empty.setEnabled(False)

    def _wire_pages(self) -> None:
        """The few links between pages: plans open the toolbox, help opens the safety plan."""
        show_coping = lambda: self.show_page(self.coping)  # noqa: E731
        for source in (self.triggers, self.today.quick_log):
            source.toolbox_requested.connect(show_coping)
            source.strategy_started.connect(self._on_strategy_started)
        self.today.quick_log.trigger_logged.connect(lambda _id: self.banner.check())
        self.today.quick_log.signs_checked.connect(lambda _n: self.banner.check())
        self.banner.help_requested.connect(self.open_help_now)
        self.banner.check()

    @Slot(int)
    def _on_strategy_started(self, strategy_id: int) -> None:
        self.show_page(self.coping)
        self.coping.start_strategy(strategy_id)

    @Slot()
    def open_help_now(self) -> None:
        """'I need help now' (F1, toolbar): the person's own people, lines and safety plan."""
        dialog = HelpNowDialog(self.ctx, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.safety_plan_requested.connect(lambda: self.show_page(self.safety))
        self.help_dialog = dialog
        dialog.open()

    # ------------------------------------------------------------ behaviour

    def show_page(self, page: Page) -> None:
        self.nav.setCurrentRow(self.pages.index(page))

    @Slot(int)
    def _on_nav_current_row_changed(self, row: int) -> None:
        if 0 <= row < len(self.pages):
            self.stack.setCurrentIndex(row)
            self.pages[row].activated()

    @Slot(int)
    def _on_today_entry_saved(self, _entry_id: int) -> None:
        self.statusBar().showMessage(self.tr("Entry saved."), 4000)
        self.banner.check()

    def refresh_backup_time(self) -> None:
        self.ctx.tasks.run(
            self.ctx.session.last_backup_time, self._show_backup_time, self.ctx.report
        )

    def _show_backup_time(self, when: datetime | None) -> None:
        self.backup_label.setText(self.tr(describe_backup_time(when)))

    def pending_drafts(self) -> list[Draft]:
        drafts: list[Draft] = []
        for page in self.pages:
            drafts.extend(page.pending_drafts())
        return drafts

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.WindowStateChange and self.isMinimized():
            self.minimised.emit()

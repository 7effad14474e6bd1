"""The main window: a shell with a keyboard-reachable navigation over feature pages.

It owns no feature logic. Each page is its own module under ``ui/pages``; the window wires the
menus, the Lock action (Ctrl+L, toolbar), the status bar (last backup time — nothing that reveals
content) and asks pages for unsaved drafts before the app locks. The title never shows content.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import TypeVar

from PySide6.QtCore import QEvent, QSize, Qt, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QScrollArea,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from recovery_journal import APP_NAME
from recovery_journal.domain.clock import local_today
from recovery_journal.domain.entries import Draft
from recovery_journal.services.report import note_safety_plan_opened
from recovery_journal.ui.context import UiContext
from recovery_journal.ui.fitting_stack import FittingStack
from recovery_journal.ui.help_now import EscalationBanner, HelpNowDialog
from recovery_journal.ui.import_dialog import ImportDialog
from recovery_journal.ui.nav_list import NavList
from recovery_journal.ui.pages.base import Page
from recovery_journal.ui.pages.coping import CopingPage
from recovery_journal.ui.pages.export import ExportPage
from recovery_journal.ui.pages.insights import InsightsPage
from recovery_journal.ui.pages.journal import JournalPage
from recovery_journal.ui.pages.milestones import MilestonesPage
from recovery_journal.ui.pages.safety import SafetyPlanPage
from recovery_journal.ui.pages.settings import SettingsPage, describe_backup_time
from recovery_journal.ui.pages.support import SupportPage
from recovery_journal.ui.pages.today import TodayPage
from recovery_journal.ui.pages.triggers import TriggersPage

P = TypeVar("P", bound=Page)
MINIMUM_SIZE = QSize(640, 480)


class MainWindow(QMainWindow):
    """The shell. Signals ask the app to lock, open another journal or create one."""

    lock_requested = Signal()
    open_other_requested = Signal()
    create_requested = Signal()
    minimised = Signal()
    open_recent_requested = Signal(str)
    # The Settings page's own signal, passed on once that page is built (on first use, like
    # every page: building it at unlock only to connect this cost ~40 ms before Today showed).
    settings_changed = Signal()

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(APP_NAME)
        self.resize(1100, 720)
        self.setMinimumSize(MINIMUM_SIZE)
        # Pages are built the first time they are shown (Today at once): unlocking stays quick.
        self._kinds: list[type[Page]] = [
            TodayPage,
            JournalPage,
            TriggersPage,
            CopingPage,
            SafetyPlanPage,
            SupportPage,
            MilestonesPage,
            InsightsPage,
            ExportPage,
            SettingsPage,
        ]
        self._built: dict[int, Page] = {}
        self.banner = EscalationBanner(ctx)
        self.nav = NavList()
        self.nav.setAccessibleName(self.tr("Sections"))
        # Sized by the page on show, inside a scroll area: a wide page (or large text) scrolls
        # instead of widening the window, and one page's size never sets another's.
        self.stack = FittingStack(resize_window=False)
        for kind in self._kinds:
            self.nav.addItem(self.tr(kind.nav_title))
            self.stack.addWidget(QWidget())
        self.nav.currentRowChanged.connect(self._on_nav_current_row_changed)
        body = QWidget()
        row = QHBoxLayout(body)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.nav)
        content = QVBoxLayout()
        content.setContentsMargins(0, 0, 0, 0)
        content.addWidget(self.banner)
        self.page_scroll = QScrollArea()
        self.page_scroll.setWidgetResizable(True)
        self.page_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.page_scroll.setWidget(self.stack)
        content.addWidget(self.page_scroll, 1)
        row.addLayout(content, 1)
        self.setCentralWidget(body)
        self._build_actions()
        self.backup_label = QLabel()
        self.backup_label.setAccessibleName(self.tr("Last backup"))
        self.statusBar().addPermanentWidget(self.backup_label)
        self.banner.help_requested.connect(self.open_help_now)
        self.banner.check()
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
        self.import_action = file_menu.addAction(self.tr("Import…"))
        self.import_action.setShortcut(QKeySequence("Ctrl+Shift+I"))
        self.import_action.triggered.connect(self.open_import)
        file_menu.addSeparator()
        file_menu.addAction(self.lock_action)
        file_menu.addSeparator()
        quit_action = file_menu.addAction(self.tr("Quit"))
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        go_menu = self.menuBar().addMenu(self.tr("&Go"))
        for index, kind in enumerate(self._kinds):
            # "&" marks a menu mnemonic: "Triggers & signs" showed as "Triggers _signs".
            action = go_menu.addAction(self.tr(kind.nav_title).replace("&", "&&"))
            if index < 9:
                action.setShortcut(QKeySequence(f"Ctrl+{index + 1}"))
            elif kind is SettingsPage:  # the usual Preferences key (Cmd+, on macOS)
                action.setShortcut(QKeySequence("Ctrl+,"))
            action.triggered.connect(lambda _=False, i=index: self.nav.setCurrentRow(i))
        self.go_menu = go_menu

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

    # ------------------------------------------------------------ pages, built on first use

    def page_at(self, index: int) -> Page:
        """The page in row ``index`` of the navigation, built now if it wasn't yet."""
        kind = self._kinds[index]
        if index not in self._built:
            page = kind(self.ctx)
            self._built[index] = page
            blank = self.stack.widget(index)
            assert blank is not None
            self.stack.insertWidget(index, page)
            self.stack.removeWidget(blank)
            blank.deleteLater()
            self._wire(page)
        return self._built[index]

    def _page(self, kind: type[P]) -> P:
        page = self.page_at(self._kinds.index(kind))
        assert isinstance(page, kind)
        return page

    @property
    def today(self) -> TodayPage:
        return self._page(TodayPage)

    @property
    def journal(self) -> JournalPage:
        return self._page(JournalPage)

    @property
    def triggers(self) -> TriggersPage:
        return self._page(TriggersPage)

    @property
    def coping(self) -> CopingPage:
        return self._page(CopingPage)

    @property
    def safety(self) -> SafetyPlanPage:
        return self._page(SafetyPlanPage)

    @property
    def support(self) -> SupportPage:
        return self._page(SupportPage)

    @property
    def milestones(self) -> MilestonesPage:
        return self._page(MilestonesPage)

    @property
    def insights(self) -> InsightsPage:
        return self._page(InsightsPage)

    @property
    def settings_page(self) -> SettingsPage:
        return self._page(SettingsPage)

    @property
    def pages(self) -> list[Page]:
        """The pages built so far (in navigation order)."""
        return [self._built[i] for i in sorted(self._built)]

    def _wire(self, page: Page) -> None:
        """The few links between pages: plans open the toolbox, logs refresh the banner."""
        if isinstance(page, TodayPage):
            page.entry_saved.connect(self._on_today_entry_saved)
            page.quick_log.trigger_logged.connect(lambda _id: self.banner.check())
            page.quick_log.signs_checked.connect(lambda _n: self.banner.check())
        if isinstance(page, TodayPage | TriggersPage):
            source = page.quick_log if isinstance(page, TodayPage) else page
            source.toolbox_requested.connect(lambda: self.show_page(self.coping))
            source.strategy_started.connect(self._on_strategy_started)
            page.quick_log.safety_plan_requested.connect(lambda: self.show_page(self.safety))
        if isinstance(page, SettingsPage):
            page.backup_made.connect(self.refresh_backup_time)
            page.settings_changed.connect(self.settings_changed)
        if isinstance(page, InsightsPage):
            page.day_chosen.connect(self._on_insights_day_chosen)

    @Slot(object)
    def _on_insights_day_chosen(self, day: date) -> None:
        self.show_page(self.journal)
        self.journal.open_day(day)

    @Slot(int)
    def _on_strategy_started(self, strategy_id: int) -> None:
        self.show_page(self.coping)
        self.coping.start_strategy(strategy_id)

    @Slot()
    def open_help_now(self) -> None:
        """'I need help now' (F1, toolbar): the person's own people, lines and safety plan."""
        session, today = self.ctx.session, local_today()

        # Only the therapist summary notes the opening: a milestone is never recorded silently
        # after one key press (the person can add "first time I turned to my plan" themselves).
        self.ctx.tasks.run(lambda: note_safety_plan_opened(session, today), None, self.ctx.report)
        dialog = HelpNowDialog(self.ctx, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.safety_plan_requested.connect(lambda: self.show_page(self.safety))
        self.help_dialog = dialog
        dialog.open()

    @Slot()
    def open_import(self) -> None:
        """File ▸ Import…: the page on show catches up when entries came in."""
        dialog = ImportDialog(self.ctx, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.imported.connect(lambda _summary: self.page_at(self.nav.currentRow()).activated())
        dialog.journal_requested.connect(lambda: self.show_page(self.journal))
        self.import_dialog = dialog
        dialog.open()

    def offer_new_recovery_code(self) -> None:
        """After an interrupted change of every key was finished at unlock: its new recovery
        code may never have been shown (the old one no longer works)."""
        box = QMessageBox(
            QMessageBox.Icon.Information,
            self.tr("Your new keys are in place"),
            self.tr(
                "Changing every key had not quite finished last time; it has now, and your "
                "journal opens with your new passphrase. Its new recovery code may never have "
                "been shown to you, and the old one no longer works — make a new one now so you "
                "keep a way back in."
            ),
            QMessageBox.StandardButton.NoButton,
            self,
        )
        make = box.addButton(
            self.tr("Make a new recovery code…"), QMessageBox.ButtonRole.AcceptRole
        )
        box.addButton(self.tr("Later"), QMessageBox.ButtonRole.RejectRole)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def answered() -> None:
            if box.clickedButton() is make:
                self.show_page(self.settings_page)
                self.settings_page.new_recovery_code()

        box.finished.connect(lambda _result: answered())
        self.key_change_box = box
        box.open()

    # ------------------------------------------------------------ behaviour

    def show_page(self, page: Page) -> None:
        self.nav.setCurrentRow(self.stack.indexOf(page))

    @Slot(int)
    def _on_nav_current_row_changed(self, row: int) -> None:
        if 0 <= row < len(self._kinds):
            page = self.page_at(row)
            self.stack.setCurrentIndex(row)
            page.activated()

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

    def pending_drafts(self) -> tuple[list[Draft], list[BaseException]]:
        """Unsaved writing of every page, and what went wrong collecting it (never raises:
        locking must go on even if one page can't say what it holds)."""
        drafts: list[Draft] = []
        problems: list[BaseException] = []
        for page in self.pages:
            try:
                drafts.extend(page.pending_drafts())
            except Exception as problem:  # reported after the lock, never blocks it
                problems.append(problem)
        return drafts, problems

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.WindowStateChange and self.isMinimized():
            self.minimised.emit()

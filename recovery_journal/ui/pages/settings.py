"""Settings: privacy (auto-lock, quick-hide), appearance, backups, passphrase and recovery code.

Changes apply at once and are stored in QSettings (preferences only, never journal content);
``settings_changed`` tells the app to re-apply the theme, the idle timer and the quick-hide key.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Signal, Slot
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QKeySequenceEdit,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from recovery_journal.ui import settings as S
from recovery_journal.ui.context import UiContext
from recovery_journal.ui.help_now import ESCALATION_PROMPTS, rules_text
from recovery_journal.ui.pages.base import Page
from recovery_journal.ui.passphrase_dialogs import ChangePassphraseDialog, NewRecoveryCodeDialog
from recovery_journal.ui.reminder_settings import MeasuresSettingsBox, ReminderSettingsBox
from recovery_journal.ui.text_size import SYSTEM_SCALE, TEXT_SCALES, nearest_scale

THEME_LABELS = (("system", "Same as the system"), ("light", "Light"), ("dark", "Dark"))


def describe_backup_time(when: datetime | None) -> str:
    if when is None:
        return "No backup yet"
    return "Last backup: " + when.astimezone().strftime("%a %d %b %Y, %H:%M")


class SettingsPage(Page):
    """Every preference in one calm, scrollable page."""

    nav_title = "Settings"
    settings_changed = Signal()
    backup_made = Signal()

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        content = QWidget()
        column = QVBoxLayout(content)
        column.setContentsMargins(24, 24, 24, 24)
        column.setSpacing(16)
        heading = QLabel(self.tr("<h2>Settings</h2>"))
        column.addWidget(heading)
        column.addWidget(self._privacy_group())
        column.addWidget(self._appearance_group())
        column.addWidget(MeasuresSettingsBox(ctx))
        column.addWidget(ReminderSettingsBox(ctx.settings, self.settings_changed.emit))
        column.addWidget(self._backup_group())
        column.addWidget(self._security_group())
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)
        self.dialog: QWidget | None = None

    # ------------------------------------------------------------ groups

    def _privacy_group(self) -> QGroupBox:
        box = QGroupBox(self.tr("Privacy"))
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # narrow: label above
        s = self.ctx.settings
        self.auto_lock = QSpinBox()
        self.auto_lock.setRange(0, 240)
        self.auto_lock.setSuffix(self.tr(" min"))
        self.auto_lock.setSpecialValueText(self.tr("Never"))
        self.auto_lock.setValue(s.get(S.AUTO_LOCK_MINUTES))
        self.auto_lock.setAccessibleName(self.tr("Lock after minutes without use (0 = never)"))
        self.auto_lock.valueChanged.connect(lambda v: self._store(S.AUTO_LOCK_MINUTES, int(v)))
        form.addRow(self.tr("Lock after idle time"), self.auto_lock)
        self.lock_on_minimise = QCheckBox(self.tr("Lock when the window is minimised"))
        self.lock_on_minimise.setChecked(s.get(S.LOCK_ON_MINIMISE))
        self.lock_on_minimise.setAccessibleName(self.tr("Lock when minimised"))
        self.lock_on_minimise.toggled.connect(lambda v: self._store(S.LOCK_ON_MINIMISE, bool(v)))
        form.addRow("", self.lock_on_minimise)
        self.quick_hide = QKeySequenceEdit(QKeySequence(s.get(S.QUICK_HIDE_KEY)))
        self.quick_hide.setMaximumSequenceLength(1)
        self.quick_hide.setAccessibleName(self.tr("Quick-hide shortcut"))
        self.quick_hide.editingFinished.connect(self._on_quick_hide_edited)
        hint = QLabel(self.tr("Hides every window and locks the journal at once."))
        hint.setWordWrap(True)
        form.addRow(self.tr("Quick-hide key"), self.quick_hide)
        form.addRow("", hint)
        self.neutral_title = QCheckBox(self.tr('Neutral window title ("Journal")'))
        self.neutral_title.setToolTip(
            self.tr(
                'The taskbar and window switcher show only "Journal": no app name, no file '
                "name. Quick-hide always leaves this neutral title behind."
            )
        )
        self.neutral_title.setChecked(s.get(S.NEUTRAL_TITLE))
        self.neutral_title.setAccessibleName(self.tr("Neutral window title"))
        self.neutral_title.toggled.connect(lambda v: self._store(S.NEUTRAL_TITLE, bool(v)))
        form.addRow("", self.neutral_title)
        self.remember_recent = QCheckBox(self.tr("Remember recently used journals"))
        self.remember_recent.setChecked(s.get(S.REMEMBER_RECENT))
        self.remember_recent.setAccessibleName(self.tr("Remember recently used journals"))
        self.remember_recent.toggled.connect(lambda v: self._store(S.REMEMBER_RECENT, bool(v)))
        form.addRow("", self.remember_recent)
        self.escalation = QCheckBox(self.tr("Show a gentle note when the last days look hard"))
        self.escalation.setChecked(s.get(ESCALATION_PROMPTS))
        self.escalation.setAccessibleName(
            self.tr("Show a gentle note when the last days look hard")
        )
        self.escalation.toggled.connect(lambda v: self._store(ESCALATION_PROMPTS, bool(v)))
        form.addRow("", self.escalation)
        # When the note appears (moved here from "I need help now", where it was only noise).
        self.escalation_rules = QLabel(rules_text())
        self.escalation_rules.setWordWrap(True)
        self.escalation_rules.setAccessibleName(self.tr("When the gentle note appears"))
        form.addRow("", self.escalation_rules)
        return box

    def _appearance_group(self) -> QGroupBox:
        box = QGroupBox(self.tr("Appearance"))
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # narrow: label above
        self.theme = QComboBox()
        for key, label in THEME_LABELS:
            self.theme.addItem(self.tr(label), key)
        self.theme.setCurrentIndex(max(0, self.theme.findData(self.ctx.settings.get(S.THEME))))
        self.theme.setAccessibleName(self.tr("Theme"))
        self.theme.currentIndexChanged.connect(
            lambda _: self._store(S.THEME, str(self.theme.currentData()))
        )
        form.addRow(self.tr("Theme"), self.theme)
        self.text_size = QComboBox()
        for percent in TEXT_SCALES:
            label = self.tr("Same as the system") if percent == SYSTEM_SCALE else f"{percent} %"
            self.text_size.addItem(label, percent)
        chosen = nearest_scale(self.ctx.settings.get(S.TEXT_SCALE))
        self.text_size.setCurrentIndex(self.text_size.findData(chosen))
        self.text_size.setAccessibleName(self.tr("Text size"))
        self.text_size.currentIndexChanged.connect(
            lambda _: self._store(S.TEXT_SCALE, int(self.text_size.currentData()))
        )
        form.addRow(self.tr("Text size"), self.text_size)
        self.reduce_motion = QCheckBox(self.tr("Reduce motion"))
        self.reduce_motion.setToolTip(
            self.tr(
                "Nothing fades in, and the breathing square changes size once per phase instead "
                "of growing and shrinking."
            )
        )
        self.reduce_motion.setChecked(self.ctx.settings.get(S.REDUCE_MOTION))
        self.reduce_motion.setAccessibleName(self.tr("Reduce motion"))
        self.reduce_motion.toggled.connect(lambda v: self._store(S.REDUCE_MOTION, bool(v)))
        form.addRow("", self.reduce_motion)
        return box

    def _backup_group(self) -> QGroupBox:
        box = QGroupBox(self.tr("Backups"))
        form = QFormLayout(box)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        explain = QLabel(
            self.tr(
                "A backup is taken automatically once a day when you unlock (the newest 10 are "
                "kept). Backups are encrypted like your journal. Keeping a copy on another drive "
                "protects you if this computer fails."
            )
        )
        explain.setWordWrap(True)
        form.addRow(explain)
        self.folder = QLineEdit(str(self.ctx.session.backups_folder()))
        self.folder.setReadOnly(True)
        self.folder.setAccessibleName(self.tr("Backups folder"))
        choose = QPushButton(self.tr("Choose…"))
        choose.setAccessibleName(self.tr("Choose backups folder"))
        choose.clicked.connect(self._on_choose_folder)
        row = QHBoxLayout()
        row.addWidget(self.folder, 1)
        row.addWidget(choose)
        form.addRow(self.tr("Folder"), row)
        self.backup_now = QPushButton(self.tr("Back up now"))
        self.backup_now.setAccessibleName(self.tr("Back up now"))
        self.backup_now.clicked.connect(self._on_backup_now)
        self.backup_status = QLabel()
        self.backup_status.setAccessibleName(self.tr("Backup status"))
        row2 = QHBoxLayout()
        row2.addWidget(self.backup_now)
        row2.addWidget(self.backup_status, 1)
        form.addRow("", row2)
        return box

    def _security_group(self) -> QGroupBox:
        box = QGroupBox(self.tr("Passphrase and recovery"))
        row = QHBoxLayout(box)
        change = QPushButton(self.tr("Change passphrase…"))
        change.setAccessibleName(self.tr("Change passphrase"))
        change.clicked.connect(self._on_change_passphrase)
        code = QPushButton(self.tr("Show a new recovery code…"))
        code.setAccessibleName(self.tr("Show a new recovery code"))
        code.clicked.connect(self.new_recovery_code)
        row.addWidget(change)
        row.addWidget(code)
        row.addStretch(1)
        return box

    # ------------------------------------------------------------ behaviour

    def activated(self) -> None:
        self.ctx.tasks.run(
            self.ctx.session.last_backup_time, self._show_backup_time, self.ctx.report
        )

    def _show_backup_time(self, when: datetime | None) -> None:
        self.backup_status.setText(self.tr(describe_backup_time(when)))

    def _store(self, setting: S.Setting[S.T], value: S.T) -> None:
        self.ctx.settings.set(setting, value)
        self.settings_changed.emit()

    @Slot()
    def _on_quick_hide_edited(self) -> None:
        sequence = self.quick_hide.keySequence().toString(QKeySequence.SequenceFormat.PortableText)
        if sequence:
            self._store(S.QUICK_HIDE_KEY, sequence)

    @Slot()
    def _on_choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Folder for backups"), self.folder.text()
        )
        if folder:
            self.set_backups_folder(folder)

    def set_backups_folder(self, folder: str) -> None:
        """Backups go to ``folder`` from now on, for this journal and the next unlock."""
        self.folder.setText(folder)
        session = self.ctx.session
        self.ctx.tasks.run(
            lambda: session.set_backups_folder(Path(folder)),
            lambda _: self.activated(),
            self.ctx.report,
        )
        self._store(S.BACKUPS_FOLDER, folder)

    @Slot()
    def _on_backup_now(self) -> None:
        self.backup_now.setEnabled(False)
        self.backup_status.setText(self.tr("Backing up…"))
        self.ctx.tasks.run(self.ctx.session.backup_now, self._on_backed_up, self._on_backup_failed)

    def _on_backed_up(self, _info: object) -> None:
        self.backup_now.setEnabled(True)
        self.activated()
        self.backup_made.emit()

    def _on_backup_failed(self, error: BaseException) -> None:
        self.backup_now.setEnabled(True)
        self.backup_status.setText(self.tr("The backup didn't work."))
        self.ctx.report(error)

    @Slot()
    def _on_change_passphrase(self) -> None:
        dialog = ChangePassphraseDialog(self.ctx, self)
        self.dialog = dialog
        dialog.open()

    @Slot()
    def new_recovery_code(self) -> None:
        dialog = NewRecoveryCodeDialog(self.ctx, self)
        self.dialog = dialog
        dialog.open()

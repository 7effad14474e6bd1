"""What every page needs from the app: the session, the task runner, settings, error reporting."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from recovery_journal.services.options import BackupSettings, KeySettings
from recovery_journal.ui.clipboard import ClipboardGuard
from recovery_journal.ui.settings import AppSettings
from recovery_journal.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from recovery_journal.services.session import JournalSession


@dataclass
class UiContext:
    """Handed to each page by the main window; valid until the journal is locked."""

    session: JournalSession
    tasks: TaskRunner
    settings: AppSettings
    report: Callable[[BaseException], None]
    clipboard: ClipboardGuard
    key_settings: KeySettings = field(default_factory=KeySettings)
    backups: BackupSettings = field(default_factory=BackupSettings)

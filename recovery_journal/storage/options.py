"""Settings for opening journals that are cheap to import (no database stack): key-derivation
cost and policy, and where automatic backups go."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from recovery_journal.paths import backups_dir
from recovery_journal.storage.keys import KeySettings

DEFAULT_BACKUPS_KEPT = 10

__all__ = ["DEFAULT_BACKUPS_KEPT", "BackupSettings", "KeySettings"]


@dataclass(frozen=True, slots=True)
class BackupSettings:
    """Where automatic backups go and how many are kept (``folder=None``: beside the journal)."""

    folder: Path | None = None
    keep: int = DEFAULT_BACKUPS_KEPT
    daily: bool = True

    def folder_for(self, journal: Path) -> Path:
        return self.folder if self.folder is not None else backups_dir(journal)

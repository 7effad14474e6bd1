"""An unlocked journal as the UI and the CLI see it: use cases grouped by feature.

:class:`JournalSession` owns transactions (one per use case: all or nothing), serialises access to
the single SQLCipher connection so background tasks may call it from any one thread at a time, and
turns storage failures caused by the environment into :class:`~recovery_journal.errors.UserError`.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from datetime import datetime
from pathlib import Path

from sqlalchemy import exc as sa_exc
from sqlalchemy.orm import Session
from sqlcipher3 import dbapi2

from recovery_journal.errors import UserError, ValidationError
from recovery_journal.services.coping import CopingService
from recovery_journal.services.entries import EntryService
from recovery_journal.services.insights import InsightsService
from recovery_journal.services.measures import MeasuresService
from recovery_journal.services.progress import ProgressService
from recovery_journal.services.reader import read_snapshot, upkeep
from recovery_journal.services.support import SupportService
from recovery_journal.services.tracking import TrackingService
from recovery_journal.storage import database, integrity, rekey, vault
from recovery_journal.storage.backup import BackupInfo
from recovery_journal.storage.database import DBAPIConnection
from recovery_journal.storage.integrity import IntegrityReport


def storage_error(exc: BaseException) -> UserError | None:
    """The UserError for a storage failure caused by the environment, or None for a bug."""
    original = exc.orig if isinstance(exc, sa_exc.DBAPIError) else exc
    if isinstance(original, dbapi2.IntegrityError):
        return ValidationError(
            "reference", "That refers to something that isn't in this journal (any more)."
        )
    if isinstance(original, dbapi2.Error):
        return database.error_from_sqlite(original)
    return None


class JournalSession:
    """The use cases of one unlocked journal. Call :meth:`lock` when done."""

    def __init__(self, opened: vault.OpenJournal) -> None:
        self._opened = opened
        self.entries = EntryService(self)
        self.tracking = TrackingService(self)
        self.coping = CopingService(self)
        self.support = SupportService(self)
        self.progress = ProgressService(self)
        self.insights = InsightsService(self.reading)
        self.measures = MeasuresService(self)

    # ------------------------------------------------------------ transactions

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One unit of work: commits at the end, rolls back entirely on any error."""
        with self._opened.guard:
            self._opened._require_open()
            try:
                with (
                    Session(self._opened.engine, expire_on_commit=False) as session,
                    session.begin(),
                ):
                    yield session
            except (sa_exc.DBAPIError, dbapi2.Error) as exc:
                mapped = storage_error(exc)
                if mapped is None:
                    raise
                raise mapped from None

    def reading(self) -> AbstractContextManager[DBAPIConnection]:
        """A read-only snapshot for the plain-SQL reads (lists, search): no ORM session, no
        object tracking — the hot read paths (:mod:`~recovery_journal.storage.reads`)."""
        return read_snapshot(self._opened)

    # ------------------------------------------------------------ the journal itself

    @property
    def path(self) -> Path:
        return self._opened.path

    @property
    def journal_id(self) -> str:
        return self._opened.journal_id

    @property
    def is_locked(self) -> bool:
        return self._opened.closed

    @property
    def migrated_from(self) -> int | None:
        return self._opened.migrated_from

    @property
    def finished_key_change(self) -> bool:
        """This unlock finished an interrupted change of every key (whose new recovery code may
        never have been shown): offer a new code."""
        return self._opened.finished_key_change

    def lock(self) -> None:
        self._opened.close()

    def backup_to(self, destination: Path) -> BackupInfo:
        return self._opened.backup_to(destination)

    def backup_now(self) -> BackupInfo:
        """A backup on request into the backups folder, kept in the rotation."""
        info = self._opened.auto_backup("manual", force=True)
        assert info is not None  # forced
        return info

    def backup_before(self, what: str) -> BackupInfo:
        """A backup into the rotation before a big change (``"import"``), named after it."""
        info = self._opened.auto_backup(f"before-{what}", force=True)
        assert info is not None  # forced
        return info

    def set_backups_folder(self, folder: Path | None) -> None:
        """Where backups go from now on (None: the folder beside the journal)."""
        with self._opened.guard:
            self._opened.backups = dataclasses.replace(self._opened.backups, folder=folder)

    def auto_backup(self, *, force: bool = False) -> BackupInfo | None:
        return self._opened.auto_backup(force=force)

    def upkeep(self, *, verify: bool = True, if_changed: bool = False) -> None:
        """After an unlock with ``upkeep_later``: the daily backup if due, else (``verify``)
        the check of every page, on a connection of its own (the app runs it in the
        background; see :func:`~recovery_journal.services.reader.upkeep`)."""
        upkeep(self._opened, verify=verify, if_changed=if_changed)

    def last_backup_time(self) -> datetime | None:
        return vault.last_backup_time(self.path, self._opened.backups, self.journal_id)

    def backups_folder(self) -> Path:
        return self._opened.backups.folder_for(self.path)

    def change_passphrase(
        self, old: str, new: str, settings: vault.KeySettings = vault.KeySettings()
    ) -> None:
        vault.change_passphrase(self._opened, old, new, settings)

    def reencrypt(
        self, old: str, new: str, settings: vault.KeySettings = vault.KeySettings()
    ) -> str:
        """Change the passphrase *and* every key (for when someone may know the old passphrase):
        old key files, passphrases and recovery codes stop opening this journal. Returns the new
        recovery code, to be shown once. About a second per 60 MB of journal."""
        try:
            return rekey.reencrypt(self._opened, old, new, settings)
        except dbapi2.Error as exc:
            mapped = storage_error(exc)
            if mapped is None:
                raise
            raise mapped from None

    def new_recovery_code(
        self, passphrase: str, settings: vault.KeySettings = vault.KeySettings()
    ) -> str:
        return vault.new_recovery_code(self._opened, passphrase, settings)

    def check(self) -> IntegrityReport:
        """Integrity of the database, every page's encryption MAC, references and search."""
        with self.transaction() as session:
            return integrity.check(session)

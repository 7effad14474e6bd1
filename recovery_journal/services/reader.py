"""Reading a journal without the ORM: the command line's ``list``, ``search`` and ``show``.

A command-line run is mostly its key derivation (Argon2id, ~0.8 s by design). Importing SQLAlchemy
and the ORM took another ~0.5 s of CPU that competed with the derivation for the same two cores,
so read-only commands unlock through this module, which imports neither: it reads with the same
plain-SQL functions the app's lists and search use (:mod:`recovery_journal.storage.reads`). Every
change to a journal still goes through :class:`~recovery_journal.services.session.JournalSession`.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

from sqlcipher3 import dbapi2

from recovery_journal.domain.entries import Entry, SearchHit
from recovery_journal.errors import ErrorKind, UserError
from recovery_journal.services.insights import InsightsService
from recovery_journal.storage import database, reads, vault
from recovery_journal.storage.backup import BackupInfo
from recovery_journal.storage.keys import KeySettings, PendingKeys
from recovery_journal.storage.options import BackupSettings


def take_daily_backup(opened: vault.OpenJournal) -> BackupInfo | None:
    """The automatic backup on unlock (at most once a day). A full, read-only or failing disk
    never blocks unlocking: the journal opens and the next unlock tries again."""
    try:
        return opened.auto_backup()
    except UserError as error:
        if error.kind in (ErrorKind.DISK_FULL, ErrorKind.READ_ONLY, ErrorKind.IO):
            return None
        raise


def unlock_for_use(
    path: Path,
    passphrase: str,
    settings: KeySettings = KeySettings(),
    backups: BackupSettings = BackupSettings(),
    pending: PendingKeys | None = None,
    *,
    check_every_page: bool = True,
) -> vault.OpenJournal:
    """Unlock ``path`` and take the daily backup if one is due (the app, the CLI: every unlock
    by a person). Never leaves a journal unlocked behind an error."""
    opened = vault.unlock(
        path, passphrase, settings, backups, pending, check_every_page=check_every_page
    )
    if backups.daily:
        try:
            take_daily_backup(opened)
        except BaseException:
            opened.close()  # keys zeroed, instance lock released
            raise
    return opened


@contextmanager
def read_snapshot(opened: vault.OpenJournal) -> Iterator[database.DBAPIConnection]:
    """The connection in one read transaction, for :mod:`~recovery_journal.storage.reads`;
    a failure caused by the disk or the file comes out as a kind :class:`UserError`."""
    try:
        with opened.reading() as conn:
            yield conn
    except dbapi2.Error as exc:
        mapped = database.error_from_sqlite(exc)
        if mapped is None:  # not the disk or the file: a bug, reported as one
            raise
        raise mapped from None


class JournalReader:
    """Read-only use cases of one unlocked journal. Call :meth:`lock` when done."""

    def __init__(self, opened: vault.OpenJournal) -> None:
        self._opened = opened
        self.insights = InsightsService(self._reading)

    def _reading(self) -> contextlib.AbstractContextManager[database.DBAPIConnection]:
        return read_snapshot(self._opened)

    @property
    def path(self) -> Path:
        return self._opened.path

    @property
    def finished_key_change(self) -> bool:
        return self._opened.finished_key_change

    def latest(
        self, limit: int | None = 20, *, start: date | None = None, end: date | None = None
    ) -> list[Entry]:
        """Entries newest first, optionally between two days."""
        with self._reading() as conn:
            return reads.list_entries(conn, reads.EntryFilter(start, end), limit=limit)

    def search(self, query: str, *, limit: int = 50) -> list[SearchHit]:
        """The newest ``limit`` entries matching ``query``, with highlighted snippets."""
        with self._reading() as conn:
            return reads.find(conn, query, limit=limit)

    def get(self, entry_id: int) -> Entry:
        with self._reading() as conn:
            return reads.get(conn, entry_id)

    def lock(self) -> None:
        self._opened.close()


def open_reader(
    path: Path,
    passphrase: str,
    settings: KeySettings = KeySettings(),
    backups: BackupSettings = BackupSettings(),
    pending: PendingKeys | None = None,
) -> JournalReader:
    """Unlock ``path`` for reading (taking the daily backup, like any unlock). The whole-file
    HMAC check of an unlock for writing is skipped: every page read is checked as it is read, a
    damaged one is reported as damage, and these commands write no journal content. (Unlocking
    still does what any unlock does: the daily backup — which checks every page first — a due
    schema upgrade, tidying up after an interrupted change of keys.)"""
    opened = unlock_for_use(path, passphrase, settings, backups, pending, check_every_page=False)
    return JournalReader(opened)

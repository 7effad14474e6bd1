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
from recovery_journal.storage.backup import BackupInfo, BackupStopped
from recovery_journal.storage.keys import KeySettings, PendingKeys
from recovery_journal.storage.options import BackupSettings


def take_daily_backup(opened: vault.OpenJournal, *, if_changed: bool = False) -> BackupInfo | None:
    """The automatic backup (at most once a day; with ``if_changed``, not when the newest backup
    holds exactly this state). A full, read-only or failing disk never stops the person: the
    journal stays open and the next time tries again."""
    try:
        return opened.auto_backup(if_changed=if_changed)
    except UserError as error:
        if error.kind in (ErrorKind.DISK_FULL, ErrorKind.READ_ONLY, ErrorKind.IO):
            return None
        raise


def upkeep(opened: vault.OpenJournal, *, verify: bool, if_changed: bool = False) -> None:
    """What an unlock used to do before anything else, done once the person has what they came
    for: the daily backup if one is due (it checks every page first), and otherwise, with
    ``verify``, the check of every page alone. Damage raises the same kind error an unlock gave;
    locking meanwhile ends it quietly."""
    try:
        if opened.backups.daily and take_daily_backup(opened, if_changed=if_changed):
            return
        if verify:
            opened.verify_pages()
    except BackupStopped:
        return
    except UserError as error:
        if error.kind is not ErrorKind.JOURNAL_LOCKED:
            raise


def unlock_for_use(
    path: Path,
    passphrase: str,
    settings: KeySettings = KeySettings(),
    backups: BackupSettings = BackupSettings(),
    pending: PendingKeys | None = None,
    *,
    check_every_page: bool = True,
    upkeep_later: bool = False,
) -> vault.OpenJournal:
    """Unlock ``path`` and take the daily backup if one is due (the app, the CLI: every unlock
    by a person). Never leaves a journal unlocked behind an error.

    With ``upkeep_later`` the unlock neither checks every page nor takes the backup: the caller
    runs :func:`upkeep` afterwards (the app in the background, the command line after its
    output), so the person never waits for either."""
    opened = vault.unlock(
        path,
        passphrase,
        settings,
        backups,
        pending,
        check_every_page=check_every_page and not upkeep_later,
    )
    if backups.daily and not upkeep_later:
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

    def upkeep(self, *, verify: bool = False, if_changed: bool = True) -> None:
        """The daily backup (and with ``verify`` the page check), see :func:`upkeep`."""
        upkeep(self._opened, verify=verify, if_changed=if_changed)

    def lock(self) -> None:
        self._opened.close()


def open_reader(
    path: Path,
    passphrase: str,
    settings: KeySettings = KeySettings(),
    backups: BackupSettings = BackupSettings(),
    pending: PendingKeys | None = None,
    *,
    upkeep_later: bool = False,
) -> JournalReader:
    """Unlock ``path`` for reading (taking the daily backup, like any unlock). The whole-file
    HMAC check of an unlock for writing is skipped: every page read is checked as it is read, a
    damaged one is reported as damage, and these commands write no journal content. (Unlocking
    still does what any unlock does: the daily backup — which checks every page first — a due
    schema upgrade, tidying up after an interrupted change of keys.)"""
    opened = unlock_for_use(
        path, passphrase, settings, backups, pending, check_every_page=False,
        upkeep_later=upkeep_later,
    )  # fmt: skip
    return JournalReader(opened)

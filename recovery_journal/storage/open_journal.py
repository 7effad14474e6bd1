"""An unlocked journal (:class:`OpenJournal`): the single-instance lock, the keys (zeroed on
lock), the keyed SQLCipher connection (and, once the ORM is used, the SQLAlchemy engine over it),
plus what it does while open: read transactions, backups, locking.

How a journal gets opened is :mod:`~recovery_journal.storage.vault`'s job.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from recovery_journal.domain.clock import utc_now
from recovery_journal.errors import ErrorKind, UserError
from recovery_journal.paths import backups_dir, normalise_journal_path
from recovery_journal.storage import backup, database, keys, migrations
from recovery_journal.storage.instance_lock import InstanceLock
from recovery_journal.storage.options import BackupSettings

if TYPE_CHECKING:
    from sqlalchemy import Engine


@dataclass
class OpenJournal:
    """An unlocked journal. Use it from one thread at a time (``guard``); :meth:`close` locks it."""

    path: Path
    journal_id: str
    connection: database.DBAPIConnection
    key_material: keys.UnlockedKeys
    instance_lock: InstanceLock
    envelope: keys.Envelope
    backups: BackupSettings = field(default_factory=BackupSettings)
    guard: threading.RLock = field(default_factory=threading.RLock)
    migrated_from: int | None = None
    # True when this unlock finished an interrupted change of every key: its new recovery code
    # may never have been shown, so the person is offered a new one.
    finished_key_change: bool = False
    closed: bool = False
    _engine: Engine | None = field(default=None, init=False, repr=False)

    @property
    def engine(self) -> Engine:
        """The SQLAlchemy engine over :attr:`connection`, made on first use (importing
        SQLAlchemy and the ORM is most of a command-line run that doesn't need them)."""
        with self.guard:
            self._require_open()
            if self._engine is None:
                from recovery_journal.storage.engine import make_engine

                self._engine = make_engine(self.connection)
            return self._engine

    @contextmanager
    def reading(self) -> Iterator[database.DBAPIConnection]:
        """The connection inside one read transaction (a consistent snapshot), for plain-SQL
        reads; whatever happens inside is rolled back at the end. Called inside a unit of work
        already open on this thread, it reads within that one (and leaves it to its owner)."""
        with self.guard:
            self._require_open()
            if self.connection.in_transaction:
                yield self.connection
                return
            self.connection.execute("BEGIN")
            try:
                yield self.connection
            finally:
                if self.connection.in_transaction:  # an error may have ended it already
                    self.connection.execute("ROLLBACK")

    def schema_version(self) -> int:
        with self.guard:
            return migrations.schema_version(self.connection)

    def backup_to(self, destination: Path, reason: str = "manual") -> backup.BackupInfo:
        with self.guard:
            self._require_open()
            return backup.write_bundle(
                self.connection,
                self.key_material.data_key,
                self.envelope,
                migrations.schema_version(self.connection),
                destination,
                reason,
            )

    def auto_backup(self, reason: str = "", *, force: bool = False) -> backup.BackupInfo | None:
        """A rotating backup in the backups folder; at most once a day unless forced."""
        folder = self.backups.folder_for(self.path)
        now = utc_now()
        if not force and not backup.backup_due(folder, now, self.journal_id):
            return None
        name = backup.bundle_name(now, reason, self.journal_id)
        info = self.backup_to(folder / name, reason or "automatic")
        if folder == backups_dir(self.path):  # the app's own folder, maybe made before 0700
            backup.keep_folder_private(folder)
        backup.rotate(folder, self.backups.keep, self.journal_id)
        return info

    def _require_open(self) -> None:
        if self.closed:
            raise UserError(ErrorKind.JOURNAL_LOCKED, "The journal is locked. Unlock it first.")

    def close(self) -> None:
        """Lock: dispose the engine, close the connection, zero the keys, drop the lock."""
        with self.guard:
            if self.closed:
                return
            self.closed = True
            try:
                if self._engine is not None:
                    self._engine.dispose()
                self.connection.close()
            finally:
                self.key_material.wipe()
                self.instance_lock.release()


def opened(
    path: Path,
    conn: database.DBAPIConnection,
    key_material: keys.UnlockedKeys,
    lock: InstanceLock,
    envelope: keys.Envelope,
    backups: BackupSettings,
) -> OpenJournal:
    """The unlocked journal made of these parts."""
    return OpenJournal(
        path=path,
        journal_id=envelope.journal_id,
        connection=conn,
        key_material=key_material,
        instance_lock=lock,
        envelope=envelope,
        backups=backups,
    )


def last_backup_time(
    journal: Path, backups: BackupSettings = BackupSettings(), journal_id: str | None = None
) -> datetime | None:
    """When the newest backup of this journal (or of any, without ``journal_id``) was made."""
    bundles = backup.list_bundles(backups.folder_for(normalise_journal_path(journal)), journal_id)
    return bundles[-1][0].astimezone(UTC) if bundles else None

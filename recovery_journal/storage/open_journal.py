"""An unlocked journal (:class:`OpenJournal`): the single-instance lock, the keys (zeroed on
lock), the keyed SQLCipher connection (and, once the ORM is used, the SQLAlchemy engine over it),
plus what it does while open: read transactions, backups, the whole-file check, locking.

Whole-file work (checking every page's HMAC, a backup's snapshot) runs on a second, read-only
*side connection* of its own, so it never holds the main connection (and the person) up: the app
does it in the background after unlocking, the command line after its output. Locking waits for
side work to end (a backup's copy stops early and leaves no file behind), so no connection holds
the key once the journal is locked.

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

from sqlcipher3 import dbapi2

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
    _side_count: int = field(default=0, init=False, repr=False)
    _side_done: threading.Condition = field(init=False, repr=False)
    _closing: threading.Event = field(default_factory=threading.Event, init=False, repr=False)

    def __post_init__(self) -> None:
        self._side_done = threading.Condition(self.guard)

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

    def drop_engine(self) -> None:
        """Let go of the engine over :attr:`connection`, which is about to be closed and replaced
        (a new one is made over the new connection on first use)."""
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None

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

    # ------------------------------------------------------------ side work

    @contextmanager
    def side_connection(self) -> Iterator[database.DBAPIConnection]:
        """A read-only connection of its own for whole-file work; :meth:`close` waits for it."""
        with self.guard:
            self._require_open()
            if self.closing:  # locking has begun: no new work that would hold it up
                raise UserError(ErrorKind.JOURNAL_LOCKED, "The journal is locked. Unlock it first.")
            conn = database.side_connect(self.path, self.key_material.data_key)
            self._side_count += 1
        try:
            yield conn
        finally:
            conn.close()
            with self.guard:
                self._side_count -= 1
                self._side_done.notify_all()

    def wait_for_side_work(self) -> None:
        """Block (holding :attr:`guard`) until no side connection is open."""
        with self.guard:
            while self._side_count:
                self._side_done.wait()

    @property
    def closing(self) -> bool:
        """Locking has begun: long side work should stop."""
        return self._closing.is_set()

    def _pages_fail(self, side: database.DBAPIConnection) -> bool:
        """Every page's HMAC, checked on ``side``. A page read while the main connection was
        copying committed changes into the file could look torn, so a failure is confirmed
        with the main connection held still."""
        if not database.pages_fail_check(side):
            return False
        with self.guard:
            return database.pages_fail_check(side)

    def verify_pages(self) -> None:
        """Check every page of the file off the main connection; damage raises the same kind
        message an unlock gave when it checked every page itself."""
        try:
            with self.side_connection() as side:
                damaged = self._pages_fail(side)
        except dbapi2.Error as exc:
            raise database.error_from_sqlite(exc) or database.damaged_error() from None
        if damaged:
            raise database.damaged_error()

    def state(self) -> str | None:
        """The journal file's state (size and time written) with every committed change copied
        into it, or None if that can't be said now: two equal states hold the same content."""
        with self.guard:
            self._require_open()
            busy, log, _ = self.connection.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
            if busy or log:
                return None
            info = self.path.stat()
            return f"{info.st_size}:{info.st_mtime_ns}"

    # ------------------------------------------------------------ backups

    def backup_to(
        self, destination: Path, reason: str = "manual", state: str | None = None
    ) -> backup.BackupInfo:
        """A backup bundle at ``destination``, its snapshot taken on a side connection (every
        page checked first: a damaged copy never takes a good backup's place)."""
        with self.side_connection() as side:
            with self.guard:  # the snapshot starts from what is committed now
                side.execute("BEGIN")
                side.execute("SELECT count(*) FROM sqlite_schema").fetchall()
                version = migrations.schema_version(self.connection)
            try:
                if self._pages_fail(side):
                    raise database.damaged_error()
                return backup.write_bundle(
                    side,
                    self.key_material.data_key,
                    self.envelope,
                    version,
                    destination,
                    reason,
                    checked=True,
                    state=state,
                    stop=lambda: self.closing,
                )
            finally:
                if side.in_transaction:
                    side.execute("ROLLBACK")

    def auto_backup(
        self, reason: str = "", *, force: bool = False, if_changed: bool = False
    ) -> backup.BackupInfo | None:
        """A rotating backup in the backups folder; at most once a day unless forced. With
        ``if_changed``, none either when the newest backup holds exactly this state."""
        folder = self.backups.folder_for(self.path)
        now = utc_now()
        if not force and not backup.backup_due(folder, now, self.journal_id):
            return None
        state = self.state() if if_changed else None
        if state is not None and state == backup.newest_state(folder, self.journal_id):
            return None
        name = backup.bundle_name(now, reason, self.journal_id)
        info = self.backup_to(folder / name, reason or "automatic", state)
        if folder == backups_dir(self.path):  # the app's own folder, maybe made before 0700
            backup.keep_folder_private(folder)
        backup.rotate(folder, self.backups.keep, self.journal_id)
        return info

    def _require_open(self) -> None:
        if self.closed:
            raise UserError(ErrorKind.JOURNAL_LOCKED, "The journal is locked. Unlock it first.")

    def close(self) -> None:
        """Lock: stop side work, dispose the engine, close the connection, zero the keys, drop
        the lock."""
        self._closing.set()
        with self.guard:
            if self.closed:
                return
            self.wait_for_side_work()
            self.closed = True
            try:
                self.drop_engine()
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

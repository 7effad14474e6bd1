"""Converting a journal with 4 KB SQLCipher pages to 8 KB pages, once, at unlock, crash-safely.

A heavy writer's ~1.1 KB entry rows fit three to a 4 KB page (a fifth of each page empty) and
seven to an 8 KB one; new journals are made with 8 KB pages, and an older journal is converted at
its first unlock by this version, after the schema upgrades and after an automatic backup (the
upgrade's own, or ``…-before-upgrade-pages``). SQLCipher can't change the page size of a file in
place, so the journal is copied:

1. the write-ahead log is emptied into the file and the journal switched to a rollback journal,
   so no ``-wal``/``-shm`` belongs to the old file;
2. ``sqlcipher_export`` writes a copy at 8 KB pages into a private temporary file beside it
   (``.NAME.rjournal.pages.tmp``) under the same key *and* the same salt (the key file records
   the salt), with the same ``user_version``; it is checked against the journal and fsynced;
3. the connection is closed, the copy renamed over the journal (``os.replace``, then the folder
   fsynced), and the journal opened again (in WAL mode, as always).

Killed anywhere, the journal opens with all its data: before the rename it is the old file, whole
(the temporary file is removed at the next unlock, which converts again); after it, the new one.
When the copy can't be made for a reason of the environment (a full disk), the journal stays as it
is, fully usable, and the next unlock tries again.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from shutil import disk_usage

from sqlcipher3 import dbapi2

from recovery_journal.domain.clock import utc_now
from recovery_journal.errors import ErrorKind, UserError
from recovery_journal.storage import backup, database, migrations
from recovery_journal.storage.atomic import create_private_file, fsync_dir
from recovery_journal.storage.keys import sqlcipher_key_spec, zero
from recovery_journal.storage.open_journal import OpenJournal
from recovery_journal.storage.page_check import LARGE_PAGE_SIZE, SALT_SIZE

BACKUP_REASON = "before-upgrade-pages"
_COPY = "pages"  # the copy's schema name while attached
_TEMP_SUFFIXES = ("", "-journal", "-wal", "-shm")
_SPARE_BYTES = (
    4 * 1024 * 1024
)  # room the copy needs beyond its size: its rollback journal, metadata


class CopyMismatch(Exception):
    """The converted copy doesn't hold what the journal holds (never kept)."""


def temp_path(path: Path) -> Path:
    """Where the converted copy of the journal at ``path`` is written before it replaces it:
    beside the real file (a journal opened through a symbolic link is converted where it is)."""
    real = path.resolve()
    return real.with_name(f".{real.name}.pages.tmp")


def remove_leftovers(path: Path) -> None:
    """Remove a copy an interrupted conversion left (and SQLite's files beside it), as far as
    possible: one that stays (an unwritable folder) only keeps the next conversion from starting."""
    temp = temp_path(path)
    for suffix in _TEMP_SUFFIXES:
        with contextlib.suppress(OSError):
            temp.with_name(temp.name + suffix).unlink(missing_ok=True)


def _salted_key(data_key: bytearray, salt_hex: str) -> bytearray:
    """``x'<64 hex key><32 hex salt>'``: SQLCipher's raw key that also sets a new file's salt (in
    a buffer the caller zeroes; the key's digits are copied without an intermediate object)."""
    spec = sqlcipher_key_spec(data_key)
    try:
        salted = bytearray(len(spec) + 2 * SALT_SIZE)
        salted[: len(spec) - 1] = memoryview(spec)[:-1]
        salted[len(spec) - 1 : -1] = salt_hex.encode("ascii")
        salted[-1] = ord("'")
        return salted
    finally:
        zero(spec)


def export_copy(
    conn: database.DBAPIConnection, data_key: bytearray, target: Path, page_size: int
) -> None:
    """Write a copy of ``conn``'s database into the empty file ``target`` with ``page_size``-byte
    pages, under the same key and salt, with the same schema version; fsynced."""
    salt = str(conn.execute("PRAGMA cipher_salt").fetchone()[0])
    version = migrations.schema_version(conn)
    keyed = _salted_key(data_key, salt)
    try:
        conn.execute(f"ATTACH DATABASE ? AS {_COPY} KEY ?", (str(target), keyed))
    finally:
        zero(keyed)
    try:
        conn.execute(f"PRAGMA {_COPY}.cipher_page_size = {int(page_size)}").fetchall()
        conn.execute(f"SELECT sqlcipher_export('{_COPY}')").fetchall()
        conn.execute(f"PRAGMA {_COPY}.user_version = {int(version)}").fetchall()  # not copied
        copy_salt = str(conn.execute(f"PRAGMA {_COPY}.cipher_salt").fetchone()[0])
        if copy_salt != salt or database.page_size(conn, _COPY) != page_size:
            raise CopyMismatch()
    finally:
        conn.execute(f"DETACH DATABASE {_COPY}")
    fd = os.open(target, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _contents(conn: database.DBAPIConnection) -> list[tuple[object, ...]]:
    """The schema, its version and the number of rows of every table: what a copy must equal."""
    schema = conn.execute(
        "SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY type, name"
    ).fetchall()
    stored = conn.execute(  # virtual tables have no pages of their own (rootpage 0)
        "SELECT name FROM sqlite_schema WHERE type = 'table' AND rootpage > 0 ORDER BY name"
    ).fetchall()
    counts = tuple(
        conn.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] for (name,) in stored
    )
    return [*schema, (migrations.schema_version(conn),), counts]


def _check_copy(conn: database.DBAPIConnection, target: Path, data_key: bytearray) -> None:
    """The copy opens at 8 KB pages (found the way every connection finds it) and holds the same
    schema, version and rows per table as the journal (read-only: it stays as fsynced)."""
    copy = database.side_connect(target, data_key)
    try:
        if database.page_size(copy) != LARGE_PAGE_SIZE or _contents(copy) != _contents(conn):
            raise CopyMismatch()
    finally:
        copy.close()


def _keep_old(conn: database.DBAPIConnection, path: Path, exc: BaseException) -> None:
    """The copy failed: remove it, put the journal back in WAL mode, and raise only what an
    unlock would report anyway (damage); anything else leaves the journal as it was."""
    remove_leftovers(path)
    database.back_to_wal(conn)
    if isinstance(exc, dbapi2.Error):
        error = database.error_from_sqlite(exc)
        if error is None or error.kind is ErrorKind.JOURNAL_DAMAGED:
            raise error or exc from None


def convert(journal: OpenJournal) -> bool:
    """Give a just-unlocked journal 8 KB pages if it has 4 KB ones (see the module docstring);
    returns whether it was converted. Its backup is the caller's job, taken before."""
    conn = journal.connection
    if database.page_size(conn) == LARGE_PAGE_SIZE:
        return False
    path, data_key = journal.path, journal.key_material.data_key
    real, temp = path.resolve(), temp_path(path)
    with journal.guard:
        journal.wait_for_side_work()  # none at unlock; a side connection would keep old pages
        try:
            remove_leftovers(path)
            create_private_file(temp)
            if not database.leave_wal(conn) or _wal_of(real).exists():
                raise OSError("the write-ahead log could not be emptied")
            export_copy(conn, data_key, temp, LARGE_PAGE_SIZE)
            _check_copy(conn, temp, data_key)
        except (dbapi2.Error, OSError, CopyMismatch) as exc:
            _keep_old(conn, path, exc)
            return False
        journal.drop_engine()
        conn.close()
        try:
            os.replace(temp, real)
        except OSError:
            remove_leftovers(path)
            journal.connection = database.connect(path, data_key)  # the old file, as it was
            return False
        with contextlib.suppress(OSError):  # renamed already: the journal is the new file
            fsync_dir(real.parent)
        journal.instance_lock.renew_identity()  # the lock held the old file's inode
        journal.connection = database.connect(path, data_key)
        return True


def _wal_of(real: Path) -> Path:
    return real.with_name(real.name + "-wal")


def _worth_trying(journal: OpenJournal) -> bool:
    """Whether to convert at this unlock. Not when the file has other names (hard links): the
    copy would take one name's place and leave the others on the old file, two journals from
    then on. Not when the folder has no room for the copy: it would fail after a backup."""
    real = journal.path.resolve()
    try:
        info = real.stat()
        free = disk_usage(real.parent).free
    except OSError:
        return False
    return info.st_nlink == 1 and free > info.st_size + info.st_size // 10 + _SPARE_BYTES


def _backed_up_today(journal: OpenJournal) -> bool:
    """Whether a backup for the conversion was already taken today (a conversion that failed
    for a reason that lasts is tried at each unlock, but backed up once a day, or rotation would
    replace older, different backups with copies of one)."""
    folder = journal.backups.folder_for(journal.path)
    today = utc_now().date()
    return any(
        when.date() == today and bundle.name.endswith(f"-{BACKUP_REASON}.rjbackup")
        for when, bundle in backup.list_bundles(folder, journal.journal_id)
    )


def backup_then_convert(journal: OpenJournal) -> bool:
    """At unlock: when the journal has 4 KB pages, take the automatic backup (unless the schema
    upgrade just took one) and convert it. A backup that can't be written (a full disk) leaves
    the journal unconverted until the next unlock; one that finds damage reports it."""
    if database.page_size(journal.connection) == LARGE_PAGE_SIZE or not _worth_trying(journal):
        return False
    if journal.migrated_from is None and not _backed_up_today(journal):
        try:
            journal.auto_backup(BACKUP_REASON, force=True)
        except UserError as error:
            if error.kind is ErrorKind.JOURNAL_DAMAGED:
                raise
            return False
    return convert(journal)

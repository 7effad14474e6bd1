"""The SQLCipher connection: opening it, its pragmas, and what its errors mean.

The opening sequence follows docs/SECURITY.md: ``mode=rw`` so a missing file is never silently
created, the raw key set from a zeroed ``bytearray``, SQLCipher's logger silenced once per process,
then the pragmas that keep everything encrypted (``temp_store = MEMORY``) and durable (WAL,
``synchronous = FULL``). The SQLAlchemy engine over this connection is in
:mod:`recovery_journal.storage.engine`; this module doesn't import SQLAlchemy.
"""

from __future__ import annotations

import contextlib
import threading
from pathlib import Path
from typing import Any

from sqlcipher3 import dbapi2

from recovery_journal.errors import ErrorKind, UserError
from recovery_journal.storage.keys import sqlcipher_key_spec, zero
from recovery_journal.storage.page_check import page_size_of

SQLITE_HEADER = b"SQLite format 3\x00"
PRAGMAS = (
    "cipher_memory_security = ON",
    "temp_store = MEMORY",
    "journal_mode = WAL",
    "synchronous = FULL",
    "foreign_keys = ON",
    "secure_delete = ON",
    "busy_timeout = 5000",
)

_log_silenced = False
_log_lock = threading.Lock()

DBAPIConnection = Any  # sqlcipher3 ships no type information


def silence_sqlcipher_log() -> None:
    """SQLCipher prints 'hmac check failed' to stderr on a wrong key; turn that off (global)."""
    global _log_silenced
    with _log_lock:
        if _log_silenced:
            return
        probe = dbapi2.connect(":memory:")
        try:
            probe.execute("PRAGMA cipher_log_level = NONE")
        finally:
            probe.close()
        _log_silenced = True


def damaged_error() -> UserError:
    return UserError(
        ErrorKind.JOURNAL_DAMAGED,
        "This journal file is damaged and can't be read safely. Nothing was changed.",
        hint="You can restore it from your latest backup.",
    )


# SQLite's fixed texts for the result codes mapped below (sqlite3ErrStr). sqlcipher3 leaves
# ``sqlite_errorname`` unset on some paths (the online backup API), so the text is the fallback.
_ERROR_TEXTS = {
    "database or disk is full": "SQLITE_FULL",
    "attempt to write a readonly database": "SQLITE_READONLY",
    "file is not a database": "SQLITE_NOTADB",
    "database disk image is malformed": "SQLITE_CORRUPT",
    "unable to open database file": "SQLITE_CANTOPEN",
    "disk I/O error": "SQLITE_IOERR",
    "database is locked": "SQLITE_BUSY",
    "database table is locked": "SQLITE_LOCKED",
}


def sqlite_error_name(exc: Exception) -> str:
    """The SQLite result code name of a driver error (``SQLITE_FULL``…), or ``""``."""
    return getattr(exc, "sqlite_errorname", "") or _ERROR_TEXTS.get(str(exc), "")


def error_from_sqlite(exc: Exception, *, opening: bool = False) -> UserError | None:
    """Map a SQLCipher error caused by the environment to a UserError; None means a bug."""
    name = sqlite_error_name(exc)
    if name.startswith("SQLITE_FULL"):
        return UserError(
            ErrorKind.DISK_FULL,
            "The disk is full, so the last change could not be saved. "
            "Everything saved before is safe.",
            hint="Free some space and try again.",
        )
    if name.startswith("SQLITE_READONLY"):
        return UserError(
            ErrorKind.READ_ONLY,
            "The journal is in a place that can't be written to, so changes can't be saved.",
            hint="Move it to a folder you can write to.",
        )
    if name.startswith(("SQLITE_NOTADB", "SQLITE_CORRUPT")):
        return damaged_error()
    if name.startswith("SQLITE_CANTOPEN") and opening:
        return UserError(ErrorKind.JOURNAL_MISSING, "The journal file can't be opened.")
    if name.startswith("SQLITE_IOERR"):
        return UserError(
            ErrorKind.IO,
            "The computer couldn't read or write the journal file (a disk or drive problem).",
            hint="Check the drive, then try again.",
        )
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
        return UserError(
            ErrorKind.ALREADY_OPEN, "The journal is busy in another program. Try again shortly."
        )
    return None


def _casefold(value: object) -> object:
    return value.casefold() if isinstance(value, str) else value


def _apply_pragmas(conn: DBAPIConnection) -> None:
    for pragma in PRAGMAS:
        conn.execute(f"PRAGMA {pragma}").fetchall()
    # SQLite's lower() and NOCASE fold ASCII only; tags are matched the way Python folds them
    # ('Ärger' = 'ärger'), so every lookup uses this one definition.
    conn.create_function("casefold", 1, _casefold, deterministic=True)


def _keyed(path: Path, data_key: bytearray, mode: str) -> DBAPIConnection:
    """A connection in ``mode`` (ro, rw, rwc) with the raw key set from a zeroed buffer and the
    file's page size (found in the file itself, before SQLite reads it: see page_check)."""
    silence_sqlcipher_log()
    size = page_size_of(path, data_key)
    uri = f"{path.absolute().as_uri()}?mode={mode}"
    try:
        conn = dbapi2.connect(uri, uri=True, check_same_thread=False, isolation_level=None)
    except dbapi2.Error as exc:
        raise error_from_sqlite(exc, opening=True) or damaged_error() from None
    spec = sqlcipher_key_spec(data_key)
    try:
        conn.set_key(spec)
    finally:
        zero(spec)
    try:
        # SQLCipher 4's settings, then the page size: setting the compatibility later would put
        # a new file's page size back to 4,096.
        conn.execute("PRAGMA cipher_compatibility = 4").fetchall()
        conn.execute(f"PRAGMA cipher_page_size = {int(size)}").fetchall()
    except dbapi2.Error as exc:
        conn.close()
        raise error_from_sqlite(exc, opening=True) or damaged_error() from None
    return conn


def page_size(conn: DBAPIConnection, schema: str = "main") -> int:
    """The SQLCipher page size ``conn`` reads ``schema`` with (8,192, or 4,096 for a journal made
    before: see :mod:`~recovery_journal.storage.page_check`)."""
    return int(conn.execute(f"PRAGMA {schema}.cipher_page_size").fetchone()[0])


def side_connect(path: Path, data_key: bytearray) -> DBAPIConnection:
    """A second, read-only connection to an open journal, for whole-file work (the page check,
    a backup's snapshot) that must not hold up the main connection."""
    conn = _keyed(path, data_key, "ro")
    try:
        conn.execute("PRAGMA temp_store = MEMORY").fetchall()
        conn.execute("PRAGMA busy_timeout = 5000").fetchall()
    except dbapi2.Error as exc:
        conn.close()
        raise error_from_sqlite(exc, opening=True) or damaged_error() from None
    return conn


def pages_fail_check(conn: DBAPIConnection) -> bool:
    """Whether any page of the file fails its HMAC (``PRAGMA cipher_integrity_check``: every
    page of the database file as it is on disk, not yet checkpointed changes)."""
    return bool(conn.execute("PRAGMA cipher_integrity_check").fetchall())


def connect(path: Path, data_key: bytearray, *, create: bool = False) -> DBAPIConnection:
    """Open (or, with ``create``, make) the encrypted database and verify the key reads it."""
    conn = _keyed(path, data_key, "rwc" if create else "rw")
    try:
        # The key is only checked on the first read: this is where a bad file shows itself.
        conn.execute("SELECT count(*) FROM sqlite_schema").fetchall()
        _apply_pragmas(conn)
    except dbapi2.Error as exc:
        conn.close()
        raise error_from_sqlite(exc, opening=True) or damaged_error() from None
    return conn


def rekey(conn: DBAPIConnection, data_key: bytearray) -> None:
    """Re-encrypt every page under ``data_key``, crash-safely.

    The write-ahead log is emptied into the file first and the rewrite runs with a rollback
    journal: killed at any point, the file opens with exactly one of the two keys, whole (a hot
    journal of old-key pages is rolled back by whoever opens next, whatever key they hold). The
    journal is back in WAL mode afterwards.

    If this raises, ``conn`` must not be used again, not even to read: after a rewrite that
    failed halfway (a full disk), SQLCipher has rolled the pages back but the connection writes
    with the new key and reads with the old one. Close it and find out with :func:`accepts`
    which key the file answers to."""
    spec = sqlcipher_key_spec(data_key)
    try:
        leave_wal(conn)
        conn.reset_key(spec)
    except dbapi2.Error as exc:
        raise error_from_sqlite(exc) or damaged_error() from None
    finally:
        zero(spec)
    back_to_wal(conn)


def leave_wal(conn: DBAPIConnection) -> bool:
    """Empty the write-ahead log into the file and switch to a rollback journal (for work that
    rewrites the whole file); whether both happened, so no ``-wal`` belongs to the file."""
    busy, _log, _done = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    mode = conn.execute("PRAGMA journal_mode = DELETE").fetchone()[0]
    return not busy and str(mode).lower() == "delete"


def back_to_wal(conn: DBAPIConnection) -> None:
    """Back to the write-ahead log after :func:`leave_wal` (if not now, the next opening sets
    it again)."""
    with contextlib.suppress(dbapi2.Error):
        conn.execute("PRAGMA journal_mode = WAL").fetchall()


def accepts(path: Path, data_key: bytearray) -> bool:
    """Whether the database at ``path`` reads with ``data_key``. Opening read-write first rolls
    back a hot journal left by an interrupted rewrite (raw pages: no key needed for that)."""
    try:
        conn = connect(path, data_key)
    except UserError:
        return False
    conn.close()
    return True


def leftover_wal_fits(path: Path, data_key: bytearray) -> bool:
    """Whether a ``-wal`` file left beside ``path`` (after a crash) reads cleanly with the key.

    SQLite replays any ``-wal`` file it finds beside a database and, when the last connection
    closes, copies it into the database without checking that the two belong together: a
    ``-wal`` left by another journal (files copied or restored by hand) would overwrite pages of
    this one. A read-only connection never copies (checkpoints), so it can look without writing.
    A damaged journal file (or a key that opens none of it) raises the usual "damaged" error.
    """
    wal = path.with_name(path.name + "-wal")
    try:
        if wal.stat().st_size == 0:
            return True
    except FileNotFoundError:
        return True
    conn = _keyed(path, data_key, "ro")
    try:
        conn.execute("PRAGMA temp_store = MEMORY").fetchall()
        if conn.execute("PRAGMA cipher_integrity_check").fetchall():  # the file itself only
            raise damaged_error()
        return bool(conn.execute("PRAGMA quick_check").fetchall() == [("ok",)])
    except dbapi2.Error as exc:
        if sqlite_error_name(exc).startswith(("SQLITE_NOTADB", "SQLITE_CORRUPT")):
            return False
        raise error_from_sqlite(exc, opening=True) or damaged_error() from None
    finally:
        conn.close()

"""A consistent, encrypted copy of an open journal's database (a backup's snapshot).

The copy is made with SQLite's online backup API into a target keyed with the same key, so it is
as encrypted as the journal and consistent even in WAL mode (copying the open file is not); it is
made in steps, asking between them whether to stop (locking), so stopping never leaves a file.
The copy keeps the journal's page size (8 KB, or 4 KB for a journal not yet converted).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from sqlcipher3 import dbapi2

from recovery_journal.errors import ErrorKind, UserError
from recovery_journal.storage.database import (
    DBAPIConnection,
    damaged_error,
    error_from_sqlite,
    page_size,
)
from recovery_journal.storage.keys import sqlcipher_key_spec, zero

_STEP_PAGES = 1024  # a backup's copy asks whether to stop every 8 MB (4 MB at 4 KB pages)


class BackupStopped(Exception):
    """A backup's copy ended early because the journal is being locked; nothing was kept."""


def snapshot(
    conn: DBAPIConnection,
    data_key: bytearray,
    target: Path,
    *,
    checked: bool = False,
    stop: Callable[[], bool] | None = None,
) -> str:
    """Write an encrypted, consistent copy of the open database to ``target`` (new or empty);
    returns the copy's SQLCipher salt (a new file gets a new salt).

    Every page's HMAC is checked first (unless the caller just did, ``checked``): SQLite's
    backup API copies a page that fails its check without a word, and a damaged copy must never
    take a good backup's place in the rotation. ``stop`` is asked between steps of the copy;
    when it says so the copy ends early (``BackupStopped``) and the target is removed."""
    spec = sqlcipher_key_spec(data_key)

    def progress(_status: int, _remaining: int, _total: int) -> None:
        if stop is not None and stop():
            raise BackupStopped()

    try:
        if not checked and conn.execute("PRAGMA cipher_integrity_check").fetchall():
            raise damaged_error()
        size = page_size(conn)
        dest = dbapi2.connect(str(target))
        try:
            dest.set_key(spec)
            # The copy has the journal's page size: SQLite's backup API copies pages as they are,
            # and a target of another size would hold pages nobody can read.
            dest.execute(f"PRAGMA cipher_page_size = {size}").fetchall()
            conn.backup(dest, pages=_STEP_PAGES, progress=progress)
            return str(dest.execute("PRAGMA cipher_salt").fetchone()[0])
        finally:
            dest.close()
    except dbapi2.Error as exc:
        target.unlink(missing_ok=True)
        raise error_from_sqlite(exc) or UserError(
            ErrorKind.IO, "The backup could not be written."
        ) from None
    except BackupStopped:
        target.unlink(missing_ok=True)
        raise
    finally:
        zero(spec)

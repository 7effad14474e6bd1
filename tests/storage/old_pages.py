"""Journals as a version before the 8 KB pages left them (4,096-byte SQLCipher pages), for the tests
of the conversion: a real journal is copied with ``sqlcipher_export`` to 4 KB pages (the same key,
salt and schema version) and put in its own place, as if an older app had written it."""

from __future__ import annotations

import os
from pathlib import Path

from recovery_journal.paths import keys_path
from recovery_journal.storage import database, keys, large_pages, page_check
from recovery_journal.storage.atomic import create_private_file
from tests.conftest import FAST, PASSPHRASE


def data_key_of(path: Path, passphrase: str = PASSPHRASE) -> bytearray:
    """The journal's data key (unwrapped with its passphrase)."""
    envelope = keys.read_envelope(keys_path(path))
    return keys.unlock_with_passphrase(envelope, passphrase, FAST.policy).data_key


def make_old_pages(path: Path, passphrase: str = PASSPHRASE) -> None:
    """Give the locked journal at ``path`` 4,096-byte pages."""
    data_key = data_key_of(path, passphrase)
    temp = path.with_name(path.name + ".old-pages")
    temp.unlink(missing_ok=True)
    create_private_file(temp)
    conn = database.connect(path, data_key)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
        large_pages.export_copy(conn, data_key, temp, page_check.OLD_PAGE_SIZE)
    finally:
        conn.close()
    os.replace(temp, path)
    assert page_check.page_size_of(path, data_key) == page_check.OLD_PAGE_SIZE

"""SQLCipher page HMACs checked in Python: which page size a journal file has, and telling "this
key never opened this file" apart from "this file is damaged".

**Page size.** Journals made since the 8 KB pages have 8,192-byte SQLCipher pages, older ones
4,096 (converted once at their next unlock: :mod:`~recovery_journal.storage.large_pages`). The size
is stored nowhere but in the file itself, and SQLCipher must be told it before its first read, so
:func:`page_size_of` finds it on every connection before SQLite opens the file: page 1 carries a
valid HMAC under the key at exactly one size. Only the main file is read — never a write-ahead
log, which is where the newest data of a journal that crashed lives. A missing or empty file (a
journal being made) gets the new size.

**Older keys.** To SQLCipher a wrong key and a damaged first page look the same (``file is not a
database``). That matters after "change every key": an old key file with its old passphrase
unwraps a data key that no page of the re-encrypted database accepts, and "damaged, restore from
your latest backup" would be the wrong advice (the backup is older: newer entries would be lost).
So, when opening fails, the HMAC of each page (SQLCipher 4 defaults, raw key: docs/FILE-FORMAT.md)
is checked here at both page sizes: if no page at all fits the key, the key is not this file's
(any more); if some do, the file is damaged.
"""

from __future__ import annotations

import hashlib
import hmac
import struct
from pathlib import Path

LARGE_PAGE_SIZE = 8192  # every journal made or opened by this version (issue 14 item 2)
OLD_PAGE_SIZE = 4096  # SQLCipher 4's default: every journal made before
PAGE_SIZES = (LARGE_PAGE_SIZE, OLD_PAGE_SIZE)
PAGE_SIZE = OLD_PAGE_SIZE  # the size an existing file is opened at when no page 1 fits the key
SALT_SIZE = 16
HMAC_SIZE = 64  # HMAC-SHA512
HMAC_SALT_MASK = 0x3A
FAST_KDF_ITERATIONS = 2
KEY_SIZE = 32
MAX_PAGES = 64
# SQLite's rollback journal header: magic, then (big-endian) page count, nonce, initial size,
# sector size, page size. It is not encrypted.
_JOURNAL_MAGIC = bytes.fromhex("d9d505f920a163d7")
_JOURNAL_PAGE_SIZE_AT = 24


def _hmac_key(data_key: bytearray, salt: bytes) -> bytes:
    """SQLCipher's HMAC key for a raw key: PBKDF2-HMAC-SHA512(key, salt ^ 0x3a, 2 rounds). It
    authenticates pages; it decrypts nothing."""
    hmac_salt = bytes(b ^ HMAC_SALT_MASK for b in salt)
    return hashlib.pbkdf2_hmac("sha512", data_key, hmac_salt, FAST_KDF_ITERATIONS, KEY_SIZE)


def _page_fits(key: bytes, page: bytes, index: int) -> bool:
    """Whether ``page`` (the ``index``-th, from 0) carries a valid HMAC under ``key``."""
    size = len(page)
    start = SALT_SIZE if index == 0 else 0
    signed = page[start : size - HMAC_SIZE] + struct.pack("<I", index + 1)
    expected = hmac.new(key, signed, hashlib.sha512).digest()
    return hmac.compare_digest(expected, page[size - HMAC_SIZE :])


def pages_fitting(
    path: Path, data_key: bytearray, max_pages: int = MAX_PAGES, page_size: int = PAGE_SIZE
) -> tuple[int, int]:
    """How many of the first ``max_pages`` whole pages of ``page_size`` bytes there are, and how
    many of them carry a valid HMAC under ``data_key``."""
    with path.open("rb") as handle:
        data = handle.read(page_size * max_pages)
    if len(data) < page_size:
        return 0, 0
    key = _hmac_key(data_key, data[:SALT_SIZE])
    pages = len(data) // page_size
    fitting = sum(
        _page_fits(key, data[i * page_size : (i + 1) * page_size], i) for i in range(pages)
    )
    return pages, fitting


def _hot_journal_page_size(path: Path) -> int | None:
    """The page size in the header of a rollback journal left beside ``path`` (an interrupted
    "change every key": the file's page 1 may be under either key until SQLite rolls it back)."""
    try:
        with path.with_name(path.name + "-journal").open("rb") as handle:
            head = handle.read(_JOURNAL_PAGE_SIZE_AT + 4)
    except OSError:
        return None
    if len(head) < _JOURNAL_PAGE_SIZE_AT + 4 or not head.startswith(_JOURNAL_MAGIC):
        return None
    (size,) = struct.unpack(">I", head[_JOURNAL_PAGE_SIZE_AT:])
    return size if size in PAGE_SIZES else None


def page_size_of(path: Path, data_key: bytearray) -> int:
    """The SQLCipher page size to open ``path`` with under ``data_key``: the size at which its
    page 1 fits the key; for a missing or empty file (a new journal) 8,192; when page 1 fits at
    neither (damage, a wrong key), the size a hot rollback journal beside it records, else
    4,096 — the open then fails exactly as it did before there were two sizes."""
    try:
        with path.open("rb") as handle:
            head = handle.read(LARGE_PAGE_SIZE)
    except FileNotFoundError:
        return LARGE_PAGE_SIZE
    except OSError:
        return PAGE_SIZE  # unreadable: opening it reports that properly
    if not head:
        return LARGE_PAGE_SIZE
    if len(head) >= SALT_SIZE:
        key = _hmac_key(data_key, head[:SALT_SIZE])
        for size in PAGE_SIZES:
            if len(head) >= size and _page_fits(key, head[:size], 0):
                return size
    return _hot_journal_page_size(path) or PAGE_SIZE


def key_fits_no_page(path: Path, data_key: bytearray) -> bool:
    """True when the file has pages and not one of them, at either page size, was written with
    ``data_key``."""
    try:
        counts = [pages_fitting(path, data_key, page_size=size) for size in PAGE_SIZES]
    except OSError:
        return False
    return counts[-1][0] >= 2 and not any(fitting for _pages, fitting in counts)

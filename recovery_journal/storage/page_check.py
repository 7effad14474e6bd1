"""Telling "this key never opened this file" apart from "this file is damaged", page by page.

To SQLCipher a wrong key and a damaged first page look the same (``file is not a database``). That
matters after "change every key": an old key file with its old passphrase unwraps a data key that
no page of the re-encrypted database accepts, and "damaged, restore from your latest backup" would
be the wrong advice (the backup is older: newer entries would be lost). So, when the first page
fails, the HMAC of each page (SQLCipher 4 defaults, raw key: docs/FILE-FORMAT.md) is checked
here directly: if no page at all fits the key, the key is not this file's (any more); if some do,
the file is damaged.
"""

from __future__ import annotations

import hashlib
import hmac
import struct
from pathlib import Path

PAGE_SIZE = 4096
SALT_SIZE = 16
HMAC_SIZE = 64  # HMAC-SHA512
HMAC_SALT_MASK = 0x3A
FAST_KDF_ITERATIONS = 2
KEY_SIZE = 32
MAX_PAGES = 64


def _hmac_key(data_key: bytearray, salt: bytes) -> bytes:
    """SQLCipher's HMAC key for a raw key: PBKDF2-HMAC-SHA512(key, salt ^ 0x3a, 2 rounds)."""
    hmac_salt = bytes(b ^ HMAC_SALT_MASK for b in salt)
    return hashlib.pbkdf2_hmac("sha512", data_key, hmac_salt, FAST_KDF_ITERATIONS, KEY_SIZE)


def pages_fitting(path: Path, data_key: bytearray, max_pages: int = MAX_PAGES) -> tuple[int, int]:
    """How many of the first ``max_pages`` whole pages there are, and how many of them carry a
    valid HMAC under ``data_key``."""
    with path.open("rb") as handle:
        data = handle.read(PAGE_SIZE * max_pages)
    if len(data) < PAGE_SIZE:
        return 0, 0
    key = _hmac_key(data_key, data[:SALT_SIZE])
    pages = len(data) // PAGE_SIZE
    fitting = 0
    for index in range(pages):
        page = data[index * PAGE_SIZE : (index + 1) * PAGE_SIZE]
        start = SALT_SIZE if index == 0 else 0
        signed = page[start : PAGE_SIZE - HMAC_SIZE] + struct.pack("<I", index + 1)
        expected = hmac.new(key, signed, hashlib.sha512).digest()
        fitting += hmac.compare_digest(expected, page[PAGE_SIZE - HMAC_SIZE :])
    return pages, fitting


def key_fits_no_page(path: Path, data_key: bytearray) -> bool:
    """True when the file has pages and not one of them was written with ``data_key``."""
    try:
        pages, fitting = pages_fitting(path, data_key)
    except OSError:
        return False
    return pages >= 2 and fitting == 0

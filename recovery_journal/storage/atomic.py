"""Atomic, private file writes (the Electrum ``storage.write`` habit).

A temp file in the same folder, permissions 0600 set before any byte is written, write, flush,
fsync, ``os.replace``, then fsync of the folder: a crash or a full disk leaves either the old file
or the new one, never half of either, and nobody else on the machine can read it in between.
"""

from __future__ import annotations

import contextlib
import errno
import os
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from recovery_journal.errors import ErrorKind, UserError


def os_error_to_user_error(exc: OSError, what: str) -> UserError:
    """Translate an OS failure while writing ``what`` into a kind, specific message."""
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return UserError(
            ErrorKind.DISK_FULL,
            f"The disk is full, so {what} could not be saved. Nothing was changed.",
            hint="Free some space and try again.",
        )
    if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return UserError(
            ErrorKind.READ_ONLY,
            f"This location can't be written to, so {what} could not be saved.",
            hint="Choose a folder you can write to.",
        )
    return UserError(ErrorKind.IO, f"{what.capitalize()} could not be saved ({exc.strerror}).")


def create_private_file(path: Path) -> None:
    """Create ``path`` empty, readable by its owner only (0600), failing if it exists; SQLite
    gives a database's -wal/-shm/-journal the same mode."""
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))


def fsync_dir(folder: Path) -> None:
    """Make a rename in ``folder`` durable (no-op where directories can't be opened)."""
    if os.name == "nt":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


@contextlib.contextmanager
def atomic_writer(path: Path, what: str = "the file") -> Iterator[BinaryIO]:
    """Yield a private binary file that replaces ``path`` atomically when the block succeeds."""
    import tempfile  # (with shutil, bz2, lzma: ~7 ms) not on the way to deriving a key

    folder = path.parent
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise os_error_to_user_error(exc, what) from None
    tmp = Path(tmp_name)
    try:
        os.chmod(tmp, 0o600)
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
        fsync_dir(folder)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise os_error_to_user_error(exc, what) from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def write_atomic(path: Path, data: bytes, what: str = "the file") -> None:
    """Replace ``path`` with ``data`` atomically and privately."""
    with atomic_writer(path, what) as handle:
        handle.write(data)

"""One app instance per journal: an OS file lock on an empty ``NAME.rjournal.lock`` beside it.

The OS releases the lock when the process dies (``kill -9`` included), so a crash never leaves a
journal that claims to be open. The lock file holds no data.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import IO

from recovery_journal.errors import ErrorKind, UserError
from recovery_journal.storage.atomic import os_error_to_user_error

if os.name == "nt":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _try_lock(handle: IO[bytes]) -> bool:
        try:
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined,unused-ignore]
        except OSError:
            return False
        return True

else:
    import fcntl

    def _try_lock(handle: IO[bytes]) -> bool:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True


class InstanceLock:
    """Held while a journal is unlocked; :meth:`release` is idempotent."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._handle: IO[bytes] | None = None

    def acquire(self) -> None:
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        except OSError as exc:
            raise os_error_to_user_error(exc, "the journal's lock file") from None
        handle = os.fdopen(fd, "r+b")
        if not _try_lock(handle):
            handle.close()
            raise UserError(
                ErrorKind.ALREADY_OPEN,
                "This journal is already open in another Recovery Journal window or command.",
                hint="Close it there first (or lock it), then try again.",
            )
        self._handle = handle

    def release(self) -> None:
        if self._handle is not None:
            self._handle.close()  # closing drops the lock
            self._handle = None

    @property
    def held(self) -> bool:
        return self._handle is not None

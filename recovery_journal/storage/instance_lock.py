"""One app instance per journal: OS file locks held while a journal is unlocked.

Two locks, both released by the OS when the process dies (``kill -9`` included), so a crash never
leaves a journal that claims to be open:

- the *name* lock, on an empty ``NAME.rjournal.lock`` beside the journal's real path (symbolic
  links resolved first, so a linked alias of the pair, or a linked folder, finds the same lock);
- the *identity* lock (POSIX), a ``flock`` on the database file itself, which belongs to the
  file's device and inode: a hard-linked alias under another name finds it too. ``flock`` locks
  are separate from the POSIX record locks SQLite uses on the same file, so they never disturb
  SQLite's own locking (and closing this descriptor can't drop SQLite's locks, as closing a
  descriptor with ``fcntl`` locks would). Windows keeps the name lock only: its byte-range locks
  are mandatory and would block SQLite's reads.

The lock file holds no data.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import IO

from recovery_journal.errors import ErrorKind, UserError
from recovery_journal.paths import lock_path
from recovery_journal.storage.atomic import os_error_to_user_error

if os.name == "nt":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _try_lock(handle: IO[bytes]) -> bool:
        try:
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined,unused-ignore]
        except OSError:
            return False
        return True

    def _try_lock_fd(fd: int) -> bool:
        return True  # no identity lock on Windows (see the module docstring)

else:
    import fcntl

    def _try_lock(handle: IO[bytes]) -> bool:
        return _try_lock_fd(handle.fileno())

    def _try_lock_fd(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True


# (device, inode) of every database this process holds open: the app's save dialogs refuse to
# write over them under any name (services/files.py).
_OPEN_DATABASES: set[tuple[int, int]] = set()


def open_database_identities() -> frozenset[tuple[int, int]]:
    """Device and inode of each journal database this process has unlocked."""
    return frozenset(_OPEN_DATABASES)


def _already_open() -> UserError:
    return UserError(
        ErrorKind.ALREADY_OPEN,
        "This journal is already open in another Recovery Journal window or command.",
        hint="Close it there first (or lock it), then try again.",
    )


class InstanceLock:
    """Held while a journal is unlocked; :meth:`release` is idempotent. ``database``, when
    given, is also locked by its identity once it exists (see the module docstring)."""

    def __init__(self, path: Path, database: Path | None = None) -> None:
        self.path = path
        self.database = database
        self._handle: IO[bytes] | None = None
        self._identity_fd: int | None = None
        self._identity = (0, 0)

    @classmethod
    def for_journal(cls, journal: Path) -> InstanceLock:
        """The lock of the journal at ``journal``, under whatever name or link it is reached."""
        real = journal.resolve()
        return cls(lock_path(real), real)

    def acquire(self) -> None:
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        except OSError as exc:
            raise os_error_to_user_error(exc, "the journal's lock file") from None
        handle = os.fdopen(fd, "r+b")
        if not _try_lock(handle):
            handle.close()
            raise _already_open()
        self._handle = handle
        self.lock_identity()

    def lock_identity(self) -> None:
        """Lock the database file by identity (again harmless); for a journal just created."""
        if self.database is None or self._identity_fd is not None or os.name == "nt":
            return
        try:
            fd = os.open(self.database, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0))
        except OSError:
            return  # not there (yet), or unreadable: opening it reports that properly
        if not _try_lock_fd(fd):
            os.close(fd)
            self.release()
            raise _already_open()
        self._identity_fd = fd
        info = os.fstat(fd)
        self._identity = (info.st_dev, info.st_ino)
        _OPEN_DATABASES.add(self._identity)

    def renew_identity(self) -> None:
        """The database file was replaced by a new one (an atomic rename over it): lock the new
        file's identity, then let go of the old one's."""
        old_fd, old_identity = self._identity_fd, self._identity
        if old_fd is None:
            return
        self._identity_fd = None
        try:
            self.lock_identity()
        finally:
            _OPEN_DATABASES.discard(old_identity)
            os.close(old_fd)

    def release(self) -> None:
        if self._identity_fd is not None:
            _OPEN_DATABASES.discard(self._identity)
            os.close(self._identity_fd)
            self._identity_fd = None
        if self._handle is not None:
            self._handle.close()  # closing drops the lock
            self._handle = None

    @property
    def held(self) -> bool:
        return self._handle is not None

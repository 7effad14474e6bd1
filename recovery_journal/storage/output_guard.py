"""Refusing output paths that would overwrite a journal: exports, backups and saved sheets.

An export pointed at ``j.rjournal`` once replaced the encrypted journal with its own plaintext
export. Every file the person asks the app or the command line to write goes through
:func:`check_output_path` first. It refuses (with a :class:`UserError` of kind
``INVALID_INPUT``) a destination that is, or resolves to through symbolic links, a journal, its key
file, its ``-wal``/``-shm``/``-journal``/lock files, a key file being changed, or anything inside a
backups folder; a hard link to one of those under another name is caught by comparing the file's
identity (device and inode) with the journal's own files. Stdlib only, so the CLI stays light.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from recovery_journal.errors import ErrorKind, UserError
from recovery_journal.paths import JOURNAL_SUFFIX, KEYS_SUFFIX, backups_dir

# Names SQLite and the app give the files of a journal pair.
_JOURNAL_NAME_ENDINGS = (
    JOURNAL_SUFFIX,
    JOURNAL_SUFFIX + KEYS_SUFFIX,
    JOURNAL_SUFFIX + KEYS_SUFFIX + ".next",
    JOURNAL_SUFFIX + "-wal",
    JOURNAL_SUFFIX + "-shm",
    JOURNAL_SUFFIX + "-journal",
    JOURNAL_SUFFIX + ".lock",
)
_PAIR_SUFFIXES = ("", KEYS_SUFFIX, KEYS_SUFFIX + ".next", "-wal", "-shm", "-journal", ".lock")
_ENVELOPE_MARK = b'"recovery-journal-keys"'
_WAL_MAGIC = (b"\x37\x7f\x06\x82", b"\x37\x7f\x06\x83")


class OutputRefused(UserError):
    """The chosen output path would overwrite something that must not be overwritten."""

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(ErrorKind.INVALID_INPUT, message, hint=hint)


def _refused(what: str) -> OutputRefused:
    return OutputRefused(
        f"That place is {what}, so nothing was written there.",
        "Choose a new file name in another folder (for example your Documents folder).",
    )


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_dev, info.st_ino


def _pair_files(journal: Path) -> list[Path]:
    return [journal.with_name(journal.name + suffix) for suffix in _PAIR_SUFFIXES]


def _looks_like_key_file(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            head = handle.read(256)
    except OSError:
        return False
    return head.lstrip().startswith(b"{") and _ENVELOPE_MARK in head


def _looks_like_wal(path: Path) -> bool:
    """SQLite's write-ahead log starts with a fixed magic number (it may hold recent pages)."""
    try:
        with path.open("rb") as handle:
            return handle.read(4) in _WAL_MAGIC
    except OSError:
        return False


def _in_backups_folder(resolved: Path, backups_folders: Iterable[Path]) -> bool:
    folders = {f.resolve() for f in backups_folders}
    for parent in resolved.parents:
        if parent in folders:
            return True
        # The default folder beside any journal: NAME-backups next to NAME.rjournal.
        if parent.name.endswith("-backups"):
            stem = parent.name.removesuffix("-backups")
            if parent.with_name(stem + JOURNAL_SUFFIX).exists():
                return True
    return False


def check_output_path(
    destination: Path,
    *,
    journals: Iterable[Path] = (),
    backups_folders: Iterable[Path] = (),
    identities: Iterable[tuple[int, int]] = (),
    overwrite: bool = True,
) -> Path:
    """Return ``destination`` if writing there is safe, else raise :class:`OutputRefused`.

    ``journals`` are journal files whose pair must never be written over (the open one); their
    default backups folders and ``backups_folders`` are refused as places too; ``identities``
    are (device, inode) pairs of further files never to write over. Without
    ``overwrite``, an existing file is refused (the CLI's ``--force`` sets it)."""
    destination = destination.expanduser().absolute()
    resolved = destination.resolve()  # follows every link, also in the folders above
    journals = [j.absolute() for j in journals]
    for name in {destination.name, resolved.name}:
        if name.endswith(_JOURNAL_NAME_ENDINGS):
            raise _refused("a journal's own file")
    if os.path.isdir(resolved):
        raise _refused("a folder")
    if _in_backups_folder(resolved, [*backups_folders, *(backups_dir(j) for j in journals)]):
        raise _refused("inside a backups folder")
    target_id = _identity(resolved)
    if target_id is not None:
        protected = {_identity(p) for j in journals for p in _pair_files(j)} | set(identities)
        if target_id in protected or resolved.with_name(resolved.name + KEYS_SUFFIX).exists():
            raise _refused("a journal's own file")
        if _looks_like_key_file(resolved):
            raise _refused("a journal's key file")
        if _looks_like_wal(resolved):
            raise _refused("a journal's own file")
        if not overwrite:
            raise OutputRefused(
                f"“{destination.name}” already exists, so nothing was written.",
                "Choose another name, or add --force to replace it.",
            )
    return destination

"""Where journals, backups and settings live by default.

A journal is ``NAME.rjournal`` plus ``NAME.rjournal.keys``; the default one lives in the platform's
user data folder. ``RECOVERY_JOURNAL_PATH`` overrides the default (used by scripts and tests).
"""

from __future__ import annotations

import os
from pathlib import Path

APP_DIR_NAME = "RecoveryJournal"
JOURNAL_SUFFIX = ".rjournal"
KEYS_SUFFIX = ".keys"
ENV_JOURNAL_PATH = "RECOVERY_JOURNAL_PATH"


def data_dir() -> Path:
    """The per-user folder for journals (created on demand by whoever writes there)."""
    import platformdirs  # only when no journal is named: command lines start sooner

    return Path(platformdirs.user_data_dir(APP_DIR_NAME, appauthor=False))


def default_journal_path() -> Path:
    """The journal opened when none is named: the environment override, else the data folder."""
    override = os.environ.get(ENV_JOURNAL_PATH)
    if override:
        return normalise_journal_path(Path(override))
    return data_dir() / f"journal{JOURNAL_SUFFIX}"


def normalise_journal_path(path: Path) -> Path:
    """Accept ``x``, ``x.rjournal`` or ``x.rjournal.keys`` and return ``x.rjournal``."""
    path = path.expanduser()
    if path.name.endswith(JOURNAL_SUFFIX + KEYS_SUFFIX):
        path = path.with_name(path.name[: -len(KEYS_SUFFIX)])
    if not path.name.endswith(JOURNAL_SUFFIX):
        path = path.with_name(path.name + JOURNAL_SUFFIX)
    return path.absolute()


def keys_path(journal: Path) -> Path:
    """The key envelope that belongs to a journal file."""
    return journal.with_name(journal.name + KEYS_SUFFIX)


def next_keys_path(journal: Path) -> Path:
    """Where re-encrypting a journal puts its new key envelope until the database uses the new
    key (see ``storage/rekey.py``); present only while a re-encryption is unfinished."""
    return journal.with_name(journal.name + KEYS_SUFFIX + ".next")


def lock_path(journal: Path) -> Path:
    """The (empty) single-instance lock file beside a journal."""
    return journal.with_name(journal.name + ".lock")


def backups_dir(journal: Path) -> Path:
    """Automatic backups of a journal: a folder beside it, easy to find and to copy elsewhere."""
    stem = journal.name.removesuffix(JOURNAL_SUFFIX)
    return journal.with_name(f"{stem}-backups")


def make_private_dir(folder: Path) -> None:
    """Create ``folder`` and any missing parents as 0700 (owner only), whatever the umask:
    other users must not list journal or backup names and dates. Folders that already exist are
    left as they are (they may be the person's own, like Documents)."""
    missing: list[Path] = []
    current = folder
    while not current.exists():
        missing.append(current)
        if current.parent == current:
            break
        current = current.parent
    for path in reversed(missing):
        try:
            os.mkdir(path, 0o700)
        except FileExistsError:
            continue  # made meanwhile by someone else: not ours to change
        os.chmod(path, 0o700)  # the umask may have taken bits away; never adds any


def make_private_file(path: Path) -> None:
    """Make sure ``path`` exists as a 0600 file in a private folder (a settings file before Qt
    writes it: QSettings keeps the mode of the file it replaces)."""
    make_private_dir(path.parent)
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT, 0o600))
    os.chmod(path, 0o600)

"""The "already open" lock follows the journal, not its name (issue 8 §3): a symbolic-link or
hard-link alias of the pair, or a linked folder, finds the lock of the journal open elsewhere."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from recovery_journal.errors import ErrorKind, UserError
from recovery_journal.paths import keys_path
from recovery_journal.services.access import BackupSettings, open_journal, restore_backup
from recovery_journal.services.session import JournalSession
from tests.conftest import FAST, PASSPHRASE

NO_BACKUPS = BackupSettings(daily=False)


def _alias(journal: Path, alias: Path, link: str) -> Path:
    for source, target in ((journal, alias), (keys_path(journal), keys_path(alias))):
        if link == "symbolic":
            target.symlink_to(source)
        else:
            os.link(source, target)
    return alias


def _refused(path: Path) -> None:
    with pytest.raises(UserError) as caught:
        open_journal(path, PASSPHRASE, FAST, NO_BACKUPS).lock()
    assert caught.value.kind is ErrorKind.ALREADY_OPEN


@pytest.mark.parametrize("link", ["symbolic", "hard"])
def test_an_alias_of_an_open_journal_is_already_open(
    journal: JournalSession, tmp_path: Path, link: str
) -> None:
    (tmp_path / "other").mkdir()
    alias = _alias(journal.path, tmp_path / "other" / "alias.rjournal", link)
    _refused(alias)
    journal.lock()
    open_journal(alias, PASSPHRASE, FAST, NO_BACKUPS).lock()  # free again once locked


def test_a_linked_folder_finds_the_same_lock(journal: JournalSession, tmp_path: Path) -> None:
    folder = tmp_path / "linked"
    folder.symlink_to(journal.path.parent)
    _refused(folder / journal.path.name)


@pytest.mark.parametrize("link", ["symbolic", "hard"])
def test_an_alias_open_in_another_process_is_refused(
    journal: JournalSession, tmp_path: Path, link: str
) -> None:
    """The real case: another window (another process) has the alias open."""
    path = journal.path
    journal.lock()
    (tmp_path / "other").mkdir()
    alias = _alias(path, tmp_path / "other" / "alias.rjournal", link)
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys; from pathlib import Path; from tests.conftest import FAST, PASSPHRASE; "
            "from recovery_journal.services.access import BackupSettings, open_journal; "
            "s = open_journal(Path(sys.argv[1]), PASSPHRASE, FAST, BackupSettings(daily=False)); "
            "print('open', flush=True); sys.stdin.readline(); s.lock()",
            str(alias),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert holder.stdout is not None and holder.stdin is not None
    try:
        assert holder.stdout.readline().strip() == "open"
        _refused(path)
    finally:
        holder.stdin.write("\n")
        holder.stdin.close()
        holder.wait(timeout=60)


def test_restore_refuses_a_target_open_under_another_name(
    journal: JournalSession, tmp_path: Path
) -> None:
    bundle = journal.backup_to(tmp_path / "b.rjbackup").path
    alias = _alias(journal.path, tmp_path / "alias.rjournal", "hard")
    with pytest.raises(UserError) as caught:
        restore_backup(bundle, alias, replace_existing=True)
    assert caught.value.kind is ErrorKind.ALREADY_OPEN

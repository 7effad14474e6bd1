"""The command line never makes the person wait for upkeep (issue 14 items 5, 6): no check of
every page before a command, the daily backup only after the output is out and only when the
journal changed since the newest backup; damage found then is reported kindly (exit code 4)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from recovery_journal.cli import ENV_KDF_PROFILE, run
from recovery_journal.cli.common import EXIT_DAMAGED, EXIT_OK
from recovery_journal.paths import backups_dir
from recovery_journal.storage.database import damaged_error

PASS = "a calm long passphrase for tests"


@pytest.fixture
def journal(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    path = tmp_path / "cli.rjournal"
    monkeypatch.setenv("RECOVERY_JOURNAL_PATH", str(path))
    monkeypatch.setenv("RECOVERY_JOURNAL_PASSPHRASE", PASS)
    monkeypatch.setenv("RECOVERY_JOURNAL_NEW_PASSPHRASE", PASS)
    monkeypatch.setenv(ENV_KDF_PROFILE, "floor")
    assert run(["init"], io.StringIO(), io.StringIO()) == EXIT_OK
    return path


class _Watching(io.StringIO):
    """Output that notes, at every write, how many backups there were by then."""

    def __init__(self, folder: Path) -> None:
        super().__init__()
        self.folder = folder
        self.backups_seen: list[int] = []

    def write(self, text: str) -> int:
        self.backups_seen.append(len(_bundles(self.folder)))
        return super().write(text)


def _bundles(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.rjbackup")) if folder.exists() else []


def test_the_daily_backup_comes_after_the_output(journal: Path) -> None:
    out = _Watching(backups_dir(journal))
    assert run(["add", "a first entry"], out, io.StringIO()) == EXIT_OK
    assert "Saved entry" in out.getvalue()
    assert out.backups_seen and set(out.backups_seen) == {0}  # nothing yet while printing
    assert len(_bundles(backups_dir(journal))) == 1  # … and it was there when the run ended


def test_no_new_backup_while_the_journal_is_unchanged(journal: Path) -> None:
    folder = backups_dir(journal)
    assert run(["add", "an entry"], io.StringIO(), io.StringIO()) == EXIT_OK
    (first,) = _bundles(folder)
    earlier = first.with_name("2001" + first.name[4:])
    first.rename(earlier)  # taken on an earlier day: a new one is due today …
    assert run(["list"], io.StringIO(), io.StringIO()) == EXIT_OK
    assert _bundles(folder) == [earlier]  # … but nothing changed since it was taken
    assert run(["add", "another entry"], io.StringIO(), io.StringIO()) == EXIT_OK
    assert len(_bundles(folder)) == 2


def test_add_writes_without_checking_every_page_and_damage_is_told_after(journal: Path) -> None:
    for i in range(20):
        assert run(["add", f"day {i} " * 800], io.StringIO(), io.StringIO()) == EXIT_OK
    for bundle in _bundles(backups_dir(journal)):
        bundle.unlink()
    data = bytearray(journal.read_bytes())
    # A page an add does not read: 3/4 into the file (since the smaller search index of schema
    # version 10, the middle page is one it reads).
    data[(len(data) // 4096 * 3 // 4) * 4096 + 600] ^= 0x01
    journal.write_bytes(bytes(data))
    out, err = io.StringIO(), io.StringIO()
    code = run(["add", "written all the same"], out, err)
    assert "Saved entry" in out.getvalue()
    assert code == EXIT_DAMAGED
    assert damaged_error().message in err.getvalue()
    assert "Traceback" not in err.getvalue()
    assert not _bundles(backups_dir(journal))  # a damaged copy never joins the rotation

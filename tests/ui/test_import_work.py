"""The work behind the Import dialog and "Export your data", called as the worker thread calls it
(the dialog tests drive the same functions through the task runner)."""

from __future__ import annotations

from pathlib import Path

import pytest

from recovery_journal.errors import UserError
from recovery_journal.interop import ImportRefused
from recovery_journal.services.importing import ImportCancelled
from recovery_journal.services.session import JournalSession
from recovery_journal.ui.data_export_section import with_suffix, write_export
from recovery_journal.ui.import_work import PasswordNeeded, prepare, run_import
from recovery_journal.ui.tasks import Cancelled, Progress
from tests.interop.jrnl_builders import jrnl_v2
from tests.ui.test_import_dialog import daylio_csv


def progress() -> Progress:
    return Progress(lambda _done, _total: None)


def test_prepare_is_a_dry_run_and_run_import_writes_with_the_mood_map(
    journal: JournalSession, tmp_path: Path
) -> None:
    path = tmp_path / "daylio.csv"
    path.write_bytes(daylio_csv())
    prepared = prepare(journal, path)
    assert prepared.kind == "daylio-csv" and dict(prepared.mood_words) == {
        "rad": 1,
        "Tired": 1,
        "awful": 1,
    }
    assert (prepared.dry_run.added, prepared.dry_run.dry_run) == (3, True)
    assert journal.entries.list() == []
    summary = run_import(journal, prepared, {"Tired": 3}, progress())
    assert summary.added == 3 and sorted(e.check_in.mood or 0 for e in journal.entries.list()) == [
        0,
        0,
        3,
    ]
    assert prepare(journal, path).dry_run.already_there == 3


def test_a_cancelled_import_raises_and_writes_nothing(
    journal: JournalSession, tmp_path: Path
) -> None:
    path = tmp_path / "daylio.csv"
    path.write_bytes(daylio_csv())
    prepared = prepare(journal, path)
    stop = progress()
    stop.cancel()
    with pytest.raises(ImportCancelled):
        run_import(journal, prepared, {}, stop)
    assert journal.entries.list() == []


def test_an_encrypted_jrnl_journal_needs_its_password(
    journal: JournalSession, tmp_path: Path
) -> None:
    path = tmp_path / "journal.txt"
    path.write_bytes(jrnl_v2("[2023-05-01 07:30] Hello.\n", "secret"))
    with pytest.raises(PasswordNeeded):
        prepare(journal, path)
    with pytest.raises(ImportRefused) as wrong:
        prepare(journal, path, "nope")
    assert wrong.value.code == "wrong_password"
    assert prepare(journal, path, "secret").dry_run.added == 1


def test_a_missing_file_is_a_kind_error(journal: JournalSession, tmp_path: Path) -> None:
    with pytest.raises(UserError) as missing:
        prepare(journal, tmp_path / "gone.csv")
    assert "can't be read" in missing.value.message


@pytest.mark.parametrize(
    ("key", "name"),
    [("json", "a.json"), ("csv", "b.csv"), ("daily-csv", "c.csv"), ("markdown", "d.md")],
)
def test_write_export_writes_each_format_and_stops_when_cancelled(
    journal: JournalSession, tmp_path: Path, key: str, name: str
) -> None:
    assert write_export(journal, key, tmp_path / name, progress()) == 0
    assert (tmp_path / name).read_bytes()
    stop = progress()
    stop.cancel()
    with pytest.raises(Cancelled):
        write_export(journal, key, tmp_path / f"cancelled-{name}", stop)
    assert not (tmp_path / f"cancelled-{name}").exists()


def test_a_suffix_is_added_only_when_missing() -> None:
    assert with_suffix(Path("notes"), ".csv") == Path("notes.csv")
    assert with_suffix(Path("notes.txt"), ".csv") == Path("notes.txt")

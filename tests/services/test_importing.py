"""Importing another app's file into a journal: one transaction after a backup, idempotent by
source, same-minute entries kept, mood words mapped only when asked, nothing written on refusal."""

from __future__ import annotations

import dataclasses
from datetime import date
from typing import Any

import pytest

from recovery_journal import interop
from recovery_journal.domain.entries import Entry
from recovery_journal.services.export import export_document
from recovery_journal.services.importing import (
    ImportCancelled,
    ImportNotPossible,
    import_entries,
)
from recovery_journal.services.session import JournalSession

HEADER = "full_date,date,weekday,time,mood,activities,note_title,note\r\n"
ROWS = [
    '2024-03-02,March 2,Saturday,9:15 pm,rad,"walk | Family","","A good <b>day</b>."\r\n',
    '2024-03-02,March 2,Saturday,9:15 pm,sad ,"","","same minute, other words"\r\n',
    '2024-03-01,March 1,Friday,08:00,meh,"","Morning","coffee"\r\n',
    '2024-03-01,March 1,Friday,08:00,meh,"","",""\r\n',
]
CSV = ("\ufeff" + HEADER + "".join(ROWS)).encode("utf-8")


def content(journal: JournalSession) -> dict[str, Any]:
    """Everything the journal holds, as its export says (without the export's own time)."""
    doc = export_document(journal)
    doc.pop("exported_utc")
    return doc


def test_a_daylio_csv_is_imported_with_words_kept_and_moods_mapped_when_asked(
    journal: JournalSession, backups: Any
) -> None:
    result = interop.read(CSV)
    summary = import_entries(journal, result, mood_map={"rad": 9, "MEH": 5})
    assert (summary.added, summary.already_there, summary.format) == (4, 0, "daylio-csv")
    assert summary.unmapped_mood_words == ("sad",)
    assert (summary.first_day, summary.last_day) == (date(2024, 3, 1), date(2024, 3, 2))
    entries = journal.entries.list()
    assert len(entries) == 4
    same_minute = [e for e in entries if e.local_time == "21:15"]
    assert len(same_minute) == 2  # never merged
    by_word = {e.source.mood_label: e for e in entries if e.source}
    assert by_word["rad"].check_in.mood == 9 and by_word["rad"].tags == ("walk", "Family")
    assert by_word["rad"].body == "A good **day**."
    assert by_word["sad"].check_in.mood is None  # never guessed
    assert all(e.source and e.source.app == "daylio" for e in entries)
    assert all(e.utc_offset_minutes is None for e in entries)  # the CSV does not say
    assert summary.backup is not None and "before-import" in summary.backup.name
    assert summary.backup.exists()


def test_importing_the_same_file_again_adds_nothing(journal: JournalSession) -> None:
    first = import_entries(journal, interop.read(CSV))
    before = content(journal)
    again = import_entries(journal, interop.read(CSV, mood_map={"rad": 9}))
    assert (first.added, again.added, again.already_there) == (4, 0, 4)
    assert content(journal) == before


def test_a_file_with_one_more_row_adds_just_that_row(journal: JournalSession) -> None:
    import_entries(journal, interop.read(CSV))
    more = CSV + b'2024-03-03,March 3,Sunday,07:00,good,"","","new"\r\n'
    summary = import_entries(journal, interop.read(more))
    assert (summary.added, summary.already_there) == (1, 4)
    assert journal.entries.count() == 5


def test_a_dry_run_writes_nothing(journal: JournalSession) -> None:
    before = content(journal)
    summary = import_entries(journal, interop.read(CSV), dry_run=True)
    assert (summary.added, summary.dry_run, summary.backup) == (4, True, None)
    assert content(journal) == before


def test_a_refused_file_leaves_the_journal_unchanged(journal: JournalSession) -> None:
    journal.entries.add(Entry(date(2024, 1, 1), "mine"))
    before = content(journal)
    bad_last_row = CSV + b'2024-03-04,March 4,Monday,25:99,good,"","","x"\r\n'
    with pytest.raises(interop.ImportRefused) as refused:
        import_entries(journal, interop.read(bad_last_row))
    assert refused.value.code == "bad_time" and "x" not in refused.value.message
    assert content(journal) == before


def test_a_record_the_journal_cannot_hold_refuses_all_of_it(journal: JournalSession) -> None:
    """Validation happens before writing: a bad last record writes none of the others."""
    result = interop.read(CSV)
    bad = dataclasses.replace(result.entries[-1], tags=tuple(f"t{i}" for i in range(60)))
    broken = dataclasses.replace(result, entries=(*result.entries[:-1], bad))
    before = content(journal)
    with pytest.raises(ImportNotPossible) as refused:
        import_entries(journal, broken)
    assert refused.value.code == "bad_entry" and "Entry 4" in refused.value.message
    assert content(journal) == before


def test_a_bad_mood_mapping_is_refused(journal: JournalSession) -> None:
    with pytest.raises(ImportNotPossible):
        import_entries(journal, interop.read(CSV), mood_map={"rad": 11})
    assert journal.entries.count() == 0


def test_cancelling_rolls_everything_back(journal: JournalSession) -> None:
    rows = "".join(
        f'2023-01-{day:02d},x,x,10:00,good,"","","day {day}"\r\n' for day in range(1, 29)
    )
    data = (HEADER + rows).encode()
    calls: list[tuple[int, int]] = []
    with pytest.raises(ImportCancelled):
        import_entries(
            journal,
            interop.read(data),
            progress=lambda done, total: calls.append((done, total)),
            cancelled=lambda: len(calls) >= 3,
        )
    assert len(calls) == 3 and calls[-1][1] == 28
    assert journal.entries.count() == 0


def test_a_daylio_backup_keeps_level_offset_star_and_counts_photos(
    journal: JournalSession,
) -> None:
    from tests.interop.builders import day_entry, daylio_backup, daylio_document

    document = daylio_document(
        [day_entry(1, mood=2, isFavorite=True, note="photo day", assets=[1, 2])]
    )
    summary = import_entries(journal, interop.read(daylio_backup(document)))
    (entry,) = journal.entries.list()
    assert (entry.check_in.mood, entry.starred, entry.local_time, entry.utc_offset_minutes) == (
        7,
        True,
        "09:59",
        60,
    )
    assert summary.added == 1
    assert [(s.code, s.count) for s in summary.skipped] == [("photos", 2)]

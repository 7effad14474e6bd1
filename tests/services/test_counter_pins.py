"""Counters chosen for Today (issue 13 §1): a new counter shows on Today unless the person says
otherwise, unpinning hides it from Today only, and the choice survives an export and import;
an export from before the choice existed imports with every counter on Today."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from recovery_journal.services.export import export_json
from recovery_journal.services.restoring import import_export
from recovery_journal.services.session import JournalSession
from tests.services.test_restoring import VERSION_1_FILE, as_read, new_journal, records

TODAY = date(2025, 6, 1)


def _titles(session: JournalSession) -> list[str]:
    return [st.counter.title for st in session.progress.counters_on_today(TODAY)]


def test_a_new_counter_is_on_today_unless_the_person_says_not(journal: JournalSession) -> None:
    progress = journal.progress
    sober = progress.add_counter("Sober since", date(2025, 1, 1))
    quiet = progress.add_counter("Quiet one", date(2025, 2, 1), pinned=False)
    assert (sober.pinned, quiet.pinned) == (True, False)
    assert _titles(journal) == ["Sober since"]
    assert len(progress.all_counter_statuses(TODAY)) == 2  # the Milestones page has both


def test_unpinning_hides_a_counter_from_today_and_changes_nothing_else(
    journal: JournalSession,
) -> None:
    progress = journal.progress
    sober = progress.add_counter("Sober since", date(2025, 1, 1))
    assert sober.id is not None
    progress.record_slip(sober.id, date(2025, 3, 1), "a wedding", today=TODAY)
    before = progress.counter_status(sober.id, TODAY)
    unpinned = progress.set_pinned(sober.id, False)
    assert not unpinned.pinned
    assert _titles(journal) == []
    after = progress.counter_status(sober.id, TODAY)
    assert after.stats == before.stats and after.slips == before.slips
    assert after.counter.start_date == date(2025, 1, 1)
    progress.set_pinned(sober.id, True)
    assert _titles(journal) == ["Sober since"]


def test_an_archived_counter_is_not_on_today_even_when_pinned(journal: JournalSession) -> None:
    progress = journal.progress
    kept = progress.add_counter("Kept", date(2025, 1, 1))
    gone = progress.add_counter("Put away", date(2025, 1, 1))
    assert kept.id is not None and gone.id is not None
    progress.counters.archive(gone.id)
    assert _titles(journal) == ["Kept"]


def test_the_choice_survives_an_export_file_and_an_import(
    journal: JournalSession, tmp_path: Path
) -> None:
    journal.progress.add_counter("Sober since", date(2025, 1, 1))
    journal.progress.add_counter("Quiet one", date(2025, 2, 1), pinned=False)
    path = tmp_path / "export.json"
    export_json(journal, path)
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert [(c["title"], c["pinned"]) for c in doc["counters"]] == [
        ("Sober since", True),
        ("Quiet one", False),
    ]
    with new_journal(tmp_path, "restored") as restored:
        import_export(restored, doc)
        assert _titles(restored) == ["Sober since"]
        assert records(as_read(restored)) == records(doc)


def test_an_export_from_before_the_choice_imports_with_every_counter_on_today(
    journal: JournalSession, tmp_path: Path
) -> None:
    journal.progress.add_counter("Sober since", date(2025, 1, 1))
    journal.progress.add_counter("Smoke-free since", date(2025, 2, 1), pinned=False)
    doc = as_read(journal)
    doc["version"] = 4
    for row in doc["counters"]:
        del row["pinned"]
    with new_journal(tmp_path, "from-v4") as restored:
        import_export(restored, doc)
        assert _titles(restored) == ["Sober since", "Smoke-free since"]
    old = json.loads(VERSION_1_FILE.read_text(encoding="utf-8"))
    assert old["counters"] and all("pinned" not in row for row in old["counters"])
    with new_journal(tmp_path, "from-v1") as restored:
        import_export(restored, old)
        kept = [c for c in restored.progress.counters.list() if c.archived_utc is None]
        assert kept and all(c.pinned for c in kept)
        assert len(_titles(restored)) == len(kept)

"""Importing our own JSON export: everything comes back into a new journal, and exporting that
journal gives the same records; older export versions read; a journal with writing is refused."""

from __future__ import annotations

import dataclasses
import json
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from recovery_journal.demo import fill_demo_journal
from recovery_journal.domain.entries import CheckIn, Emotion, Entry, EntrySource
from recovery_journal.services.access import BackupSettings, create_journal
from recovery_journal.services.export import export_document
from recovery_journal.services.importing import ImportNotPossible
from recovery_journal.services.library import seed_default_library
from recovery_journal.services.restoring import import_export
from recovery_journal.services.session import JournalSession
from tests.conftest import FAST, PASSPHRASE

VERSION_1_FILE = Path(__file__).parents[1] / "data" / "export-v1.json"
_TOP = ("exported_utc", "journal_id", "app_version")


def records(doc: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in doc.items() if k not in _TOP}


def as_read(journal: JournalSession) -> dict[str, Any]:
    """The export as a file holds it (through JSON text, as an import reads it)."""
    return dict(json.loads(json.dumps(export_document(journal), ensure_ascii=False)))


@contextmanager
def new_journal(folder: Path, name: str, *, seeded: bool = True) -> Iterator[JournalSession]:
    """A new journal as `init` makes it (with the default coping library)."""
    backups = BackupSettings(folder=folder / f"{name}-backups", daily=False)
    session, _ = create_journal(folder / f"{name}.rjournal", PASSPHRASE, FAST, backups)
    try:
        if seeded:
            seed_default_library(session)
        yield session
    finally:
        session.lock()


def test_a_demo_journal_round_trips_through_its_export(
    journal: JournalSession, tmp_path: Path
) -> None:
    fill_demo_journal(journal, days=60, end=date(2026, 1, 31))
    doc = as_read(journal)
    with new_journal(tmp_path, "restored") as restored:
        summary = import_export(restored, doc)
        assert records(as_read(restored)) == records(doc)
        assert restored.entries.search(doc["entries"][0]["body"].split()[0])
    assert summary.records["entries"] == len(doc["entries"]) > 50
    assert summary.records["coping_uses"] == len(doc["coping_uses"]) > 0
    assert summary.backup is not None and summary.backup.exists()


_text = st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=40)
_entry = st.builds(
    Entry,
    local_date=st.dates(date(1990, 1, 1), date(2030, 12, 31)),
    body=_text.filter(str.strip),
    title=_text,
    check_in=st.builds(
        CheckIn,
        mood=st.none() | st.integers(0, 10),
        anxiety=st.none() | st.integers(0, 10),
        sleep_hours=st.none() | st.sampled_from([0.0, 6.5, 24.0]),
        emotions=st.lists(
            st.builds(Emotion, st.sampled_from(["calm", "sad", "joy"]), st.integers(0, 10)),
            max_size=2,
        ).map(tuple),
    ),
    tags=st.lists(st.sampled_from(["walk", "Family", "sleep", "été"]), max_size=3).map(tuple),
    bring_to_therapy=st.booleans(),
    created_utc=st.datetimes(datetime(2000, 1, 1), datetime(2030, 1, 1)).map(
        lambda d: d.replace(tzinfo=UTC)
    ),
    local_time=st.none() | st.sampled_from(["00:00", "23:59:59", "12:30"]),
    utc_offset_minutes=st.none() | st.integers(-720, 840),
    starred=st.booleans(),
    source=st.none()
    | st.builds(
        EntrySource,
        st.sampled_from(["daylio", "jrnl", "dayone", "recovery-journal"]),
        st.uuids().map(str),
        st.none() | st.sampled_from(["rad", "sad", "null"]),
    ),
)


@settings(max_examples=12, deadline=None)
@given(entries=st.lists(_entry, max_size=6), trash=st.booleans(), edit=st.booleans())
def test_export_import_export_gives_the_same_records(
    entries: list[Entry], trash: bool, edit: bool
) -> None:
    with tempfile.TemporaryDirectory() as folder, new_journal(Path(folder), "a") as first:
        saved = [first.entries.add(e) for e in entries]
        if saved and edit:
            first.entries.edit(dataclasses.replace(saved[0], check_in=saved[0].check_in))
            first.entries.edit(Entry(saved[0].local_date, "edited", id=saved[0].id, starred=True))
        if saved and trash:
            first.entries.move_to_trash(saved[-1].id or 0)
        doc = as_read(first)
        with new_journal(Path(folder), "b") as second:
            import_export(second, doc)
            assert records(as_read(second)) == records(doc)


def test_a_version_1_export_is_imported_whole(tmp_path: Path) -> None:
    old = json.loads(VERSION_1_FILE.read_text(encoding="utf-8"))
    with new_journal(tmp_path, "from-v1") as restored:
        summary = import_export(restored, old)
        doc = as_read(restored)
    assert summary.added == len(old["entries"]) > 0
    assert {row["stage"] for row in doc["warning_signs"]} >= {"breaking_down"}
    assert len(doc["safety_plan"]) == len(old["safety_plan"])
    assert all(e["local_time"] and e["source"] is None for e in doc["entries"])


def test_a_journal_with_writing_is_refused_unchanged(journal: JournalSession) -> None:
    journal.entries.add(Entry(date(2026, 1, 1), "mine"))
    before = records(as_read(journal))
    other = {"format": "recovery-journal-export", "version": 3, "entries": []}
    with pytest.raises(ImportNotPossible) as refused:
        import_export(journal, other)
    assert refused.value.code == "journal_not_empty"
    assert records(as_read(journal)) == before


def test_a_bad_last_record_refuses_the_file_without_quoting_it(tmp_path: Path) -> None:
    with tempfile.TemporaryDirectory() as folder, new_journal(Path(folder), "src") as source:
        fill_demo_journal(source, days=10, end=date(2026, 1, 31))
        doc = as_read(source)
    doc["phases"].append({"id": 99, "name": "SECRET-NAME", "start_date": "not a day"})
    with new_journal(tmp_path, "target") as target:
        before = records(as_read(target))
        with pytest.raises(ImportNotPossible) as refused:
            import_export(target, doc)
        assert records(as_read(target)) == before
    assert refused.value.code == "bad_record"
    assert '"phases"' in refused.value.message and "SECRET" not in str(refused.value)


@pytest.mark.parametrize(
    "doc",
    [{"format": "recovery-journal-export", "version": 99}, {"format": "other"}, [1, 2]],
)
def test_what_is_not_a_readable_export_is_refused(journal: JournalSession, doc: Any) -> None:
    with pytest.raises(ImportNotPossible) as refused:
        import_export(journal, doc)
    assert refused.value.code == "bad_export"


def test_a_dry_run_counts_without_writing(journal: JournalSession, tmp_path: Path) -> None:
    fill_demo_journal(journal, days=5, end=date(2026, 1, 31))
    doc = as_read(journal)
    with new_journal(tmp_path, "dry") as target:
        before = records(as_read(target))
        summary = import_export(target, doc, dry_run=True)
        assert records(as_read(target)) == before
    assert summary.dry_run and summary.records["entries"] == len(doc["entries"])
    assert summary.first_day is not None and summary.first_day >= date(2026, 1, 1) - timedelta(5)

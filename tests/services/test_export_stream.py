"""The JSON export is streamed to its file: the same document, progress as it goes, and a cancel
that leaves nothing behind."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from recovery_journal.demo import fill_demo_journal
from recovery_journal.domain.entries import Entry
from recovery_journal.services.export import (
    ExportCancelled,
    dumps,
    export_document,
    export_json,
)
from recovery_journal.services.session import JournalSession


@pytest.fixture
def demo(journal: JournalSession) -> JournalSession:
    fill_demo_journal(journal, days=40, end=date(2026, 2, 1))
    return journal


def test_the_file_is_the_whole_document_laid_out_as_before(
    demo: JournalSession, tmp_path: Path
) -> None:
    target = tmp_path / "export.json"
    counts = export_json(demo, target)
    written = target.read_text(encoding="utf-8")
    doc = export_document(demo)
    doc["exported_utc"] = json.loads(written)["exported_utc"]
    assert written == dumps(doc)  # byte for byte, one record a line
    assert counts == {k: len(v) for k, v in doc.items() if isinstance(v, list)}
    assert counts["entries"] > 30 and counts["trigger_events"] > 0
    assert target.stat().st_mode & 0o777 == 0o600


def test_an_empty_journal_exports_empty_lists(journal: JournalSession, tmp_path: Path) -> None:
    target = tmp_path / "empty.json"
    export_json(journal, target)
    doc = json.loads(target.read_text(encoding="utf-8"))
    assert doc["entries"] == [] and doc["drafts"] == []


def test_progress_goes_up_to_its_total(demo: JournalSession, tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    export_json(demo, tmp_path / "export.json", progress=lambda d, t: seen.append((d, t)))
    done = [d for d, _ in seen]
    assert done == sorted(done) and len(seen) > 10
    assert seen[-1][0] == seen[-1][1]


def test_a_cancelled_export_leaves_the_old_file_and_no_other(
    demo: JournalSession, tmp_path: Path
) -> None:
    target = tmp_path / "export.json"
    target.write_text("the export from last week", encoding="utf-8")
    calls = iter(range(100))
    with pytest.raises(ExportCancelled) as caught:
        export_json(demo, target, cancelled=lambda: next(calls) == 3)  # mid-way through
    assert caught.value.code == "cancelled"
    assert target.read_text(encoding="utf-8") == "the export from last week"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".export")] == []
    demo.entries.add(Entry(date(2026, 2, 2), "written right after"))  # no snapshot left open
    assert demo.entries.search("right after")

"""The export format's versions: version 2 writes stable codes, version 3 the entries' time,
star and source, version 4 the own measures, version 5 the counters' pin on Today; version-1 to
-4 files still read."""

from __future__ import annotations

import json
import time
from datetime import date
from enum import Enum
from pathlib import Path
from typing import Any

import pytest

from recovery_journal.demo import fill_demo_journal
from recovery_journal.domain.coping import CopingCategory, StrategySource
from recovery_journal.domain.progress import DayConvention, MilestoneKind
from recovery_journal.domain.support import ContactRole, SafetyStep
from recovery_journal.domain.tracking import TriggerCategory, WarningStage
from recovery_journal.services.export import EXPORT_VERSION, export_document
from recovery_journal.services.jsonable import upgraded_document
from recovery_journal.services.session import JournalSession

# An export written by Recovery Journal 0.1.0 (format version 1) from a 30-day demo journal.
VERSION_1_FILE = Path(__file__).parents[1] / "data" / "export-v1.json"

ENUM_FIELDS: dict[tuple[str, str], type[Enum]] = {
    ("triggers", "category"): TriggerCategory,
    ("warning_signs", "stage"): WarningStage,
    ("coping_plan", "warning_stage"): WarningStage,
    ("coping_strategies", "category"): CopingCategory,
    ("coping_strategies", "source"): StrategySource,
    ("safety_plan", "step"): SafetyStep,
    ("support_contacts", "role"): ContactRole,
    ("support_contacts", "safety_step"): SafetyStep,
    ("counters", "convention"): DayConvention,
    ("milestones", "kind"): MilestoneKind,
}


def _enums_in(doc: dict[str, Any]) -> dict[tuple[str, str], set[Enum]]:
    """Every enumeration value of the document, read with today's enums (raises if one isn't)."""
    found: dict[tuple[str, str], set[Enum]] = {}
    for (records, field), enum in ENUM_FIELDS.items():
        values = {row[field] for row in doc[records] if row.get(field) is not None}
        found[(records, field)] = {enum(value) for value in values}
    return found


def test_a_version_1_export_reads_as_the_current_version() -> None:
    old = json.loads(VERSION_1_FILE.read_text(encoding="utf-8"))
    assert old["version"] == 1 and "things are breaking down" in VERSION_1_FILE.read_text()
    new = upgraded_document(old)
    assert new["version"] == EXPORT_VERSION == 5
    found = _enums_in(new)
    assert WarningStage.BREAKING_DOWN in found[("warning_signs", "stage")]
    assert set(SafetyStep) == found[("safety_plan", "step")]
    assert ContactRole.CRISIS_LINE in found[("support_contacts", "role")]
    assert old["version"] == 1  # the document read is left as it was
    added = {"local_time", "utc_offset_minutes", "starred", "source"}
    assert [{k: v for k, v in e.items() if k not in added} for e in new["entries"]] == old[
        "entries"
    ]


def test_the_current_version_writes_codes_and_reads_unchanged(journal: JournalSession) -> None:
    fill_demo_journal(journal, days=30, end=date(2026, 1, 31))
    doc = json.loads(json.dumps(export_document(journal)))
    assert doc["version"] == 5
    assert upgraded_document(doc) is doc
    stages = {row["stage"] for row in doc["warning_signs"]}
    assert stages == {"early", "breaking_down", "crisis"}
    old = json.loads(VERSION_1_FILE.read_text(encoding="utf-8"))
    assert _enums_in(upgraded_document(old)).keys() == _enums_in(doc).keys()


@pytest.mark.parametrize(
    "doc",
    [
        {"format": "recovery-journal-export", "version": 6},
        {"format": "something else", "version": 1},
        {"version": 2},
    ],
)
def test_unknown_versions_and_other_files_are_refused(doc: dict[str, Any]) -> None:
    with pytest.raises(ValueError):
        upgraded_document(doc)


def test_a_version_2_export_gets_entry_times_from_created_utc(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Version 2 had no wall-clock time: it comes from ``created_utc`` in this computer's zone,
    as the schema-6 migration does; no star, no source."""
    monkeypatch.setenv("TZ", "America/New_York")
    time.tzset()
    try:
        entry = {"id": 1, "local_date": "2025-07-01", "created_utc": "2025-07-01T14:30:00Z"}
        doc = {"format": "recovery-journal-export", "version": 2, "entries": [entry]}
        (new,) = upgraded_document(doc)["entries"]
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()
    assert (new["local_time"], new["utc_offset_minutes"]) == ("10:30", -240)
    assert (new["starred"], new["source"]) == (False, None)
    assert "local_time" not in entry


def test_a_version_3_export_reads_unchanged_without_measures() -> None:
    """Version 3 had no own measures: it reads as version 4 with none, entries untouched."""
    entry = {"id": 1, "local_date": "2025-07-01", "local_time": "09:00", "starred": True}
    doc = {"format": "recovery-journal-export", "version": 3, "entries": [entry]}
    new = upgraded_document(doc)
    assert new["version"] == EXPORT_VERSION
    assert new["entries"] == [entry]
    assert new.get("measures", []) == []


def test_a_version_4_export_reads_with_every_counter_on_today() -> None:
    """Version 4 had no pin: every counter not archived showed on Today, so each reads as
    pinned; a counter that says otherwise keeps its word."""
    counters = [
        {"id": 1, "title": "Sober since", "start_date": "2025-01-01"},
        {"id": 2, "title": "Smoke-free since", "start_date": "2025-02-01", "pinned": False},
    ]
    doc = {"format": "recovery-journal-export", "version": 4, "counters": counters}
    new = upgraded_document(doc)
    assert new["version"] == EXPORT_VERSION
    assert [row["pinned"] for row in new["counters"]] == [True, False]
    assert "pinned" not in counters[0]  # the document read is left as it was

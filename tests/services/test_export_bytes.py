"""The JSON export's bytes stay exactly what they were before its fast path (issue 14 item 7).

Two independent references: the file the domain objects give (every collection's own list through
``jsonable``, laid out by ``dumps`` — the documented format, built without the export's SQL) for
a journal with every kind of record and the awkward values; and a file written by the export as
it was before (``tests/data/export-golden-v5.json``, by the code of commit 1178bc5: schema 9,
export version 5), imported into a new journal and exported again.
"""

from __future__ import annotations

import json
import json.encoder
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest

from recovery_journal.demo import fill_demo_journal
from recovery_journal.domain.coping import CopingCategory, CopingStrategy
from recovery_journal.domain.entries import CheckIn, Draft, Emotion, Entry, EntrySource
from recovery_journal.domain.measures import Measure, MeasureKind, MeasureValue
from recovery_journal.domain.tracking import Trigger, TriggerCategory
from recovery_journal.services.export import EXPORT_FORMAT, EXPORT_VERSION, dumps, export_json
from recovery_journal.services.jsonable import jsonable
from recovery_journal.services.restoring import import_export
from recovery_journal.services.session import JournalSession
from tests.services.test_data_export import collections_by_kind
from tests.services.test_restoring import new_journal

GOLDEN = Path(__file__).parents[1] / "data" / "export-golden-v5.json"
AWKWARD = 'quotes " and \\ back, a tab\t, a line\nbreak, \u2028, \x7f, été, 日本, 🌱 and } {'


def fill_awkward(journal: JournalSession) -> None:
    """Every kind of record (the demo) plus the values an encoder or a converter could get
    wrong: escapes and non-ASCII text, tags re-given in another order, instants with and
    without microseconds, fractional sleep, a trashed and an imported entry, each kind of own
    measure, an archived trigger, strategy steps, a draft and an edit's revision."""
    fill_demo_journal(journal, days=21, end=date(2026, 2, 1))
    first = journal.entries.add(
        Entry(
            date(2026, 2, 2),
            AWKWARD,
            title=AWKWARD,
            check_in=CheckIn(mood=0, sleep_hours=7.75, emotions=(Emotion("été", 10),)),
            tags=("zebra", "Alpha", "été"),
            created_utc=datetime(2026, 2, 2, 8, 0, tzinfo=UTC),
            local_time="08:00:59",
            utc_offset_minutes=-570,
        )
    )
    journal.entries.edit(Entry(date(2026, 2, 2), "edited", id=first.id, tags=("b", "zebra", "a")))
    journal.entries.add(
        Entry(
            date(1999, 12, 31),
            "from elsewhere",
            created_utc=datetime(1999, 12, 31, 23, 59, 59, 1, tzinfo=UTC),
            source=EntrySource("daylio", "x-1", None),
            starred=True,
            bring_to_therapy=True,
        )
    )
    gone = journal.entries.add(Entry(date(2026, 1, 3), "to the trash", tags=("zebra",)))
    journal.entries.move_to_trash(gone.id or 0)
    journal.entries.save_draft(Draft("today", date(2026, 2, 3), AWKWARD, tags=("a",)))
    trigger = journal.tracking.triggers.add(Trigger(AWKWARD, TriggerCategory.PLACES))
    journal.tracking.triggers.archive(trigger.id or 0)
    journal.coping.strategies.add(
        CopingStrategy("steps", CopingCategory.GROUNDING, steps=(AWKWARD, "", "3"))
    )
    measure_kinds: dict[MeasureKind, tuple[float, float]] = {
        MeasureKind.SCALE: (0, 10),
        MeasureKind.YES_NO: (1, 0),
        MeasureKind.NUMBER: (0.1, 1e-7),
    }
    for kind, values in measure_kinds.items():
        unit = "mg" if kind is MeasureKind.NUMBER else ""
        measure = journal.measures.add(Measure(f"{kind.value} {AWKWARD}", kind, unit=unit))
        days = (date(2026, 2, 1), date(2026, 2, 2))
        journal.measures.add_values(
            [
                MeasureValue(measure.id or 0, day, value)
                for day, value in zip(days, values, strict=True)
            ]
        )


def _from_domain(journal: JournalSession, header: dict[str, Any]) -> str:
    """The export as the documented format defines it, from the domain objects."""
    entries = sorted(journal.entries.list() + journal.entries.trash(), key=lambda e: e.id or 0)
    doc: dict[str, Any] = {
        **header,
        "entries": jsonable(entries),
        "entry_revisions": jsonable(journal.entries.history_everywhere()),
        "drafts": jsonable(journal.entries.drafts()),
    }
    for key, collection in collections_by_kind(journal).items():
        doc[key] = jsonable(collection.list(include_archived=True))
    return dumps(doc)


def test_the_file_is_byte_for_byte_what_the_domain_objects_give(
    journal: JournalSession, tmp_path: Path
) -> None:
    fill_awkward(journal)
    target = tmp_path / "export.json"
    export_json(journal, target)
    written = target.read_bytes()
    header = {k: v for k, v in json.loads(written).items() if not isinstance(v, list)}
    assert header["format"] == EXPORT_FORMAT and header["version"] == EXPORT_VERSION
    assert written == _from_domain(journal, header).encode("utf-8")
    assert AWKWARD.encode("utf-8") not in written  # escaped as JSON: \" \\ \t \n
    assert "été, 日本, 🌱".encode() in written  # not as \u escapes


def _after_header(text: bytes) -> bytes:
    return text[text.index(b'\n "entries": ') :]


def test_the_export_of_an_imported_golden_file_is_that_file(tmp_path: Path) -> None:
    golden = GOLDEN.read_bytes()
    with new_journal(tmp_path, "golden") as restored:
        import_export(restored, json.loads(golden))
        export_json(restored, tmp_path / "again.json")
    again = (tmp_path / "again.json").read_bytes()
    assert _after_header(again) == _after_header(golden)
    assert len(json.loads(golden)["measure_values"]) > 50


def test_a_python_without_the_c_encoder_writes_the_same_file(
    journal: JournalSession, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fill_awkward(journal)
    export_json(journal, tmp_path / "fast.json")
    monkeypatch.setattr(json.encoder, "c_make_encoder", None)  # as on an interpreter without it
    export_json(journal, tmp_path / "plain.json")
    fast, plain = (tmp_path / "fast.json").read_bytes(), (tmp_path / "plain.json").read_bytes()
    assert _after_header(plain) == _after_header(fast)

"""The export's record lists from plain SQL: a value stored in a form other than the one this app
writes still comes out as the ORM reads it, and a kind the plan cannot export whole is refused."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

import pytest
from sqlalchemy import text

from recovery_journal.domain.tracking import Trigger, TriggerEvent
from recovery_journal.services.jsonable import jsonable
from recovery_journal.services.session import JournalSession
from recovery_journal.storage import export_records, repositories
from recovery_journal.storage.orm import PhaseRow
from recovery_journal.storage.repository import Repository


def test_values_stored_in_other_forms_come_out_as_the_orm_reads_them(
    journal: JournalSession,
) -> None:
    trigger = journal.tracking.triggers.add(Trigger("noise"))
    occurred = datetime(2026, 1, 5, 9, 30, tzinfo=UTC)
    for _ in range(3):
        journal.tracking.trigger_events.add(
            TriggerEvent(trigger.id or 0, occurred, occurred.date(), 4)
        )
    stored = [  # (occurred_utc, local_date): as an older tool or a hand edit might have left them
        ("2026-01-05T09:30:00Z", "2026-W02-1"),
        ("2026-01-05T09:30:00.5+00:00", "2026-01-05"),
        ("2026-W02-1T09:30:00.000000Z", "2026-01-05"),
    ]
    with journal.transaction() as s:
        ids = s.execute(text("SELECT id FROM trigger_events ORDER BY id")).scalars().all()
        for ident, (instant, day) in zip(ids, stored, strict=True):
            s.execute(
                text("UPDATE trigger_events SET occurred_utc = :i, local_date = :d WHERE id = :id"),
                {"i": instant, "d": day, "id": ident},
            )
    with journal.reading() as conn:
        fast = export_records.record_documents(conn, repositories.TRIGGER_EVENTS)
    slow = jsonable(journal.tracking.trigger_events.list(include_archived=True))
    assert fast == slow
    assert {(r["occurred_utc"], r["local_date"]) for r in fast} == {
        ("2026-01-05T09:30:00Z", "2026-01-05"),
        ("2026-01-05T09:30:00.500000Z", "2026-01-05"),
    }
    assert date(2026, 1, 5).isoformat() == fast[0]["local_date"]


@dataclass(frozen=True, slots=True)
class _PhaseWithMore:
    name: str
    start_date: date
    notes: str = ""
    id: int | None = None
    colour: str = "blue"  # no column holds it


def test_a_kind_whose_fields_are_not_all_columns_is_refused(journal: JournalSession) -> None:
    repository = Repository(PhaseRow, _PhaseWithMore, "phase")
    with journal.reading() as conn, pytest.raises(TypeError):
        export_records.record_documents(conn, repository)

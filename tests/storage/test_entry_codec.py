"""One entry decoder for both read paths: by column name, through the entry's validation."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import text

from recovery_journal.domain.entries import CheckIn, Emotion, Entry
from recovery_journal.errors import ValidationError
from recovery_journal.services.session import JournalSession
from recovery_journal.storage import entries as orm_path
from recovery_journal.storage import reads


def test_both_read_paths_give_the_same_entry(journal: JournalSession) -> None:
    saved = journal.entries.add(
        Entry(
            date(2026, 2, 3),
            "a long walk",
            title="Walk",
            check_in=CheckIn(
                mood=6,
                anxiety=3,
                energy=7,
                sleep_hours=7.5,
                sleep_quality=4,
                emotions=(Emotion("calm", 6), Emotion("proud", 4)),
            ),
            tags=("walk", "outside"),
            bring_to_therapy=True,
        )
    )
    assert saved.id is not None
    with journal.transaction() as s:
        through_orm = orm_path.get(s, saved.id)
    with journal.reading() as conn:
        through_sql = reads.get(conn, saved.id)
    assert through_orm == through_sql == saved


def test_a_stored_value_out_of_range_is_refused_on_both_paths(journal: JournalSession) -> None:
    saved = journal.entries.add(Entry(date(2026, 2, 3), "fine", check_in=CheckIn(mood=5)))
    assert saved.id is not None
    with journal.transaction() as s:  # as a damaged or hand-edited file might hold it
        s.execute(text("UPDATE entries SET mood = 42 WHERE id = :id"), {"id": saved.id})
    with pytest.raises(ValidationError), journal.reading() as conn:
        reads.get(conn, saved.id)
    with pytest.raises(ValidationError), journal.transaction() as s:
        orm_path.get(s, saved.id)

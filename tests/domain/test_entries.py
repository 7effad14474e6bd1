"""Entry values: the wall-clock time, its offset and an imported entry's source are validated."""

from __future__ import annotations

from datetime import date

import pytest

from recovery_journal.domain.entries import Entry, EntrySource
from recovery_journal.errors import ValidationError


@pytest.mark.parametrize(
    ("local_time", "offset"),
    [("24:00", None), ("7:05", None), ("07:05:60", None), ("07:05", 18 * 60 + 1), ("07:05", True)],
)
def test_an_entry_refuses_a_bad_time_or_offset(local_time: str, offset: int | None) -> None:
    with pytest.raises(ValidationError):
        Entry(date(2026, 1, 1), "x", local_time=local_time, utc_offset_minutes=offset)


def test_good_times_and_offsets() -> None:
    assert Entry(date(2026, 1, 1), "x", local_time="23:59:59", utc_offset_minutes=-720).local_time
    assert Entry(date(2026, 1, 1), "x", local_time="00:00").utc_offset_minutes is None


def test_a_source_names_a_known_app_and_an_id() -> None:
    assert EntrySource("daylio", "k", "rad").mood_label == "rad"
    with pytest.raises(ValidationError):
        EntrySource("diaro", "k")
    with pytest.raises(ValidationError):
        EntrySource("jrnl", "")

"""The Journal list's counted pages: rows decoded when shown, a bounded number kept."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from recovery_journal.domain.entries import Entry
from recovery_journal.services.entries import EntryService
from recovery_journal.services.session import JournalSession
from recovery_journal.ui import entry_pages
from recovery_journal.ui.entry_pages import CountedPages, page_job

FILTERS = {"start": None, "end": None, "tag": None, "therapy_only": False, "trash": False}


def test_rows_decode_when_shown_and_only_the_last_few_are_kept(
    journal: JournalSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(entry_pages, "DECODED", 2)
    journal.entries.add_many(
        [Entry(date(2026, 1, 1) + timedelta(days=n), f"Day {n}") for n in range(7)]
    )
    total, pages = page_job(journal.entries, FILTERS, [0, 1, 2], 3)()
    assert total == 7 and [len(p) for p in pages.values()] == [3, 3, 1]
    counted = CountedPages(3, EntryService.entry_of)
    counted.reset(total, pages)
    shown = [counted.row(n) for n in (*range(7), 0, 6)]
    bodies = [row.entry.body for row in shown if isinstance(row, entry_pages.Row)]
    assert bodies == [f"Day {n}" for n in (6, 5, 4, 3, 2, 1, 0, 6, 0)]
    assert len(counted._rows) == 2  # decoded again when shown again, never more than DECODED
    assert counted.row(7) is None
    assert counted.row_of(journal.entries.list()[4].id or 0) == 4

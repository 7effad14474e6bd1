"""The Journal list's page read: entries as read (decoded when shown) and keyset paging."""

from __future__ import annotations

import gc
from datetime import date, timedelta
from typing import Any

import pytest

from recovery_journal.domain.entries import CheckIn, Emotion, Entry, EntrySource
from recovery_journal.services.entries import EntryService, ListedEntry
from recovery_journal.services.session import JournalSession
from recovery_journal.storage import reads

TAGS = ("walk", "Family", "sleep")
FEELINGS = ("calm", "proud", "tired")


def _fill(journal: JournalSession, count: int = 23) -> None:
    """Entries over a few days, several a day (the list breaks ties by id), with every kind of
    field: tags in a chosen order, emotions, stars, therapy marks, an import, some trashed; most
    written in date order (a page's ids lie close together), some not."""
    entries = []
    for n in range(count):
        entries.append(
            Entry(
                date(2026, 3, 1) + timedelta(days=n // 3),
                f"Line {n}\n\nsecond line {n}" if n % 4 else "",
                title="" if n % 2 else f"Title {n}",
                check_in=CheckIn(
                    mood=n % 11,
                    anxiety=(n * 3) % 11 if n % 3 else None,
                    sleep_hours=6.75 if n % 5 == 0 else None,
                    emotions=tuple(
                        Emotion(f, (n + i) % 11) for i, f in enumerate(FEELINGS[: n % 4])
                    ),
                ),
                tags=tuple(reversed(TAGS[: n % 4])) if n % 2 else TAGS[: n % 4],
                starred=n % 3 == 0,
                bring_to_therapy=n % 4 == 1,
                source=EntrySource("jrnl", f"jrnl:{n}") if n == 7 else None,
            )
        )
    # Written later about earlier days (an import): a page's ids then lie far apart.
    entries += [
        Entry(date(2026, 3, 1) + timedelta(days=(n * 5) % 8), f"Late {n}", tags=TAGS[n % 2 :])
        for n in range(9)
    ]
    journal.entries.add_many(entries)
    for listed in journal.entries.list()[::5]:
        assert listed.id is not None
        journal.entries.move_to_trash(listed.id)


def test_a_listed_entry_decodes_to_the_entry_the_list_and_get_give(
    journal: JournalSession,
) -> None:
    _fill(journal)
    for trash in (False, True):
        listed = journal.entries.page(trash=trash)
        entries = journal.entries.list(trash=trash)
        assert [EntryService.entry_of(item) for item in listed] == entries
        assert [EntryService.key_of(item) for item in listed] == [
            (e.id, e.local_date) for e in entries
        ]
        with journal.reading() as conn:  # one entry by id, as the command line's `show` reads it
            assert entries == [reads.get(conn, e.id) for e in entries if e.id is not None]


def test_a_page_holds_plain_values_the_collector_stops_tracking(journal: JournalSession) -> None:
    _fill(journal)
    page = journal.entries.page(limit=10)
    for _ in range(3):  # tuples are untracked inside out: emotions are pairs in a tuple in a row
        gc.collect()
    assert not any(gc.is_tracked(item) for item in page)


FILTERS: list[dict[str, Any]] = [
    {},
    {"trash": True},
    {"tag": "family"},
    {"starred_only": True},
    {"therapy_only": True},
    {"start": date(2026, 3, 2), "end": date(2026, 3, 5)},
    {"tag": "walk", "starred_only": True, "trash": False},
]


@pytest.mark.parametrize("filters", FILTERS, ids=lambda f: ",".join(f) or "all")
@pytest.mark.parametrize("size", [1, 3, 4])
def test_keyset_paging_gives_every_entry_once_in_order(
    journal: JournalSession, filters: dict[str, Any], size: int
) -> None:
    _fill(journal)
    whole = [e.id for e in journal.entries.list(**filters)]
    assert whole, "the filter selects something"
    seen: list[int] = []
    after: tuple[date, int] | None = None
    while True:
        page: list[ListedEntry] = journal.entries.page(**filters, limit=size, after=after)
        seen += [EntryService.key_of(item)[0] for item in page]
        if len(page) < size:
            break
        entry_id, day = EntryService.key_of(page[-1])
        after = (day, entry_id)
    assert seen == whole
    by_offset = [
        EntryService.key_of(item)[0]
        for start in range(0, len(whole), size)
        for item in journal.entries.page(**filters, limit=size, offset=start)
    ]
    assert by_offset == whole
    assert journal.entries.count(**filters) == len(whole)


def test_the_list_after_an_entry_starts_just_after_it(journal: JournalSession) -> None:
    _fill(journal)
    entries = journal.entries.list()
    middle = entries[7]
    assert middle.id is not None
    after = journal.entries.list(after=(middle.local_date, middle.id), limit=3)
    assert after == entries[8:11]

"""Journal entries through the services API: write, edit with history, trash, list, search."""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta

import pytest

from recovery_journal.domain.clock import wall_clock
from recovery_journal.domain.entries import (
    MATCH_END,
    MATCH_START,
    CheckIn,
    Draft,
    Emotion,
    Entry,
    EntrySource,
)
from recovery_journal.errors import ErrorKind, UserError, ValidationError
from recovery_journal.services.session import JournalSession
from tests.conftest import Reopen


def _entry(day: int, body: str, **kw: object) -> Entry:
    measures = {k: kw.pop(k) for k in list(kw) if k in CheckIn.__dataclass_fields__}
    return Entry(date(2026, 2, day), body, check_in=CheckIn(**measures), **kw)  # type: ignore[arg-type]


def test_add_returns_the_saved_entry_with_times(journal: JournalSession) -> None:
    saved = journal.entries.add(
        _entry(
            1,
            "hello",
            mood=7,
            anxiety=3,
            energy=5,
            sleep_hours=7.5,
            sleep_quality=4,
            emotions=(Emotion("calm", 6),),
            tags=("#Work", "work", " sleep "),
            bring_to_therapy=True,
        )
    )
    assert saved.id is not None and saved.created_utc is not None
    again = journal.entries.get(saved.id)
    assert again == saved
    assert again.tags == ("Work", "sleep")
    assert again.check_in.emotions == (Emotion("calm", 6),)


def test_edit_keeps_the_earlier_version(journal: JournalSession) -> None:
    saved = journal.entries.add(_entry(1, "first draft", title="T", mood=3))
    edited = journal.entries.edit(
        dataclasses.replace(saved, body="second draft", check_in=CheckIn(mood=5))
    )
    assert journal.entries.get(saved.id or 0).body == "second draft"
    history = journal.entries.history(saved.id or 0)
    assert [(r.body, r.mood) for r in history] == [("first draft", 3)]
    assert edited.updated_utc is not None and saved.updated_utc is not None
    assert edited.updated_utc >= saved.updated_utc


def test_edit_without_changes_adds_no_history(journal: JournalSession) -> None:
    saved = journal.entries.add(_entry(1, "same"))
    journal.entries.edit(dataclasses.replace(saved, bring_to_therapy=True))
    assert journal.entries.history(saved.id or 0) == []


def test_an_entry_keeps_its_tags_in_the_order_given_however_it_is_read(
    journal: JournalSession,
) -> None:
    """The tags come back in the order they were given — here not the order the tags were first
    made in — whether one entry is read or a list; so saving it unchanged keeps no version, and
    a new order is kept."""
    journal.entries.add(Entry(date(2026, 1, 1), body="first", tags=("zeta",)))
    entry = journal.entries.add(Entry(date(2026, 1, 2), body="then", tags=("alpha", "zeta")))
    assert entry.id is not None
    assert journal.entries.get(entry.id).tags == ("alpha", "zeta")
    assert [e.tags for e in journal.entries.list() if e.id == entry.id] == [("alpha", "zeta")]
    journal.entries.edit(journal.entries.get(entry.id))
    assert journal.entries.history(entry.id) == []
    journal.entries.edit(dataclasses.replace(entry, tags=("zeta", "alpha")))  # a new order
    assert journal.entries.get(entry.id).tags == ("zeta", "alpha")
    assert [e.tags for e in journal.entries.list() if e.id == entry.id] == [("zeta", "alpha")]


def test_trash_hides_and_restore_brings_back(journal: JournalSession) -> None:
    saved = journal.entries.add(_entry(1, "to think about"))
    journal.entries.move_to_trash(saved.id or 0)
    assert journal.entries.list() == []
    assert journal.entries.search("think") == []
    assert [e.body for e in journal.entries.trash()] == ["to think about"]
    journal.entries.restore(saved.id or 0)
    assert [e.body for e in journal.entries.list()] == ["to think about"]
    assert len(journal.entries.search("think")) == 1


def test_purge_only_removes_what_is_in_the_trash(journal: JournalSession) -> None:
    saved = journal.entries.add(_entry(1, "kept safe"))
    with pytest.raises(UserError) as caught:
        journal.entries.purge(saved.id or 0)
    assert caught.value.kind is ErrorKind.NOT_FOUND
    journal.entries.move_to_trash(saved.id or 0)
    journal.entries.purge(saved.id or 0)
    assert journal.entries.trash() == []
    assert journal.check().ok


def test_list_filters_by_dates_tag_and_therapy(journal: JournalSession) -> None:
    journal.entries.add_many(
        [
            _entry(1, "a", tags=("work",)),
            _entry(2, "b", bring_to_therapy=True),
            _entry(3, "c", tags=("Work", "sleep")),
            _entry(4, "d"),
        ]
    )
    assert [e.body for e in journal.entries.list()] == ["d", "c", "b", "a"]
    assert [e.body for e in journal.entries.list(start=date(2026, 2, 2), end=date(2026, 2, 3))] == [
        "c",
        "b",
    ]
    assert [e.body for e in journal.entries.list(tag="#WORK")] == ["c", "a"]
    assert [e.body for e in journal.entries.list(therapy_only=True)] == ["b"]
    assert [e.body for e in journal.entries.latest(2)] == ["d", "c"]
    assert journal.entries.count(tag="work") == 2
    assert journal.entries.tags() == ["sleep", "work"]


def test_several_entries_a_day_are_fine(journal: JournalSession) -> None:
    journal.entries.add(_entry(1, "morning"))
    journal.entries.add(_entry(1, "evening"))
    assert [e.body for e in journal.entries.list()] == ["evening", "morning"]


def test_search_finds_title_body_and_tags_with_highlight(journal: JournalSession) -> None:
    journal.entries.add(_entry(1, "walked by the river", title="Tuesday"))
    journal.entries.add(_entry(2, "nothing special", tags=("gratitude",)))
    hits = journal.entries.search("river")
    assert [h.entry.title for h in hits] == ["Tuesday"]
    assert f"{MATCH_START}river{MATCH_END}" in hits[0].snippet
    assert [h.entry.body for h in journal.entries.search("gratitude")] == ["nothing special"]
    assert [h.entry.body for h in journal.entries.search("tues")] == ["walked by the river"]


def test_search_follows_edits(journal: JournalSession) -> None:
    saved = journal.entries.add(_entry(1, "old word"))
    journal.entries.edit(dataclasses.replace(saved, body="new phrase"))
    assert journal.entries.search("old") == []
    assert len(journal.entries.search("phrase")) == 1


def test_search_ignores_accents_and_case(journal: JournalSession) -> None:
    journal.entries.add(_entry(1, "Café with Zoë"))
    assert len(journal.entries.search("cafe zoe")) == 1


def test_invalid_values_are_refused_before_writing(journal: JournalSession) -> None:
    with pytest.raises(ValidationError) as caught:
        _entry(1, "x", mood=11)
    assert caught.value.field == "mood"
    with pytest.raises(ValidationError):
        Entry(date(2026, 1, 1))  # nothing at all
    with pytest.raises(ValidationError):
        _entry(1, "x", sleep_hours=25.0)
    assert journal.entries.count() == 0


def test_a_failed_batch_writes_nothing(journal: JournalSession) -> None:
    good = _entry(1, "good")
    bad = dataclasses.replace(good, id=None)
    object.__setattr__(bad.check_in, "mood", 42)  # bypasses validation like a bug would
    with pytest.raises(UserError):
        journal.entries.add_many([good, bad])
    assert journal.entries.count() == 0


def test_draft_survives_locking_and_reopening(journal: JournalSession, reopen: Reopen) -> None:
    from recovery_journal.domain.entries import Draft

    journal.entries.save_draft(
        Draft("today", date(2026, 2, 5), body="half a thought", check_in=CheckIn(mood=4))
    )
    again = reopen(journal)
    try:
        draft = again.entries.draft("today")
        assert draft is not None and draft.body == "half a thought" and draft.check_in.mood == 4
        saved = again.entries.save_from_draft(draft)
        assert saved.body == "half a thought"
        assert again.entries.draft("today") is None
    finally:
        again.lock()


def test_empty_draft_clears_the_slot(journal: JournalSession) -> None:
    from recovery_journal.domain.entries import Draft

    journal.entries.save_draft(Draft("today", date(2026, 2, 5), body="x"))
    assert journal.entries.save_draft(Draft("today", date(2026, 2, 5))) is None
    assert journal.entries.draft("today") is None


def test_draft_of_an_edit_saves_as_an_edit_with_history(journal: JournalSession) -> None:
    from recovery_journal.domain.entries import Draft

    saved = journal.entries.add(_entry(1, "original"))
    slot = f"entry:{saved.id}"
    journal.entries.save_draft(Draft(slot, saved.local_date, body="revised", entry_id=saved.id))
    draft = journal.entries.draft(slot)
    assert draft is not None
    journal.entries.save_from_draft(draft)
    assert [e.body for e in journal.entries.list()] == ["revised"]
    assert [r.body for r in journal.entries.history(saved.id or 0)] == ["original"]


def test_daily_moods_average_live_entries_with_a_mood(journal: JournalSession) -> None:
    journal.entries.add_many(
        [
            _entry(1, "a", mood=4),
            _entry(1, "b", mood=7),
            _entry(2, "no mood"),
            _entry(3, "c", mood=9),
        ]
    )
    trashed = journal.entries.add(_entry(3, "d", mood=1))
    journal.entries.move_to_trash(trashed.id or 0)
    moods = journal.entries.daily_moods(date(2026, 2, 1), date(2026, 2, 2))
    assert moods == {date(2026, 2, 1): 5.5}
    assert journal.entries.daily_moods(date(2026, 2, 3), date(2026, 2, 3)) == {
        date(2026, 2, 3): 9.0
    }


def test_edit_can_drop_its_draft_in_the_same_transaction(journal: JournalSession) -> None:
    from recovery_journal.domain.entries import Draft

    saved = journal.entries.add(_entry(1, "v1"))
    slot = f"entry:{saved.id}"
    journal.entries.save_draft(Draft(slot, saved.local_date, body="v2", entry_id=saved.id))
    journal.entries.edit(dataclasses.replace(saved, body="v2"), discard_draft=slot)
    assert journal.entries.draft(slot) is None


def test_search_pages_and_filters_like_the_list(journal: JournalSession) -> None:
    journal.entries.add_many(
        [
            _entry(
                day,
                f"river walk number {day}",
                tags=("walk",) if day % 2 else (),
                bring_to_therapy=day == 4,
            )
            for day in range(1, 9)
        ]
    )
    first = journal.entries.search("river", limit=3)
    second = journal.entries.search("river", limit=3, offset=3)
    assert [h.entry.local_date.day for h in first + second] == [8, 7, 6, 5, 4, 3]
    assert all(h.snippet for h in first + second)
    tagged = journal.entries.search("river", tag="walk")
    assert [h.entry.local_date.day for h in tagged] == [7, 5, 3, 1]
    dated = journal.entries.search("river", start=date(2026, 2, 2), end=date(2026, 2, 3))
    assert [h.entry.local_date.day for h in dated] == [3, 2]
    assert [h.entry.local_date.day for h in journal.entries.search("river", therapy_only=True)] == [
        4
    ]


def test_search_and_list_in_the_trash(journal: JournalSession) -> None:
    kept = journal.entries.add(_entry(1, "kept river"))
    gone = journal.entries.add(_entry(2, "trashed river"))
    journal.entries.move_to_trash(gone.id or 0)
    assert [h.entry.id for h in journal.entries.search("river")] == [kept.id]
    assert [h.entry.id for h in journal.entries.search("river", trash=True)] == [gone.id]
    assert [e.id for e in journal.entries.list(trash=True)] == [gone.id]


def test_tags_with_non_ascii_capitals_are_one_tag(journal: JournalSession) -> None:
    """'Ärger' twice (and 'ärger') is one tag, and filtering by it finds every entry."""
    journal.entries.add(_entry(1, "a", tags=("Ärger",)))
    journal.entries.add(_entry(2, "b", tags=("Ärger",)))
    journal.entries.add(_entry(3, "c", tags=("ärger",)))
    assert journal.entries.tags() == ["Ärger"]
    assert [e.body for e in journal.entries.list(tag="ÄRGER")] == ["c", "b", "a"]
    assert len(journal.entries.search("b", tag="ärger")) == 1


def test_every_hit_gets_its_own_snippet_however_the_matches_are_spread(
    journal: JournalSession,
) -> None:
    """Pages of matches scattered through the journal, written out of date order, filtered:
    each hit's snippet is that entry's own text, highlighted."""
    order = sorted(range(150), key=lambda i: (i * 37) % 150)  # rowid order ≠ date order
    saved = journal.entries.add_many(
        [
            Entry(
                date(2025, 1, 1) + timedelta(days=i),
                f"note{i} " + ("a lantern in the window" if i % 9 == 0 else "a quiet evening"),
                tags=("odd",) if i % 2 else (),
            )
            for i in order
        ]
    )
    assert saved == 150
    for kwargs in ({}, {"tag": "odd"}, {"start": date(2025, 2, 1), "end": date(2025, 4, 1)}):
        hits, offset = [], 0
        while page := journal.entries.search("lantern", limit=4, offset=offset, **kwargs):
            hits += page
            offset += 4
        assert hits and len({h.entry.id for h in hits}) == len(hits)
        for hit in hits:
            own = hit.entry.body.split()[0]  # note<i>: only this entry has it
            assert own in hit.snippet, (hit.entry.body, hit.snippet)
            assert f"{MATCH_START}lantern{MATCH_END}" in hit.snippet


def test_a_new_entry_gets_its_wall_clock_time_and_offset(journal: JournalSession) -> None:
    saved = journal.entries.add(Entry(date(2026, 2, 1), "now"))
    assert saved.created_utc is not None
    assert (saved.local_time, saved.utc_offset_minutes) == wall_clock(saved.created_utc)
    assert journal.entries.list()[0].local_time == saved.local_time


def test_star_time_and_source_survive_edits_and_drafts(journal: JournalSession) -> None:
    source = EntrySource("jrnl", "jrnl:abc", None)
    saved = journal.entries.add(
        Entry(date(2020, 1, 1), "imported", local_time="23:59:30", starred=True, source=source)
    )
    assert saved.utc_offset_minutes is None  # the source did not say: nothing invented
    assert saved.id is not None
    edited = journal.entries.edit(dataclasses.replace(saved, body="changed", source=None))
    assert (edited.local_time, edited.starred, edited.source) == ("23:59:30", True, source)
    draft = Draft(slot=f"entry:{saved.id}", local_date=saved.local_date, body="again")
    again = journal.entries.save_from_draft(dataclasses.replace(draft, entry_id=saved.id))
    assert (again.local_time, again.starred, again.source) == ("23:59:30", True, source)
    unstarred = journal.entries.edit(dataclasses.replace(again, starred=False))
    assert journal.entries.get(unstarred.id or 0).starred is False


def test_starred_entries_can_be_listed_and_counted_alone(journal: JournalSession) -> None:
    journal.entries.add(_entry(1, "plain"))
    star = journal.entries.add(_entry(2, "starred", starred=True))
    journal.entries.add(_entry(3, "starred but trashed", starred=True))
    journal.entries.move_to_trash(journal.entries.list(limit=1)[0].id or 0)
    assert [e.id for e in journal.entries.list(starred_only=True)] == [star.id]
    assert journal.entries.count(starred_only=True) == 1
    assert journal.entries.count() == 2

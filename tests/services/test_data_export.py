"""The data behind the open exports: entries straight from SQL equal the domain's, and each day's
numbers equal what the export's records say."""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date
from statistics import mean
from typing import Any

from recovery_journal.demo import fill_demo_journal
from recovery_journal.domain.entries import CheckIn, Entry, EntrySource
from recovery_journal.services import data_export
from recovery_journal.services.collection import Collection
from recovery_journal.services.export import export_document
from recovery_journal.services.jsonable import jsonable
from recovery_journal.services.session import JournalSession


def collections_by_kind(journal: JournalSession) -> dict[str, Collection[Any]]:
    """Each record list of the JSON export (``triggers`` … ``measure_values``, in its order) and
    the domain collection it is made from: the reference the fast SQL paths are checked against."""
    t, c, s, p = journal.tracking, journal.coping, journal.support, journal.progress
    return {
        "triggers": t.triggers,
        "trigger_events": t.trigger_events,
        "warning_signs": t.warning_signs,
        "warning_sign_observations": t.observations,
        "coping_strategies": c.strategies,
        "coping_uses": c.uses,
        "coping_plan": c.plan_items,
        "safety_plan": s.safety_items,
        "support_contacts": s.contacts,
        "peer_meetings": s.meetings,
        "counters": p.counters,
        "slips": p.slips,
        "milestones": p.milestones,
        "goals": p.goals,
        "goal_steps": p.goal_steps,
        "phases": p.phases,
        "measures": journal.measures.definitions,
        "measure_values": journal.measures.values,
    }


def test_entries_from_sql_are_exactly_the_domain_entries(journal: JournalSession) -> None:
    fill_demo_journal(journal, days=40, end=date(2026, 1, 31))
    journal.entries.add(
        Entry(date(2020, 1, 1), "", local_time="07:00:30", source=EntrySource("daylio", "x", "ok"))
    )
    domain = journal.entries.list() + journal.entries.trash()
    fast = data_export.entry_documents(journal)
    assert {e["id"]: e for e in fast} == {e.id: jsonable(e) for e in domain}
    assert [e["id"] for e in fast] == sorted(e.id or 0 for e in domain)
    live = data_export.entry_documents(journal, live_only=True)
    assert [e["deleted_utc"] for e in live] == [None] * len(live) and len(live) < len(fast)
    assert [(e["local_date"], e["local_time"]) for e in live] == sorted(
        (e["local_date"], e["local_time"] or "") for e in live
    )


def _expected_days(doc: dict[str, Any]) -> dict[str, dict[str, Any]]:
    days: dict[str, dict[str, Any]] = defaultdict(Counter)
    moods: dict[str, list[int]] = defaultdict(list)
    for e in doc["entries"]:
        if e["deleted_utc"] is None:
            days[e["local_date"]]["entries"] += 1
            if e["mood"] is not None:
                moods[e["local_date"]].append(e["mood"])
    for t in doc["trigger_events"]:
        days[t["local_date"]]["trigger_events"] += 1
    for c in doc["coping_uses"]:
        days[c["local_date"]]["coping_uses"] += 1
    stage = {s["id"]: s["stage"] for s in doc["warning_signs"]}
    for o in doc["warning_sign_observations"]:
        days[o["local_date"]][f"warning_signs_{stage[o['sign_id']]}"] += 1
    for day, values in moods.items():
        days[day]["mood_min"], days[day]["mood_max"] = min(values), max(values)
        days[day]["mood_mean"] = round(mean(values), 2)
    return days


def test_daily_rows_match_the_records(journal: JournalSession) -> None:
    fill_demo_journal(journal, days=60, end=date(2026, 1, 31))
    rows = data_export.daily_rows(journal)
    expected = _expected_days(export_document(journal))
    assert [r["date"] for r in rows] == sorted(expected)
    for row in rows:
        want = expected[row["date"]]
        for key in ("entries", "trigger_events", "coping_uses", "warning_signs_crisis"):
            assert row[key] == want.get(key, 0), (row["date"], key)
        assert row["warning_signs_breaking_down"] == want.get("warning_signs_breaking_down", 0)
        assert (row["mood_min"], row["mood_max"]) == (want.get("mood_min"), want.get("mood_max"))
        if row["mood_mean"] is not None:
            assert abs(row["mood_mean"] - want["mood_mean"]) < 0.011
    assert any(r["trigger_events"] for r in rows) and any(r["coping_uses"] for r in rows)


def test_records_from_sql_are_exactly_the_domain_records(journal: JournalSession) -> None:
    """The JSON export's fast path gives what every collection's own list gives, in order."""
    fill_demo_journal(journal, days=60, end=date(2026, 1, 31))
    slow = collections_by_kind(journal)
    fast = data_export.record_documents(journal)
    assert list(fast) == list(slow)
    for key, collection in slow.items():
        assert fast[key] == jsonable(collection.list(include_archived=True)), key
    assert sum(len(v) for v in fast.values()) > 100


def test_a_days_mean_rounds_halves_away_from_zero_and_skips_empty_moods(
    journal: JournalSession,
) -> None:
    """Averaged in Python from the covering index (issue 12 speed): the same numbers SQLite's
    ``round(avg(…), 2)`` gave — 9/8 = 1.125 is 1.13, not Python's 1.12."""
    for mood in (1, 1, 1, 1, 1, 1, 1, 2, None):
        journal.entries.add(Entry(date(2026, 3, 1), "words", check_in=CheckIn(mood=mood)))
    journal.entries.add(Entry(date(2026, 3, 2), "no mood that day"))
    journal.entries.add(Entry(date(2026, 3, 3), "one mood", check_in=CheckIn(mood=7)))
    rows = {r["date"]: r for r in data_export.daily_rows(journal)}
    first = rows["2026-03-01"]
    assert (first["entries"], first["mood_mean"], first["mood_min"], first["mood_max"]) == (
        9,
        1.13,
        1,
        2,
    )
    second = rows["2026-03-02"]
    assert (second["entries"], second["mood_mean"], second["mood_min"]) == (1, None, None)
    assert rows["2026-03-03"]["mood_mean"] == 7.0

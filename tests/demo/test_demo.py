"""The demo journal: every kind of record, deterministic for a seed, and patterns that are real.

The pattern tests read one 365-day demo (built once for the module) through the JSON export, the
same way a person's data would leave the app, and check the relationships the demo promises:
slow improvement, harder trigger days, better weekends, poor sleep showing the next day, and
coping strategies that differ in how much they help.
"""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from statistics import mean
from typing import Any

import pytest

from recovery_journal.demo import fill_demo_journal
from recovery_journal.domain.entries import CheckIn, Entry
from recovery_journal.domain.support import ContactRole, SafetyStep
from recovery_journal.domain.tracking import WarningStage
from recovery_journal.services.access import BackupSettings, create_journal
from recovery_journal.services.export import export_document
from recovery_journal.services.session import JournalSession
from tests.conftest import FAST, PASSPHRASE

END = date(2025, 6, 30)
KINDS = (
    "entries",
    "entry_revisions",
    "triggers",
    "trigger_events",
    "warning_signs",
    "warning_sign_observations",
    "coping_strategies",
    "coping_uses",
    "coping_plan",
    "safety_plan",
    "support_contacts",
    "peer_meetings",
    "counters",
    "slips",
    "milestones",
    "goals",
    "goal_steps",
    "phases",
    "measures",
    "measure_values",
)

Doc = dict[str, Any]


def _demo_document(folder: Path, *, days: int, seed: int) -> Doc:
    session, _code = create_journal(
        folder / "demo.rjournal", PASSPHRASE, FAST, BackupSettings(folder=folder / "backups")
    )
    try:
        fill_demo_journal(session, days=days, seed=seed, end=END)
        return export_document(session)
    finally:
        session.lock()


def _content(doc: Doc) -> dict[str, list[Any]]:
    """Everything but row ids and the instants set by the clock at save time."""

    def strip(record: Any) -> Any:
        return {k: v for k, v in record.items() if k != "id" and not k.endswith("_utc")}

    return {kind: [strip(r) for r in doc[kind]] for kind in KINDS}


def _live_moods(doc: Doc) -> dict[date, list[int]]:
    moods: dict[date, list[int]] = defaultdict(list)
    for entry in doc["entries"]:
        if entry["deleted_utc"] is None and entry["mood"] is not None:
            moods[date.fromisoformat(entry["local_date"])].append(entry["mood"])
    return moods


@pytest.fixture(scope="module")
def year(tmp_path_factory: pytest.TempPathFactory) -> Doc:
    return _demo_document(tmp_path_factory.mktemp("year"), days=365, seed=7)


@pytest.fixture(scope="module")
def quarter(tmp_path_factory: pytest.TempPathFactory) -> Doc:
    return _demo_document(tmp_path_factory.mktemp("quarter"), days=120, seed=11)


# ---------------------------------------------------------------- every kind, believable


def test_every_kind_of_record_is_filled(quarter: Doc) -> None:
    empty = [kind for kind in KINDS if not quarter[kind]]
    assert empty == []


def test_counts_match_what_was_written(journal: JournalSession) -> None:
    counts = fill_demo_journal(journal, days=60, seed=3, end=END)
    assert counts["entries"] == len(journal.entries.list()) + len(journal.entries.trash())
    assert counts["coping_uses"] == journal.coping.uses.count()
    assert counts["trigger_events"] == journal.tracking.trigger_events.count()
    assert counts["measure_values"] == journal.measures.values.count() > 0


def test_some_entries_are_edited_trashed_or_for_therapy(quarter: Doc) -> None:
    entries = quarter["entries"]
    assert sum(e["deleted_utc"] is not None for e in entries) == 2
    assert 0 < sum(e["bring_to_therapy"] for e in entries) < len(entries) / 5
    edited = {r["entry_id"] for r in quarter["entry_revisions"]}
    assert edited and all(
        e["body"].startswith(r["body"])
        for e in entries
        for r in quarter["entry_revisions"]
        if e["id"] == r["entry_id"]
    )


def test_safety_plan_contacts_and_signs_cover_every_step_role_and_stage(quarter: Doc) -> None:
    assert {item["step"] for item in quarter["safety_plan"]} == {s.value for s in SafetyStep}
    assert {c["role"] for c in quarter["support_contacts"]} == {r.value for r in ContactRole}
    assert {s["stage"] for s in quarter["warning_signs"]} == {s.value for s in WarningStage}


def test_phone_numbers_are_invented_and_crisis_lines_are_placeholders(quarter: Doc) -> None:
    for contact in quarter["support_contacts"]:
        for number in re.findall(r"\d[\d -]{5,}\d", contact["reach"]):
            assert re.fullmatch(r"555-01\d\d", number), number
        if contact["role"] == ContactRole.CRISIS_LINE.value:
            assert "(example)" in contact["name"]


def test_events_and_uses_link_to_entries_and_triggers(quarter: Doc) -> None:
    entry_days = {e["id"]: e["local_date"] for e in quarter["entries"]}
    linked = [e for e in quarter["trigger_events"] if e["entry_id"] is not None]
    assert linked and all(entry_days[e["entry_id"]] == e["local_date"] for e in linked)
    assert any(u["trigger_event_id"] is not None for u in quarter["coping_uses"])
    assert any(m["counter_id"] is not None for m in quarter["milestones"])
    assert any(s["done_utc"] for s in quarter["goal_steps"])
    assert any(not s["done_utc"] for s in quarter["goal_steps"])


def test_entries_already_in_the_journal_are_left_alone(journal: JournalSession) -> None:
    mine = journal.entries.add(
        Entry(END - timedelta(days=3), "My own words.", check_in=CheckIn(mood=5))
    )
    counts = fill_demo_journal(journal, days=30, seed=2, end=END)
    assert journal.entries.get(mine.id or 0) == mine
    assert journal.entries.history(mine.id or 0) == []
    assert journal.entries.count() == counts["entries"] - counts["trashed"] + 1


def test_progress_is_reported_up_to_the_total(journal: JournalSession) -> None:
    calls: list[tuple[int, int]] = []
    fill_demo_journal(journal, days=20, seed=1, end=END, progress=lambda d, t: calls.append((d, t)))
    assert calls[-1][0] == calls[-1][1]
    assert [d for d, _ in calls] == sorted(d for d, _ in calls)


def test_at_least_one_day_is_needed(journal: JournalSession) -> None:
    with pytest.raises(ValueError):
        fill_demo_journal(journal, days=0)


# ---------------------------------------------------------------- deterministic


def test_same_seed_gives_the_same_journal(tmp_path: Path, quarter: Doc) -> None:
    again = _demo_document(tmp_path, days=120, seed=11)
    assert _content(again) == _content(quarter)


def test_another_seed_gives_another_journal(tmp_path: Path, quarter: Doc) -> None:
    other = _demo_document(tmp_path, days=120, seed=12)
    bodies = [e["body"] for e in other["entries"]]
    assert bodies != [e["body"] for e in quarter["entries"]]


# ---------------------------------------------------------------- the patterns are real


def test_mood_improves_over_the_year(year: Doc) -> None:
    moods = _live_moods(year)
    first, last = min(moods), max(moods)
    early = [m for d, ms in moods.items() if d < first + timedelta(days=30) for m in ms]
    late = [m for d, ms in moods.items() if d > last - timedelta(days=30) for m in ms]
    assert mean(late) > mean(early) + 1


def test_trigger_days_are_harder(year: Doc) -> None:
    moods = _live_moods(year)
    trigger_days = {date.fromisoformat(e["local_date"]) for e in year["trigger_events"]}
    with_trigger = [m for d, ms in moods.items() if d in trigger_days for m in ms]
    without = [m for d, ms in moods.items() if d not in trigger_days for m in ms]
    assert mean(with_trigger) < mean(without) - 0.5


def test_weekends_are_lighter_than_mondays(year: Doc) -> None:
    moods = _live_moods(year)
    weekend = [m for d, ms in moods.items() if d.weekday() >= 5 for m in ms]
    monday = [m for d, ms in moods.items() if d.weekday() == 0 for m in ms]
    assert mean(weekend) > mean(monday)


def test_poor_sleep_shows_in_the_next_days_mood(year: Doc) -> None:
    moods = _live_moods(year)
    sleep = {
        date.fromisoformat(e["local_date"]): e["sleep_hours"]
        for e in year["entries"]
        if e["sleep_hours"] is not None
    }
    after_short = [m for d, h in sleep.items() if h < 6 for m in moods.get(d + timedelta(1), [])]
    after_long = [m for d, h in sleep.items() if h >= 7.5 for m in moods.get(d + timedelta(1), [])]
    assert after_short and mean(after_short) < mean(after_long)


def test_some_strategies_help_much_more_than_others(year: Doc) -> None:
    drops: dict[int, list[int]] = defaultdict(list)
    for use in year["coping_uses"]:
        drops[use["strategy_id"]].append(use["distress_before"] - use["distress_after"])
    means = [mean(d) for d in drops.values() if len(d) >= 5]
    assert max(means) - min(means) >= 2


def test_early_warning_signs_are_common_and_crisis_signs_rare(year: Doc) -> None:
    stage = {s["id"]: s["stage"] for s in year["warning_signs"]}
    seen = [stage[o["sign_id"]] for o in year["warning_sign_observations"]]
    early, crisis = seen.count(WarningStage.EARLY.value), seen.count(WarningStage.CRISIS.value)
    assert early > 3 * crisis


def test_some_triggers_come_up_much_more_often(year: Doc) -> None:
    counts: dict[int, int] = defaultdict(int)
    for event in year["trigger_events"]:
        counts[event["trigger_id"]] += 1
    assert max(counts.values()) >= 4 * min(counts.values())


def test_own_measures_are_a_craving_scale_a_medication_yes_no_and_a_count(year: Doc) -> None:
    kinds = {m["name"]: (m["kind"], m["unit"]) for m in year["measures"]}
    assert kinds == {
        "Craving": ("scale", ""),
        "Took my medication": ("yes_no", ""),
        "Cigarettes": ("number", "cigarettes"),
    }
    ids = {m["name"]: m["id"] for m in year["measures"]}
    moods = {d: mean(ms) for d, ms in _live_moods(year).items()}

    def values(name: str) -> dict[date, float]:
        return {
            date.fromisoformat(v["local_date"]): v["value"]
            for v in year["measure_values"]
            if v["measure_id"] == ids[name]
        }

    craving = values("Craving")
    high = [moods[d] for d, v in craving.items() if v >= 6 and d in moods]
    low = [moods[d] for d, v in craving.items() if v < 6 and d in moods]
    assert mean(high) < mean(low) - 1  # strong cravings come on harder days
    assert 0.8 < mean(values("Took my medication").values()) < 1
    smoked = sorted(values("Cigarettes").items())
    assert mean(v for _d, v in smoked[-30:]) < mean(v for _d, v in smoked[:30])
    assert max(craving) <= END


def test_nothing_is_dated_after_now(journal: JournalSession) -> None:
    """Issue 13 §4: the demo journal must not hold events later today (made at 9 in the
    morning, the simulated evening's triggers, uses, signs, meetings and entries are left out)."""
    now = datetime.combine(END, time(9, 0)).astimezone().astimezone(UTC)
    fill_demo_journal(journal, days=60, seed=3, end=END, now=now)
    doc = export_document(journal)
    instants = {
        "trigger_events": "occurred_utc",
        "coping_uses": "used_utc",
        "warning_sign_observations": "observed_utc",
        "entries": "created_utc",
        "peer_meetings": "created_utc",
    }
    for kind, column in instants.items():
        times = [datetime.fromisoformat(r[column]) for r in doc[kind]]
        assert times, kind
        assert max(times) <= now, kind

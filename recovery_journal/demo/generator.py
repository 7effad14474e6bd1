"""Invented, realistic demo data: a whole journal that looks like a person's recovery year(s).

``fill_demo_journal`` writes every kind of record (entries with check-ins, triggers and their
events, warning signs, coping strategies and uses, plans, the safety plan, contacts, meetings,
counters with slips, milestones, goals, phases and own measures) so the app, the charts, the
report and the benchmarks have something true-to-life to show. The numbers carry patterns, not
uniform noise: mood improves slowly, weekends differ, a few bad stretches come and go, trigger
days are harder, poor sleep shows the next day, and some coping strategies reliably help more
than others.

Only ``random.Random(seed)`` is used, so the same seed, number of days and end date always give the
same journal. Everything is invented; phone numbers are fictional 555-01xx numbers and the crisis
line is a clearly marked placeholder. Writes go through the services API in a few large
transactions (one per batch), so ten years take seconds, not minutes.
"""

from __future__ import annotations

import math
import random
from datetime import date, datetime, timedelta
from typing import TypeVar

from recovery_journal.demo.filler import _aware, _Filler
from recovery_journal.demo.measures import fill_measures
from recovery_journal.demo.simulation import (
    ENTRY_BATCH,
    RARE_WORD,
    Progress,
    _at,
    _Day,
    _pick,
    _plan_counters,
    _Simulation,
)
from recovery_journal.demo.writer import _Writer
from recovery_journal.domain.clock import local_today, utc_now
from recovery_journal.domain.entries import Entry
from recovery_journal.services.session import JournalSession

__all__ = ["RARE_WORD", "Progress", "fill_demo_journal"]

T = TypeVar("T")


def _accidents(rng: random.Random, days: list[_Day], now: datetime) -> list[Entry]:
    """Two entries the person will move to the trash: a test note and a pasted-twice copy
    (fewer when the journal is too short or too new for them)."""
    first = days[0].day
    test_at = _at(first, 18, 2, 7)
    found: list[Entry] = []
    if test_at <= now:
        found.append(
            Entry(
                first,
                body="test — does this save?",
                title="test",
                created_utc=test_at,
                updated_utc=test_at,
            )
        )
    dated = [d for d in days if d.entries]
    if not dated:
        return found
    source = _pick(rng, dated).entries[0]
    copy_at = _aware(source.created_utc) + timedelta(minutes=3)
    if copy_at <= now:
        found.append(
            Entry(
                source.local_date,
                body=source.body,
                title=f"{source.title} (copy)".strip(),
                created_utc=copy_at,
                updated_utc=copy_at,
            )
        )
    return found


def _no_future(days: list[_Day], now: datetime) -> None:
    """Drop what the simulation put later than ``now`` (on the last day, when that is today):
    a demo journal holds nothing that has not happened yet. Events, uses and signs are sorted by
    time and a use comes after the event it answers, so the kept indices stay valid."""
    for day in days:
        day.events = [e for e in day.events if e.when <= now]
        day.uses = [u for u in day.uses if u.when <= now]
        day.signs = [s for s in day.signs if s[1] <= now]
        day.meetings = [m for m in day.meetings if m.created_utc is None or m.created_utc <= now]
        day.entries = [e for e in day.entries if e.created_utc is None or e.created_utc <= now]


def fill_demo_journal(
    session: JournalSession,
    *,
    days: int = 365,
    seed: int = 7,
    end: date | None = None,
    progress: Progress | None = None,
    now: datetime | None = None,
) -> dict[str, int]:
    """Fill ``session`` with ``days`` days of invented data ending on ``end`` (default: today).

    Returns how many records of each kind were written (``"entries"`` includes the two that end
    up in the trash). Deterministic for the same ``seed``, ``days`` and ``end``; nothing is dated
    after ``now`` (default: the present moment).
    """
    if days < 1:
        raise ValueError("days must be 1 or more")
    rng = random.Random(seed)
    last = end or local_today()
    first = last - timedelta(days=days - 1)
    simulated = _Simulation(rng, first, days).run()
    counters = _plan_counters(rng, simulated)
    writer = _Writer(rng, days)
    for day in simulated:
        day.entries = writer.entries_for(day)
    now = now or utc_now()
    _no_future(simulated, now)
    trash = _accidents(rng, simulated, now)
    total = 7 + math.ceil(sum(len(d.entries) for d in simulated) / ENTRY_BATCH)
    filler = _Filler(session, rng, first, last, progress, total)
    trigger_ids, sign_ids, strategy_ids = filler.libraries()
    filler.plans(trigger_ids, strategy_ids)
    filler.step()
    saved = filler.entries(simulated, trash)
    filler.events_and_uses(simulated, trigger_ids, strategy_ids, saved)
    filler.observations_and_meetings(simulated, sign_ids)
    filler.progress_records(simulated, counters)
    filler.edits_and_trash(saved, trash)
    filler.counts.update(fill_measures(session, simulated, seed))
    if progress is not None:
        progress(total, total)
    return filler.counts

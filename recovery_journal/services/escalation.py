"""Gathering the last days' records for the 'when peer support isn't enough' rules.

Reads only what the rules need (coping uses' distress before, trigger intensities, entry moods,
warning-sign observations with their sign's stage) for the 7-day window by local date, and asks
:mod:`recovery_journal.domain.escalation` which rules match. Nothing leaves the journal.
"""

from __future__ import annotations

from datetime import date

from recovery_journal.domain.escalation import (
    Match,
    Reading,
    RecentDays,
    SignSeen,
    evaluate,
    window_start,
)
from recovery_journal.services.unit_of_work import UnitOfWork
from recovery_journal.storage import entries as entry_repo
from recovery_journal.storage import repositories as repos


def recent_days(uow: UnitOfWork, today: date) -> RecentDays:
    """The snapshot of the 7 days ending ``today`` (local dates), read in one transaction."""
    start = window_start(today)
    with uow.transaction() as s:
        uses = repos.USES.between(s, start, today)
        events = repos.TRIGGER_EVENTS.between(s, start, today)
        observations = repos.OBSERVATIONS.between(s, start, today)
        stages = {g.id: g.stage for g in repos.WARNING_SIGNS.active(s, include_archived=True)}
        entries = entry_repo.list_entries(s, start=start, end=today)
    return RecentDays(
        today=today,
        distress=tuple(
            Reading(u.local_date, u.distress_before) for u in uses if u.distress_before is not None
        ),
        trigger_intensity=tuple(Reading(e.local_date, e.intensity) for e in events),
        moods=tuple(
            Reading(e.local_date, e.check_in.mood) for e in entries if e.check_in.mood is not None
        ),
        signs=tuple(
            SignSeen(o.local_date, stages[o.sign_id]) for o in observations if o.sign_id in stages
        ),
    )


def check_escalation(uow: UnitOfWork, today: date) -> list[Match]:
    """The rules that match the last 7 days, each with its evidence (empty: nothing to show)."""
    return evaluate(recent_days(uow, today))

"""Gathering the last days' records for the 'when peer support isn't enough' rules.

Reads only what the rules need (coping uses' distress before, trigger intensities, entry moods,
warning-sign observations with their sign's stage) for the 7-day window by local date, and asks
:mod:`recovery_journal.domain.escalation` which rules match. Nothing leaves the journal.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from recovery_journal.domain.escalation import (
    Match,
    Reading,
    RecentDays,
    SignSeen,
    evaluate,
    window_start,
)

if TYPE_CHECKING:
    from recovery_journal.services.session import JournalSession


def recent_days(session: JournalSession, today: date) -> RecentDays:
    """The snapshot of the 7 days ending ``today`` (local dates)."""
    start = window_start(today)
    uses = session.coping.uses.between(start, today)
    events = session.tracking.trigger_events.between(start, today)
    observations = session.tracking.observations.between(start, today)
    stages = {s.id: s.stage for s in session.tracking.warning_signs.list(include_archived=True)}
    entries = session.entries.list(start=start, end=today)
    return RecentDays(
        today=today,
        distress=tuple(
            Reading(u.local_date, u.distress_before) for u in uses if u.distress_before is not None
        ),
        trigger_intensity=tuple(Reading(e.local_date, e.intensity) for e in events),
        moods=tuple(Reading(e.local_date, e.mood) for e in entries if e.mood is not None),
        signs=tuple(
            SignSeen(o.local_date, stages[o.sign_id]) for o in observations if o.sign_id in stages
        ),
    )


def check_escalation(session: JournalSession, today: date) -> list[Match]:
    """The rules that match the last 7 days, each with its evidence (empty: nothing to show)."""
    return evaluate(recent_days(session, today))

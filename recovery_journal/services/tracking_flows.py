"""Deprecated: the tracking use cases are methods of ``session.tracking`` now
(:mod:`recovery_journal.services.tracking`). These delegating functions keep code written against
the old module-level style working for one release; new code calls the service.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from recovery_journal.domain.coping import CopingStrategy, PlanTarget
from recovery_journal.domain.tracking import WarningStage
from recovery_journal.services.session import JournalSession
from recovery_journal.services.tracking import (
    CheckedSigns,
    LogChoices,
    LoggedTrigger,
    SignCheck,
    TrackingOverview,
)

__all__ = [
    "CheckedSigns",
    "LogChoices",
    "LoggedTrigger",
    "PlanTarget",
    "SignCheck",
    "TrackingOverview",
]


def trigger_counts(session: JournalSession, start: date, end: date) -> dict[int, int]:
    return session.tracking.trigger_counts(start, end)


def last_seen(session: JournalSession) -> dict[int, date]:
    return session.tracking.last_seen()


def overview(session: JournalSession, today: date, **kwargs: Any) -> TrackingOverview:
    return session.tracking.overview(today, **kwargs)


def todays_entry_id(session: JournalSession, day: date) -> int | None:
    return session.tracking.todays_entry_id(day)


def log_choices(session: JournalSession, today: date) -> LogChoices:
    return session.tracking.log_choices(today)


def plan_after_trigger(session: JournalSession, trigger_id: int) -> list[CopingStrategy]:
    return session.tracking.plan_after_trigger(trigger_id)


def plan_for_signs(
    session: JournalSession, sign_ids: Iterable[int]
) -> dict[WarningStage, list[CopingStrategy]]:
    return session.tracking.plan_for_signs(sign_ids)


def log_trigger(
    session: JournalSession, trigger_id: int | None, intensity: int, **kwargs: Any
) -> LoggedTrigger:
    return session.tracking.log_trigger_and_plan(trigger_id, intensity, **kwargs)


def sign_check(session: JournalSession, today: date) -> SignCheck:
    return session.tracking.sign_check(today)


def check_signs_today(
    session: JournalSession, sign_ids: Iterable[int], *args: Any, **kwargs: Any
) -> CheckedSigns:
    return session.tracking.check_signs_today(sign_ids, *args, **kwargs)

"""Insights' queries walk covering indexes: no wide entry rows, no temporary B-trees.

With SQLCipher's memory security on (DESIGN.md §3), every row a sort or a temporary index
touches costs allocator system calls, and reading an entry's row decrypts the pages holding its
text; the chart numbers stay fast only while every query keeps this shape (docs/BENCHMARKS.md).
No timing here: the plans SQLite chooses are checked instead.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from recovery_journal.demo import fill_demo_journal
from recovery_journal.domain.insights import Period
from recovery_journal.storage import aggregates, insight_numbers

# Tables that grow with every day written; the small personal libraries (triggers, phases,
# counters and their slips…) may be scanned and sorted.
DAILY = ("entries", "entry_tags", "trigger_events", "warning_sign_observations", "coping_uses")
ALIASES = ("e", "et", "u", "o")  # as the queries name the daily tables
LOADERS: dict[str, Callable[[Any, Period], object]] = {
    "mood": aggregates.mood,
    "triggers": aggregates.triggers,
    "warning-signs": aggregates.warning_signs,
    "coping": aggregates.coping,
    "milestones": aggregates.progress,
    "checkins": aggregates.checkins,
    "summary": insight_numbers.summary,
    "daily_moods": aggregates.daily_moods,
    "factor_days": insight_numbers.factor_days,
}


class _Recording:
    """A connection that remembers every statement run through it."""

    def __init__(self, conn: Any) -> None:
        self.conn = conn
        self.statements: list[tuple[str, Any]] = []

    def execute(self, sql: str, args: Any = ()) -> Any:
        self.statements.append((sql, args))
        return self.conn.execute(sql, args)


@pytest.fixture(scope="module")
def plans(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[tuple[str, list[str]]]]:
    from recovery_journal.services.access import BackupSettings, create_journal
    from tests.conftest import FAST, PASSPHRASE

    path = tmp_path_factory.mktemp("plans") / "plans.rjournal"
    session, _ = create_journal(path, PASSPHRASE, FAST, BackupSettings(daily=False))
    try:
        fill_demo_journal(session, days=120, end=date(2026, 1, 31))
        period = Period(date(2025, 10, 1), date(2026, 1, 31))
        found: dict[str, list[tuple[str, list[str]]]] = {}
        with session.reading() as conn:
            for name, loader in LOADERS.items():
                recording = _Recording(conn)
                loader(recording, period)
                found[name] = [
                    (sql, [row[3] for row in conn.execute("EXPLAIN QUERY PLAN " + sql, args)])
                    for sql, args in recording.statements
                ]
        return found
    finally:
        session.lock()


def _daily_tables(sql: str) -> set[str]:
    return {t for t in DAILY if re.search(rf"\b(FROM|JOIN)\s+{t}\b", sql)}


@pytest.mark.parametrize("name", list(LOADERS))
def test_no_temporary_b_tree_over_daily_rows(
    plans: dict[str, list[tuple[str, list[str]]]], name: str
) -> None:
    for sql, plan in plans[name]:
        if _daily_tables(sql):
            assert not [line for line in plan if "TEMP B-TREE" in line], (sql, plan)


@pytest.mark.parametrize("name", list(LOADERS))
def test_daily_rows_come_from_covering_indexes(
    plans: dict[str, list[tuple[str, list[str]]]], name: str
) -> None:
    """Never the table itself (for ``entries``: the pages of every text) nor a full scan."""
    for sql, plan in plans[name]:
        for line in plan:
            words = line.split()
            if words[:1] in (["SCAN"], ["SEARCH"]) and words[1] in DAILY + ALIASES:
                assert "COVERING INDEX" in line, (sql, plan)

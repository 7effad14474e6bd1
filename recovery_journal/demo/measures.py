"""The demo journal's own measures: a craving scale, a medication yes/no and a cigarette count.

Written for the days the invented person wrote something, from the simulated day (craving rises
on hard, triggered days; the medication is sometimes missed in a dip; cigarettes fall slowly over
the period). A random generator of their own, seeded from the journal's seed, so the rest of the
demo journal is exactly what it was before measures existed.
"""

from __future__ import annotations

import random

from recovery_journal.demo.simulation import _clamp, _Day
from recovery_journal.domain.measures import Measure, MeasureKind, MeasureValue
from recovery_journal.services.session import JournalSession

MEASURES = (
    Measure("Craving"),
    Measure("Took my medication", MeasureKind.YES_NO),
    Measure("Cigarettes", MeasureKind.NUMBER, "cigarettes"),
)


def fill_measures(session: JournalSession, days: list[_Day], seed: int) -> dict[str, int]:
    """Define the three measures and write their values; returns the counts written."""
    rng = random.Random(seed * 7_919 + 13)
    craving, meds, cigarettes = (session.measures.add(m).id for m in MEASURES)
    assert craving is not None and meds is not None and cigarettes is not None
    values: list[MeasureValue] = []
    for day in days:
        if not day.entries:
            continue
        p = day.index / max(1, len(days) - 1)
        urge = 7.4 - 0.65 * day.mood + 0.6 * len(day.events) + 0.5 * day.dip + rng.gauss(0, 1)
        values.append(MeasureValue(craving, day.day, float(_clamp(urge, 0, 10))))
        missed = 0.04 + 0.12 * min(day.dip, 2.0)
        values.append(MeasureValue(meds, day.day, 0.0 if rng.random() < missed else 1.0))
        smoked = 14 * (1 - p) + 1.5 * len(day.events) + rng.gauss(0, 1.5)
        values.append(MeasureValue(cigarettes, day.day, float(max(0, round(smoked)))))
    session.measures.add_values(values)
    return {"measures": len(MEASURES), "measure_values": len(values)}
